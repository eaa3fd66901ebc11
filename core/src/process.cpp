// Due dates of a business process: a pure function of the process, the dates
// already completed, "today" (an input, never a clock) and the holiday calendar.
#include <algorithm>

#include "powerdesk/json_input.hpp"
#include "powerdesk/process.hpp"

namespace powerdesk {
namespace {

// Ten years bounds every date walk (a real process takes months).
constexpr int32_t kMaxProcessDays = 3660;

// When a step ends: its completion, its due date assumed, or unknown (and why).
struct Finish {
  std::optional<Date> date;
  bool projected = false;
  NoDueReason cause = NoDueReason::None;
  std::string cause_step;
};

std::string join_ids(const std::map<std::string, Bilingual>& variants) {
  std::string out;
  for (const auto& [id, name] : variants) out += (out.empty() ? "" : ", ") + id;
  return out;
}

void check_variant(const BusinessType& b, const std::string& variant, Issues& issues) {
  if (b.variants.empty()) {
    if (!variant.empty())
      issues.push_back(make_issue(Code::EnumInvalid, "/variant", "业务 " + b.id + " 不分情形，不应给出 variant",
                                  "Business " + b.id + " has no variants; leave out variant"));
  } else if (variant.empty()) {
    issues.push_back(make_issue(Code::FieldMissing, "/variant", "业务 " + b.id + " 需要 variant：" + join_ids(b.variants),
                                "Business " + b.id + " needs a variant: " + join_ids(b.variants)));
  } else if (!b.variants.count(variant)) {
    issues.push_back(make_issue(Code::EnumInvalid, "/variant", "业务 " + b.id + " 没有情形 " + variant + "（可选：" + join_ids(b.variants) + "）",
                                "Business " + b.id + " has no variant " + variant + " (expected " + join_ids(b.variants) + ")"));
  }
}

// Each completion names a step of this process, lies between acceptance and
// today, and acceptance itself is the accepted date.
void check_dates(const std::vector<const ProcessStep*>& steps, const ProcessInput& in, Issues& issues) {
  if (in.today && (*in.today < in.accepted || in.today->days() - in.accepted.days() > kMaxProcessDays)) {
    const bool before = *in.today < in.accepted;
    issues.push_back(make_issue(before ? Code::PeriodEndBeforeStart : Code::PeriodTooLong, "/today",
                                before ? "today 早于受理日期" : "today 距受理日期超过十年",
                                before ? "today is before the accepted date" : "today is more than ten years after the accepted date"));
  }
  for (const auto& [id, day] : in.completed) {
    const std::string path = pointer_join("/completed", id);
    const std::string& step_id = id;  // clang 14 cannot capture a structured binding
    const bool known = std::any_of(steps.begin(), steps.end(), [&](const ProcessStep* s) { return s->id == step_id; });
    if (!known) {
      issues.push_back(make_issue(Code::FieldUnknown, path, "本业务（此情形）没有环节 " + id,
                                  "This business (in this variant) has no step " + id));
    } else if (id == steps.front()->id && day != in.accepted) {
      issues.push_back(make_issue(Code::StepOrder, path, "受理环节的完成日期须等于受理日期 " + in.accepted.iso(),
                                  "Acceptance is completed on the accepted date " + in.accepted.iso()));
    } else if (day < in.accepted) {
      issues.push_back(make_issue(Code::StepOrder, path, "完成日期 " + day.iso() + " 早于受理日期 " + in.accepted.iso(),
                                  "Completed " + day.iso() + ", before the accepted date " + in.accepted.iso()));
    } else if (in.today && day > *in.today) {
      issues.push_back(make_issue(Code::StepOrder, path, "完成日期 " + day.iso() + " 晚于 today " + in.today->iso(),
                                  "Completed " + day.iso() + ", after today " + in.today->iso()));
    } else if (day.days() - in.accepted.days() > kMaxProcessDays) {
      issues.push_back(make_issue(Code::PeriodTooLong, path, "完成日期距受理日期超过十年",
                                  "Completed more than ten years after the accepted date"));
    }
  }
}

// Completed steps form a prefix of the process (optional steps may be
// skipped) and their dates never go backwards.
void check_order(const std::vector<const ProcessStep*>& steps, const std::vector<std::optional<Date>>& done,
                 size_t last, Issues& issues) {
  size_t prev = 0;
  for (size_t i = 1; i <= last; ++i) {
    const std::string path = pointer_join("/completed", steps[i]->id);
    if (!done[i]) {
      if (!steps[i]->optional)
        issues.push_back(make_issue(Code::StepOrder, path,
                                    "环节 " + steps[last]->id + " 已完成，但此前的必经环节 " + steps[i]->id + " 未完成",
                                    "Step " + steps[last]->id + " is completed but the earlier required step " +
                                        steps[i]->id + " is not"));
      continue;
    }
    if (*done[i] < *done[prev])
      issues.push_back(make_issue(Code::StepOrder, path,
                                  "完成日期 " + done[i]->iso() + " 早于前一环节 " + steps[prev]->id + " 的 " + done[prev]->iso(),
                                  "Completed " + done[i]->iso() + ", before the previous step " + steps[prev]->id +
                                      " (" + done[prev]->iso() + ")"));
    prev = i;
  }
}

// The step whose completion starts step i's clock: clock_from, else the
// previous step that was not skipped.
size_t anchor_of(const std::vector<const ProcessStep*>& steps, const std::vector<StepProgress>& out, size_t i) {
  if (!steps[i]->clock_from.empty()) {
    for (size_t j = 0; j < i; ++j)
      if (steps[j]->id == steps[i]->clock_from) return j;
  }
  size_t j = i - 1;
  while (j > 0 && out[j].status == StepStatus::Skipped) --j;
  return j;
}

// Overall promise: `n` utility working days from acceptance, not counting
// the working days each customer step took (from the completion of the step
// before it to its own completion).
std::optional<OverallProgress> overall(const BusinessType& b, const std::vector<const ProcessStep*>& steps,
                                       const std::vector<StepProgress>& progress, const ProcessInput& in,
                                       const WorkCalendar& cal) {
  if (!b.commitment) return std::nullopt;
  const auto n = b.commitment->limit.for_variant(in.variant);
  if (!n) return std::nullopt;
  OverallProgress o;
  o.commitment = &*b.commitment;
  o.working_days = *n;
  size_t to = 0;
  while (to < steps.size() && steps[to]->id != b.commitment->to) ++to;
  if (to == steps.size()) return std::nullopt;  // the loader makes `to` a step of every variant
  o.completed = progress[to].completed;
  std::vector<Period> paused;
  Date before = in.accepted;
  for (size_t i = 1; i <= to; ++i) {
    const StepProgress& p = progress[i];
    if (p.status == StepStatus::Skipped) continue;
    if (steps[i]->party == Party::Customer) {
      if (!p.completed) {
        o.reason = NoDueReason::WaitingForCustomer;
        o.reason_step = steps[i]->id;
        return o;
      }
      paused.push_back(Period{before, *p.completed});  // (before, completed]
    }
    if (p.completed) before = *p.completed;
  }
  int remaining = *n;
  Date cursor = in.accepted;
  for (const Period& gap : paused) {
    const int run = cal.working_days_between(cursor, gap.start);
    if (run >= remaining) break;
    remaining -= run;
    o.paused_working_days += cal.working_days_between(gap.start, gap.end);
    cursor = gap.end;
  }
  o.due = cal.add_working_days(cursor, remaining);
  o.late = o.completed && *o.completed > *o.due;
  o.overdue = !o.completed && in.today && *in.today > *o.due;
  return o;
}

}  // namespace

Result<ProcessProgress> process_progress(const BusinessType& b, const ProcessInput& in, const WorkCalendar& cal) {
  Issues issues;
  check_variant(b, in.variant, issues);
  if (!issues.empty()) return issues;
  const auto steps = b.steps_for(in.variant);
  if (steps.empty()) return make_issue(Code::Internal, "", "业务没有环节", "The business has no steps");
  check_dates(steps, in, issues);
  if (!issues.empty()) return issues;

  std::vector<std::optional<Date>> done(steps.size());
  size_t last = 0;  // the last completed step
  done[0] = in.accepted;
  for (size_t i = 1; i < steps.size(); ++i) {
    auto it = in.completed.find(steps[i]->id);
    if (it != in.completed.end()) {
      done[i] = it->second;
      last = i;
    }
  }
  check_order(steps, done, last, issues);
  if (!issues.empty()) return issues;

  ProcessProgress out;
  std::vector<Finish> finish(steps.size());
  for (size_t i = 0; i < steps.size(); ++i) {
    const ProcessStep& s = *steps[i];
    StepProgress p;
    p.step = &s;
    p.completed = done[i];
    if (s.party == Party::Utility) p.limit = s.limit.for_variant(in.variant);
    const size_t anchor = i == 0 ? 0 : anchor_of(steps, out.steps, i);
    if (i > 0) p.clock_from = steps[anchor]->id;
    const Finish& from = finish[anchor];
    if (i > 0 && s.party == Party::Utility) p.clock_start = from.date;
    if (done[i]) {
      p.status = StepStatus::Done;
      finish[i].date = done[i];
      if (i > 0 && p.limit && from.date) {
        p.due = cal.add_working_days(*from.date, *p.limit);
        p.late = *done[i] > *p.due;
        p.took_working_days = cal.working_days_between(*from.date, *done[i]);
      }
    } else if (i < last) {
      p.status = StepStatus::Skipped;  // optional: check_order refused a skipped required step
    } else if (s.party == Party::Customer) {
      p.status = i == last + 1 ? StepStatus::WaitingForCustomer : StepStatus::NotStarted;
      p.reason = NoDueReason::CustomerStep;
      finish[i] = Finish{std::nullopt, false, NoDueReason::WaitingForCustomer, s.id};
    } else {
      p.status = i == last + 1 ? StepStatus::Due : StepStatus::NotStarted;
      if (!p.limit) {
        p.reason = NoDueReason::NoLimit;
        finish[i] = Finish{std::nullopt, false, NoDueReason::AfterUntimedStep, s.id};
      } else if (!from.date) {
        p.reason = from.cause;
        p.reason_step = from.cause_step;
        finish[i] = from;
      } else {
        p.due = cal.add_working_days(*from.date, *p.limit);
        p.projected = from.projected;
        // A projected due assumes the earlier step ends on its own due date;
        // only a firm one can be overdue.
        p.overdue = !p.projected && in.today && *in.today > *p.due;
        // Not done yet: it ends on its due date at the earliest today.
        Date end = *p.due;
        if (in.today && *in.today > end) end = *in.today;
        finish[i] = Finish{end, true, NoDueReason::None, {}};
      }
    }
    out.steps.push_back(std::move(p));
  }
  out.overall = overall(b, steps, out.steps, in, cal);
  return out;
}

}  // namespace powerdesk
