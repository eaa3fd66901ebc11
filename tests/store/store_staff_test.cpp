// Staff actions (assign, complete_step: change + event + audit in one
// transaction), list filters and paging, the audit log.
#include <gtest/gtest.h>

#include "store_test_support.hpp"

namespace powerdesk::store::testing {
namespace {

class StoreStaff : public BackendTest {
 protected:
  std::string submit(const std::string& key, const std::string& region = "zhejiang",
                     const std::string& business = "new_install") {
    return store().submit(sample_application(key, "h", region, business)).application.number;
  }

  // Makes every audit insert for `action` fail inside the database, to show
  // the whole staff action then rolls back.
  void break_audit_for(const std::string& action) {
    if (GetParam() == Backend::Sqlite) {
      database().exec("CREATE TRIGGER refuse_" + action + " BEFORE INSERT ON audit_log WHEN NEW.action = '" + action +
                      "' BEGIN SELECT RAISE(ABORT, 'audit refused by test'); END");
    } else {
      database().exec("ALTER TABLE audit_log ADD CONSTRAINT refuse_" + action + " CHECK (action <> '" + action + "')");
    }
  }

  static ListFilter filter(const std::string& region, const std::string& business, const std::string& assignee,
                           const std::string& after = "", int limit = 50) {
    ListFilter f;
    f.region = region;
    f.business = business;
    f.assignee = assignee;
    f.after = after;
    f.limit = limit;
    return f;
  }

  static AuditEntry entry(const std::string& at, const std::string& actor, const std::string& action,
                          const std::string& target, const std::string& detail_json) {
    AuditEntry e;
    e.at = at;
    e.actor = actor;
    e.action = action;
    e.target = target;
    e.detail_json = detail_json;
    return e;
  }

  static std::vector<std::string> numbers(const std::vector<Application>& list) {
    std::vector<std::string> out;
    for (const Application& a : list) out.push_back(a.number);
    return out;
  }
};

TEST_P(StoreStaff, AssignWritesChangeEventAndAudit) {
  std::string number = submit("a");
  std::optional<Application> assigned = store().assign(number, "Wang Fang", "Li Lei", "2025-06-02T10:00:00Z");
  ASSERT_TRUE(assigned.has_value());
  EXPECT_EQ(assigned->assignee, "Wang Fang");
  EXPECT_EQ(assigned->updated_at, "2025-06-02T10:00:00Z");
  ASSERT_EQ(assigned->timeline.size(), 2u);
  const Event& e = assigned->timeline[1];
  EXPECT_EQ(e.seq, 2);
  EXPECT_EQ(e.at, "2025-06-02T10:00:00Z");
  EXPECT_EQ(e.kind, "assigned");
  EXPECT_EQ(e.actor, "Li Lei");
  EXPECT_EQ(e.assignee, "Wang Fang");
  EXPECT_EQ(e.step, "");

  std::vector<AuditEntry> log = store().audit_log(10);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].at, "2025-06-02T10:00:00Z");
  EXPECT_EQ(log[0].actor, "Li Lei");
  EXPECT_EQ(log[0].action, "assign");
  EXPECT_EQ(log[0].target, number);
  EXPECT_EQ(log[0].detail_json, "{\"assignee\":\"Wang Fang\"}");

  std::optional<Application> found = store().find(number);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->assignee, "Wang Fang");
  EXPECT_EQ(found->timeline.size(), 2u);
}

TEST_P(StoreStaff, CompleteStepOverwritesTheDateAndKeepsBothEvents) {
  std::string number = submit("a");
  ASSERT_TRUE(store().complete_step(number, "site_survey", "2025-06-03", "Li Lei", "2025-06-03T09:00:00Z"));
  std::optional<Application> again =
      store().complete_step(number, "site_survey", "2025-06-05", "Wang Fang", "2025-06-05T09:00:00Z");
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->completed, (std::map<std::string, std::string>{{"site_survey", "2025-06-05"}}));
  EXPECT_EQ(again->updated_at, "2025-06-05T09:00:00Z");
  ASSERT_EQ(again->timeline.size(), 3u);
  EXPECT_EQ(again->timeline[1].seq, 2);
  EXPECT_EQ(again->timeline[1].kind, "step_completed");
  EXPECT_EQ(again->timeline[1].step, "site_survey");
  EXPECT_EQ(again->timeline[1].date, "2025-06-03");
  EXPECT_EQ(again->timeline[1].actor, "Li Lei");
  EXPECT_EQ(again->timeline[2].seq, 3);
  EXPECT_EQ(again->timeline[2].date, "2025-06-05");
  EXPECT_EQ(again->timeline[2].actor, "Wang Fang");

  std::vector<AuditEntry> log = store().audit_log(10);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].action, "complete_step");
  EXPECT_EQ(log[0].actor, "Wang Fang");
  EXPECT_EQ(log[0].target, number);
  EXPECT_EQ(log[0].detail_json, "{\"date\":\"2025-06-05\",\"step\":\"site_survey\"}");
  EXPECT_EQ(log[1].detail_json, "{\"date\":\"2025-06-03\",\"step\":\"site_survey\"}");
  EXPECT_GT(log[0].id, log[1].id);
}

TEST_P(StoreStaff, DetailJsonEscapesNames) {
  std::string number = submit("a");
  ASSERT_TRUE(store().assign(number, "A \"B\"\\C", "Li Lei", "2025-06-02T10:00:00Z"));
  EXPECT_EQ(store().audit_log(1).at(0).detail_json, "{\"assignee\":\"A \\\"B\\\"\\\\C\"}");
}

TEST_P(StoreStaff, UnknownNumbersChangeNothing) {
  submit("a");
  EXPECT_FALSE(store().assign("PD20250602999999", "Wang Fang", "Li Lei", "2025-06-02T10:00:00Z").has_value());
  EXPECT_FALSE(
      store().complete_step("PD20250602999999", "site_survey", "2025-06-03", "Li Lei", "2025-06-03T09:00:00Z"));
  EXPECT_TRUE(store().audit_log(10).empty());
  EXPECT_EQ(database().exec("SELECT COUNT(*) FROM events"), "1");
}

TEST_P(StoreStaff, AssignIsAllOrNothing) {
  std::string number = submit("a");
  break_audit_for("assign");
  EXPECT_THROW(store().assign(number, "Wang Fang", "Li Lei", "2025-06-02T10:00:00Z"), StoreError);
  std::optional<Application> found = store().find(number);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->assignee, "");
  EXPECT_EQ(found->updated_at, "2025-06-02T08:15:00Z");
  EXPECT_EQ(found->timeline.size(), 1u);
  EXPECT_TRUE(store().audit_log(10).empty());
  // The connection that failed is still good for the next action.
  EXPECT_TRUE(store().complete_step(number, "site_survey", "2025-06-03", "Li Lei", "2025-06-03T09:00:00Z"));
}

TEST_P(StoreStaff, CompleteStepIsAllOrNothing) {
  std::string number = submit("a");
  break_audit_for("complete_step");
  EXPECT_THROW(store().complete_step(number, "site_survey", "2025-06-03", "Li Lei", "2025-06-03T09:00:00Z"),
               StoreError);
  std::optional<Application> found = store().find(number);
  ASSERT_TRUE(found.has_value());
  EXPECT_TRUE(found->completed.empty());
  EXPECT_EQ(found->timeline.size(), 1u);
  EXPECT_TRUE(store().audit_log(10).empty());
}

TEST_P(StoreStaff, ListFiltersInNumberOrder) {
  std::string a = submit("a", "zhejiang", "new_install");
  std::string b = submit("b", "shanghai", "new_install");
  std::string c = submit("c", "zhejiang", "capacity_change");
  std::string d = submit("d", "shanghai", "capacity_change");
  std::string e = submit("e", "zhejiang", "new_install");
  ASSERT_TRUE(store().assign(b, "Wang Fang", "Li Lei", "2025-06-02T10:00:00Z"));
  ASSERT_TRUE(store().assign(c, "Wang Fang", "Li Lei", "2025-06-02T10:00:00Z"));
  ASSERT_TRUE(store().assign(e, "Zhao Min", "Li Lei", "2025-06-02T10:00:00Z"));
  ASSERT_TRUE(store().complete_step(c, "site_survey", "2025-06-03", "Li Lei", "2025-06-03T09:00:00Z"));

  std::vector<Application> all = store().list({});
  EXPECT_EQ(numbers(all), (std::vector<std::string>{a, b, c, d, e}));
  for (const Application& x : all) EXPECT_TRUE(x.timeline.empty());
  EXPECT_EQ(all[2].completed, (std::map<std::string, std::string>{{"site_survey", "2025-06-03"}}));
  EXPECT_EQ(all[2].assignee, "Wang Fang");
  EXPECT_TRUE(all[0].completed.empty());

  EXPECT_EQ(numbers(store().list(filter("zhejiang", "", ""))), (std::vector<std::string>{a, c, e}));
  EXPECT_EQ(numbers(store().list(filter("", "capacity_change", ""))), (std::vector<std::string>{c, d}));
  EXPECT_EQ(numbers(store().list(filter("shanghai", "capacity_change", ""))),
            (std::vector<std::string>{d}));
  EXPECT_EQ(numbers(store().list(filter("", "", "Wang Fang"))), (std::vector<std::string>{b, c}));
  EXPECT_EQ(numbers(store().list(filter("", "", "-"))), (std::vector<std::string>{a, d}));
  EXPECT_EQ(numbers(store().list(filter("zhejiang", "", "-"))), (std::vector<std::string>{a}));
  EXPECT_TRUE(store().list(filter("beijing", "", "")).empty());
  // Completed steps belong to their own record even when filtered.
  std::vector<Application> wang = store().list(filter("", "", "Wang Fang"));
  ASSERT_EQ(wang.size(), 2u);
  EXPECT_TRUE(wang[0].completed.empty());
  EXPECT_EQ(wang[1].completed.size(), 1u);
}

TEST_P(StoreStaff, ListPagesByNumber) {
  std::vector<std::string> all;
  for (const char* key : {"a", "b", "c", "d", "e"}) all.push_back(submit(key));
  EXPECT_EQ(numbers(store().list(filter("", "", "", "", 2))), (std::vector<std::string>{all[0], all[1]}));
  EXPECT_EQ(numbers(store().list(filter("", "", "", all[1], 2))), (std::vector<std::string>{all[2], all[3]}));
  EXPECT_EQ(numbers(store().list(filter("", "", "", all[3], 2))), (std::vector<std::string>{all[4]}));
  EXPECT_TRUE(store().list(filter("", "", "", all[4], 2)).empty());
  // Limits are clamped to 1..500.
  EXPECT_EQ(numbers(store().list(filter("", "", "", "", 0))), (std::vector<std::string>{all[0]}));
  EXPECT_EQ(numbers(store().list(filter("", "", "", "", -5))), (std::vector<std::string>{all[0]}));
  EXPECT_EQ(store().list(filter("", "", "", "", 100000)).size(), 5u);
  // Paging combines with filters.
  EXPECT_EQ(numbers(store().list(filter("zhejiang", "", "", all[2], 1))),
            (std::vector<std::string>{all[3]}));
}

TEST_P(StoreStaff, AuditLogIsNewestFirst) {
  store().audit(entry("2025-06-02T10:00:00Z", "Li Lei", "list", "", "{\"count\":3}"));
  store().audit(entry("2025-06-02T10:01:00Z", "Li Lei", "view", "PD20250602000001", ""));
  store().audit(entry("2025-06-02T10:02:00Z", "Wang Fang", "complete_step_refused", "PD20250602000001",
                      "{\"step\":\"x\"}"));
  std::vector<AuditEntry> two = store().audit_log(2);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[0].action, "complete_step_refused");
  EXPECT_EQ(two[0].actor, "Wang Fang");
  EXPECT_EQ(two[0].detail_json, "{\"step\":\"x\"}");
  EXPECT_EQ(two[1].action, "view");
  EXPECT_EQ(two[1].target, "PD20250602000001");
  EXPECT_EQ(two[1].detail_json, "{}");  // empty detail is stored as an empty object
  std::vector<AuditEntry> all = store().audit_log(500);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2].action, "list");
  EXPECT_EQ(all[2].target, "");
  EXPECT_EQ(all[2].detail_json, "{\"count\":3}");
  EXPECT_GT(all[0].id, all[1].id);
  EXPECT_GT(all[1].id, all[2].id);
  EXPECT_EQ(store().audit_log(0).size(), 1u);  // clamped to 1..500
  EXPECT_EQ(store().count(), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreStaff, POWERDESK_STORE_BACKENDS);

}  // namespace
}  // namespace powerdesk::store::testing
