// Staff endpoints (Authorization: Bearer <token>): list, view, assign and
// complete process steps. Every call, allowed or refused, is in the audit log;
// a change and its audit entry are one transaction in the store.
#include <nlohmann/json.hpp>

#include "application_view.hpp"
#include "http_reply.hpp"
#include "powerdesk/calendar.hpp"
#include "routes.hpp"

namespace powerdesk::server {
namespace {

using nlohmann::json;
using StaffHandler = std::function<void(const std::string& staff, const httplib::Request&, httplib::Response&)>;

Router::Handler staff_only(ServerContext& ctx, StaffHandler handler) {
  return [&ctx, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    const auto staff = ctx.staff.authenticate(req.get_header_value("Authorization"));
    if (!staff) {
      ctx.store->audit({0, ctx.clock.now_utc(), "-", "denied", "", json{{"method", req.method}, {"path", req.path}}.dump()});
      return reply_error(res, HttpError::Unauthorized);
    }
    handler(*staff, req, res);
  };
}

void audit_read(ServerContext& ctx, const std::string& staff, const std::string& action, const std::string& target,
                json detail = json::object()) {
  ctx.store->audit({0, ctx.clock.now_utc(), staff, action, target, detail.dump()});
}

// A JSON object body, or a 422 naming the problem.
std::optional<json> object_body(const httplib::Request& req, httplib::Response& res) {
  json body = json::parse(req.body, nullptr, false);
  if (body.is_object()) return body;
  reply_issues(res, 422, {make_issue(Code::JsonMalformed, "", "请求须为 JSON 对象", "The request must be a JSON object")});
  return std::nullopt;
}

std::optional<std::string> string_field(const json& body, const std::string& key, httplib::Response& res) {
  if (body.contains(key) && body[key].is_string() && !body[key].get<std::string>().empty())
    return body[key].get<std::string>();
  reply_issues(res, 422, {make_issue(Code::FieldMissing, "/" + key, "缺少字段 /" + key, "Missing field /" + key)});
  return std::nullopt;
}

// The `limit` query parameter, 1–500 (the store's page bound), or `fallback`
// when absent; nullopt after answering 422 for anything else.
std::optional<int> limit_param(const httplib::Request& req, int fallback, httplib::Response& res) {
  if (!req.has_param("limit")) return fallback;
  const std::string l = req.get_param_value("limit");
  if (!l.empty() && l.size() <= 3 && l.find_first_not_of("0123456789") == std::string::npos) {
    const int n = std::stoi(l);
    if (n >= 1 && n <= 500) return n;
  }
  reply_issues(res, 422, {make_issue(Code::NumberOutOfRange, "limit", "limit 须为 1–500 的整数",
                                     "limit must be a whole number from 1 to 500")});
  return std::nullopt;
}

void list(ServerContext& ctx, const std::string& staff, const httplib::Request& req, httplib::Response& res) {
  store::ListFilter f;
  f.region = req.get_param_value("region");
  f.business = req.get_param_value("business");
  f.assignee = req.get_param_value("assignee");
  f.after = req.get_param_value("after");
  const auto limit = limit_param(req, f.limit, res);
  if (!limit) return;
  f.limit = *limit;
  const auto found = ctx.store->list(f);
  json items = json::array();
  for (const auto& a : found) items.push_back(staff_summary(a));
  json result = {{"applications", std::move(items)}};
  result["next"] = static_cast<int>(found.size()) == f.limit ? json(found.back().number) : json();
  audit_read(ctx, staff, "list", "", {{"count", found.size()}});
  reply_result(res, 200, std::move(result));
}

void view(ServerContext& ctx, const std::string& staff, const httplib::Request& req, httplib::Response& res) {
  const auto a = ctx.store->find(req.matches[1]);
  if (!a) return reply_error(res, HttpError::ApplicationNotFound);
  audit_read(ctx, staff, "view", a->number);
  reply_result(res, 200, staff_view(ctx.engine, *a, ctx.clock.today()));
}

void assign(ServerContext& ctx, const std::string& staff, const httplib::Request& req, httplib::Response& res) {
  const auto body = object_body(req, res);
  if (!body) return;
  const auto assignee = string_field(*body, "assignee", res);
  if (!assignee) return;
  const auto a = ctx.store->assign(req.matches[1], *assignee, staff, ctx.clock.now_utc());
  if (!a) return reply_error(res, HttpError::ApplicationNotFound);
  reply_result(res, 200, staff_view(ctx.engine, *a, ctx.clock.today()));
}

// The core decides whether the step exists and may be completed on that date.
void complete_step(ServerContext& ctx, const std::string& staff, const httplib::Request& req, httplib::Response& res) {
  const auto body = object_body(req, res);
  if (!body) return;
  const auto step = string_field(*body, "step", res);
  if (!step) return;
  const auto date = string_field(*body, "date", res);
  if (!date) return;
  const auto current = ctx.store->find(req.matches[1]);
  if (!current) return reply_error(res, HttpError::ApplicationNotFound);
  const std::string today = ctx.clock.today();
  const Response check = ctx.engine.process(process_request(*current, today, *step, *date).dump());
  if (!check.ok) {
    audit_read(ctx, staff, "complete_step_refused", current->number, {{"step", *step}});
    return reply_facade(res, check);
  }
  const auto a = ctx.store->complete_step(current->number, *step, *date, staff, ctx.clock.now_utc());
  if (!a) return reply_error(res, HttpError::ApplicationNotFound);
  reply_result(res, 200, staff_view(ctx.engine, *a, today));
}

void audit_log(ServerContext& ctx, const std::string& staff, const httplib::Request& req, httplib::Response& res) {
  const auto limit = limit_param(req, 100, res);
  if (!limit) return;
  json entries = json::array();
  for (const auto& e : ctx.store->audit_log(*limit))
    entries.push_back({{"id", e.id}, {"at", e.at}, {"actor", e.actor}, {"action", e.action}, {"target", e.target},
                       {"detail", json::parse(e.detail_json, nullptr, false)}});
  audit_read(ctx, staff, "audit_log", "");
  reply_result(res, 200, {{"entries", std::move(entries)}});
}

}  // namespace

void add_staff_routes(Router& router, ServerContext& ctx) {
  using namespace std::placeholders;
  const std::string number = "([A-Za-z0-9]+)";
  router.get("/api/v1/staff/applications", "/api/v1/staff/applications",
             staff_only(ctx, std::bind(list, std::ref(ctx), _1, _2, _3)));
  router.get("/api/v1/staff/applications/" + number, "/api/v1/staff/applications/{number}",
             staff_only(ctx, std::bind(view, std::ref(ctx), _1, _2, _3)));
  router.post("/api/v1/staff/applications/" + number + "/assign", "/api/v1/staff/applications/{number}/assign",
              staff_only(ctx, std::bind(assign, std::ref(ctx), _1, _2, _3)));
  router.post("/api/v1/staff/applications/" + number + "/steps", "/api/v1/staff/applications/{number}/steps",
              staff_only(ctx, std::bind(complete_step, std::ref(ctx), _1, _2, _3)));
  router.get("/api/v1/staff/audit", "/api/v1/staff/audit", staff_only(ctx, std::bind(audit_log, std::ref(ctx), _1, _2, _3)));
}

}  // namespace powerdesk::server
