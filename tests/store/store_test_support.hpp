// What the store tests share: one database per test on either backend (a
// SQLite file in a temporary directory, or a PostgreSQL schema of its own,
// since ctest runs tests in parallel against one server) and sample input.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>

#include "application_store.hpp"
#include "sql_store.hpp"

namespace powerdesk::store::testing {

enum class Backend { Sqlite, Postgres };

// "sqlite" / "postgresql": the test name suffix, and what kind() says.
std::string backend_name(Backend backend);
// How GoogleTest (and so the ctest names) prints the parameter.
inline void PrintTo(Backend backend, std::ostream* out) { *out << backend_name(backend); }

// POWERDESK_TEST_PG_URL, set by ctest (fixture "postgres"). Throws when it is
// missing: a PostgreSQL test without a server fails, it is never skipped.
std::string postgres_base_url();

class TestDatabase {
 public:
  explicit TestDatabase(Backend backend);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  // What open_store gets: the SQLite file, or the URL selecting this test's
  // schema (options=-csearch_path) with application_name = the schema name.
  const std::string& location() const { return location_; }
  // PostgreSQL: the schema name (also the application_name of the store's connections).
  const std::string& schema() const { return schema_; }
  // Runs SQL beside the store on a connection of its own (in the test's
  // schema); returns the first column of the first row, or "".
  std::string exec(const std::string& sql) const;

 private:
  Backend backend_;
  std::string directory_;
  std::string schema_;
  std::string location_;
};

// A valid application; key and the rest vary per test.
NewApplication sample_application(const std::string& key, const std::string& request_hash = "hash-1",
                                  const std::string& region = "zhejiang", const std::string& business = "new_install",
                                  const std::string& accepted = "2025-06-02");

// The store's SQL side, for the tests that look at its connections.
SqlApplicationStore& sql_store(ApplicationStore& store);

// One database per test, parameterised by backend.
class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override { database_ = std::make_unique<TestDatabase>(GetParam()); }
  void TearDown() override {
    store_.reset();
    database_.reset();
  }
  TestDatabase& database() { return *database_; }
  std::unique_ptr<ApplicationStore> open() { return open_store(database_->location()); }
  // The test's main store, opened on first use.
  ApplicationStore& store() {
    if (!store_) store_ = open();
    return *store_;
  }

 private:
  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<ApplicationStore> store_;
};

struct BackendName {
  std::string operator()(const ::testing::TestParamInfo<Backend>& info) const { return backend_name(info.param); }
};

#define POWERDESK_STORE_BACKENDS                                                                           \
  ::testing::Values(::powerdesk::store::testing::Backend::Sqlite, ::powerdesk::store::testing::Backend::Postgres), \
      ::powerdesk::store::testing::BackendName()

}  // namespace powerdesk::store::testing
