// Schema migrations: ordered steps of SQL text, applied once each and
// recorded in schema_migrations(version, applied_at). Each backend lists its
// steps in one place (sqlite_migrations.cpp, postgres_migrations.cpp).
#pragma once

#include <string>
#include <vector>

#include "sql_connection.hpp"

namespace powerdesk::store {

struct Migration {
  int version;      // 1, 2, ... in order, never renumbered once released
  std::string sql;  // one or more statements
};

struct MigrationPlan {
  std::string lock_sql;       // run first inside the migration transaction (PostgreSQL's advisory lock); may be empty
  std::string bootstrap_sql;  // creates schema_migrations if missing
  std::vector<Migration> steps;
};

MigrationPlan sqlite_migrations();
MigrationPlan postgres_migrations();

// Applies the missing steps in one write transaction, so two processes that
// open the same database at once serialize and the second finds nothing to
// do. Returns the schema version afterwards. Throws StoreError, also when the
// database is newer than this build.
int apply_migrations(SqlConnection& connection, const MigrationPlan& plan);

}  // namespace powerdesk::store
