#include "store_test_support.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>

namespace powerdesk::store::testing {
namespace {

std::atomic<int> next_database{0};

std::string postgres_exec(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("test PostgreSQL connection failed: " + message);
  }
  PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  PGresult* result = PQexec(conn, sql.c_str());
  ExecStatusType status = PQresultStatus(result);
  std::string value;
  std::string error;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    error = PQresultErrorMessage(result);
  } else if (status == PGRES_TUPLES_OK && PQntuples(result) > 0 && PQnfields(result) > 0) {
    value = PQgetvalue(result, 0, 0);
  }
  PQclear(result);
  PQfinish(conn);
  if (!error.empty()) throw std::runtime_error("test SQL failed: " + sql + ": " + error);
  return value;
}

std::string sqlite_exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("test SQLite open failed: " + path);
  }
  sqlite3_busy_timeout(db, 15000);
  std::string value;
  bool first = true;
  char* error = nullptr;
  auto collect = [](void* out, int columns, char** values, char**) {
    auto* state = static_cast<std::pair<std::string*, bool*>*>(out);
    if (*state->second && columns > 0) {
      *state->first = values[0] ? values[0] : "";
      *state->second = false;
    }
    return 0;
  };
  std::pair<std::string*, bool*> state{&value, &first};
  int rc = sqlite3_exec(db, sql.c_str(), collect, &state, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  if (rc != SQLITE_OK) throw std::runtime_error("test SQL failed: " + sql + ": " + message);
  return value;
}

std::string postgres_schema_url(const std::string& schema) {
  std::string base = postgres_base_url();
  return base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
}

}  // namespace

std::string backend_name(Backend backend) { return backend == Backend::Sqlite ? "sqlite" : "postgresql"; }

std::string postgres_base_url() {
  const char* url = std::getenv("POWERDESK_TEST_PG_URL");
  if (url == nullptr || *url == '\0') {
    throw std::runtime_error(
        "POWERDESK_TEST_PG_URL is not set: run the PostgreSQL tests through ctest (fixture \"postgres\") "
        "or point it at a server, e.g. the URL tests/pg/postgres.sh start prints");
  }
  return url;
}

TestDatabase::TestDatabase(Backend backend) : backend_(backend) {
  int n = next_database++;
  if (backend == Backend::Sqlite) {
    std::string pattern = (std::filesystem::temp_directory_path() / "powerdesk-store-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    directory_ = pattern;
    location_ = directory_ + "/store.db";
    return;
  }
  // Lower-case letters, digits and _ only: no quoting needed.
  schema_ = "pdtest_" + std::to_string(getpid()) + "_" + std::to_string(n);
  postgres_exec(postgres_base_url(),
                "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE; CREATE SCHEMA " + schema_);
  location_ = postgres_schema_url(schema_) + "&application_name=" + schema_;
}

TestDatabase::~TestDatabase() {
  try {
    if (backend_ == Backend::Sqlite) {
      std::filesystem::remove_all(directory_);
    } else {
      postgres_exec(postgres_base_url(), "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    }
  } catch (const std::exception& e) {
    ADD_FAILURE() << "cleaning up the test database: " << e.what();
  }
}

std::string TestDatabase::exec(const std::string& sql) const {
  return backend_ == Backend::Sqlite ? sqlite_exec(location_, sql) : postgres_exec(postgres_schema_url(schema_), sql);
}

NewApplication sample_application(const std::string& key, const std::string& request_hash, const std::string& region,
                                  const std::string& business, const std::string& accepted) {
  NewApplication a;
  a.idempotency_key = key;
  a.request_hash = request_hash;
  a.region = region;
  a.business = business;
  a.variant = "low_voltage";
  a.request_json = "{\"business\":\"" + business + "\",\"key\":\"" + key + "\",\"region\":\"" + region + "\"}";
  a.accepted = accepted;
  a.secret_hash = "secret-hash-of-" + key;
  a.created_at = accepted + "T08:15:00Z";
  return a;
}

SqlApplicationStore& sql_store(ApplicationStore& store) {
  auto* sql = dynamic_cast<SqlApplicationStore*>(&store);
  if (sql == nullptr) throw std::runtime_error("not a SqlApplicationStore");
  return *sql;
}

}  // namespace powerdesk::store::testing
