// "load_shift": the saving from moving a share of the sharp and peak kWh to
// the valley (or deep valley) of a TOU tariff, billed before and after.
#include "quote_internal.hpp"

namespace powerdesk::quote_detail {

Result<Quote> load_shift(const Json& request, const PackRegistry& packs) {
  Issues issues;
  FieldReader r(issues);
  r.reject_unknown(request, "", {"kind", "region", "tariff", "month", "usage", "shift_percent", "to", "capacity_kva",
                                 "residential", "demand", "power_factor"});
  MonthsSpec spec;
  spec.region = r.string(request, "region", "", true).value_or("");
  spec.tariff = r.string(request, "tariff", "", true).value_or("");
  spec.month = read_month(r, request, "month", "", true);
  spec.period_path = "/month";
  auto usage = read_usage(r, request, false);
  auto percent = r.decimal<2>(request, "shift_percent", "", true, Fixed<2>{}, Fixed<2>::from_int(100));
  TouPeriod to = TouPeriod::Valley;
  if (auto t = r.string(request, "to", "", false)) {
    if (*t == "deep_valley") to = TouPeriod::DeepValley;
    else if (*t != "valley")
      r.add(make_issue(Code::EnumInvalid, "/to", "to 须为 valley 或 deep_valley：" + *t, "to is valley or deep_valley: " + *t));
  }
  if (has_errors(issues) || !usage) return issues;
  spec.usage = *usage;

  Quote q;
  auto before = bill_months(request, spec, packs, q.notes);
  if (!before.ok()) return before.issues();
  const MonthsRun& b = before.value();
  if (!b.tariff->has_period(to) || !b.tariff->has_period(TouPeriod::Peak)) {
    return make_issue(Code::PlanUnavailable, "/tariff",
                      "电价 " + b.tariff->code + " 没有高峰与" + std::string(to == TouPeriod::Valley ? "低谷" : "深谷") + "时段，移峰填谷不改变电费",
                      "Tariff " + b.tariff->code + " has no peak and " + std::string(tou_period_code(to)) +
                          " periods: shifting load changes nothing");
  }
  Usage after = b.months.front().usage;
  Json moved = Json::object();
  Energy moved_total;
  for (TouPeriod from : {TouPeriod::Sharp, TouPeriod::Peak}) {
    Energy& e = after.kwh[static_cast<size_t>(from)];
    const Energy m = b.pack->rounding.to_allocation_unit(scale_by(e, percent->units(), 10000, Rounding::HalfUp));
    if (m.is_zero()) continue;
    e -= m;
    after.kwh[static_cast<size_t>(to)] += m;
    moved_total += m;
    moved[std::string(tou_period_code(from))] = m.str();
  }
  spec.usage = QuoteUsage{};
  spec.usage.by_period = after;
  spec.usage.kvarh = after.kvarh;
  auto shifted = bill_months(request, spec, packs, q.notes);
  if (!shifted.ok()) return shifted.issues();
  const MonthBill& mb = b.months.front();
  const MonthBill& ma = shifted.value().months.front();
  const Money saving = mb.bill.total - ma.bill.total;
  q.notes.assume("移峰填谷只改变用电时间，不改变总电量与最大需量；全年节省按本月 × 12 估算。",
                 "Shifting moves kWh in time only: total kWh and maximum demand stay the same; the annual saving is "
                 "this month × 12.");
  Json body{{"month", spec.month->iso().substr(0, 7)},
            {"shift_percent", percent->str()},
            {"to", std::string(tou_period_code(to))},
            {"moved_kwh", {{"by_period", moved}, {"total", moved_total.str()}}},
            {"saving", saving.str(2)},
            {"annual_saving", Money::from_units(saving.units() * 12).str(2)}};
  body["before"] = month_part(mb);
  body["after"] = month_part(ma);
  if (auto per = average_price_per_kwh(saving, moved_total)) body["saving_per_kwh_moved"] = per->str(4);
  body["explanation"] = bilingual_json(
      {"把尖峰与高峰电量的 " + percent->str() + "%（共 " + moved_total.str() + " 千瓦时）移到" +
           std::string(tou_period_label(to).zh) + "，本月电费由 " + mb.bill.total.str(2) + " 元降至 " + ma.bill.total.str(2) +
           " 元，节省 " + saving.str(2) + " 元。",
       "Moving " + percent->str() + "% of the sharp and peak kWh (" + moved_total.str() + " kWh) to the " +
           tou_period_label(to).en + " period lowers this month's bill from " + mb.bill.total.str(2) + " to " +
           ma.bill.total.str(2) + " 元, saving " + saving.str(2) + " 元."});
  q.body = std::move(body);
  return q;
}

}  // namespace powerdesk::quote_detail
