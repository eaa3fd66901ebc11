// Reading open_store's `location`: which backend, what to hand it, and how to
// name it in error messages without the password.
#pragma once

#include <string>
#include <vector>

namespace powerdesk::store {

struct StoreLocation {
  enum class Backend { Sqlite, Postgres };
  Backend backend = Backend::Sqlite;
  std::string target;                // SQLite file path, or the libpq connection URI as given
  std::string display;               // safe for messages and logs: passwords replaced by ***
  std::vector<std::string> secrets;  // password spellings (raw and percent-decoded) to scrub from any message
};

// "postgresql://..." / "postgres://..." → PostgreSQL; else a SQLite path with
// an optional "sqlite:" (or "sqlite://") prefix. Throws StoreError for an empty path.
StoreLocation parse_store_location(const std::string& location);

// `message` with every secret replaced by ***.
std::string scrub_secrets(std::string message, const std::vector<std::string>& secrets);

}  // namespace powerdesk::store
