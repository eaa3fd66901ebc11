// Time-of-use periods (分时时段) and the schedules that place hours in them.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "powerdesk/text.hpp"

namespace powerdesk {

// In bill order. `Flat` is also the single period of a non-TOU tariff.
enum class TouPeriod { Sharp, Peak, Flat, Valley, DeepValley };
inline constexpr int kTouPeriodCount = 5;
inline constexpr std::array<TouPeriod, kTouPeriodCount> kAllTouPeriods = {
    TouPeriod::Sharp, TouPeriod::Peak, TouPeriod::Flat, TouPeriod::Valley, TouPeriod::DeepValley};

std::string_view tou_period_code(TouPeriod p);  // "sharp", "peak", "flat", "valley", "deep_valley"
std::optional<TouPeriod> tou_period_from_code(std::string_view code);
const Bilingual& tou_period_label(TouPeriod p);  // 尖峰/Critical peak …

struct TouWindow {
  TouPeriod period;
  int from_minute;  // [from, to) minutes after midnight; to may be 1440
  int to_minute;
};

struct TouSeason {
  std::vector<int> months;         // 1..12
  std::vector<TouWindow> windows;  // cover 00:00–24:00 exactly once
};

struct TouSchedule {
  std::string code;
  Bilingual label;
  std::vector<TouSeason> seasons;  // cover months 1..12 exactly once
  // Which period the hour-of-day falls in for a month, e.g. for the portal's 24-hour band.
  TouPeriod period_at(int month, int minute_of_day) const;
};

}  // namespace powerdesk
