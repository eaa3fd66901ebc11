// Star-tier classifications per second through the typed batch API (what a
// nightly re-rating of every customer calls), on the real national pack:
// 4096 varied customers, classified as one span per iteration.
// Run: build/native-release/tests/powerdesk_tier_bench
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <vector>

#include "powerdesk/api.hpp"
#include "powerdesk/rulepack.hpp"
#include "powerdesk/tier.hpp"

namespace {

using namespace powerdesk;

std::string read(const std::string& rel) {
  std::ifstream in(std::string(POWERDESK_SOURCE_DIR) + "/" + rel);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const PackRegistry& registry() {
  static const PackRegistry packs = [] {
    PackRegistry r;
    for (const char* f : {"rules/national/cn-national-2024.json", "rules/zhejiang/zhejiang-2025.json"}) {
      auto p = load_pack(read(f), f);
      if (!p.ok()) {
        std::fprintf(stderr, "%s: %s\n", f, p.issues().front().message.en.c_str());
        std::abort();
      }
      r.add(p.value());
    }
    return r;
  }();
  return packs;
}

const StarTierClassifier& classifier() {
  static const StarTierClassifier c = [] {
    auto b = StarTierClassifier::build(registry(), "zhejiang", *Date::parse("2025-06-01"));
    if (!b.ok()) std::abort();
    return b.value();
  }();
  return c;
}

// Deterministic mix: most customers ordinary, some by each rule, some by several.
std::vector<StarCustomer> customers(size_t n) {
  std::vector<StarCustomer> out(n);
  uint64_t x = 0x9E3779B97F4A7C15ULL;
  auto next = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  static const char* const kv[] = {"0.4", "10", "20", "35", "66", "110", "220", "10"};
  for (StarCustomer& c : out) {
    c.existing_customer = next() % 10 != 0;
    c.annual_kwh = Energy::from_units(static_cast<int64_t>(next() % 300'000'000'000ULL));  // 0–3亿 kWh
    c.has_arrears = next() % 8 == 0;
    c.credit_rating = static_cast<CreditRating>(next() % 4);
    c.project_level = next() % 5 == 0 ? static_cast<Level>(next() % 4) : Level::None;
    c.park_level = next() % 5 == 0 ? static_cast<Level>(next() % 4) : Level::None;
    c.supply_voltage_kv = *KiloVolt::parse(kv[next() % 8]);
    c.special_category = next() % 10 == 0 ? static_cast<SpecialCategory>(next() % 8) : SpecialCategory::None;
  }
  return out;
}

void BM_Batch(benchmark::State& state) {
  const StarTierClassifier& c = classifier();
  const std::vector<StarCustomer> in = customers(4096);
  std::vector<StarTier> out(in.size());
  for (auto _ : state) {
    c.classify(in, out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(in.size()));
  state.counters["classifications/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * static_cast<double>(in.size()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Batch)->Name("typed/star_tier_batch_4096");

// With every matched row, support and services: what an explained answer costs.
void BM_Explain(benchmark::State& state) {
  const StarTierClassifier& c = classifier();
  const std::vector<StarCustomer> in = customers(64);
  size_t i = 0;
  for (auto _ : state) {
    auto e = c.explain(in[i++ & 63]);
    benchmark::DoNotOptimize(e);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Explain)->Name("typed/star_tier_explain");

void BM_Facade(benchmark::State& state) {
  Engine engine;
  for (const char* f : {"rules/national/cn-national-2024.json", "rules/zhejiang/zhejiang-2025.json"})
    engine.add_pack(read(f), f);
  const std::string req = R"({"region":"zhejiang","date":"2025-06-01",
    "customer":{"annual_kwh":"150000000","credit_rating":"excellent","supply_voltage_kv":"220"}})";
  for (auto _ : state) {
    auto r = engine.star_tier(req);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Facade)->Name("json/star_tier");

}  // namespace

BENCHMARK_MAIN();
