// Quotes from the bill's own rules: estimate, forecast, load_shift, charging
// and compare, on the real packs in rules/. Prices are the packs' (each
// tariff's citation gives its notice); the arithmetic is in the comments.
//   Zhejiang residential (浙江 一户一表, rules/zhejiang): annual tiers 2760 /
//   4800 kWh; flat 0.538 / 0.588 / 0.838; TOU peak 0.568 / 0.618, valley
//   0.288 / 0.338 (tiers 1 / 2); TOU hours 08:00–22:00 peak, 22:00–08:00 valley.
//   Beijing commercial two-part (rules/beijing): 25.5 元/kVA·月, 40.8 元/kW·月,
//   105 % × 2 overrun (threshold_base), 40 % floor.
#include <gtest/gtest.h>

#include <string>

#include "quote_support.hpp"

namespace powerdesk {
namespace {

Json run(const std::string& text, bool compare = false) { return testing::quote_envelope(text, compare); }
using testing::first_error;

TEST(QuoteEstimate, MonthFromATotalSpreadByTheHouseholdProfile) {
  // Profile "residential" on Zhejiang TOU hours: peak hours 8–21 weigh 591,
  // valley hours 22–7 weigh 246 (of 837) → 250 × 591 / 837 = 176.5 → 177 peak, 73 valley.
  // carry-in 2600: 160 kWh left in tier 1, 90 in tier 2, split 177:73 →
  // tier 1 113 peak + 47 valley, tier 2 64 + 26.
  // 113 × 0.568 = 64.18; 47 × 0.288 = 13.54; 64 × 0.618 = 39.55; 26 × 0.338 = 8.79 → 126.06.
  const Json r = run(R"({"kind":"estimate","region":"zhejiang","tariff":"residential_tou","month":"2025-03",
                        "usage":{"kwh":"250"},"residential":{"carry_in_kwh":"2600"}})");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const Json& q = r["result"];
  EXPECT_EQ(q["usage"]["by_period"], Json::parse(R"({"peak":"177","valley":"73"})"));
  EXPECT_EQ(q["total"], "126.06");
  EXPECT_EQ(q["bill"]["total"], "126.06");
  EXPECT_EQ(q["bill"]["estimate"], true);
  EXPECT_EQ(q["estimate"], true);
  EXPECT_EQ(q["packs"][0]["id"], "zhejiang-2025");
  EXPECT_EQ(q["packs"][0]["effective"]["from"], "2025-01-01");
  EXPECT_EQ(q["packs"][1]["id"], "cn-national-2024");
  ASSERT_EQ(q["assumptions"].size(), 1u);
  EXPECT_NE(q["assumptions"][0]["zh"].get<std::string>().find("居民家庭"), std::string::npos);
}

TEST(QuoteEstimate, YearCarriesTheAnnualTiersMonthToMonth) {
  // 3600 kWh a year on the flat tariff: 2760 × 0.538 = 1484.88 and 840 × 0.588 = 493.92 → 1978.80,
  // whatever the monthly spread; the months sum to 3600 and the 2760th kWh falls in September.
  const Json r = run(R"({"kind":"estimate","region":"zhejiang","tariff":"residential","year":2025,"usage":{"kwh":"3600"}})");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const Json& q = r["result"];
  EXPECT_EQ(q["total"], "1978.80");
  EXPECT_EQ(q["average_price"], "0.5497");  // 1978.80 / 3600 = 0.54967 → 0.5497
  ASSERT_EQ(q["months"].size(), 12u);
  int64_t sum = 0;
  for (const Json& m : q["months"]) sum += std::stoll(m["usage"]["kwh"].get<std::string>());
  EXPECT_EQ(sum, 3600);
  // January: weight 110 of 1080 → 3600 × 110 / 1080 = 366.7 → 367 kWh, all tier 1: 367 × 0.538 = 197.45.
  EXPECT_EQ(q["months"][0]["usage"]["kwh"], "367");
  EXPECT_EQ(q["months"][0]["total"], "197.45");
}

TEST(QuoteEstimate, EqualsTheBillForTheSameUsage) {
  // A quote with kWh by period is the bill of the same request, to the fen and line by line.
  const Engine& e = testing::rules_engine();
  const std::string customer = R"("region":"shanghai","tariff":"commercial_two_part_1_10kv","capacity_kva":"2000",)"
                               R"("usage":{"kwh_by_period":{"peak":"260000","flat":"220000","valley":"120000"},"kvarh":"330000"},)"
                               R"("demand":{"basis":"contract_demand","contract_kw":"1000","max_demand_kw":"1200"},)"
                               R"("power_factor":{"standard":"0.90"})";
  const Json bill = Json::parse(e.bill("{" + customer + R"(,"period":{"start":"2025-04-01","end":"2025-04-30"}})").json);
  const Json quote = run(R"({"kind":"estimate","month":"2025-04",)" + customer + "}");
  ASSERT_TRUE(bill["ok"].get<bool>()) << bill.dump();
  ASSERT_TRUE(quote["ok"].get<bool>()) << quote.dump();
  Json b = bill["result"], q = quote["result"]["bill"];
  EXPECT_EQ(b["estimate"], false);
  EXPECT_EQ(q["estimate"], true);
  b.erase("estimate");
  q.erase("estimate");
  for (Json& line : b["lines"]) line["rule"].erase("note");  // quotes leave the pack's verification notes out
  EXPECT_EQ(b, q);
  EXPECT_EQ(quote["result"]["total"], b["total"]);
}

TEST(QuoteEstimate, KwhByMonthNeedsTwelveValues) {
  const Json r = run(R"({"kind":"estimate","region":"zhejiang","tariff":"residential","year":2025,"usage":{"kwh_by_month":["1","2"]}})");
  EXPECT_EQ(first_error(r), "PD_FIELD_TYPE@/usage/kwh_by_month");
}

TEST(QuoteForecast, CostToDateAndTheMonthAtTheSameDailyRate) {
  // 10 of 31 July days: 80 peak + 40 valley so far → 80 × 0.568 + 40 × 0.288 = 45.44 + 11.52 = 56.96.
  // Forecast 80 × 31 / 10 = 248 peak, 124 valley → 248 × 0.568 = 140.86, 124 × 0.288 = 35.71 → 176.57.
  const Json r = run(R"({"kind":"forecast","region":"zhejiang","tariff":"residential_tou",
                        "period":{"start":"2025-07-01","end":"2025-07-31"},"as_of":"2025-07-10",
                        "usage":{"kwh_by_period":{"peak":"80","valley":"40"}}})");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const Json& q = r["result"];
  EXPECT_EQ(q["days_elapsed"], 10);
  EXPECT_EQ(q["to_date"]["total"], "56.96");
  EXPECT_EQ(q["forecast"]["usage"]["by_period"], Json::parse(R"({"peak":"248","valley":"124"})"));
  EXPECT_EQ(q["forecast"]["total"], "176.57");
}

TEST(QuoteForecast, AsOfOutsideThePeriodIsRefused) {
  const Json r = run(R"({"kind":"forecast","region":"zhejiang","tariff":"residential",
                        "period":{"start":"2025-07-01","end":"2025-07-31"},"as_of":"2025-08-02","usage":{"kwh":"10"}})");
  EXPECT_EQ(first_error(r), "PD_NUMBER_OUT_OF_RANGE@/as_of");
}

TEST(QuoteLoadShift, HalfThePeakToTheValley) {
  // 100 peak + 100 valley, tier 1: move 50 → saving 50 × (0.568 − 0.288) = 14.00; × 12 = 168.00.
  const Json r = run(R"({"kind":"load_shift","region":"zhejiang","tariff":"residential_tou","month":"2025-05",
                        "usage":{"kwh_by_period":{"peak":"100","valley":"100"}},"shift_percent":"50"})");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const Json& q = r["result"];
  EXPECT_EQ(q["before"]["total"], "85.60");  // 56.80 + 28.80
  EXPECT_EQ(q["after"]["total"], "71.60");   // 28.40 + 43.20
  EXPECT_EQ(q["saving"], "14.00");
  EXPECT_EQ(q["annual_saving"], "168.00");
  EXPECT_EQ(q["saving_per_kwh_moved"], "0.2800");
  EXPECT_EQ(q["moved_kwh"]["total"], "50");
}

TEST(QuoteLoadShift, ANonTouTariffHasNothingToShift) {
  const Json r = run(R"({"kind":"load_shift","region":"zhejiang","tariff":"residential","month":"2025-05",
                        "usage":{"kwh":"100"},"shift_percent":"50"})");
  EXPECT_EQ(first_error(r), "PD_PLAN_UNAVAILABLE@/tariff");
}

TEST(QuoteCharging, CentralisedStationHasItsBasicChargeWaived) {
  // Beijing centralised station → commercial two-part; 800 kVA by capacity: 800 × 25.5 = 20400.00 waived
  // (国办发〔2023〕19号: until 2030).
  const Json r = run(R"({"kind":"charging","region":"beijing","site":"centralized_station","month":"2025-07",
                        "capacity_kva":"800","demand":{"basis":"capacity"},"power_factor":{"standard":"0.90"},
                        "usage":{"kwh":"60000","kvarh":"20000"},"service_fee":"0.4"})");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const Json& q = r["result"];
  EXPECT_EQ(q["tariff"]["code"], "commercial_two_part_1_10kv");
  EXPECT_EQ(q["bill"]["subtotals"]["basic"], "20400.00");
  EXPECT_EQ(q["basic_exemption"]["amount"], "-20400.00");
  EXPECT_EQ(q["basic_exemption"]["until"], "2030-12-31");
  const Money total = *Money::parse(q["total"].get<std::string>());
  EXPECT_EQ((total - Money::from_int(20400)).str(2), q["payable"]);
}

TEST(QuoteCharging, CompoundChargersPayTheSharedMeterPrice) {
  // Jiangsu 合表 price 0.5483 (rules/jiangsu): 1000 × 0.5483 = 548.30.
  const Json r = run(R"({"kind":"charging","region":"jiangsu","site":"residential_compound","month":"2025-07","usage":{"kwh":"1000"}})");
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_EQ(r["result"]["total"], "548.30");
  EXPECT_EQ(r["result"]["payable"], "548.30");
}

TEST(QuoteCharging, ARegionWithoutATariffForTheSiteSaysSo) {
  const Json r = run(R"({"kind":"charging","region":"zhejiang","site":"centralized_station","month":"2025-07","usage":{"kwh":"1000"}})");
  EXPECT_EQ(first_error(r), "PD_QUOTE_DATA_MISSING@/site");
}

TEST(QuoteCompare, SinglePartAgainstEachTwoPartBasis) {
  // Beijing, 250 kVA (100–315: both plans open, 发改价格〔2023〕526号). Basic charges:
  // capacity 250 × 25.5 = 6375.00; contract 150 kW with MD 180 > 157.5:
  // 157.5 × 40.8 + 22.5 × 81.6 = 6426 + 1836 = 8262.00; actual 180 × 40.8 = 7344.00.
  const Json r = run(R"({"region":"beijing","tariff":"commercial_single_1_10kv","month":"2025-07","capacity_kva":"250",
                        "demand":{"max_demand_kw":"180","contract_kw":"150"},"power_factor":{"standard":"0.90"},
                        "usage":{"kwh":"60000","kvarh":"20000"}})", true);
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const Json& q = r["result"];
  ASSERT_EQ(q["plans"].size(), 4u);
  EXPECT_EQ(q["plans"][0]["current"], true);
  EXPECT_EQ(q["plans"][1]["subtotals"]["basic"], "6375.00");
  EXPECT_EQ(q["plans"][2]["subtotals"]["basic"], "8262.00");
  EXPECT_EQ(q["plans"][3]["subtotals"]["basic"], "7344.00");
  EXPECT_EQ(q["recommendation"]["tariff"], "commercial_two_part_1_10kv");
  EXPECT_EQ(q["recommendation"]["basis"], "capacity");
  // The saving is the difference of the two bills, to the fen.
  const Money cur = *Money::parse(q["plans"][0]["total"].get<std::string>());
  const Money best = *Money::parse(q["plans"][1]["total"].get<std::string>());
  EXPECT_EQ((cur - best).str(2), q["recommendation"]["saving"]);
}

TEST(QuoteCompare, CapacityDecidesWhichPlansAreOpen) {
  // 80 kVA: two-part needs at least 100 kVA; 400 kVA: single-part ends below 315 kVA.
  const std::string base = R"({"region":"beijing","month":"2025-07","usage":{"kwh":"1000"},)";
  Json r = run(base + R"("tariff":"commercial_single_1_10kv","capacity_kva":"80"})", true);
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_EQ(r["result"]["plans"].size(), 1u);
  EXPECT_EQ(r["result"]["excluded"][0]["tariff"]["code"], "commercial_two_part_1_10kv");
  r = run(R"({"region":"beijing","month":"2025-07","usage":{"kwh":"1000","kvarh":"300"},"tariff":"commercial_single_1_10kv",)"
          R"("capacity_kva":"400","power_factor":{"standard":"0.90"}})", true);
  EXPECT_EQ(first_error(r), "PD_PLAN_UNAVAILABLE@/tariff");
  r = run(base + R"("tariff":"commercial_single_1_10kv"})", true);
  EXPECT_EQ(first_error(r), "PD_FIELD_MISSING@/capacity_kva");
}

TEST(QuoteCompare, ResidentialTouOrNot) {
  // 200 kWh in May, tier 1: flat 200 × 0.538 = 107.60; TOU by the household profile
  // 200 × 591 / 837 = 141.2 → 141 peak, the rest 59 valley.
  const Json r = run(R"({"region":"zhejiang","tariff":"residential","month":"2025-05","usage":{"kwh":"200"}})", true);
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const Json& q = r["result"];
  ASSERT_EQ(q["plans"].size(), 2u);
  EXPECT_EQ(q["plans"][0]["total"], "107.60");
  // 141 × 0.568 = 80.088 → 80.09; 59 × 0.288 = 16.992 → 16.99 → 97.08.
  EXPECT_EQ(q["plans"][1]["total"], "97.08");
  EXPECT_EQ(q["recommendation"]["tariff"], "residential_tou");
  EXPECT_EQ(q["recommendation"]["saving"], "10.52");
}

TEST(QuoteRequests, ProblemsComeWithTheirPointers) {
  EXPECT_EQ(first_error(run(R"({"kind":"guess"})")), "PD_ENUM_INVALID@/kind");
  EXPECT_EQ(first_error(run(R"([1])")), "PD_FIELD_TYPE@");
  EXPECT_EQ(first_error(run(R"({"kind":"estimate","region":"zhejiang","tariff":"residential","month":"2025-3","usage":{"kwh":"1"}})")),
            "PD_DATE_INVALID@/month");
  EXPECT_EQ(first_error(run(R"({"kind":"estimate","region":"zhejiang","tariff":"residential","month":"2025-03","year":2025,"usage":{"kwh":"1"}})")),
            "PD_USAGE_CONFLICT@/month");
  EXPECT_EQ(first_error(run(R"({"kind":"estimate","region":"zhejiang","tariff":"residential_tou","month":"2025-03","usage":{"kwh":"1","profile":"nope"}})")),
            "PD_PROFILE_UNKNOWN@/usage/profile");
  EXPECT_EQ(first_error(run(R"({"kind":"estimate","region":"zhejiang","tariff":"residential","month":"2024-03","usage":{"kwh":"1"}})")),
            "PD_NO_PACK_FOR_DATE@/month");
  EXPECT_EQ(first_error(run(R"({"kind":"estimate","region":"zhejiang","tariff":"nope","month":"2025-03","usage":{"kwh":"1"}})")),
            "PD_TARIFF_UNKNOWN@/tariff");
  EXPECT_EQ(first_error(run(R"({"kind":"estimate","region":"zhejiang","tariff":"residential","month":"2025-03","usage":{}})")),
            "PD_USAGE_MISSING@/usage");
  // Found by fuzz_quote / fuzz_compare (tests/fuzz/regressions/*/usage-kwh-null): a null total dereferenced nothing.
  EXPECT_EQ(first_error(run(R"({"kind":"estimate","region":"zhejiang","tariff":"residential","month":"2025-03","usage":{"kwh":null}})")),
            "PD_USAGE_MISSING@/usage");
  EXPECT_EQ(first_error(run(R"({"kind":"estimate","region":"zhejiang","tariff":"residential","month":"2025-03","usage":{"kwh":"1"},"x":1})")),
            "PD_FIELD_UNKNOWN@/x");
  EXPECT_EQ(first_error(run(R"({"region":"zhejiang","tariff":"agricultural","month":"2025-03","usage":{"kwh":"1"}})", true)),
            "PD_PLAN_UNAVAILABLE@/tariff");
}

}  // namespace
}  // namespace powerdesk
