// Bills per second through the typed API (what batch billing calls), on the
// frozen test packs: residential tier+TOU and two-part TOU+PF.
// Run: ./build/native-release/tests/powerdesk_bench
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "powerdesk/api.hpp"
#include "powerdesk/bill.hpp"
#include "powerdesk/bill_json.hpp"

namespace {

using namespace powerdesk;

PackRegistry& registry() {
  static PackRegistry packs = [] {
    PackRegistry r;
    for (const char* f : {"national.json", "zj-test-2024.json", "zj-test-2025h2.json"}) {
      std::ifstream in(std::string(POWERDESK_SOURCE_DIR) + "/tests/packs/" + f);
      std::stringstream s;
      s << in.rdbuf();
      auto p = load_pack(s.str(), f);
      if (!p.ok()) std::abort();
      r.add(p.value());
    }
    return r;
  }();
  return packs;
}

BillRequest residential_tou(int i) {
  BillRequest r;
  r.region = "zj-test";
  r.tariff = "residential_tou";
  r.period = {*Date::parse("2025-03-01"), *Date::parse("2025-03-31")};
  Usage u;
  u.kwh[static_cast<int>(TouPeriod::Peak)] = Energy::from_int(150 + i % 50);
  u.kwh[static_cast<int>(TouPeriod::Valley)] = Energy::from_int(100);
  r.usage = u;
  r.residential.carry_in_kwh = Energy::from_int(2600);
  return r;
}

BillRequest two_part(int i) {
  BillRequest r;
  r.region = "zj-test";
  r.tariff = "commercial_two_part";
  r.period = {*Date::parse("2025-03-01"), *Date::parse("2025-03-31")};
  Usage u;
  u.kwh[static_cast<int>(TouPeriod::Peak)] = Energy::from_int(300000 + i % 100);
  u.kwh[static_cast<int>(TouPeriod::Flat)] = Energy::from_int(200000);
  u.kwh[static_cast<int>(TouPeriod::Valley)] = Energy::from_int(100000);
  u.kvarh = Energy::from_int(330000);
  r.usage = u;
  r.capacity_kva = Power::from_int(2000);
  r.demand = DemandInput{DemandBasis::ContractDemand, Power::from_int(1000), Power::from_int(1200), {}};
  r.pf_standard = "0.90";
  return r;
}

template <BillRequest (*Make)(int)>
void BM_TypedBill(benchmark::State& state) {
  const PackRegistry& packs = registry();
  std::vector<BillRequest> reqs;
  for (int i = 0; i < 64; ++i) reqs.push_back(Make(i));
  size_t i = 0;
  for (auto _ : state) {
    auto bill = compute_bill(reqs[i++ & 63], packs);
    benchmark::DoNotOptimize(bill);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_TypedBill<residential_tou>)->Name("typed/residential_tier_tou");
BENCHMARK(BM_TypedBill<two_part>)->Name("typed/two_part_tou_pf");

void BM_JsonFacade(benchmark::State& state) {
  Engine engine;
  for (const char* f : {"national.json", "zj-test-2024.json", "zj-test-2025h2.json"}) {
    std::ifstream in(std::string(POWERDESK_SOURCE_DIR) + "/tests/packs/" + f);
    std::stringstream s;
    s << in.rdbuf();
    engine.add_pack(s.str(), f);
  }
  const std::string req = R"({"region":"zj-test","tariff":"residential_tou","period":{"start":"2025-03-01","end":"2025-03-31"},
    "usage":{"kwh_by_period":{"peak":"150","valley":"100"}},"residential":{"carry_in_kwh":"2600"}})";
  for (auto _ : state) {
    auto r = engine.bill(req);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_JsonFacade)->Name("json/residential_tier_tou");

}  // namespace

BENCHMARK_MAIN();
