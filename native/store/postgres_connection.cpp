#include "postgres_connection.hpp"

#include <libpq-fe.h>

#include <memory>

#include "application_store.hpp"

namespace powerdesk::store {
namespace {

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

void ignore_notice(void*, const char*) {}

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

}  // namespace

PostgresConnection::PostgresConnection(const StoreLocation& location) : location_(location) {
  // Defaults first, the URL last: libpq keeps the last value of a keyword, so
  // anything the URL says (connect_timeout, application_name...) wins.
  const char* keywords[] = {"connect_timeout", "application_name", "client_encoding", "dbname", nullptr};
  const char* values[] = {"10", "powerdesk", "UTF8", location_.target.c_str(), nullptr};
  conn_ = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (conn_ == nullptr) throw StoreError("cannot connect to PostgreSQL at " + location_.display + ": out of memory");
  if (PQstatus(conn_) != CONNECTION_OK) {
    std::string message = server_message();
    PQfinish(conn_);
    conn_ = nullptr;
    throw StoreError(scrub_secrets("cannot connect to PostgreSQL at " + location_.display + ": " + message,
                                   location_.secrets));
  }
  PQsetNoticeProcessor(conn_, ignore_notice, nullptr);
}

PostgresConnection::~PostgresConnection() { PQfinish(conn_); }

std::string PostgresConnection::server_message() const { return trimmed(PQerrorMessage(conn_)); }

void PostgresConnection::fail(const std::string& what) const {
  throw StoreError(scrub_secrets("PostgreSQL at " + location_.display + ": " + what, location_.secrets));
}

SqlRows PostgresConnection::run(const std::string& sql, const std::vector<SqlParam>& params) {
  // Text parameters with types left to the server (it infers them from the
  // statement), so integers travel as their decimal text.
  std::vector<std::string> texts;
  texts.reserve(params.size());
  for (const SqlParam& param : params) {
    if (const auto* integer = std::get_if<std::int64_t>(&param)) {
      texts.push_back(std::to_string(*integer));
    } else {
      texts.push_back(std::get<std::string>(param));
    }
  }
  std::vector<const char*> values;
  std::vector<int> lengths;
  for (const std::string& text : texts) {
    values.push_back(text.c_str());
    lengths.push_back(static_cast<int>(text.size()));
  }
  Result result(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(),
                             lengths.data(), nullptr, 0),
                &PQclear);
  if (!result) fail(server_message());
  ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    fail(trimmed(PQresultErrorMessage(result.get())));
  }
  SqlRows rows;
  int count = PQntuples(result.get());
  int columns = PQnfields(result.get());
  rows.reserve(static_cast<std::size_t>(count));
  for (int r = 0; r < count; ++r) {
    SqlRow row;
    row.reserve(static_cast<std::size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      row.emplace_back(PQgetisnull(result.get(), r, c)
                           ? std::string()
                           : std::string(PQgetvalue(result.get(), r, c),
                                         static_cast<std::size_t>(PQgetlength(result.get(), r, c))));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

SqlRows PostgresConnection::query(const std::string& sql, const std::vector<SqlParam>& params) {
  return run(sql, params);
}

void PostgresConnection::exec_script(const std::string& sql) {
  // PQexec runs several statements (simple query protocol) and stops at the first error.
  Result result(PQexec(conn_, sql.c_str()), &PQclear);
  if (!result) fail(server_message());
  ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) fail(trimmed(PQresultErrorMessage(result.get())));
}

void PostgresConnection::reconnect() {
  PQreset(conn_);
  if (PQstatus(conn_) != CONNECTION_OK) fail("the connection was lost and reconnecting failed: " + server_message());
  PQsetNoticeProcessor(conn_, ignore_notice, nullptr);
}

void PostgresConnection::begin(TxMode mode) {
  // REPEATABLE READ for reads: find() and list() run several SELECTs that
  // must see one state. Writes use READ COMMITTED with row locks.
  const std::string sql = mode == TxMode::Write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
  try {
    run(sql, {});
  } catch (const StoreError&) {
    // A server restart or an idle-connection kill shows up here; nothing
    // was done yet, so reconnect once and retry.
    if (PQstatus(conn_) == CONNECTION_OK) throw;
    reconnect();
    run(sql, {});
  }
}

bool PostgresConnection::recycle() noexcept {
  if (PQstatus(conn_) != CONNECTION_OK) return false;
  if (PQtransactionStatus(conn_) != PQTRANS_IDLE) {
    PGresult* result = PQexec(conn_, "ROLLBACK");
    PQclear(result);
  }
  return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE;
}

bool PostgresConnection::lost() const noexcept { return PQstatus(conn_) != CONNECTION_OK; }

void PostgresConnection::ensure_usable() {
  if (PQstatus(conn_) != CONNECTION_OK) reconnect();
}

}  // namespace powerdesk::store
