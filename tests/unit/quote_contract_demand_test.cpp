// The contract_demand quote: its month charge is the bill's basic charge, the
// breakpoint optimiser finds the brute-force optimum, the hand-checked figures
// and every error path. Prices: rules/shanghai/shanghai-2025.json
// commercial_two_part_1_10kv (25.5 元/kVA·月, 40.8 元/kW·月, 105 %, 2×, 40 %
// floor, 260 kWh/kVA → 0.9; citations in the pack: 发改办价格〔2016〕1583号,
// 发改价格〔2023〕526号, 事实库 §2.4).
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "../../core/src/quote_demand_optimizer.hpp"
#include "quote_support.hpp"
#include "powerdesk/api.hpp"
#include "powerdesk/bill_json.hpp"

namespace powerdesk {
namespace {

using quote_detail::DemandHistory;
using quote_detail::DemandMonth;

Json shanghai_json() {
  return Json::parse(testing::read_file(std::string(POWERDESK_SOURCE_DIR) + "/rules/shanghai/shanghai-2025.json"));
}

// national + Shanghai, the Shanghai pack changed by `change`.
PackRegistry registry(const std::function<void(Json&)>& change = {}) {
  PackRegistry r;
  auto nat = load_pack(testing::read_file(std::string(POWERDESK_SOURCE_DIR) + "/rules/national/cn-national-2024.json"), "nat");
  r.add(nat.value());
  Json sh = shanghai_json();
  if (change) change(sh);
  auto p = load_pack(sh.dump(), "sh");
  EXPECT_TRUE(p.ok());
  r.add(p.value());
  return r;
}

const BasicChargeRules& rules_of(const PackRegistry& r) {
  return *std::get<ComponentTariff>(r.find("shanghai", Date::parse("2025-06-01").value())
                                        ->tariff("commercial_two_part_1_10kv")->rules).basic;
}

Json quote(const std::string& text) { return testing::quote_envelope(text); }

std::string history(const std::vector<std::string>& md, const std::string& kwh = "300000") {
  std::string s = "[";
  for (size_t i = 0; i < md.size(); ++i) {
    const int m = static_cast<int>(i) + 7;  // from 2024-07
    const int y = m > 12 ? 2025 : 2024;
    const int mm = m > 12 ? m - 12 : m;
    s += std::string(i ? "," : "") + R"({"month":")" + std::to_string(y) + "-" + (mm < 10 ? "0" : "") + std::to_string(mm) +
         R"(","max_demand_kw":")" + md[i] + R"(","kwh":")" + kwh + "\"}";
  }
  return s + "]";
}

const std::vector<std::string> kTwoPeaks = {"1200", "1200", "900", "900", "900", "900", "900", "900", "900", "900", "900", "900"};

std::string request(const std::string& hist, const std::string& extra = "") {
  return R"({"kind":"contract_demand","region":"shanghai","tariff":"commercial_two_part_1_10kv","capacity_kva":"2000",)"
         R"("date":"2025-06-01","history":)" + hist + extra + "}";
}

// ---- the month charge is the bill's basic charge -----------------------------

Money bill_basic(const PackRegistry& packs, DemandBasis basis, const std::string& contract, const std::string& md,
                 const std::string& kwh) {
  std::string demand = R"({"basis":")" + std::string(demand_basis_code(basis)) + "\"";
  if (basis == DemandBasis::ContractDemand) demand += R"(,"contract_kw":")" + contract + "\"";
  if (basis != DemandBasis::Capacity) demand += R"(,"max_demand_kw":")" + md + "\"";
  demand += "}";
  const Bill b = testing::bill_of(R"({"region":"shanghai","tariff":"commercial_two_part_1_10kv","capacity_kva":"2000",)"
                                  R"("period":{"start":"2025-07-01","end":"2025-07-31"},"power_factor":{"standard":"none"},)"
                                  R"("usage":{"kwh_by_period":{"peak":")" + kwh + R"("}},"demand":)" + demand + "}",
                                  packs);
  Money sum;
  for (const BillLine& l : b.lines)
    if (l.kind == LineKind::Basic) sum += l.amount;
  return sum;
}

TEST(QuoteContractDemand, MonthChargeEqualsTheBillsBasicLines) {
  for (const char* formula : {"threshold_base", "contract_base"}) {
    const PackRegistry packs = registry([&](Json& p) {
      p["tariffs"]["commercial_two_part_1_10kv"]["basic_charge"]["overrun_formula"] = formula;
    });
    const BasicChargeRules& rules = rules_of(packs);
    struct Case { DemandBasis basis; const char* contract; const char* md; const char* kwh; };
    // kWh 520000 = 260 × 2000 kVA: the discount bar exactly.
    const Case cases[] = {
        {DemandBasis::Capacity, "0", "900", "300000"},        {DemandBasis::Capacity, "0", "900", "520000"},
        {DemandBasis::ContractDemand, "1000", "1030", "300000"}, {DemandBasis::ContractDemand, "1000", "1200", "300000"},
        {DemandBasis::ContractDemand, "1003", "1234.567", "520000"}, {DemandBasis::ContractDemand, "700", "600", "300000"},
        {DemandBasis::ContractDemand, "700", "1100", "519999.999"}, {DemandBasis::ActualDemand, "0", "600", "300000"},
        {DemandBasis::ActualDemand, "0", "1234.567", "600000"},
    };
    for (const Case& c : cases) {
      const std::vector<DemandMonth> months = {{2025, 7, Power::parse(c.md).value(), Energy::parse(c.kwh).value()}};
      const DemandHistory h(rules, Rounding::HalfUp, Power::from_int(2000), months);
      EXPECT_EQ(h.month_charge(c.basis, 0, Power::parse(c.contract).value()).amount,
                bill_basic(packs, c.basis, c.contract, c.md, c.kwh))
          << formula << " " << demand_basis_code(c.basis) << " " << c.contract << " " << c.md << " " << c.kwh;
    }
  }
}

// ---- the breakpoint optimiser against every integer kW ------------------------

std::vector<DemandMonth> synthetic(uint64_t seed, int64_t capacity) {
  std::vector<DemandMonth> out;
  uint64_t x = seed;
  auto next = [&] { x = x * 6364136223846793005ULL + 1442695040888963407ULL; return x >> 33; };
  for (int m = 1; m <= 12; ++m) {
    const int64_t md_units = static_cast<int64_t>(next() % static_cast<uint64_t>(capacity * 1100));  // 0 .. 1.1 × capacity
    const int64_t kwh = static_cast<int64_t>(next() % static_cast<uint64_t>(capacity * 400));       // 0 .. 400 kWh/kVA
    out.push_back({2024, m, Power::from_units(md_units), Energy::from_int(kwh)});
  }
  return out;
}

TEST(QuoteContractDemand, BreakpointsFindTheBruteForceOptimum) {
  int checked = 0;
  for (const char* formula : {"threshold_base", "contract_base"}) {
    const PackRegistry packs = registry([&](Json& p) {
      p["tariffs"]["commercial_two_part_1_10kv"]["basic_charge"]["overrun_formula"] = formula;
    });
    const BasicChargeRules& rules = rules_of(packs);
    for (int64_t capacity : {315, 1250, 2000}) {
      for (uint64_t seed = 1; seed <= 12; ++seed) {
        const auto months = synthetic(seed * 7919 + static_cast<uint64_t>(capacity), capacity);
        const DemandHistory h(rules, Rounding::HalfUp, Power::from_int(capacity), months);
        const int64_t fast = h.optimal_contract_kw();
        EXPECT_EQ(fast, h.optimal_contract_kw_brute_force()) << formula << " capacity " << capacity << " seed " << seed;
        // The rounded yearly total at the optimum is also the least rounded total.
        Money least = h.total(DemandBasis::ContractDemand, Power::from_int(h.min_contract_kw()));
        for (int64_t c = h.min_contract_kw(); c <= h.max_contract_kw(); ++c)
          least = std::min(least, h.total(DemandBasis::ContractDemand, Power::from_int(c)));
        EXPECT_EQ(h.total(DemandBasis::ContractDemand, Power::from_int(fast)), least) << formula << " seed " << seed;
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 72);
}

TEST(QuoteContractDemand, BreakpointsWithAThresholdOfMoreDecimalsFallBackToTheScan) {
  const PackRegistry packs = registry([](Json& p) {
    p["tariffs"]["commercial_two_part_1_10kv"]["basic_charge"]["overrun_threshold"] = "1.0525";
  });
  const auto months = synthetic(42, 1250);
  const DemandHistory h(rules_of(packs), Rounding::HalfUp, Power::from_int(1250), months);
  EXPECT_EQ(h.optimal_contract_kw(), h.optimal_contract_kw_brute_force());
}

// ---- hand-checked quotes ------------------------------------------------------

TEST(QuoteContractDemand, TwoSummerPeaksOnShanghaiPrices) {
  // Capacity 2000 kVA; 2 months at 1200 kW, 10 at 900 kW; 300000 kWh < 260 × 2000 (no discount).
  // Breakpoints ⌈900/1.05⌉ = 858, ⌈1200/1.05⌉ = 1143; floor 0.4 × 2000 = 800.
  // C = 858: 10 × 858 × 40.8 = 350064.00; July/August 1.05 × 858 = 900.9 kW × 40.8 = 36756.72
  //   + (1200 − 900.9) = 299.1 kW × 81.6 = 24406.56 → 61163.28 each; total 472390.56.
  // C = 857 puts every month in overrun; C = 1143: 12 × 1143 × 40.8 = 559612.80 (+87222.24).
  // Capacity: 12 × 2000 × 25.5 = 612000.00. Actual: 10 × 900 × 40.8 + 2 × 1200 × 40.8 = 465120.00.
  // Current contract 1000 kW: 10 × 40800 + 2 × (1050 × 40.8 + 150 × 81.6) = 518160.00; saving 53040.00.
  const Json r = quote(request(history(kTwoPeaks), R"(,"current":{"basis":"contract_demand","contract_kw":"1000"})"));
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const Json& q = r["result"];
  EXPECT_EQ(q["optimal_contract_kw"], "858");
  EXPECT_EQ(q["bases"]["contract_demand"]["total"], "472390.56");
  EXPECT_EQ(q["bases"]["contract_demand"]["months"][0]["amount"], "61163.28");
  EXPECT_EQ(q["bases"]["contract_demand"]["months"][0]["overrun_kw"], "299.1");
  EXPECT_EQ(q["bases"]["contract_demand"]["months"][2]["amount"], "35006.40");
  EXPECT_EQ(q["bases"]["capacity"]["total"], "612000.00");
  EXPECT_EQ(q["bases"]["actual_demand"]["total"], "465120.00");
  EXPECT_EQ(q["recommended_basis"], "actual_demand");
  EXPECT_EQ(q["current"]["total"], "518160.00");
  EXPECT_EQ(q["current"]["saving"], "53040.00");
  EXPECT_EQ(q["contract_range_kw"]["min"], "800");
  EXPECT_NE(q["explanation"]["en"].get<std::string>().find("87222.24"), std::string::npos);
}

TEST(QuoteContractDemand, ContractBaseReadingOnTheSameHistory) {
  // Reading B is continuous at each breakpoint and falls (p − 2.1p per kW) up to it, so the
  // integer nearest below 900/1.05 = 857.14 can win: at C = 857 the 900 kW months pay
  // 857 × 40.8 + (900 − 899.85) × 81.6 = 34965.60 + 12.24 = 34977.84 (< 858 × 40.8 = 35006.40);
  // July/August 857 × 40.8 + (1200 − 899.85) × 81.6 = 34965.60 + 24492.24 = 59457.84;
  // total 10 × 34977.84 + 2 × 59457.84 = 468694.08. At 858: 350064.00 + 2 × (35006.40 + 24406.56) = 468889.92.
  const PackRegistry packs = registry([](Json& p) {
    p["tariffs"]["commercial_two_part_1_10kv"]["basic_charge"]["overrun_formula"] = "contract_base";
  });
  std::vector<DemandMonth> months;
  for (size_t i = 0; i < kTwoPeaks.size(); ++i)
    months.push_back({2024, static_cast<int>(i) + 1, Power::parse(kTwoPeaks[i]).value(), Energy::from_int(300000)});
  const DemandHistory h(rules_of(packs), Rounding::HalfUp, Power::from_int(2000), months);
  EXPECT_EQ(h.optimal_contract_kw(), 857);
  EXPECT_EQ(h.total(DemandBasis::ContractDemand, Power::from_int(857)).str(2), "468694.08");
  EXPECT_EQ(h.total(DemandBasis::ContractDemand, Power::from_int(858)).str(2), "468889.92");
}

TEST(QuoteContractDemand, DiscountMonthsPayNinetyPercentOnDemandBasesOnly) {
  // 600000 kWh ≥ 260 × 2000 = 520000 in every month: demand price 40.8 × 0.9 = 36.72;
  // capacity basis unchanged (applies_to_capacity false): 612000.00.
  // Flat 900 kW: optimum ⌈900/1.05⌉ = 858 → 12 × 858 × 36.72 = 12 × 31505.76 = 378069.12; actual 12 × 900 × 36.72 = 396576.00.
  const Json r = quote(request(history(std::vector<std::string>(12, "900"), "600000")));
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  const Json& q = r["result"];
  EXPECT_EQ(q["optimal_contract_kw"], "858");
  EXPECT_EQ(q["bases"]["contract_demand"]["months"][0]["unit_price"], "36.72");
  EXPECT_EQ(q["bases"]["contract_demand"]["months"][0]["discount"], true);
  EXPECT_EQ(q["bases"]["contract_demand"]["total"], "378069.12");
  EXPECT_EQ(q["bases"]["actual_demand"]["total"], "396576.00");
  EXPECT_EQ(q["bases"]["capacity"]["total"], "612000.00");
  EXPECT_EQ(q["recommended_basis"], "contract_demand");
}

TEST(QuoteContractDemand, LowDemandDeclaresTheFloor) {
  // 500 kW every month: 1.05 × 800 (the 40 % floor) = 840 ≥ 500, so 800 kW; 12 × 800 × 40.8 = 391680.00.
  // Actual demand is raised to the floor too (floor_applies_to_actual): 391680.00; the tie goes to contract.
  const Json r = quote(request(history(std::vector<std::string>(12, "500"))));
  ASSERT_TRUE(r["ok"].get<bool>()) << r.dump();
  EXPECT_EQ(r["result"]["optimal_contract_kw"], "800");
  EXPECT_EQ(r["result"]["bases"]["contract_demand"]["total"], "391680.00");
  EXPECT_EQ(r["result"]["bases"]["actual_demand"]["months"][0]["floor_applied"], true);
  EXPECT_EQ(r["result"]["bases"]["actual_demand"]["total"], "391680.00");
  EXPECT_EQ(r["result"]["recommended_basis"], "contract_demand");
}

TEST(QuoteContractDemand, EightMonthsWarnFourRefuse) {
  std::vector<std::string> eight(kTwoPeaks.begin(), kTwoPeaks.begin() + 8);
  const Json ok = quote(request(history(eight)));
  ASSERT_TRUE(ok["ok"].get<bool>()) << ok.dump();
  EXPECT_EQ(ok["result"]["months"], 8);
  ASSERT_EQ(ok["result"]["warnings"].size(), 1u);
  EXPECT_EQ(ok["result"]["warnings"][0]["code"], "PD_HISTORY_INCOMPLETE");
  EXPECT_EQ(ok["result"]["warnings"][0]["severity"], "warning");
  std::vector<std::string> four(kTwoPeaks.begin(), kTwoPeaks.begin() + 4);
  const Json bad = quote(request(history(four)));
  ASSERT_FALSE(bad["ok"].get<bool>());
  EXPECT_EQ(bad["errors"][0]["code"], "PD_HISTORY_INCOMPLETE");
  EXPECT_EQ(bad["errors"][0]["path"], "/history");
}

using testing::expect_error;

TEST(QuoteContractDemand, ErrorPaths) {
  const std::string h = history(kTwoPeaks);
  expect_error(R"({"kind":"contract_demand","region":"shanghai","tariff":"commercial_two_part_1_10kv","date":"2025-06-01","history":)" + h + "}",
               "PD_FIELD_MISSING", "/capacity_kva");
  expect_error(request(h, R"(,"extra":1)"), "PD_FIELD_UNKNOWN", "/extra");
  expect_error(request(history(std::vector<std::string>(13, "900"))), "PD_NUMBER_OUT_OF_RANGE", "/history");
  expect_error(request(R"([{"month":"2024-13","max_demand_kw":"1","kwh":"1"}])"), "PD_DATE_INVALID", "/history/0/month");
  expect_error(request(R"([{"month":"2024-07","max_demand_kw":"-1","kwh":"1"}])"), "PD_NUMBER_OUT_OF_RANGE", "/history/0/max_demand_kw");
  expect_error(request(R"([{"month":"2024-07","max_demand_kw":"1"}])"), "PD_FIELD_MISSING", "/history/0/kwh");
  expect_error(request(R"([{"month":"2024-07","max_demand_kw":"1","kwh":"1"},{"month":"2024-07","max_demand_kw":"1","kwh":"1"}])"),
               "PD_DUPLICATE_KEY", "/history/1/month");
  expect_error(request(R"([{"month":"2023-01","max_demand_kw":"1","kwh":"1"},{"month":"2024-07","max_demand_kw":"1","kwh":"1"}])"),
               "PD_USAGE_CONFLICT", "/history");
  expect_error(request(h, R"(,"current":{"basis":"monthly"})"), "PD_ENUM_INVALID", "/current/basis");
  expect_error(request(h, R"(,"current":{"basis":"contract_demand"})"), "PD_FIELD_MISSING", "/current/contract_kw");
  expect_error(request(h, R"(,"current":{"basis":"capacity","contract_kw":"900"})"), "PD_FIELD_UNKNOWN", "/current/contract_kw");
  std::string single = request(h);
  single.replace(single.find("commercial_two_part_1_10kv"), 26, "commercial_single_1_10kv");
  expect_error(single, "PD_PLAN_UNAVAILABLE", "/tariff");
  std::string unknown = request(h);
  unknown.replace(unknown.find("commercial_two_part_1_10kv"), 26, "no_such_tariff");
  expect_error(unknown, "PD_TARIFF_UNKNOWN", "/tariff");
  std::string old = request(h);
  old.replace(old.find("2025-06-01"), 10, "2019-06-01");
  expect_error(old, "PD_NO_PACK_FOR_DATE", "/date");
}

}  // namespace
}  // namespace powerdesk
