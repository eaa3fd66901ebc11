// POST /api/v1/<operation>: the facade, byte for byte. The body goes to the
// core untouched and its envelope comes back (200, 422 bad input, 500 defect).
#include "http_reply.hpp"
#include "routes.hpp"

namespace powerdesk::server {

void add_facade_routes(Router& router, ServerContext& ctx) {
  struct Operation {
    const char* path;
    Response (Engine::*run)(std::string_view) const;
  };
  static constexpr Operation kOperations[] = {
      {"/api/v1/quote", &Engine::quote},
      {"/api/v1/compare", &Engine::compare},
      {"/api/v1/bill", &Engine::bill},
      {"/api/v1/late-fee", &Engine::late_fee},
      {"/api/v1/tier", &Engine::star_tier},
      {"/api/v1/eligibility", &Engine::eligibility},
      {"/api/v1/process", &Engine::process},
      {"/api/v1/validate", &Engine::validate_application},
      {"/api/v1/dedupe", &Engine::dedupe},
      {"/api/v1/match", &Engine::match},
  };
  for (const Operation& op : kOperations) {
    router.post(op.path, op.path, [&ctx, run = op.run](const httplib::Request& req, httplib::Response& res) {
      reply_facade(res, (ctx.engine.*run)(req.body));
    });
  }
}

}  // namespace powerdesk::server
