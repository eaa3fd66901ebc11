// ApplicationStore over either backend: the store's statements and
// transactions, written once against SqlConnection and a connection pool.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "application_store.hpp"
#include "connection_pool.hpp"

namespace powerdesk::store {

// The most connections one store opens; callers beyond wait for one.
inline constexpr std::size_t kPoolCapacity = 8;

class SqlApplicationStore final : public ApplicationStore {
 public:
  // `seed` is the connection that ran the migrations; it joins the pool.
  SqlApplicationStore(std::string kind, ConnectionPool::Factory factory, std::unique_ptr<SqlConnection> seed);

  SubmitOutcome submit(const NewApplication& application) override;
  std::optional<Application> find(const std::string& number) override;
  std::vector<Application> list(const ListFilter& filter) override;
  std::optional<Application> assign(const std::string& number, const std::string& assignee, const std::string& actor,
                                    const std::string& at) override;
  std::optional<Application> complete_step(const std::string& number, const std::string& step,
                                           const std::string& date, const std::string& actor,
                                           const std::string& at) override;
  void audit(const AuditEntry& entry) override;
  std::vector<AuditEntry> audit_log(int limit) override;
  std::int64_t count() override;
  int schema_version() override;
  std::string kind() const override;

  // The first column of the first row of `sql`, run on a pooled connection
  // (diagnostics and tests, e.g. "PRAGMA synchronous"). Never with user input.
  std::string query_value(const std::string& sql);

 private:
  std::string kind_;
  ConnectionPool pool_;
};

// "PD" + YYYYMMDD of `accepted` + `sequence` zero-padded to at least 6 digits.
// Throws StoreError when `accepted` is not YYYY-MM-DD.
std::string application_number(const std::string& accepted, std::int64_t sequence);

}  // namespace powerdesk::store
