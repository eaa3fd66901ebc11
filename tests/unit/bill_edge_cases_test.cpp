// Edge cases found in review, each a regression test. Prices as in
// bill_commercial_test.cpp and bill_residential_test.cpp (frozen zj-test pack:
// residential tier 1 0.538 / TOU peak 0.568; basic 25.5 元/kVA·月, 40.8 元/kW·月).
#include "test_packs.hpp"

namespace powerdesk {
namespace {

using testing::bill_of;
using testing::issues_of;

const char* const kMarch = R"({"start":"2025-03-01","end":"2025-03-31"})";

std::string first_code(const Issues& i) { return i.empty() ? "" : std::string(code_name(i[0].code)); }

// A kWh 退补 must name a period the tariff prices; residential TOU has no flat.
TEST(EdgeCases, EnergyAdjustmentNeedsAPeriodTheTariffHas) {
  const std::string base = std::string(R"({"region":"zj-test","tariff":"residential_tou","period":)") + kMarch +
                           R"(,"usage":{"kwh_by_period":{"peak":"150","valley":"100"}},"adjustments":[{"kwh":"-50","reason":"x")";
  Issues i = issues_of(base + "}]}");
  EXPECT_EQ(first_code(i), "PD_TOU_PERIOD_UNKNOWN");
  EXPECT_EQ(i[0].path, "/adjustments/0/period");
  Bill b = bill_of(base + R"(,"period":"peak"}]})");
  EXPECT_EQ(b.lines.back().amount.str(2), "-28.40");  // −50 × 0.568
}

// A later pack whose tariff lacks a period that has kWh: refused, never dropped.
TEST(EdgeCases, LaterPackWithoutAPeriodIsRefusedNotDropped) {
  PackRegistry r;
  for (const char* f : {"national.json", "zj-test-2024.json"})
    r.add(load_pack(testing::read_file(testing::pack_path(f)), f).value());
  Json later = Json::parse(testing::read_file(testing::pack_path("zj-test-2025h2.json")));
  for (auto& season : later["tou_schedules"]["commercial"]["seasons"])
    for (auto& w : season["windows"])
      if (w["period"] == "sharp") w["period"] = "peak";
  for (auto& [code, t] : later["tariffs"].items())
    if (t.contains("tou_ratios")) t["tou_ratios"].erase("sharp");
  auto loaded = load_pack(later.dump(), "later.json");
  ASSERT_TRUE(loaded.ok()) << loaded.issues()[0].message.en << " " << loaded.issues()[0].path;
  r.add(loaded.value());
  Issues i = issues_of(R"({"region":"zj-test","tariff":"commercial_single","capacity_kva":"80",
    "period":{"start":"2025-06-16","end":"2025-07-15"},"usage":{"kwh_by_period":{"sharp":"300","peak":"300"}}})", r);
  EXPECT_EQ(first_code(i), "PD_TOU_PERIOD_UNKNOWN");
}

// No active energy: no power factor, no adjustment, a warning.
// Basic charge only: 400 kVA × 25.5 = 10 200.00.
TEST(EdgeCases, NoActiveEnergyMeansNoPowerFactorAdjustment) {
  Bill b = bill_of(std::string(R"({"region":"zj-test","tariff":"commercial_two_part","capacity_kva":"400","period":)") +
                   kMarch + R"(,"usage":{"kwh_by_period":{"peak":"0"},"kvarh":"100"},"demand":{"basis":"capacity"},
                   "power_factor":{"standard":"0.90"}})");
  EXPECT_EQ(b.total.str(2), "10200.00");
  EXPECT_FALSE(b.power_factor);
  ASSERT_EQ(b.warnings.size(), 1u);
  EXPECT_EQ(code_name(b.warnings[0].code), "PD_POWER_FACTOR_DATA_MISSING");
}

std::string suspended(const std::string& suspensions) {
  return std::string(R"({"region":"zj-test","tariff":"commercial_two_part","capacity_kva":"400","period":)") + kMarch +
         R"(,"usage":{"kwh_by_period":{"flat":"1000"},"kvarh":"0"},"demand":{"basis":"capacity","suspensions":)" +
         suspensions + R"(},"power_factor":{"standard":"none"}})";
}

// Sealed kVA can never exceed the capacity on any day.
TEST(EdgeCases, SuspensionsCannotSealMoreThanTheCapacity) {
  Issues i = issues_of(suspended(R"([{"kva":"400","from":"2025-03-01","to":"2025-03-31"},{"kva":"400","from":"2025-03-10","to":"2025-03-25"}])"));
  EXPECT_EQ(first_code(i), "PD_USAGE_CONFLICT");
  EXPECT_EQ(i[0].path, "/demand/suspensions");
}

// 《供电营业规则》: a suspension under 15 days earns no exemption (a warning says so).
TEST(EdgeCases, ShortSuspensionEarnsNoExemption) {
  Bill b = bill_of(suspended(R"([{"kva":"200","from":"2025-03-10","to":"2025-03-12"}])"));
  Money basic = b.subtotals[static_cast<size_t>(LineKind::Basic)];
  EXPECT_EQ(basic.str(2), "10200.00");  // 400 × 25.5, nothing off
  ASSERT_EQ(b.warnings.size(), 1u);
  EXPECT_EQ(b.warnings[0].path, "/demand/suspensions/0");
  // 15 days is enough: 200 × 25.5 × 15/30 = 2 550.00 off.
  Bill ok = bill_of(suspended(R"([{"kva":"200","from":"2025-03-10","to":"2025-03-24"}])"));
  EXPECT_EQ(ok.subtotals[static_cast<size_t>(LineKind::Basic)].str(2), "7650.00");
}

// A flat 照明 sub-meter behind a TOU main meter is taken in proportion:
// 100 of peak 600 / valley 400 → 60 / 40; the sub bills 100 × 0.538 = 53.80.
TEST(EdgeCases, FlatSubMeterBehindTouMainMeter) {
  Bill b = bill_of(std::string(R"({"region":"zj-test","tariff":"commercial_single","capacity_kva":"80","period":)") + kMarch +
                   R"(,"meters":[{"id":"M","registers":{"peak":{"start":"0","end":"600"},"valley":{"start":"0","end":"400"}}},
                   {"id":"L","role":"sub","tariff":"residential","registers":{"flat":{"start":"0","end":"100"}}}]})");
  ASSERT_EQ(b.blocks.size(), 2u);
  EXPECT_EQ(b.blocks[0].usage.kwh[static_cast<size_t>(TouPeriod::Peak)].str(), "540");
  EXPECT_EQ(b.blocks[0].usage.kwh[static_cast<size_t>(TouPeriod::Valley)].str(), "360");
  Money sub;
  for (const BillLine& l : b.lines)
    if (l.block == 1) sub += l.amount;
  EXPECT_EQ(sub.str(2), "53.80");
  EXPECT_EQ(b.energy_kwh.str(), "1000");
}

// 260 kWh/kVA is per month: a two-month bill needs 2 × 260 × kVA.
// 300 000 kWh on 1000 kVA over March–April is 150 a month: no discount,
// 800 kW × 40.8 × 2 months = 65 280.00; 600 000 kWh is 300 a month:
// 800 × 36.72 × 2 = 58 752.00.
TEST(EdgeCases, LoadFactorDiscountIsPerMonth) {
  auto basic = [](const char* kwh) {
    Bill b = bill_of(std::string(R"({"region":"zj-test","tariff":"commercial_two_part","capacity_kva":"1000",
      "period":{"start":"2025-03-01","end":"2025-04-30"},"usage":{"kwh_by_period":{"flat":")") + kwh +
                     R"("},"kvarh":"0"},"demand":{"basis":"actual_demand","max_demand_kw":"800"},"power_factor":{"standard":"none"}})");
    return b.subtotals[static_cast<size_t>(LineKind::Basic)].str(2);
  };
  EXPECT_EQ(basic("300000"), "65280.00");
  EXPECT_EQ(basic("600000"), "58752.00");
}

// Readings × multiplier beyond 10 TWh are refused, never wrapped.
TEST(EdgeCases, HugeMeterEnergyIsOutOfRange) {
  Issues i = issues_of(std::string(R"({"region":"zj-test","tariff":"residential","period":)") + kMarch +
                       R"(,"meters":[{"multiplier":"10000","registers":{"flat":{"start":"0","end":"1000000000000"}}}]})");
  EXPECT_EQ(first_code(i), "PD_NUMBER_OUT_OF_RANGE");
  EXPECT_EQ(i[0].path, "/meters/0/registers/flat");
}

// 定比 ratios apply to the same energy whatever their order; together at most 100 %.
TEST(EdgeCases, RatioSplitsDoNotDependOnOrder) {
  auto blocks = [](const std::string& splits) {
    Bill b = bill_of(std::string(R"({"region":"zj-test","tariff":"commercial_single","capacity_kva":"80","period":)") +
                     kMarch + R"(,"usage":{"kwh":"1000"},"splits":)" + splits + "}");
    std::string s;
    for (const BillBlock& blk : b.blocks) s += blk.usage.total().str() + " ";
    return s;
  };
  EXPECT_EQ(blocks(R"([{"tariff":"residential","ratio":"0.3"},{"tariff":"agricultural","ratio":"0.2"}])"), "500 300 200 ");
  EXPECT_EQ(blocks(R"([{"tariff":"agricultural","ratio":"0.2"},{"tariff":"residential","ratio":"0.3"}])"), "500 200 300 ");
  Issues i = issues_of(std::string(R"({"region":"zj-test","tariff":"commercial_single","capacity_kva":"80","period":)") +
                       kMarch + R"(,"usage":{"kwh":"1000"},"splits":[{"tariff":"residential","ratio":"0.6"},{"tariff":"agricultural","ratio":"0.5"}]})");
  EXPECT_EQ(first_code(i), "PD_SPLIT_EXCEEDS_USAGE");
  EXPECT_EQ(i[0].path, "/splits/1");
}

// A power factor needs every main meter's reactive energy.
TEST(EdgeCases, PowerFactorNeedsReactiveEnergyOfEveryMainMeter) {
  Issues i = issues_of(std::string(R"({"region":"zj-test","tariff":"commercial_single","capacity_kva":"200","period":)") +
                       kMarch + R"(,"power_factor":{"standard":"0.90"},"meters":[
      {"id":"A","registers":{"flat":{"start":"0","end":"10000"}},"reactive":{"start":"0","end":"8000"}},
      {"id":"B","registers":{"flat":{"start":"0","end":"10000"}}}]})");
  EXPECT_EQ(first_code(i), "PD_POWER_FACTOR_DATA_MISSING");
  // Transformer kvarh count even on a meter without a reactive register.
  Bill b = bill_of(std::string(R"({"region":"zj-test","tariff":"commercial_single","capacity_kva":"80","period":)") +
                   kMarch + R"(,"meters":[{"registers":{"flat":{"start":"0","end":"100"}},"transformer_loss":{"kvarh":"30"}}]})");
  ASSERT_TRUE(b.blocks[0].usage.kvarh);
  EXPECT_EQ(b.blocks[0].usage.kvarh->str(), "30");
}

// A repeated key would silently replace the first value.
TEST(EdgeCases, DuplicateKeysAreRefused) {
  Issues i = issues_of(std::string(R"({"region":"zj-test","tariff":"residential","period":)") + kMarch +
                       R"(,"usage":{"kwh":"1000","kwh":"10"}})");
  EXPECT_EQ(first_code(i), "PD_DUPLICATE_KEY");
  EXPECT_EQ(i[0].path, "/usage/kwh");
}

// Raising a contract to the 40 % floor is its own warning, not "data missing".
TEST(EdgeCases, FloorWarningHasItsOwnCode) {
  Bill b = bill_of(std::string(R"({"region":"zj-test","tariff":"commercial_two_part","capacity_kva":"2000","period":)") +
                   kMarch + R"(,"usage":{"kwh_by_period":{"flat":"100000"},"kvarh":"0"},
                   "demand":{"basis":"contract_demand","contract_kw":"700","max_demand_kw":"600"},"power_factor":{"standard":"none"}})");
  ASSERT_EQ(b.warnings.size(), 1u);
  EXPECT_EQ(code_name(b.warnings[0].code), "PD_DEMAND_FLOOR_APPLIED");
}

}  // namespace
}  // namespace powerdesk

namespace powerdesk {
namespace {

// A separate reactive meter (无功表) contributes kvarh only. P = 120 000,
// Q = 72 000 → PF 0.86 (facts §4.2 example 2) at standard 0.90 → +2.0 % of
// 120 000 × 0.60 = 72 000.00 → 1 440.00.
TEST(EdgeCases, SeparateReactiveMeter) {
  Bill b = bill_of(std::string(R"({"region":"zj-test","tariff":"commercial_single","capacity_kva":"200","period":)") +
                   kMarch + R"(,"power_factor":{"standard":"0.90"},"meters":[
      {"id":"P","registers":{"flat":{"start":"0","end":"120000"}}},
      {"id":"Q","reactive":{"start":"1000","end":"73000"}}]})");
  EXPECT_EQ(*b.power_factor, 86);
  EXPECT_EQ(b.lines.back().code, LineCode::PowerFactor);
  EXPECT_EQ(b.lines.back().amount.str(2), "1440.00");
}

}  // namespace
}  // namespace powerdesk
