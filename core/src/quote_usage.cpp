// How quotes read consumption and spread it: months, load profiles, the
// split of a month's kWh over TOU periods, and usage in JSON.
#include <cstdio>

#include "powerdesk/allocation.hpp"
#include "powerdesk/bill_json.hpp"
#include "quote_internal.hpp"

namespace powerdesk::quote_detail {
namespace {

void period_weights(const LoadProfile& profile, const TouSchedule& schedule, int month,
                    std::array<int64_t, kTouPeriodCount>& out) {
  // Quarter hours: TOU windows start on the hour or half hour in every pack.
  for (int q = 0; q < 96; ++q) out[static_cast<size_t>(schedule.period_at(month, q * 15))] += profile.hourly[q / 4];
}

}  // namespace

std::optional<Date> read_month(FieldReader& r, const Json& parent, std::string_view key, const std::string& path,
                               bool required) {
  auto text = r.string(parent, key, path, required);
  if (!text) return std::nullopt;
  int y = 0, m = 0;
  char tail = 0;
  std::optional<Date> d;
  if (text->size() == 7 && std::sscanf(text->c_str(), "%4d-%2d%c", &y, &m, &tail) == 2 && (*text)[4] == '-')
    d = Date::from_ymd(y, m, 1);
  if (!d || y < 1900 || y > 2199) {
    r.add(make_issue(Code::DateInvalid, pointer_join(path, key), "月份须为 YYYY-MM，如 2025-03：" + *text,
                     "A month is YYYY-MM, e.g. 2025-03: " + *text));
    return std::nullopt;
  }
  return d;
}

Result<const LoadProfile*> find_profile(const PackRegistry& packs, const RulePack& regional, Date day,
                                        const std::string& code, const std::string& path) {
  if (auto it = regional.load_profiles.find(code); it != regional.load_profiles.end()) return &it->second;
  if (const RulePack* n = packs.national(day)) {
    if (auto it = n->load_profiles.find(code); it != n->load_profiles.end()) return &it->second;
  }
  return make_issue(Code::ProfileUnknown, path, "规则包中没有典型负荷曲线 " + code,
                    "No typical load profile " + code + " in the packs in force");
}

const PlanGroup* plan_group_of(const RulePack& pack, const std::string& tariff) {
  for (const PlanGroup& g : pack.plan_groups)
    for (const PlanOption& o : g.options)
      if (o.tariff == tariff) return &g;
  return nullptr;
}

Usage split_by_profile(Energy kwh, const LoadProfile& profile, const Tariff& tariff, const RulePack& pack,
                       int month) {
  Usage u;
  const std::vector<TouPeriod>& periods = tariff.periods();
  const auto& rules = tariff.rules;
  const std::string& code = std::holds_alternative<ResidentialTariff>(rules)
                                ? std::get<ResidentialTariff>(rules).tou_schedule
                                : std::get<ComponentTariff>(rules).tou_schedule;
  auto sched = pack.tou_schedules.find(code);
  if (code.empty() || sched == pack.tou_schedules.end()) {
    u.kwh[static_cast<size_t>(TouPeriod::Flat)] = kwh;
    return u;
  }
  std::array<int64_t, kTouPeriodCount> by_period{};
  period_weights(profile, sched->second, month, by_period);
  std::vector<int64_t> weights;
  for (TouPeriod p : periods) weights.push_back(by_period[static_cast<size_t>(p)]);
  int64_t sum = 0;
  for (int64_t w : weights) sum += w;
  if (sum == 0) weights.assign(weights.size(), 1);  // a profile with no load in any period: spread evenly
  const std::vector<int64_t> shares = split_by_weights(kwh.units(), weights, pack.rounding.allocation_unit());
  for (size_t i = 0; i < periods.size(); ++i) u.kwh[static_cast<size_t>(periods[i])] = Energy::from_units(shares[i]);
  return u;
}

std::optional<QuoteUsage> read_usage(FieldReader& r, const Json& request, bool year) {
  const Json* u = r.object(request, "usage", "", true);
  if (!u) return std::nullopt;
  r.reject_unknown(*u, "/usage", {"kwh", "kwh_by_period", "kwh_by_month", "profile", "kvarh"});
  QuoteUsage out;
  const size_t before = r.issues().size();
  out.kwh = r.decimal<Energy::scale>(*u, "kwh", "/usage", false, Energy{}, kMaxKwh);
  out.kvarh = r.decimal<Energy::scale>(*u, "kvarh", "/usage", false, Energy{}, kMaxKwh);
  out.profile = r.string(*u, "profile", "/usage", false).value_or("");
  const int forms = int(u->contains("kwh")) + int(u->contains("kwh_by_period")) + int(u->contains("kwh_by_month"));
  if (forms != 1) {
    r.add(make_issue(forms ? Code::UsageConflict : Code::UsageMissing, "/usage",
                     "usage 须给出 kwh、kwh_by_period、kwh_by_month 之一", "usage needs exactly one of kwh, kwh_by_period, kwh_by_month"));
  }
  if (const Json* by = r.object(*u, "kwh_by_period", "/usage", false)) {
    if (year) {
      r.add(make_issue(Code::UsageConflict, "/usage/kwh_by_period", "全年试算请给 kwh（可带 profile）或 kwh_by_month",
                       "A year quote takes kwh (with a profile) or kwh_by_month"));
    }
    Usage usage;
    read_kwh_by_period(r, *by, "/usage/kwh_by_period", usage);
    out.by_period = usage;
    if (!out.profile.empty()) {
      r.add(make_issue(Code::UsageConflict, "/usage/profile", "已按时段给出电量，不再需要 profile",
                       "kWh by period is given; profile does not apply"));
    }
  }
  if (const Json* bm = r.array(*u, "kwh_by_month", "/usage", false)) {
    if (!year) {
      r.add(make_issue(Code::UsageConflict, "/usage/kwh_by_month", "kwh_by_month 只用于全年试算（year）",
                       "kwh_by_month is for a year quote"));
    } else if (bm->size() != 12) {
      r.add(make_issue(Code::FieldType, "/usage/kwh_by_month", "kwh_by_month 须为 12 个月的电量",
                       "kwh_by_month needs 12 values, January to December"));
    } else {
      for (size_t i = 0; i < 12; ++i)
        if (auto e = r.decimal_value<Energy::scale>((*bm)[i], pointer_join("/usage/kwh_by_month", i), Energy{}, kMaxKwh))
          out.by_month.push_back(*e);
    }
  }
  if (r.issues().size() != before && has_errors(r.issues())) return std::nullopt;
  if (!out.kwh && !out.by_period && out.by_month.empty()) {  // e.g. "kwh": null
    r.add(make_issue(Code::UsageMissing, "/usage", "usage 须给出 kwh、kwh_by_period、kwh_by_month 之一",
                     "usage needs exactly one of kwh, kwh_by_period, kwh_by_month"));
    return std::nullopt;
  }
  return out;
}

Json tariff_ref(const Tariff& tariff) {
  return Json{{"code", tariff.code}, {"label", bilingual_json(tariff.label)}};
}

Json usage_json(const Usage& usage) {
  Json by = Json::object();
  for (TouPeriod p : kAllTouPeriods)
    if (!usage.kwh[static_cast<size_t>(p)].is_zero()) by[std::string(tou_period_code(p))] = usage.kwh[static_cast<size_t>(p)].str();
  Json j{{"by_period", by}, {"kwh", usage.total().str()}};
  if (usage.kvarh) j["kvarh"] = usage.kvarh->str();
  return j;
}

}  // namespace powerdesk::quote_detail
