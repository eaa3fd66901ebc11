// Star tiers (星级客户) on the real national pack: every row of star_tier,
// star_tier_support and star_services; the boundaries of each range; the
// services per tier; every matching row listed; the typed batch API agreeing
// with the explained one; the star_services loader; the facade and its errors.
// Source: 《建筑学研究前沿》2017年第18期, 刘娜等, §1.1–1.3, §2, §2.2, §2.3.
#include "powerdesk/api.hpp"
#include "powerdesk/rulepack.hpp"
#include "powerdesk/tier.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "golden.hpp"

namespace powerdesk {
namespace {

using testing::real_rules_engine;
using Json = nlohmann::json;

const Engine& engine() {
  static const Engine e = real_rules_engine();
  return e;
}

const Date kDay = *Date::parse("2025-06-01");

const StarTierClassifier& classifier() {
  static const StarTierClassifier c = [] {
    auto built = StarTierClassifier::build(engine().packs(), "zhejiang", kDay);
    if (!built.ok()) throw std::runtime_error("star tables: " + built.issues().front().message.en);
    return built.value();
  }();
  return c;
}

std::vector<std::string> row_ids(const decision::Table& t, const std::vector<int>& rows) {
  std::vector<std::string> out;
  for (int r : rows) out.push_back(t.rows[static_cast<size_t>(r)].id);
  return out;
}

// Tier and every matching star_tier row, from the explained API; checks the
// fast path agrees.
struct Outcome {
  StarTier tier;
  std::vector<std::string> rows;
};

Outcome classify(const StarCustomer& c) {
  const StarTierExplanation e = classifier().explain(c);
  EXPECT_EQ(classifier().classify(c), e.tier) << "typed fast path disagrees with evaluate()";
  return {e.tier, row_ids(classifier().tier_table(), e.tier_eval.matched)};
}

// A customer who qualifies by consumption when given enough kWh.
StarCustomer consumer(const char* kwh) {
  StarCustomer c;
  c.annual_kwh = *Energy::parse(kwh);
  c.credit_rating = CreditRating::Excellent;
  return c;
}

StarCustomer with_voltage(const char* kv) {
  StarCustomer c;
  c.supply_voltage_kv = *KiloVolt::parse(kv);
  return c;
}

StarCustomer with_project(Level l) {
  StarCustomer c;
  c.project_level = l;
  return c;
}

StarCustomer with_park(Level l) {
  StarCustomer c;
  c.park_level = l;
  return c;
}

StarCustomer with_category(SpecialCategory s) {
  StarCustomer c;
  c.special_category = s;
  return c;
}

struct RowCase {
  const char* row;
  StarCustomer customer;
  StarTier tier;
};

// One customer per row that meets that row alone (§1.1, §1.2, §1.3).
std::vector<RowCase> single_row_cases() {
  return {
      {"kwh-three-star", consumer("250000000"), StarTier::ThreeStar},
      {"kwh-two-star", consumer("150000000"), StarTier::TwoStar},
      {"kwh-one-star", consumer("50000000"), StarTier::OneStar},
      {"project-national", with_project(Level::National), StarTier::ThreeStar},
      {"project-provincial", with_project(Level::Provincial), StarTier::TwoStar},
      {"project-municipal", with_project(Level::Municipal), StarTier::OneStar},
      {"park-national", with_park(Level::National), StarTier::ThreeStar},
      {"park-provincial", with_park(Level::Provincial), StarTier::TwoStar},
      {"park-municipal", with_park(Level::Municipal), StarTier::OneStar},
      {"voltage-110kv-and-above", with_voltage("110"), StarTier::ThreeStar},
      {"voltage-35kv-to-110kv", with_voltage("35"), StarTier::TwoStar},
      {"special-high-risk", with_category(SpecialCategory::Military), StarTier::TwoStar},
      {"special-high-risk", with_category(SpecialCategory::Airport), StarTier::TwoStar},
      {"special-high-risk", with_category(SpecialCategory::HighRiskOther), StarTier::TwoStar},
      {"special-livelihood", with_category(SpecialCategory::AffordableHousing), StarTier::TwoStar},
      {"special-livelihood", with_category(SpecialCategory::HopeSchool), StarTier::TwoStar},
      {"special-livelihood", with_category(SpecialCategory::LivelihoodOther), StarTier::TwoStar},
      {"special-flood-relief", with_category(SpecialCategory::FloodRelief), StarTier::TwoStar},
  };
}

// ---- schema and tables --------------------------------------------------------

TEST(StarTierSchema, FieldsMatchTheTypedEnums) {
  const auto& s = star_customer_schema();
  ASSERT_EQ(s.fields.size(), static_cast<size_t>(kStarFieldCount));
  const std::vector<std::string> names = {"existing_customer", "annual_kwh",        "has_arrears",
                                          "credit_rating",     "project_level",     "park_level",
                                          "supply_voltage_kv", "special_category",  "tier"};
  for (size_t i = 0; i < names.size(); ++i) EXPECT_EQ(s.fields[i].name, names[i]);
  EXPECT_EQ(s.fields[kCreditRating].values, (std::vector<std::string>{"excellent", "good", "fair", "poor"}));
  EXPECT_EQ(s.fields[kCreditRating].labels[0].zh, "优");
  EXPECT_EQ(s.fields[kProjectLevel].values, (std::vector<std::string>{"none", "municipal", "provincial", "national"}));
  EXPECT_EQ(s.fields[kParkLevel].values, s.fields[kProjectLevel].values);
  EXPECT_EQ(s.fields[kSpecialCategory].values,
            (std::vector<std::string>{"none", "military", "airport", "high_risk_other", "affordable_housing",
                                      "hope_school", "livelihood_other", "flood_relief"}));
  EXPECT_EQ(s.fields[kTierField].values, (std::vector<std::string>{"ordinary", "one_star", "two_star", "three_star"}));
  EXPECT_EQ(s.fields[kAnnualKwh].scale, 3);
  EXPECT_EQ(s.fields[kAnnualKwh].min, 0);
  EXPECT_EQ(s.fields[kSupplyVoltageKv].scale, 3);
  EXPECT_EQ(s.fields[kSupplyVoltageKv].max, 1000 * 1000);
  EXPECT_EQ(decision::find_schema("star_customer"), &s);
  for (int t = 0; t < 4; ++t)
    EXPECT_EQ(star_tier_code(static_cast<StarTier>(t)), s.fields[kTierField].values[static_cast<size_t>(t)]);
}

TEST(StarTierTable, HasTheRowsOfTheSourceInOrder) {
  const decision::Table& t = classifier().tier_table();
  EXPECT_EQ(t.policy, decision::HitPolicy::Max);
  ASSERT_TRUE(t.default_row.has_value());
  std::vector<std::string> ids;
  for (const auto& r : t.rows) {
    ids.push_back(r.id);
    EXPECT_FALSE(r.explanation.zh.empty()) << r.id;
    EXPECT_FALSE(r.explanation.en.empty()) << r.id;
    EXPECT_NE(r.citation.document.find("《建筑学研究前沿》2017年第18期"), std::string::npos) << r.id;
    EXPECT_EQ(r.citation.date, "2017-12-05") << r.id;
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"kwh-three-star", "kwh-two-star", "kwh-one-star", "project-national",
                                           "project-provincial", "project-municipal", "park-national",
                                           "park-provincial", "park-municipal", "voltage-110kv-and-above",
                                           "voltage-35kv-to-110kv", "special-high-risk", "special-livelihood",
                                           "special-flood-relief"}));
  EXPECT_EQ(classifier().tier_pack().id, "cn-national-2024");
}

// ---- every row ---------------------------------------------------------------

TEST(StarTierRows, EachRowAloneGivesItsTier) {
  std::vector<std::string> covered;
  for (const RowCase& c : single_row_cases()) {
    SCOPED_TRACE(c.row);
    const Outcome o = classify(c.customer);
    EXPECT_EQ(o.tier, c.tier);
    EXPECT_EQ(o.rows, std::vector<std::string>{c.row});
    covered.push_back(c.row);
  }
  for (const auto& r : classifier().tier_table().rows)
    EXPECT_NE(std::find(covered.begin(), covered.end(), r.id), covered.end()) << "row without a test: " << r.id;
}

TEST(StarTierRows, NothingMatchedIsOrdinaryByTheDefault) {
  const StarTierExplanation e = classifier().explain(StarCustomer{});
  EXPECT_EQ(e.tier, StarTier::Ordinary);
  EXPECT_TRUE(e.tier_eval.matched.empty());
  EXPECT_TRUE(e.tier_eval.default_used);
  EXPECT_EQ(e.label.zh, "普通客户");
  EXPECT_EQ(classifier().classify(StarCustomer{}), StarTier::Ordinary);
}

TEST(StarTierRows, LabelsComeFromThePack) {
  EXPECT_EQ(classifier().explain(consumer("50000000")).label.zh, "一星级优质客户");
  EXPECT_EQ(classifier().explain(consumer("150000000")).label.zh, "二星级优质客户");
  EXPECT_EQ(classifier().explain(consumer("250000000")).label.zh, "三星级优质客户");
  EXPECT_EQ(classifier().explain(consumer("250000000")).label.en, "Three-star premium customer");
}

// §1.1: consumption counts only for an existing customer with no arrears and 优.
TEST(StarTierRows, ConsumptionNeedsExistingNoArrearsAndExcellentCredit) {
  for (const char* kwh : {"10000000", "100000000", "200000000", "900000000"}) {
    SCOPED_TRACE(kwh);
    StarCustomer c = consumer(kwh);
    c.existing_customer = false;
    EXPECT_EQ(classify(c).tier, StarTier::Ordinary);
    c = consumer(kwh);
    c.has_arrears = true;
    EXPECT_EQ(classify(c).tier, StarTier::Ordinary);
    for (CreditRating r : {CreditRating::Good, CreditRating::Fair, CreditRating::Poor}) {
      c = consumer(kwh);
      c.credit_rating = r;
      EXPECT_EQ(classify(c).tier, StarTier::Ordinary);
      EXPECT_TRUE(classify(c).rows.empty());
    }
  }
}

// §1.2/§1.3 read literally: no arrears or credit condition (pack assumption).
TEST(StarTierRows, ProjectParkVoltageAndCategoryIgnoreArrearsAndCredit) {
  std::vector<RowCase> cases = single_row_cases();
  for (RowCase& c : cases) {
    if (std::string(c.row).rfind("kwh-", 0) == 0) continue;
    SCOPED_TRACE(c.row);
    c.customer.has_arrears = true;
    c.customer.credit_rating = CreditRating::Poor;
    c.customer.existing_customer = false;
    const Outcome o = classify(c.customer);
    EXPECT_EQ(o.tier, c.tier);
    EXPECT_EQ(o.rows, std::vector<std::string>{c.row});
  }
}

// ---- boundaries ----------------------------------------------------------------

TEST(StarTierBoundaries, AnnualConsumption) {
  const std::vector<std::pair<const char*, StarTier>> cases = {
      {"0", StarTier::Ordinary},
      {"9999999.999", StarTier::Ordinary},
      {"10000000", StarTier::OneStar},  // 1000万 inclusive
      {"10000000.001", StarTier::OneStar},
      {"99999999.999", StarTier::OneStar},
      {"100000000", StarTier::TwoStar},  // 1亿 inclusive
      {"199999999.999", StarTier::TwoStar},
      {"200000000", StarTier::ThreeStar},  // 2亿 inclusive
      {"10000000000", StarTier::ThreeStar},
  };
  for (const auto& [kwh, tier] : cases) {
    SCOPED_TRACE(kwh);
    EXPECT_EQ(classify(consumer(kwh)).tier, tier);
  }
  EXPECT_EQ(classify(consumer("10000000")).rows, std::vector<std::string>{"kwh-one-star"});
  EXPECT_EQ(classify(consumer("200000000")).rows, std::vector<std::string>{"kwh-three-star"});
  EXPECT_TRUE(classify(consumer("9999999.999")).rows.empty());
}

TEST(StarTierBoundaries, SupplyVoltage) {
  const std::vector<std::pair<const char*, StarTier>> cases = {
      {"0", StarTier::Ordinary},        {"0.4", StarTier::Ordinary},     {"10", StarTier::Ordinary},
      {"34.999", StarTier::Ordinary},   {"35", StarTier::TwoStar},       {"66", StarTier::TwoStar},
      {"109.999", StarTier::TwoStar},   {"110", StarTier::ThreeStar},    {"220", StarTier::ThreeStar},
      {"500", StarTier::ThreeStar},     {"1000", StarTier::ThreeStar},
  };
  for (const auto& [kv, tier] : cases) {
    SCOPED_TRACE(kv);
    EXPECT_EQ(classify(with_voltage(kv)).tier, tier);
  }
  EXPECT_EQ(classify(with_voltage("66")).rows, std::vector<std::string>{"voltage-35kv-to-110kv"});
  EXPECT_EQ(classify(with_voltage("220")).rows, std::vector<std::string>{"voltage-110kv-and-above"});
}

// ---- several rules at once ------------------------------------------------------

TEST(StarTierMultiple, EveryMatchingRowIsListedAndTheHighestWins) {
  StarCustomer c = consumer("120000000");  // two-star by consumption
  c.project_level = Level::National;        // three-star
  c.park_level = Level::Municipal;          // one-star
  c.supply_voltage_kv = KiloVolt::from_int(35);
  c.special_category = SpecialCategory::FloodRelief;
  const StarTierExplanation e = classifier().explain(c);
  EXPECT_EQ(e.tier, StarTier::ThreeStar);
  EXPECT_EQ(row_ids(classifier().tier_table(), e.tier_eval.matched),
            (std::vector<std::string>{"kwh-two-star", "project-national", "park-municipal", "voltage-35kv-to-110kv",
                                      "special-flood-relief"}));
  EXPECT_EQ(classifier().tier_table().rows[static_cast<size_t>(e.tier_eval.chosen)].id, "project-national");
}

TEST(StarTierMultiple, OnATieTheEarliestRowDecides) {
  StarCustomer c = with_project(Level::Provincial);
  c.park_level = Level::Provincial;
  c.special_category = SpecialCategory::Airport;
  const StarTierExplanation e = classifier().explain(c);
  EXPECT_EQ(e.tier, StarTier::TwoStar);
  EXPECT_EQ(row_ids(classifier().tier_table(), e.tier_eval.matched),
            (std::vector<std::string>{"project-provincial", "park-provincial", "special-high-risk"}));
  EXPECT_EQ(classifier().tier_table().rows[static_cast<size_t>(e.tier_eval.chosen)].id, "project-provincial");
}

// ---- support and services (§2, §2.2, §2.3) --------------------------------------

std::vector<int> numbers(const StarTierExplanation& e) {
  std::vector<int> out;
  for (const StarService* s : e.services) out.push_back(s->number);
  return out;
}

std::vector<int> range(int from, int to) {
  std::vector<int> out;
  for (int i = from; i <= to; ++i) out.push_back(i);
  return out;
}

TEST(StarTierServices, PerTier) {
  const StarTierExplanation three = classifier().explain(consumer("300000000"));
  const StarTierExplanation two = classifier().explain(with_voltage("35"));
  const StarTierExplanation one = classifier().explain(with_park(Level::Municipal));
  const StarTierExplanation none = classifier().explain(StarCustomer{});
  EXPECT_EQ(numbers(three), range(1, 16));
  EXPECT_EQ(numbers(two), range(2, 16));
  EXPECT_EQ(numbers(one), range(4, 16));
  EXPECT_TRUE(numbers(none).empty());
  EXPECT_EQ(three.services.size(), 16u);
  EXPECT_EQ(two.services.size(), 15u);
  EXPECT_EQ(one.services.size(), 13u);
}

TEST(StarTierServices, EveryServiceRowIsMetByItsLowestTier) {
  const StarTierExplanation three = classifier().explain(consumer("300000000"));
  ASSERT_EQ(three.services_eval.matched.size(), 16u);
  const auto& rows = classifier().explain(StarCustomer{}).services_eval.matched;
  EXPECT_TRUE(rows.empty());
  // Row n is met by the tier the source names as the lowest for service n.
  const StarTierExplanation two = classifier().explain(with_voltage("35"));
  const StarTierExplanation one = classifier().explain(with_park(Level::Municipal));
  EXPECT_EQ(two.services_eval.matched.front(), 1);  // service-02 is the second row
  EXPECT_EQ(one.services_eval.matched.front(), 3);  // service-04
  EXPECT_EQ(two.services_eval.matched.size(), 15u);
  EXPECT_EQ(one.services_eval.matched.size(), 13u);
}

TEST(StarTierServices, SupportPerTier) {
  struct Case {
    StarCustomer c;
    bool manager, team;
  };
  const std::vector<Case> cases = {{StarCustomer{}, false, false},
                                   {with_park(Level::Municipal), true, false},
                                   {with_park(Level::Provincial), true, false},
                                   {with_park(Level::National), true, true}};
  for (const Case& k : cases) {
    const StarTierExplanation e = classifier().explain(k.c);
    SCOPED_TRACE(std::string(star_tier_code(e.tier)));
    EXPECT_EQ(e.customer_manager, k.manager);
    EXPECT_EQ(e.project_team, k.team);
    EXPECT_EQ(e.support_eval.matched.size(), 1u);  // UNIQUE
  }
}

TEST(StarTierServices, CatalogueHoldsTheSixteenServicesOfTheSource) {
  const RulePack* national = engine().packs().national(kDay);
  ASSERT_NE(national, nullptr);
  const auto& s = national->star_services;
  ASSERT_EQ(s.size(), 16u);
  for (size_t i = 0; i < s.size(); ++i) {
    EXPECT_EQ(s[i].number, static_cast<int>(i) + 1);
    EXPECT_FALSE(s[i].description.zh.empty());
    EXPECT_FALSE(s[i].description.en.empty());
    EXPECT_EQ(s[i].citation.date, "2017-12-05");
  }
  EXPECT_EQ(s[0].name.zh, "提供设备维护服务和技术支持");
  EXPECT_EQ(s[4].name.zh, "实施“协商停电”");
  EXPECT_EQ(s[14].name.zh, "互联网+信息推送");
  EXPECT_EQ(s[15].name.zh, "提供预约服务");
  EXPECT_EQ(s[15].description.zh, "客户办理增容、减容、暂停等业务，通过电话、微信平台等手段实行预约服务。");
}

// ---- the typed batch API ---------------------------------------------------------

TEST(StarTierBatch, AgreesWithOneByOneOverAGrid) {
  std::vector<StarCustomer> in;
  for (const char* kwh : {"0", "9999999.999", "10000000", "100000000", "200000000"})
    for (CreditRating r : {CreditRating::Excellent, CreditRating::Good})
      for (bool arrears : {false, true})
        for (int level = 0; level < 4; ++level)
          for (const char* kv : {"10", "35", "110"})
            for (int cat = 0; cat < 8; cat += 3) {
              StarCustomer c = consumer(kwh);
              c.credit_rating = r;
              c.has_arrears = arrears;
              c.project_level = static_cast<Level>(level);
              c.park_level = static_cast<Level>(3 - level);
              c.supply_voltage_kv = *KiloVolt::parse(kv);
              c.special_category = static_cast<SpecialCategory>(cat);
              in.push_back(c);
            }
  std::vector<StarTier> out(in.size(), StarTier::Ordinary);
  classifier().classify(in, out);
  for (size_t i = 0; i < in.size(); ++i) ASSERT_EQ(out[i], classifier().explain(in[i]).tier) << i;
}

// ---- classifier build errors -------------------------------------------------------

TEST(StarTierClassifierBuild, UnknownRegionAndDateWithoutTables) {
  auto r = StarTierClassifier::build(engine().packs(), "atlantis", kDay);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.issues().front().code, Code::RegionUnknown);
  auto d = StarTierClassifier::build(engine().packs(), "zhejiang", *Date::parse("2031-01-01"));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.issues().front().code, Code::NoPackForDate);
  EXPECT_EQ(d.issues().front().path, "/date");
  // The frozen test packs carry no star tables.
  auto f = StarTierClassifier::build(testing::frozen_packs(), "zj-test", kDay);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.issues().size(), 3u);
}

Json national_json() {
  return Json::parse(testing::read_file(std::string(POWERDESK_SOURCE_DIR) + "/rules/national/cn-national-2024.json"));
}

// A registry holding packs built from edited JSON, and the classifier on it
// (the classifier points into the registry's tables, so both live together).
struct Built {
  std::unique_ptr<PackRegistry> packs = std::make_unique<PackRegistry>();
  Issues issues;
  std::optional<StarTierClassifier> classifier;
  bool ok() const { return classifier.has_value(); }
};

Built build_on(const std::vector<Json>& packs, const std::string& region) {
  Built b;
  for (size_t i = 0; i < packs.size(); ++i) {
    auto pack = load_pack(packs[i].dump(), "edited.json");
    if (!pack.ok()) {
      b.issues = pack.issues();
      return b;
    }
    b.packs->add(pack.value());
  }
  auto c = StarTierClassifier::build(*b.packs, region, kDay);
  if (c.ok()) b.classifier = c.value();
  else b.issues = c.issues();
  return b;
}

Built build_with(const std::function<void(Json&)>& edit) {
  Json j = national_json();
  edit(j);
  return build_on({j}, "national");
}

TEST(StarTierClassifierBuild, RefusesTablesThatDoNotFitTheTypedApi) {
  auto wrong_values = build_with([](Json& j) {
    auto& out = j["decision_tables"]["star_tier"]["outputs"][0];
    out["values"] = {"ordinary", "one_star", "two_star", "three_star", "four_star"};
  });
  ASSERT_FALSE(wrong_values.ok());
  ASSERT_FALSE(wrong_values.issues.empty());
  EXPECT_EQ(wrong_values.issues.front().code, Code::PackInvalid);
  EXPECT_EQ(wrong_values.issues.front().path, "/decision_tables/star_tier");
  EXPECT_EQ(wrong_values.issues.front().file, "edited.json");

  auto not_collect = build_with([](Json& j) {
    auto& t = j["decision_tables"]["star_services"];
    t["hit_policy"] = "FIRST";  // valid as a table (with a default), not as the services list
    t["default"] = {{"then", {{"service", 16}}}, {"explanation", t["rows"][0]["explanation"]},
                    {"citation", t["rows"][0]["citation"]}};
  });
  ASSERT_FALSE(not_collect.ok());
  ASSERT_FALSE(not_collect.issues.empty());
  EXPECT_EQ(not_collect.issues.front().path, "/decision_tables/star_services");

  auto unknown_service = build_with([](Json& j) {
    j["decision_tables"]["star_services"]["rows"][15]["then"]["service"] = 17;
  });
  ASSERT_FALSE(unknown_service.ok());
  ASSERT_FALSE(unknown_service.issues.empty());
  EXPECT_EQ(unknown_service.issues.front().path, "/decision_tables/star_services/rows/15");

  auto no_manager = build_with([](Json& j) {
    auto& t = j["decision_tables"]["star_tier_support"];
    t["outputs"][0]["name"] = "manager";
    for (auto& row : t["rows"]) {
      row["then"]["manager"] = row["then"]["customer_manager"];
      row["then"].erase("customer_manager");
    }
  });
  ASSERT_FALSE(no_manager.ok());
  ASSERT_FALSE(no_manager.issues.empty());
  EXPECT_EQ(no_manager.issues.front().path, "/decision_tables/star_tier_support");
}

// Changing a rule is a data change: a stricter 35 kV row, no code.
TEST(StarTierClassifierBuild, UsesTheEditedTableRows) {
  auto stricter = build_with([](Json& j) {
    j["decision_tables"]["star_tier"]["rows"][10]["when"]["credit_rating"] = "excellent";
  });
  ASSERT_TRUE(stricter.ok());
  StarCustomer c = with_voltage("35");
  c.credit_rating = CreditRating::Good;
  EXPECT_EQ(stricter.classifier->classify(c), StarTier::Ordinary);
  c.credit_rating = CreditRating::Excellent;
  EXPECT_EQ(stricter.classifier->classify(c), StarTier::TwoStar);
}

// A regional pack's own star_tier wins in that region; others keep the national one.
TEST(StarTierClassifierBuild, RegionalTableWinsInItsRegion) {
  const Json national = national_json();
  Json zhejiang = Json::parse(testing::read_file(std::string(POWERDESK_SOURCE_DIR) + "/rules/zhejiang/zhejiang-2025.json"));
  Json beijing = Json::parse(testing::read_file(std::string(POWERDESK_SOURCE_DIR) + "/rules/beijing/beijing-2025.json"));
  Json own = national["decision_tables"]["star_tier"];
  own["rows"][10]["when"]["supply_voltage_kv"] = {{">=", 10}, {"<", 110}};  // 10 kV is two-star here
  zhejiang["decision_tables"] = {{"star_tier", own}};
  Built zj = build_on({national, zhejiang, beijing}, "zhejiang");
  ASSERT_TRUE(zj.ok());
  EXPECT_EQ(zj.classifier->tier_pack().region, "zhejiang");
  EXPECT_EQ(zj.classifier->classify(with_voltage("10")), StarTier::TwoStar);
  // Support and services still come from the national pack.
  EXPECT_EQ(numbers(zj.classifier->explain(with_voltage("10"))), range(2, 16));
  Built bj = build_on({national, zhejiang, beijing}, "beijing");
  ASSERT_TRUE(bj.ok());
  EXPECT_EQ(bj.classifier->tier_pack().region, "national");
  EXPECT_EQ(bj.classifier->classify(with_voltage("10")), StarTier::Ordinary);
}

// ---- the star_services loader --------------------------------------------------------

Issues load_issues(const std::function<void(Json&)>& edit) {
  Json j = national_json();
  edit(j);
  auto pack = load_pack(j.dump(), "edited.json");
  return pack.ok() ? Issues{} : pack.issues();
}

void expect_issue(const Issues& issues, Code code, const std::string& path) {
  bool found = false;
  for (const Issue& i : issues) found = found || (i.code == code && i.path == path);
  std::string all;
  for (const Issue& i : issues) all += std::string(code_name(i.code)) + " " + i.path + "; ";
  EXPECT_TRUE(found) << "wanted " << code_name(code) << " at " << path << ", got: " << all;
  for (const Issue& i : issues) EXPECT_EQ(i.file, "edited.json");
}

TEST(StarServicesLoader, RefusesDuplicatesGapsAndUnknownFields) {
  expect_issue(load_issues([](Json& j) { j["star_services"][3]["number"] = 3; }), Code::PackInvalid,
               "/star_services/3/number");
  // Removing service 4 leaves a gap (and the table's row 4 no longer resolves).
  expect_issue(load_issues([](Json& j) { j["star_services"].erase(3); }), Code::PackInvalid, "/star_services");
  expect_issue(load_issues([](Json& j) { j["star_services"][0]["cost"] = 1; }), Code::FieldUnknown,
               "/star_services/0/cost");
  expect_issue(load_issues([](Json& j) { j["star_services"][0]["number"] = 0; }), Code::NumberOutOfRange,
               "/star_services/0/number");
  expect_issue(load_issues([](Json& j) { j["star_services"][1].erase("citation"); }), Code::FieldMissing,
               "/star_services/1/citation");
  expect_issue(load_issues([](Json& j) { j["star_services"][2]["name"]["en"] = ""; }), Code::PackInvalid,
               "/star_services/2/name");
  expect_issue(load_issues([](Json& j) { j["star_services"][2] = "service"; }), Code::PackInvalid,
               "/star_services/2");
  expect_issue(load_issues([](Json& j) { j["star_services"] = Json::object(); }), Code::FieldType, "/star_services");
}

TEST(StarServicesLoader, SortsByNumber) {
  Json j = national_json();
  std::swap(j["star_services"][0], j["star_services"][15]);
  auto pack = load_pack(j.dump(), "swapped.json");
  ASSERT_TRUE(pack.ok());
  EXPECT_EQ(pack.value()->star_services.front().number, 1);
  EXPECT_EQ(pack.value()->star_services.back().number, 16);
}

// ---- the facade ------------------------------------------------------------------------

Json call(const std::string& request) {
  const Response r = engine().star_tier(request);
  EXPECT_FALSE(r.internal_error) << r.json;
  return Json::parse(r.json);
}

TEST(StarTierFacade, AnswersWithTierServicesTraceAndPack) {
  const Json r = call(R"({"region": "zhejiang", "date": "2025-06-01",
    "customer": {"annual_kwh": "250000000", "credit_rating": "excellent", "supply_voltage_kv": "220"}})");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const Json& res = r["result"];
  EXPECT_EQ(res["tier"], "three_star");
  EXPECT_EQ(res["label"]["zh"], "三星级优质客户");
  EXPECT_EQ(res["customer_manager"], true);
  EXPECT_EQ(res["project_team"], true);
  ASSERT_EQ(res["services"].size(), 16u);
  EXPECT_EQ(res["services"][0]["number"], 1);
  EXPECT_EQ(res["services"][0]["name"]["zh"], "提供设备维护服务和技术支持");
  EXPECT_FALSE(res["services"][0]["description"]["en"].get<std::string>().empty());
  EXPECT_EQ(res["pack"], (Json{{"id", "cn-national-2024"}, {"version", "2024.1"}, {"region", "national"}}));
  EXPECT_EQ(res["defaulted"], (Json{"existing_customer", "has_arrears", "project_level", "park_level", "special_category"}));
  ASSERT_EQ(res["trace"].size(), 3u);
  EXPECT_EQ(res["trace"][0]["table"], "star_tier");
  EXPECT_EQ(res["trace"][1]["table"], "star_tier_support");
  EXPECT_EQ(res["trace"][2]["table"], "star_services");
  const Json& matched = res["trace"][0]["matched"];
  ASSERT_EQ(matched.size(), 2u);
  EXPECT_EQ(matched[0]["row"], "kwh-three-star");
  EXPECT_EQ(matched[1]["row"], "voltage-110kv-and-above");
  EXPECT_EQ(res["trace"][0]["result"]["row"], "kwh-three-star");
  EXPECT_EQ(res["trace"][0]["inputs"]["annual_kwh"], "250000000");
  EXPECT_EQ(res["trace"][2]["matched"].size(), 16u);
}

TEST(StarTierFacade, EmptyCustomerIsOrdinaryWithEveryFieldDefaulted) {
  const Json r = call(R"({"region": "beijing", "date": "2025-01-01", "customer": {}})");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_EQ(r["result"]["tier"], "ordinary");
  EXPECT_EQ(r["result"]["customer_manager"], false);
  EXPECT_TRUE(r["result"]["services"].empty());
  EXPECT_EQ(r["result"]["defaulted"].size(), 8u);
  EXPECT_EQ(r["result"]["trace"][0]["result"]["default"], true);
}

// Each bad request: the code and JSON pointer of its issue.
TEST(StarTierFacade, RequestErrorsCarryCodeAndPointer) {
  struct Case {
    const char* request;
    const char* code;
    const char* path;
  };
  const std::vector<Case> cases = {
      {R"({"region": "zhejiang", "date": "2025-06-01", "customer": {"credit_rating": "great"}})", "PD_ENUM_INVALID", "/customer/credit_rating"},
      {R"({"region": "zhejiang", "date": "2025-06-01", "customer": {"project_level": "county"}})", "PD_ENUM_INVALID", "/customer/project_level"},
      {R"({"region": "zhejiang", "date": "2025-06-01", "customer": {"park_level": "National"}})", "PD_ENUM_INVALID", "/customer/park_level"},
      {R"({"region": "zhejiang", "date": "2025-06-01", "customer": {"special_category": "hospital"}})", "PD_ENUM_INVALID", "/customer/special_category"},
      {R"({"region": "zhejiang", "date": "2025-06-01", "customer": {"annual_kwh": "5"}})", "PD_FIELD_MISSING", "/customer/credit_rating"},
      {R"({"region": "zhejiang", "date": "2025-06-01", "customer": {"annual_kwh": "-1", "credit_rating": "good"}})", "PD_NUMBER_OUT_OF_RANGE", "/customer/annual_kwh"},
      {R"({"region": "zhejiang", "date": "2025-06-01", "customer": {"annual_kwh": "1.0001", "credit_rating": "good"}})", "PD_NUMBER_TOO_PRECISE", "/customer/annual_kwh"},
      {R"({"region": "zhejiang", "date": "2025-06-01", "customer": {"supply_voltage_kv": 1001}})", "PD_NUMBER_OUT_OF_RANGE", "/customer/supply_voltage_kv"},
      {R"({"region": "zhejiang", "date": "2025-06-01", "customer": {"existing_customer": "yes"}})", "PD_FIELD_TYPE", "/customer/existing_customer"},
      {R"({"region": "zhejiang", "date": "2025-06-01", "customer": {"voltage": 10}})", "PD_FIELD_UNKNOWN", "/customer/voltage"},
      {R"({"region": "zhejiang", "date": "2025-06-01", "customer": {}, "tier": "one_star"})", "PD_FIELD_UNKNOWN", "/tier"},
      {R"({"date": "2025-06-01", "customer": {}})", "PD_FIELD_MISSING", "/region"},
      {R"({"region": "zhejiang", "customer": {}})", "PD_FIELD_MISSING", "/date"},
      {R"({"region": "zhejiang", "date": "2025-06-01"})", "PD_FIELD_MISSING", "/customer"},
      {R"({"region": "zhejiang", "date": "2025-02-30", "customer": {}})", "PD_DATE_INVALID", "/date"},
      {R"({"region": "atlantis", "date": "2025-06-01", "customer": {}})", "PD_REGION_UNKNOWN", "/region"},
      {R"({"region": "zhejiang", "date": "2031-01-01", "customer": {}})", "PD_NO_PACK_FOR_DATE", "/date"},
      {R"({"region": "zhejiang", "date": "2025-06-01", "customer": [])", "PD_JSON_MALFORMED", ""},
      {R"([1, 2])", "PD_FIELD_TYPE", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.request);
    const Json r = call(c.request);
    ASSERT_FALSE(r["ok"].get<bool>());
    ASSERT_FALSE(r["errors"].empty());
    EXPECT_EQ(r["errors"][0]["code"], c.code);
    EXPECT_EQ(r["errors"][0]["path"], c.path);
    EXPECT_FALSE(r["errors"][0]["message"]["zh"].get<std::string>().empty());
    EXPECT_FALSE(r["errors"][0]["message"]["en"].get<std::string>().empty());
  }
}

TEST(StarTierFacade, ReportsEveryProblemTogether) {
  const Json r = call(R"({"region": "zhejiang", "date": "2025-06-01",
    "customer": {"annual_kwh": "x", "park_level": "county", "special_category": 3, "colour": "red"}})");
  ASSERT_FALSE(r["ok"].get<bool>());
  std::vector<std::string> paths;
  for (const Json& e : r["errors"]) paths.push_back(e["path"]);
  std::sort(paths.begin(), paths.end());
  EXPECT_EQ(paths, (std::vector<std::string>{"/customer/annual_kwh", "/customer/colour", "/customer/credit_rating",
                                             "/customer/park_level", "/customer/special_category"}));
}

}  // namespace
}  // namespace powerdesk
