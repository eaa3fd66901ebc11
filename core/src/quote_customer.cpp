// The customer part of bill-like quotes: the same members as a bill request,
// so a quote and the bill it predicts read the customer the same way.
#include "quote_internal.hpp"

#include "powerdesk/bill_json.hpp"

namespace powerdesk::quote_detail {

Result<BillRequest> customer_bill_request(const Json& request, Period period, const Usage& usage,
                                          const std::string& tariff) {
  Json bill = Json::object();
  for (std::string_view key : kCustomerMembers) {
    const std::string k(key);
    if (request.contains(k)) bill[k] = request[k];
  }
  if (!tariff.empty()) bill["tariff"] = tariff;
  bill["period"] = {{"start", period.start.iso()}, {"end", period.end.iso()}};
  // Usage is set below in typed form; parse_bill_request needs a placeholder.
  bill["usage"] = {{"kwh", "0"}};
  auto parsed = parse_bill_request(bill);
  if (!parsed.ok()) return parsed.issues();
  BillRequest out = std::move(parsed.value());
  out.usage = usage;
  return out;
}

Result<const RulePack*> regional_pack(const PackRegistry& packs, const std::string& region, Date day,
                                      const std::string& path) {
  if (!packs.knows_region(region) || region == "national")
    return make_issue(Code::RegionUnknown, "/region", "未知地区 " + region, "Unknown region " + region);
  const RulePack* pack = packs.find(region, day);
  if (!pack)
    return make_issue(Code::NoPackForDate, path, "没有覆盖 " + day.iso() + " 的 " + region + " 规则包",
                      "No " + region + " rule pack covers " + day.iso());
  return pack;
}

Json bill_summary(const Bill& bill, const BillRequest& request) {
  Json j = render_bill(bill, request);
  j["estimate"] = true;
  // A quote recomputes as the customer types: each line keeps its rule's
  // document and date, but not the pack's verification note (often 1 KB a
  // line, and the same on every line of a component); `powerdesk bill` and
  // the pack itself carry it.
  for (Json& line : j["lines"])
    if (line.contains("rule")) line["rule"].erase("note");
  return j;
}

Json month_part(const MonthBill& m) {
  Json j = Json::object();
  j["usage"] = usage_json(m.usage);
  j["total"] = m.bill.total.str(2);
  j["bill"] = bill_summary(m.bill, m.request);
  return j;
}

}  // namespace powerdesk::quote_detail
