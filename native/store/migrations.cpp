#include "migrations.hpp"

#include <string>

#include "application_store.hpp"

namespace powerdesk::store {

int apply_migrations(SqlConnection& connection, const MigrationPlan& plan) {
  Transaction tx(connection, TxMode::Write);
  if (!plan.lock_sql.empty()) connection.query(plan.lock_sql);
  connection.exec_script(plan.bootstrap_sql);
  SqlRows rows = connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  int version = std::stoi(rows.at(0).at(0));
  int latest = plan.steps.empty() ? 0 : plan.steps.back().version;
  if (version > latest) {
    throw StoreError("the database schema is version " + std::to_string(version) +
                     ", newer than this build of PowerDesk understands (" + std::to_string(latest) + ")");
  }
  for (const Migration& step : plan.steps) {
    if (step.version <= version) continue;
    connection.exec_script(step.sql);
    connection.query("INSERT INTO schema_migrations (version) VALUES ($1)", {std::int64_t{step.version}});
    version = step.version;
  }
  tx.commit();
  return version;
}

}  // namespace powerdesk::store
