// The small slice of a database connection the store needs, so the store's
// logic (sql_store.cpp) is written once and both backends behave the same.
// SQL uses $1..$n placeholders: PostgreSQL's own spelling, and SQLite binds
// them as named parameters "$1".."$n".
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "application_store.hpp"

namespace powerdesk::store {

using SqlParam = std::variant<std::int64_t, std::string>;
using SqlRow = std::vector<std::string>;  // every column as text; NULL reads as ""
using SqlRows = std::vector<SqlRow>;

enum class TxMode {
  Read,   // a consistent snapshot for several SELECTs
  Write,  // takes the write lock up front (SQLite BEGIN IMMEDIATE) so it never fails half-way on a lock upgrade
};

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  SqlConnection() = default;
  SqlConnection(const SqlConnection&) = delete;
  SqlConnection& operator=(const SqlConnection&) = delete;

  // One statement with bound parameters; returns its rows. Throws StoreError.
  virtual SqlRows query(const std::string& sql, const std::vector<SqlParam>& params = {}) = 0;
  // Several statements without parameters (migration steps). Throws StoreError.
  virtual void exec_script(const std::string& sql) = 0;
  // Starts a transaction. PostgreSQL reconnects once here when the server
  // dropped the connection: nothing has been sent yet, so a retry is safe.
  virtual void begin(TxMode mode) = 0;
  // Called when the connection goes back to the pool: rolls back anything
  // left open. False = the connection is unusable and must be discarded.
  virtual bool recycle() noexcept = 0;
  // Called when the pool hands the connection out: a broken connection is
  // reset once, else StoreError.
  virtual void ensure_usable() = 0;
  // True once the connection to the database server is gone (PostgreSQL); a
  // file database (SQLite) is never "lost".
  virtual bool lost() const noexcept = 0;
};

// Rolls back unless commit() was reached: an exception anywhere in an
// operation leaves nothing half-written.
class Transaction {
 public:
  Transaction(SqlConnection& connection, TxMode mode) : connection_(connection) { connection_.begin(mode); }
  ~Transaction() {
    if (!finished_) {
      try {
        connection_.query("ROLLBACK");
      } catch (...) {
        // recycle() discards a connection that cannot roll back.
      }
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit() {
    finished_ = true;  // a failed COMMIT is cleaned up by recycle()
    try {
      connection_.query("COMMIT");
    } catch (const StoreError& e) {
      // An error answer means rolled back; a lost connection means unknown.
      if (connection_.lost()) throw StoreOutcomeUnknown(std::string(e.what()) + " (lost during COMMIT: outcome unknown)");
      throw;
    }
  }

 private:
  SqlConnection& connection_;
  bool finished_ = false;
};

}  // namespace powerdesk::store
