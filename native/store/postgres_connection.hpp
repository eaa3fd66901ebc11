// One libpq connection. Messages name the server by its display URL and are
// scrubbed of the password; notices ("already exists, skipping") are dropped.
#pragma once

#include <string>

#include "location.hpp"
#include "sql_connection.hpp"

struct pg_conn;

namespace powerdesk::store {

class PostgresConnection final : public SqlConnection {
 public:
  explicit PostgresConnection(const StoreLocation& location);  // throws StoreError
  ~PostgresConnection() override;

  SqlRows query(const std::string& sql, const std::vector<SqlParam>& params = {}) override;
  void exec_script(const std::string& sql) override;
  void begin(TxMode mode) override;
  bool recycle() noexcept override;
  void ensure_usable() override;
  bool lost() const noexcept override;

 private:
  SqlRows run(const std::string& sql, const std::vector<SqlParam>& params);
  void reconnect();
  [[noreturn]] void fail(const std::string& what) const;
  std::string server_message() const;

  StoreLocation location_;
  pg_conn* conn_ = nullptr;
};

}  // namespace powerdesk::store
