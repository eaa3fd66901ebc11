#include "powerdesk/issue.hpp"

#include <algorithm>

namespace powerdesk {

std::string_view severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
  }
  return "error";
}

std::string_view code_name(Code c) {
  switch (c) {
    case Code::JsonMalformed: return "PD_JSON_MALFORMED";
    case Code::FieldMissing: return "PD_FIELD_MISSING";
    case Code::FieldType: return "PD_FIELD_TYPE";
    case Code::FieldUnknown: return "PD_FIELD_UNKNOWN";
    case Code::NumberInvalid: return "PD_NUMBER_INVALID";
    case Code::NumberTooPrecise: return "PD_NUMBER_TOO_PRECISE";
    case Code::NumberOutOfRange: return "PD_NUMBER_OUT_OF_RANGE";
    case Code::DateInvalid: return "PD_DATE_INVALID";
    case Code::PeriodEndBeforeStart: return "PD_PERIOD_END_BEFORE_START";
    case Code::PeriodTooLong: return "PD_PERIOD_TOO_LONG";
    case Code::RegionUnknown: return "PD_REGION_UNKNOWN";
    case Code::TariffUnknown: return "PD_TARIFF_UNKNOWN";
    case Code::NoPackForDate: return "PD_NO_PACK_FOR_DATE";
    case Code::TouPeriodUnknown: return "PD_TOU_PERIOD_UNKNOWN";
    case Code::UsageMissing: return "PD_USAGE_MISSING";
    case Code::UsageConflict: return "PD_USAGE_CONFLICT";
    case Code::ReadingBackwards: return "PD_READING_BACKWARDS";
    case Code::PowerFactorDataMissing: return "PD_POWER_FACTOR_DATA_MISSING";
    case Code::DemandDataMissing: return "PD_DEMAND_DATA_MISSING";
    case Code::HouseholdSizeInvalid: return "PD_HOUSEHOLD_SIZE_INVALID";
    case Code::SplitExceedsUsage: return "PD_SPLIT_EXCEEDS_USAGE";
    case Code::EnumInvalid: return "PD_ENUM_INVALID";
    case Code::PackInvalid: return "PD_PACK_INVALID";
    case Code::PackOverlap: return "PD_PACK_OVERLAP";
    case Code::PackDuplicate: return "PD_PACK_DUPLICATE";
    case Code::FileUnreadable: return "PD_FILE_UNREADABLE";
    case Code::Internal: return "PD_INTERNAL";
    case Code::DemandFloorApplied: return "PD_DEMAND_FLOOR_APPLIED";
    case Code::DuplicateKey: return "PD_DUPLICATE_KEY";
    case Code::BusinessUnknown: return "PD_BUSINESS_UNKNOWN";
    case Code::StepOrder: return "PD_STEP_ORDER";
    case Code::RuleMissing: return "PD_RULE_MISSING";
    case Code::ResidentIdInvalid: return "PD_RESIDENT_ID_INVALID";
    case Code::ResidentIdChecksum: return "PD_RESIDENT_ID_CHECKSUM";
    case Code::ResidentIdBirthDate: return "PD_RESIDENT_ID_BIRTH_DATE";
    case Code::DivisionCodeUnknown: return "PD_DIVISION_CODE_UNKNOWN";
    case Code::UsccInvalid: return "PD_USCC_INVALID";
    case Code::UsccChecksum: return "PD_USCC_CHECKSUM";
    case Code::UsccTypeUnknown: return "PD_USCC_TYPE_UNKNOWN";
    case Code::PhoneInvalid: return "PD_PHONE_INVALID";
    case Code::PostalCodeInvalid: return "PD_POSTAL_CODE_INVALID";
    case Code::AccountInvalid: return "PD_ACCOUNT_INVALID";
    case Code::NameInvalid: return "PD_NAME_INVALID";
    case Code::AddressInvalid: return "PD_ADDRESS_INVALID";
    case Code::AddressOutsideRegion: return "PD_ADDRESS_OUTSIDE_REGION";
    case Code::DocumentMissing: return "PD_DOCUMENT_MISSING";
    case Code::ApplicantAge: return "PD_APPLICANT_AGE";
    case Code::NotEligible: return "PD_NOT_ELIGIBLE";
    case Code::ReviewRequired: return "PD_REVIEW_REQUIRED";
    case Code::SupplyMismatch: return "PD_SUPPLY_MISMATCH";
    case Code::ApplicantTypeInvalid: return "PD_APPLICANT_TYPE_INVALID";
    case Code::ProfileUnknown: return "PD_PROFILE_UNKNOWN";
    case Code::PlanUnavailable: return "PD_PLAN_UNAVAILABLE";
    case Code::QuoteDataMissing: return "PD_QUOTE_DATA_MISSING";
    case Code::ModeNotAllowed: return "PD_MODE_NOT_ALLOWED";
    case Code::HistoryIncomplete: return "PD_HISTORY_INCOMPLETE";
  }
  return "PD_INTERNAL";
}

bool has_errors(const Issues& issues) {
  return std::any_of(issues.begin(), issues.end(),
                     [](const Issue& i) { return i.severity == Severity::Error; });
}

}  // namespace powerdesk
