// compute_bill(): resolve usage into blocks, split the period into parts by
// pack, price each part, then power factor and 退补, then totals.
#include "powerdesk/bill.hpp"

#include "bill_internal.hpp"

namespace powerdesk {

Energy Usage::total() const {
  Energy t;
  for (const Energy& e : kwh) t += e;
  return t;
}

std::string_view unit_code(Unit u) {
  switch (u) {
    case Unit::Kwh: return "kWh";
    case Unit::Kva: return "kVA";
    case Unit::Kw: return "kW";
    case Unit::Yuan: return "CNY";
  }
  return "kWh";
}

std::optional<Fixed<4>> average_price_per_kwh(Money total, Energy kwh) {
  if (kwh.is_zero()) return std::nullopt;
  // fen × 10^5 / Wh = 元/kWh × 10^4.
  return Fixed<4>::from_units(static_cast<int64_t>(
      round_div(static_cast<__int128>(total.units()) * 100000, kwh.units(), Rounding::HalfUp)));
}

Result<Bill> compute_bill(const BillRequest& req, const PackRegistry& packs) {
  using namespace billing;
  Issues issues;
  if (!packs.knows_region(req.region)) {
    return make_issue(Code::RegionUnknown, "/region", "未知地区 " + req.region,
                      "Unknown region " + req.region);
  }
  const RulePack* first = packs.find(req.region, req.period.start);
  if (!first) {
    return make_issue(Code::NoPackForDate, "/period/start",
                      "没有覆盖 " + req.period.start.iso() + " 的 " + req.region + " 规则包",
                      "No " + req.region + " rule pack covers " + req.period.start.iso());
  }
  Bill bill;
  bill.lines.reserve(16);  // one allocation for a typical bill
  bill.period = req.period;
  bill.region = req.region;
  if (!resolve_blocks(req, *first, bill, issues)) return issues;
  for (const BillBlock& b : bill.blocks) bill.energy_kwh += b.usage.total();
  if (!make_parts(req, packs, bill, issues)) return issues;

  const int64_t unit = first->rounding.allocation_unit();
  const auto by_part = usage_by_part(bill, unit);
  for (size_t b = 0; b < bill.blocks.size(); ++b) {
    const std::string& code = bill.blocks[b].tariff->code;
    TierState tiers;
    if (bill.blocks[b].tariff->is_residential()) tiers = initial_tier_state(req, bill, static_cast<int>(b));
    for (size_t j = 0; j < bill.parts.size(); ++j) {
      const RulePack& pack = *bill.parts[j].pack;
      const Tariff* t = pack.tariff(code);
      if (!t || t->is_residential() != bill.blocks[b].tariff->is_residential()) {
        issues.push_back(make_issue(Code::TariffUnknown, "/tariff",
                                    "规则包 " + pack.id + " 中没有电价 " + code,
                                    "Tariff " + code + " is not in rule pack " + pack.id));
        return issues;
      }
      // A later notice may price fewer periods (or differently named ones):
      // kWh in a period the part's tariff lacks must never be dropped.
      for (TouPeriod p : kAllTouPeriods) {
        if (!by_part[b][j].kwh[static_cast<size_t>(p)].is_zero() && !t->has_period(p)) {
          issues.push_back(make_issue(
              Code::TouPeriodUnknown, "/period",
              "规则包 " + pack.id + " 的电价 " + code + " 没有时段 " + std::string(tou_period_code(p)) + "，但该期间有此时段电量",
              "Tariff " + code + " in pack " + pack.id + " has no period " + std::string(tou_period_code(p)) +
                  ", yet that part of the period has kWh in it"));
          return issues;
        }
      }
      const int part = static_cast<int>(j);
      const int block = static_cast<int>(b);
      if (const auto* comp = std::get_if<ComponentTariff>(&t->rules)) {
        price_components(*comp, pack, part, block, by_part[b][j], bill);
        if (b == 0 && comp->basic && !price_basic_charge(req, *comp, pack, part, bill, issues)) return issues;
      } else {
        price_residential(req, *t, pack, part, block, by_part[b][j], tiers, bill, issues);
        if (has_errors(issues)) return issues;
      }
    }
  }
  if (!price_power_factor(req, packs, bill, issues)) return issues;
  for (const AdjustmentInput& a : req.adjustments) {
    if (a.kwh && !bill.blocks.front().tariff->has_period(a.period)) {
      issues.push_back(make_issue(Code::TouPeriodUnknown, a.path + "/period",
                                  "电价 " + req.tariff + " 没有时段 " + std::string(tou_period_code(a.period)) + "，无法按电量退补",
                                  "Tariff " + req.tariff + " has no period " + std::string(tou_period_code(a.period)) +
                                      " to price this kWh adjustment in (give period)"));
    }
  }
  if (has_errors(issues)) return issues;
  price_adjustments(req, bill);

  for (const BillLine& l : bill.lines) {
    bill.subtotals[static_cast<size_t>(l.kind)] += l.amount;
    bill.total += l.amount;
  }
  return bill;
}

}  // namespace powerdesk
