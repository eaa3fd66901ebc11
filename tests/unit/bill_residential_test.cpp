// Residential bills, hand-computed. Prices: frozen copies of the facts sheet
// §1.2 (Zhejiang: 浙江省物价局《关于完善居民生活用电阶梯电价政策有关事项的通知》,
// tiers 2760/4800 kWh/yr at 0.538/0.588/0.838; TOU peak/valley by tier
// 0.568/0.288, 0.618/0.338, 0.868/0.588; 合表 0.558) and the Guangdong
// monthly seasonal rules (summer 260/600, other months 200/400, +0.05/+0.30
// markups on the TOU price; base prices are test assumptions).
#include "test_packs.hpp"

namespace powerdesk {
namespace {

using testing::bill_of;
using testing::issues_of;
using testing::sum_lines;

std::string request(const std::string& region, const std::string& tariff, const std::string& start,
                    const std::string& end, const std::string& usage, const std::string& residential = "{}") {
  return R"({"region":")" + region + R"(","tariff":")" + tariff + R"(","period":{"start":")" + start +
         R"(","end":")" + end + R"("},"usage":)" + usage + R"(,"residential":)" + residential + "}";
}

struct Expect {
  LineCode code;
  TouPeriod period;
  int tier;
  const char* qty;
  const char* price;
  const char* amount;
};

void expect_lines(const Bill& b, std::initializer_list<Expect> want) {
  ASSERT_EQ(b.lines.size(), want.size());
  size_t i = 0;
  for (const Expect& e : want) {
    const BillLine& l = b.lines[i++];
    SCOPED_TRACE("line " + std::to_string(i));
    EXPECT_EQ(l.code, e.code);
    EXPECT_EQ(l.period, e.period);
    EXPECT_EQ(l.tier, e.tier);
    EXPECT_EQ(l.quantity.str(), e.qty);
    EXPECT_EQ(l.unit_price.str(), e.price);
    EXPECT_EQ(l.amount.str(2), e.amount);
  }
}

// Facts sheet §1.3 example A: 2600 kWh before, 150 peak + 100 valley crosses
// 2760 by 90 kWh → tier 1 160 (96/64), tier 2 90 (54/36) = 118.50 元.
TEST(ResidentialBill, ZhejiangTouCrossingTierOneFactsExampleA) {
  Bill b = bill_of(request("zj-test", "residential_tou", "2025-03-01", "2025-03-31",
                           R"({"kwh_by_period":{"peak":"150","valley":"100"}})", R"({"carry_in_kwh":"2600"})"));
  expect_lines(b, {{LineCode::TierEnergy, TouPeriod::Peak, 1, "96", "0.568", "54.53"},
                   {LineCode::TierEnergy, TouPeriod::Valley, 1, "64", "0.288", "18.43"},
                   {LineCode::TierEnergy, TouPeriod::Peak, 2, "54", "0.618", "33.37"},
                   {LineCode::TierEnergy, TouPeriod::Valley, 2, "36", "0.338", "12.17"}});
  EXPECT_EQ(b.total.str(2), "118.50");
  ASSERT_TRUE(b.tier_progress);
  EXPECT_EQ(b.tier_progress->tier, 2);
  EXPECT_EQ(b.tier_progress->used_in_year.str(), "2850");
  EXPECT_EQ(b.tier_progress->remaining_in_tier->str(), "1950");  // 4800 − 2850
}

// Non-TOU, 2700 before + 400: 60 × 0.538 + 340 × 0.588 = 32.28 + 199.92 = 232.20.
TEST(ResidentialBill, ZhejiangFlatAcrossTierOneAndTwo) {
  Bill b = bill_of(request("zj-test", "residential", "2025-03-01", "2025-03-31", R"({"kwh":"400"})",
                           R"({"carry_in_kwh":"2700"})"));
  expect_lines(b, {{LineCode::TierEnergy, TouPeriod::Flat, 1, "60", "0.538", "32.28"},
                   {LineCode::TierEnergy, TouPeriod::Flat, 2, "340", "0.588", "199.92"}});
  EXPECT_EQ(b.total.str(2), "232.20");
  EXPECT_EQ(b.subtotals[static_cast<size_t>(LineKind::Energy)].str(2), "232.20");
}

// 4700 before + 200: 100 × 0.588 + 100 × 0.838 = 58.80 + 83.80 = 142.60.
TEST(ResidentialBill, ZhejiangFlatAcrossTierTwoAndThree) {
  Bill b = bill_of(request("zj-test", "residential", "2025-03-01", "2025-03-31", R"({"kwh":"200"})",
                           R"({"carry_in_kwh":"4700"})"));
  expect_lines(b, {{LineCode::TierEnergy, TouPeriod::Flat, 2, "100", "0.588", "58.80"},
                   {LineCode::TierEnergy, TouPeriod::Flat, 3, "100", "0.838", "83.80"}});
  EXPECT_EQ(b.total.str(2), "142.60");
  EXPECT_EQ(b.tier_progress->tier, 3);
  EXPECT_FALSE(b.tier_progress->remaining_in_tier);
}

// 一户多人口 (5 persons: +100 kWh/month → +1200/yr): bases 3960/6000.
// 3900 before + 100: 60 × 0.538 + 40 × 0.588 = 32.28 + 23.52 = 55.80.
TEST(ResidentialBill, HouseholdSizeRaisesAnnualBases) {
  Bill b = bill_of(request("zj-test", "residential", "2025-03-01", "2025-03-31", R"({"kwh":"100"})",
                           R"({"carry_in_kwh":"3900","household_size":5})"));
  expect_lines(b, {{LineCode::TierEnergy, TouPeriod::Flat, 1, "60", "0.538", "32.28"},
                   {LineCode::TierEnergy, TouPeriod::Flat, 2, "40", "0.588", "23.52"}});
  EXPECT_EQ(b.total.str(2), "55.80");
  // Four persons do not qualify: all 100 kWh in tier 2 (3900 > 2760) = 58.80.
  Bill four = bill_of(request("zj-test", "residential", "2025-03-01", "2025-03-31", R"({"kwh":"100"})",
                              R"({"carry_in_kwh":"3900","household_size":4})"));
  EXPECT_EQ(four.total.str(2), "58.80");
}

// 低保/五保: 15 kWh/month free (facts §1.1), then 85 × 0.538 = 45.73.
TEST(ResidentialBill, LowIncomeFreeKwhComeFirstInTierOne) {
  Bill b = bill_of(request("zj-test", "residential", "2025-03-01", "2025-03-31", R"({"kwh":"100"})",
                           R"({"low_income":true})"));
  expect_lines(b, {{LineCode::FreeEnergy, TouPeriod::Flat, 1, "15", "0", "0.00"},
                   {LineCode::TierEnergy, TouPeriod::Flat, 1, "85", "0.538", "45.73"}});
  EXPECT_EQ(b.total.str(2), "45.73");
  // Free kWh are capped by use: 10 kWh used → 10 free, nothing to pay.
  Bill small = bill_of(request("zj-test", "residential", "2025-03-01", "2025-03-31", R"({"kwh":"10"})",
                               R"({"low_income":true})"));
  EXPECT_EQ(small.total.str(2), "0.00");
  ASSERT_EQ(small.lines.size(), 1u);
  EXPECT_EQ(small.lines[0].quantity.str(), "10");
}

// 合表: not tiered, 300 × 0.558 = 167.40 whatever the carry-in.
TEST(ResidentialBill, SharedMeterPriceIsFlat) {
  Bill b = bill_of(request("zj-test", "residential", "2025-03-01", "2025-03-31", R"({"kwh":"300"})",
                           R"({"shared_meter":true,"carry_in_kwh":"5000"})"));
  expect_lines(b, {{LineCode::SharedMeterEnergy, TouPeriod::Flat, 0, "300", "0.558", "167.40"}});
  EXPECT_FALSE(b.tier_progress);
}

// ≥7 persons may elect the 合表 price; 6 may not (PD_HOUSEHOLD_SIZE_INVALID).
TEST(ResidentialBill, ElectingSharedMeterPriceNeedsSevenPersons) {
  Bill b = bill_of(request("zj-test", "residential", "2025-03-01", "2025-03-31", R"({"kwh":"300"})",
                           R"({"elect_shared_meter_price":true,"household_size":7})"));
  EXPECT_EQ(b.total.str(2), "167.40");
  Issues bad = issues_of(request("zj-test", "residential", "2025-03-01", "2025-03-31", R"({"kwh":"300"})",
                                 R"({"elect_shared_meter_price":true,"household_size":6})"));
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(code_name(bad[0].code), "PD_HOUSEHOLD_SIZE_INVALID");
  EXPECT_EQ(bad[0].path, "/residential/household_size");
}

// Guangdong monthly seasonal bases. July (summer 260/600), 700 kWh:
// 260 × 0.59 + 340 × 0.64 + 100 × 0.89 = 153.40 + 217.60 + 89.00 = 460.00.
// March (200/400): 200 × 0.59 + 200 × 0.64 + 300 × 0.89 = 118 + 128 + 267 = 513.00.
TEST(ResidentialBill, GuangdongSeasonalMonthlyBases) {
  Bill july = bill_of(request("gd-test", "residential", "2025-07-01", "2025-07-31", R"({"kwh":"700"})"));
  expect_lines(july, {{LineCode::TierEnergy, TouPeriod::Flat, 1, "260", "0.59", "153.40"},
                      {LineCode::TierEnergy, TouPeriod::Flat, 2, "340", "0.64", "217.60"},
                      {LineCode::TierEnergy, TouPeriod::Flat, 3, "100", "0.89", "89.00"}});
  EXPECT_EQ(july.total.str(2), "460.00");
  Bill march = bill_of(request("gd-test", "residential", "2025-03-01", "2025-03-31", R"({"kwh":"700"})"));
  EXPECT_EQ(march.total.str(2), "513.00");
}

// Guangdong: the tier markup is added on top of the TOU price (facts §1.3 C).
// July, peak 300 / flat 200 / valley 200; tiers 260 / 340 / 100 split in
// proportion 3:2:2 with whole kWh: tier 1 112/74/74 (260×3/7 = 111.43 → 111,
// the row's missing kWh goes to the column with most room), tier 2 146/97/97,
// tier 3 the rest 42/29/29. Cross-check: all kWh at TOU prices
// 300×0.9 + 200×0.6 + 200×0.3 = 450 plus markups 340×0.05 + 100×0.30 = 47 → 497.00.
TEST(ResidentialBill, GuangdongMarkupOnTouPrice) {
  Bill b = bill_of(request("gd-test", "residential_tou", "2025-07-01", "2025-07-31",
                           R"({"kwh_by_period":{"peak":"300","flat":"200","valley":"200"}})"));
  expect_lines(b, {{LineCode::TierEnergy, TouPeriod::Peak, 1, "112", "0.9", "100.80"},
                   {LineCode::TierEnergy, TouPeriod::Flat, 1, "74", "0.6", "44.40"},
                   {LineCode::TierEnergy, TouPeriod::Valley, 1, "74", "0.3", "22.20"},
                   {LineCode::TierEnergy, TouPeriod::Peak, 2, "146", "0.95", "138.70"},
                   {LineCode::TierEnergy, TouPeriod::Flat, 2, "97", "0.65", "63.05"},
                   {LineCode::TierEnergy, TouPeriod::Valley, 2, "97", "0.35", "33.95"},
                   {LineCode::TierEnergy, TouPeriod::Peak, 3, "42", "1.2", "50.40"},
                   {LineCode::TierEnergy, TouPeriod::Flat, 3, "29", "0.9", "26.10"},
                   {LineCode::TierEnergy, TouPeriod::Valley, 3, "29", "0.6", "17.40"}});
  EXPECT_EQ(b.total.str(2), "497.00");
}

// A bill crossing the packs' effective date (2025-07-01, where the frozen
// second pack raises tier 1 to 0.548): 2025-06-16..07-15 is 15 + 15 days, so
// 300 kWh split 150/150: 150 × 0.538 + 150 × 0.548 = 80.70 + 82.20 = 162.90.
TEST(ResidentialBill, PeriodCrossingPackDateIsSplitByDays) {
  Bill b = bill_of(request("zj-test", "residential", "2025-06-16", "2025-07-15", R"({"kwh":"300"})"));
  ASSERT_EQ(b.parts.size(), 2u);
  EXPECT_EQ(b.parts[0].pack->id, "zj-test-2024");
  EXPECT_EQ(b.parts[0].period.days(), 15);
  EXPECT_EQ(b.parts[1].pack->id, "zj-test-2025h2");
  expect_lines(b, {{LineCode::TierEnergy, TouPeriod::Flat, 1, "150", "0.538", "80.70"},
                   {LineCode::TierEnergy, TouPeriod::Flat, 1, "150", "0.548", "82.20"}});
  EXPECT_EQ(b.total.str(2), "162.90");
}

// The annual tier year restarts on 1 January: 2024-12-16..2025-01-15 (16 + 15
// days), 310 kWh → 160 / 150. December: 4700 before → 100 in tier 2 (0.588) and
// 60 in tier 3 (0.838); January starts again in tier 1 (0.538).
// 58.80 + 50.28 + 80.70 = 189.78.
TEST(ResidentialBill, AnnualTierYearRestartsInJanuary) {
  Bill b = bill_of(request("zj-test", "residential", "2024-12-16", "2025-01-15", R"({"kwh":"310"})",
                           R"({"carry_in_kwh":"4700"})"));
  ASSERT_EQ(b.parts.size(), 2u);
  expect_lines(b, {{LineCode::TierEnergy, TouPeriod::Flat, 2, "100", "0.588", "58.80"},
                   {LineCode::TierEnergy, TouPeriod::Flat, 3, "60", "0.838", "50.28"},
                   {LineCode::TierEnergy, TouPeriod::Flat, 1, "150", "0.538", "80.70"}});
  EXPECT_EQ(b.total.str(2), "189.78");
  EXPECT_EQ(b.tier_progress->used_in_year.str(), "150");
}

// Monthly bases of a bill spanning two months are prorated by days in each:
// 2025-04-16..05-15: tier-1 bound 200×15/30 + 260×15/31 = 225.806 → 226 kWh,
// tier-2 bound 400×15/30 + 600×15/31 = 490.323 → 490 kWh (docs/billing.md).
// 500 kWh: 226 × 0.59 + 264 × 0.64 + 10 × 0.89 = 133.34 + 168.96 + 8.90 = 311.20.
TEST(ResidentialBill, MonthlyBasesProratedAcrossMonths) {
  Bill b = bill_of(request("gd-test", "residential", "2025-04-16", "2025-05-15", R"({"kwh":"500"})"));
  expect_lines(b, {{LineCode::TierEnergy, TouPeriod::Flat, 1, "226", "0.59", "133.34"},
                   {LineCode::TierEnergy, TouPeriod::Flat, 2, "264", "0.64", "168.96"},
                   {LineCode::TierEnergy, TouPeriod::Flat, 3, "10", "0.89", "8.90"}});
  EXPECT_EQ(b.total.str(2), "311.20");
}

// Properties: totals are sums of rounded lines; every kWh is billed once;
// the bill never falls when use rises.
TEST(ResidentialBillProperty, LinesSumToTotalAndEveryKwhOnceAndMonotone) {
  for (const char* tariff : {"residential", "residential_tou"}) {
    Money previous = Money::from_int(-1);
    for (int kwh = 0; kwh <= 7000; kwh += 37) {
      const std::string usage = std::string(tariff) == "residential"
                                    ? R"({"kwh":")" + std::to_string(kwh) + "\"}"
                                    : R"({"kwh_by_period":{"peak":")" + std::to_string(kwh * 3 / 5) +
                                          R"(","valley":")" + std::to_string(kwh - kwh * 3 / 5) + "\"}}";
      Bill b = bill_of(request("zj-test", tariff, "2025-03-01", "2025-03-31", usage, R"({"carry_in_kwh":"1000"})"));
      SCOPED_TRACE(std::string(tariff) + " " + std::to_string(kwh));
      EXPECT_EQ(sum_lines(b), b.total);
      Energy billed;
      for (const BillLine& l : b.lines) billed += l.quantity;
      EXPECT_EQ(billed, Energy::from_int(kwh));
      EXPECT_GE(b.total, previous);
      previous = b.total;
    }
  }
}

}  // namespace
}  // namespace powerdesk
