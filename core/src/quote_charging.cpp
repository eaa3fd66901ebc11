// "charging": what a charging facility pays for electricity. The kind of
// site decides the price category (发改价格〔2014〕1668号; national pack), the
// regional pack names the tariff it takes, TOU applies, and a centralised
// station on a two-part price has its basic charge waived until the date
// the national pack gives.
#include "quote_internal.hpp"

namespace powerdesk::quote_detail {
namespace {

void shared_meter(BillRequest& br, const void*) { br.residential.shared_meter = true; }

}  // namespace

Result<Quote> charging(const Json& request, const PackRegistry& packs) {
  Issues issues;
  FieldReader r(issues);
  r.reject_unknown(request, "", {"kind", "region", "site", "month", "year", "usage", "capacity_kva", "residential",
                                 "demand", "power_factor", "service_fee"});
  MonthsSpec spec;
  spec.region = r.string(request, "region", "", true).value_or("");
  auto site_code = r.string(request, "site", "", true);
  read_when(r, request, spec);
  auto usage = read_usage(r, request, spec.year.has_value());
  auto fee = r.decimal<Price::scale>(request, "service_fee", "", false, Price{}, Price::from_int(10));
  if (has_errors(issues) || !usage || !site_code) return issues;
  spec.usage = *usage;
  const Date first = spec.month ? *spec.month : *Date::from_ymd(*spec.year, 1, 1);

  const RulePack* national = packs.national(first);
  const ChargingSite* site = nullptr;
  if (national && national->charging) {
    auto it = national->charging->sites.find(*site_code);
    if (it != national->charging->sites.end()) site = &it->second;
  }
  if (!site) {
    std::string known;
    if (national && national->charging)
      for (const auto& [code, s] : national->charging->sites) known += (known.empty() ? "" : ", ") + code;
    return make_issue(Code::EnumInvalid, "/site", "未知充电设施类型 " + *site_code + "（" + known + "）",
                      "Unknown charging site " + *site_code + " (" + known + ")");
  }
  auto pack = regional_pack(packs, spec.region, first, spec.period_path);
  if (!pack.ok()) return pack.issues();
  auto tariff = pack.value()->charging_tariffs.find(site->code);
  if (tariff == pack.value()->charging_tariffs.end()) {
    return make_issue(Code::QuoteDataMissing, "/site",
                      "规则包 " + pack.value()->id + " 未规定“" + site->label.zh + "”执行的电价",
                      "Rule pack " + pack.value()->id + " names no tariff for \"" + site->label.en + "\"");
  }
  spec.tariff = tariff->second;
  spec.default_profile = site->profile;

  Quote q;
  const bool residential = pack.value()->tariff(spec.tariff)->is_residential();
  auto run = bill_months(request, spec, packs, q.notes, residential && site->shared_meter ? shared_meter : nullptr);
  if (!run.ok()) return run.issues();
  const MonthsRun& m = run.value();

  Money waived;
  const ChargingRules& rules = *national->charging;
  if (site->basic_exempt) {
    for (const MonthBill& mb : m.months)
      if (mb.request.period.start <= rules.basic_exempt_until) waived += mb.bill.subtotals[static_cast<size_t>(LineKind::Basic)];
  }
  const Money payable = m.total - waived;
  q.body = months_json(m);
  q.body["site"] = {{"code", site->code}, {"label", bilingual_json(site->label)}, {"citation", citation_json(site->citation)}};
  if (site->basic_exempt) {
    q.body["basic_exemption"] = {{"amount", (-waived).str(2)},
                                 {"until", rules.basic_exempt_until.iso()},
                                 {"citation", citation_json(rules.exemption_citation)}};
    q.notes.assume("基本电费免收时，力率调整仍按免收前的电费计算。",
                   "Where the basic charge is waived, the power-factor adjustment is still computed on the bill before the waiver.");
  }
  q.body["payable"] = payable.str(2);
  if (auto avg = average_price_per_kwh(payable, m.energy)) {
    q.body["payable_average_price"] = avg->str(4);
    if (fee) {
      const Price per_kwh = avg->rescale<Price::scale>() + *fee;
      q.body["price_to_driver"] = {{"electricity", avg->str(4)}, {"service_fee", fee->str()}, {"total", per_kwh.str()}};
      q.notes.assume("充电服务费由市场形成，按请求给出的 " + fee->str() + " 元/千瓦时计。",
                     "The charging service fee is set by the market; the request's " + fee->str() + " 元/kWh is used.");
    }
  }
  if (spec.year) q.body["year"] = *spec.year;
  else q.body["month"] = spec.month->iso().substr(0, 7);
  return q;
}

}  // namespace powerdesk::quote_detail
