#include "application_view.hpp"

namespace powerdesk::server {

nlohmann::json process_request(const store::Application& a, const std::string& today, const std::string& extra_step,
                               const std::string& extra_date) {
  nlohmann::json req = {{"region", a.region}, {"business", a.business}, {"accepted", a.accepted}, {"today", today}};
  if (!a.variant.empty()) req["variant"] = a.variant;
  nlohmann::json completed = nlohmann::json::object();
  for (const auto& [step, date] : a.completed) completed[step] = date;
  if (!extra_step.empty()) completed[extra_step] = extra_date;
  completed["acceptance"] = a.accepted;  // accepted when the server stored it
  req["completed"] = std::move(completed);
  return req;
}

nlohmann::json process_view(const Engine& engine, const store::Application& a, const std::string& today) {
  const Response r = engine.process(process_request(a, today).dump());
  nlohmann::json j = nlohmann::json::parse(r.json);
  return r.ok ? std::move(j["result"]) : std::move(j);
}

namespace {

nlohmann::json timeline(const store::Application& a, bool with_actors) {
  nlohmann::json events = nlohmann::json::array();
  for (const store::Event& e : a.timeline) {
    nlohmann::json ev = {{"seq", e.seq}, {"at", e.at}, {"kind", e.kind}};
    if (!e.step.empty()) ev["step"] = e.step;
    if (!e.date.empty()) ev["date"] = e.date;
    if (with_actors) {
      ev["actor"] = e.actor;
      if (!e.assignee.empty()) ev["assignee"] = e.assignee;
    } else {
      ev["actor"] = e.actor == "applicant" ? "applicant" : "utility";  // staff names stay inside
    }
    events.push_back(std::move(ev));
  }
  return events;
}

}  // namespace

nlohmann::json applicant_view(const Engine& engine, const store::Application& a, const std::string& today) {
  nlohmann::json v = {{"number", a.number}, {"region", a.region}, {"business", a.business},
                      {"accepted", a.accepted}, {"assigned", !a.assignee.empty()}};
  if (!a.variant.empty()) v["variant"] = a.variant;
  v["timeline"] = timeline(a, false);
  v["process"] = process_view(engine, a, today);
  return v;
}

nlohmann::json staff_summary(const store::Application& a) {
  nlohmann::json v = {{"number", a.number}, {"region", a.region}, {"business", a.business},
                      {"accepted", a.accepted}, {"created_at", a.created_at}, {"updated_at", a.updated_at}};
  v["variant"] = a.variant.empty() ? nlohmann::json() : nlohmann::json(a.variant);
  v["assignee"] = a.assignee.empty() ? nlohmann::json() : nlohmann::json(a.assignee);
  v["completed"] = a.completed;
  return v;
}

nlohmann::json staff_view(const Engine& engine, const store::Application& a, const std::string& today) {
  nlohmann::json v = staff_summary(a);
  v["application"] = nlohmann::json::parse(a.request_json);
  v["timeline"] = timeline(a, true);
  v["process"] = process_view(engine, a, today);
  return v;
}

}  // namespace powerdesk::server
