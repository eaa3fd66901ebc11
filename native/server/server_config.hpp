// What `powerdesk serve` is told on its command line (docs/server.md).
#pragma once

#include <cstddef>
#include <string>

namespace powerdesk::server {

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string database = "var/powerdesk.db";  // SQLite path, or a postgresql:// URL
  std::string rules_dir;                      // the CLI's --rules
  std::string portal_dir;                     // built portal files served at /; empty = none
  std::string staff_tokens_file;              // "name sha256-hex" per line; empty = staff API closed
  std::string secret_key_file;                // key for applicants' status secrets (HMAC)
  int threads = 0;                            // 0 = max(8, 4 × cores)
  std::size_t max_body_bytes = 1 << 20;       // 1 MiB
  int submissions_per_minute = 10;            // per client address, submissions and status lookups
  std::string access_log = "-";               // "-" = stderr, "" = off
};

}  // namespace powerdesk::server
