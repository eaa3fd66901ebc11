// Migrations, submit (created / replayed / key conflict), numbers, find.
#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace powerdesk::store::testing {
namespace {

class StoreSubmit : public BackendTest {};

TEST_P(StoreSubmit, MigrationsAreIdempotent) {
  {
    auto first = open();
    EXPECT_EQ(first->schema_version(), 1);
    EXPECT_EQ(first->kind(), backend_name(GetParam()));
  }
  auto second = open();
  EXPECT_EQ(second->schema_version(), 1);
  EXPECT_EQ(database().exec("SELECT COUNT(*) FROM schema_migrations"), "1");
  EXPECT_EQ(second->count(), 0);
}

TEST_P(StoreSubmit, NewerSchemaIsRefused) {
  open();
  database().exec("INSERT INTO schema_migrations (version) VALUES (99)");
  try {
    open();
    FAIL() << "expected StoreError";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("version 99"), std::string::npos) << e.what();
  }
}

TEST_P(StoreSubmit, SubmitCreatesRecordWithNumberAndSubmittedEvent) {
  NewApplication input = sample_application("key-1");
  SubmitOutcome outcome = store().submit(input);
  EXPECT_EQ(outcome.status, SubmitStatus::Created);
  const Application& a = outcome.application;
  EXPECT_EQ(a.number, "PD20250602000001");
  EXPECT_EQ(a.region, "zhejiang");
  EXPECT_EQ(a.business, "new_install");
  EXPECT_EQ(a.variant, "low_voltage");
  EXPECT_EQ(a.request_json, input.request_json);
  EXPECT_EQ(a.request_hash, "hash-1");
  EXPECT_EQ(a.accepted, "2025-06-02");
  EXPECT_EQ(a.secret_hash, "secret-hash-of-key-1");
  EXPECT_EQ(a.assignee, "");
  EXPECT_EQ(a.created_at, "2025-06-02T08:15:00Z");
  EXPECT_EQ(a.updated_at, "2025-06-02T08:15:00Z");
  EXPECT_TRUE(a.completed.empty());
  ASSERT_EQ(a.timeline.size(), 1u);
  EXPECT_EQ(a.timeline[0].seq, 1);
  EXPECT_EQ(a.timeline[0].at, "2025-06-02T08:15:00Z");
  EXPECT_EQ(a.timeline[0].kind, "submitted");
  EXPECT_EQ(a.timeline[0].actor, "applicant");
  EXPECT_EQ(a.timeline[0].step, "");
  EXPECT_EQ(a.timeline[0].date, "");
  EXPECT_EQ(a.timeline[0].assignee, "");
  EXPECT_EQ(store().count(), 1);

  std::optional<Application> found = store().find("PD20250602000001");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->request_json, input.request_json);
  ASSERT_EQ(found->timeline.size(), 1u);
  EXPECT_EQ(found->timeline[0].kind, "submitted");
}

TEST_P(StoreSubmit, EmptyVariantRoundTrips) {
  NewApplication input = sample_application("key-1");
  input.variant = "";
  EXPECT_EQ(store().submit(input).application.variant, "");
}

TEST_P(StoreSubmit, SameKeyAndHashReplaysTheStoredRecord) {
  SubmitOutcome first = store().submit(sample_application("key-1"));
  NewApplication retry = sample_application("key-1");
  retry.created_at = "2025-06-02T09:00:00Z";  // a later retry of the same request
  SubmitOutcome again = store().submit(retry);
  EXPECT_EQ(again.status, SubmitStatus::Replayed);
  EXPECT_EQ(again.application.number, first.application.number);
  EXPECT_EQ(again.application.created_at, "2025-06-02T08:15:00Z");
  EXPECT_EQ(again.application.timeline.size(), 1u);
  EXPECT_EQ(store().count(), 1);
}

TEST_P(StoreSubmit, SameKeyOtherHashIsAConflict) {
  SubmitOutcome first = store().submit(sample_application("key-1", "hash-1"));
  SubmitOutcome other = store().submit(sample_application("key-1", "hash-2", "shanghai"));
  EXPECT_EQ(other.status, SubmitStatus::KeyConflict);
  EXPECT_EQ(other.application.number, first.application.number);
  EXPECT_EQ(other.application.request_hash, "hash-1");
  EXPECT_EQ(other.application.region, "zhejiang");
  EXPECT_EQ(store().count(), 1);
}

TEST_P(StoreSubmit, NumbersCarryTheAcceptedDateAndTheSequence) {
  EXPECT_EQ(store().submit(sample_application("a", "h", "zhejiang", "new_install", "2025-06-02")).application.number,
            "PD20250602000001");
  EXPECT_EQ(store().submit(sample_application("b", "h", "zhejiang", "new_install", "2025-06-03")).application.number,
            "PD20250603000002");
  EXPECT_EQ(store().submit(sample_application("c", "h", "zhejiang", "new_install", "2025-12-31")).application.number,
            "PD20251231000003");
}

TEST_P(StoreSubmit, NumbersStayUniqueAcrossReopening) {
  std::string first = store().submit(sample_application("a")).application.number;
  auto other = open();
  std::string second = other->submit(sample_application("b")).application.number;
  EXPECT_EQ(first, "PD20250602000001");
  EXPECT_EQ(second, "PD20250602000002");
}

TEST_P(StoreSubmit, MalformedAcceptedDateIsRefusedWithoutWriting) {
  EXPECT_THROW(store().submit(sample_application("a", "h", "zhejiang", "new_install", "2025/06/02")), StoreError);
  EXPECT_EQ(store().count(), 0);
}

TEST_P(StoreSubmit, FindUnknownNumberIsEmpty) {
  store().submit(sample_application("a"));
  EXPECT_FALSE(store().find("PD20250602999999").has_value());
  EXPECT_FALSE(store().find("").has_value());
}

TEST_P(StoreSubmit, StringsRoundTripExactly) {
  NewApplication input = sample_application("键-1");
  input.request_json = "{\"name\":\"张三 'quoted' \\\"x\\\"\",\"note\":\"line\\nbreak\"}";
  input.region = "浙江";
  SubmitOutcome outcome = store().submit(input);
  std::optional<Application> found = store().find(outcome.application.number);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->request_json, input.request_json);
  EXPECT_EQ(found->region, "浙江");
  EXPECT_EQ(store().submit(input).status, SubmitStatus::Replayed);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreSubmit, POWERDESK_STORE_BACKENDS);

}  // namespace
}  // namespace powerdesk::store::testing
