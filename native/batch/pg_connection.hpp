// A thin libpq wrapper for bill-run's PostgreSQL mode: parameterised
// statements, COPY FROM STDIN, and the run's tables (docs/batch-billing.md).
#pragma once

#include <libpq-fe.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace powerdesk::batch {

struct PgError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

using PgResult = std::unique_ptr<PGresult, void (*)(PGresult*)>;

class Pg {
 public:
  explicit Pg(const std::string& url);  // throws PgError
  ~Pg();
  Pg(const Pg&) = delete;
  Pg& operator=(const Pg&) = delete;

  // Runs one statement; throws PgError unless it succeeds.
  PgResult exec(const std::string& sql, const std::vector<std::string>& params = {});
  // COPY … FROM STDIN (text format) of rows already escaped with copy_field().
  void copy_in(const std::string& copy_sql, const std::string& rows);

 private:
  PGconn* conn_;
};

// A value for COPY's text format (backslash, tab and line breaks escaped).
void copy_field(std::string& out, std::string_view value);

// "schema": a plain identifier, so it can be spliced into SQL.
bool valid_schema(const std::string& schema);
// Creates the schema and tables when missing.
void ensure_tables(Pg& pg, const std::string& schema);

}  // namespace powerdesk::batch
