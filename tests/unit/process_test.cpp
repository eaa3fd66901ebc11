// Business processes (业务流程) on the real national pack: the catalogue's 29
// businesses and their citations; due dates counted by hand on the 2025
// calendar (春节 28 Jan – 4 Feb with 26 Jan and 8 Feb worked; 国庆中秋 1–8 Oct
// with 28 Sep and 11 Oct worked; 清明 4 Apr); the customer's steps stopping
// the utility clock; the loader's refusals; the facade and its errors.
#include "powerdesk/api.hpp"
#include "powerdesk/process.hpp"
#include "powerdesk/rulepack.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "golden.hpp"

namespace powerdesk {
namespace {

using Json = nlohmann::json;

const std::string kNationalFile = std::string(POWERDESK_SOURCE_DIR) + "/rules/national/cn-national-2024.json";

const RulePack& national() {
  static auto pack = load_pack(testing::read_file(kNationalFile), "national");
  if (!pack.ok()) throw std::runtime_error("national pack refused: " + pack.issues().front().path);
  return *pack.value();
}

const Engine& engine() {
  static const Engine e = testing::real_rules_engine();
  return e;
}

Date d(const char* iso) { return *Date::parse(iso); }

const BusinessType& business(const std::string& id) { return national().businesses.at(id); }

ProcessProgress progress(const std::string& id, const std::string& variant, const char* accepted,
                         std::map<std::string, Date> completed = {}, std::optional<Date> today = std::nullopt) {
  ProcessInput in{variant, d(accepted), std::move(completed), today};
  auto p = process_progress(business(id), in, national().calendar);
  if (!p.ok()) {
    ADD_FAILURE() << "refused: " << code_name(p.issues().front().code) << " at " << p.issues().front().path << ": "
                  << p.issues().front().message.en;
    return {};
  }
  return p.value();
}

const StepProgress& step(const ProcessProgress& p, const std::string& id) {
  for (const StepProgress& s : p.steps)
    if (s.step->id == id) return s;
  throw std::runtime_error("no step " + id);
}

std::string due(const ProcessProgress& p, const std::string& id) {
  const auto& s = step(p, id);
  return s.due ? s.due->iso() : "none";
}

Issue first_issue(const std::string& id, const ProcessInput& in) {
  auto p = process_progress(business(id), in, national().calendar);
  EXPECT_FALSE(p.ok());
  return p.ok() ? Issue{} : p.issues().front();
}

// ---- the catalogue -----------------------------------------------------------

TEST(ProcessCatalogue, HasEveryBusinessWithItsChineseName) {
  const std::map<std::string, std::string> expected = {
      {"new_lv_residential", "低压居民新装"}, {"new_lv_non_residential", "低压非居民新装"}, {"new_hv", "高压新装"},
      {"capacity_increase", "增容"}, {"reduction_permanent", "永久性减容"}, {"reduction_temporary", "非永久性减容"},
      {"reduction_restore", "减容恢复"}, {"suspension", "暂停"}, {"suspension_restore", "暂停恢复"},
      {"temporary_swap", "暂换"}, {"temporary_swap_restore", "暂换恢复"}, {"relocation", "迁址"},
      {"meter_relocation", "移表"}, {"temporary_removal", "暂拆"}, {"reinstallation", "复装"}, {"rename", "更名"},
      {"transfer", "过户"}, {"split", "分户"}, {"merge", "并户"}, {"closure", "销户"}, {"voltage_change", "改压"},
      {"class_change", "改类"}, {"temporary_supply_metered", "装表临时用电"},
      {"temporary_supply_unmetered", "无表临时用电"}, {"temporary_supply_extension", "临时用电延期"},
      {"temporary_supply_termination", "临时用电终止"}, {"pv_connection", "分布式光伏并网"},
      {"ev_charging_connection", "充换电设施接入"}, {"substitution_project", "电能替代潜力项目"}};
  ASSERT_EQ(national().businesses.size(), 29u);
  for (const auto& [id, zh] : expected) {
    ASSERT_TRUE(national().businesses.count(id)) << id;
    EXPECT_EQ(business(id).name.zh, zh) << id;
    EXPECT_FALSE(business(id).name.en.empty()) << id;
  }
}

TEST(ProcessCatalogue, EveryProcessStartsWithAcceptanceAndEveryLimitIsCited) {
  for (const auto& [id, b] : national().businesses) {
    ASSERT_FALSE(b.steps.empty()) << id;
    EXPECT_EQ(b.steps.front().id, "acceptance") << id;
    std::vector<std::string> variants{""};
    if (!b.variants.empty()) {
      variants.clear();
      for (const auto& [v, name] : b.variants) variants.push_back(v);
    }
    for (const std::string& v : variants) EXPECT_GE(b.steps_for(v).size(), 2u) << id << " " << v;
    for (const ProcessStep& s : b.steps) {
      if (s.party == Party::Customer) {
        EXPECT_FALSE(s.limit.any()) << id << "/" << s.id;
      }
      if (!s.limit.any()) continue;
      ASSERT_TRUE(s.citation) << id << "/" << s.id;
      EXPECT_FALSE(s.citation->document.empty()) << id << "/" << s.id;
      // The evidence tag of the facts sheet travels with every limit.
      const std::string& note = s.citation->note;
      EXPECT_TRUE(note.find("[V") != std::string::npos || note.find("[P") != std::string::npos ||
                  note.find("[?]") != std::string::npos || note.find("[assumed]") != std::string::npos)
          << id << "/" << s.id << ": " << note;
    }
  }
}

TEST(ProcessCatalogue, CommitmentsAndVariantLimitsAreTheFactsSheetFigures) {
  EXPECT_EQ(business("new_lv_residential").commitment->limit.for_variant(""), 5);
  EXPECT_EQ(business("new_lv_non_residential").commitment->limit.for_variant(""), 15);
  const ProcessStep& plan = *business("new_hv").steps_for("single_source")[2];
  ASSERT_EQ(plan.id, "supply_plan");
  EXPECT_EQ(plan.limit.for_variant("single_source"), 15);
  EXPECT_EQ(plan.limit.for_variant("dual_source"), 30);
  EXPECT_EQ(business("new_hv").steps_for("dual_source")[business("new_hv").steps.size() - 2]->id, "energization");
  EXPECT_EQ(business("new_hv").steps_for("dual_source")[business("new_hv").steps.size() - 2]->limit.days, 5);
  // Capacity increase: LV variants have no design review; HV ones do.
  auto ids = [](const std::vector<const ProcessStep*>& steps) {
    std::vector<std::string> out;
    for (const ProcessStep* s : steps) out.push_back(s->id);
    return out;
  };
  EXPECT_EQ(ids(business("capacity_increase").steps_for("lv_residential")),
            (std::vector<std::string>{"acceptance", "survey", "supply_plan", "energization", "archive"}));
  EXPECT_EQ(business("capacity_increase").steps_for("hv_dual_source").size(), 12u);
  EXPECT_FALSE(business("capacity_increase").commitment->limit.for_variant("hv_single_source"));
}

// ---- due dates ---------------------------------------------------------------

// LV residential accepted Friday 24 Jan 2025, just before 春节: Sunday 26 Jan
// is worked (调休), 28 Jan – 4 Feb are holidays. Working days after 24 Jan:
// 26 Jan (1), 27 Jan (2), 5 Feb (3), 6 Feb (4), 7 Feb (5).
TEST(ProcessDueDates, SpringFestivalWithMakeUpSunday) {
  const ProcessProgress p = progress("new_lv_residential", "", "2025-01-24", {}, d("2025-01-24"));
  EXPECT_EQ(step(p, "acceptance").status, StepStatus::Done);
  EXPECT_EQ(step(p, "survey").status, StepStatus::Due);
  EXPECT_EQ(step(p, "survey").reason, NoDueReason::NoLimit);
  EXPECT_EQ(due(p, "supply_plan"), "2025-01-27");  // 2 working days from acceptance
  EXPECT_FALSE(step(p, "supply_plan").projected);
  EXPECT_EQ(step(p, "supply_plan").status, StepStatus::NotStarted);
  EXPECT_EQ(due(p, "energization"), "2025-02-07");  // 3 after 27 Jan: 5, 6, 7 Feb
  EXPECT_TRUE(step(p, "energization").projected);
  ASSERT_TRUE(p.overall);
  EXPECT_EQ(p.overall->due->iso(), "2025-02-07");
  EXPECT_EQ(p.overall->paused_working_days, 0);
}

// Saturday 8 Feb 2025 is worked: a step due 3 working days after 5 Feb
// falls on it (6, 7, 8 Feb).
TEST(ProcessDueDates, MakeUpSaturdayCanBeADueDate) {
  const ProcessProgress p = progress("new_lv_residential", "", "2025-01-24",
                                     {{"survey", d("2025-01-27")}, {"supply_plan", d("2025-02-05")}});
  EXPECT_TRUE(step(p, "supply_plan").late);  // due 27 Jan
  EXPECT_EQ(step(p, "supply_plan").took_working_days, 3);
  EXPECT_EQ(due(p, "energization"), "2025-02-08");
  EXPECT_FALSE(step(p, "energization").projected);
  EXPECT_EQ(step(p, "energization").status, StepStatus::Due);
  EXPECT_EQ(p.overall->due->iso(), "2025-02-07");  // the overall promise does not move
}

// HV accepted Monday 15 Sep 2025, across 国庆中秋 (1–8 Oct; 28 Sep and
// 11 Oct worked). Single source, 15 working days: 16–19, 22–26 Sep (9),
// 28 (10), 29, 30 Sep (12), 9, 10 Oct (14), Saturday 11 Oct (15).
// Dual source, 30: 13–17 Oct (20), 20–24 (25), 27–31 (30).
TEST(ProcessDueDates, NationalDaySingleAndDualSource) {
  EXPECT_EQ(due(progress("new_hv", "single_source", "2025-09-15"), "supply_plan"), "2025-10-11");
  EXPECT_EQ(due(progress("new_hv", "dual_source", "2025-09-15"), "supply_plan"), "2025-10-31");
}

// The supply plan counts from acceptance (clock_from), so it has a firm due
// date while the survey is still open; 4 April 2025 (清明) is a holiday:
// 30 working days after 3 March 2025 is 15 April.
TEST(ProcessDueDates, SupplyPlanCountsFromAcceptanceAcrossQingming) {
  const ProcessProgress p = progress("new_hv", "dual_source", "2025-03-03", {{"survey", d("2025-03-06")}},
                                     d("2025-03-20"));
  EXPECT_EQ(step(p, "survey").status, StepStatus::Done);
  EXPECT_EQ(step(p, "supply_plan").status, StepStatus::Due);
  EXPECT_EQ(due(p, "supply_plan"), "2025-04-15");
  EXPECT_EQ(step(p, "supply_plan").clock_from, "acceptance");
  EXPECT_FALSE(step(p, "supply_plan").overdue);
  // The customer's design is next: the utility clock stops there.
  EXPECT_EQ(step(p, "design_submission").reason, NoDueReason::CustomerStep);
  EXPECT_EQ(step(p, "design_review").reason, NoDueReason::WaitingForCustomer);
  EXPECT_EQ(step(p, "design_review").reason_step, "design_submission");
  EXPECT_FALSE(step(p, "energization").due);
  EXPECT_EQ(step(p, "energization").reason_step, "contract");  // its clock starts at signing
  EXPECT_FALSE(p.overall);  // HV promises step limits only
}

// Single source due 24 Mar (3 Mar + 15: 4–7, 10–14, 17–21, 24 Mar).
TEST(ProcessDueDates, LateAndOverdue) {
  const ProcessProgress late = progress("new_hv", "single_source", "2025-03-03",
                                        {{"survey", d("2025-03-05")}, {"supply_plan", d("2025-03-25")}});
  EXPECT_EQ(due(late, "supply_plan"), "2025-03-24");
  EXPECT_TRUE(step(late, "supply_plan").late);
  EXPECT_EQ(step(late, "supply_plan").took_working_days, 16);
  EXPECT_EQ(step(late, "design_submission").status, StepStatus::WaitingForCustomer);

  const ProcessProgress open = progress("new_hv", "single_source", "2025-03-03", {{"survey", d("2025-03-05")}},
                                        d("2025-03-25"));
  EXPECT_TRUE(step(open, "supply_plan").overdue);
  const ProcessProgress on_the_day = progress("new_hv", "single_source", "2025-03-03", {}, d("2025-03-24"));
  EXPECT_FALSE(step(on_the_day, "supply_plan").overdue);
}

// LV non-residential: 15 utility working days, the customer's works excluded.
// Accepted Mon 20 Jan 2025; plan replied Wed 22 Jan (2 days used, 13 left);
// customer works done Mon 10 Feb: paused 23, 24, 26 (Sun, worked), 27 Jan,
// 5, 6, 7, 8 (Sat, worked), 10 Feb = 9 working days. 13 more after 10 Feb:
// 11–14, 17–21, 24–27 Feb → 27 Feb. Energisation: 5 after 10 Feb → 17 Feb.
TEST(ProcessDueDates, CustomerWorksPauseTheOverallPromise) {
  const std::map<std::string, Date> before_works{{"survey", d("2025-01-21")}, {"supply_plan", d("2025-01-22")}};
  const ProcessProgress waiting = progress("new_lv_non_residential", "", "2025-01-20", before_works);
  EXPECT_EQ(step(waiting, "supply_plan").took_working_days, 2);
  EXPECT_FALSE(step(waiting, "supply_plan").late);  // due 23 Jan
  EXPECT_EQ(step(waiting, "construction").status, StepStatus::WaitingForCustomer);
  EXPECT_EQ(step(waiting, "energization").reason, NoDueReason::WaitingForCustomer);
  ASSERT_TRUE(waiting.overall);
  EXPECT_FALSE(waiting.overall->due);
  EXPECT_EQ(waiting.overall->reason_step, "construction");

  auto done = before_works;
  done.emplace("construction", d("2025-02-10"));
  const ProcessProgress p = progress("new_lv_non_residential", "", "2025-01-20", done);
  EXPECT_EQ(due(p, "energization"), "2025-02-17");
  EXPECT_EQ(p.overall->due->iso(), "2025-02-27");
  EXPECT_EQ(p.overall->paused_working_days, 9);

  done.emplace("energization", d("2025-02-14"));
  const ProcessProgress finished = progress("new_lv_non_residential", "", "2025-01-20", done);
  EXPECT_FALSE(finished.overall->late);
  EXPECT_EQ(finished.overall->completed->iso(), "2025-02-14");
  EXPECT_EQ(step(finished, "archive").status, StepStatus::Due);
}

// 暂停 accepted Fri 26 Sep 2025: survey 2 working days → Sun 28 Sep (worked),
// Mon 29 Sep. Sealing 5 after 29 Sep: 30 Sep, 9, 10, 11 (Sat, worked), 13 Oct.
TEST(ProcessDueDates, ChangeStepsAcrossNationalDay) {
  const ProcessProgress p = progress("suspension", "", "2025-09-26", {{"survey", d("2025-09-29")}});
  EXPECT_EQ(due(p, "survey"), "2025-09-29");
  EXPECT_FALSE(step(p, "survey").late);
  EXPECT_EQ(due(p, "seal"), "2025-10-13");
}

// A skipped optional step (中间检查) is not an error; its successor counts
// from the step before it. Completion inspection: 5 after Fri 30 May 2025 →
// 3, 4, 5, 6, 9 Jun (31 May – 2 Jun is the 端午 holiday).
TEST(ProcessDueDates, OptionalStepSkipped) {
  const ProcessProgress p = progress("new_hv", "single_source", "2025-03-03",
                                     {{"survey", d("2025-03-05")}, {"supply_plan", d("2025-03-20")},
                                      {"design_submission", d("2025-04-01")}, {"design_review", d("2025-04-10")},
                                      {"construction", d("2025-05-20")}, {"completion_report", d("2025-05-30")}});
  EXPECT_EQ(step(p, "mid_inspection").status, StepStatus::Skipped);
  EXPECT_EQ(step(p, "completion_inspection").clock_from, "completion_report");
  EXPECT_EQ(due(p, "completion_inspection"), "2025-06-09");
  // design review: 10 after Tue 1 Apr → 2, 3, 7–11 (4 Apr 清明), 14, 15, 16 Apr; done 10 Apr on time.
  EXPECT_EQ(due(p, "design_review"), "2025-04-16");
  EXPECT_FALSE(step(p, "design_review").late);
}

// ---- refusals of the due-date function -----------------------------------------

TEST(ProcessDueDates, RefusesInconsistentInput) {
  Issue i = first_issue("new_hv", {"", d("2025-03-03"), {}, std::nullopt});
  EXPECT_EQ(i.code, Code::FieldMissing);
  EXPECT_EQ(i.path, "/variant");
  i = first_issue("new_hv", {"triple_source", d("2025-03-03"), {}, std::nullopt});
  EXPECT_EQ(i.code, Code::EnumInvalid);
  i = first_issue("suspension", {"dual_source", d("2025-03-03"), {}, std::nullopt});
  EXPECT_EQ(i.code, Code::EnumInvalid);
  i = first_issue("suspension", {"", d("2025-03-03"), {{"design_review", d("2025-03-04")}}, std::nullopt});
  EXPECT_EQ(i.code, Code::FieldUnknown);
  EXPECT_EQ(i.path, "/completed/design_review");
  // design_review is an HV-only step of capacity_increase
  i = first_issue("capacity_increase", {"lv_residential", d("2025-03-03"), {{"design_review", d("2025-03-04")}}, std::nullopt});
  EXPECT_EQ(i.code, Code::FieldUnknown);
  i = first_issue("suspension", {"", d("2025-03-03"), {{"survey", d("2025-03-01")}}, std::nullopt});
  EXPECT_EQ(i.code, Code::StepOrder);
  EXPECT_EQ(i.path, "/completed/survey");
  i = first_issue("suspension", {"", d("2025-03-03"), {{"survey", d("2025-03-10")}}, d("2025-03-05")});
  EXPECT_EQ(i.code, Code::StepOrder);
  i = first_issue("suspension", {"", d("2025-03-03"), {{"acceptance", d("2025-03-04")}}, std::nullopt});
  EXPECT_EQ(i.code, Code::StepOrder);
  EXPECT_EQ(i.path, "/completed/acceptance");
  // seal done, survey (required) not
  i = first_issue("suspension", {"", d("2025-03-03"), {{"seal", d("2025-03-10")}}, std::nullopt});
  EXPECT_EQ(i.code, Code::StepOrder);
  EXPECT_EQ(i.path, "/completed/survey");
  // dates going backwards
  i = first_issue("suspension", {"", d("2025-03-03"), {{"survey", d("2025-03-10")}, {"seal", d("2025-03-07")}}, std::nullopt});
  EXPECT_EQ(i.code, Code::StepOrder);
  EXPECT_EQ(i.path, "/completed/seal");
  i = first_issue("suspension", {"", d("2025-03-03"), {}, d("2025-03-02")});
  EXPECT_EQ(i.code, Code::PeriodEndBeforeStart);
  EXPECT_EQ(i.path, "/today");
}

// ---- the loader ----------------------------------------------------------------

struct BrokenBusiness {
  const char* name;
  std::function<void(Json&)> edit;
  Code code;
  const char* path;
};

class ProcessLoaderRefuses : public ::testing::TestWithParam<BrokenBusiness> {};

TEST_P(ProcessLoaderRefuses, WithCodeAndPointer) {
  Json pack = Json::parse(testing::read_file(kNationalFile));
  GetParam().edit(pack["businesses"]);
  auto loaded = load_pack(pack.dump(), "broken.json");
  ASSERT_FALSE(loaded.ok());
  bool found = false;
  for (const Issue& i : loaded.issues()) found = found || (i.code == GetParam().code && i.path == GetParam().path);
  EXPECT_TRUE(found) << "first issue: " << code_name(loaded.issues().front().code) << " at "
                     << loaded.issues().front().path << ": " << loaded.issues().front().message.en;
  EXPECT_EQ(loaded.issues().front().file, "broken.json");
}

const BrokenBusiness kBroken[] = {
    {"DuplicateStepId", [](Json& b) { b["suspension"]["steps"][2]["id"] = "survey"; }, Code::PackInvalid,
     "/businesses/suspension/steps/2/id"},
    {"NegativeLimit", [](Json& b) { b["suspension"]["steps"][1]["working_days"] = -1; }, Code::PackInvalid,
     "/businesses/suspension/steps/1/working_days"},
    {"LimitOverAYear", [](Json& b) { b["suspension"]["steps"][1]["working_days"] = 366; }, Code::PackInvalid,
     "/businesses/suspension/steps/1/working_days"},
    {"ZeroLimit", [](Json& b) { b["suspension"]["steps"][1]["working_days"] = 0; }, Code::PackInvalid,
     "/businesses/suspension/steps/1/working_days"},
    {"FractionalLimit", [](Json& b) { b["suspension"]["steps"][1]["working_days"] = "2.5"; }, Code::PackInvalid,
     "/businesses/suspension/steps/1/working_days"},
    {"EmptySteps", [](Json& b) { b["suspension"]["steps"] = Json::array(); }, Code::PackInvalid,
     "/businesses/suspension/steps"},
    {"UnknownStepField", [](Json& b) { b["suspension"]["steps"][1]["colour"] = "red"; }, Code::FieldUnknown,
     "/businesses/suspension/steps/1/colour"},
    {"UnknownBusinessField", [](Json& b) { b["suspension"]["deadline"] = 5; }, Code::FieldUnknown,
     "/businesses/suspension/deadline"},
    {"TimedStepWithoutCitation", [](Json& b) { b["suspension"]["steps"][1].erase("citation"); }, Code::PackInvalid,
     "/businesses/suspension/steps/1/citation"},
    {"CustomerStepWithLimit", [](Json& b) { b["new_hv"]["steps"][3]["working_days"] = 5; }, Code::PackInvalid,
     "/businesses/new_hv/steps/3"},
    {"UnknownParty", [](Json& b) { b["suspension"]["steps"][1]["party"] = "government"; }, Code::PackInvalid,
     "/businesses/suspension/steps/1/party"},
    {"UndeclaredVariantLimit",
     [](Json& b) { b["new_hv"]["steps"][2]["working_days_by_variant"]["triple_source"] = 45; }, Code::PackInvalid,
     "/businesses/new_hv/steps/2/working_days_by_variant/triple_source"},
    {"UndeclaredStepVariant", [](Json& b) { b["capacity_increase"]["steps"][3]["variants"][0] = "mv"; },
     Code::PackInvalid, "/businesses/capacity_increase/steps/3/variants/0"},
    {"ClockFromLaterStep", [](Json& b) { b["new_hv"]["steps"][2]["clock_from"] = "archive"; }, Code::PackInvalid,
     "/businesses/new_hv/steps/2/clock_from"},
    {"ClockFromOptionalStep", [](Json& b) { b["new_hv"]["steps"][8]["clock_from"] = "mid_inspection"; },
     Code::PackInvalid, "/businesses/new_hv/steps/8/clock_from"},
    {"FirstStepNotAcceptance", [](Json& b) { b["suspension"]["steps"].erase(0); }, Code::PackInvalid,
     "/businesses/suspension/steps/0"},
    {"UnknownCategory", [](Json& b) { b["suspension"]["category"] = "misc"; }, Code::PackInvalid,
     "/businesses/suspension/category"},
    {"CommitmentToUnknownStep", [](Json& b) { b["new_lv_residential"]["commitment"]["to"] = "handover"; },
     Code::PackInvalid, "/businesses/new_lv_residential/commitment/to"},
    {"CommitmentWithoutLimit", [](Json& b) { b["new_lv_residential"]["commitment"].erase("working_days"); },
     Code::PackInvalid, "/businesses/new_lv_residential/commitment"},
    {"BadBusinessId", [](Json& b) { b["Suspension-2"] = b["suspension"]; }, Code::PackInvalid,
     "/businesses/Suspension-2"},
};

INSTANTIATE_TEST_SUITE_P(Process, ProcessLoaderRefuses, ::testing::ValuesIn(kBroken),
                         [](const ::testing::TestParamInfo<BrokenBusiness>& i) { return std::string(i.param.name); });

// ---- the facade ------------------------------------------------------------------

Json call(const std::string& request) { return Json::parse(engine().process(request).json); }

Json first_error(const std::string& request) {
  const Json r = call(request);
  EXPECT_FALSE(r["ok"].get<bool>()) << request;
  return r["ok"].get<bool>() ? Json::object() : r["errors"][0];
}

TEST(ProcessFacade, AnswersTheBriefExample) {
  const Json r = call(R"({"region":"zhejiang","business":"new_hv","variant":"dual_source","accepted":"2025-03-03",
                          "today":"2025-03-20","completed":{"acceptance":"2025-03-03","survey":"2025-03-06"}})");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const Json& res = r["result"];
  EXPECT_EQ(res["business"]["name"]["zh"], "高压新装");
  EXPECT_EQ(res["variant"]["id"], "dual_source");
  EXPECT_EQ(res["steps"][2]["id"], "supply_plan");
  EXPECT_EQ(res["steps"][2]["status"], "due");
  EXPECT_EQ(res["steps"][2]["due"], "2025-04-15");
  EXPECT_EQ(res["steps"][2]["limit_working_days"], 30);
  EXPECT_TRUE(res["steps"][2].contains("citation"));
  EXPECT_EQ(res["steps"][4]["no_due_reason"]["code"], "waiting_for_customer");
  EXPECT_EQ(res["packs"].size(), 2u);
  EXPECT_EQ(res["packs"][0]["id"], "cn-national-2024");
  EXPECT_EQ(res["packs"][1]["region"], "zhejiang");
  EXPECT_TRUE(res["warnings"].empty());
}

TEST(ProcessFacade, ListsTheCatalogueWithoutBusiness) {
  const Json r = call(R"({"region":"jiangsu","date":"2025-06-01"})");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  ASSERT_EQ(r["result"]["businesses"].size(), 29u);
  EXPECT_EQ(r["result"]["businesses"][0]["id"], "capacity_increase");  // sorted by id
  for (const Json& b : r["result"]["businesses"]) {
    EXPECT_EQ(b["pack"], "cn-national-2024");
    EXPECT_FALSE(b["steps"].empty());
  }
}

TEST(ProcessFacade, RegionalEntryReplacesTheNationalOne) {
  Json regional = Json::parse(testing::read_file(std::string(POWERDESK_SOURCE_DIR) + "/rules/zhejiang/zhejiang-2025.json"));
  Json nat = Json::parse(testing::read_file(kNationalFile));
  Json suspension = nat["businesses"]["suspension"];
  suspension["steps"][2]["working_days"] = 3;  // a province promising faster sealing
  regional["businesses"] = Json{{"suspension", suspension}};
  Engine e;
  ASSERT_TRUE(e.add_pack(nat.dump(), "national.json").empty());
  const Issues added = e.add_pack(regional.dump(), "zhejiang.json");
  ASSERT_TRUE(added.empty()) << added.front().path << ": " << added.front().message.en;
  const std::string req = R"({"region":"zhejiang","business":"suspension","accepted":"2025-09-26",
                               "completed":{"survey":"2025-09-29"}})";
  const Json r = Json::parse(e.process(req).json);
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_EQ(r["result"]["business"]["pack"], "zhejiang-2025");
  EXPECT_EQ(r["result"]["steps"][2]["due"], "2025-10-10");  // 30 Sep, 9, 10 Oct
  // Other businesses still come from the national pack.
  const Json other = Json::parse(e.process(R"({"region":"zhejiang","business":"rename","accepted":"2025-09-26"})").json);
  EXPECT_EQ(other["result"]["business"]["pack"], "cn-national-2024");
}

TEST(ProcessFacade, WarnsWhenDueDatesPassTheHolidayData) {
  const Json r = call(R"({"region":"national","business":"new_hv","variant":"dual_source","accepted":"2026-12-01"})");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  ASSERT_EQ(r["result"]["warnings"].size(), 1u);
  EXPECT_EQ(r["result"]["warnings"][0]["code"], "PD_NO_PACK_FOR_DATE");
  EXPECT_EQ(r["result"]["warnings"][0]["severity"], "warning");
}

TEST(ProcessFacade, ErrorsCarryCodeAndPointer) {
  struct Case {
    const char* request;
    const char* code;
    const char* path;
  };
  const Case cases[] = {
      {R"({"region":"atlantis","business":"new_hv","variant":"single_source","accepted":"2025-03-03"})",
       "PD_REGION_UNKNOWN", "/region"},
      {R"({"region":"zhejiang","business":"teleport","accepted":"2025-03-03"})", "PD_BUSINESS_UNKNOWN", "/business"},
      {R"({"region":"zhejiang","business":"new_hv","accepted":"2025-03-03"})", "PD_FIELD_MISSING", "/variant"},
      {R"({"region":"zhejiang","business":"new_hv","variant":"triple","accepted":"2025-03-03"})", "PD_ENUM_INVALID",
       "/variant"},
      {R"({"region":"zhejiang","business":"suspension","accepted":"2025-03-03","completed":{"survey":"2025-02-30"}})",
       "PD_DATE_INVALID", "/completed/survey"},
      {R"({"region":"zhejiang","business":"suspension","accepted":"2025-03-03","completed":{"sruvey":"2025-03-04"}})",
       "PD_FIELD_UNKNOWN", "/completed/sruvey"},
      {R"({"region":"zhejiang","business":"suspension","accepted":"2025-03-03","completed":{"seal":"2025-03-04"}})",
       "PD_STEP_ORDER", "/completed/survey"},
      {R"({"region":"zhejiang","business":"suspension","accepted":"2025-03-03","today":"2025-03-01"})",
       "PD_PERIOD_END_BEFORE_START", "/today"},
      {R"({"region":"zhejiang","business":"suspension","accepted":"2024-03-03"})", "PD_NO_PACK_FOR_DATE", "/accepted"},
      {R"({"region":"zhejiang","business":"suspension"})", "PD_FIELD_MISSING", "/accepted"},
      {R"({"region":"zhejiang","business":"suspension","accepted":"2025-03-03","urgent":true})", "PD_FIELD_UNKNOWN",
       "/urgent"},
      {R"({"region":"zhejiang","accepted":"2025-03-03"})", "PD_FIELD_MISSING", "/business"},
      {R"({"region":"zhejiang"})", "PD_FIELD_MISSING", "/date"},
      {R"(["new_hv"])", "PD_FIELD_TYPE", ""},
      {R"({"region":"zhejiang",)", "PD_JSON_MALFORMED", ""},
  };
  for (const Case& c : cases) {
    const Json e = first_error(c.request);
    EXPECT_EQ(e.value("code", ""), c.code) << c.request;
    if (std::string(c.code) != "PD_JSON_MALFORMED") {
      EXPECT_EQ(e.value("path", "?"), c.path) << c.request;
    }
    EXPECT_FALSE(e["message"].value("zh", "").empty()) << c.request;
    EXPECT_FALSE(e["message"].value("en", "").empty()) << c.request;
  }
}

}  // namespace
}  // namespace powerdesk
