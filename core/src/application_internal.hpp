// Internal: the pieces of application validation share one context. Each
// check adds issues and fills in the normalised values it understood; none
// stops the others, so one call reports everything.
#pragma once

#include <optional>
#include <string>

#include "powerdesk/application.hpp"
#include "powerdesk/identity.hpp"

namespace powerdesk::application_detail {

struct Context {
  const Json& app;
  Date today;                            // zero days when /today is missing or bad
  const RulePack* regional = nullptr;    // in force for region and today
  const RulePack* national = nullptr;
  const ApplicationForm* form = nullptr; // null when the business or pack is unknown
  std::optional<ApplicantType> applicant;
  bool has_agent = false;
  FieldReader& r;
  Json& normalized;

  // Section values: the regional pack's when it sets them, else the national one's.
  const ApplicationForms* forms(bool regional_first = true) const;
  const DocumentType* document(const std::string& id) const;
  std::vector<int> account_number_lengths() const;
  int full_capacity_age() const;
  int own_income_age() const;
};

// Adds a validator's issues and returns whether its value is usable.
template <typename T>
bool take(Context& c, Checked<T>& checked) {
  for (Issue& i : checked.issues) c.r.add(std::move(i));
  return checked.ok();
}

// Applicant (person or organisation), agent (代办人) and contact.
void check_parties(Context& c);
// Supply address with postal code, and the account number (户号).
void check_place(Context& c);
// The documents the form requires against those provided (一证办电 aware).
std::vector<DocumentStatus> check_documents(Context& c);
// Eligibility and supply decisions as issues on the fields they concern.
void check_rules(Context& c, const EligibilityRequest& req, const PackRegistry& packs,
                 ApplicationReport& report);

}  // namespace powerdesk::application_detail
