// Cross-field rules of an application come from the eligibility and supply
// tables, so the form and the counter apply the same rule: each row that
// refuses the request becomes an error (PD_NOT_ELIGIBLE), each row that sends
// it to review a warning (PD_REVIEW_REQUIRED), on the field the row tests; the
// facts a table needs and the form lacks are PD_FIELD_MISSING; and a request
// for fewer phases or a lower voltage than the supply rules decide is
// PD_SUPPLY_MISMATCH with the decided value as the suggestion.
#include <algorithm>

#include "application_internal.hpp"

namespace powerdesk::application_detail {
namespace {

// A field already reported (or a member of it) is not "missing" too.
bool has_issue_at(const Issues& issues, const std::string& path) {
  return std::any_of(issues.begin(), issues.end(), [&](const Issue& i) {
    return i.path == path || i.path.rfind(path + "/", 0) == 0;
  });
}

bool has_error_at(const Issues& issues, const std::string& path) {
  return std::any_of(issues.begin(), issues.end(),
                     [&](const Issue& i) { return i.path == path && i.severity == Severity::Error; });
}

// Where a row's verdict belongs: the first request field it tests, else the
// first customer field, else the business.
std::string row_path(const decision::Table& t, const decision::Row& row) {
  std::string fallback = "/business";
  for (size_t k = 0; k < t.inputs.size(); ++k) {
    if (row.when[k].any) continue;
    const std::string path(business_fact_path(static_cast<BusinessFact>(t.inputs[k])));
    if (path.rfind("/request", 0) == 0) return path;
    if (fallback == "/business" && path != "/business") fallback = path;
  }
  return fallback;
}

void verdicts(const Eligibility& e, Issues& issues) {
  const decision::Table& t = *e.table;
  const int reason = t.output_index("reason");
  for (int index : e.evaluation.matched) {
    const decision::Row& row = t.rows[static_cast<size_t>(index)];
    const auto decision = static_cast<Decision>(row.outputs[0]);
    if (decision == Decision::Eligible) continue;
    const std::string code = t.render_output(reason, row.outputs[static_cast<size_t>(reason)]);
    const std::string clause = row.citation.document.empty() ? "" : "（" + row.citation.document + "）";
    const std::string clause_en = row.citation.document.empty() ? "" : " (" + row.citation.document + ")";
    const bool refuse = decision == Decision::NotEligible;
    issues.push_back(make_issue(refuse ? Code::NotEligible : Code::ReviewRequired, row_path(t, row),
                                row.explanation.zh + clause + " [" + code + "]",
                                row.explanation.en + clause_en + " [" + code + "]",
                                refuse ? Severity::Error : Severity::Warning));
  }
}

// The supply voltage table's decision against what the request asks for.
void supply_mismatch(const Eligibility& e, const EligibilityRequest& req, Issues& issues) {
  for (const SupplyDecision& s : e.supply) {
    if (s.table->name != "supply_voltage" || !s.missing.empty() || s.evaluation.outputs.empty()) continue;
    const int vi = s.table->output_index("voltage_kv");
    const int pi = s.table->output_index("phases");
    if (pi >= 0 && req.request.phases) {
      const decision::Value phases = s.evaluation.outputs[static_cast<size_t>(pi)];
      if (*req.request.phases < phases && !has_error_at(issues, "/request/phases")) {
        Issue i = make_issue(Code::SupplyMismatch, "/request/phases",
                             "按申请容量应采用三相供电", "At this capacity the supply must be three-phase");
        i.suggestion = std::to_string(phases);
        issues.push_back(std::move(i));
      }
    }
    if (vi >= 0 && req.request.voltage_kv) {
      const decision::Field& f = s.table->outputs[static_cast<size_t>(vi)];
      const decision::Value decided = s.evaluation.outputs[static_cast<size_t>(vi)];
      // Compare at scale 3 (the request's); the table's scale may differ.
      int64_t decided_milli = decided;
      for (int k = f.scale; k < 3; ++k) decided_milli *= 10;
      for (int k = 3; k < f.scale; ++k) decided_milli /= 10;
      const int64_t asked = req.request.voltage_kv->units();
      const std::string text = s.table->render_output(vi, decided);
      // A rule may already speak about the voltage (e.g. below the recommended one).
      if (asked == decided_milli || has_issue_at(issues, "/request/voltage_kv")) continue;
      const bool lower = asked < decided_milli;
      Issue i = lower ? make_issue(Code::SupplyMismatch, "/request/voltage_kv",
                                   "申请电压低于按容量确定的供电电压 " + text + " 千伏，供电方案将按 " + text + " 千伏拟定",
                                   "The requested voltage is below the " + text +
                                       " kV the supply rules set for this capacity; the supply plan will use " + text + " kV",
                                   Severity::Warning)
                      : make_issue(Code::SupplyMismatch, "/request/voltage_kv",
                                   "申请电压高于按容量确定的供电电压 " + text + " 千伏，可由供电方案确认",
                                   "The requested voltage is above the " + text +
                                       " kV the supply rules set for this capacity; the supply plan will confirm it",
                                   Severity::Info);
      i.suggestion = text;
      issues.push_back(std::move(i));
    }
  }
}

}  // namespace

void check_rules(Context& c, const EligibilityRequest& req, const PackRegistry& packs, ApplicationReport& report) {
  Issues& issues = c.r.issues();
  if (!c.form) return;  // no pack, region or business: nothing to decide
  bool complete = true;
  for (Issue& i : missing_facts(req, packs)) {
    complete = false;
    if (!has_issue_at(issues, i.path)) issues.push_back(std::move(i));
  }
  if (!complete) return;
  auto decided = decide_eligibility(req, packs);
  if (!decided.ok()) {
    for (const Issue& i : decided.issues()) {
      if (!has_issue_at(issues, i.path)) issues.push_back(i);
    }
    return;
  }
  verdicts(decided.value(), issues);
  supply_mismatch(decided.value(), req, issues);
  report.eligibility = std::move(decided.value());
}

}  // namespace powerdesk::application_detail
