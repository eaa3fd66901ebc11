// Building the server's context from its configuration: packs, database,
// staff tokens, the status-secret key. Each step fails with a message that
// says what to fix.
#pragma once

#include <memory>

#include "server_context.hpp"

namespace powerdesk::server {

std::unique_ptr<ServerContext> make_context(const ServerConfig& config, const std::string& pinned_today);

}  // namespace powerdesk::server
