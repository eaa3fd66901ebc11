// Where submitted applications (报装) live: SQLite by default, PostgreSQL when
// the server is given a connection string. Both implement this interface with
// the same behaviour; tests/store runs one suite against each.
//
// The store keeps records, not rules: which steps a business has and whether
// a step may be completed is the core's answer (Engine::process), asked by
// the server before it calls complete_step.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace powerdesk::store {

// Thrown when the database cannot be reached or a statement fails; the server
// answers 503 and writes nothing half-way (every operation is one transaction).
struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The connection was lost while COMMIT was on its way: the database may have
// committed or not, and nobody can tell until it is back. The server says so
// instead of "nothing was saved"; a retry with the same Idempotency-Key settles it.
struct StoreOutcomeUnknown : StoreError {
  using StoreError::StoreError;
};

// What the server hands over after the core validated the application.
struct NewApplication {
  std::string idempotency_key;  // client-chosen; a retry with the same key never creates a second record
  std::string request_hash;     // SHA-256 hex of the canonical request: same key + other body = conflict
  std::string region;
  std::string business;
  std::string variant;          // may be empty
  std::string request_json;     // canonical (compact, keys sorted) application JSON
  std::string accepted;         // YYYY-MM-DD, the day the server accepted it
  std::string secret_hash;      // SHA-256 hex of the applicant's status secret (the secret itself is never stored)
  std::string created_at;       // ISO-8601 UTC, e.g. 2025-06-02T08:15:00Z
};

// One line of an application's timeline.
struct Event {
  std::int64_t seq = 0;   // order within the application, from 1
  std::string at;         // ISO-8601 UTC
  std::string kind;       // "submitted", "assigned", "step_completed"
  std::string actor;      // "applicant" or the staff member's name
  std::string step;       // step id for step_completed, else empty
  std::string date;       // completion date for step_completed (YYYY-MM-DD), else empty
  std::string assignee;   // for assigned, else empty
};

struct Application {
  std::string number;     // e.g. "PD20250602000042": accepted date + 6-digit sequence, unique across instances
  std::string region;
  std::string business;
  std::string variant;
  std::string request_json;
  std::string request_hash;
  std::string accepted;
  std::string secret_hash;
  std::string assignee;   // empty when unassigned
  std::string created_at;
  std::string updated_at;
  std::map<std::string, std::string> completed;  // step id -> YYYY-MM-DD
  std::vector<Event> timeline;                   // filled by find(); empty in list()
};

enum class SubmitStatus { Created, Replayed, KeyConflict };

struct SubmitOutcome {
  SubmitStatus status = SubmitStatus::Created;
  Application application;  // the stored record (the earlier one when Replayed or KeyConflict)
};

struct ListFilter {
  std::string region;     // empty = any
  std::string business;   // empty = any
  std::string assignee;   // empty = any; "-" = unassigned only
  std::string after;      // keyset paging: numbers greater than this
  int limit = 50;         // 1..500
};

struct AuditEntry {
  std::int64_t id = 0;
  std::string at;
  std::string actor;      // staff member's name (never the token)
  std::string action;     // "list", "view", "assign", "complete_step", ...
  std::string target;     // application number, or empty
  std::string detail_json;  // small JSON object, no personal data
};

class ApplicationStore {
 public:
  virtual ~ApplicationStore() = default;

  // Stores a new application, or returns the existing one for a known key.
  virtual SubmitOutcome submit(const NewApplication& application) = 0;
  virtual std::optional<Application> find(const std::string& number) = 0;
  virtual std::vector<Application> list(const ListFilter& filter) = 0;

  // Staff actions: the change, its timeline event and its audit entry are one
  // transaction. Both return nullopt for an unknown number.
  virtual std::optional<Application> assign(const std::string& number, const std::string& assignee,
                                            const std::string& actor, const std::string& at) = 0;
  virtual std::optional<Application> complete_step(const std::string& number, const std::string& step,
                                                   const std::string& date, const std::string& actor,
                                                   const std::string& at) = 0;

  // Audit entries for reads (list, view) and refused actions.
  virtual void audit(const AuditEntry& entry) = 0;
  virtual std::vector<AuditEntry> audit_log(int limit) = 0;  // newest first

  // Number of applications stored (health checks and tests).
  virtual std::int64_t count() = 0;
  // The schema version after migrations ran (1, 2, ...).
  virtual int schema_version() = 0;
  // "sqlite" or "postgresql".
  virtual std::string kind() const = 0;
};

// Opens (creating and migrating as needed) the store at `location`:
// "postgresql://..." or "postgres://..." → PostgreSQL; anything else is a
// SQLite file path ("sqlite:" prefix optional). Throws StoreError.
std::unique_ptr<ApplicationStore> open_store(const std::string& location);

}  // namespace powerdesk::store
