// Application (报装) validation: the forms in the national pack, every issue
// in one answer at the right field, documents under 一证办电 (国家电网营销
// 〔2014〕168号), the age rules (民法典 第十七条、第十八条) and the cross-field
// rules that come from the eligibility and supply tables.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "golden.hpp"
#include "powerdesk/api.hpp"
#include "powerdesk/application.hpp"

namespace powerdesk {
namespace {

const Engine& engine() {
  static const Engine e = testing::real_rules_engine();
  return e;
}

// A valid 8 kW single-phase residential connection in Hangzhou.
Json residential() {
  return Json::parse(R"({
    "region": "zhejiang", "today": "2025-06-02", "business": "new_lv_residential",
    "applicant": {"type": "person", "name": "张三", "resident_id": "11010519491231002X"},
    "contact": {"name": "李四", "phone": "13812345678"},
    "address": {"text": "浙江省杭州市西湖区文三路90号1栋2单元301室", "postal_code": "310012"},
    "customer": {"class": "residential"},
    "request": {"capacity_kva": 8, "phases": 1},
    "documents": ["resident_id_card", "property_proof"]})");
}

Json validate(const Json& app) {
  const Response r = engine().validate_application(app.dump());
  EXPECT_TRUE(r.ok) << r.json;
  const Json j = Json::parse(r.json);
  return j.contains("result") ? j["result"] : Json::object();
}

// "code@path/severity" for each issue, in order.
std::vector<std::string> issues_of(const Json& result) {
  std::vector<std::string> out;
  for (const Json& i : result["issues"])
    out.push_back(i["code"].get<std::string>() + "@" + i["path"].get<std::string>() + "/" +
                  i["severity"].get<std::string>());
  return out;
}

TEST(ApplicationForms, NationalPackHasAFormForEveryBusiness) {
  const RulePack* national = engine().packs().national(*Date::from_ymd(2025, 6, 2));
  ASSERT_NE(national, nullptr);
  ASSERT_TRUE(national->application_forms.has_value());
  const ApplicationForms& f = *national->application_forms;
  EXPECT_EQ(f.forms.size(), 29u);
  EXPECT_EQ(f.account_number_lengths, (std::vector<int>{10, 13}));
  EXPECT_EQ(f.full_capacity_age, 18);
  EXPECT_EQ(f.own_income_age, 16);
  const ApplicationForm& res = f.forms.at("new_lv_residential");
  EXPECT_EQ(res.applicants, std::vector<ApplicantType>{ApplicantType::Person});
  EXPECT_EQ(res.account, FieldRule::None);
  EXPECT_TRUE(res.one_certificate);
  EXPECT_FALSE(f.forms.at("rename").one_certificate);
  EXPECT_TRUE(f.documents.at("resident_id_card").identity);
  EXPECT_FALSE(f.documents.at("property_proof").identity);
}

TEST(ApplicationForms, LoaderRefusesUnknownBusinessesAndDocuments) {
  const std::string pack = R"({"id": "t", "region": "national", "region_name": {"zh": "全国", "en": "National"},
    "version": "1", "effective": {"from": "2025-01-01", "to": "2025-12-31"},
    "application_forms": {"citation": {"document": "d", "date": "2025"}, "account_number_lengths": [10, 5],
      "applicant_age": {"full_capacity": 18, "own_income": 20, "citation": {"document": "d", "date": "2025"}},
      "documents": {"id_card": {"name": {"zh": "身份证", "en": "ID"}, "identity": true}},
      "forms": {"teleport": {}, "rename": {"applicants": ["robot"], "account": "maybe", "address": "none",
        "documents": [{"any_of": ["passport"]}], "citation": {"document": "d", "date": "2025"}}}}})";
  auto loaded = load_pack(pack, "t.json");
  ASSERT_FALSE(loaded.ok());
  std::set<std::string> paths;
  for (const Issue& i : loaded.issues()) paths.insert(i.path);
  EXPECT_TRUE(paths.count("/application_forms/account_number_lengths/1"));
  EXPECT_TRUE(paths.count("/application_forms/applicant_age/own_income"));
  EXPECT_TRUE(paths.count("/application_forms/forms/teleport"));
  EXPECT_TRUE(paths.count("/application_forms/forms/rename/applicants/0"));
  EXPECT_TRUE(paths.count("/application_forms/forms/rename/account"));
  EXPECT_TRUE(paths.count("/application_forms/forms/rename/documents/0/any_of/0"));
  EXPECT_TRUE(paths.count("/application_forms/forms"));  // 28 businesses without a form
}

TEST(Application, ValidResidentialApplicationHasNoIssues) {
  const Json r = validate(residential());
  EXPECT_TRUE(r["valid"].get<bool>()) << r.dump();
  EXPECT_EQ(issues_of(r), std::vector<std::string>{});
  EXPECT_EQ(r["eligibility"]["decision"], "eligible");
  EXPECT_EQ(r["normalized"]["applicant"]["resident_id"], "11010519491231002X");
  ASSERT_EQ(r["documents"].size(), 2u);  // identity (person) and property; no agent
  EXPECT_EQ(r["documents"][0]["provided"], "resident_id_card");
  EXPECT_EQ(r["documents"][1]["state"], "provided");
}

TEST(Application, EveryProblemComesInOneAnswerInFormOrder) {
  Json app = residential();
  app["applicant"]["resident_id"] = "110105194912310021";  // check character should be X
  app["contact"]["phone"] = "1381234567";                  // 10 digits
  app["address"]["postal_code"] = "31001";
  app["request"] = Json::parse(R"({"capacity_kva": 15, "phases": 1})");  // single phase above 12 kW
  app["documents"] = Json::array({"resident_id_card"});
  const Json r = validate(app);
  EXPECT_FALSE(r["valid"].get<bool>());
  EXPECT_EQ(issues_of(r), (std::vector<std::string>{
                              "PD_RESIDENT_ID_CHECKSUM@/applicant/resident_id/error",
                              "PD_PHONE_INVALID@/contact/phone/error",
                              "PD_POSTAL_CODE_INVALID@/address/postal_code/error",
                              "PD_NOT_ELIGIBLE@/request/phases/error",
                              "PD_DOCUMENT_MISSING@/documents/error",
                          }));
  EXPECT_EQ(r["counts"]["error"], 5);
}

TEST(Application, SinglePhaseAboveTheLimitIsRefusedWithTheRuleAndItsClause) {
  Json app = residential();
  app["request"] = Json::parse(R"({"capacity_kva": 15, "phases": 1})");
  const Json r = validate(app);
  ASSERT_EQ(r["issues"].size(), 1u) << r.dump();
  const Json& i = r["issues"][0];
  EXPECT_EQ(i["code"], "PD_NOT_ELIGIBLE");
  const std::string zh = i["message"]["zh"];
  EXPECT_NE(zh.find("单相 220 伏供电的容量不得超过 12 千瓦"), std::string::npos) << zh;
  EXPECT_NE(zh.find("[EL_SINGLE_PHASE_LIMIT]"), std::string::npos) << zh;
  // The supply rule agrees (three phases) but does not repeat the error.
  EXPECT_EQ(r["eligibility"]["decision"], "not_eligible");
}

TEST(Application, FewerPhasesThanTheSupplyRulesIsAMismatchWithASuggestion) {
  // 增容 to 20 kVA on one phase: the eligibility table does not test phases,
  // the supply_voltage table decides 380 V three-phase (above 12 kW).
  Json app = residential();
  app["business"] = "capacity_increase";
  app["account_number"] = "3302012345";
  app["customer"] = Json::parse(R"({"class": "residential", "status": "active", "capacity_kva": 8, "has_arrears": false})");
  app["request"] = Json::parse(R"({"capacity_kva": 20, "phases": 1})");
  app["documents"] = Json::array({"resident_id_card", "equipment_list"});
  const Json r = validate(app);
  EXPECT_EQ(issues_of(r), std::vector<std::string>{"PD_SUPPLY_MISMATCH@/request/phases/error"}) << r.dump();
  EXPECT_EQ(r["issues"][0]["suggestion"], "3");
}

TEST(Application, ApplicantAgeFollowsTheCivilCode) {
  Json app = residential();
  // Born 2010-06-01: 15 on 2025-06-02 → a guardian must apply.
  app["applicant"]["resident_id"] = "330106201006010017";
  EXPECT_EQ(issues_of(validate(app)), std::vector<std::string>{"PD_APPLICANT_AGE@/applicant/resident_id/error"});
  // Born 2008-01-01: 17 → accepted with proof of own income (warning).
  app["applicant"]["resident_id"] = "330106200801010011";
  const Json r = validate(app);
  EXPECT_EQ(issues_of(r), std::vector<std::string>{"PD_APPLICANT_AGE@/applicant/resident_id/warning"});
  EXPECT_TRUE(r["valid"].get<bool>());
}

TEST(Application, OneCertificateNeedsIdentityAndCommitmentOnly) {
  Json app = residential();
  app["one_certificate"] = true;
  app["documents"] = Json::array({"resident_id_card", "commitment"});
  Json r = validate(app);
  EXPECT_TRUE(r["valid"].get<bool>());
  EXPECT_EQ(issues_of(r), std::vector<std::string>{"PD_DOCUMENT_MISSING@/documents/info"});
  EXPECT_EQ(r["documents"][1]["state"], "later");
  // Without the commitment it is not enough.
  app["documents"] = Json::array({"resident_id_card"});
  r = validate(app);
  EXPECT_EQ(issues_of(r), (std::vector<std::string>{"PD_DOCUMENT_MISSING@/documents/info",
                                                    "PD_DOCUMENT_MISSING@/documents/error"}));
}

TEST(Application, AnAgentNeedsTheirIdAndAPowerOfAttorneyEvenUnderOneCertificate) {
  Json app = residential();
  app["one_certificate"] = true;
  app["documents"] = Json::array({"resident_id_card", "commitment", "agent_id_card"});
  app["agent"] = Json::parse(R"({"name": "赵六", "resident_id": "11010519491231002x", "phone": "0571-87654321"})");
  const Json r = validate(app);
  EXPECT_EQ(issues_of(r), (std::vector<std::string>{"PD_DOCUMENT_MISSING@/documents/error",
                                                    "PD_DOCUMENT_MISSING@/documents/info"}));
  EXPECT_EQ(r["normalized"]["agent"]["resident_id"], "11010519491231002X");  // x normalised
  EXPECT_EQ(r["normalized"]["agent"]["phone"], "0571-87654321");
}

TEST(Application, OrganisationsCannotApplyForAResidentialConnection) {
  Json app = residential();
  app["applicant"] = Json::parse(R"({"type": "organization", "name": "杭州西湖电子科技有限公司", "credit_code": "914403001922038216"})");
  app["documents"] = Json::array({"business_license", "property_proof"});
  EXPECT_EQ(issues_of(validate(app)), std::vector<std::string>{"PD_APPLICANT_TYPE_INVALID@/applicant/type/error"});
}

TEST(Application, FactsTheRulesNeedAreMissingFieldsAndNothingIsDecided) {
  Json app = residential();
  app["request"] = Json::object();
  const Json r = validate(app);
  // In the order of the table's columns: requested_phases, requested_capacity_kva.
  EXPECT_EQ(issues_of(r), (std::vector<std::string>{"PD_FIELD_MISSING@/request/phases/error",
                                                    "PD_FIELD_MISSING@/request/capacity_kva/error"}));
  EXPECT_TRUE(r["eligibility"].is_null());
}

TEST(Application, OnlyMalformedJsonOrANonObjectFailsTheCall) {
  EXPECT_FALSE(engine().validate_application("{").ok);
  const Response r = engine().validate_application("[1]");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.json.find("PD_FIELD_TYPE"), std::string::npos);
  EXPECT_TRUE(engine().validate_application("{}").ok);
}

// The golden set covers every business and every code an application can raise.
TEST(ApplicationGoldens, CoverEveryBusinessAndEveryApplicationCode) {
  std::set<std::string> businesses, codes;
  for (const auto& c : testing::golden_cases()) {
    if (c.operation != "validate") continue;
    const Json response = Json::parse(c.expected);
    if (!response["ok"].get<bool>()) {
      for (const Json& e : response["errors"]) codes.insert(e["code"]);
      continue;
    }
    const Json& result = response["result"];
    if (result["valid"].get<bool>()) businesses.insert(result["business"].get<std::string>());
    for (const Json& i : result["issues"]) codes.insert(i["code"]);
  }
  EXPECT_EQ(businesses.size(), 29u);
  for (const char* code :
       {"PD_JSON_MALFORMED", "PD_FIELD_TYPE", "PD_FIELD_MISSING", "PD_FIELD_UNKNOWN", "PD_DATE_INVALID",
        "PD_ENUM_INVALID", "PD_NUMBER_OUT_OF_RANGE", "PD_PERIOD_END_BEFORE_START", "PD_REGION_UNKNOWN",
        "PD_NO_PACK_FOR_DATE", "PD_BUSINESS_UNKNOWN", "PD_DUPLICATE_KEY", "PD_RESIDENT_ID_INVALID",
        "PD_RESIDENT_ID_CHECKSUM", "PD_RESIDENT_ID_BIRTH_DATE", "PD_DIVISION_CODE_UNKNOWN", "PD_USCC_INVALID",
        "PD_USCC_CHECKSUM", "PD_USCC_TYPE_UNKNOWN", "PD_PHONE_INVALID", "PD_POSTAL_CODE_INVALID",
        "PD_ACCOUNT_INVALID", "PD_NAME_INVALID", "PD_ADDRESS_INVALID", "PD_ADDRESS_OUTSIDE_REGION",
        "PD_DOCUMENT_MISSING", "PD_APPLICANT_AGE", "PD_NOT_ELIGIBLE", "PD_REVIEW_REQUIRED", "PD_SUPPLY_MISMATCH",
        "PD_APPLICANT_TYPE_INVALID"}) {
    EXPECT_TRUE(codes.count(code)) << code << " has no golden validate case";
  }
}

}  // namespace
}  // namespace powerdesk
