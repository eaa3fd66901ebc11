#include "sqlite_connection.hpp"

#include <sqlite3.h>

#include <cstdlib>

#include "application_store.hpp"

namespace powerdesk::store {
namespace {

// Resets a statement after use so it can be reused and releases its locks.
struct StatementReset {
  sqlite3_stmt* statement;
  ~StatementReset() {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
  }
};

}  // namespace

SqliteConnection::SqliteConnection(const std::string& path) : path_(path) {
  // NOMUTEX: the pool never lets two threads use one connection at once.
  int rc = sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw StoreError("cannot open SQLite database '" + path + "': " + message);
  }
  try {
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, kSqliteBusyTimeoutMs);
    exec_script("PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;");
    // WAL is a property of the file; asking again on every connection is
    // cheap and reports a file system that cannot do it.
    SqlRows mode = query("PRAGMA journal_mode = WAL");
    if (mode.empty() || mode[0].empty() || mode[0][0] != "wal") {
      fail("cannot switch to WAL journal mode (got '" + (mode.empty() || mode[0].empty() ? "" : mode[0][0]) + "')");
    }
  } catch (...) {
    for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
    statements_.clear();
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw;
  }
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
  sqlite3_close_v2(db_);
}

void SqliteConnection::fail(const std::string& what) const {
  throw StoreError("SQLite database '" + path_ + "': " + what);
}

sqlite3_stmt* SqliteConnection::prepare(const std::string& sql) {
  auto found = statements_.find(sql);
  if (found != statements_.end()) return found->second;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &statement, nullptr) != SQLITE_OK) {
    sqlite3_finalize(statement);
    fail(sqlite3_errmsg(db_));
  }
  statements_.emplace(sql, statement);
  return statement;
}

SqlRows SqliteConnection::query(const std::string& sql, const std::vector<SqlParam>& params) {
  sqlite3_stmt* statement = prepare(sql);
  StatementReset reset{statement};
  // Parameters are spelled $1..$n (PostgreSQL's way); SQLite sees them as
  // named parameters, so bind each by its number.
  int count = sqlite3_bind_parameter_count(statement);
  for (int i = 1; i <= count; ++i) {
    const char* name = sqlite3_bind_parameter_name(statement, i);
    if (name == nullptr || name[0] != '$') fail("statement parameters must be spelled $1..$n");
    char* end = nullptr;
    long number = std::strtol(name + 1, &end, 10);
    if (*end != '\0' || number < 1 || static_cast<std::size_t>(number) > params.size()) {
      fail(std::string("no value for parameter ") + name);
    }
    const SqlParam& param = params[static_cast<std::size_t>(number - 1)];
    int rc = SQLITE_OK;
    if (const auto* integer = std::get_if<std::int64_t>(&param)) {
      rc = sqlite3_bind_int64(statement, i, *integer);
    } else {
      const std::string& text = std::get<std::string>(param);
      rc = sqlite3_bind_text(statement, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) fail(sqlite3_errmsg(db_));
  }
  SqlRows rows;
  while (true) {
    int rc = sqlite3_step(statement);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail(sqlite3_errmsg(db_));
    int columns = sqlite3_column_count(statement);
    SqlRow row;
    row.reserve(static_cast<std::size_t>(columns));
    for (int i = 0; i < columns; ++i) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
      row.emplace_back(text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, i)))
                            : std::string());
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void SqliteConnection::exec_script(const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errmsg(db_);
    sqlite3_free(error);
    fail(message);
  }
}

void SqliteConnection::begin(TxMode mode) {
  // IMMEDIATE takes the write lock now (waiting up to the busy timeout)
  // instead of failing later when a read transaction tries to write.
  query(mode == TxMode::Write ? "BEGIN IMMEDIATE" : "BEGIN");
}

bool SqliteConnection::recycle() noexcept {
  if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  return sqlite3_get_autocommit(db_) != 0;
}

}  // namespace powerdesk::store
