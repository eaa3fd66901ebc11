// Bad input is data: every problem is an Issue with a JSON pointer, a stable
// code, a severity and a message in Chinese and English. Nothing throws
// across the facade.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "powerdesk/text.hpp"

namespace powerdesk {

enum class Severity { Error, Warning, Info };
std::string_view severity_name(Severity s);

// Stable machine codes. Append only; never renumber or rename: integrators
// switch on these strings. docs/api.md lists each with its meaning.
enum class Code {
  JsonMalformed,
  FieldMissing,
  FieldType,
  FieldUnknown,
  NumberInvalid,
  NumberTooPrecise,
  NumberOutOfRange,
  DateInvalid,
  PeriodEndBeforeStart,
  PeriodTooLong,
  RegionUnknown,
  TariffUnknown,
  NoPackForDate,
  TouPeriodUnknown,
  UsageMissing,
  UsageConflict,
  ReadingBackwards,
  PowerFactorDataMissing,
  DemandDataMissing,
  HouseholdSizeInvalid,
  SplitExceedsUsage,
  EnumInvalid,
  PackInvalid,
  PackOverlap,
  PackDuplicate,
  FileUnreadable,
  Internal,
  DemandFloorApplied,
  DuplicateKey,
  BusinessUnknown,  // process: no such business type in the catalogue
  StepOrder,        // process: completion dates out of order or a required step skipped
  RuleMissing,      // no pack in force defines the decision table a request needs
  ResidentIdInvalid,    // identity: not 18 characters of 17 digits and a check character
  ResidentIdChecksum,   // identity: the MOD 11-2 check character does not match
  ResidentIdBirthDate,  // identity: the birth date is not a real date, before 1900 or after today
  DivisionCodeUnknown,  // identity: a GB/T 2260 region code (ID, USCC) is not known
  UsccInvalid,          // identity: a unified social credit code's length or characters
  UsccChecksum,         // identity (warning): USCC MOD 31 or organisation-code check fails
  UsccTypeUnknown,      // identity (warning): USCC authority / entity type not in the table
  PhoneInvalid,         // identity: not a mainland mobile or landline number
  PostalCodeInvalid,    // identity: not 6 digits
  AccountInvalid,       // identity: an account number (户号) of the wrong length or characters
  NameInvalid,          // applications: a person's or organisation's name (length, script, middle dot)
  AddressInvalid,       // applications: an address too short or without a recognisable place
  AddressOutsideRegion, // applications: the address's province/city/district is not in the pack's region
  DocumentMissing,      // applications: a document the business requires was not provided
  ApplicantAge,         // applications: the applicant is under age (error) or a minor with own income (warning)
  NotEligible,          // applications: an eligibility rule refuses the request (the rule's reason and clause)
  ReviewRequired,       // applications (warning): an eligibility rule sends the request to manual review
  SupplyMismatch,       // applications: requested voltage/phases/tariff differ from the supply decision
  ApplicantTypeInvalid, // applications: a person applied where only an organisation may (or the reverse)
  ProfileUnknown,       // quotes: no typical load profile of that name in the packs
  PlanUnavailable,      // quotes: a tariff or plan the customer cannot take (not in a plan group, capacity)
  QuoteDataMissing,     // quotes: the packs lack data the quote needs (factors, feed-in price, charging tariff)
  ModeNotAllowed,       // quotes: a PV consumption mode the project category may not use
  HistoryIncomplete,    // quotes: demand history shorter than the optimiser needs
};

std::string_view code_name(Code c);  // e.g. "PD_USAGE_MISSING"

struct Issue {
  Code code;
  std::string path;  // JSON pointer into the request (or pack) that caused it
  Severity severity = Severity::Error;
  Bilingual message;
  std::string file;  // set for rule-pack problems
  // A corrected value the form may offer (e.g. the right check character
  // appended, the supply voltage the rules recommend); empty when none.
  std::string suggestion;
};

using Issues = std::vector<Issue>;

inline Issue make_issue(Code code, std::string path, std::string zh, std::string en,
                        Severity sev = Severity::Error) {
  return Issue{code, std::move(path), sev, Bilingual{std::move(zh), std::move(en)}, {}, {}};
}

bool has_errors(const Issues& issues);

// A value or the issues that prevented it. (Emscripten 3.1.6's libc++ has no
// std::expected, so PowerDesk keeps this small type of its own.)
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Issues issues) : v_(std::move(issues)) {}  // NOLINT
  Result(Issue issue) : v_(Issues{std::move(issue)}) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const { return std::get<T>(v_); }
  T& value() { return std::get<T>(v_); }
  const Issues& issues() const { return std::get<Issues>(v_); }

 private:
  std::variant<T, Issues> v_;
};

}  // namespace powerdesk
