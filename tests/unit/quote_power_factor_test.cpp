// The power_factor quote on Shanghai's commercial_single_1_10kv (rules/shanghai
// /shanghai-2025.json: energy 0.4155, line loss 0.011, T&D 0.2, system
// operation 0.03 元/kWh, peak × 1.17, valley × 0.55; PF base = those four,
// funds excluded) and the national pack's 1983 table (事实库 §4.3: standard
// 0.90, 0.80 → +5 %, 0.95 → −0.75 %).
#include <gtest/gtest.h>

#include <string>

#include "../../core/src/quote_demand_optimizer.hpp"
#include "quote_support.hpp"
#include "powerdesk/power_factor.hpp"

namespace powerdesk {
namespace {

Json quote(const std::string& text) { return testing::quote_envelope(text); }

std::string request(const std::string& usage = R"({"kwh_by_period":{"peak":"60000","valley":"40000"},"kvarh":"75000"})",
                    const std::string& extra = R"(,"target_pf":"0.95")", const std::string& capacity = "315") {
  return R"({"kind":"power_factor","region":"shanghai","tariff":"commercial_single_1_10kv","capacity_kva":")" + capacity +
         R"(","power_factor":{"standard":"0.90"},"demand":{"basis":"actual_demand","max_demand_kw":"300"},)"
         R"("month":"2025-07","usage":)" + usage + extra + "}";
}

TEST(QuotePowerFactor, TargetKvarhIsExactAndNeverBelowTheTarget) {
  // 100000 kWh at 0.95: 100000 × √(1 − 0.9025) / 0.95 = 32868.410… → 32868.41 (floored to the Wh).
  EXPECT_EQ(quote_detail::kvarh_at_power_factor(Energy::from_int(100000), 95).str(), "32868.41");
  EXPECT_EQ(quote_detail::kvarh_at_power_factor(Energy::from_int(100000), 100).str(), "0");
  EXPECT_EQ(quote_detail::kvarh_at_power_factor(Energy::from_int(120000), 80).str(), "90000");  // 3-4-5
  for (int64_t kwh : std::initializer_list<int64_t>{1, 7, 999, 123457, 98765432, 9999999999}) {
    for (int t = 1; t <= 100; ++t) {
      const Energy p = Energy::from_int(kwh);
      const Energy q = quote_detail::kvarh_at_power_factor(p, t);
      EXPECT_EQ(power_factor_hundredths(p, q), t) << kwh << " kWh at " << t;
    }
  }
}

TEST(QuotePowerFactor, FromPointEightyToPointNinetyFive) {
  // PF = 100000 / √(100000² + 75000²) = 0.80 → +5 %.
  // Base: peak 60000 × (0.486135 + 0.01287 + 0.234 + 0.0351) = 29168.10 + 772.20 + 14040 + 2106 = 46086.30;
  //       valley 40000 × (0.228525 + 0.00605 + 0.11 + 0.0165) = 9141 + 242 + 4400 + 660 = 14443.00; Σ 60529.30.
  // +5 %: 3026.465 → 3026.47; at 0.95 −0.75 %: −453.96975 → −453.97; saving 3480.44, × 12 = 41765.28.
  // Compensation: 75000 − 32868.41 = 42131.59 kvarh / 744 h (July) = 56.63 → 57 kvar;
  // peak 300 × 42131.59 / 100000 = 126.39 → 127 kvar.
  const Json r = quote(request());
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const Json& q = r["result"];
  EXPECT_EQ(q["current"]["power_factor"], "0.80");
  EXPECT_EQ(q["current"]["percent"], "5");
  EXPECT_EQ(q["current"]["base"], "60529.30");
  EXPECT_EQ(q["current"]["adjustment"], "3026.47");
  EXPECT_EQ(q["target"]["power_factor"], "0.95");
  EXPECT_EQ(q["target"]["kvarh"], "32868.41");
  EXPECT_EQ(q["target"]["percent"], "-0.75");
  EXPECT_EQ(q["target"]["adjustment"], "-453.97");
  EXPECT_EQ(q["saving"]["monthly"], "3480.44");
  EXPECT_EQ(q["saving"]["annual"], "41765.28");
  EXPECT_EQ(q["compensation"]["kvarh_to_remove"], "42131.59");
  EXPECT_EQ(q["compensation"]["operating_hours"], "744");
  EXPECT_EQ(q["compensation"]["kvar"], "57");
  EXPECT_EQ(q["compensation"]["peak_kvar"], "127");
}

TEST(QuotePowerFactor, OperatingHoursGiven) {
  // 42131.59 kvarh / 400 h = 105.33 → 106 kvar; average power 100000 / 400 = 250 kW.
  const Json r = quote(request(R"({"kwh_by_period":{"peak":"60000","valley":"40000"},"kvarh":"75000"})",
                               R"(,"target_pf":"0.95","operating_hours":"400")"));
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_EQ(r["result"]["compensation"]["kvar"], "106");
  EXPECT_EQ(r["result"]["compensation"]["average_kw"], "250");
  EXPECT_EQ(r["result"]["compensation"]["hours_source"], "request");
}

TEST(QuotePowerFactor, TargetNotAboveCurrentSavesNothing) {
  const Json r = quote(request(R"({"kwh_by_period":{"peak":"60000","valley":"40000"},"kvarh":"75000"})", R"(,"target_pf":"0.80")"));
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_EQ(r["result"]["target_above_current"], false);
  EXPECT_EQ(r["result"]["saving"]["monthly"], "0.00");
  EXPECT_FALSE(r["result"].contains("compensation"));
}

using testing::expect_error;

TEST(QuotePowerFactor, ErrorPaths) {
  expect_error(request(R"({"kwh_by_period":{"peak":"60000","valley":"40000"}})"), "PD_FIELD_MISSING", "/usage/kvarh");
  expect_error(request(R"({"kvarh":"1"})"), "PD_USAGE_MISSING", "/usage");
  expect_error(request(R"({"kwh":"1","kwh_by_period":{"peak":"1"},"kvarh":"1"})"), "PD_USAGE_CONFLICT", "/usage");
  expect_error(request(R"({"kwh_by_period":{"peak":"60000","valley":"40000"},"kvarh":"75000"})", ""), "PD_FIELD_MISSING", "/target_pf");
  expect_error(request(R"({"kwh_by_period":{"peak":"60000","valley":"40000"},"kvarh":"75000"})", R"(,"target_pf":"1.5")"),
               "PD_NUMBER_OUT_OF_RANGE", "/target_pf");
  expect_error(request(R"({"kwh_by_period":{"peak":"60000","valley":"40000"},"kvarh":"75000"})", R"(,"target_pf":"0.95","operating_hours":"800")"),
               "PD_NUMBER_OUT_OF_RANGE", "/operating_hours");
  expect_error(request(R"({"kwh_by_period":{"peak":"60000","valley":"40000"},"kvarh":"75000"})", R"(,"target_pf":"0.95","x":1)"),
               "PD_FIELD_UNKNOWN", "/x");
  // Below 100 kVA no adjustment applies (pack: power_factor_from_kva 100).
  expect_error(request(R"({"kwh_by_period":{"peak":"60000","valley":"40000"},"kvarh":"75000"})", R"(,"target_pf":"0.95")", "80"),
               "PD_PLAN_UNAVAILABLE", "/capacity_kva");
  std::string bad_month = request();
  bad_month.replace(bad_month.find("2025-07"), 7, "2025-7x");
  expect_error(bad_month, "PD_DATE_INVALID", "/month");
  std::string old = request();
  old.replace(old.find("2025-07"), 7, "2019-07");
  expect_error(old, "PD_NO_PACK_FOR_DATE", "/month");
  std::string no_std = request();
  no_std.replace(no_std.find(R"("power_factor":{"standard":"0.90"},)"), 35, "");
  expect_error(no_std, "PD_POWER_FACTOR_DATA_MISSING", "/power_factor/standard");
  std::string none = request();
  none.replace(none.find("0.90"), 4, "none");
  expect_error(none, "PD_PLAN_UNAVAILABLE", "/power_factor/standard");
}

}  // namespace
}  // namespace powerdesk
