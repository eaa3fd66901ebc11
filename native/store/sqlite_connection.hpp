// One SQLite connection, set up for a server: WAL (readers never wait for the
// writer), synchronous=FULL (a commit survives power loss), a busy timeout
// (writers queue instead of failing), foreign keys enforced.
#pragma once

#include <string>
#include <unordered_map>

#include "sql_connection.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace powerdesk::store {

// How long a writer waits for another connection's write lock.
inline constexpr int kSqliteBusyTimeoutMs = 15000;

class SqliteConnection final : public SqlConnection {
 public:
  explicit SqliteConnection(const std::string& path);  // throws StoreError
  ~SqliteConnection() override;

  SqlRows query(const std::string& sql, const std::vector<SqlParam>& params = {}) override;
  void exec_script(const std::string& sql) override;
  void begin(TxMode mode) override;
  bool recycle() noexcept override;
  void ensure_usable() override {}
  bool lost() const noexcept override { return false; }

 private:
  sqlite3_stmt* prepare(const std::string& sql);
  [[noreturn]] void fail(const std::string& what) const;

  std::string path_;
  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;  // prepared once per connection
};

}  // namespace powerdesk::store
