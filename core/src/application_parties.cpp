// Who applies: the applicant (a person with a resident ID, or an organisation
// with a unified social credit code), an agent (代办人) acting for them, and
// the contact the utility calls. Identity numbers, names and phones go
// through the validators of identity.hpp; the values as understood go to the
// normalised form (this is the applicant's own form, so they are not masked).
#include "application_internal.hpp"
#include "powerdesk/identity.hpp"

namespace powerdesk::application_detail {
namespace {

std::optional<std::string> text(Context& c, const Json& node, std::string_view key, const std::string& path,
                                bool required) {
  auto s = c.r.string(node, key, path, required);
  if (s && normalize_identifier_text(*s).empty()) {
    c.r.add(make_issue(Code::FieldMissing, pointer_join(path, key), "不能为空", "must not be empty"));
    return std::nullopt;
  }
  return s;
}

void person_name(Context& c, const Json& node, std::string_view key, const std::string& path, Json& out) {
  auto name = text(c, node, key, path, true);
  if (!name) return;
  auto checked = validate_person_name(*name, pointer_join(path, key));
  if (take(c, checked)) out[std::string(key)] = *checked.value;
}

const CreditCodeTypes* credit_code_types(const Context& c) {
  return c.national && c.national->credit_code_types ? c.national->credit_code_types.get() : nullptr;
}

DivisionCodePredicate known_division(const Context& c) {
  const RulePack* national = c.national;
  if (!national || !national->divisions) return {};
  return national->divisions->predicate();
}

void resident_id(Context& c, const Json& node, const std::string& path, Json& out, bool applicant) {
  auto id = text(c, node, "resident_id", path, true);
  if (!id) return;
  const std::string p = pointer_join(path, "resident_id");
  auto checked = validate_resident_id(*id, c.today, p, known_division(c));
  if (!take(c, checked)) return;
  out["resident_id"] = checked.value->value;
  if (!applicant) return;
  // 民法典 第十七条、第十八条: full civil capacity at 18, or at 16 for
  // someone who lives mainly on their own labour income.
  const int age = checked.value->age;
  const int full = c.full_capacity_age();
  const int own_income = c.own_income_age();
  if (own_income && age < own_income) {
    c.r.add(make_issue(Code::ApplicantAge, p,
                       "申请人未满 " + std::to_string(own_income) + " 周岁，须由监护人代为申请",
                       "The applicant is under " + std::to_string(own_income) + "; a guardian must apply"));
  } else if (full && age < full) {
    c.r.add(make_issue(Code::ApplicantAge, p,
                       "申请人未满 " + std::to_string(full) + " 周岁，须证明以自己的劳动收入为主要生活来源，否则由监护人代为申请",
                       "The applicant is under " + std::to_string(full) +
                           "; accepted only with proof of living on their own income, otherwise a guardian must apply",
                       Severity::Warning));
  }
}

void phone(Context& c, const Json& node, const std::string& path, Json& out, bool required) {
  auto number = text(c, node, "phone", path, required);
  if (!number) return;
  auto checked = validate_phone(*number, pointer_join(path, "phone"));
  if (take(c, checked)) out["phone"] = checked.value->value;
}

void applicant(Context& c) {
  const Json* node = c.r.object(c.app, "applicant", "", true);
  if (!node) return;
  const std::string p = "/applicant";
  Json out = Json::object();
  auto type = c.r.string(*node, "type", p, true);
  if (type == std::optional<std::string>("person")) c.applicant = ApplicantType::Person;
  else if (type == std::optional<std::string>("organization")) c.applicant = ApplicantType::Organization;
  else if (type)
    c.r.add(make_issue(Code::EnumInvalid, "/applicant/type", "申请人类型应为 person 或 organization",
                       "type must be person or organization"));
  if (c.applicant && c.form) {
    const auto& allowed = c.form->applicants;
    if (std::find(allowed.begin(), allowed.end(), *c.applicant) == allowed.end()) {
      const bool person = *c.applicant == ApplicantType::Person;
      c.r.add(make_issue(Code::ApplicantTypeInvalid, "/applicant/type",
                         person ? "本业务须由单位申请" : "本业务须由个人申请",
                         person ? "This business must be applied for by an organisation"
                                : "This business must be applied for by a person"));
    }
  }
  if (!c.applicant) return;
  out["type"] = std::string(applicant_type_code(*c.applicant));
  if (*c.applicant == ApplicantType::Person) {
    c.r.reject_unknown(*node, p, {"type", "name", "resident_id"});
    person_name(c, *node, "name", p, out);
    resident_id(c, *node, p, out, true);
  } else {
    c.r.reject_unknown(*node, p, {"type", "name", "credit_code", "legal_representative"});
    if (auto name = text(c, *node, "name", p, true)) {
      auto checked = validate_organization_name(*name, "/applicant/name");
      if (take(c, checked)) out["name"] = *checked.value;
    }
    if (auto code = text(c, *node, "credit_code", p, true)) {
      auto checked = validate_credit_code(*code, "/applicant/credit_code", credit_code_types(c), known_division(c));
      if (take(c, checked)) out["credit_code"] = checked.value->value;
    }
    if (node->contains("legal_representative")) person_name(c, *node, "legal_representative", p, out);
  }
  c.normalized["applicant"] = std::move(out);
}

void agent(Context& c) {
  const Json* node = c.r.object(c.app, "agent", "", false);
  if (!node) return;
  c.has_agent = true;
  const std::string p = "/agent";
  c.r.reject_unknown(*node, p, {"name", "resident_id", "phone"});
  Json out = Json::object();
  person_name(c, *node, "name", p, out);
  resident_id(c, *node, p, out, false);
  phone(c, *node, p, out, true);
  c.normalized["agent"] = std::move(out);
}

void contact(Context& c) {
  const Json* node = c.r.object(c.app, "contact", "", true);
  if (!node) return;
  const std::string p = "/contact";
  c.r.reject_unknown(*node, p, {"name", "phone"});
  Json out = Json::object();
  person_name(c, *node, "name", p, out);
  phone(c, *node, p, out, true);
  c.normalized["contact"] = std::move(out);
}

}  // namespace

void check_parties(Context& c) {
  applicant(c);
  agent(c);
  contact(c);
}

}  // namespace powerdesk::application_detail
