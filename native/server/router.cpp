#include "router.hpp"

#include <cctype>

#include "http_reply.hpp"
#include "powerdesk/json_input.hpp"

namespace powerdesk::server {
namespace {
// httplib runs a request's handler and its logger on the same thread, one
// request at a time, so the matched route can travel between them here.
thread_local std::string current_label;

bool json_content_type(const std::string& value) {
  // application/json, optionally "; charset=utf-8"; nothing else.
  std::string v;
  for (char c : value) v += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::erase(v, ' ');
  return v == "application/json" || v == "application/json;charset=utf-8";
}

// Deeper nesting than the core accepts is refused before any parser sees it.
bool nesting_exceeds(const std::string& body, int limit) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : body) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > limit) return true;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return false;
}

// A POST body under /api/ must be JSON, nested no deeper than the core accepts.
// Checked here, on the body httplib has read (its pre-routing handler runs
// before the body is read, and a refusal there would leave the body unread on
// a keep-alive connection). False after answering 415 or 400.
bool json_body_acceptable(const httplib::Request& req, httplib::Response& res) {
  if (!json_content_type(req.get_header_value("Content-Type"))) {
    reply_error(res, HttpError::UnsupportedMediaType, "", req.get_header_value("Content-Type"));
    return false;
  }
  if (nesting_exceeds(req.body, kMaxJsonDepth)) {
    reply_issues(res, 400, {make_issue(Code::JsonMalformed, "", "JSON 嵌套超过 " + std::to_string(kMaxJsonDepth) + " 层",
                                       "JSON nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels")});
    return false;
  }
  return true;
}

}  // namespace

void Router::get(const std::string& pattern, const std::string& label, Handler h) {
  add("GET", pattern, label, std::move(h));
}

void Router::post(const std::string& pattern, const std::string& label, Handler h) {
  add("POST", pattern, label, std::move(h));
}

void Router::add(const std::string& method, const std::string& pattern, const std::string& label, Handler h) {
  routes_.push_back({method, pattern, label});
  compiled_.emplace_back(pattern);
  const bool json_body = method == "POST" && pattern.rfind("/api/", 0) == 0;
  auto labelled = [label, json_body, h = std::move(h)](const httplib::Request& req, httplib::Response& res) {
    current_label = label;
    if (json_body && !json_body_acceptable(req, res)) return;
    h(req, res);
  };
  if (method == "GET") server_.Get(pattern, std::move(labelled));
  else server_.Post(pattern, std::move(labelled));
}

std::string Router::take_label() {
  std::string label = current_label.empty() ? "other" : std::move(current_label);
  current_label.clear();
  return label;
}

void Router::add_fallbacks() {
  auto fallback = [this](const httplib::Request& req, httplib::Response& res) {
    std::string allow;  // RFC 9110: a 405 lists the methods the resource has
    for (size_t i = 0; i < routes_.size(); ++i)
      if (std::regex_match(req.path, compiled_[i]) && allow.find(routes_[i].method) == std::string::npos)
        allow += (allow.empty() ? "" : ", ") + routes_[i].method;
    if (allow.empty()) return reply_error(res, HttpError::NotFound, "", req.path);
    res.set_header("Allow", allow);
    reply_error(res, HttpError::MethodNotAllowed, "", req.method + " " + req.path);
  };
  // Routes outside /api/ (health, metrics, /) answer other methods with 405 too.
  for (const Route& route : routes_) {
    if (route.pattern.rfind("/api/", 0) == 0) continue;
    if (route.method != "GET") server_.Get(route.pattern, fallback);
    if (route.method != "POST") server_.Post(route.pattern, fallback);
    server_.Put(route.pattern, fallback);
    server_.Patch(route.pattern, fallback);
    server_.Delete(route.pattern, fallback);
    server_.Options(route.pattern, fallback);
  }
  const std::string any_api = "/api/.*";
  server_.Get(any_api, fallback);
  server_.Post(any_api, fallback);
  server_.Put(any_api, fallback);
  server_.Patch(any_api, fallback);
  server_.Delete(any_api, fallback);
  server_.Options(any_api, fallback);
}

}  // namespace powerdesk::server
