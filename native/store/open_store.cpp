#include "application_store.hpp"
#include "backends.hpp"
#include "location.hpp"

namespace powerdesk::store {

std::unique_ptr<ApplicationStore> open_store(const std::string& location) {
  StoreLocation where = parse_store_location(location);
  if (where.backend == StoreLocation::Backend::Postgres) return open_postgres_store(where);
  return open_sqlite_store(where);
}

}  // namespace powerdesk::store
