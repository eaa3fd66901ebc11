// The SQLite schema, one step per version. Add steps at the end; never edit a
// released one. postgres_migrations.cpp holds the same schema for PostgreSQL.
#include "migrations.hpp"

namespace powerdesk::store {

MigrationPlan sqlite_migrations() {
  MigrationPlan plan;
  // BEGIN IMMEDIATE (TxMode::Write) already serializes migrating processes.
  plan.bootstrap_sql = R"sql(
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
)sql";
  plan.steps.push_back({1, R"sql(
-- id is the number's sequence: AUTOINCREMENT never reuses one, even after a delete.
-- number is NULL only inside the submitting transaction, which sets it from id.
CREATE TABLE applications (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  number TEXT UNIQUE,
  idempotency_key TEXT NOT NULL UNIQUE,
  request_hash TEXT NOT NULL,
  region TEXT NOT NULL,
  business TEXT NOT NULL,
  variant TEXT NOT NULL DEFAULT '',
  request_json TEXT NOT NULL,
  accepted TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  assignee TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  last_event_seq INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE completed_steps (
  application_id INTEGER NOT NULL REFERENCES applications (id),
  step TEXT NOT NULL,
  date TEXT NOT NULL,
  PRIMARY KEY (application_id, step)
);
CREATE TABLE events (
  application_id INTEGER NOT NULL REFERENCES applications (id),
  seq INTEGER NOT NULL,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  step TEXT NOT NULL DEFAULT '',
  date TEXT NOT NULL DEFAULT '',
  assignee TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (application_id, seq)
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL DEFAULT '',
  detail_json TEXT NOT NULL DEFAULT '{}'
);
-- list() filters, each ending in number for its ORDER BY and keyset paging.
CREATE INDEX applications_by_region ON applications (region, number);
CREATE INDEX applications_by_business ON applications (business, number);
CREATE INDEX applications_by_assignee ON applications (assignee, number);
CREATE INDEX audit_log_by_target ON audit_log (target);
)sql"});
  return plan;
}

}  // namespace powerdesk::store
