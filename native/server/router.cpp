#include "router.hpp"

#include "http_reply.hpp"

namespace powerdesk::server {
namespace {
// httplib runs a request's handler and its logger on the same thread, one
// request at a time, so the matched route can travel between them here.
thread_local std::string current_label;
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
  auto labelled = [label, h = std::move(h)](const httplib::Request& req, httplib::Response& res) {
    current_label = label;
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
    for (const std::regex& r : compiled_) {
      if (std::regex_match(req.path, r)) {
        reply_error(res, HttpError::MethodNotAllowed, "", req.method + " " + req.path);
        return;
      }
    }
    reply_error(res, HttpError::NotFound, "", req.path);
  };
  const std::string any_api = "/api/.*";
  server_.Get(any_api, fallback);
  server_.Post(any_api, fallback);
  server_.Put(any_api, fallback);
  server_.Patch(any_api, fallback);
  server_.Delete(any_api, fallback);
  server_.Options(any_api, fallback);
}

}  // namespace powerdesk::server
