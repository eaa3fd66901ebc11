// From meter readings to billed energy (multiplier, rollover, 高供低计
// losses, sub-meters, 定比/定量) and 退补 lines. Prices: frozen zj-test pack
// (residential tier 1 0.538, facts §1.2 Zhejiang; commercial_single as in
// bill_commercial_test.cpp).
#include "test_packs.hpp"

namespace powerdesk {
namespace {

using testing::bill_of;
using testing::issues_of;

std::string with_meters(const std::string& tariff, const std::string& meters, const std::string& extra = "") {
  return R"({"region":"zj-test","tariff":")" + tariff +
         R"(","capacity_kva":"80","period":{"start":"2025-03-01","end":"2025-03-31"},"meters":)" + meters + extra + "}";
}

// (1300.06 − 1234.56) × 80 = 5240 kWh; tier 1 at 0.538 = 2819.12.
TEST(MeterReadings, MultiplierAppliesToTheAdvance) {
  Bill b = bill_of(with_meters("residential",
                               R"([{"id":"M1","multiplier":"80","registers":{"flat":{"start":"1234.56","end":"1300.06"}}}])"));
  EXPECT_EQ(b.energy_kwh.str(), "5240");
  // 5240 crosses 2760 and 4800: 2760 × 0.538 + 2040 × 0.588 + 440 × 0.838
  // = 1484.88 + 1199.52 + 368.72 = 3053.12.
  EXPECT_EQ(b.total.str(2), "3053.12");
}

// A 4-digit register from 9990 to 15 passed 9999: 10 000 − 9990 + 15 = 25 kWh.
TEST(MeterReadings, RolloverNeedsTheRegisterDigits) {
  Bill b = bill_of(with_meters("residential", R"([{"digits":4,"registers":{"flat":{"start":"9990","end":"15"}}}])"));
  EXPECT_EQ(b.energy_kwh.str(), "25");
  EXPECT_EQ(b.total.str(2), "13.45");  // 25 × 0.538
  Issues i = issues_of(with_meters("residential", R"([{"registers":{"flat":{"start":"9990","end":"15"}}}])"));
  ASSERT_EQ(i.size(), 1u);
  EXPECT_EQ(code_name(i[0].code), "PD_READING_BACKWARDS");
  EXPECT_EQ(i[0].path, "/meters/0/registers/flat");
}

// 高供低计: 100 kWh of transformer loss spread over peak 1000 / valley 1000
// in proportion → 1050 / 1050; reactive losses are added to kvarh.
TEST(MeterReadings, TransformerLossesJoinTheMeteredEnergy) {
  Bill b = bill_of(with_meters("commercial_single",
                               R"([{"registers":{"peak":{"start":"0","end":"1000"},"valley":{"start":"0","end":"1000"}},
                                    "reactive":{"start":"0","end":"500"},
                                    "transformer_loss":{"kwh":"100","kvarh":"40"}}])"));
  EXPECT_EQ(b.energy_kwh.str(), "2100");
  EXPECT_EQ(b.blocks[0].usage.kwh[static_cast<size_t>(TouPeriod::Peak)].str(), "1050");
  EXPECT_EQ(b.blocks[0].usage.kwh[static_cast<size_t>(TouPeriod::Valley)].str(), "1050");
  EXPECT_EQ(b.blocks[0].usage.kvarh->str(), "540");
}

// 套减: a 200 kWh residential sub-meter behind a 1000 kWh main meter. The main
// tariff bills 800 kWh flat (0.4 + 0.02 + 0.15 + 0.03 = 0.60 → 480.00, funds
// 800 × 0.022925 = 18.34), the sub-meter 200 × 0.538 = 107.60. Total 605.94.
TEST(MeterReadings, SubMeterIsSubtractedAndBilledAtItsTariff) {
  Bill b = bill_of(with_meters("commercial_single",
                               R"([{"id":"main","registers":{"flat":{"start":"5000","end":"6000"}}},
                                   {"id":"flat-4","role":"sub","tariff":"residential","registers":{"flat":{"start":"100","end":"300"}}}])"));
  ASSERT_EQ(b.blocks.size(), 2u);
  EXPECT_EQ(b.blocks[0].usage.total().str(), "800");
  EXPECT_EQ(b.blocks[1].source, "sub:flat-4");
  EXPECT_EQ(b.blocks[1].usage.total().str(), "200");
  EXPECT_EQ(b.total.str(2), "605.94");
  EXPECT_EQ(b.energy_kwh.str(), "1000");  // every kWh billed once
}

TEST(MeterReadings, SubMeterLargerThanMainIsRefused) {
  Issues i = issues_of(with_meters("commercial_single",
                                   R"([{"registers":{"flat":{"start":"0","end":"100"}}},
                                       {"id":"s","role":"sub","tariff":"residential","registers":{"flat":{"start":"0","end":"101"}}}])"));
  ASSERT_EQ(i.size(), 1u);
  EXPECT_EQ(code_name(i[0].code), "PD_SPLIT_EXCEEDS_USAGE");
}

std::string split_request(const std::string& split) {
  return R"({"region":"zj-test","tariff":"commercial_single","capacity_kva":"80",
    "period":{"start":"2025-03-01","end":"2025-03-31"},
    "usage":{"kwh_by_period":{"peak":"6000","flat":"2000","valley":"2000"}},"splits":[)" + split + "]}";
}

// 定比 0.03 of 10 000 kWh = 300 kWh residential (facts §6, Hubei 0.03 定比分表),
// taken from the periods in proportion 6:2:2 (180/60/60), priced flat as
// residential: 300 × 0.538 = 161.40.
TEST(Splits, FixedRatio) {
  Bill b = bill_of(split_request(R"({"tariff":"residential","ratio":"0.03"})"));
  ASSERT_EQ(b.blocks.size(), 2u);
  EXPECT_EQ(b.blocks[0].usage.kwh[static_cast<size_t>(TouPeriod::Peak)].str(), "5820");
  EXPECT_EQ(b.blocks[0].usage.kwh[static_cast<size_t>(TouPeriod::Flat)].str(), "1940");
  EXPECT_EQ(b.blocks[0].usage.kwh[static_cast<size_t>(TouPeriod::Valley)].str(), "1940");
  EXPECT_EQ(b.blocks[1].usage.total().str(), "300");
  Money residential;
  for (const BillLine& l : b.lines)
    if (l.block == 1) residential += l.amount;
  EXPECT_EQ(residential.str(2), "161.40");
}

// 定量 500 kWh residential: 500 × 0.538 = 269.00; the main keeps 9500.
TEST(Splits, FixedQuantityAndOverdraw) {
  Bill b = bill_of(split_request(R"({"tariff":"residential","kwh":"500"})"));
  EXPECT_EQ(b.blocks[0].usage.total().str(), "9500");
  EXPECT_EQ(b.blocks[1].usage.total().str(), "500");
  Issues i = issues_of(split_request(R"({"tariff":"residential","kwh":"10001"})"));
  ASSERT_EQ(i.size(), 1u);
  EXPECT_EQ(code_name(i[0].code), "PD_SPLIT_EXCEEDS_USAGE");
  EXPECT_EQ(i[0].path, "/splits/0");
}

// 退补: a stated refund, and a kWh recovery priced at the main tariff's
// tier-1 price (−300 kWh × 0.538 = −161.40), each with its reason.
TEST(Adjustments, AmountAndEnergyLinesWithReasons) {
  Bill b = bill_of(R"({"region":"zj-test","tariff":"residential","period":{"start":"2025-03-01","end":"2025-03-31"},
    "usage":{"kwh":"100"},"adjustments":[
      {"amount":"-120.50","reason":"电能表误差超差退费（供电营业规则第81条）"},
      {"kwh":"-300","reason":"抄表差错退电量"}]})");
  ASSERT_EQ(b.lines.size(), 3u);
  EXPECT_EQ(b.lines[1].code, LineCode::AdjustmentAmount);
  EXPECT_EQ(b.lines[1].amount.str(2), "-120.50");
  EXPECT_EQ(b.lines[2].code, LineCode::AdjustmentEnergy);
  EXPECT_EQ(b.lines[2].amount.str(2), "-161.40");
  EXPECT_EQ(b.subtotals[static_cast<size_t>(LineKind::Adjustment)].str(2), "-281.90");
  EXPECT_EQ(b.total.str(2), "-228.10");  // 53.80 − 281.90: a net refund
}

}  // namespace
}  // namespace powerdesk
