// Health (is the process up), readiness (can it reach its database), metrics
// (Prometheus) and the OpenAPI document itself.
#include "http_reply.hpp"
#include "openapi_document.hpp"
#include "routes.hpp"

namespace powerdesk::server {

void add_ops_routes(Router& router, ServerContext& ctx) {
  router.get("/healthz", "/healthz", [](const httplib::Request&, httplib::Response& res) {
    reply_result(res, 200, {{"status", "ok"}});
  });
  router.get("/readyz", "/readyz", [&ctx](const httplib::Request&, httplib::Response& res) {
    try {
      reply_result(res, 200, {{"status", "ready"}, {"database", ctx.store->kind()},
                              {"schema_version", ctx.store->schema_version()},
                              {"applications", ctx.store->count()}});
    } catch (const store::StoreError&) {
      reply_error(res, HttpError::StoreUnavailable);
    }
  });
  // Without a portal, / says where things are (with one, its index.html is served first).
  router.get("/", "/", [](const httplib::Request&, httplib::Response& res) {
    reply_result(res, 200, {{"service", "PowerDesk"},
                            {"api", "/api/v1/openapi.json"},
                            {"rules", "/api/v1/rules"},
                            {"health", "/healthz"},
                            {"metrics", "/metrics"}});
  });
  router.get("/metrics", "/metrics", [&ctx](const httplib::Request&, httplib::Response& res) {
    res.set_content(ctx.metrics.prometheus_text(), "text/plain; version=0.0.4; charset=utf-8");
  });
  router.get("/api/v1/openapi.json", "/api/v1/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    reply_json(res, 200, std::string(openapi_document()));
  });
}

}  // namespace powerdesk::server
