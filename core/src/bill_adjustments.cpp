// 退补 (refunds and recoveries): a stated amount, or kWh priced at the main
// tariff of the bill's first part (residential: tier-1 price of the period;
// component tariffs: the sum of the period's component prices).
#include "bill_internal.hpp"

namespace powerdesk::billing {
namespace {

Price unit_price(const Tariff& t, TouPeriod p) {
  if (const auto* r = std::get_if<ResidentialTariff>(&t.rules)) return r->price(p, 0);
  Price sum;
  for (const PriceComponent& c : std::get<ComponentTariff>(t.rules).components)
    sum += *c.prices[static_cast<size_t>(p)];
  return sum;
}

}  // namespace

void price_adjustments(const BillRequest& req, Bill& bill) {
  const Tariff& main = *bill.blocks.front().tariff;
  const Rounding rounding = bill.parts.front().pack->rounding.line_amount;
  for (size_t i = 0; i < req.adjustments.size(); ++i) {
    const AdjustmentInput& a = req.adjustments[i];
    BillLine l{};
    l.kind = LineKind::Adjustment;
    l.adjustment = static_cast<int>(i);
    if (a.amount) {
      l.code = LineCode::AdjustmentAmount;
      l.unit = Unit::Yuan;
      l.amount = *a.amount;
    } else {
      l.code = LineCode::AdjustmentEnergy;
      l.unit = Unit::Kwh;
      l.period = a.period;
      l.quantity = *a.kwh;
      l.unit_price = unit_price(main, a.period);
      l.amount = line_amount(l.quantity, l.unit_price, rounding);
    }
    bill.lines.push_back(l);
  }
}

}  // namespace powerdesk::billing
