// Residential tiered pricing (居民阶梯电价), with or without TOU.
//
// Tier placement uses the cumulative kWh of the tier period: the tier year
// (annual basis, with the request's carry-in) or the bill (monthly basis).
// Each tier's kWh are split across the TOU periods in proportion to the
// bill's period shares (facts §1.3), exactly, with whole-kWh cells by default.
#include <algorithm>

#include "bill_internal.hpp"
#include "powerdesk/allocation.hpp"

namespace powerdesk::billing {
namespace {

const ResidentialTiers& tiers_of(const Tariff& t) {
  return std::get<ResidentialTariff>(t.rules).tiers;
}

Energy household_extra(const ResidentialTiers& tiers, int persons) {
  Energy extra;
  for (const HouseholdSizeRule& r : tiers.household_size)
    if (persons >= r.min_persons && r.extra_kwh_per_month > extra) extra = r.extra_kwh_per_month;
  return extra;
}

const std::vector<Energy>& month_bases(const ResidentialTiers& tiers, int month) {
  for (const SeasonalBases& s : tiers.seasonal)
    if (std::find(s.months.begin(), s.months.end(), month) != s.months.end()) return s.bases;
  return tiers.bases;
}

// Σ over the calendar months a period touches of f(month) × overlap / month length.
template <typename F>
Energy prorate_by_month(const Period& period, F per_month) {
  int64_t units = 0;
  for_each_month(period, [&](const Period& month, const Period& days) {
    units += static_cast<int64_t>(round_div(static_cast<__int128>(per_month(month.start.month()).units()) * days.days(),
                                            month.days(), Rounding::HalfUp));
  });
  return Energy::from_units(units);
}

}  // namespace

TierState initial_tier_state(const BillRequest& req, const Bill& bill, int block) {
  TierState s;
  const bool main = block == 0;
  const int persons = main ? req.residential.household_size : 0;
  if (main) s.position = req.residential.carry_in_kwh;
  const Tariff& first = *bill.blocks[static_cast<size_t>(block)].tariff;
  const RoundingRules& rounding = bill.parts.front().pack->rounding;
  if (tiers_of(first).basis == TierBasis::Monthly) {
    // Monthly thresholds for the whole bill, month by month, each month by the pack in force.
    s.thresholds.assign(tiers_of(first).bases.size(), Energy{});
    for (const BillPart& part : bill.parts) {
      const Tariff* t = part.pack->tariff(first.code);
      if (!t || !t->is_residential()) continue;
      const ResidentialTiers& tiers = tiers_of(*t);
      const Energy extra = household_extra(tiers, persons);
      for (size_t k = 0; k < s.thresholds.size() && k < tiers.bases.size(); ++k) {
        s.thresholds[k] += prorate_by_month(part.period, [&](int m) { return month_bases(tiers, m)[k] + extra; });
      }
    }
    for (Energy& e : s.thresholds) e = rounding.to_allocation_unit(e);
  }
  if (main && req.residential.low_income) {
    for (const BillPart& part : bill.parts) {
      const Tariff* t = part.pack->tariff(first.code);
      if (!t || !t->is_residential()) continue;
      const Energy free = tiers_of(*t).low_income_free_kwh_per_month;
      s.free_left += prorate_by_month(part.period, [&](int) { return free; });
    }
    s.free_left = rounding.to_allocation_unit(s.free_left);
  }
  return s;
}

void price_residential(const BillRequest& req, const Tariff& tariff, const RulePack& pack, int part,
                       int block, const PartUsage& usage, TierState& state, Bill& bill,
                       Issues& issues) {
  const auto& res = std::get<ResidentialTariff>(tariff.rules);
  const Rounding rounding = pack.rounding.line_amount;
  const Energy total = usage.total();
  const Period& period = bill.parts[static_cast<size_t>(part)].period;
  const bool main = block == 0;
  auto line = [&](LineCode code, TouPeriod p, int tier, Energy qty, Price price) {
    BillLine l{};
    l.code = code;
    l.kind = LineKind::Energy;
    l.part = part;
    l.block = block;
    l.period = p;
    l.tier = tier;
    l.quantity = qty;
    l.unit = Unit::Kwh;
    l.unit_price = price;
    l.amount = line_amount(qty, price, rounding);
    bill.lines.push_back(l);
  };

  const bool shared = main && (req.residential.shared_meter || req.residential.elect_shared_meter_price);
  if (shared && !req.residential.shared_meter) {
    // 一户多人口: only households of the pack's size may elect the 合表 price.
    const int min = res.tiers.shared_meter_option_min_persons;
    if (min == 0 || req.residential.household_size < min) {
      issues.push_back(make_issue(
          Code::HouseholdSizeInvalid, "/residential/household_size",
          min == 0 ? "规则包 " + pack.id + " 不允许选择合表电价"
                   : "家庭人口 " + std::to_string(req.residential.household_size) + " 人，不足 " + std::to_string(min) + " 人，不能选择合表电价",
          min == 0 ? "Pack " + pack.id + " offers no shared-meter price election"
                   : "A household of " + std::to_string(req.residential.household_size) + " cannot elect the shared-meter price (needs " + std::to_string(min) + ")"));
      return;
    }
  }
  if (shared) {
    if (!res.shared_meter_price) {
      issues.push_back(make_issue(Code::TariffUnknown, "/residential",
                                  "规则包 " + pack.id + " 的电价 " + tariff.code + " 没有合表电价",
                                  "Tariff " + tariff.code + " in pack " + pack.id + " has no shared-meter (合表) price"));
      return;
    }
    if (!total.is_zero()) line(LineCode::SharedMeterEnergy, TouPeriod::Flat, 0, total, *res.shared_meter_price);
    return;
  }

  const ResidentialTiers& tiers = res.tiers;
  if (tiers.basis == TierBasis::Annual) {
    // A new tier year starts the count again.
    const bool year_start = period.start.month() == tiers.year_start_month && period.start.day() == 1;
    if (year_start && part > 0) state.position = Energy{};
    const Energy extra = Energy::from_units(
        household_extra(tiers, main ? req.residential.household_size : 0).units() * 12);
    state.thresholds.clear();
    for (const Energy& b : tiers.bases) state.thresholds.push_back(b + extra);
  }

  // kWh of this part in each tier: [position, position + total) ∩ [lo, hi).
  // Row 0 is the low-income free allowance, rows 1..n the tiers.
  const int n = tiers.tier_count();
  constexpr size_t kMaxRows = kMaxTiers + 1;
  std::array<int64_t, kMaxRows> rows{};
  if (n + 1 > static_cast<int>(kMaxRows)) {  // the loader refuses more than kMaxTiers tiers
    issues.push_back(make_issue(Code::Internal, "/tariff", "阶梯数超过上限", "More tiers than the engine supports"));
    return;
  }
  const Energy from = state.position;
  const Energy to = state.position + total;
  for (int k = 0; k < n; ++k) {
    const Energy lo = k == 0 ? Energy{} : state.thresholds[static_cast<size_t>(k - 1)];
    const int64_t lo_u = std::max(lo.units(), from.units());
    const int64_t hi_u = k + 1 < n ? std::min(state.thresholds[static_cast<size_t>(k)].units(), to.units()) : to.units();
    rows[static_cast<size_t>(k + 1)] = std::max<int64_t>(0, hi_u - lo_u);
  }
  // Low-income free kWh are the first kWh of tier 1.
  const int64_t free = std::min(state.free_left.units(), rows[1]);
  rows[0] = free;
  rows[1] -= free;
  state.free_left -= Energy::from_units(free);

  std::array<int64_t, kTouPeriodCount> cols{};
  for (size_t p = 0; p < cols.size(); ++p) cols[p] = usage.kwh[p].units();
  std::array<int64_t, kMaxRows * kTouPeriodCount> cells{};
  const size_t n_rows = static_cast<size_t>(n) + 1;
  split_proportionally(std::span<const int64_t>(rows.data(), n_rows), cols, pack.rounding.allocation_unit(),
                       std::span<int64_t>(cells.data(), n_rows * kTouPeriodCount));
  for (size_t r = 0; r < n_rows; ++r) {
    for (TouPeriod p : res.periods) {
      const Energy qty = Energy::from_units(cells[r * kTouPeriodCount + static_cast<size_t>(p)]);
      if (qty.is_zero()) continue;
      if (r == 0) line(LineCode::FreeEnergy, p, 1, qty, Price{});
      else line(LineCode::TierEnergy, p, static_cast<int>(r), qty, res.price(p, static_cast<int>(r) - 1));
    }
  }
  state.position = to;

  if (main && part + 1 == static_cast<int>(bill.parts.size())) {
    TierProgress progress;
    progress.used_in_year = state.position;
    progress.tier = n;
    for (int k = 0; k + 1 < n; ++k) {
      if (state.position < state.thresholds[static_cast<size_t>(k)]) {
        progress.tier = k + 1;
        progress.remaining_in_tier = state.thresholds[static_cast<size_t>(k)] - state.position;
        break;
      }
    }
    bill.tier_progress = progress;
  }
}

}  // namespace powerdesk::billing
