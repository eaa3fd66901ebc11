// 工商业 and agricultural bills, hand-computed from the frozen test pack
// tests/packs/zj-test-2024.json: components in the 发改价格〔2023〕526号 format
// (synthetic round prices: energy 0.4 floating with TOU ratios 1.92/1.6/1/0.4,
// line loss 0.02, T&D 0.15 or 0.1, system operation 0.03, funds 0.022925 =
// the facts sheet §5 example total); basic charge 25.5 元/kVA·月 and
// 40.8 元/kW·月 (Shanghai ≤35 kV, facts §2.4 [V]).
#include "test_packs.hpp"

#include "powerdesk/power_factor.hpp"

namespace powerdesk {
namespace {

using testing::bill_of;
using testing::issues_of;
using testing::sum_lines;

std::string amounts(const Bill& b) {
  std::string s;
  for (const BillLine& l : b.lines) {
    if (!s.empty()) s += ' ';
    s += l.amount.str(2);
  }
  return s;
}

// Single-part TOU, 80 kVA (below the 100 kVA PF threshold), March:
// peak 1000 × (0.64 + 0.02 + 0.15 + 0.03) and funds 1000 × 0.022925 = 22.925 → 22.93;
// flat 500 × (0.4 + 0.02 + 0.15 + 0.03) and 11.4625 → 11.46;
// valley 800 × (0.16 + 0.02 + 0.15 + 0.03) and 18.34.
// Energy 840 + 300 + 288 = 1428.00, funds 52.73, total 1480.73.
TEST(CommercialBill, SinglePartTouEveryComponentOnItsOwnLine) {
  Bill b = bill_of(R"({"region":"zj-test","tariff":"commercial_single","capacity_kva":"80",
    "period":{"start":"2025-03-01","end":"2025-03-31"},
    "usage":{"kwh_by_period":{"peak":"1000","flat":"500","valley":"800"}}})");
  EXPECT_EQ(amounts(b),
            "640.00 20.00 150.00 30.00 22.93 "
            "200.00 10.00 75.00 15.00 11.46 "
            "128.00 16.00 120.00 24.00 18.34");
  EXPECT_EQ(b.lines[0].unit_price.str(), "0.64");  // 0.4 × 1.6
  EXPECT_EQ(b.subtotals[static_cast<size_t>(LineKind::Energy)].str(2), "1428.00");
  EXPECT_EQ(b.subtotals[static_cast<size_t>(LineKind::Funds)].str(2), "52.73");
  EXPECT_EQ(b.total.str(2), "1480.73");
  EXPECT_FALSE(b.power_factor);  // 80 kVA < 100 kVA
}

// Two-part, contract demand 1000 kW, actual 1200 kW, 2000 kVA, March,
// 600 000 kWh and 330 000 kvarh.
// 260 rule: 600 000 / 2000 = 300 ≥ 260 → demand price 40.8 × 0.9 = 36.72.
// Overrun reading A: 1050 × 36.72 = 38 556.00; (1200 − 1050) × 73.44 = 11 016.00.
// Energy: peak 300 000 × 0.64 = 192 000, T&D 30 000, funds 6 877.50; flat
// 80 000, 20 000, 4 585.00; valley 16 000, 10 000, 2 292.50.
// PF = 600 000 / √(600 000² + 330 000²) = 0.8762 → 0.88; standard 0.90 → +1.0 %
// of basic + energy + T&D (funds excluded) = 397 572.00 → 3 975.72.
// Total 397 572.00 + 3 975.72 + 13 755.00 = 415 302.72.
TEST(CommercialBill, TwoPartContractDemandOverrunDiscountAndPowerFactor) {
  Bill b = bill_of(R"({"region":"zj-test","tariff":"commercial_two_part","capacity_kva":"2000",
    "period":{"start":"2025-03-01","end":"2025-03-31"},
    "usage":{"kwh_by_period":{"peak":"300000","flat":"200000","valley":"100000"},"kvarh":"330000"},
    "demand":{"basis":"contract_demand","contract_kw":"1000","max_demand_kw":"1200"},
    "power_factor":{"standard":"0.90"}})");
  EXPECT_EQ(amounts(b),
            "192000.00 30000.00 6877.50 80000.00 20000.00 4585.00 16000.00 10000.00 2292.50 "
            "38556.00 11016.00 3975.72");
  const BillLine& demand = b.lines[9];
  EXPECT_EQ(demand.code, LineCode::BasicDemand);
  EXPECT_EQ(demand.quantity.str(), "1050");
  EXPECT_EQ(demand.unit_price.str(), "36.72");
  EXPECT_EQ(b.lines[10].code, LineCode::BasicOverrun);
  EXPECT_EQ(b.lines[10].unit_price.str(), "73.44");
  EXPECT_EQ(b.lines[11].base.str(2), "397572.00");
  EXPECT_EQ(b.lines[11].percent.str(), "1");
  EXPECT_EQ(*b.power_factor, 88);
  EXPECT_EQ(b.total.str(2), "415302.72");
  EXPECT_EQ(sum_lines(b), b.total);
}

// Loads the frozen pack with one basic-charge parameter changed.
PackRegistry variant(const std::function<void(Json&)>& change) {
  PackRegistry r;
  r.add(load_pack(testing::read_file(testing::pack_path("national.json")), "national.json").value());
  Json pack = Json::parse(testing::read_file(testing::pack_path("zj-test-2024.json")));
  change(pack);
  auto loaded = load_pack(pack.dump(), "variant.json");
  EXPECT_TRUE(loaded.ok());
  r.add(loaded.value());
  return r;
}

std::string basic_request(const std::string& demand, const std::string& kwh = "100000",
                          const std::string& period = R"({"start":"2025-03-01","end":"2025-03-31"})") {
  return R"({"region":"zj-test","tariff":"commercial_two_part","capacity_kva":"2000","period":)" + period +
         R"(,"usage":{"kwh_by_period":{"flat":")" + kwh + R"("},"kvarh":"0"},"demand":)" + demand +
         R"(,"power_factor":{"standard":"none"}})";
}

Money basic(const Bill& b) { return b.subtotals[static_cast<size_t>(LineKind::Basic)]; }

// Facts §2.4 worked examples (Shanghai ≤35 kV, p = 40.8; 100 000 kWh / 2000 kVA = 50 < 260, no discount).
TEST(BasicCharge, FactsSheetWorkedExamples) {
  EXPECT_EQ(basic(bill_of(basic_request(R"({"basis":"capacity"})"))).str(2), "51000.00");  // 2000 × 25.5
  for (const char* md : {"900", "1030"}) {  // at or below 105 %: the contract value
    EXPECT_EQ(basic(bill_of(basic_request(R"({"basis":"contract_demand","contract_kw":"1000","max_demand_kw":")" +
                                          std::string(md) + "\"}"))).str(2), "40800.00");
  }
  const std::string over = R"({"basis":"contract_demand","contract_kw":"1000","max_demand_kw":"1200"})";
  EXPECT_EQ(basic(bill_of(basic_request(over))).str(2), "55080.00");  // reading A: 1050×40.8 + 150×81.6
  auto reading_b = variant([](Json& p) {
    p["tariffs"]["commercial_two_part"]["basic_charge"]["overrun_formula"] = "contract_base";
  });
  EXPECT_EQ(basic(bill_of(basic_request(over), reading_b)).str(2), "53040.00");  // 1000×40.8 + 150×81.6
}

// 40 % floor: 2000 kVA → at least 800 kW; a 700 kW contract is billed as 800 with a warning.
TEST(BasicCharge, ContractBelowFortyPercentIsRaisedWithWarning) {
  Bill b = bill_of(basic_request(R"({"basis":"contract_demand","contract_kw":"700","max_demand_kw":"600"})"));
  EXPECT_EQ(basic(b).str(2), "32640.00");  // 800 × 40.8
  ASSERT_EQ(b.warnings.size(), 1u);
  EXPECT_EQ(b.warnings[0].path, "/demand/contract_kw");
  EXPECT_EQ(b.warnings[0].severity, Severity::Warning);
}

TEST(BasicCharge, ActualDemandWithFloor) {
  EXPECT_EQ(basic(bill_of(basic_request(R"({"basis":"actual_demand","max_demand_kw":"950"})"))).str(2),
            "38760.00");  // 950 × 40.8
  EXPECT_EQ(basic(bill_of(basic_request(R"({"basis":"actual_demand","max_demand_kw":"700"})"))).str(2),
            "32640.00");  // floor 800 × 40.8
}

// 260 kWh/kVA: exactly 520 000 kWh on 2000 kVA qualifies (≥), 519 999 does not.
TEST(BasicCharge, LoadFactorDiscountBoundary) {
  const std::string d = R"({"basis":"actual_demand","max_demand_kw":"1000"})";
  EXPECT_EQ(basic(bill_of(basic_request(d, "520000"))).str(2), "36720.00");  // 1000 × 36.72
  EXPECT_EQ(basic(bill_of(basic_request(d, "519999"))).str(2), "40800.00");
  // The capacity basis is not discounted unless the pack says so.
  EXPECT_EQ(basic(bill_of(basic_request(R"({"basis":"capacity"})", "600000"))).str(2), "51000.00");
}

// New connection on 12 March: 20 days of a partial month at 1/30 per day
// (《供电营业规则》): 2000 × 25.5 × 20 / 30 = 34 000.00.
TEST(BasicCharge, PartialMonthIsProratedByThirtieths) {
  Bill b = bill_of(basic_request(R"({"basis":"capacity"})", "100000", R"({"start":"2025-03-12","end":"2025-03-31"})"));
  EXPECT_EQ(basic(b).str(2), "34000.00");
  EXPECT_EQ(b.lines.back().days, 20);
  EXPECT_EQ(b.lines.back().day_base, 30);
}

// 暂停: 630 kVA sealed from 17 March (15 days): exempt 630 × 25.5 × 15/30 = 8 032.50.
TEST(BasicCharge, SuspensionExemptsSealedCapacityFromSealingDay) {
  Bill b = bill_of(basic_request(R"({"basis":"capacity","suspensions":[{"kva":"630","from":"2025-03-17","to":"2025-04-30"}]})"));
  EXPECT_EQ(b.lines.back().code, LineCode::BasicSuspension);
  EXPECT_EQ(b.lines.back().amount.str(2), "-8032.50");
  EXPECT_EQ(basic(b).str(2), "42967.50");
  // Sealed for the whole month: a whole month off.
  Bill whole = bill_of(basic_request(R"({"basis":"capacity","suspensions":[{"kva":"630","from":"2025-02-20","to":"2025-04-30"}]})"));
  EXPECT_EQ(whole.lines.back().amount.str(2), "-16065.00");  // 630 × 25.5
}

// A whole month split by a pack change shares the month by days (31 = 15 + 16),
// never charging more than one month.
TEST(BasicCharge, WholeMonthSplitByPackChangeChargesOneMonth) {
  Bill b = bill_of(R"({"region":"zj-test","tariff":"commercial_two_part","capacity_kva":"2000",
    "period":{"start":"2025-06-16","end":"2025-07-15"},
    "usage":{"kwh":"100000","kvarh":"0"},"demand":{"basis":"capacity"},"power_factor":{"standard":"none"}})");
  // June 16–30: 15/30 of June; July 1–15: 15/30 (partial months of the bill) = 25 500.00 + 25 500.00.
  EXPECT_EQ(basic(b).str(2), "51000.00");
  Bill month = bill_of(R"({"region":"zj-test","tariff":"commercial_two_part","capacity_kva":"2000",
    "period":{"start":"2025-06-01","end":"2025-06-30"},
    "usage":{"kwh":"100000","kvarh":"0"},"demand":{"basis":"capacity"},"power_factor":{"standard":"none"}})");
  EXPECT_EQ(basic(month).str(2), "51000.00");
}

// Agricultural catalogue price, 50 kVA (no PF): 1000 × 0.4783 = 478.30.
TEST(CommercialBill, AgriculturalFlat) {
  Bill b = bill_of(R"({"region":"zj-test","tariff":"agricultural","capacity_kva":"50",
    "period":{"start":"2025-03-01","end":"2025-03-31"},"usage":{"kwh":"1000"}})");
  EXPECT_EQ(amounts(b), "478.30");
}

// Property: a single-part flat bill split into two periods equals the whole
// when the split quantities price exactly (multiples of 100 kWh at 0.4783),
// and differs by at most one fen per extra line otherwise.
TEST(CommercialBillProperty, SplitFlatBillEqualsWhole) {
  auto bill = [](int kwh, const char* start, const char* end) {
    return bill_of(R"({"region":"zj-test","tariff":"agricultural","capacity_kva":"50","period":{"start":")" +
                   std::string(start) + R"(","end":")" + end + R"("},"usage":{"kwh":")" + std::to_string(kwh) + "\"}}")
        .total;
  };
  for (int first = 0; first <= 3000; first += 100) {
    EXPECT_EQ(bill(first, "2025-03-01", "2025-03-15") + bill(3000 - first, "2025-03-16", "2025-03-31"),
              bill(3000, "2025-03-01", "2025-03-31"));
  }
  for (int first = 0; first <= 3000; first += 7) {
    const Money diff = bill(first, "2025-03-01", "2025-03-15") + bill(3000 - first, "2025-03-16", "2025-03-31") -
                       bill(3000, "2025-03-01", "2025-03-31");
    EXPECT_LE(diff.units() < 0 ? -diff.units() : diff.units(), 1) << first;
  }
}

// Every kWh billed exactly once per component; lines sum to the total.
TEST(CommercialBillProperty, EveryKwhOncePerComponent) {
  for (int peak = 0; peak <= 20000; peak += 1333) {
    Bill b = bill_of(R"({"region":"zj-test","tariff":"commercial_single","capacity_kva":"80",
      "period":{"start":"2025-07-01","end":"2025-07-31"},
      "usage":{"kwh_by_period":{"sharp":"17","peak":")" + std::to_string(peak) + R"(","flat":"333","valley":"999"}}})");
    std::map<std::string, Energy> per_component;
    for (const BillLine& l : b.lines) per_component[l.component->code] += l.quantity;
    ASSERT_EQ(per_component.size(), 5u);
    for (const auto& [code, kwh] : per_component) EXPECT_EQ(kwh, b.energy_kwh) << code;
    EXPECT_EQ(sum_lines(b), b.total);
  }
}

// ---- power factor ----------------------------------------------------------

// Facts §4.2 example 2: P = 120 000, Q = 72 000 → 0.8575 → 0.86.
TEST(PowerFactor, RoundedHalfUpToHundredthsExactly) {
  EXPECT_EQ(power_factor_hundredths(Energy::from_int(120000), Energy::from_int(72000)), 86);
  EXPECT_EQ(power_factor_hundredths(Energy::from_int(1000), Energy::from_int(0)), 100);
  EXPECT_EQ(power_factor_hundredths(Energy::from_int(0), Energy::from_int(1000)), 0);
  EXPECT_EQ(power_factor_hundredths(Energy::from_int(3), Energy::from_int(4)), 60);  // 3/5 exactly
  // 0.895 exactly rounds up: P = 179, Q chosen with P/√(P²+Q²) just above/below 0.895.
  // P = 895, Q = √(1000² − 895²) = 446.06…; Q = 446.06 gives 0.89500…, Q = 446.07 gives 0.894996…
  EXPECT_EQ(power_factor_hundredths(Energy::from_int(895), *Energy::parse("446.06")), 90);
  EXPECT_EQ(power_factor_hundredths(Energy::from_int(895), *Energy::parse("446.07")), 89);
}

// Facts §4.3–4.4 worked examples: Hubei bill, 0.91 at 0.90 → −0.15 % of
// 6 137 186.50 = −9 205.78; example 2: +2.0 % of 500 000 = +10 000.00.
TEST(PowerFactor, AdjustmentAmountsFromFactsSheet) {
  EXPECT_EQ(power_factor_adjustment(*Money::parse("6137186.50"), *Ratio::parse("-0.15"), Rounding::HalfUp).str(2),
            "-9205.78");
  EXPECT_EQ(power_factor_adjustment(Money::from_int(500000), Ratio::from_int(2), Rounding::HalfUp).str(2),
            "10000.00");
}

const PfTable& table(const std::string& standard) {
  return testing::frozen_packs().national(*Date::parse("2025-01-01"))->pf_tables.at(standard);
}

std::string pct(const std::string& standard, int pf) { return table(standard).percent_at(pf).str(); }

// The full 1983 tables (〔83〕水电财字第215号) as listed in facts §4.3.
TEST(PowerFactor, Table090) {
  const char* reductions[] = {"-0.75", "-0.6", "-0.45", "-0.3", "-0.15", "0"};  // 0.95 … 0.90
  for (int i = 0; i < 6; ++i) EXPECT_EQ(pct("0.90", 95 - i), reductions[i]) << 95 - i;
  for (int pf = 96; pf <= 100; ++pf) EXPECT_EQ(pct("0.90", pf), "-0.75");
  for (int pf = 89; pf >= 70; --pf)  // +0.5 per 0.01: 0.89 → 0.5 … 0.70 → 10
    EXPECT_EQ(table("0.90").percent_at(pf), Ratio::from_units(500000LL * (90 - pf))) << pf;
  const char* low[] = {"11", "12", "13", "14", "15"};  // 0.69 … 0.65
  for (int i = 0; i < 5; ++i) EXPECT_EQ(pct("0.90", 69 - i), low[i]);
  EXPECT_EQ(pct("0.90", 64), "17");
  EXPECT_EQ(pct("0.90", 63), "19");
  EXPECT_EQ(pct("0.90", 60), "25");
  EXPECT_EQ(pct("0.90", 50), "45");
}

TEST(PowerFactor, Table085) {
  const char* reductions[] = {"-0.1", "-0.2", "-0.3", "-0.4", "-0.5", "-0.65", "-0.8", "-0.95"};  // 0.86 … 0.93
  for (int i = 0; i < 8; ++i) EXPECT_EQ(pct("0.85", 86 + i), reductions[i]) << 86 + i;
  for (int pf = 94; pf <= 100; ++pf) EXPECT_EQ(pct("0.85", pf), "-1.1");  // [?] facts §4.3
  EXPECT_EQ(pct("0.85", 85), "0");
  for (int pf = 84; pf >= 65; --pf) EXPECT_EQ(table("0.85").percent_at(pf), Ratio::from_units(500000LL * (85 - pf)));
  const char* low[] = {"11", "12", "13", "14", "15"};  // 0.64 … 0.60
  for (int i = 0; i < 5; ++i) EXPECT_EQ(pct("0.85", 64 - i), low[i]);
  EXPECT_EQ(pct("0.85", 59), "17");
  EXPECT_EQ(pct("0.85", 55), "25");
  EXPECT_EQ(pct("0.85", 50), "35");
}

TEST(PowerFactor, Table080) {
  for (int pf = 81; pf <= 90; ++pf) EXPECT_EQ(table("0.80").percent_at(pf), Ratio::from_units(-100000LL * (pf - 80)));
  EXPECT_EQ(pct("0.80", 91), "-1.15");
  for (int pf = 92; pf <= 100; ++pf) EXPECT_EQ(pct("0.80", pf), "-1.3");
  EXPECT_EQ(pct("0.80", 80), "0");
  for (int pf = 79; pf >= 60; --pf) EXPECT_EQ(table("0.80").percent_at(pf), Ratio::from_units(500000LL * (80 - pf)));
  const char* low[] = {"11", "12", "13", "14", "15"};  // 0.59 … 0.55
  for (int i = 0; i < 5; ++i) EXPECT_EQ(pct("0.80", 59 - i), low[i]);
  EXPECT_EQ(pct("0.80", 54), "17");
  EXPECT_EQ(pct("0.80", 50), "25");
}

// 只罚不奖: a reward (negative percent) becomes zero when the pack says so.
TEST(PowerFactor, PenaltyOnlyDropsRewards) {
  auto packs = variant([](Json& p) { p["power_factor"]["penalty_only"] = true; });
  // PF 1.00 at standard 0.90 would be −0.75 %.
  const std::string req = R"({"region":"zj-test","tariff":"commercial_single","capacity_kva":"200",
    "period":{"start":"2025-03-01","end":"2025-03-31"},"usage":{"kwh_by_period":{"flat":"1000"},"kvarh":"0"},
    "power_factor":{"standard":"0.90"}})";
  EXPECT_EQ(bill_of(req).lines.back().amount.str(2), "-4.50");  // 600.00 base × −0.75 %
  EXPECT_EQ(bill_of(req, packs).lines.back().amount.str(2), "0.00");
}

TEST(PowerFactor, RequiredDataIsChecked) {
  Issues i = issues_of(R"({"region":"zj-test","tariff":"commercial_single","capacity_kva":"200",
    "period":{"start":"2025-03-01","end":"2025-03-31"},"usage":{"kwh_by_period":{"flat":"1000"}},
    "power_factor":{"standard":"0.90"}})");
  ASSERT_EQ(i.size(), 1u);
  EXPECT_EQ(code_name(i[0].code), "PD_POWER_FACTOR_DATA_MISSING");
  EXPECT_EQ(i[0].path, "/usage/kvarh");
}

}  // namespace
}  // namespace powerdesk
