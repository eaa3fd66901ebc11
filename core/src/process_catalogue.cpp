// Codes of the catalogue's enums and the variant filters of a process.
#include <algorithm>

#include "powerdesk/process.hpp"

namespace powerdesk {

std::string_view business_category_code(BusinessCategory c) {
  switch (c) {
    case BusinessCategory::NewConnection: return "new_connection";
    case BusinessCategory::Change: return "change";
    case BusinessCategory::Temporary: return "temporary";
    case BusinessCategory::NewEnergy: return "new_energy";
    case BusinessCategory::Substitution: return "substitution";
  }
  return "change";
}

std::optional<BusinessCategory> business_category_from_code(std::string_view code) {
  for (BusinessCategory c : {BusinessCategory::NewConnection, BusinessCategory::Change, BusinessCategory::Temporary,
                             BusinessCategory::NewEnergy, BusinessCategory::Substitution}) {
    if (business_category_code(c) == code) return c;
  }
  return std::nullopt;
}

std::string_view party_code(Party p) { return p == Party::Utility ? "utility" : "customer"; }

std::optional<Party> party_from_code(std::string_view code) {
  if (code == "utility") return Party::Utility;
  if (code == "customer") return Party::Customer;
  return std::nullopt;
}

std::string_view step_status_code(StepStatus s) {
  switch (s) {
    case StepStatus::Done: return "done";
    case StepStatus::Skipped: return "skipped";
    case StepStatus::Due: return "due";
    case StepStatus::WaitingForCustomer: return "waiting_for_customer";
    case StepStatus::NotStarted: return "not_started";
  }
  return "not_started";
}

std::string_view no_due_reason_code(NoDueReason r) {
  switch (r) {
    case NoDueReason::None: return "";
    case NoDueReason::CustomerStep: return "customer_step";
    case NoDueReason::NoLimit: return "no_limit";
    case NoDueReason::WaitingForCustomer: return "waiting_for_customer";
    case NoDueReason::AfterUntimedStep: return "after_untimed_step";
  }
  return "";
}

std::optional<int> WorkingDayLimit::for_variant(const std::string& variant) const {
  auto it = by_variant.find(variant);
  if (it != by_variant.end()) return it->second;
  return days;
}

bool ProcessStep::applies_to(const std::string& variant) const {
  return variants.empty() || std::find(variants.begin(), variants.end(), variant) != variants.end();
}

std::vector<const ProcessStep*> BusinessType::steps_for(const std::string& variant) const {
  std::vector<const ProcessStep*> out;
  for (const ProcessStep& s : steps)
    if (s.applies_to(variant)) out.push_back(&s);
  return out;
}

}  // namespace powerdesk
