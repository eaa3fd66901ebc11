// Reading an eligibility request. Every member is optional here; which ones
// a business needs is decided by the columns of its table (eligibility.cpp),
// so the rules, not this parser, say what must be given.
#include "powerdesk/eligibility.hpp"

namespace powerdesk {
namespace {

using decision::Value;

const decision::Field& schema_field(BusinessFact f) {
  return business_facts_schema().fields[static_cast<size_t>(f)];
}

std::optional<Value> enum_value(FieldReader& r, const Json& parent, std::string_view key,
                                const std::string& path, BusinessFact fact) {
  auto s = r.string(parent, key, path, false);
  if (!s) return std::nullopt;
  const decision::Field& f = schema_field(fact);
  if (auto i = f.enum_index(*s)) return *i;
  r.add(make_issue(Code::EnumInvalid, pointer_join(path, key), std::string(key) + " 应为以下之一：" + f.values_text(),
                   std::string(key) + " must be one of: " + f.values_text()));
  return std::nullopt;
}

std::optional<Fixed<3>> kva(FieldReader& r, const Json& parent, std::string_view key, const std::string& path) {
  return r.decimal<3>(parent, key, path, false, Fixed<3>::from_int(0), Fixed<3>::from_int(10000000));
}

std::optional<Period> period(FieldReader& r, const Json& node, const std::string& p) {
  r.reject_unknown(node, p, {"from", "to"});
  auto from = r.date(node, "from", p, true);
  auto to = r.date(node, "to", p, true);
  if (!from || !to) return std::nullopt;
  if (*to < *from) {
    r.add(make_issue(Code::PeriodEndBeforeStart, pointer_join(p, "to"), "结束日早于开始日", "to is before from"));
    return std::nullopt;
  }
  if (Period{*from, *to}.days() > 36600) {
    r.add(make_issue(Code::PeriodTooLong, p, "期间超过 100 年", "the period is longer than 100 years"));
    return std::nullopt;
  }
  return Period{*from, *to};
}

void customer(FieldReader& r, const Json& c, EligibilityRequest& out, const std::string& p) {
  r.reject_unknown(c, p, {"class", "status", "status_since", "capacity_kva", "supply_voltage_kv", "tariff",
                          "has_arrears", "industrial", "irrigation_station", "on_load_tap_changer", "suspensions"});
  auto& x = out.customer;
  x.customer_class = enum_value(r, c, "class", p, BusinessFact::CustomerClass);
  x.status = enum_value(r, c, "status", p, BusinessFact::AccountStatus);
  x.tariff = enum_value(r, c, "tariff", p, BusinessFact::TariffStructure);
  x.status_since = r.date(c, "status_since", p, false);
  if (x.status_since && out.today.days() != 0 && out.today < *x.status_since) {
    r.add(make_issue(Code::DateInvalid, pointer_join(p, "status_since"), "status_since 晚于 today", "status_since is after today"));
    x.status_since.reset();
  }
  x.capacity_kva = kva(r, c, "capacity_kva", p);
  x.supply_voltage_kv = r.decimal<3>(c, "supply_voltage_kv", p, false, Fixed<3>::from_int(0), Fixed<3>::from_int(1000));
  x.has_arrears = r.boolean(c, "has_arrears", p, false);
  x.industrial = r.boolean(c, "industrial", p, false);
  x.irrigation_station = r.boolean(c, "irrigation_station", p, false);
  x.on_load_tap_changer = r.boolean(c, "on_load_tap_changer", p, false);
  if (const Json* list = r.array(c, "suspensions", p, false)) {
    std::vector<Period> periods;
    for (size_t i = 0; i < list->size(); ++i) {
      const std::string ip = pointer_join(pointer_join(p, "suspensions"), i);
      if (!(*list)[i].is_object()) {
        r.add(make_issue(Code::FieldType, ip, "应为对象 {from, to}", "must be an object {from, to}"));
        continue;
      }
      if (auto s = period(r, (*list)[i], ip)) periods.push_back(*s);
    }
    x.suspensions = std::move(periods);
  }
}

void request(FieldReader& r, const Json& q, EligibilityRequest& out, const std::string& p) {
  r.reject_unknown(q, p, {"capacity_kva", "accounts_capacity_kva", "voltage_kv", "phases", "period",
                          "whole_transformers", "same_address", "same_supply_point", "separable",
                          "same_installation", "new_class", "pv", "ev_facility"});
  auto& x = out.request;
  x.capacity_kva = kva(r, q, "capacity_kva", p);
  x.accounts_capacity_kva = kva(r, q, "accounts_capacity_kva", p);
  x.voltage_kv = r.decimal<3>(q, "voltage_kv", p, false, Fixed<3>::from_int(0), Fixed<3>::from_int(1000));
  if (auto phases = r.integer(q, "phases", p, false, 1, 3)) {
    if (*phases == 2) r.add(make_issue(Code::NumberOutOfRange, pointer_join(p, "phases"), "相数应为 1 或 3", "phases must be 1 or 3"));
    else x.phases = static_cast<int>(*phases);
  }
  if (const Json* per = r.object(q, "period", p, false)) x.period = period(r, *per, pointer_join(p, "period"));
  x.whole_transformers = r.boolean(q, "whole_transformers", p, false);
  x.same_address = r.boolean(q, "same_address", p, false);
  x.same_supply_point = r.boolean(q, "same_supply_point", p, false);
  x.separable = r.boolean(q, "separable", p, false);
  x.same_installation = r.boolean(q, "same_installation", p, false);
  x.new_class = enum_value(r, q, "new_class", p, BusinessFact::NewClass);
  x.ev_facility = enum_value(r, q, "ev_facility", p, BusinessFact::EvFacility);
  if (const Json* pv = r.object(q, "pv", p, false)) {
    const std::string pp = pointer_join(p, "pv");
    r.reject_unknown(*pv, pp, {"capacity_kw", "owner", "mode"});
    x.pv_capacity_kw = r.decimal<3>(*pv, "capacity_kw", pp, false, Fixed<3>::from_int(0), Fixed<3>::from_int(1000000));
    x.pv_owner = enum_value(r, *pv, "owner", pp, BusinessFact::PvOwner);
    x.pv_mode = enum_value(r, *pv, "mode", pp, BusinessFact::PvMode);
  }
}

}  // namespace

EligibilityRequest read_eligibility_request(const Json& j, Issues& issues) {
  FieldReader r(issues);
  EligibilityRequest out;
  if (!j.is_object()) {
    r.add(make_issue(Code::FieldType, "", "请求应为 JSON 对象", "The request must be a JSON object"));
    return out;
  }
  r.reject_unknown(j, "", {"region", "today", "business", "customer", "request"});
  auto region = r.string(j, "region", "", true);
  auto today = r.date(j, "today", "", true);
  auto business = r.string(j, "business", "", true);
  if (region) out.region = *region;
  if (today) out.today = *today;
  if (business) {
    if (schema_field(BusinessFact::Business).enum_index(*business)) {
      out.business = *business;
    } else {
      const std::string list = schema_field(BusinessFact::Business).values_text();
      r.add(make_issue(Code::BusinessUnknown, "/business", "未知业务类型 " + *business + "；可选：" + list,
                       "Unknown business " + *business + "; one of: " + list));
    }
  }
  if (const Json* c = r.object(j, "customer", "", false)) customer(r, *c, out, "/customer");
  if (const Json* q = r.object(j, "request", "", false)) request(r, *q, out, "/request");
  return out;
}

Result<EligibilityRequest> parse_eligibility_request(const Json& j) {
  Issues issues;
  EligibilityRequest out = read_eligibility_request(j, issues);
  if (has_errors(issues)) return issues;
  return out;
}

}  // namespace powerdesk
