// An application report as JSON: valid or not, every issue in form order,
// the documents checklist, the eligibility verdict with the supply decisions,
// and the values as understood (for the applicant's own form only: they are
// not masked).
#include "powerdesk/application.hpp"
#include "powerdesk/bill_json.hpp"

namespace powerdesk {
namespace {

std::string_view state_code(DocumentStatus::State s) {
  switch (s) {
    case DocumentStatus::State::Provided: return "provided";
    case DocumentStatus::State::Missing: return "missing";
    case DocumentStatus::State::Later: return "later";
  }
  return "missing";
}

Json documents(const ApplicationReport& report) {
  Json out = Json::array();
  for (const DocumentStatus& d : report.documents) {
    Json options = Json::array();
    for (size_t k = 0; k < d.requirement->any_of.size(); ++k)
      options.push_back({{"id", d.requirement->any_of[k]}, {"name", bilingual_json(d.names[k])}});
    Json j{{"any_of", options}, {"state", std::string(state_code(d.state))}};
    if (!d.provided.empty()) j["provided"] = d.provided;
    if (d.requirement->applicant) j["applicant"] = std::string(applicant_type_code(*d.requirement->applicant));
    if (d.requirement->when_agent) j["when"] = "agent";
    out.push_back(std::move(j));
  }
  return out;
}

Json eligibility(const Eligibility& e) {
  const decision::Field& d = e.table->outputs[0];
  const auto di = static_cast<size_t>(e.decision);
  Json supply = Json::array();
  for (const SupplyDecision& s : e.supply) {
    if (!s.missing.empty()) continue;
    supply.push_back({{"table", s.table->name},
                      {"label", bilingual_json(s.table->label)},
                      {"outputs", decision::render_outputs(*s.table, s.evaluation.outputs)}});
  }
  return {{"decision", d.render(static_cast<decision::Value>(di))},
          {"decision_label", di < d.labels.size() ? bilingual_json(d.labels[di]) : Json(nullptr)},
          {"reasons", render_eligibility_reasons(e)},
          {"supply", supply}};
}

}  // namespace

Json render_application_report(const ApplicationReport& report) {
  Json issues = Json::array();
  int errors = 0, warnings = 0, infos = 0;
  for (const Issue& i : report.issues) {
    issues.push_back(render_issue(i));
    (i.severity == Severity::Error ? errors : i.severity == Severity::Warning ? warnings : infos) += 1;
  }
  Json out{{"valid", report.valid()},
           {"business", report.business},
           {"counts", {{"error", errors}, {"warning", warnings}, {"info", infos}}},
           {"issues", issues},
           {"documents", documents(report)},
           {"eligibility", report.eligibility ? eligibility(*report.eligibility) : Json(nullptr)},
           {"normalized", report.normalized}};
  if (report.pack) {
    out["pack"] = {{"id", report.pack->id}, {"version", report.pack->version}, {"region", report.pack->region}};
  }
  if (report.national) {
    auto it = report.national->businesses.find(report.business);
    if (it != report.national->businesses.end()) out["business_name"] = bilingual_json(it->second.name);
  }
  return out;
}

}  // namespace powerdesk
