// "forecast": 本月已用电费 and 本月预计电费 from the readings so far. The
// cost to date is the period's bill on the kWh used so far; the forecast
// bills the kWh the period will reach if every remaining day uses the
// average of the days so far.
#include "quote_internal.hpp"

namespace powerdesk::quote_detail {
namespace {

Usage extrapolate(const Usage& so_far, int32_t days, int32_t elapsed, const RoundingRules& rounding) {
  Usage out;
  for (size_t p = 0; p < so_far.kwh.size(); ++p)
    out.kwh[p] = rounding.to_allocation_unit(scale_by(so_far.kwh[p], days, elapsed, Rounding::HalfUp));
  if (so_far.kvarh) out.kvarh = scale_by(*so_far.kvarh, days, elapsed, Rounding::HalfUp);
  return out;
}

}  // namespace

Result<Quote> forecast(const Json& request, const PackRegistry& packs) {
  Issues issues;
  FieldReader r(issues);
  r.reject_unknown(request, "", {"kind", "region", "tariff", "period", "as_of", "usage", "capacity_kva", "residential",
                                 "demand", "power_factor"});
  MonthsSpec spec;
  spec.region = r.string(request, "region", "", true).value_or("");
  spec.tariff = r.string(request, "tariff", "", true).value_or("");
  std::optional<Date> start, end;
  if (const Json* p = r.object(request, "period", "", true)) {
    r.reject_unknown(*p, "/period", {"start", "end"});
    start = r.date(*p, "start", "/period", true);
    end = r.date(*p, "end", "/period", true);
  }
  auto as_of = r.date(request, "as_of", "", true);
  auto usage = read_usage(r, request, false);
  if (start && end && (*end < *start || end->days() - start->days() >= 62)) {
    r.add(make_issue(Code::PeriodTooLong, "/period", "预计电费的计费周期须为 1–62 天", "A forecast's billing period is 1–62 days"));
  } else if (start && end && as_of && !Period{*start, *end}.contains(*as_of)) {
    r.add(make_issue(Code::NumberOutOfRange, "/as_of", "as_of 须在计费周期内", "as_of must lie within the billing period"));
  }
  if (has_errors(issues) || !usage) return issues;
  const Period period{*start, *end};
  const int32_t elapsed = as_of->days() - start->days() + 1;
  spec.usage = *usage;
  spec.month = *Date::from_ymd(start->year(), start->month(), 1);
  spec.period_path = "/period";

  Quote q;
  auto to_date = bill_months(request, spec, packs, q.notes,
                             [](BillRequest& br, const void* p) { br.period = *static_cast<const Period*>(p); }, &period);
  if (!to_date.ok()) return to_date.issues();
  const MonthBill& now = to_date.value().months.front();
  spec.usage = QuoteUsage{};
  spec.usage.by_period = extrapolate(now.usage, period.days(), elapsed, to_date.value().pack->rounding);
  spec.usage.kvarh = spec.usage.by_period->kvarh;
  auto full = bill_months(request, spec, packs, q.notes,
                          [](BillRequest& br, const void* p) { br.period = *static_cast<const Period*>(p); }, &period);
  if (!full.ok()) return full.issues();
  const MonthBill& end_of = full.value().months.front();

  q.notes.assume("预计电费假设周期内余下各天的日均用电与截至 " + as_of->iso() + " 的日均相同（" + std::to_string(elapsed) +
                     "/" + std::to_string(period.days()) + " 天）。",
                 "The forecast assumes the remaining days use the same daily average as the days up to " + as_of->iso() +
                     " (" + std::to_string(elapsed) + " of " + std::to_string(period.days()) + " days).");
  if (!now.bill.subtotals[static_cast<size_t>(LineKind::Basic)].is_zero()) {
    q.notes.assume("已用电费含整个周期的基本电费。", "The cost to date includes the whole period's basic charge.");
  }
  q.body = Json{{"tariff", tariff_ref(*to_date.value().tariff)},
                {"period", {{"start", start->iso()}, {"end", end->iso()}, {"days", period.days()}}},
                {"as_of", as_of->iso()},
                {"days_elapsed", elapsed}};
  q.body["to_date"] = month_part(now);
  q.body["forecast"] = month_part(end_of);
  return q;
}

}  // namespace powerdesk::quote_detail
