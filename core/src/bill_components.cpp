// 工商业/农业 energy by price component × TOU period, and the two-part basic
// charge (基本电费): by capacity, contract demand or actual demand, with the
// overrun rule, the 40 % floor, the 260 kWh/kVA discount, day proration and
// 暂停/减容 exemptions. All figures are the pack's.
#include <algorithm>

#include "bill_internal.hpp"

namespace powerdesk::billing {

Money line_amount(Fixed<3> quantity, Price price, Rounding mode) {
  return multiply<Money::scale>(quantity, price, mode);
}

Money prorated_amount(Fixed<3> quantity, Price price, int32_t days, int32_t day_base, Rounding mode) {
  if (day_base == 0) return line_amount(quantity, price, mode);
  const __int128 p = static_cast<__int128>(quantity.units()) * price.units() * days;
  const __int128 den = static_cast<__int128>(pow10_i64(Fixed<3>::scale + Price::scale - Money::scale)) * day_base;
  return Money::from_units(static_cast<int64_t>(round_div(p, den, mode)));
}

void price_components(const ComponentTariff& tariff, const RulePack& pack, int part, int block,
                      const PartUsage& usage, Bill& bill) {
  for (TouPeriod p : tariff.periods) {
    const Energy qty = usage.kwh[static_cast<size_t>(p)];
    if (qty.is_zero()) continue;
    for (const PriceComponent& c : tariff.components) {
      BillLine l{};
      l.code = LineCode::ComponentEnergy;
      l.kind = c.kind;
      l.part = part;
      l.block = block;
      l.period = p;
      l.component = &c;
      l.quantity = qty;
      l.unit = Unit::Kwh;
      l.unit_price = *c.prices[static_cast<size_t>(p)];
      l.amount = line_amount(qty, l.unit_price, pack.rounding.line_amount);
      bill.lines.push_back(l);
    }
  }
}

namespace {

// One piece of a part per calendar month: a whole month of the bill is shared
// by days in the month; a partial month (新装, 销户) counts days / 30
// (《供电营业规则》 basic charge by actual days, 1/30 of the month per day).
struct MonthPiece {
  int32_t days = 0;
  int32_t day_base = 0;  // 0 = the whole month
};

std::vector<MonthPiece> month_pieces(const Period& part, const Period& bill_period) {
  std::vector<MonthPiece> out;
  for_each_month(part, [&](const Period& month, const Period& in_part) {
    const bool bill_has_whole_month = intersect(month, bill_period)->days() == month.days();
    MonthPiece piece;
    if (in_part.days() != month.days()) {
      piece.days = in_part.days();
      piece.day_base = bill_has_whole_month ? month.days() : 30;
    }
    out.push_back(piece);
  });
  return out;
}

Issue missing(const std::string& path, const std::string& zh, const std::string& en) {
  return make_issue(Code::DemandDataMissing, path, zh, en);
}

Price discounted_price(const BasicChargeRules& rules, Price p, bool discounted) {
  return discounted ? multiply<Price::scale>(p, rules.discount_factor, Rounding::HalfUp) : p;
}

}  // namespace

bool basic_discount_applies(const BasicChargeRules& rules, DemandBasis basis, Power capacity, Energy kwh,
                            Ratio months) {
  if (!rules.discount_kwh_per_kva || capacity.is_zero() ||
      (basis == DemandBasis::Capacity && !rules.discount_applies_to_capacity))
    return false;
  const Energy per_month = multiply<Energy::scale>(*rules.discount_kwh_per_kva, capacity, Rounding::HalfUp);
  return kwh >= multiply<Energy::scale>(per_month, months, Rounding::HalfUp);
}

BasicChargeLines basic_charge_lines(const BasicChargeRules& rules, DemandBasis basis, Power capacity, Power contract,
                                    Power max_demand, bool discounted) {
  BasicChargeLines out;
  auto push = [&](LineCode code, Power qty, Unit unit, Price price) {
    out.lines[static_cast<size_t>(out.count++)] = BasicChargeLine{code, qty, unit, price};
  };
  out.floor = multiply<Power::scale>(capacity, rules.floor_ratio, Rounding::HalfUp);
  switch (basis) {
    case DemandBasis::Capacity:
      push(LineCode::BasicCapacity, capacity, Unit::Kva, discounted_price(rules, rules.capacity_price, discounted));
      break;
    case DemandBasis::ContractDemand: {
      if (contract < out.floor) {
        out.floor_applied = true;
        contract = out.floor;
      }
      const Price p = discounted_price(rules, rules.demand_price, discounted);
      out.limit = multiply<Power::scale>(contract, rules.overrun_threshold, Rounding::HalfUp);
      if (max_demand <= out.limit) {
        push(LineCode::BasicDemand, contract, Unit::Kw, p);
      } else {
        const Power base = rules.overrun_formula == OverrunFormula::ThresholdBase ? out.limit : contract;
        push(LineCode::BasicDemand, base, Unit::Kw, p);
        push(LineCode::BasicOverrun, max_demand - out.limit, Unit::Kw,
             multiply<Price::scale>(p, rules.overrun_multiplier, Rounding::HalfUp));
      }
      break;
    }
    case DemandBasis::ActualDemand: {
      if (rules.floor_applies_to_actual && max_demand < out.floor) {
        out.floor_applied = true;
        max_demand = out.floor;
      }
      push(LineCode::BasicDemand, max_demand, Unit::Kw, discounted_price(rules, rules.demand_price, discounted));
      break;
    }
  }
  return out;
}

bool price_basic_charge(const BillRequest& req, const ComponentTariff& tariff, const RulePack& pack,
                        int part, Bill& bill, Issues& issues) {
  const BasicChargeRules& rules = *tariff.basic;
  const Rounding rounding = pack.rounding.line_amount;
  if (!req.capacity_kva) {
    issues.push_back(missing("/capacity_kva", "两部制电价需要用电容量 capacity_kva",
                             "A two-part tariff needs capacity_kva"));
    return false;
  }
  const DemandInput demand = req.demand.value_or(DemandInput{});
  const Power capacity = *req.capacity_kva;

  // 260 kWh/kVA load-factor discount (发改价格〔2023〕526号): kWh per kVA per
  // month. A bill of one whole month compares its kWh with 260 × kVA; a bill
  // covering more or less than a month scales the bar by the months covered.
  Ratio months;
  for_each_month(req.period, [&](const Period& month, const Period& days) {
    months += Ratio::from_units(static_cast<int64_t>(
        round_div(static_cast<__int128>(Ratio::one_units) * days.days(), month.days(), Rounding::HalfUp)));
  });
  const bool discounted = basic_discount_applies(rules, demand.basis, capacity, bill.energy_kwh, months);

  const Period& period = bill.parts[static_cast<size_t>(part)].period;
  const auto pieces = month_pieces(period, req.period);
  auto add_pieces = [&](LineCode code, Power qty, Unit unit, Price price, const std::vector<MonthPiece>& in) {
    for (const MonthPiece& piece : in) {
      BillLine l{};
      l.code = code;
      l.kind = LineKind::Basic;
      l.part = part;
      l.quantity = qty;
      l.unit = unit;
      l.unit_price = price;
      l.days = piece.days;
      l.day_base = piece.day_base;
      l.amount = prorated_amount(qty, price, piece.days, piece.day_base, rounding);
      bill.lines.push_back(l);
    }
  };
  auto add = [&](LineCode code, Power qty, Unit unit, Price price) { add_pieces(code, qty, unit, price, pieces); };

  if (demand.basis == DemandBasis::ContractDemand && (!demand.contract_kw || !demand.max_demand_kw)) {
    issues.push_back(missing("/demand", "按合同最大需量计费需要 contract_kw 和 max_demand_kw",
                             "Contract-demand billing needs contract_kw and max_demand_kw"));
    return false;
  }
  if (demand.basis == DemandBasis::ActualDemand && !demand.max_demand_kw) {
    issues.push_back(missing("/demand/max_demand_kw", "按实际最大需量计费需要 max_demand_kw",
                             "Actual-demand billing needs max_demand_kw"));
    return false;
  }
  const BasicChargeLines month = basic_charge_lines(rules, demand.basis, capacity, demand.contract_kw.value_or(Power{}),
                                                    demand.max_demand_kw.value_or(Power{}), discounted);
  if (demand.basis == DemandBasis::ContractDemand && month.floor_applied) {
    const Power contract = *demand.contract_kw;
    bill.warnings.push_back(make_issue(
        Code::DemandFloorApplied, "/demand/contract_kw",
        "合同最大需量 " + contract.str() + " kW 低于容量的 " + rules.floor_ratio.str() + " 倍，按 " + month.floor.str() + " kW 计",
        "Contract demand " + contract.str() + " kW is below " + rules.floor_ratio.str() + " of capacity; billed at " + month.floor.str() + " kW",
        Severity::Warning));
  }
  for (int i = 0; i < month.count; ++i) {
    const BasicChargeLine& l = month.lines[static_cast<size_t>(i)];
    add(l.code, l.quantity, l.unit, l.unit_price);
  }

  // 暂停/减容: sealed kVA pay no basic charge from the sealing day (inclusive).
  // Never more kVA sealed on a day than the customer has.
  for (Date d = period.start; !demand.suspensions.empty() && d <= period.end; d = d.plus_days(1)) {
    Power sealed;
    for (const Suspension& s : demand.suspensions)
      if (s.period.contains(d)) sealed += s.kva;
    if (sealed > capacity) {
      issues.push_back(make_issue(Code::UsageConflict, "/demand/suspensions",
                                  d.iso() + " 暂停/减容容量合计 " + sealed.str() + " kVA 超过用电容量 " + capacity.str() + " kVA",
                                  "On " + d.iso() + " suspensions seal " + sealed.str() + " kVA, more than the " +
                                      capacity.str() + " kVA capacity"));
      return false;
    }
  }
  for (size_t i = 0; i < demand.suspensions.size(); ++i) {
    const Suspension& s = demand.suspensions[i];
    if (s.period.days() < rules.min_suspension_days) {
      // 《供电营业规则》: a suspension shorter than the minimum earns no exemption.
      bill.warnings.push_back(make_issue(
          Code::UsageConflict, "/demand/suspensions/" + std::to_string(i),
          "暂停 " + std::to_string(s.period.days()) + " 天，少于 " + std::to_string(rules.min_suspension_days) + " 天，不减免基本电费",
          "A suspension of " + std::to_string(s.period.days()) + " days is shorter than " +
              std::to_string(rules.min_suspension_days) + " days and earns no basic-charge exemption",
          Severity::Warning));
      continue;
    }
    auto overlap = intersect(s.period, period);
    if (!overlap) continue;
    // A whole sealed month is a whole month off; part of a month is days / 30.
    const Period sealed_in_bill = *intersect(s.period, req.period);
    add_pieces(LineCode::BasicSuspension, -s.kva, Unit::Kva, discounted_price(rules, rules.capacity_price, discounted),
               month_pieces(*overlap, sealed_in_bill));
  }
  return true;
}

}  // namespace powerdesk::billing
