// The httplib server with PowerDesk's routes and the rules every response
// obeys: security headers, body size and JSON depth limits, JSON-only
// request bodies, per-route metrics and a masked access log.
#pragma once

#include <memory>

#include <httplib.h>

#include "router.hpp"
#include "server_context.hpp"

namespace powerdesk::server {

struct HttpApp {
  std::unique_ptr<httplib::Server> server;
  std::unique_ptr<Router> router;
};

HttpApp make_http_app(ServerContext& ctx);

}  // namespace powerdesk::server
