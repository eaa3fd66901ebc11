// Reads the "tariffs" section of a rule pack into typed tariffs, validating
// each against the pack's TOU schedules.
#include <algorithm>
#include <set>

#include "pack_reader.hpp"

namespace powerdesk::pack_reader {
namespace {

std::vector<TouPeriod> schedule_periods(const TouSchedule& s) {
  std::set<TouPeriod> used;
  for (const auto& season : s.seasons)
    for (const auto& w : season.windows) used.insert(w.period);
  return {used.begin(), used.end()};
}

// Resolves "tou_schedule" into the list of periods the tariff prices.
bool tariff_periods(FieldReader& r, const Json& node, const std::string& path,
                    const RulePack& pack, std::string& schedule, std::vector<TouPeriod>& out) {
  auto code = r.string(node, "tou_schedule", path, false);
  if (!code) {
    out = {TouPeriod::Flat};
    return true;
  }
  auto it = pack.tou_schedules.find(*code);
  if (it == pack.tou_schedules.end()) {
    invalid(r, pointer_join(path, "tou_schedule"), "未定义的分时时段表 " + *code,
            "TOU schedule " + *code + " is not defined in tou_schedules");
    return false;
  }
  schedule = *code;
  out = schedule_periods(it->second);
  return true;
}

// A price for a period the tariff's schedule never uses would be silently dead data.
bool period_in_tariff(FieldReader& r, TouPeriod per, const std::vector<TouPeriod>& periods,
                      const std::string& path) {
  if (std::find(periods.begin(), periods.end(), per) != periods.end()) return true;
  invalid(r, path, "该时段不在本电价的分时表中", "period is not used by this tariff's schedule");
  return false;
}

std::vector<Energy> bases_list(FieldReader& r, const Json& parent, const std::string& path) {
  std::vector<Energy> out;
  const Json* a = r.array(parent, "bases", path, true);
  if (!a) return out;
  const std::string p = pointer_join(path, "bases");
  for (size_t i = 0; i < a->size(); ++i) {
    auto e = r.decimal_value<Energy::scale>((*a)[i], pointer_join(p, i), Energy::from_int(1),
                                            Energy::from_int(10'000'000));
    if (!e) return {};
    if (!out.empty() && *e <= out.back()) {
      invalid(r, pointer_join(p, i), "阶梯分档电量必须递增", "tier bases must increase");
      return {};
    }
    out.push_back(*e);
  }
  if (out.empty()) invalid(r, p, "至少需要一个分档电量", "at least one tier base is required");
  if (out.size() + 1 > static_cast<size_t>(kMaxTiers)) {
    invalid(r, p, "阶梯不能超过 " + std::to_string(kMaxTiers) + " 档", "at most " + std::to_string(kMaxTiers) + " tiers");
    return {};
  }
  return out;
}

std::optional<ResidentialTiers> residential_tiers(FieldReader& r, const Json& node,
                                                  const std::string& path) {
  const Json* t = r.object(node, "tiers", path, true);
  if (!t) return std::nullopt;
  const std::string p = pointer_join(path, "tiers");
  r.reject_unknown(*t, p, {"basis", "year_start_month", "bases", "seasonal_bases",
                           "household_size", "shared_meter_option_min_persons",
                           "low_income_free_kwh_per_month"});
  ResidentialTiers tiers;
  auto basis = r.string(*t, "basis", p, true);
  if (basis == "annual") tiers.basis = TierBasis::Annual;
  else if (basis == "monthly") tiers.basis = TierBasis::Monthly;
  else if (basis) invalid(r, pointer_join(p, "basis"), "basis 应为 annual 或 monthly",
                          "basis must be annual or monthly");
  tiers.year_start_month =
      static_cast<int>(r.integer(*t, "year_start_month", p, false, 1, 12).value_or(1));
  tiers.bases = bases_list(r, *t, p);
  if (const Json* seasonal = r.array(*t, "seasonal_bases", p, false)) {
    const std::string sp = pointer_join(p, "seasonal_bases");
    if (tiers.basis != TierBasis::Monthly) {
      invalid(r, sp, "季节性分档仅适用于月度阶梯", "seasonal_bases need the monthly basis");
    }
    std::set<int> covered;
    for (size_t i = 0; i < seasonal->size(); ++i) {
      const std::string ip = pointer_join(sp, i);
      r.reject_unknown((*seasonal)[i], ip, {"months", "bases"});
      SeasonalBases sb;
      auto ms = months(r, (*seasonal)[i], ip);
      sb.bases = bases_list(r, (*seasonal)[i], ip);
      if (!ms) continue;
      for (int m : *ms) {
        if (!covered.insert(m).second)
          invalid(r, ip, "月份 " + std::to_string(m) + " 属于多个季节",
                  "month " + std::to_string(m) + " is in more than one season");
      }
      sb.months = *ms;
      if (sb.bases.size() != tiers.bases.size())
        invalid(r, pointer_join(ip, "bases"), "季节分档数量须与 bases 相同",
                "seasonal bases must have as many entries as bases");
      tiers.seasonal.push_back(std::move(sb));
    }
  }
  if (const Json* hs = r.array(*t, "household_size", p, false)) {
    const std::string hp = pointer_join(p, "household_size");
    for (size_t i = 0; i < hs->size(); ++i) {
      const std::string ip = pointer_join(hp, i);
      r.reject_unknown((*hs)[i], ip, {"min_persons", "extra_kwh_per_month"});
      auto persons = r.integer((*hs)[i], "min_persons", ip, true, 2, 50);
      auto extra = r.decimal<Energy::scale>((*hs)[i], "extra_kwh_per_month", ip, true,
                                            Energy::from_int(0), Energy::from_int(100000));
      if (persons && extra) tiers.household_size.push_back({static_cast<int>(*persons), *extra});
    }
  }
  tiers.shared_meter_option_min_persons = static_cast<int>(
      r.integer(*t, "shared_meter_option_min_persons", p, false, 2, 50).value_or(0));
  tiers.low_income_free_kwh_per_month =
      r.decimal<Energy::scale>(*t, "low_income_free_kwh_per_month", p, false, Energy::from_int(0),
                               Energy::from_int(1000))
          .value_or(Energy{});
  return tiers;
}

std::optional<ResidentialTariff> residential(FieldReader& r, const Json& node,
                                             const std::string& path, const RulePack& pack) {
  r.reject_unknown(node, path, {"kind", "label", "citation", "tiers", "tou_schedule", "prices",
                                "tou_prices", "tier_markups", "shared_meter_price"});
  ResidentialTariff t;
  auto tiers = residential_tiers(r, node, path);
  if (!tiers || !tariff_periods(r, node, path, pack, t.tou_schedule, t.periods)) return std::nullopt;
  t.tiers = *tiers;
  const size_t n = static_cast<size_t>(t.tiers.tier_count());
  const Json* prices = r.object(node, "prices", path, false);
  const Json* tou = r.object(node, "tou_prices", path, false);
  if ((prices != nullptr) == (tou != nullptr)) {
    invalid(r, path, "须给出 prices 或 tou_prices+tier_markups 之一",
            "give exactly one of prices or tou_prices + tier_markups");
    return std::nullopt;
  }
  if (prices && node.contains("tier_markups")) {
    invalid(r, pointer_join(path, "tier_markups"), "tier_markups 只能与 tou_prices 一起使用",
            "tier_markups only goes with tou_prices");
    return std::nullopt;
  }
  if (prices) {
    const std::string pp = pointer_join(path, "prices");
    for (auto it = prices->begin(); it != prices->end(); ++it) {
      auto per = period(r, it.key(), pointer_join(pp, it.key()));
      if (!per) continue;
      if (!period_in_tariff(r, *per, t.periods, pointer_join(pp, it.key()))) continue;
      if (!it->is_array() || it->size() != n) {
        invalid(r, pointer_join(pp, it.key()), "每个时段须有 " + std::to_string(n) + " 档电价",
                "each period needs " + std::to_string(n) + " tier prices");
        continue;
      }
      for (size_t k = 0; k < n; ++k) {
        auto v = price_value(r, (*it)[k], pointer_join(pointer_join(pp, it.key()), k));
        if (v) t.prices[static_cast<int>(*per)].push_back(*v);
      }
    }
  } else {
    const std::string tp = pointer_join(path, "tou_prices");
    const Json* markups = r.array(node, "tier_markups", path, true);
    if (!markups) return std::nullopt;
    if (markups->size() != n) {
      invalid(r, pointer_join(path, "tier_markups"), "tier_markups 数量须等于档数",
              "tier_markups needs one entry per tier");
      return std::nullopt;
    }
    std::vector<Price> add;
    for (size_t k = 0; k < n; ++k) {
      auto m = price_value(r, (*markups)[k], pointer_join(pointer_join(path, "tier_markups"), k));
      if (!m) return std::nullopt;
      add.push_back(*m);
    }
    for (auto it = tou->begin(); it != tou->end(); ++it) {
      auto per = period(r, it.key(), pointer_join(tp, it.key()));
      if (per && !period_in_tariff(r, *per, t.periods, pointer_join(tp, it.key()))) continue;
      auto base = per ? price_value(r, *it, pointer_join(tp, it.key())) : std::nullopt;
      if (!base) continue;
      for (size_t k = 0; k < n; ++k) t.prices[static_cast<int>(*per)].push_back(*base + add[k]);
    }
  }
  for (TouPeriod per : t.periods) {
    if (t.prices[static_cast<int>(per)].size() != n) {
      invalid(r, path, "缺少时段 " + std::string(tou_period_code(per)) + " 的电价",
              "no prices for period " + std::string(tou_period_code(per)));
      return std::nullopt;
    }
  }
  t.shared_meter_price = price(r, node, "shared_meter_price", path, false);
  return t;
}

std::optional<BasicChargeRules> basic_charge(FieldReader& r, const Json& node,
                                             const std::string& path) {
  const Json* b = r.object(node, "basic_charge", path, false);
  if (!b) return std::nullopt;
  const std::string p = pointer_join(path, "basic_charge");
  r.reject_unknown(*b, p, {"capacity_price", "demand_price", "overrun_threshold",
                           "overrun_multiplier", "overrun_formula", "floor_ratio",
                           "floor_applies_to_actual", "load_factor_discount", "min_suspension_days",
                           "citation"});
  BasicChargeRules rules;
  auto cap = price(r, *b, "capacity_price", p, true);
  auto dem = price(r, *b, "demand_price", p, true);
  auto thr = ratio(r, *b, "overrun_threshold", p, true);
  auto mul = ratio(r, *b, "overrun_multiplier", p, true);
  auto formula = r.string(*b, "overrun_formula", p, true);
  auto floor = ratio(r, *b, "floor_ratio", p, true);
  auto cit = citation(r, *b, p, true);
  if (!cap || !dem || !thr || !mul || !formula || !floor || !cit) return std::nullopt;
  rules.capacity_price = *cap;
  rules.demand_price = *dem;
  rules.overrun_threshold = *thr;
  rules.overrun_multiplier = *mul;
  rules.floor_ratio = *floor;
  rules.citation = *cit;
  if (*formula == "threshold_base") rules.overrun_formula = OverrunFormula::ThresholdBase;
  else if (*formula == "contract_base") rules.overrun_formula = OverrunFormula::ContractBase;
  else invalid(r, pointer_join(p, "overrun_formula"), "应为 threshold_base 或 contract_base",
               "must be threshold_base or contract_base");
  rules.floor_applies_to_actual = r.boolean(*b, "floor_applies_to_actual", p, false).value_or(true);
  rules.min_suspension_days =
      static_cast<int>(r.integer(*b, "min_suspension_days", p, false, 1, 366).value_or(15));
  if (const Json* d = r.object(*b, "load_factor_discount", p, false)) {
    const std::string dp = pointer_join(p, "load_factor_discount");
    r.reject_unknown(*d, dp, {"kwh_per_kva", "factor", "applies_to_capacity"});
    rules.discount_kwh_per_kva = r.decimal<Energy::scale>(*d, "kwh_per_kva", dp, true,
                                                          Energy::from_int(1), Energy::from_int(10000));
    rules.discount_factor = ratio(r, *d, "factor", dp, true).value_or(Ratio::from_int(1));
    rules.discount_applies_to_capacity = r.boolean(*d, "applies_to_capacity", dp, false).value_or(false);
  }
  return rules;
}

std::optional<PriceComponent> component(FieldReader& r, const Json& c, const std::string& cp,
                                        const std::vector<TouPeriod>& periods,
                                        const std::map<TouPeriod, Ratio>& ratios,
                                        Rounding tou_rounding) {
  r.reject_unknown(c, cp, {"code", "label", "kind", "price", "prices", "floats_with_tou", "citation"});
  PriceComponent out;
  auto code = r.string(c, "code", cp, true);
  auto label = r.bilingual(c, "label", cp, true);
  auto kind = r.string(c, "kind", cp, true);
  auto cit = citation(r, c, cp, true);
  if (!code || !label || !kind || !cit) return std::nullopt;
  out.code = *code;
  out.label = *label;
  out.citation = *cit;
  if (*kind == "energy") out.kind = LineKind::Energy;
  else if (*kind == "funds") out.kind = LineKind::Funds;
  else {
    invalid(r, pointer_join(cp, "kind"), "kind 应为 energy 或 funds", "kind must be energy or funds");
    return std::nullopt;
  }
  const bool floats = r.boolean(c, "floats_with_tou", cp, false).value_or(false);
  const Json* per_period = r.object(c, "prices", cp, false);
  auto flat = price(r, c, "price", cp, false);
  if (per_period && (flat || floats)) {
    invalid(r, cp, "prices 不能与 price/floats_with_tou 同时出现",
            "prices cannot be combined with price or floats_with_tou");
    return std::nullopt;
  }
  if (per_period) {
    const std::string pp = pointer_join(cp, "prices");
    for (auto it = per_period->begin(); it != per_period->end(); ++it) {
      auto per = period(r, it.key(), pointer_join(pp, it.key()));
      if (per && !period_in_tariff(r, *per, periods, pointer_join(pp, it.key()))) continue;
      auto v = per ? price_value(r, *it, pointer_join(pp, it.key())) : std::nullopt;
      if (v) out.prices[static_cast<int>(*per)] = *v;
    }
  } else if (flat) {
    for (TouPeriod per : periods) {
      if (!floats) {
        out.prices[static_cast<int>(per)] = *flat;
        continue;
      }
      auto it = ratios.find(per);
      if (it == ratios.end()) {
        invalid(r, cp, "tou_ratios 缺少时段 " + std::string(tou_period_code(per)),
                "tou_ratios has no ratio for period " + std::string(tou_period_code(per)));
        return std::nullopt;
      }
      out.prices[static_cast<int>(per)] = multiply<Price::scale>(*flat, it->second, tou_rounding);
    }
  } else {
    invalid(r, cp, "须给出 price 或 prices", "give price or prices");
    return std::nullopt;
  }
  for (TouPeriod per : periods) {
    if (!out.prices[static_cast<int>(per)]) {
      invalid(r, cp, "缺少时段 " + std::string(tou_period_code(per)) + " 的价格",
              "no price for period " + std::string(tou_period_code(per)));
      return std::nullopt;
    }
  }
  return out;
}

std::optional<ComponentTariff> component_tariff(FieldReader& r, const Json& node,
                                                const std::string& path, const RulePack& pack) {
  r.reject_unknown(node, path, {"kind", "label", "citation", "tou_schedule", "tou_ratios",
                                "components", "basic_charge", "power_factor_from_kva"});
  ComponentTariff t;
  if (!tariff_periods(r, node, path, pack, t.tou_schedule, t.periods)) return std::nullopt;
  std::map<TouPeriod, Ratio> ratios;
  if (const Json* tr = r.object(node, "tou_ratios", path, false)) {
    const std::string rp = pointer_join(path, "tou_ratios");
    for (auto it = tr->begin(); it != tr->end(); ++it) {
      auto per = period(r, it.key(), pointer_join(rp, it.key()));
      auto v = per ? r.decimal_value<Ratio::scale>(*it, pointer_join(rp, it.key()),
                                                   Ratio::from_int(0), Ratio::from_int(100))
                   : std::nullopt;
      if (v) ratios[*per] = *v;
    }
  }
  const Json* comps = r.array(node, "components", path, true);
  if (!comps) return std::nullopt;
  const std::string cp = pointer_join(path, "components");
  std::set<std::string> codes;
  for (size_t i = 0; i < comps->size(); ++i) {
    auto c = component(r, (*comps)[i], pointer_join(cp, i), t.periods, ratios,
                       pack.rounding.tou_price);
    if (!c) continue;
    if (!codes.insert(c->code).second || c->code == "basic") {
      invalid(r, pointer_join(pointer_join(cp, i), "code"), "电价构成代码重复或保留：" + c->code,
              "component code repeated or reserved: " + c->code);
      continue;
    }
    t.components.push_back(std::move(*c));
  }
  if (t.components.empty()) invalid(r, cp, "至少需要一个电价构成", "at least one component is required");
  t.basic = basic_charge(r, node, path);
  t.power_factor_from_kva = r.decimal<Power::scale>(node, "power_factor_from_kva", path, false,
                                                    Power::from_int(0), Power::from_int(10'000'000));
  return t;
}

}  // namespace

std::optional<Tariff> tariff(FieldReader& r, const Json& node, const std::string& code,
                             const std::string& path, const RulePack& pack) {
  if (!node.is_object()) {
    invalid(r, path, "电价定义须为对象", "a tariff must be an object");
    return std::nullopt;
  }
  Tariff t;
  t.code = code;
  auto label = r.bilingual(node, "label", path, true);
  auto cit = citation(r, node, path, true);
  auto kind = r.string(node, "kind", path, true);
  if (!label || !cit || !kind) return std::nullopt;
  t.label = *label;
  t.citation = *cit;
  if (*kind == "residential") {
    auto res = residential(r, node, path, pack);
    if (!res) return std::nullopt;
    t.rules = std::move(*res);
  } else if (*kind == "component") {
    auto comp = component_tariff(r, node, path, pack);
    if (!comp) return std::nullopt;
    t.rules = std::move(*comp);
  } else {
    invalid(r, pointer_join(path, "kind"), "kind 应为 residential 或 component",
            "kind must be residential or component");
    return std::nullopt;
  }
  return t;
}

}  // namespace powerdesk::pack_reader
