// Everything a request handler may use. Built once at start-up; after that
// only the store, the metrics and the rate limiter change (each thread-safe).
#pragma once

#include <map>
#include <memory>
#include <string>

#include "application_store.hpp"
#include "metrics.hpp"
#include "powerdesk/api.hpp"
#include "rate_limiter.hpp"
#include "server_clock.hpp"
#include "server_config.hpp"
#include "staff_tokens.hpp"

namespace powerdesk::server {

// A pack as the rules endpoint serves it: its file's text and an ETag.
struct PackFile {
  std::string json;
  std::string etag;
};

struct ServerContext {
  ServerContext(const ServerConfig& c, const std::string& pinned_today)
      : config(c), clock(pinned_today), limiter(c.submissions_per_minute) {}

  ServerConfig config;
  Engine engine;
  std::unique_ptr<store::ApplicationStore> store;
  StaffTokens staff;
  std::string secret_key;  // HMAC key for applicants' status secrets
  ServerClock clock;
  Metrics metrics;
  RateLimiter limiter;
  std::string rules_json;  // GET /api/v1/rules body
  std::string rules_etag;
  std::map<std::string, PackFile> packs;  // by pack id
};

}  // namespace powerdesk::server
