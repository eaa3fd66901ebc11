// Application intake (报装): submission, validated again here by the same core
// the browser used and stored once per Idempotency-Key; and the applicant's
// status and timeline, by number plus the status secret or the contact phone.
#include <nlohmann/json.hpp>

#include "application_view.hpp"
#include "crypto.hpp"
#include "http_reply.hpp"
#include "intake_request.hpp"
#include "powerdesk/json_input.hpp"
#include "routes.hpp"

namespace powerdesk::server {
namespace {

using nlohmann::json;

// Prefixes each issue's path so it points into the submitted body.
json issues_under(const json& issues, const std::string& prefix) {
  json out = json::array();
  for (json issue : issues) {
    issue["path"] = prefix + issue.value("path", "");
    out.push_back(std::move(issue));
  }
  return out;
}

void reply_refused(httplib::Response& res, json errors, json report) {
  json envelope = {{"api_version", std::string(kApiVersion)}, {"ok", false}};
  envelope["errors"] = std::move(errors);
  if (!report.is_null()) envelope["report"] = std::move(report);
  reply_json(res, 422, envelope.dump(-1, ' ', false, json::error_handler_t::replace));
}

// Validates with the core; on refusal answers 422 and returns false.
bool accepted_by_core(ServerContext& ctx, const IntakeRequest& in, const std::string& today, httplib::Response& res) {
  const Response v = ctx.engine.validate_application(in.application.dump());
  json vj = json::parse(v.json);
  if (!v.ok) {
    reply_refused(res, issues_under(vj["errors"], "/application"), nullptr);
    return false;
  }
  if (!vj["result"].value("valid", false)) {
    json errors = json::array();
    for (const json& issue : vj["result"]["issues"])
      if (issue.value("severity", "") == "error") errors.push_back(issue);
    reply_refused(res, issues_under(errors, "/application"), std::move(vj["result"]));
    return false;
  }
  // The process must know the business and variant, or no due date could be given.
  json probe = {{"region", in.application.value("region", "")}, {"business", in.application.value("business", "")},
                {"accepted", today}, {"today", today}};
  if (!in.variant.empty()) probe["variant"] = in.variant;
  const Response p = ctx.engine.process(probe.dump());
  if (!p.ok) {
    reply_refused(res, json::parse(p.json)["errors"], nullptr);
    return false;
  }
  return true;
}

void submit(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  const std::string key = req.get_header_value("Idempotency-Key");
  if (!idempotency_key_valid(key)) return reply_error(res, HttpError::IdempotencyKeyInvalid, "", "");
  if (!ctx.limiter.allow(req.remote_addr)) return reply_error(res, HttpError::RateLimited);
  auto read = read_intake_request(req.body);
  if (!read.ok()) return reply_issues(res, 422, read.issues());
  IntakeRequest in = std::move(read.value());
  const std::string today = ctx.clock.today();
  in.application["today"] = today;  // the server's date, whatever the browser said
  if (!accepted_by_core(ctx, in, today, res)) {
    ctx.metrics.count_application("refused");
    return;
  }
  const std::string secret = status_secret(ctx.secret_key, key);
  store::NewApplication record{key,
                               sha256_hex(in.canonical),
                               in.application.value("region", ""),
                               in.application.value("business", ""),
                               in.variant,
                               in.application.dump(),
                               today,
                               sha256_hex(normalize_secret(secret)),
                               ctx.clock.now_utc()};
  const store::SubmitOutcome outcome = ctx.store->submit(record);
  if (outcome.status == store::SubmitStatus::KeyConflict) {
    ctx.metrics.count_application("conflict");
    return reply_error(res, HttpError::IdempotencyConflict, "", key);
  }
  const bool created = outcome.status == store::SubmitStatus::Created;
  ctx.metrics.count_application(created ? "created" : "replayed");
  json result = applicant_view(ctx.engine, outcome.application, today);
  result["secret"] = secret;
  result["replayed"] = !created;
  res.set_header("Location", "/api/v1/applications/" + outcome.application.number);
  reply_result(res, created ? 201 : 200, std::move(result));
}

// A phone as people type it: "138 1234 5678", "138-1234-5678" and
// "13812345678" are one number.
std::string phone_digits(const std::string& typed) {
  std::string out;
  for (char c : typed)
    if (c != ' ' && c != '-') out += c;
  return out;
}

// The credential matches: the secret's hash, or the contact phone on the application.
bool credential_matches(const store::Application& a, const json& body) {
  if (body.contains("secret") && body["secret"].is_string())
    return constant_time_equal(sha256_hex(normalize_secret(body["secret"].get<std::string>())), a.secret_hash);
  if (body.contains("phone") && body["phone"].is_string()) {
    const json app = json::parse(a.request_json);
    const std::string phone = app.contains("contact") ? app["contact"].value("phone", "") : "";
    return !phone.empty() && constant_time_equal(phone_digits(phone), phone_digits(body["phone"].get<std::string>()));
  }
  return false;
}

void status(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!ctx.limiter.allow(req.remote_addr)) return reply_error(res, HttpError::RateLimited);
  // Read like every request: a broken body is malformed JSON, not a missing credential.
  auto parsed = parse_json_exact(req.body);
  if (!parsed.ok()) return reply_issues(res, 422, parsed.issues());
  const json& body = parsed.value();
  if (!body.is_object())
    return reply_issues(res, 422, {make_issue(Code::FieldType, "", "请求须为 JSON 对象", "The request must be a JSON object")});
  if (!(body.contains("secret") || body.contains("phone")))
    return reply_issues(res, 422, {make_issue(Code::FieldMissing, "/secret", "请提供查询凭证 secret 或联系电话 phone",
                                              "Give the status secret (secret) or the contact phone (phone)")});
  const auto found = ctx.store->find(req.matches[1]);
  // Unknown number and wrong credential look the same: numbers cannot be probed.
  if (!found || !credential_matches(*found, body)) return reply_error(res, HttpError::ApplicationNotFound);
  reply_result(res, 200, applicant_view(ctx.engine, *found, ctx.clock.today()));
}

}  // namespace

void add_intake_routes(Router& router, ServerContext& ctx) {
  router.post("/api/v1/applications", "/api/v1/applications",
              [&ctx](const httplib::Request& req, httplib::Response& res) { submit(ctx, req, res); });
  router.post(R"(/api/v1/applications/([A-Za-z0-9]+)/status)", "/api/v1/applications/{number}/status",
              [&ctx](const httplib::Request& req, httplib::Response& res) { status(ctx, req, res); });
}

}  // namespace powerdesk::server
