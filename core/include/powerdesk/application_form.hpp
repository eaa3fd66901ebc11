// What each business's application (报装) form asks for: applicant types,
// account number, address, documents and whether 一证办电 applies. Pack data:
// the `application_forms` section (docs/applications.md).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "powerdesk/text.hpp"

namespace powerdesk {

enum class ApplicantType { Person, Organization };
std::string_view applicant_type_code(ApplicantType t);

enum class FieldRule { Required, Optional, None };  // None: the field must be absent

// A document requirement: one of `any_of` must be provided, when the
// condition holds (applicant type, an agent acting for the applicant).
struct DocumentRequirement {
  std::vector<std::string> any_of;            // document ids
  std::optional<ApplicantType> applicant;     // only for this applicant type
  bool when_agent = false;                    // only when an agent applies
};

struct DocumentType {
  Bilingual name;
  bool identity = false;  // proves who the applicant is (一证办电 keeps these)
};

struct ApplicationForm {
  std::vector<ApplicantType> applicants;
  FieldRule account = FieldRule::Required;  // 户号 of the existing account
  FieldRule address = FieldRule::Required;  // the supply address
  bool one_certificate = false;             // 一证办电 accepted for this business
  std::vector<DocumentRequirement> documents;
  Citation citation;
};

// The `application_forms` section of a pack. A regional pack may override
// forms by business and the account-number lengths of its provincial company.
struct ApplicationForms {
  std::vector<int> account_number_lengths;    // empty: not set by this pack
  std::map<std::string, DocumentType> documents;
  std::map<std::string, ApplicationForm> forms;  // by business id
  int full_capacity_age = 0;   // 完全民事行为能力 (民法典 第十七条)
  int own_income_age = 0;      // 以自己劳动收入为主要生活来源 (民法典 第十八条)
  Citation citation;
};


}  // namespace powerdesk
