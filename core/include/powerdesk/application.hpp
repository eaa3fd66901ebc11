// Applications (报装): the form a customer fills in for a business of the
// catalogue, and its validation. One call returns every issue at once —
// identity, text, address, documents, and the cross-field rules of the
// eligibility and supply tables — so a form can show each next to its field
// while it is typed, and the server can refuse with the same list.
//
// What each business asks for is pack data (application_form.hpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "powerdesk/application_form.hpp"
#include "powerdesk/eligibility.hpp"
#include "powerdesk/issue.hpp"
#include "powerdesk/rulepack.hpp"

namespace powerdesk {

// The state of one required document after validation.
struct DocumentStatus {
  const DocumentRequirement* requirement = nullptr;
  enum class State { Provided, Missing, Later } state = State::Missing;  // Later: 一证办电
  std::string provided;  // which of any_of was given
  std::vector<Bilingual> names;  // of any_of, in order
};

// Everything validation found. `issues` is in form order (applicant, agent,
// contact, address, account, customer, request, documents, rules); `valid`
// when none is an error.
struct ApplicationReport {
  std::string business;
  const RulePack* pack = nullptr;      // regional pack in force
  const RulePack* national = nullptr;  // national pack in force (catalogue, forms)
  const ApplicationForm* form = nullptr;
  Issues issues;
  std::vector<DocumentStatus> documents;
  std::optional<Eligibility> eligibility;  // when the rules could be evaluated
  Json normalized = Json::object();        // the values as understood (the applicant's own form)
  bool valid() const { return !has_errors(issues); }
};

// Validates an application (JSON as documented in docs/applications.md)
// against the packs in force on its `today`. Malformed fields are issues in
// the report too; only a non-object request fails outright.
Result<ApplicationReport> validate_application(const Json& application, const PackRegistry& packs);

Json render_application_report(const ApplicationReport& report);

}  // namespace powerdesk
