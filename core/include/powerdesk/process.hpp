// The business catalogue (业务目录): every business type a customer can
// request, with the steps of its process and each step's time limit in
// working days, and due dates computed with the holiday calendar.
//
// Time limits are data (rule packs). A limit may differ by variant (a HV
// supply plan: 15 working days single source, 30 dual source), and a step may
// apply only in some variants (design review for HV, not LV). Customer steps
// (design, construction, signing) have no utility clock: while one is open,
// the utility's later deadlines cannot be set.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "powerdesk/calendar.hpp"
#include "powerdesk/issue.hpp"
#include "powerdesk/text.hpp"

namespace powerdesk {

enum class BusinessCategory { NewConnection, Change, Temporary, NewEnergy, Substitution };
std::string_view business_category_code(BusinessCategory c);  // new_connection, change, …
std::optional<BusinessCategory> business_category_from_code(std::string_view code);

// Who must act to finish a step. Only utility steps run against a limit.
enum class Party { Utility, Customer };
std::string_view party_code(Party p);  // utility, customer
std::optional<Party> party_from_code(std::string_view code);

// Loader bounds on a limit: a year of working days is already absurd.
inline constexpr int kMinLimitWorkingDays = 1;
inline constexpr int kMaxLimitWorkingDays = 365;

// Working days allowed, for all variants or per variant (the variant's value wins).
struct WorkingDayLimit {
  std::optional<int> days;
  std::map<std::string, int> by_variant;
  std::optional<int> for_variant(const std::string& variant) const;
  bool any() const { return days.has_value() || !by_variant.empty(); }
};

struct ProcessStep {
  std::string id;                  // acceptance, survey, supply_plan, …
  Bilingual name;
  Party party = Party::Utility;
  bool optional = false;           // may be skipped (中间检查 only where there are hidden works)
  std::vector<std::string> variants;  // empty: in every variant
  std::string clock_from;          // step whose completion starts the clock; empty: the previous step
  WorkingDayLimit limit;           // none for customer steps
  std::optional<Citation> citation;  // required when the step has a limit
  bool applies_to(const std::string& variant) const;
};

// An overall promise, counted from acceptance to step `to` in utility working
// days (time waiting for the customer's steps does not count).
struct Commitment {
  Bilingual name;
  std::string to;
  WorkingDayLimit limit;
  Citation citation;
};

struct BusinessType {
  std::string id;                  // suspension, new_hv, …
  Bilingual name;
  BusinessCategory category = BusinessCategory::Change;
  std::map<std::string, Bilingual> variants;  // empty: one process, no variant
  std::vector<ProcessStep> steps;  // steps[0] is always "acceptance"
  std::optional<Commitment> commitment;
  std::optional<Citation> citation;  // the rule the business follows
  // The steps in `variant` ("" when the business has none), in order.
  std::vector<const ProcessStep*> steps_for(const std::string& variant) const;
};

using BusinessCatalogue = std::map<std::string, BusinessType>;

// ---- due dates ---------------------------------------------------------------

struct ProcessInput {
  std::string variant;                   // "" when the business has none
  Date accepted;                         // application accepted (受理): the clock starts
  std::map<std::string, Date> completed;  // step id → day it was completed
  std::optional<Date> today;             // for "overdue"; never read from a clock
};

enum class StepStatus {
  Done,
  Skipped,             // optional, not done, and a later step is done
  Due,                 // the utility's next step
  WaitingForCustomer,  // the customer's next step: the utility clock stops
  NotStarted,
};
std::string_view step_status_code(StepStatus s);

// Why a step that is not done has no due date.
enum class NoDueReason {
  None,
  CustomerStep,        // the customer's step: no utility clock
  NoLimit,             // a utility step with no limit of its own
  WaitingForCustomer,  // its clock starts after customer step `reason_step`
  AfterUntimedStep,    // its clock starts after untimed step `reason_step`
};
std::string_view no_due_reason_code(NoDueReason r);

struct StepProgress {
  const ProcessStep* step = nullptr;
  StepStatus status = StepStatus::NotStarted;
  std::optional<int> limit;        // for the variant
  std::string clock_from;          // step whose completion (or due date) starts the clock
  std::optional<Date> clock_start;  // that step's completion, or the day it is assumed to end
  std::optional<Date> completed;
  std::optional<Date> due;
  bool projected = false;          // due counts from an earlier step's due date, not its completion
  bool late = false;               // completed after its due date
  bool overdue = false;            // not completed and today is after its due date
  std::optional<int> took_working_days;  // completed timed step: working days used
  NoDueReason reason = NoDueReason::None;
  std::string reason_step;
};

struct OverallProgress {
  const Commitment* commitment = nullptr;
  int working_days = 0;
  std::optional<Date> due;
  int paused_working_days = 0;     // customer time excluded before `due`
  std::optional<Date> completed;   // when step `to` was completed
  bool late = false;
  bool overdue = false;
  NoDueReason reason = NoDueReason::None;  // WaitingForCustomer when `due` is unknown
  std::string reason_step;
};

struct ProcessProgress {
  std::vector<StepProgress> steps;
  std::optional<OverallProgress> overall;  // when the business promises one for the variant
};

// Each step's status and due date: the n-th working day after the completion
// of the step its clock runs from (by default the previous step). Issues carry
// request paths (/variant, /completed/<step>, /today).
Result<ProcessProgress> process_progress(const BusinessType& business, const ProcessInput& input,
                                         const WorkCalendar& calendar);

}  // namespace powerdesk
