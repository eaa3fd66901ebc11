// Where the supply is: the address (province/city/district must lie in the
// pack's region) with its postal code, and the account number (户号) of an
// existing account, in the lengths the provincial company uses.
#include "application_internal.hpp"
#include "powerdesk/identity.hpp"

namespace powerdesk::application_detail {
namespace {

Json address_json(const Address& a) {
  Json j{{"text", a.text}, {"detail", a.detail}};
  if (!a.province_code.empty()) j["province"] = {{"code", a.province_code}, {"name", a.province_name}};
  if (!a.prefecture_code.empty()) j["prefecture"] = {{"code", a.prefecture_code}, {"name", a.prefecture_name}};
  if (!a.county_code.empty()) j["county"] = {{"code", a.county_code}, {"name", a.county_name}};
  return j;
}

FieldRule rule_of(const Context& c, FieldRule ApplicationForm::*member) {
  return c.form ? c.form->*member : FieldRule::Optional;
}

void address(Context& c) {
  const FieldRule rule = rule_of(c, &ApplicationForm::address);
  const Json* node = c.r.object(c.app, "address", "", rule == FieldRule::Required);
  if (!node) return;
  const std::string p = "/address";
  c.r.reject_unknown(*node, p, {"text", "postal_code"});
  Json out = Json::object();
  if (auto text = c.r.string(*node, "text", p, true)) {
    const Divisions* divisions = c.national && c.national->divisions ? c.national->divisions.get() : nullptr;
    const std::string region = c.regional ? c.regional->division : std::string();
    auto checked = validate_address(*text, "/address/text", divisions, region);
    if (take(c, checked)) out = address_json(*checked.value);
  }
  if (auto postal = c.r.string(*node, "postal_code", p, false)) {
    auto checked = validate_postal_code(*postal, "/address/postal_code");
    if (take(c, checked)) out["postal_code"] = *checked.value;
  }
  c.normalized["address"] = std::move(out);
}

void account(Context& c) {
  const FieldRule rule = rule_of(c, &ApplicationForm::account);
  auto number = c.r.string(c.app, "account_number", "", rule == FieldRule::Required);
  if (!number) return;
  if (rule == FieldRule::None) {
    c.r.add(make_issue(Code::AccountInvalid, "/account_number", "本业务为新装，尚无户号，请删除此项",
                       "This business is a new connection: there is no account number yet; remove it",
                       Severity::Warning));
    return;
  }
  auto checked = validate_account_number(*number, "/account_number", c.account_number_lengths());
  if (take(c, checked)) c.normalized["account_number"] = *checked.value;
}

}  // namespace

void check_place(Context& c) {
  address(c);
  account(c);
}

}  // namespace powerdesk::application_detail
