// Reads the "application_forms" section of a pack: the documents a form may
// ask for and, per business, what its application requires. The national
// pack must give a form for every business; a regional pack may override
// forms, documents and the account-number lengths of its provincial company.
#include <algorithm>

#include "pack_reader.hpp"
#include "powerdesk/eligibility.hpp"

namespace powerdesk::pack_reader {
namespace {

const decision::Field& business_field() { return business_facts_schema().fields[0]; }

std::optional<FieldRule> field_rule(FieldReader& r, const Json& form, std::string_view key, const std::string& p) {
  auto s = r.string(form, key, p, true);
  if (!s) return std::nullopt;
  if (*s == "required") return FieldRule::Required;
  if (*s == "optional") return FieldRule::Optional;
  if (*s == "none") return FieldRule::None;
  invalid(r, pointer_join(p, key), "应为 required、optional 或 none", "must be required, optional or none");
  return std::nullopt;
}

std::optional<ApplicantType> applicant_type(FieldReader& r, const std::string& v, const std::string& p) {
  if (v == "person") return ApplicantType::Person;
  if (v == "organization") return ApplicantType::Organization;
  invalid(r, p, "申请人类型应为 person 或 organization", "applicant type must be person or organization");
  return std::nullopt;
}

std::vector<std::string> strings(FieldReader& r, const Json& parent, std::string_view key, const std::string& p) {
  std::vector<std::string> out;
  const Json* list = r.array(parent, key, p, true);
  if (!list) return out;
  const std::string lp = pointer_join(p, key);
  for (size_t i = 0; i < list->size(); ++i) {
    if ((*list)[i].is_string()) out.push_back((*list)[i].get<std::string>());
    else invalid(r, pointer_join(lp, i), "应为字符串", "must be a string");
  }
  if (out.empty() && list->empty()) invalid(r, lp, "不能为空", "must not be empty");
  return out;
}

void documents(FieldReader& r, const Json& section, ApplicationForms& out) {
  const Json* docs = r.object(section, "documents", "/application_forms", false);
  if (!docs) return;
  for (auto it = docs->begin(); it != docs->end(); ++it) {
    const std::string p = pointer_join("/application_forms/documents", it.key());
    r.reject_unknown(*it, p, {"name", "identity"});
    auto name = r.bilingual(*it, "name", p, true);
    auto identity = r.boolean(*it, "identity", p, false);
    if (name) out.documents[it.key()] = DocumentType{*name, identity.value_or(false)};
  }
}

// `known` is the pack's documents, or null when they cannot all be known here
// (a regional form may name the national pack's documents).
DocumentRequirement requirement(FieldReader& r, const Json& item, const std::string& p,
                                const std::map<std::string, DocumentType>* known) {
  DocumentRequirement req;
  r.reject_unknown(item, p, {"any_of", "applicant", "when"});
  req.any_of = strings(r, item, "any_of", p);
  for (size_t i = 0; i < req.any_of.size(); ++i) {
    if (known && !known->count(req.any_of[i]))
      invalid(r, pointer_join(pointer_join(p, "any_of"), i), "未定义的资料 " + req.any_of[i],
              "undefined document " + req.any_of[i]);
  }
  if (auto a = r.string(item, "applicant", p, false)) req.applicant = applicant_type(r, *a, pointer_join(p, "applicant"));
  if (auto w = r.string(item, "when", p, false)) {
    if (*w == "agent") req.when_agent = true;
    else invalid(r, pointer_join(p, "when"), "条件只能是 agent", "the only condition is agent");
  }
  return req;
}

std::optional<ApplicationForm> form(FieldReader& r, const Json& node, const std::string& p,
                                    const std::map<std::string, DocumentType>* known) {
  if (!node.is_object()) {
    invalid(r, p, "表单须为对象", "a form must be an object");
    return std::nullopt;
  }
  r.reject_unknown(node, p, {"applicants", "account", "address", "one_certificate", "documents", "citation"});
  ApplicationForm f;
  const size_t before = r.issues().size();
  const std::vector<std::string> types = strings(r, node, "applicants", p);
  for (size_t i = 0; i < types.size(); ++i) {
    if (auto t = applicant_type(r, types[i], pointer_join(pointer_join(p, "applicants"), i))) f.applicants.push_back(*t);
  }
  auto account = field_rule(r, node, "account", p);
  auto address = field_rule(r, node, "address", p);
  f.one_certificate = r.boolean(node, "one_certificate", p, false).value_or(false);
  if (const Json* list = r.array(node, "documents", p, true)) {
    for (size_t i = 0; i < list->size(); ++i)
      f.documents.push_back(requirement(r, (*list)[i], pointer_join(pointer_join(p, "documents"), i), known));
  }
  auto cit = citation(r, node, p, true);
  if (r.issues().size() != before || !account || !address || !cit) return std::nullopt;
  f.account = *account;
  f.address = *address;
  f.citation = *cit;
  return f;
}

}  // namespace

void application_forms(FieldReader& r, const Json& root, RulePack& pack) {
  const Json* section = r.object(root, "application_forms", "", false);
  if (!section) return;
  const std::string p = "/application_forms";
  r.reject_unknown(*section, p, {"citation", "account_number_lengths", "applicant_age", "documents", "forms"});
  ApplicationForms out;
  const bool national = pack.region == "national";
  if (auto cit = citation(r, *section, p, national)) out.citation = *cit;
  if (const Json* lengths = r.array(*section, "account_number_lengths", p, national)) {
    for (size_t i = 0; i < lengths->size(); ++i) {
      const Json& n = (*lengths)[i];
      if (n.is_number_integer() && n.get<int64_t>() >= 6 && n.get<int64_t>() <= 20)
        out.account_number_lengths.push_back(n.get<int>());
      else
        invalid(r, pointer_join(pointer_join(p, "account_number_lengths"), i), "户号长度应为 6–20 的整数",
                "an account-number length must be an integer 6–20");
    }
  }
  if (const Json* age = r.object(*section, "applicant_age", p, national)) {
    const std::string ap = pointer_join(p, "applicant_age");
    r.reject_unknown(*age, ap, {"full_capacity", "own_income", "citation"});
    out.full_capacity_age = static_cast<int>(r.integer(*age, "full_capacity", ap, true, 1, 30).value_or(0));
    out.own_income_age = static_cast<int>(r.integer(*age, "own_income", ap, true, 1, 30).value_or(0));
    citation(r, *age, ap, true);
    if (out.own_income_age > out.full_capacity_age)
      invalid(r, pointer_join(ap, "own_income"), "不能大于 full_capacity", "must not exceed full_capacity");
  }
  documents(r, *section, out);
  if (const Json* forms = r.object(*section, "forms", p, national)) {
    for (auto it = forms->begin(); it != forms->end(); ++it) {
      const std::string fp = pointer_join(pointer_join(p, "forms"), it.key());
      if (!business_field().enum_index(it.key())) {
        invalid(r, fp, "未知业务 " + it.key(), "unknown business " + it.key());
        continue;
      }
      if (auto f = form(r, *it, fp, national ? &out.documents : nullptr)) out.forms.emplace(it.key(), std::move(*f));
    }
    if (national) {
      for (const std::string& business : business_field().values) {
        if (!forms->contains(business))
          invalid(r, pointer_join(p, "forms"), "缺少业务 " + business + " 的申请表", "no form for business " + business);
      }
    }
  }
  pack.application_forms = std::move(out);
}

}  // namespace powerdesk::pack_reader
