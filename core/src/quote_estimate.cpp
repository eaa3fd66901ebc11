// "estimate": a bill estimated from partial information — a month's kWh, kWh
// by TOU period, or a total spread by a typical load profile — for one month
// or a calendar year (twelve monthly bills, tiers carried month to month).
#include "quote_internal.hpp"

namespace powerdesk::quote_detail {
namespace {

Json month_row(const MonthBill& m) {
  Json j{{"month", m.request.period.start.iso().substr(0, 7)},
         {"usage", usage_json(m.usage)},
         {"total", m.bill.total.str(2)}};
  if (auto avg = average_price_per_kwh(m.bill.total, m.bill.energy_kwh)) j["average_price"] = avg->str(4);
  return j;
}

}  // namespace

// Shared by estimate and charging: a run as the response shows it.
Json months_json(const MonthsRun& run) {
  Json out{{"tariff", tariff_ref(*run.tariff)},
           {"total", run.total.str(2)},
           {"energy_kwh", run.energy.str()}};
  if (auto avg = average_price_per_kwh(run.total, run.energy)) out["average_price"] = avg->str(4);
  if (run.months.size() == 1) {
    out["usage"] = usage_json(run.months.front().usage);
    out["bill"] = bill_summary(run.months.front().bill, run.months.front().request);
  } else {
    Json months = Json::array();
    for (const MonthBill& m : run.months) months.push_back(month_row(m));
    out["months"] = months;
  }
  return out;
}

Result<Quote> estimate(const Json& request, const PackRegistry& packs) {
  Issues issues;
  FieldReader r(issues);
  r.reject_unknown(request, "", {"kind", "region", "tariff", "month", "year", "usage", "capacity_kva", "residential",
                                 "demand", "power_factor"});
  MonthsSpec spec;
  spec.region = r.string(request, "region", "", true).value_or("");
  spec.tariff = r.string(request, "tariff", "", true).value_or("");
  read_when(r, request, spec);
  auto usage = read_usage(r, request, spec.year.has_value());
  if (has_errors(issues) || !usage) return issues;
  spec.usage = *usage;
  Quote q;
  auto run = bill_months(request, spec, packs, q.notes);
  if (!run.ok()) return run.issues();
  q.body = months_json(run.value());
  if (spec.year) q.body["year"] = *spec.year;
  else q.body["month"] = spec.month->iso().substr(0, 7);
  return q;
}

Result<Fixed<4>> average_price(const PackRegistry& packs, const std::string& region, const std::string& tariff,
                               const std::string& profile, int year, Energy annual_kwh, QuoteNotes& notes,
                               const std::string& path) {
  MonthsSpec spec;
  spec.region = region;
  spec.tariff = tariff;
  spec.year = year;
  spec.usage.kwh = annual_kwh;
  spec.usage.profile = profile;
  spec.period_path = path;
  const Json request{{"region", region}};
  auto run = bill_months(request, spec, packs, notes);
  if (!run.ok()) {
    Issues issues = run.issues();
    for (Issue& i : issues) i.path = path;
    return issues;
  }
  auto avg = average_price_per_kwh(run.value().total, run.value().energy);
  if (!avg) return make_issue(Code::NumberOutOfRange, path, "年用电量为零，无法求平均电价", "No kWh to average a price over");
  notes.assume("电价按 " + std::to_string(year) + " 年全年电费除以电量的平均值计（" + avg->str(4) + " 元/千瓦时）。",
               "The electricity price is the " + std::to_string(year) + " average, annual bill over annual kWh (" +
                   avg->str(4) + " 元/kWh).");
  return *avg;
}

}  // namespace powerdesk::quote_detail
