// A bill: the typed request, the typed result, and compute_bill().
// Batch callers use these types directly; the JSON facade (api.hpp) wraps them.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "powerdesk/calendar.hpp"
#include "powerdesk/decimal.hpp"
#include "powerdesk/issue.hpp"
#include "powerdesk/rulepack.hpp"
#include "powerdesk/tou.hpp"

namespace powerdesk {

using Multiplier = Fixed<3>;  // 倍率 (CT × PT ratio)

// kWh per TOU period (index = TouPeriod) plus reactive energy.
struct Usage {
  std::array<Energy, kTouPeriodCount> kwh{};
  std::optional<Energy> kvarh;
  Energy total() const;
};

struct RegisterReading {
  Energy start;
  Energy end;
};

struct Meter {
  std::string id;
  bool is_sub = false;        // 套减: sub-meter subtracted from the main meter(s)
  std::string sub_tariff;     // tariff the sub-meter's energy is billed at
  Multiplier multiplier = Multiplier::from_int(1);
  int digits = 0;             // register digits for rollover; 0 = rollover not allowed
  std::array<std::optional<RegisterReading>, kTouPeriodCount> registers;
  std::optional<RegisterReading> reactive;         // kvarh (import, or |import| + |export|)
  std::optional<RegisterReading> reactive_export;  // counted when given
  Energy loss_kwh;    // 高供低计 transformer losses added to this meter
  Energy loss_kvarh;
  std::string path;   // JSON pointer, for messages
};

// 定比 (ratio) or 定量 (fixed kWh) share of the main meter billed at another tariff.
struct Split {
  std::string tariff;
  std::optional<Ratio> ratio;
  std::optional<Energy> kwh;
  std::string path;
};

struct Suspension {  // 暂停 / 减容: sealed capacity is exempt from the basic charge
  Power kva;
  Period period;
};

struct DemandInput {
  DemandBasis basis = DemandBasis::Capacity;
  std::optional<Power> contract_kw;
  std::optional<Power> max_demand_kw;
  std::vector<Suspension> suspensions;
};

struct ResidentialInput {
  Energy carry_in_kwh;   // kWh already used this tier year (or month) before the bill
  int household_size = 0;  // 0 = not stated
  bool low_income = false;
  bool shared_meter = false;             // 合表用户
  bool elect_shared_meter_price = false; // 一户多人口 households choosing the 合表 price
};

struct AdjustmentInput {  // 退补
  std::optional<Money> amount;  // direct amount (negative = refund)
  std::optional<Energy> kwh;    // or kWh priced at the main tariff (negative = refund)
  TouPeriod period = TouPeriod::Flat;
  std::string reason;
  std::string path;
};

struct BillRequest {
  std::string region;
  std::string tariff;
  Period period;
  std::optional<Usage> usage;  // given directly, or …
  std::vector<Meter> meters;   // … from meter readings
  std::optional<Power> capacity_kva;
  ResidentialInput residential;
  std::optional<DemandInput> demand;
  std::optional<std::string> pf_standard;
  std::vector<Split> splits;
  std::vector<AdjustmentInput> adjustments;
};

enum class LineCode {
  TierEnergy,         // residential tier × period
  FreeEnergy,         // low-income free kWh
  SharedMeterEnergy,  // 合表 price
  ComponentEnergy,    // one price component × period
  BasicCapacity,
  BasicDemand,
  BasicOverrun,
  BasicSuspension,
  PowerFactor,
  AdjustmentAmount,
  AdjustmentEnergy,
};

enum class Unit { Kwh, Kva, Kw, Yuan };
std::string_view unit_code(Unit u);

struct BillLine {
  LineCode code;
  LineKind kind;
  int part = 0;       // index into Bill::parts
  int block = 0;      // index into Bill::blocks
  TouPeriod period = TouPeriod::Flat;
  int tier = 0;       // 1-based; 0 = not tiered
  const PriceComponent* component = nullptr;
  Fixed<3> quantity;  // kWh, kVA or kW; for PF lines the base in 元 is in `base`
  Unit unit = Unit::Kwh;
  Price unit_price;
  Money amount;
  int32_t days = 0;      // proration: amount = quantity × price × days / day_base
  int32_t day_base = 0;
  Ratio percent;         // PF adjustment percent
  Money base;            // PF adjustment base
  int pf = 0;            // PF in hundredths
  int adjustment = -1;   // index into request adjustments
};

struct BillPart {
  const RulePack* pack = nullptr;
  Period period;
};

struct BillBlock {  // energy billed at one tariff: the main tariff, a sub-meter or a split
  const Tariff* tariff = nullptr;
  std::string source;  // "main", "sub:<meter id>", "split:<index>"
  Usage usage;
};

struct TierProgress {  // 阶梯进度 at the end of the period (main tariff, residential)
  int tier = 0;
  Energy used_in_year;
  std::optional<Energy> remaining_in_tier;
};

struct Bill {
  Period period;
  std::string region;
  std::vector<BillPart> parts;
  std::vector<BillBlock> blocks;
  std::vector<BillLine> lines;
  std::array<Money, 5> subtotals{};  // by LineKind
  Money total;
  Energy energy_kwh;
  std::optional<int> power_factor;  // hundredths
  std::optional<TierProgress> tier_progress;
  Issues warnings;
};

// 元/kWh to 4 decimals (half up): a bill's average price, a quote's, a
// break-even price. None without kWh.
std::optional<Fixed<4>> average_price_per_kwh(Money total, Energy kwh);

// Computes a bill. Every problem with the request comes back as issues.
Result<Bill> compute_bill(const BillRequest& request, const PackRegistry& packs);

}  // namespace powerdesk
