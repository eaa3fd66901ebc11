// Registers routes on the httplib server and remembers them: the table gives
// metrics a bounded route label, answers 405 (not 404) for a known path with
// the wrong method, and lets the tests compare the routes with docs/openapi.json.
#pragma once

#include <functional>
#include <regex>
#include <string>
#include <vector>

#include <httplib.h>

namespace powerdesk::server {

struct Route {
  std::string method;   // GET, POST
  std::string pattern;  // httplib regex, e.g. /api/v1/applications/([A-Za-z0-9]+)/status
  std::string label;    // OpenAPI-style path, e.g. /api/v1/applications/{number}/status
};

class Router {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
  explicit Router(httplib::Server& server) : server_(server) {}

  void get(const std::string& pattern, const std::string& label, Handler h);
  void post(const std::string& pattern, const std::string& label, Handler h);
  // After every route: 404/405 in the API's error envelope for the rest of /api/.
  void add_fallbacks();

  const std::vector<Route>& routes() const { return routes_; }
  // The label of the route the current thread's request matched, or "other"
  // (static files, 404s); resets it. Called once per request by the logger.
  static std::string take_label();

 private:
  void add(const std::string& method, const std::string& pattern, const std::string& label, Handler h);
  httplib::Server& server_;
  std::vector<Route> routes_;
  std::vector<std::regex> compiled_;
};

}  // namespace powerdesk::server
