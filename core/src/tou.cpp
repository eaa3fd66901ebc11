#include "powerdesk/tou.hpp"

#include <algorithm>

namespace powerdesk {

std::string_view tou_period_code(TouPeriod p) {
  switch (p) {
    case TouPeriod::Sharp: return "sharp";
    case TouPeriod::Peak: return "peak";
    case TouPeriod::Flat: return "flat";
    case TouPeriod::Valley: return "valley";
    case TouPeriod::DeepValley: return "deep_valley";
  }
  return "flat";
}

std::optional<TouPeriod> tou_period_from_code(std::string_view code) {
  for (TouPeriod p : kAllTouPeriods) {
    if (tou_period_code(p) == code) return p;
  }
  return std::nullopt;
}

const Bilingual& tou_period_label(TouPeriod p) {
  static const Bilingual kLabels[kTouPeriodCount] = {
      {"尖峰", "Critical peak"}, {"高峰", "Peak"}, {"平段", "Flat"},
      {"低谷", "Valley"},        {"深谷", "Deep valley"}};
  return kLabels[static_cast<int>(p)];
}

TouPeriod TouSchedule::period_at(int month, int minute) const {
  for (const TouSeason& s : seasons) {
    if (std::find(s.months.begin(), s.months.end(), month) == s.months.end()) continue;
    for (const TouWindow& w : s.windows) {
      if (minute >= w.from_minute && minute < w.to_minute) return w.period;
    }
  }
  return TouPeriod::Flat;
}

}  // namespace powerdesk
