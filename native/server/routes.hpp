// The server's routes, one group per file (docs/openapi.json describes them).
#pragma once

#include "router.hpp"
#include "server_context.hpp"

namespace powerdesk::server {

void add_facade_routes(Router& router, ServerContext& ctx);  // quote, compare, bill, tier, …
void add_rules_routes(Router& router, ServerContext& ctx);   // packs with ETags
void add_intake_routes(Router& router, ServerContext& ctx);  // submit, status
void add_staff_routes(Router& router, ServerContext& ctx);   // list, view, assign, complete steps, audit
void add_ops_routes(Router& router, ServerContext& ctx);     // health, readiness, metrics, OpenAPI

}  // namespace powerdesk::server
