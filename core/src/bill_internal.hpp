// Internal: the steps compute_bill() runs, one file each.
#pragma once

#include <string>
#include <vector>

#include "powerdesk/bill.hpp"

namespace powerdesk::billing {

// Energy billed in one part (pack × dates) by one block, per period.
struct PartUsage {
  std::array<Energy, kTouPeriodCount> kwh{};
  Energy total() const;
};

// The running position on the residential tier axis of one block.
struct TierState {
  Energy position;         // kWh counted in the current tier year / bill
  Energy free_left;        // low-income free kWh not yet used
  std::vector<Energy> thresholds;  // cumulative tier bounds in force
};

Money line_amount(Fixed<3> quantity, Price price, Rounding mode);
// quantity × price × days / day_base, rounded once.
Money prorated_amount(Fixed<3> quantity, Price price, int32_t days, int32_t day_base, Rounding mode);

// bill_usage.cpp: meter readings and splits → blocks (main first). Checks periods.
bool resolve_blocks(const BillRequest& req, const RulePack& pack, Bill& bill, Issues& issues);

// bill_parts.cpp: the date parts of the bill and each block's kWh in each part.
bool make_parts(const BillRequest& req, const PackRegistry& packs, Bill& bill, Issues& issues);
std::vector<std::vector<PartUsage>> usage_by_part(const Bill& bill, int64_t unit);  // [block][part]

// bill_residential.cpp
TierState initial_tier_state(const BillRequest& req, const Bill& bill, int block);
void price_residential(const BillRequest& req, const Tariff& tariff, const RulePack& pack,
                       int part, int block, const PartUsage& usage, TierState& state, Bill& bill,
                       Issues& issues);

// bill_components.cpp
void price_components(const ComponentTariff& tariff, const RulePack& pack, int part, int block,
                      const PartUsage& usage, Bill& bill);
bool price_basic_charge(const BillRequest& req, const ComponentTariff& tariff, const RulePack& pack,
                        int part, Bill& bill, Issues& issues);

// The basic charge of one month as the bill prices it, without proration or
// 暂停/减容: the pure rule the bill and the contract-demand quote share.
// Whether the 260 kWh/kVA discount applies to `kwh` used over `months`
// (whole months = 1, as a ratio) of `capacity` on `basis`.
bool basic_discount_applies(const BasicChargeRules& rules, DemandBasis basis, Power capacity, Energy kwh,
                            Ratio months);
struct BasicChargeLine {
  LineCode code = LineCode::BasicCapacity;
  Power quantity;
  Unit unit = Unit::Kva;
  Price unit_price;
};
struct BasicChargeLines {
  std::array<BasicChargeLine, 2> lines{};  // base line, then the overrun line if any
  int count = 0;
  Power floor;                 // capacity × floor ratio
  bool floor_applied = false;  // contract (or actual) demand raised to the floor
  Power limit;                 // contract basis: overrun threshold × billed contract
};
// `contract` is read on the contract basis, `max_demand` on both demand bases.
BasicChargeLines basic_charge_lines(const BasicChargeRules& rules, DemandBasis basis, Power capacity, Power contract,
                                    Power max_demand, bool discounted);

// bill_power_factor.cpp
bool price_power_factor(const BillRequest& req, const PackRegistry& packs, Bill& bill, Issues& issues);

// bill_adjustments.cpp
void price_adjustments(const BillRequest& req, Bill& bill);

}  // namespace powerdesk::billing
