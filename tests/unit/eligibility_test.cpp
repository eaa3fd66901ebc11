// Eligibility and supply decisions on the real national pack. Each case is a
// request with its hand-checked decision, reason codes (in table order) and
// supply outputs; the clause each reason cites is in the pack row. A final
// test proves every row of every eligibility and supply table is hit by some
// case, so no rule goes untested.
//
// Figures: 《供电营业规则》(1996 第二十三–三十三条; 2024 第九、二十五条),
// 发改办价格〔2016〕1583号 (暂停 ≥15 天、每年累计 ≤六个月), 发改价格〔2023〕526号
// (100/315 kVA), 〔83〕水电财字第215号 (功率因数标准), 国能发新能规〔2025〕7号 (光伏).
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <set>

#include "golden.hpp"
#include "powerdesk/eligibility.hpp"

namespace powerdesk {
namespace {

const Engine& engine() {
  static const Engine e = testing::real_rules_engine();
  return e;
}

// An active 10 kV, 1250 kVA industrial two-part customer, no arrears.
const char* const kHvCustomer = R"({"class":"commercial_industrial","status":"active","status_since":"2020-01-01",
  "capacity_kva":1250,"supply_voltage_kv":10,"tariff":"two_part","has_arrears":false,"industrial":true,
  "irrigation_station":false,"on_load_tap_changer":false,"suspensions":[]})";

struct Case {
  std::string name;
  std::string business;
  std::string customer_patch;  // merged into kHvCustomer; for new_* businesses (and "null") into {}
  std::string request;
  std::string decision;
  std::vector<std::string> reasons;
  std::map<std::string, std::string> supply;  // table → outputs JSON
  std::string today = "2025-06-02";
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

Json request_json(const Case& c) {
  const bool applicant = c.customer_patch == "null" || c.business.rfind("new_", 0) == 0;
  Json customer = applicant ? Json::object() : Json::parse(kHvCustomer);
  if (c.customer_patch != "null") customer.merge_patch(Json::parse(c.customer_patch));
  return {{"region", "zhejiang"}, {"today", c.today}, {"business", c.business},
          {"customer", customer}, {"request", Json::parse(c.request)}};
}

Json decide(const Case& c) {
  const Json r = Json::parse(engine().eligibility(request_json(c).dump()).json);
  EXPECT_TRUE(r["ok"].get<bool>()) << c.name << ": " << r.dump();
  return r["ok"].get<bool>() ? r["result"] : Json::object();
}

const std::string kNew = "null";
const std::string kPeriod60 = R"("period":{"from":"2025-06-10","to":"2025-08-08"})";  // 60 days

std::vector<Case> cases() {
  return {
      // ---- new connections ----
      {"lv-residential-single-phase", "new_lv_residential", R"({"class":"residential"})", R"({"capacity_kva":8,"phases":1})",
       "eligible", {}, {{"supply_voltage", R"({"phases":1,"voltage_kv":"0.22"})"}, {"tou_applicability", R"({"tou":"optional"})"}}},
      {"lv-residential-not-residential", "new_lv_residential", R"({"class":"commercial_industrial"})", R"({"capacity_kva":8,"phases":1})",
       "not_eligible", {"EL_NOT_RESIDENTIAL"}, {}},
      {"lv-residential-single-phase-15kw", "new_lv_residential", R"({"class":"residential"})", R"({"capacity_kva":15,"phases":1})",
       "not_eligible", {"EL_SINGLE_PHASE_LIMIT"}, {{"supply_voltage", R"({"phases":3,"voltage_kv":"0.38"})"}}},
      {"lv-residential-120kw", "new_lv_residential", R"({"class":"residential"})", R"({"capacity_kva":120,"phases":3})",
       "not_eligible", {"EL_LV_CAPACITY_EXCEEDED"}, {{"supply_voltage", R"({"phases":3,"voltage_kv":"10"})"}}},
      {"lv-non-residential-residential-use", "new_lv_non_residential", R"({"class":"residential"})", R"({"capacity_kva":8,"phases":1})",
       "not_eligible", {"EL_RESIDENTIAL_USE"}, {{"tariff_structure", R"({"two_part":"unavailable"})"}}},
      {"lv-non-residential-50kw", "new_lv_non_residential", R"({"class":"commercial_industrial"})", R"({"capacity_kva":50,"phases":3})",
       "eligible", {}, {{"tariff_structure", R"({"two_part":"unavailable"})"}, {"tou_applicability", R"({"tou":"required"})"}}},
      {"lv-non-residential-agricultural", "new_lv_non_residential", R"({"class":"agricultural"})", R"({"capacity_kva":50,"phases":3})",
       "eligible", {}, {{"tariff_structure", R"({"two_part":"unavailable"})"}, {"tou_applicability", R"({"tou":"optional"})"}}},
      {"lv-non-residential-limits", "new_lv_non_residential", R"({"class":"commercial_industrial"})", R"({"capacity_kva":101,"phases":1})",
       "not_eligible", {"EL_SINGLE_PHASE_LIMIT", "EL_LV_CAPACITY_EXCEEDED"}, {}},
      {"hv-800kva-10kv", "new_hv", R"({"class":"commercial_industrial","industrial":true,"on_load_tap_changer":false,"irrigation_station":false})", R"({"capacity_kva":800,"voltage_kv":10})",
       "eligible", {}, {{"supply_voltage", R"({"phases":3,"voltage_kv":"10"})"}, {"tariff_structure", R"({"two_part":"required"})"},
                        {"power_factor_standard", R"({"standard":"0.90"})"}}},
      {"hv-requested-at-380v", "new_hv", kNew, R"({"capacity_kva":800,"voltage_kv":0.38})",
       "not_eligible", {"EL_HV_VOLTAGE", "EL_VOLTAGE_BELOW_RECOMMENDED"}, {}},
      {"hv-80kva", "new_hv", R"({"class":"commercial_industrial","industrial":false,"on_load_tap_changer":false,"irrigation_station":false})", R"({"capacity_kva":80,"voltage_kv":10})",
       "manual_review", {"EL_HV_SMALL_CAPACITY", "EL_INFO_VOLTAGE_ABOVE_RECOMMENDED"}, {{"power_factor_standard", R"({"standard":"none"})"}}},
      {"hv-20mva-at-10kv", "new_hv", kNew, R"({"capacity_kva":20000,"voltage_kv":10})",
       "manual_review", {"EL_VOLTAGE_BELOW_RECOMMENDED"}, {{"supply_voltage", R"({"phases":3,"voltage_kv":"35"})"}}},
      {"hv-50mva", "new_hv", kNew, R"({"capacity_kva":50000,"voltage_kv":110})", "eligible", {}, {{"supply_voltage", R"({"phases":3,"voltage_kv":"110"})"}}},
      {"hv-150mva", "new_hv", kNew, R"({"capacity_kva":150000,"voltage_kv":220})", "eligible", {}, {{"supply_voltage", R"({"phases":3,"voltage_kv":"220"})"}}},
      {"hv-irrigation-4000", "new_hv", R"({"class":"agricultural","industrial":false,"irrigation_station":true,"on_load_tap_changer":false})", R"({"capacity_kva":4000,"voltage_kv":10})",
       "eligible", {}, {{"power_factor_standard", R"({"standard":"0.90"})"}}},
      {"hv-non-industrial-800", "new_hv", R"({"class":"commercial_industrial","industrial":false,"on_load_tap_changer":false,"irrigation_station":false})",
       R"({"capacity_kva":800,"voltage_kv":10})", "eligible", {}, {{"power_factor_standard", R"({"standard":"0.85"})"}}},
      // ---- capacity ----
      {"increase-arrears-and-not-larger", "capacity_increase", R"({"has_arrears":true})", R"({"capacity_kva":1000})",
       "not_eligible", {"EL_ARREARS", "EL_NOT_AN_INCREASE"}, {}},
      {"increase-while-suspended", "capacity_increase", R"({"status":"suspended"})", R"({"capacity_kva":2000})",
       "not_eligible", {"EL_ACCOUNT_NOT_ACTIVE"}, {}},
      {"increase-with-tap-changer", "capacity_increase", R"({"on_load_tap_changer":true,"industrial":false})", R"({"capacity_kva":2000})",
       "eligible", {}, {{"supply_voltage", R"({"phases":3,"voltage_kv":"10"})"}, {"power_factor_standard", R"({"standard":"0.90"})"}}},
      {"increase-irrigation-station", "capacity_increase", R"({"class":"agricultural","industrial":false,"irrigation_station":true,"capacity_kva":400})",
       R"({"capacity_kva":500})", "eligible", {}, {{"power_factor_standard", R"({"standard":"0.85"})"}}},
      {"increase-agricultural", "capacity_increase", R"({"class":"agricultural","industrial":false,"capacity_kva":400})", R"({"capacity_kva":500})",
       "eligible", {}, {{"power_factor_standard", R"({"standard":"0.80"})"}, {"tariff_structure", R"({"two_part":"unavailable"})"}}},
      {"reduce-permanent-everything-wrong", "reduction_permanent", R"({"supply_voltage_kv":0.38})", R"({"capacity_kva":1250,"whole_transformers":false})",
       "not_eligible", {"EL_HV_ONLY", "EL_WHOLE_TRANSFORMERS", "EL_REDUCE_ALL"}, {}},
      {"reduce-permanent-while-reduced", "reduction_permanent", R"({"status":"reduced"})", R"({"capacity_kva":500,"whole_transformers":true})",
       "not_eligible", {"EL_ACCOUNT_NOT_ACTIVE"}, {}},
      {"reduce-permanent-to-250", "reduction_permanent", "{}", R"({"capacity_kva":1000,"whole_transformers":true})",
       "eligible", {}, {{"tariff_structure", R"({"two_part":"optional"})"}}},
      {"reduce-temporary-all-wrong-10-days", "reduction_temporary", R"({"status":"suspended","supply_voltage_kv":0.4})",
       R"({"capacity_kva":1250,"whole_transformers":false,"period":{"from":"2025-06-10","to":"2025-06-19"}})",
       "not_eligible", {"EL_ACCOUNT_NOT_ACTIVE", "EL_HV_ONLY", "EL_WHOLE_TRANSFORMERS", "EL_REDUCE_ALL", "EL_REDUCTION_TOO_SHORT"}, {}},
      {"reduce-temporary-731-days", "reduction_temporary", "{}", R"({"capacity_kva":630,"whole_transformers":true,"period":{"from":"2025-06-10","to":"2027-06-10"}})",
       "not_eligible", {"EL_REDUCTION_TOO_LONG"}, {}},
      {"reduce-temporary-730-days", "reduction_temporary", "{}", R"({"capacity_kva":630,"whole_transformers":true,"period":{"from":"2025-06-10","to":"2027-06-09"}})",
       "eligible", {}, {}},
      {"restore-not-reduced", "reduction_restore", "{}", "{}", "not_eligible", {"EL_NOT_REDUCED"}, {}},
      {"restore-after-883-days", "reduction_restore", R"({"status":"reduced","status_since":"2023-01-01"})", "{}",
       "not_eligible", {"EL_RESTORE_AFTER_TWO_YEARS"}, {}},
      {"restore-after-366-days", "reduction_restore", R"({"status":"reduced","status_since":"2024-06-01"})", "{}", "eligible", {}, {}},
      // ---- suspension: 1583 (≥15 days, ≤6 months a year as 180 days), 1996 §24 (5 days' notice) ----
      {"suspend-189-days-this-year", "suspension", R"({"suspensions":[{"from":"2025-01-10","to":"2025-04-30"}]})",
       R"({"capacity_kva":630,"whole_transformers":true,"period":{"from":"2025-06-04","to":"2025-08-20"}})",
       "not_eligible", {"EL_SUSPENSION_YEAR_LIMIT", "EL_SHORT_NOTICE"}, {{"tariff_structure", R"({"two_part":"required"})"}}},
      {"suspend-exactly-180-days", "suspension", R"({"suspensions":[{"from":"2025-01-01","to":"2025-04-10"}]})",
       R"({"capacity_kva":630,"whole_transformers":true,"period":{"from":"2025-06-10","to":"2025-08-28"}})", "eligible", {}, {}},
      {"suspend-last-year-not-counted", "suspension", R"({"suspensions":[{"from":"2024-07-01","to":"2024-12-31"}]})",
       R"({"capacity_kva":630,"whole_transformers":true,"period":{"from":"2025-06-07","to":"2025-06-21"}})", "eligible", {}, {}},
      {"suspend-14-days", "suspension", "{}", R"({"capacity_kva":630,"whole_transformers":true,"period":{"from":"2025-06-07","to":"2025-06-20"}})",
       "not_eligible", {"EL_SUSPENSION_TOO_SHORT"}, {}},
      {"suspend-lv-partial-while-suspended", "suspension", R"({"status":"suspended","supply_voltage_kv":0.38})",
       R"({"capacity_kva":630,"whole_transformers":false,"period":{"from":"2025-06-07","to":"2025-07-20"}})",
       "not_eligible", {"EL_ACCOUNT_NOT_ACTIVE", "EL_HV_ONLY", "EL_WHOLE_TRANSFORMERS"}, {}},
      {"resume-not-suspended", "suspension_restore", "{}", "{}", "not_eligible", {"EL_NOT_SUSPENDED"}, {}},
      {"resume-suspended", "suspension_restore", R"({"status":"suspended"})", "{}", "eligible", {}, {}},
      // ---- swap: 1996 §27 (≤2 months below 35 kV, ≤3 months at 35 kV and above) ----
      {"swap-10kv-61-days", "temporary_swap", "{}", R"({"capacity_kva":1600,"whole_transformers":true,"period":{"from":"2025-06-10","to":"2025-08-09"}})",
       "not_eligible", {"EL_SWAP_TOO_LONG"}, {}},
      {"swap-10kv-60-days", "temporary_swap", "{}", std::string("{\"capacity_kva\":1600,\"whole_transformers\":true,") + kPeriod60 + "}", "eligible", {}, {}},
      {"swap-35kv-91-days", "temporary_swap", R"({"supply_voltage_kv":35})",
       R"({"capacity_kva":1600,"whole_transformers":true,"period":{"from":"2025-06-10","to":"2025-09-08"}})", "not_eligible", {"EL_SWAP_TOO_LONG"}, {}},
      {"swap-35kv-61-days", "temporary_swap", R"({"supply_voltage_kv":35})",
       R"({"capacity_kva":1600,"whole_transformers":true,"period":{"from":"2025-06-10","to":"2025-08-09"}})", "eligible", {}, {}},
      {"swap-lv-partial-while-swapped", "temporary_swap", R"({"status":"swapped","supply_voltage_kv":0.38})",
       R"({"capacity_kva":1600,"whole_transformers":false,"period":{"from":"2025-06-10","to":"2025-06-30"}})",
       "not_eligible", {"EL_ACCOUNT_NOT_ACTIVE", "EL_HV_ONLY", "EL_WHOLE_TRANSFORMERS"}, {}},
      {"swap-restore-not-swapped", "temporary_swap_restore", "{}", "{}", "not_eligible", {"EL_NOT_SWAPPED"}, {}},
      {"swap-restore", "temporary_swap_restore", R"({"status":"swapped"})", "{}", "eligible", {}, {}},
      // ---- changes of account ----
      {"relocate-everything-wrong", "relocation", R"({"status":"suspended","has_arrears":true})", R"({"capacity_kva":1500,"same_supply_point":false})",
       "not_eligible", {"EL_ACCOUNT_NOT_ACTIVE", "EL_ARREARS", "EL_RELOCATION_NEW_SUPPLY_POINT", "EL_RELOCATION_CAPACITY_INCREASE"}, {}},
      {"relocate-same-point", "relocation", "{}", R"({"capacity_kva":1250,"same_supply_point":true})", "eligible", {},
       {{"supply_voltage", R"({"phases":3,"voltage_kv":"10"})"}}},
      {"move-meter-elsewhere-closed", "meter_relocation", R"({"status":"closed"})", R"({"same_address":false})",
       "not_eligible", {"EL_ACCOUNT_NOT_ACTIVE", "EL_MOVE_SAME_ADDRESS"}, {}},
      {"move-meter", "meter_relocation", "{}", R"({"same_address":true})", "eligible", {}, {}},
      {"removal-everything-wrong", "temporary_removal", R"({"status":"suspended","has_arrears":true})",
       R"({"period":{"from":"2025-06-10","to":"2025-12-07"}})", "not_eligible", {"EL_ACCOUNT_NOT_ACTIVE", "EL_ARREARS", "EL_REMOVAL_TOO_LONG"}, {}},
      {"removal-180-days", "temporary_removal", "{}", R"({"period":{"from":"2025-06-10","to":"2025-12-06"}})", "eligible", {}, {}},
      {"reinstall-not-removed", "reinstallation", "{}", "{}", "not_eligible", {"EL_NOT_REMOVED"}, {}},
      {"reinstall-after-213-days", "reinstallation", R"({"status":"removed","status_since":"2024-11-01"})", "{}",
       "not_eligible", {"EL_REINSTALL_AFTER_LIMIT"}, {}},
      {"reinstall-after-93-days", "reinstallation", R"({"status":"removed","status_since":"2025-03-01"})", "{}", "eligible", {}, {}},
      {"rename-no-account", "rename", R"({"status":"none"})", "{}", "not_eligible", {"EL_NO_ACCOUNT"}, {}},
      {"rename", "rename", "{}", "{}", "eligible", {}, {}},
      {"transfer-closed-with-arrears", "transfer", R"({"status":"closed","has_arrears":true})", "{}",
       "not_eligible", {"EL_NO_ACCOUNT", "EL_ARREARS_BEFORE_TRANSFER"}, {}},
      {"split-everything-wrong", "split", R"({"status":"suspended","has_arrears":true})",
       R"({"capacity_kva":1300,"same_address":false,"same_supply_point":false,"separable":false})", "not_eligible",
       {"EL_ACCOUNT_NOT_ACTIVE", "EL_ARREARS", "EL_SPLIT_SAME_ADDRESS", "EL_SPLIT_SAME_SUPPLY_POINT", "EL_NOT_SEPARABLE", "EL_SPLIT_EXCEEDS_CAPACITY"}, {}},
      {"merge-everything-wrong", "merge", R"({"status":"reduced","has_arrears":true})",
       R"({"capacity_kva":2000,"accounts_capacity_kva":1800,"same_address":false,"same_supply_point":false})", "not_eligible",
       {"EL_ACCOUNT_NOT_ACTIVE", "EL_ARREARS", "EL_MERGE_SAME_SUPPLY_POINT", "EL_MERGE_SAME_ADDRESS", "EL_MERGE_EXCEEDS_SUM"}, {}},
      {"merge-within-sum", "merge", "{}", R"({"capacity_kva":1800,"accounts_capacity_kva":1800,"same_address":true,"same_supply_point":true})",
       "eligible", {}, {{"tariff_structure", R"({"two_part":"required"})"}}},
      {"close-without-account-with-arrears", "closure", R"({"status":"none","has_arrears":true})", "{}",
       "not_eligible", {"EL_NO_ACCOUNT", "EL_SETTLE_BEFORE_CLOSURE"}, {}},
      {"voltage-change-everything-wrong", "voltage_change", R"({"status":"suspended"})", R"({"voltage_kv":10,"capacity_kva":1500})",
       "not_eligible", {"EL_ACCOUNT_NOT_ACTIVE", "EL_SAME_VOLTAGE", "EL_VOLTAGE_CHANGE_INCREASE"}, {}},
      {"class-change-everything-wrong", "class_change", R"({"status":"suspended"})", R"({"new_class":"commercial_industrial","same_installation":false})",
       "not_eligible", {"EL_ACCOUNT_NOT_ACTIVE", "EL_SAME_CLASS", "EL_CLASS_CHANGE_SAME_INSTALLATION"}, {}},
      {"class-change-to-commercial", "class_change", R"({"class":"residential","capacity_kva":8})",
       R"({"new_class":"commercial_industrial","same_installation":true})", "eligible", {},
       {{"tariff_structure", R"({"two_part":"unavailable"})"}, {"tou_applicability", R"({"tou":"optional"})"}}},
      // ---- temporary supply: 1996 §12 (six months without approval), §76 (unmetered) ----
      {"temporary-181-days", "temporary_supply_metered", kNew, R"({"period":{"from":"2025-06-10","to":"2025-12-07"}})",
       "manual_review", {"EL_TEMPORARY_NEEDS_APPROVAL"}, {}},
      {"temporary-180-days", "temporary_supply_metered", kNew, R"({"period":{"from":"2025-06-10","to":"2025-12-06"}})", "eligible", {}, {}},
      {"unmetered-200-days", "temporary_supply_unmetered", kNew, R"({"period":{"from":"2025-06-10","to":"2025-12-26"}})",
       "manual_review", {"EL_UNMETERED_CONFIRM", "EL_TEMPORARY_NEEDS_APPROVAL"}, {}},
      {"extend-not-temporary", "temporary_supply_extension", "{}", R"({"period":{"from":"2025-01-10","to":"2025-07-28"}})",
       "not_eligible", {"EL_NOT_TEMPORARY", "EL_TEMPORARY_NEEDS_APPROVAL"}, {}},
      {"end-not-temporary", "temporary_supply_termination", "{}", "{}", "not_eligible", {"EL_NOT_TEMPORARY"}, {}},
      {"end-temporary", "temporary_supply_termination", R"({"status":"temporary"})", "{}", "eligible", {}, {}},
      // ---- PV (国能发新能规〔2025〕7号), EV (发改价格〔2014〕1668号, 国办发〔2023〕19号), 电能替代 ----
      {"pv-natural-person-500kw", "pv_connection", "{}", R"({"pv":{"capacity_kw":500,"owner":"natural_person","mode":"surplus_export"}})",
       "not_eligible", {"EL_PV_NATURAL_PERSON_LV"}, {{"pv_connection_voltage", R"({"voltage_kv":"10"})"}}},
      {"pv-general-ci-7mw-full-export", "pv_connection", "{}", R"({"pv":{"capacity_kw":7000,"owner":"general_ci","mode":"full_export"}})",
       "not_eligible", {"EL_PV_OVER_CATEGORY_LIMIT", "EL_PV_MODE_NOT_ALLOWED"}, {{"pv_connection_voltage", R"({"voltage_kv":"35"})"}}},
      {"pv-large-ci-60mw-full-export", "pv_connection", "{}", R"({"pv":{"capacity_kw":60000,"owner":"large_ci","mode":"full_export"}})",
       "not_eligible", {"EL_PV_OVER_CATEGORY_LIMIT", "EL_PV_MODE_NOT_ALLOWED"}, {{"pv_connection_voltage", R"({"voltage_kv":"110"})"}}},
      {"pv-large-ci-surplus", "pv_connection", "{}", R"({"pv":{"capacity_kw":10000,"owner":"large_ci","mode":"surplus_export"}})",
       "manual_review", {"EL_PV_SURPLUS_NEEDS_SPOT_MARKET"}, {}},
      {"pv-household-8kw", "pv_connection", "{}", R"({"pv":{"capacity_kw":8,"owner":"natural_person","mode":"surplus_export"}})",
       "eligible", {}, {{"pv_connection_voltage", R"({"voltage_kv":"0.22"})"}}},
      {"pv-household-300kw", "pv_connection", "{}", R"({"pv":{"capacity_kw":300,"owner":"natural_person","mode":"full_export"}})",
       "eligible", {}, {{"pv_connection_voltage", R"({"voltage_kv":"0.38"})"}}},
      {"ev-centralised-station", "ev_charging_connection", "{}", R"({"capacity_kva":2000,"ev_facility":"centralized_station"})",
       "eligible", {"EL_INFO_EV_STATION_TWO_PART"}, {{"ev_basic_charge_exemption", R"({"exempt":true})"}, {"tou_applicability", R"({"tou":"required"})"}}},
      {"ev-residential-compound", "ev_charging_connection", "{}", R"({"capacity_kva":200,"ev_facility":"residential_compound"})",
       "eligible", {"EL_INFO_EV_RESIDENTIAL_PRICE"}, {{"ev_basic_charge_exemption", R"({"exempt":false})"}}},
      {"ev-host-site", "ev_charging_connection", "{}", R"({"capacity_kva":200,"ev_facility":"host_site"})", "eligible", {"EL_INFO_EV_HOST_PRICE"}, {}},
      {"substitution", "substitution_project", "{}", R"({"capacity_kva":2000})", "eligible", {"EL_INFO_SUBSTITUTION_ANALYSIS"}, {}},
  };
}

class Eligibility : public ::testing::TestWithParam<Case> {};

TEST_P(Eligibility, DecisionReasonsAndSupplyAreAsTheRulesSay) {
  const Case& c = GetParam();
  const Json r = decide(c);
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r["decision"], c.decision);
  std::vector<std::string> reasons;
  for (const auto& x : r["reasons"]) reasons.push_back(x["code"]);
  EXPECT_EQ(reasons, c.reasons);
  for (const auto& [table, outputs] : c.supply) {
    bool found = false;
    for (const auto& s : r["supply"]) {
      if (s["table"] != table) continue;
      found = true;
      EXPECT_EQ(s["outputs"], Json::parse(outputs)) << table;
    }
    EXPECT_TRUE(found) << "no supply decision " << table << " in " << r["supply"].dump() << " undecided " << r["undecided"].dump();
  }
}

INSTANTIATE_TEST_SUITE_P(Rules, Eligibility, ::testing::ValuesIn(cases()), [](const auto& info) {
  std::string n = info.param.name;
  for (char& ch : n)
    if (ch == '-') ch = '_';
  return n;
});

// Every row of every eligibility.* and supply table is decided by some case.
TEST(EligibilityCoverage, EveryRowOfEveryTableIsHitByACase) {
  std::set<std::string> hit;
  auto collect = [&](const Json& trace) {
    for (const auto& m : trace["matched"]) hit.insert(trace["table"].get<std::string>() + "/" + m["row"].get<std::string>());
  };
  for (const Case& c : cases()) {
    const Json r = decide(c);
    if (r.empty()) continue;
    collect(r["trace"]);
    for (const auto& s : r["supply"]) collect(s["trace"]);
  }
  const RulePack* pack = engine().packs().national(*Date::parse("2025-06-02"));
  ASSERT_NE(pack, nullptr);
  int rows = 0;
  for (const auto& [name, table] : pack->decision_tables) {
    if (table.schema != &business_facts_schema() || name == "supply_decisions") continue;
    for (const auto& row : table.rows) {
      ++rows;
      EXPECT_TRUE(hit.count(name + "/" + row.id)) << name << " row " << row.id << " is not hit by any case";
    }
  }
  EXPECT_GT(rows, 100);
}

// Beyond 2030 the exemption ends: evaluated on the pack's table directly,
// since no pack in force reaches 2031 yet.
TEST(EligibilityEv, ExemptionEndsAfter2030) {
  const RulePack* pack = engine().packs().national(*Date::parse("2025-06-02"));
  const decision::Table& t = pack->decision_tables.at("ev_basic_charge_exemption");
  EligibilityRequest req;
  req.business = "ev_charging_connection";
  req.request.ev_facility = 0;  // centralized_station
  for (const auto& [day, exempt] : {std::pair{"2030-12-31", true}, std::pair{"2031-01-01", false}}) {
    req.today = *Date::parse(day);
    const BusinessFacts f = business_facts(req, nullptr);
    EXPECT_EQ(decision::evaluate(t, f.values).outputs, std::vector<decision::Value>{exempt ? 1 : 0}) << day;
  }
}

TEST(EligibilityErrors, MissingFactsAreNamedByTheirPaths) {
  const Json r = Json::parse(engine().eligibility(R"({"region":"zhejiang","today":"2025-06-02","business":"suspension",
      "customer":{"status":"active"},"request":{"whole_transformers":true}})").json);
  ASSERT_FALSE(r["ok"].get<bool>());
  std::vector<std::string> paths;
  for (const auto& e : r["errors"]) {
    EXPECT_EQ(e["code"], "PD_FIELD_MISSING");
    paths.push_back(e["path"]);
  }
  EXPECT_EQ(paths, (std::vector<std::string>{"/customer/supply_voltage_kv", "/request/period", "/customer/suspensions"}));
}

TEST(EligibilityErrors, WrongFieldsAndMissingFactsComeInOneAnswer) {
  const Json r = Json::parse(engine().eligibility(R"({"region":"zhejiang","today":"2025-06-02","business":"suspension",
      "customer":{"status":"active"},"request":{"whole_transformers":"yes","period":{"from":"2025-07-01","to":"2025-06-01"}}})").json);
  ASSERT_FALSE(r["ok"].get<bool>());
  std::vector<std::string> got;
  for (const auto& e : r["errors"]) got.push_back(e["code"].get<std::string>() + " " + e["path"].get<std::string>());
  EXPECT_EQ(got, (std::vector<std::string>{"PD_PERIOD_END_BEFORE_START /request/period/to", "PD_FIELD_TYPE /request/whole_transformers",
                                           "PD_FIELD_MISSING /customer/supply_voltage_kv", "PD_FIELD_MISSING /customer/suspensions"}));
}

TEST(EligibilityErrors, BadInputGetsStableCodes) {
  auto first = [](const std::string& body) {
    const Json r = Json::parse(engine().eligibility(body).json);
    return r["errors"][0]["code"].get<std::string>() + " " + r["errors"][0]["path"].get<std::string>();
  };
  EXPECT_EQ(first(R"({"region":"zhejiang","today":"2025-06-02","business":"teleport"})"), "PD_BUSINESS_UNKNOWN /business");
  EXPECT_EQ(first(R"({"region":"mars","today":"2025-06-02","business":"rename","customer":{"status":"active"}})"), "PD_REGION_UNKNOWN /region");
  EXPECT_EQ(first(R"({"region":"zhejiang","today":"2031-06-02","business":"rename","customer":{"status":"active"}})"), "PD_RULE_MISSING /business");
  EXPECT_EQ(first(R"({"region":"zhejiang","today":"2025-06-02","business":"rename","customer":{"status":"open"}})"), "PD_ENUM_INVALID /customer/status");
  EXPECT_EQ(first(R"({"region":"zhejiang","today":"2025-06-02","business":"rename","customer":{"status":"active","colour":"red"}})"), "PD_FIELD_UNKNOWN /customer/colour");
  EXPECT_EQ(first(R"({"region":"zhejiang","today":"2025-06-02","business":"suspension","request":{"period":{"from":"2025-07-01","to":"2025-06-01"}}})"),
            "PD_PERIOD_END_BEFORE_START /request/period/to");
  EXPECT_EQ(first(R"({"region":"zhejiang","today":"2025-06-02","business":"rename","customer":{"status":"active","status_since":"2025-07-01"}})"),
            "PD_DATE_INVALID /customer/status_since");
  EXPECT_EQ(first(R"({"region":"zhejiang","today":"2025-06-02","business":"new_hv","request":{"phases":2}})"), "PD_NUMBER_OUT_OF_RANGE /request/phases");
}

}  // namespace
}  // namespace powerdesk

namespace powerdesk {
namespace {

// The national pack with one table changed, loaded: the first issue's path.
std::string refusal_path(const std::function<void(Json&)>& change) {
  Json pack = Json::parse(testing::read_file(std::string(POWERDESK_SOURCE_DIR) + "/rules/national/cn-national-2024.json"));
  change(pack["decision_tables"]);
  auto loaded = load_pack(pack.dump(), "changed.json");
  if (loaded.ok()) return "loaded";
  return std::string(code_name(loaded.issues()[0].code)) + " " + loaded.issues()[0].path;
}

TEST(EligibilityContracts, TablesTheCodeReadsMustHaveTheirShape) {
  EXPECT_EQ(refusal_path([](Json&) {}), "loaded");
  EXPECT_EQ(refusal_path([](Json& t) { t["eligibility.rename"]["hit_policy"] = "COLLECT"; }),
            "PD_PACK_INVALID /decision_tables/eligibility.rename/hit_policy");
  EXPECT_EQ(refusal_path([](Json& t) { t["eligibility.rename"]["outputs"][0]["values"] = {"eligible", "not_eligible", "manual_review"}; }),
            "PD_PACK_INVALID /decision_tables/eligibility.rename/outputs");
  EXPECT_EQ(refusal_path([](Json& t) { t["supply_voltage"]["outputs"][0]["scale"] = 2; }),
            "PD_PACK_INVALID /decision_tables/supply_voltage/outputs");
  EXPECT_EQ(refusal_path([](Json& t) {
              Json values = Json::array();
              for (const char* name : kSupplyTables) values.push_back(name);
              t["supply_decisions"]["outputs"][0] = {{"name", "table"}, {"type", "enum"}, {"values", values}};
            }),
            "PD_PACK_INVALID /decision_tables/supply_decisions/outputs");
}

// A regional pack's parameter or table wins in its region: data, not code.
TEST(EligibilityOverride, TheRulesAreDataAndChangeWithoutARebuild) {
  Json pack = Json::parse(testing::read_file(std::string(POWERDESK_SOURCE_DIR) + "/rules/national/cn-national-2024.json"));
  pack["parameters"]["supply.lv_max_kva"]["value"] = 160;  // a province that connects small firms up to 160 kW at LV
  Engine e;
  ASSERT_TRUE(e.add_pack(pack.dump(), "national-160.json").empty());
  ASSERT_TRUE(e.add_pack(testing::read_file(std::string(POWERDESK_SOURCE_DIR) + "/rules/zhejiang/zhejiang-2025.json"), "zj.json").empty());
  const Json r = Json::parse(e.eligibility(R"({"region":"zhejiang","today":"2025-06-02","business":"new_lv_non_residential",
      "customer":{"class":"commercial_industrial"},"request":{"capacity_kva":150,"phases":3}})").json);
  EXPECT_EQ(r["result"]["decision"], "eligible");
  EXPECT_EQ(r["result"]["trace"]["inputs"]["requested_capacity_kva"], "150");
}

}  // namespace
}  // namespace powerdesk
