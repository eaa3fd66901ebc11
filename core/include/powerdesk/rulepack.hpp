// Rule packs: prices, tiers, TOU hours, surcharge components, PF tables and
// holiday calendars as versioned data with citations. A pack is validated as
// it loads and is refused whole (file, JSON pointer, reason) if anything is off.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "powerdesk/application_form.hpp"
#include "powerdesk/calendar.hpp"
#include "powerdesk/decision_table.hpp"
#include "powerdesk/decimal.hpp"
#include "powerdesk/divisions.hpp"
#include "powerdesk/identity.hpp"
#include "powerdesk/issue.hpp"
#include "powerdesk/json_input.hpp"
#include "powerdesk/process.hpp"
#include "powerdesk/quote_data.hpp"
#include "powerdesk/text.hpp"
#include "powerdesk/tier.hpp"
#include "powerdesk/tou.hpp"

namespace powerdesk {

// ---- residential (居民) -------------------------------------------------------

enum class TierBasis { Annual, Monthly };

inline constexpr int kMaxTiers = 7;  // the loader refuses packs with more

struct SeasonalBases {
  std::vector<int> months;
  std::vector<Energy> bases;  // upper bounds of tiers 1..n-1, per month
};

struct HouseholdSizeRule {
  int min_persons = 0;
  Energy extra_kwh_per_month;  // added to every tier base (一户多人口)
};

struct ResidentialTiers {
  TierBasis basis = TierBasis::Annual;
  int year_start_month = 1;           // annual tier year starts on the 1st of this month
  std::vector<Energy> bases;          // annual or monthly upper bounds of tiers 1..n-1
  std::vector<SeasonalBases> seasonal;  // monthly basis only; replaces `bases` in those months
  std::vector<HouseholdSizeRule> household_size;  // highest matching rule applies
  int shared_meter_option_min_persons = 0;        // 0 = no such option
  Energy low_income_free_kwh_per_month;           // 低保/五保 free kWh
  int tier_count() const { return static_cast<int>(bases.size()) + 1; }
};

struct ResidentialTariff {
  ResidentialTiers tiers;
  std::string tou_schedule;  // empty for a non-TOU tariff
  std::vector<TouPeriod> periods;  // {Flat} when not TOU
  // prices[period index in kAllTouPeriods][tier 0..n-1]
  std::array<std::vector<Price>, kTouPeriodCount> prices;
  std::optional<Price> shared_meter_price;  // 合表 price
  const Price& price(TouPeriod p, int tier) const { return prices[static_cast<int>(p)][tier]; }
};

// ---- component tariffs (工商业, 农业, 充换电) ----------------------------------

enum class LineKind { Energy, Basic, PowerFactor, Funds, Adjustment };
std::string_view line_kind_code(LineKind k);

struct PriceComponent {
  std::string code;   // energy, line_loss, transmission, system_operation, funds, catalogue …
  Bilingual label;
  LineKind kind = LineKind::Energy;  // Funds lines are subtotalled apart
  std::array<std::optional<Price>, kTouPeriodCount> prices;  // per period, after TOU ratios
  Citation citation;
};

enum class DemandBasis { Capacity, ContractDemand, ActualDemand };
std::string_view demand_basis_code(DemandBasis b);
std::optional<DemandBasis> demand_basis_from_code(std::string_view code);

enum class OverrunFormula {
  ThresholdBase,  // reading A: 1.05C × p + (MD − 1.05C) × 2p
  ContractBase,   // reading B: C × p + (MD − 1.05C) × 2p
};

struct BasicChargeRules {
  Price capacity_price;  // 元/kVA·月
  Price demand_price;    // 元/kW·月
  Ratio overrun_threshold;   // 1.05
  Ratio overrun_multiplier;  // 2
  OverrunFormula overrun_formula = OverrunFormula::ThresholdBase;
  Ratio floor_ratio;  // 0.4 of capacity
  bool floor_applies_to_actual = true;
  std::optional<Energy> discount_kwh_per_kva;  // 260
  Ratio discount_factor;                       // 0.9
  bool discount_applies_to_capacity = false;
  int min_suspension_days = 15;  // 暂停 shorter than this earns no exemption
  Citation citation;
};

struct ComponentTariff {
  std::string tou_schedule;        // empty for a non-TOU tariff
  std::vector<TouPeriod> periods;  // {Flat} when not TOU
  std::vector<PriceComponent> components;
  std::optional<BasicChargeRules> basic;  // two-part only
  std::optional<Power> power_factor_from_kva;  // PF adjustment applies at or above this capacity
};

struct Tariff {
  std::string code;
  Bilingual label;
  Citation citation;
  std::variant<ResidentialTariff, ComponentTariff> rules;
  bool is_residential() const { return std::holds_alternative<ResidentialTariff>(rules); }
  const std::vector<TouPeriod>& periods() const;
  bool has_period(TouPeriod p) const;
};

// ---- power factor (力率调整), late payment (违约金) -----------------------------

// Adjustment % for PF in [min_pf, max_pf]: at_max + step × (max_pf − pf) / 0.01.
struct PfSegment {
  int min_pf = 0;  // hundredths, 0..100
  int max_pf = 0;
  Ratio at_max_percent;  // percent (−0.75 = 0.75 % reduction)
  Ratio step_percent;
};

struct PfTable {
  std::string standard;  // "0.90", "0.85", "0.80"
  std::vector<PfSegment> segments;  // tile 0.00..1.00 exactly
  Ratio percent_at(int pf_hundredths) const;
};

struct PowerFactorRules {
  std::vector<std::string> base_components;  // component codes and "basic"
  bool penalty_only = false;  // 只罚不奖
  Citation citation;
};

struct LatePaymentRules {
  Ratio residential_daily;            // 0.001
  Ratio non_residential_current_year; // 0.002
  Ratio non_residential_cross_year;   // 0.003
  Money minimum;                      // 1.00 元
  Citation citation;
};

struct RoundingRules {
  Rounding line_amount = Rounding::HalfUp;  // quantity × price → fen, per line
  Rounding tou_price = Rounding::HalfUp;    // base price × TOU ratio → price scale
  int allocation_decimals = 0;              // kWh decimals of tier/TOU/day splits
  // The step of those splits in Energy units (1 kWh = 1000 at 0 decimals),
  // and an energy rounded half up to it.
  int64_t allocation_unit() const { return pow10_i64(Energy::scale - allocation_decimals); }
  Energy to_allocation_unit(Energy e) const {
    const int64_t unit = allocation_unit();
    return Energy::from_units(static_cast<int64_t>(round_div(e.units(), unit, Rounding::HalfUp)) * unit);
  }
};

// ---- the pack ----------------------------------------------------------------

struct SubstitutionData;  // quote_substitution.hpp
struct PvRules;           // quote_pv.hpp

struct RulePack {
  std::string id;
  std::string region;  // "zhejiang", or "national" for shared data
  Bilingual region_name;
  // Regional packs: the region's province-level GB/T 2260 code ("330000");
  // empty: addresses are not checked against a region.
  std::string division;
  std::string version;
  Period effective;
  std::vector<Bilingual> assumptions;
  std::string file;  // where it was loaded from, for messages
  std::string content_hash;  // FNV-1a 64 of the file bytes, hex

  std::map<std::string, TouSchedule> tou_schedules;
  std::map<std::string, Tariff> tariffs;
  std::optional<PowerFactorRules> power_factor;
  std::optional<LatePaymentRules> late_payment;
  RoundingRules rounding;

  // National data (region "national"): holiday calendar and PF tables.
  WorkCalendar calendar;
  std::map<std::string, PfTable> pf_tables;
  // National identity data: the GB/T 2260 code list (abolished codes
  // included) and the USCC registration authority / entity type table.
  std::shared_ptr<const Divisions> divisions;
  std::shared_ptr<const CreditCodeTypes> credit_code_types;

  // Business rules (usually in the national pack; a regional pack may
  // override a table or parameter by name): named parameters, decision
  // tables, and the business catalogue with its processes.
  decision::Parameters parameters;
  std::map<std::string, decision::Table> decision_tables;
  BusinessCatalogue businesses;
  std::vector<StarService> star_services;
  // Application (报装) forms by business; a regional pack may override some.
  std::optional<ApplicationForms> application_forms;

  // Quotes: typical load profiles (national, a region may add or override by
  // name), plan groups (regional), charging sites (national) and the tariff
  // each takes (regional), 电能替代 factors (national) and PV rules (national
  // categories and connection voltages; regional feed-in price and yield).
  std::map<std::string, LoadProfile> load_profiles;
  std::vector<PlanGroup> plan_groups;
  std::optional<ChargingRules> charging;
  std::map<std::string, std::string> charging_tariffs;  // site code → tariff code
  std::shared_ptr<const SubstitutionData> substitution;
  std::shared_ptr<const PvRules> pv;

  const Tariff* tariff(const std::string& code) const;
};

// Parses and validates one pack. All problems are returned, with `file` set.
Result<std::shared_ptr<const RulePack>> load_pack(std::string_view json_text,
                                                  const std::string& file);

// The packs a process holds: one or more versions per region, non-overlapping.
class PackRegistry {
 public:
  // Adds a pack; refuses one whose id repeats or whose dates overlap its region's.
  Issues add(std::shared_ptr<const RulePack> pack);
  const RulePack* find(const std::string& region, Date day) const;
  const RulePack* national(Date day) const { return find("national", day); }
  bool knows_region(const std::string& region) const;
  // A decision table by name: the region's pack first, then the national one.
  // Sets `from` to the pack that holds it.
  const decision::Table* table(const std::string& region, Date day, const std::string& name,
                               const RulePack** from = nullptr) const;
  std::vector<const RulePack*> all() const;  // sorted by region, then start date

 private:
  std::map<std::string, std::vector<std::shared_ptr<const RulePack>>> by_region_;
};

}  // namespace powerdesk
