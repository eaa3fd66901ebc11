// The contract-demand optimiser: the yearly basic charge on the contract
// basis is piecewise linear in the contract value C, with one breakpoint per
// month where that month stops overrunning (C × threshold ≥ max demand), so
// the cheapest integer C is at a breakpoint, next to one, or at an end of the
// allowed range (docs/quotes-demand.md).
#include "quote_demand_optimizer.hpp"

#include <algorithm>

namespace powerdesk::quote_detail {
namespace {

constexpr int64_t kKw = Power::one_units;  // units per whole kW

Power kw(int64_t whole) { return Power::from_int(whole); }

}  // namespace

DemandHistory::DemandHistory(const BasicChargeRules& rules, Rounding rounding, Power capacity,
                             std::span<const DemandMonth> months)
    : rules_(rules), rounding_(rounding), capacity_(capacity), months_(months.first(std::min<size_t>(months.size(), kDemandHistoryMonths))) {
  const Ratio whole_month = Ratio::from_int(1);
  for (size_t i = 0; i < months_.size(); ++i) {
    demand_discount_[i] =
        billing::basic_discount_applies(rules, DemandBasis::ContractDemand, capacity, months_[i].kwh, whole_month);
    capacity_discount_[i] =
        billing::basic_discount_applies(rules, DemandBasis::Capacity, capacity, months_[i].kwh, whole_month);
  }
  const Power floor = multiply<Power::scale>(capacity, rules.floor_ratio, Rounding::HalfUp);
  lo_ = (floor.units() + kKw - 1) / kKw;
  hi_ = std::max(lo_, capacity.units() / kKw);
}

bool DemandHistory::discounted(DemandBasis basis, size_t i) const {
  return basis == DemandBasis::Capacity ? capacity_discount_[i] : demand_discount_[i];
}

MonthCharge DemandHistory::month_charge(DemandBasis basis, size_t i, Power contract_kw) const {
  MonthCharge out;
  out.discounted = discounted(basis, i);
  out.lines = billing::basic_charge_lines(rules_, basis, capacity_, contract_kw, months_[i].max_demand_kw, out.discounted);
  for (int k = 0; k < out.lines.count; ++k) {
    const auto& l = out.lines.lines[static_cast<size_t>(k)];
    out.amount += billing::line_amount(l.quantity, l.unit_price, rounding_);
  }
  return out;
}

__int128 DemandHistory::exact_cost(int64_t contract_kw) const {
  __int128 sum = 0;
  for (size_t i = 0; i < months_.size(); ++i) {
    const auto lines = billing::basic_charge_lines(rules_, DemandBasis::ContractDemand, capacity_, kw(contract_kw),
                                                   months_[i].max_demand_kw, demand_discount_[i]);
    for (int k = 0; k < lines.count; ++k) {
      const auto& l = lines.lines[static_cast<size_t>(k)];
      sum += static_cast<__int128>(l.quantity.units()) * l.unit_price.units();
    }
  }
  return sum;
}

Money DemandHistory::total(DemandBasis basis, Power contract_kw) const {
  Money sum;
  for (size_t i = 0; i < months_.size(); ++i) sum += month_charge(basis, i, contract_kw).amount;
  return sum;
}

int64_t DemandHistory::no_overrun_kw(size_t i) const {
  // limit(C) = C × threshold rounded to the watt, as the bill rounds it; it
  // never decreases as C grows. Start from ⌈md / threshold⌉ and step to the
  // smallest C with limit(C) ≥ md.
  const int64_t md = months_[i].max_demand_kw.units();
  const int64_t t = rules_.overrun_threshold.units();
  if (t <= 0 || md <= 0) return 0;
  auto limit = [&](int64_t c) { return multiply<Power::scale>(kw(c), rules_.overrun_threshold, Rounding::HalfUp).units(); };
  const __int128 num = static_cast<__int128>(md) * Ratio::one_units;
  const __int128 den = static_cast<__int128>(t) * kKw;
  int64_t c = static_cast<int64_t>((num + den - 1) / den);
  while (c > 0 && limit(c - 1) >= md) --c;
  while (limit(c) < md) ++c;
  return c;
}

int64_t DemandHistory::optimal_contract_kw() const {
  // The objective is linear between breakpoints only when C × threshold is
  // exact at the watt (threshold with at most 3 decimals: 1.05 in every
  // pack); otherwise the limit's rounding bends it and only a scan is exact.
  if (rules_.overrun_threshold.units() % (Ratio::one_units / kKw) != 0) return optimal_contract_kw_brute_force();
  std::array<int64_t, 2 * kDemandHistoryMonths + 2> candidates{};
  size_t n = 0;
  candidates[n++] = lo_;
  candidates[n++] = hi_;
  for (size_t i = 0; i < months_.size(); ++i) {
    const int64_t b = no_overrun_kw(i);
    // On [b_prev, b) the cost is linear: its integer ends are b_prev and b − 1.
    candidates[n++] = std::clamp(b - 1, lo_, hi_);
    candidates[n++] = std::clamp(b, lo_, hi_);
  }
  int64_t best = hi_;
  __int128 best_cost = exact_cost(hi_);
  for (size_t k = 0; k < n; ++k) {
    const int64_t c = candidates[k];
    const __int128 cost = exact_cost(c);
    if (cost < best_cost || (cost == best_cost && c < best)) {
      best = c;
      best_cost = cost;
    }
  }
  return best;
}

int64_t DemandHistory::optimal_contract_kw_brute_force() const {
  int64_t best = lo_;
  __int128 best_cost = exact_cost(lo_);
  for (int64_t c = lo_ + 1; c <= hi_; ++c) {
    const __int128 cost = exact_cost(c);
    if (cost < best_cost) {
      best = c;
      best_cost = cost;
    }
  }
  return best;
}

}  // namespace powerdesk::quote_detail
