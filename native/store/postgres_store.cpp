// Opening a PostgreSQL store: the first connection proves the server is
// reachable and runs the migrations (under an advisory lock), then joins the
// pool. A schema other than public is chosen in the URL, e.g.
// ?options=-csearch_path%3Dpowerdesk (libpq passes it to the server).
#include <memory>

#include "backends.hpp"
#include "migrations.hpp"
#include "postgres_connection.hpp"
#include "sql_store.hpp"

namespace powerdesk::store {

std::unique_ptr<ApplicationStore> open_postgres_store(const StoreLocation& location) {
  auto first = std::make_unique<PostgresConnection>(location);
  apply_migrations(*first, postgres_migrations());
  return std::make_unique<SqlApplicationStore>(
      "postgresql", [location] { return std::make_unique<PostgresConnection>(location); }, std::move(first));
}

}  // namespace powerdesk::store
