// Opening a SQLite store: one connection runs the migrations (inside BEGIN
// IMMEDIATE, so concurrent openers take turns), then joins the pool.
#include <memory>

#include "backends.hpp"
#include "migrations.hpp"
#include "sql_store.hpp"
#include "sqlite_connection.hpp"

namespace powerdesk::store {

std::unique_ptr<ApplicationStore> open_sqlite_store(const StoreLocation& location) {
  std::string path = location.target;
  auto first = std::make_unique<SqliteConnection>(path);
  apply_migrations(*first, sqlite_migrations());
  return std::make_unique<SqlApplicationStore>(
      "sqlite", [path] { return std::make_unique<SqliteConnection>(path); }, std::move(first));
}

}  // namespace powerdesk::store
