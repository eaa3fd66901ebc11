// open_store's location handling and errors, SQLite's durability settings,
// PostgreSQL reconnecting after the server dropped a connection.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "location.hpp"
#include "sqlite_connection.hpp"
#include "store_test_support.hpp"

namespace powerdesk::store::testing {
namespace {

std::string open_error(const std::string& location) {
  try {
    open_store(location);
  } catch (const StoreError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(StoreLocation, ChoosesTheBackendFromTheScheme) {
  EXPECT_EQ(parse_store_location("postgresql://h/db").backend, StoreLocation::Backend::Postgres);
  EXPECT_EQ(parse_store_location("postgres://h/db").backend, StoreLocation::Backend::Postgres);
  EXPECT_EQ(parse_store_location("/var/lib/powerdesk.db").backend, StoreLocation::Backend::Sqlite);
  EXPECT_EQ(parse_store_location("sqlite:data/x.db").target, "data/x.db");
  EXPECT_EQ(parse_store_location("sqlite:///var/lib/x.db").target, "/var/lib/x.db");
  EXPECT_EQ(parse_store_location("x.db").target, "x.db");
}

TEST(StoreLocation, DisplayHidesPasswords) {
  StoreLocation a = parse_store_location("postgresql://u:secretpw@db.example:5432/x?sslmode=require");
  EXPECT_EQ(a.display, "postgresql://u:***@db.example:5432/x?sslmode=require");
  EXPECT_EQ(a.target, "postgresql://u:secretpw@db.example:5432/x?sslmode=require");
  StoreLocation b = parse_store_location("postgres://u@h/x?sslmode=disable&password=p%40ss&application_name=a");
  EXPECT_EQ(b.display, "postgres://u@h/x?sslmode=disable&password=***&application_name=a");
  EXPECT_EQ(b.secrets, (std::vector<std::string>{"p%40ss", "p@ss"}));
  EXPECT_EQ(parse_store_location("postgresql://u@h/x").display, "postgresql://u@h/x");
  EXPECT_EQ(scrub_secrets("bad p@ss here", b.secrets), "bad *** here");
}

TEST(StoreLocation, RefusesEmptyAndInMemoryPaths) {
  EXPECT_THROW(parse_store_location(""), StoreError);
  EXPECT_THROW(parse_store_location("sqlite:"), StoreError);
  EXPECT_THROW(parse_store_location(":memory:"), StoreError);
}

TEST(ApplicationNumber, PadsToSixDigitsAndGrowsBeyond) {
  EXPECT_EQ(application_number("2025-06-02", 42), "PD20250602000042");
  EXPECT_EQ(application_number("2025-06-02", 999999), "PD20250602999999");
  EXPECT_EQ(application_number("2025-06-02", 1234567), "PD202506021234567");
  EXPECT_THROW(application_number("2025-6-2", 1), StoreError);
  EXPECT_THROW(application_number("20250602xx", 1), StoreError);
}

TEST(OpenStore, SqlitePrefixIsOptional) {
  TestDatabase db(Backend::Sqlite);
  open_store("sqlite:" + db.location())->submit(sample_application("a"));
  auto plain = open_store(db.location());
  EXPECT_EQ(plain->kind(), "sqlite");
  EXPECT_EQ(plain->count(), 1);
}

TEST(OpenStore, UnopenableSqlitePathNamesThePath) {
  std::string message = open_error("/nonexistent-powerdesk-dir/sub/store.db");
  EXPECT_NE(message.find("/nonexistent-powerdesk-dir/sub/store.db"), std::string::npos) << message;
  EXPECT_NE(message.find("SQLite"), std::string::npos) << message;
}

TEST(OpenStore, UnreachablePostgresDoesNotRevealThePassword) {
  std::string message = open_error("postgresql://u:secretpw@127.0.0.1:1/x");
  EXPECT_EQ(message.find("secretpw"), std::string::npos) << message;
  EXPECT_NE(message.find("cannot connect to PostgreSQL at postgresql://u:***@127.0.0.1:1/x"), std::string::npos)
      << message;
  std::string query = open_error("postgres://u@127.0.0.1:1/x?password=secretpw2");
  EXPECT_EQ(query.find("secretpw2"), std::string::npos) << query;
  EXPECT_NE(query.find("password=***"), std::string::npos) << query;
}

TEST(SqliteDurability, WalFullSyncBusyTimeoutForeignKeys) {
  TestDatabase db(Backend::Sqlite);
  auto store = open_store(db.location());
  SqlApplicationStore& sql = sql_store(*store);
  EXPECT_EQ(sql.query_value("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(sql.query_value("PRAGMA synchronous"), "2");  // FULL
  EXPECT_EQ(sql.query_value("PRAGMA foreign_keys"), "1");
  EXPECT_EQ(sql.query_value("PRAGMA busy_timeout"), std::to_string(kSqliteBusyTimeoutMs));
  // WAL is recorded in the file itself: a fresh connection sees it.
  EXPECT_EQ(db.exec("PRAGMA journal_mode"), "wal");
}

TEST(SqliteDurability, ForeignKeysAreEnforced) {
  TestDatabase db(Backend::Sqlite);
  auto store = open_store(db.location());
  EXPECT_THROW(sql_store(*store).query_value(
                   "INSERT INTO events (application_id, seq, at, kind, actor) VALUES (12345, 1, 'x', 'x', 'x') "
                   "RETURNING seq"),
               StoreError);
}

// The PostgreSQL-only cases run with the fixture (see CMakeLists.txt).
TEST(PostgresOnly, ReconnectsAfterTheServerDroppedItsConnections) {
  TestDatabase db(Backend::Postgres);
  auto store = open_store(db.location());
  store->submit(sample_application("a"));
  // Ends every connection of this store (they carry the schema name as
  // application_name) and waits until they are gone.
  std::string killed = db.exec(
      "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity "
      "WHERE application_name = '" + db.schema() + "') AS t");
  EXPECT_EQ(killed, "1");
  EXPECT_EQ(store->count(), 1);
  EXPECT_EQ(store->submit(sample_application("b")).application.number, "PD20250602000002");
}

TEST(PostgresOnly, MissingSchemaIsAClearError) {
  std::string url = postgres_base_url();
  std::string message = open_error(url + (url.find('?') == std::string::npos ? "?" : "&") +
                                   "options=-csearch_path%3Dpowerdesk_no_such_schema");
  EXPECT_NE(message.find("PostgreSQL at"), std::string::npos) << message;
}

}  // namespace
}  // namespace powerdesk::store::testing
