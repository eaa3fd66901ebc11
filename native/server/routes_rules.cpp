// GET /api/v1/rules and /api/v1/rules/{id}: the packs the server bills with,
// each with an ETag, so the portal can refresh its offline copy cheaply
// (If-None-Match → 304).
#include "http_reply.hpp"
#include "routes.hpp"

namespace powerdesk::server {
namespace {

// True when the client's copy is current: If-None-Match lists the ETag or "*".
bool not_modified(const httplib::Request& req, const std::string& etag) {
  const std::string inm = req.get_header_value("If-None-Match");
  return !inm.empty() && (inm == "*" || inm.find(etag) != std::string::npos);
}

void reply_cached(const httplib::Request& req, httplib::Response& res, const std::string& body,
                  const std::string& etag) {
  res.set_header("ETag", etag);
  res.set_header("Cache-Control", "no-cache");  // may keep a copy, must revalidate
  if (not_modified(req, etag)) {
    res.status = 304;
    return;
  }
  reply_json(res, 200, body);
}

}  // namespace

void add_rules_routes(Router& router, ServerContext& ctx) {
  router.get("/api/v1/rules", "/api/v1/rules", [&ctx](const httplib::Request& req, httplib::Response& res) {
    reply_cached(req, res, ctx.rules_json, ctx.rules_etag);
  });
  router.get(R"(/api/v1/rules/([A-Za-z0-9_.-]+))", "/api/v1/rules/{id}",
             [&ctx](const httplib::Request& req, httplib::Response& res) {
               const auto it = ctx.packs.find(req.matches[1]);
               if (it == ctx.packs.end()) return reply_error(res, HttpError::NotFound, "", req.path);
               reply_cached(req, res, it->second.json, it->second.etag);
             });
}

}  // namespace powerdesk::server
