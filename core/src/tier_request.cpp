// JSON → StarTierRequest. Fields left out take defaults that grant nothing
// on their own, except has_arrears (false); a consumption figure must come
// with its credit rating, since the consumption rules turn on both.
#include "powerdesk/tier.hpp"

namespace powerdesk {
namespace {

const KiloVolt kMaxKv = KiloVolt::from_int(1000);

// An enum field by the schema's declared names; nullopt when absent or bad.
template <typename E>
std::optional<E> enum_field(FieldReader& r, const Json& o, const std::string& path, int field, bool required) {
  const decision::Field& f = star_customer_schema().fields[static_cast<size_t>(field)];
  auto s = r.string(o, f.name, path, required);
  if (!s) return std::nullopt;
  if (auto i = f.enum_index(*s)) return static_cast<E>(*i);
  std::string allowed;
  for (const std::string& v : f.values) allowed += (allowed.empty() ? "" : ", ") + v;
  r.add(make_issue(Code::EnumInvalid, pointer_join(path, f.name),
                   f.label.zh + " 不能为 " + *s + "，应为 " + allowed + " 之一",
                   f.label.en + " cannot be " + *s + "; expected one of " + allowed));
  return std::nullopt;
}

void customer(FieldReader& r, const Json& o, StarTierRequest& req) {
  const std::string p = "/customer";
  const auto& fields = star_customer_schema().fields;
  r.reject_unknown(o, p, {"existing_customer", "annual_kwh", "has_arrears", "credit_rating", "project_level",
                          "park_level", "supply_voltage_kv", "special_category"});
  for (int f = 0; f < kTierField; ++f) {
    const std::string& name = fields[static_cast<size_t>(f)].name;
    if (!o.contains(name) || o[name].is_null()) req.defaulted.push_back(name);
  }
  StarCustomer& c = req.customer;
  c.existing_customer = r.boolean(o, "existing_customer", p, false).value_or(true);
  c.annual_kwh = r.decimal<Energy::scale>(o, "annual_kwh", p, false, Energy{}, kMaxKwh).value_or(Energy{});
  c.has_arrears = r.boolean(o, "has_arrears", p, false).value_or(false);
  const bool has_kwh = o.contains("annual_kwh") && !o["annual_kwh"].is_null();
  c.credit_rating = enum_field<CreditRating>(r, o, p, kCreditRating, has_kwh).value_or(CreditRating::Fair);
  c.project_level = enum_field<Level>(r, o, p, kProjectLevel, false).value_or(Level::None);
  c.park_level = enum_field<Level>(r, o, p, kParkLevel, false).value_or(Level::None);
  c.supply_voltage_kv = r.decimal<KiloVolt::scale>(o, "supply_voltage_kv", p, false, KiloVolt{}, kMaxKv).value_or(KiloVolt{});
  c.special_category = enum_field<SpecialCategory>(r, o, p, kSpecialCategory, false).value_or(SpecialCategory::None);
}

}  // namespace

Result<StarTierRequest> parse_star_tier_request(const Json& root) {
  if (!root.is_object())
    return make_issue(Code::FieldType, "", "请求须为 JSON 对象", "The request must be a JSON object");
  Issues issues;
  FieldReader r(issues);
  r.reject_unknown(root, "", {"region", "date", "customer"});
  StarTierRequest req;
  req.region = r.string(root, "region", "", true).value_or("");
  if (auto d = r.date(root, "date", "", true)) req.date = *d;
  if (const Json* c = r.object(root, "customer", "", true)) customer(r, *c, req);
  if (has_errors(issues)) return issues;
  return req;
}

}  // namespace powerdesk
