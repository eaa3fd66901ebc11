#include "sql_store.hpp"

#include <algorithm>
#include <cstdio>
#include <utility>

#include <nlohmann/json.hpp>

namespace powerdesk::store {
namespace {

// Columns read into an Application, in this order (see read_application).
constexpr const char* kApplicationColumns =
    "id, number, region, business, variant, request_json, request_hash, accepted, secret_hash, assignee, "
    "created_at, updated_at";

std::int64_t to_int(const std::string& text) {
  try {
    return std::stoll(text);
  } catch (const std::exception&) {
    throw StoreError("unexpected non-integer value from the database: '" + text + "'");
  }
}

// The id stays internal; numbers are what the outside world sees.
std::pair<std::int64_t, Application> read_application(const SqlRow& row) {
  Application a;
  a.number = row.at(1);
  a.region = row.at(2);
  a.business = row.at(3);
  a.variant = row.at(4);
  a.request_json = row.at(5);
  a.request_hash = row.at(6);
  a.accepted = row.at(7);
  a.secret_hash = row.at(8);
  a.assignee = row.at(9);
  a.created_at = row.at(10);
  a.updated_at = row.at(11);
  return {to_int(row.at(0)), std::move(a)};
}

// One application with its completed steps and timeline; `column` is a
// fixed column name (id, number or idempotency_key), never input.
std::optional<Application> load(SqlConnection& c, const char* column, const SqlParam& value) {
  SqlRows rows = c.query(std::string("SELECT ") + kApplicationColumns + " FROM applications WHERE " + column + " = $1",
                         {value});
  if (rows.empty()) return std::nullopt;
  auto [id, application] = read_application(rows.front());
  for (const SqlRow& step : c.query("SELECT step, date FROM completed_steps WHERE application_id = $1", {id})) {
    application.completed[step.at(0)] = step.at(1);
  }
  for (const SqlRow& row : c.query("SELECT seq, at, kind, actor, step, date, assignee FROM events "
                                   "WHERE application_id = $1 ORDER BY seq",
                                   {id})) {
    Event e;
    e.seq = to_int(row.at(0));
    e.at = row.at(1);
    e.kind = row.at(2);
    e.actor = row.at(3);
    e.step = row.at(4);
    e.date = row.at(5);
    e.assignee = row.at(6);
    application.timeline.push_back(std::move(e));
  }
  return application;
}

void insert_audit(SqlConnection& c, const std::string& at, const std::string& actor, const std::string& action,
                  const std::string& target, const std::string& detail_json) {
  c.query("INSERT INTO audit_log (at, actor, action, target, detail_json) VALUES ($1, $2, $3, $4, $5)",
          {at, actor, action, target, detail_json});
}

// Marks a staff change on the application row (which also locks it, so
// concurrent changes to one application queue up) and returns its id and the
// timeline seq for the change's event; nullopt for an unknown number.
std::optional<std::pair<std::int64_t, std::int64_t>> touch(SqlConnection& c, const std::string& number,
                                                           const std::string& at) {
  SqlRows rows = c.query("UPDATE applications SET updated_at = $1, last_event_seq = last_event_seq + 1 "
                         "WHERE number = $2 RETURNING id, last_event_seq",
                         {at, number});
  if (rows.empty()) return std::nullopt;
  return std::make_pair(to_int(rows[0].at(0)), to_int(rows[0].at(1)));
}

}  // namespace

std::string application_number(const std::string& accepted, std::int64_t sequence) {
  bool ok = accepted.size() == 10 && accepted[4] == '-' && accepted[7] == '-';
  for (std::size_t i = 0; ok && i < accepted.size(); ++i) {
    if (i != 4 && i != 7 && (accepted[i] < '0' || accepted[i] > '9')) ok = false;
  }
  if (!ok) throw StoreError("the accepted date must be YYYY-MM-DD, got '" + accepted + "'");
  char digits[32];
  std::snprintf(digits, sizeof digits, "%06lld", static_cast<long long>(sequence));
  return "PD" + accepted.substr(0, 4) + accepted.substr(5, 2) + accepted.substr(8, 2) + digits;
}

SqlApplicationStore::SqlApplicationStore(std::string kind, ConnectionPool::Factory factory,
                                         std::unique_ptr<SqlConnection> seed)
    : kind_(std::move(kind)), pool_(kPoolCapacity, std::move(factory)) {
  pool_.adopt(std::move(seed));
}

SubmitOutcome SqlApplicationStore::submit(const NewApplication& n) {
  application_number(n.accepted, 0);  // reject a malformed date before touching the database
  auto c = pool_.acquire();
  Transaction tx(*c, TxMode::Write);
  // DO NOTHING on a known key: a concurrent submit of the same key waits for
  // the first to commit (PostgreSQL) or for its write lock (SQLite), then
  // finds the stored record below.
  SqlRows inserted = c->query(
      "INSERT INTO applications (idempotency_key, request_hash, region, business, variant, request_json, accepted, "
      "secret_hash, assignee, created_at, updated_at, last_event_seq) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '', $9, $9, 1) "
      "ON CONFLICT (idempotency_key) DO NOTHING RETURNING id",
      {n.idempotency_key, n.request_hash, n.region, n.business, n.variant, n.request_json, n.accepted, n.secret_hash,
       n.created_at});
  SubmitOutcome outcome;
  if (inserted.empty()) {
    std::optional<Application> existing = load(*c, "idempotency_key", n.idempotency_key);
    if (!existing) throw StoreError("an application with this idempotency key vanished during submit");
    tx.commit();
    outcome.status = existing->request_hash == n.request_hash ? SubmitStatus::Replayed : SubmitStatus::KeyConflict;
    outcome.application = std::move(*existing);
    return outcome;
  }
  // The number comes from the database's own sequence (the row id), so
  // server instances sharing one database never hand out the same number.
  std::int64_t id = to_int(inserted[0].at(0));
  c->query("UPDATE applications SET number = $1 WHERE id = $2", {application_number(n.accepted, id), id});
  c->query("INSERT INTO events (application_id, seq, at, kind, actor) VALUES ($1, 1, $2, 'submitted', 'applicant')",
           {id, n.created_at});
  std::optional<Application> created = load(*c, "id", id);
  tx.commit();
  outcome.status = SubmitStatus::Created;
  outcome.application = std::move(created.value());
  return outcome;
}

std::optional<Application> SqlApplicationStore::find(const std::string& number) {
  auto c = pool_.acquire();
  Transaction tx(*c, TxMode::Read);
  std::optional<Application> found = load(*c, "number", number);
  tx.commit();
  return found;
}

std::vector<Application> SqlApplicationStore::list(const ListFilter& filter) {
  // Fixed fragments with placeholders; values are only ever bound.
  std::vector<SqlParam> params;
  std::string where = " WHERE number IS NOT NULL";
  auto add = [&](const char* condition, const std::string& value) {
    params.emplace_back(value);
    where += std::string(" AND ") + condition + " $" + std::to_string(params.size());
  };
  if (!filter.region.empty()) add("region =", filter.region);
  if (!filter.business.empty()) add("business =", filter.business);
  if (filter.assignee == "-") {
    where += " AND assignee = ''";
  } else if (!filter.assignee.empty()) {
    add("assignee =", filter.assignee);
  }
  if (!filter.after.empty()) add("number >", filter.after);
  params.emplace_back(std::int64_t{std::clamp(filter.limit, 1, 500)});
  std::string page = " ORDER BY number LIMIT $" + std::to_string(params.size());

  auto c = pool_.acquire();
  Transaction tx(*c, TxMode::Read);
  std::vector<Application> result;
  std::vector<std::int64_t> ids;
  for (const SqlRow& row : c->query(std::string("SELECT ") + kApplicationColumns + " FROM applications" + where + page,
                                    params)) {
    auto [id, application] = read_application(row);
    ids.push_back(id);
    result.push_back(std::move(application));
  }
  // Completed steps of the whole page in one statement.
  SqlRows steps = c->query(
      "SELECT s.application_id, s.step, s.date FROM completed_steps s JOIN (SELECT id FROM applications" + where +
          page + ") p ON p.id = s.application_id",
      params);
  tx.commit();
  for (const SqlRow& step : steps) {
    auto at = std::find(ids.begin(), ids.end(), to_int(step.at(0)));
    if (at != ids.end()) result[static_cast<std::size_t>(at - ids.begin())].completed[step.at(1)] = step.at(2);
  }
  return result;
}

std::optional<Application> SqlApplicationStore::assign(const std::string& number, const std::string& assignee,
                                                       const std::string& actor, const std::string& at) {
  auto c = pool_.acquire();
  Transaction tx(*c, TxMode::Write);
  auto touched = touch(*c, number, at);
  if (!touched) return std::nullopt;  // nothing written; the guard rolls back
  auto [id, seq] = *touched;
  c->query("UPDATE applications SET assignee = $1 WHERE id = $2", {assignee, id});
  c->query("INSERT INTO events (application_id, seq, at, kind, actor, assignee) "
           "VALUES ($1, $2, $3, 'assigned', $4, $5)",
           {id, seq, at, actor, assignee});
  insert_audit(*c, at, actor, "assign", number, nlohmann::json{{"assignee", assignee}}.dump());
  std::optional<Application> updated = load(*c, "id", id);
  tx.commit();
  return updated;
}

std::optional<Application> SqlApplicationStore::complete_step(const std::string& number, const std::string& step,
                                                              const std::string& date, const std::string& actor,
                                                              const std::string& at) {
  auto c = pool_.acquire();
  Transaction tx(*c, TxMode::Write);
  auto touched = touch(*c, number, at);
  if (!touched) return std::nullopt;
  auto [id, seq] = *touched;
  // A step completed again takes the new date; the timeline keeps both.
  c->query("INSERT INTO completed_steps (application_id, step, date) VALUES ($1, $2, $3) "
           "ON CONFLICT (application_id, step) DO UPDATE SET date = excluded.date",
           {id, step, date});
  c->query("INSERT INTO events (application_id, seq, at, kind, actor, step, date) "
           "VALUES ($1, $2, $3, 'step_completed', $4, $5, $6)",
           {id, seq, at, actor, step, date});
  insert_audit(*c, at, actor, "complete_step", number,
               nlohmann::json{{"step", step}, {"date", date}}.dump());
  std::optional<Application> updated = load(*c, "id", id);
  tx.commit();
  return updated;
}

void SqlApplicationStore::audit(const AuditEntry& entry) {
  auto c = pool_.acquire();
  Transaction tx(*c, TxMode::Write);
  insert_audit(*c, entry.at, entry.actor, entry.action, entry.target,
               entry.detail_json.empty() ? "{}" : entry.detail_json);
  tx.commit();
}

std::vector<AuditEntry> SqlApplicationStore::audit_log(int limit) {
  auto c = pool_.acquire();
  Transaction tx(*c, TxMode::Read);
  SqlRows rows = c->query("SELECT id, at, actor, action, target, detail_json FROM audit_log ORDER BY id DESC LIMIT $1",
                          {std::int64_t{std::clamp(limit, 1, 500)}});
  tx.commit();
  std::vector<AuditEntry> entries;
  for (const SqlRow& row : rows) {
    entries.push_back(AuditEntry{to_int(row.at(0)), row.at(1), row.at(2), row.at(3), row.at(4), row.at(5)});
  }
  return entries;
}

std::int64_t SqlApplicationStore::count() { return to_int(query_value("SELECT COUNT(*) FROM applications")); }

int SqlApplicationStore::schema_version() {
  return static_cast<int>(to_int(query_value("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")));
}

std::string SqlApplicationStore::kind() const { return kind_; }

std::string SqlApplicationStore::query_value(const std::string& sql) {
  auto c = pool_.acquire();
  Transaction tx(*c, TxMode::Read);
  SqlRows rows = c->query(sql);
  tx.commit();
  if (rows.empty() || rows.front().empty()) throw StoreError("no value from: " + sql);
  return rows.front().front();
}

}  // namespace powerdesk::store
