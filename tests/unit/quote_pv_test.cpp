// The "pv" quote (分布式光伏) on the real packs in rules/: categories and modes
// of 国能发新能规〔2025〕7号, connection voltage by capacity (facts §9.1:
// ≤8 kW 220 V; ≤400 kW 380 V; ≤6 MW 10 kV; ≤30 MW 35 kV), the regional feed-in
// price (燃煤发电基准价: zhejiang 0.4153, jiangsu 0.391, guangdong 0.453) and
// the regional packs' [assumed] yields (zhejiang 1000, jiangsu 1100 kWh/kW).
#include <gtest/gtest.h>

#include <string>

#include "../support/quote_support.hpp"
#include "powerdesk/json_input.hpp"
#include "powerdesk/rulepack.hpp"

namespace powerdesk::testing {
namespace {

Json quote(const std::string& body) {
  const std::string req = R"({"kind": "pv", "date": "2025-07-01", )" + body + "}";
  return quote_envelope(req);
}

Json ok(const std::string& body) { return result_of(quote(body)); }

// "CODE@/path" of the first error.
std::string first_issue(const std::string& body) { return first_error(quote(body)); }

// Zhejiang, natural person, 10 kW, 30 % self-used at 0.538 元/kWh, 35,000 元.
//   generation 10 × 1000 = 10000 kWh; self 3000; export 7000
//   saving 3000 × 0.538 = 1614.00; revenue 7000 × 0.4153 = 2907.10; benefit 4521.10
//   payback 35000 / 4521.10 = 7.7415 → 7.74 years; 10 kW ≤ 400 kW → 380 V
TEST(QuotePv, ZhejiangHouseholdSurplus) {
  Json r = ok(R"("region": "zhejiang", "category": "natural_person", "mode": "surplus_export",
                 "capacity_kw": "10", "self_use_percent": "30", "self_use_price": "0.538", "investment": "35000")");
  EXPECT_EQ(r["connection"]["voltage_v"], 380);
  EXPECT_EQ(r["yield_kwh_per_kw"], "1000");
  EXPECT_EQ(r["yield_from"], "pack");
  EXPECT_EQ(r["annual_generation_kwh"], "10000.000");
  EXPECT_EQ(r["self_used_kwh"], "3000.000");
  EXPECT_EQ(r["exported_kwh"], "7000.000");
  EXPECT_EQ(r["feed_in_price"], "0.4153");
  EXPECT_EQ(r["feed_in_price_from"], "pack");
  EXPECT_EQ(r["annual_saving"], "1614.00");
  EXPECT_EQ(r["feed_in_revenue"], "2907.10");
  EXPECT_EQ(r["annual_benefit"], "4521.10");
  EXPECT_EQ(r["simple_payback_years"], "7.74");
  EXPECT_TRUE(r["warnings"].empty());
  EXPECT_EQ(r["packs"].size(), 2u);
}

// Jiangsu, 5 kW, full export: 5 × 1100 = 5500 kWh × 0.391 = 2150.50 元;
// 15000 / 2150.50 = 6.9751 → 6.98 years; 5 kW ≤ 8 kW → 220 V. No self-use price needed.
TEST(QuotePv, JiangsuFullExport) {
  Json r = ok(R"("region": "jiangsu", "category": "natural_person", "mode": "full_export",
                 "capacity_kw": "5", "investment": "15000")");
  EXPECT_EQ(r["connection"]["voltage_v"], 220);
  EXPECT_EQ(r["self_use_percent"], "0");
  EXPECT_EQ(r["exported_kwh"], "5500.000");
  EXPECT_EQ(r["feed_in_revenue"], "2150.50");
  EXPECT_EQ(r["annual_saving"], "0.00");
  EXPECT_EQ(r["simple_payback_years"], "6.98");
  EXPECT_TRUE(r["self_use_price"].is_null());
}

// Guangdong, large commercial, 20 MW, surplus export (only where the spot
// market runs: a warning), 60 % self-used at 0.65, yield and feed-in overridden.
//   22,000,000 kWh; self 13,200,000 × 0.65 = 8,580,000.00; export 8,800,000 × 0.35 = 3,080,000.00
//   benefit 11,660,000.00; payback 70,000,000 / 11,660,000 = 6.0034 → 6.00; 20 MW → 35 kV
TEST(QuotePv, LargeCommercialSurplusWarns) {
  Json r = ok(R"("region": "guangdong", "category": "large_ci", "mode": "surplus_export",
                 "capacity_kw": "20000", "self_use_percent": "60", "self_use_price": "0.65",
                 "yield_kwh_per_kw": "1100", "feed_in_price": "0.35", "investment": "70000000")");
  EXPECT_EQ(r["connection"]["voltage_v"], 35000);
  EXPECT_EQ(r["annual_generation_kwh"], "22000000.000");
  EXPECT_EQ(r["annual_saving"], "8580000.00");
  EXPECT_EQ(r["feed_in_revenue"], "3080000.00");
  EXPECT_EQ(r["annual_benefit"], "11660000.00");
  EXPECT_EQ(r["simple_payback_years"], "6.00");
  EXPECT_EQ(r["feed_in_price_from"], "request");
  ASSERT_EQ(r["warnings"].size(), 1u);
  EXPECT_EQ(r["warnings"][0]["code"], "PD_MODE_NOT_ALLOWED");
  EXPECT_EQ(r["warnings"][0]["severity"], "warning");
  EXPECT_EQ(r["packs"].size(), 1u);  // the regional pack supplied nothing
}

// Voltage outside the category's range is a warning, not an error.
TEST(QuotePv, VoltageWarnings) {
  Json r = ok(R"("region": "zhejiang", "category": "large_ci", "mode": "full_self_use",
                 "capacity_kw": "1000", "self_use_price": "0.7", "investment": "3000000")");
  EXPECT_EQ(r["connection"]["voltage_v"], 10000);
  ASSERT_EQ(r["warnings"].size(), 1u);
  EXPECT_EQ(r["warnings"][0]["code"], "PD_NUMBER_OUT_OF_RANGE");
  EXPECT_EQ(r["warnings"][0]["path"], "/capacity_kw");
  // 1000 × 1000 × 0.7 = 700000.00; payback 3000000 / 700000 = 4.2857 → 4.29
  EXPECT_EQ(r["annual_benefit"], "700000.00");
  EXPECT_EQ(r["simple_payback_years"], "4.29");
  r = ok(R"("region": "zhejiang", "category": "natural_person", "mode": "full_self_use",
            "capacity_kw": "500", "self_use_price": "0", "investment": "1")");
  EXPECT_EQ(r["connection"]["voltage_v"], 10000);
  EXPECT_EQ(r["warnings"].size(), 1u);
  EXPECT_TRUE(r["simple_payback_years"].is_null());  // self-used kWh worth nothing
  EXPECT_TRUE(r.contains("payback_statement"));
}

TEST(QuotePv, Errors) {
  const std::string zj = R"("region": "zhejiang", "investment": "1", )";
  EXPECT_EQ(first_issue(zj + R"("category": "general_ci", "mode": "full_export", "capacity_kw": "100")"),
            "PD_MODE_NOT_ALLOWED@/mode");
  EXPECT_EQ(first_issue(zj + R"("category": "general_ci", "mode": "full_self_use", "capacity_kw": "7000",
                                "self_use_price": "0.7")"),
            "PD_NUMBER_OUT_OF_RANGE@/capacity_kw");
  EXPECT_EQ(first_issue(zj + R"("category": "large_ci", "mode": "full_self_use", "capacity_kw": "60000",
                                "self_use_price": "0.7")"),
            "PD_NUMBER_OUT_OF_RANGE@/capacity_kw");
  EXPECT_EQ(first_issue(zj + R"("category": "farmer", "mode": "full_self_use", "capacity_kw": "5", "self_use_price": "0.5")"),
            "PD_ENUM_INVALID@/category");
  EXPECT_EQ(first_issue(zj + R"("category": "natural_person", "mode": "export_all", "capacity_kw": "5")"),
            "PD_ENUM_INVALID@/mode");
  EXPECT_EQ(first_issue(zj + R"("category": "natural_person", "mode": "surplus_export", "capacity_kw": "5",
                                "self_use_price": "0.5")"),
            "PD_FIELD_MISSING@/self_use_percent");
  EXPECT_EQ(first_issue(zj + R"("category": "natural_person", "mode": "full_export", "capacity_kw": "5",
                                "self_use_percent": "50")"),
            "PD_NUMBER_OUT_OF_RANGE@/self_use_percent");
  EXPECT_EQ(first_issue(zj + R"("category": "natural_person", "mode": "full_self_use", "capacity_kw": "5",
                                "self_use_percent": "80", "self_use_price": "0.5")"),
            "PD_NUMBER_OUT_OF_RANGE@/self_use_percent");
  EXPECT_EQ(first_issue(zj + R"("category": "natural_person", "mode": "full_self_use", "capacity_kw": "5")"),
            "PD_FIELD_MISSING@/self_use_price");
  EXPECT_EQ(first_issue(zj + R"("category": "natural_person", "mode": "full_self_use", "capacity_kw": "5",
                                "self_use_price": "0.5", "tariff": "residential")"),
            "PD_USAGE_CONFLICT@/tariff");
  EXPECT_EQ(first_issue(zj + R"("category": "natural_person", "mode": "full_self_use", "capacity_kw": "0",
                                "self_use_price": "0.5")"),
            "PD_NUMBER_OUT_OF_RANGE@/capacity_kw");
  EXPECT_EQ(first_issue(zj + R"("category": "natural_person", "mode": "full_self_use", "capacity_kw": "5",
                                "self_use_price": "0.5", "panels": 12)"),
            "PD_FIELD_UNKNOWN@/panels");
  EXPECT_EQ(first_issue(R"("region": "atlantis", "investment": "1", "category": "natural_person", "mode": "full_self_use",
                           "capacity_kw": "5", "self_use_price": "0.5")"),
            "PD_REGION_UNKNOWN@/region");
  // The regional packs cover 2025 only.
  Response r = rules_engine().quote(R"({"kind": "pv", "date": "2026-03-01", "region": "zhejiang", "investment": "1",
      "category": "natural_person", "mode": "full_self_use", "capacity_kw": "5", "self_use_price": "0.5"})");
  EXPECT_NE(r.json.find("PD_NO_PACK_FOR_DATE"), std::string::npos) << r.json;
}

// The loader refuses bad PV rules with PD_PACK_INVALID and the pointer.
TEST(QuotePv, LoaderRefusesBadData) {
  const std::string dir = std::string(POWERDESK_SOURCE_DIR) + "/rules/";
  Json national = Json::parse(read_file(dir + "national/cn-national-2024.json"));
  Json regional = Json::parse(read_file(dir + "zhejiang/zhejiang-2025.json"));
  auto refused = [&](const Json& p, const std::string& code, const std::string& path) {
    auto r = load_pack(p.dump(), "pack");
    if (r.ok()) return false;
    for (const Issue& i : r.issues())
      if (std::string(code_name(i.code)) == code && i.path == path) return true;
    ADD_FAILURE() << r.issues().front().path << " " << r.issues().front().message.en;
    return false;
  };
  Json p = national;
  p["pv"]["categories"]["natural_person"]["modes"][0]["mode"] = "sell_all";
  EXPECT_TRUE(refused(p, "PD_PACK_INVALID", "/pv/categories/natural_person/modes/0/mode"));
  p = national;
  p["pv"]["categories"]["natural_person"]["modes"][1]["mode"] = "full_export";
  EXPECT_TRUE(refused(p, "PD_PACK_INVALID", "/pv/categories/natural_person/modes/1/mode"));
  p = national;
  p["pv"]["connection_voltages"]["steps"][1]["up_to_kw"] = "5";
  EXPECT_TRUE(refused(p, "PD_PACK_INVALID", "/pv/connection_voltages/steps/1"));
  p = national;
  p["pv"]["feed_in_price"] = regional["pv"]["feed_in_price"];
  EXPECT_TRUE(refused(p, "PD_FIELD_UNKNOWN", "/pv/feed_in_price"));
  p = regional;
  p["pv"]["categories"] = national["pv"]["categories"];
  EXPECT_TRUE(refused(p, "PD_FIELD_UNKNOWN", "/pv/categories"));
  p = regional;
  p["pv"]["feed_in_price"]["value"] = "-0.4";
  EXPECT_TRUE(refused(p, "PD_NUMBER_OUT_OF_RANGE", "/pv/feed_in_price/value"));
  p = regional;
  p["pv"]["yield_kwh_per_kw"].erase("citation");
  EXPECT_TRUE(refused(p, "PD_FIELD_MISSING", "/pv/yield_kwh_per_kw/citation"));
}

// The tariff path: the price of a kWh is the tariff's average over a year of
// that use (quote_detail::average_price, the estimate's monthly bills).
TEST(QuotePv, SelfUseTariffAveragePrice) {
  Json j = quote(R"("region": "zhejiang", "category": "natural_person", "mode": "full_self_use", "capacity_kw": "3",
                    "tariff": "residential", "investment": "10000")");
  ASSERT_TRUE(j["ok"].get<bool>()) << j.dump();
  const Json& r = j["result"];
  EXPECT_EQ(r["self_used_kwh"], "3000.000");
  // Zhejiang residential (rules/zhejiang): 2760 × 0.538 + 240 × 0.588 = 1484.88 + 141.12 = 1626.00 → 0.5420 元/kWh.
  EXPECT_EQ(r["self_use_price"], "0.542");
  EXPECT_EQ(r["annual_saving"], "1626.00");
  auto price = Price::parse(r["self_use_price"].get<std::string>());
  ASSERT_TRUE(price);
  EXPECT_EQ(r["annual_saving"], multiply<Money::scale>(Energy::from_int(3000), *price, Rounding::HalfUp).str(2));
}

}  // namespace
}  // namespace powerdesk::testing
