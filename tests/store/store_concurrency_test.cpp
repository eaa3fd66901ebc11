// Many threads, and two store objects on one database (two server
// instances): migrations once, numbers unique, idempotency keys honoured,
// timelines without gaps. Counts are exact; nothing here depends on timing.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <thread>

#include "store_test_support.hpp"

namespace powerdesk::store::testing {
namespace {

class StoreConcurrency : public BackendTest {};

TEST_P(StoreConcurrency, StoresOpenedAtOnceMigrateOnce) {
  constexpr int kOpeners = 4;
  std::vector<std::unique_ptr<ApplicationStore>> stores(kOpeners);
  std::vector<std::string> errors(kOpeners);
  std::vector<std::thread> threads;
  for (int i = 0; i < kOpeners; ++i) {
    threads.emplace_back([&, i] {
      try {
        stores[static_cast<std::size_t>(i)] = open();
      } catch (const std::exception& e) {
        errors[static_cast<std::size_t>(i)] = e.what();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int i = 0; i < kOpeners; ++i) {
    EXPECT_EQ(errors[static_cast<std::size_t>(i)], "");
    ASSERT_TRUE(stores[static_cast<std::size_t>(i)]);
    EXPECT_EQ(stores[static_cast<std::size_t>(i)]->schema_version(), 1);
  }
  EXPECT_EQ(database().exec("SELECT COUNT(*) FROM schema_migrations"), "1");
}

TEST_P(StoreConcurrency, SubmissionsFromTwoInstancesGetUniqueNumbers) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 50;
  auto first = open();
  auto second = open();
  std::vector<std::vector<SubmitOutcome>> outcomes(kThreads);
  std::vector<std::string> errors(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ApplicationStore& store = t % 2 == 0 ? *first : *second;
      try {
        for (int i = 0; i < kPerThread; ++i) {
          std::string key = "key-" + std::to_string(t) + "-" + std::to_string(i);
          outcomes[static_cast<std::size_t>(t)].push_back(store.submit(sample_application(key)));
        }
      } catch (const std::exception& e) {
        errors[static_cast<std::size_t>(t)] = e.what();
      }
    });
  }
  for (std::thread& t : threads) t.join();

  const std::regex format("PD20250602[0-9]{6}");
  std::set<std::string> numbers;
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(errors[static_cast<std::size_t>(t)], "");
    for (const SubmitOutcome& o : outcomes[static_cast<std::size_t>(t)]) {
      EXPECT_EQ(o.status, SubmitStatus::Created);
      EXPECT_TRUE(std::regex_match(o.application.number, format)) << o.application.number;
      numbers.insert(o.application.number);
    }
  }
  EXPECT_EQ(numbers.size(), static_cast<std::size_t>(kThreads * kPerThread));
  EXPECT_EQ(first->count(), kThreads * kPerThread);
  EXPECT_EQ(second->count(), kThreads * kPerThread);
  // Both instances list the same records, in number order.
  ListFilter everything;
  everything.limit = 500;
  std::set<std::string> listed;
  for (const Application& a : second->list(everything)) listed.insert(a.number);
  EXPECT_EQ(listed, numbers);
  EXPECT_EQ(database().exec("SELECT COUNT(*) FROM events WHERE kind = 'submitted'"), "400");
}

TEST_P(StoreConcurrency, OneKeyFromEightThreadsCreatesOneRecord) {
  constexpr int kThreads = 8;
  auto first = open();
  auto second = open();
  std::vector<SubmitOutcome> outcomes(kThreads);
  std::vector<std::string> errors(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      try {
        outcomes[static_cast<std::size_t>(t)] = (t % 2 == 0 ? *first : *second).submit(sample_application("same"));
      } catch (const std::exception& e) {
        errors[static_cast<std::size_t>(t)] = e.what();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  int created = 0;
  int replayed = 0;
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(errors[static_cast<std::size_t>(t)], "");
    const SubmitOutcome& o = outcomes[static_cast<std::size_t>(t)];
    if (o.status == SubmitStatus::Created) ++created;
    if (o.status == SubmitStatus::Replayed) ++replayed;
    EXPECT_EQ(o.application.number, "PD20250602000001");
    EXPECT_EQ(o.application.timeline.size(), 1u);
  }
  EXPECT_EQ(created, 1);
  EXPECT_EQ(replayed, kThreads - 1);
  EXPECT_EQ(first->count(), 1);
  EXPECT_EQ(database().exec("SELECT COUNT(*) FROM events"), "1");
}

TEST_P(StoreConcurrency, ConcurrentStaffActionsKeepTheTimelineWhole) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 5;
  auto first = open();
  auto second = open();
  std::string number = first->submit(sample_application("a")).application.number;
  std::vector<std::string> errors(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ApplicationStore& store = t % 2 == 0 ? *first : *second;
      try {
        for (int i = 0; i < kPerThread; ++i) {
          std::string who = "staff-" + std::to_string(t);
          bool ok = i % 2 == 0 ? store.assign(number, who, who, "2025-06-02T10:00:00Z").has_value()
                               : store.complete_step(number, "step-" + std::to_string(t), "2025-06-03", who,
                                                     "2025-06-03T10:00:00Z")
                                     .has_value();
          if (!ok) errors[static_cast<std::size_t>(t)] = "unknown number";
        }
      } catch (const std::exception& e) {
        errors[static_cast<std::size_t>(t)] = e.what();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& error : errors) EXPECT_EQ(error, "");
  std::optional<Application> found = first->find(number);
  ASSERT_TRUE(found.has_value());
  ASSERT_EQ(found->timeline.size(), static_cast<std::size_t>(1 + kThreads * kPerThread));
  for (std::size_t i = 0; i < found->timeline.size(); ++i) EXPECT_EQ(found->timeline[i].seq, std::int64_t(i + 1));
  EXPECT_EQ(found->completed.size(), static_cast<std::size_t>(kThreads));
  EXPECT_EQ(first->audit_log(500).size(), static_cast<std::size_t>(kThreads * kPerThread));
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConcurrency, POWERDESK_STORE_BACKENDS);

}  // namespace
}  // namespace powerdesk::store::testing
