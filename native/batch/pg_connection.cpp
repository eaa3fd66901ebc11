#include "pg_connection.hpp"

#include <algorithm>

namespace powerdesk::batch {

Pg::Pg(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
  if (PQstatus(conn_) != CONNECTION_OK) {
    const std::string msg = PQerrorMessage(conn_);
    PQfinish(conn_);
    throw PgError("cannot connect to PostgreSQL: " + msg);
  }
  exec("SET client_min_messages = warning");
}

Pg::~Pg() { PQfinish(conn_); }

PgResult Pg::exec(const std::string& sql, const std::vector<std::string>& params) {
  std::vector<const char*> values;
  for (const std::string& p : params) values.push_back(p.c_str());
  PgResult r(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                          nullptr, 0),
             PQclear);
  const ExecStatusType s = PQresultStatus(r.get());
  if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) throw PgError(PQerrorMessage(conn_));
  return r;
}

void Pg::copy_in(const std::string& copy_sql, const std::string& rows) {
  PgResult start(PQexec(conn_, copy_sql.c_str()), PQclear);
  if (PQresultStatus(start.get()) != PGRES_COPY_IN) throw PgError(PQerrorMessage(conn_));
  if (PQputCopyData(conn_, rows.data(), static_cast<int>(rows.size())) != 1 || PQputCopyEnd(conn_, nullptr) != 1)
    throw PgError(PQerrorMessage(conn_));
  bool ok = true;
  while (PGresult* r = PQgetResult(conn_)) {
    if (PQresultStatus(r) != PGRES_COMMAND_OK) ok = false;
    PQclear(r);
  }
  if (!ok) throw PgError(PQerrorMessage(conn_));
}

void copy_field(std::string& out, std::string_view v) {
  for (char c : v) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out.push_back(c);
    }
  }
}

bool valid_schema(const std::string& s) {
  return !s.empty() && s.size() <= 48 && !(s[0] >= '0' && s[0] <= '9') &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

void ensure_tables(Pg& pg, const std::string& s) {
  // One statement per table; IF NOT EXISTS makes concurrent loaders harmless.
  pg.exec("CREATE SCHEMA IF NOT EXISTS " + s);
  pg.exec("CREATE TABLE IF NOT EXISTS " + s + ".runs (run text PRIMARY KEY, readings_format text NOT NULL, "
          "readings_header text NOT NULL, customers_format text NOT NULL, customers_header text NOT NULL, "
          "output_format text NOT NULL, load_totals text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
  pg.exec("CREATE TABLE IF NOT EXISTS " + s + ".customers (run text NOT NULL, line bigint NOT NULL, "
          "cycle text NOT NULL, record text NOT NULL, PRIMARY KEY (run, line))");
  pg.exec("CREATE INDEX IF NOT EXISTS customers_by_cycle ON " + s + ".customers (run, cycle)");
  pg.exec("CREATE TABLE IF NOT EXISTS " + s + ".partitions (run text NOT NULL, part text NOT NULL, "
          "status text NOT NULL DEFAULT 'pending', readings bigint NOT NULL, worker text, finished_at timestamptz, "
          "totals text, PRIMARY KEY (run, part))");
  pg.exec("CREATE TABLE IF NOT EXISTS " + s + ".readings (run text NOT NULL, line bigint NOT NULL, "
          "part text NOT NULL, record text NOT NULL, PRIMARY KEY (run, line))");
  pg.exec("CREATE INDEX IF NOT EXISTS readings_by_part ON " + s + ".readings (run, part, line)");
  pg.exec("CREATE TABLE IF NOT EXISTS " + s + ".bills (run text NOT NULL, line bigint NOT NULL, "
          "part text NOT NULL, customer text NOT NULL, bill text NOT NULL, PRIMARY KEY (run, line))");
  pg.exec("CREATE TABLE IF NOT EXISTS " + s + ".rejects (run text NOT NULL, source text NOT NULL, "
          "line bigint NOT NULL, part text, reject text NOT NULL, PRIMARY KEY (run, source, line))");
}

}  // namespace powerdesk::batch
