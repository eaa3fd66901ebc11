// Internal: the contract-demand optimiser (quote kind "contract_demand").
// Every month's basic charge comes from billing::basic_charge_lines, the
// function compute_bill prices the basic charge with, so the quote and the
// bill cannot disagree. See docs/quotes-demand.md for the argument.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "bill_internal.hpp"

namespace powerdesk::quote_detail {

inline constexpr int kDemandHistoryMonths = 12;

struct DemandMonth {
  int year = 0;
  int month = 0;  // 1..12
  Power max_demand_kw;
  Energy kwh;
};

// One month's basic charge on one basis, as the bill computes it for a whole month.
struct MonthCharge {
  billing::BasicChargeLines lines;
  bool discounted = false;
  Money amount;  // Σ of the lines, each rounded to the fen like a bill line
};

// The months of a history with their 260 kWh/kVA discount decided once
// (it depends on kWh and capacity, never on the contract value).
class DemandHistory {
 public:
  DemandHistory(const BasicChargeRules& rules, Rounding rounding, Power capacity, std::span<const DemandMonth> months);

  MonthCharge month_charge(DemandBasis basis, size_t month, Power contract_kw) const;
  // Σ over the months of every line's quantity × unit price, unrounded
  // (units of 10^-11 元): the optimiser's objective.
  __int128 exact_cost(int64_t contract_kw) const;
  // Σ over the months of the rounded month charges.
  Money total(DemandBasis basis, Power contract_kw) const;

  // Integer contract values the customer may declare: ⌈floor ratio × capacity⌉ .. ⌊capacity⌋.
  int64_t min_contract_kw() const { return lo_; }
  int64_t max_contract_kw() const { return hi_; }
  // The smallest integer contract kW at which `month` does not overrun.
  int64_t no_overrun_kw(size_t month) const;

  // The integer contract kW in [min, max] with the least exact_cost (ties: the
  // lower kW), from the breakpoints only.
  int64_t optimal_contract_kw() const;
  // The same by trying every integer kW (tests prove the two agree).
  int64_t optimal_contract_kw_brute_force() const;

  size_t size() const { return months_.size(); }
  Rounding rounding() const { return rounding_; }
  const DemandMonth& month(size_t i) const { return months_[i]; }
  bool discounted(DemandBasis basis, size_t i) const;

 private:
  const BasicChargeRules& rules_;
  Rounding rounding_;
  Power capacity_;
  std::span<const DemandMonth> months_;
  std::array<bool, kDemandHistoryMonths> demand_discount_{};
  std::array<bool, kDemandHistoryMonths> capacity_discount_{};
  int64_t lo_ = 0;
  int64_t hi_ = 0;
};

}  // namespace powerdesk::quote_detail

namespace powerdesk::quote_detail {

// "YYYY-MM" → that calendar month, or nothing.
inline std::optional<Period> parse_year_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  auto first = Date::parse(std::string(text) + "-01");
  if (!first) return std::nullopt;
  return Period{*first, first->plus_days(days_in_month(first->year(), first->month()) - 1)};
}

}  // namespace powerdesk::quote_detail

namespace powerdesk::quote_detail {

// The power_factor quote's target (quote_power_factor.cpp): the kvarh at
// which `kwh` has exactly the power factor target/100, Q = P × √(1 − c²) / c,
// computed as ⌊√(P² (10000 − t²) / t²)⌋ in integers, i.e. rounded down to the
// watt-hour so the power factor at Q is never below the target.
Energy kvarh_at_power_factor(Energy kwh, int target_hundredths);

}  // namespace powerdesk::quote_detail
