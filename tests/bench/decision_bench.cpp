// Decision-table evaluation speed: a generated first-hit table of thousands
// of rows (compiled index vs a row-by-row scan of the same rows), a small
// COLLECT table, and the eligibility facade end to end.
//   build/native-release/tests/powerdesk_decision_bench
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "powerdesk/api.hpp"
#include "powerdesk/decision_table.hpp"

namespace {

using namespace powerdesk;
using namespace powerdesk::decision;

const InputSchema& schema() {
  static const InputSchema s{"bench_facts",
                             {Field::decimal("kwh", 3, 0, int64_t{1000000000000}), Field::integer("age", 0, 1000),
                              Field::enumeration("kind", {"a", "b", "c", "d", "e", "f", "g", "h"}),
                              Field::integer("score", 0, 100000)}};
  return s;
}

const InputSchema* lookup(std::string_view name) { return name == "bench_facts" ? &schema() : nullptr; }

struct Lcg {
  uint64_t s = 7;
  uint64_t next(uint64_t n) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (s >> 33) % n;
  }
};

const char* kCite = R"("explanation":{"zh":"说明","en":"why"},"citation":{"document":"bench","date":"2025-01-01"})";

// `rows` rows of random ranges over four columns; FIRST with a default, or COLLECT.
Table make_table(int rows, const char* policy) {
  Lcg g;
  std::ostringstream t;
  t << R"({"t":{"label":{"zh":"基准","en":"bench"},"facts":"bench_facts","hit_policy":")" << policy
    << R"(","inputs":["kwh","age","kind","score"],"outputs":[{"name":"out","type":"integer"}],)";
  if (std::string(policy) == "FIRST") t << R"("default":{"then":{"out":-1},)" << kCite << "},";
  t << R"("rows":[)";
  for (int i = 0; i < rows; ++i) {
    const uint64_t lo = g.next(1000000);
    t << (i ? "," : "") << R"({"id":"r)" << i << R"(","when":{"kwh":{">=":)" << lo << R"(,"<":)" << lo + 1 + g.next(50000)
      << R"(},"age":{"between":[)" << g.next(50) << "," << 50 + g.next(950) << "]}";
    if (g.next(2)) t << R"(,"kind":[")" << static_cast<char>('a' + g.next(8)) << R"(",")" << static_cast<char>('a' + g.next(8)) << "\"]";
    if (g.next(3) == 0) t << R"(,"score":{">":)" << g.next(100000) << "}";
    t << R"(},"then":{"out":)" << i << "}," << kCite << "}";
  }
  t << "]}}";
  Issues issues;
  FieldReader r(issues);
  auto json = parse_json_exact(t.str());
  auto tables = read_tables(r, json.value(), "/decision_tables", {}, lookup);
  if (!issues.empty()) throw std::runtime_error(issues[0].message.en);
  return std::move(tables.at("t"));
}

std::vector<std::vector<Value>> make_facts(size_t n) {
  Lcg g{99};
  std::vector<std::vector<Value>> out;
  for (size_t i = 0; i < n; ++i)
    out.push_back({static_cast<Value>(g.next(1050000)) * 1000, static_cast<Value>(g.next(1000)),
                   static_cast<Value>(g.next(8)), static_cast<Value>(g.next(100000))});
  return out;
}

// What an unindexed engine does: test each row's cells in order.
int scan_first(const Table& t, const std::vector<Value>& f) {
  for (size_t r = 0; r < t.rows.size(); ++r) {
    bool all = true;
    for (size_t c = 0; c < t.inputs.size() && all; ++c)
      all = t.rows[r].when[c].matches(f[static_cast<size_t>(t.inputs[c])]);
    if (all) return static_cast<int>(r);
  }
  return -1;
}

void BM_FirstHitIndexed(benchmark::State& state) {
  const Table t = make_table(static_cast<int>(state.range(0)), "FIRST");
  const auto facts = make_facts(4096);
  size_t i = 0;
  int64_t sink = 0;
  for (auto _ : state) sink += decide_row(t, facts[i++ & 4095]);
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations());
  // The compiled index's memory: bitsets and segment starts of every column.
  double bytes = 0;
  for (const ColumnIndex& c : t.index) bytes += static_cast<double>(c.bits.size() * 8 + c.starts.size() * 8);
  state.counters["index_MB"] = bytes / 1e6;
}
BENCHMARK(BM_FirstHitIndexed)->Arg(100)->Arg(1000)->Arg(5000);

void BM_FirstHitRowScan(benchmark::State& state) {
  const Table t = make_table(static_cast<int>(state.range(0)), "FIRST");
  const auto facts = make_facts(4096);
  size_t i = 0;
  int64_t sink = 0;
  for (auto _ : state) sink += scan_first(t, facts[i++ & 4095]);
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FirstHitRowScan)->Arg(100)->Arg(1000)->Arg(5000);

// A small COLLECT table: every matching row, as bits, without allocating.
void BM_SmallCollect(benchmark::State& state) {
  const Table t = make_table(16, "COLLECT");
  const auto facts = make_facts(4096);
  size_t i = 0;
  uint64_t bits[1];
  uint64_t sink = 0;
  for (auto _ : state) {
    match_bits(t, facts[i++ & 4095], bits);
    sink += bits[0];
  }
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SmallCollect);

// The same with the full Evaluation (row list, outputs) a trace is built from.
void BM_SmallCollectEvaluate(benchmark::State& state) {
  const Table t = make_table(16, "COLLECT");
  const auto facts = make_facts(4096);
  size_t i = 0;
  size_t sink = 0;
  for (auto _ : state) sink += evaluate(t, facts[i++ & 4095]).matched.size();
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SmallCollectEvaluate);

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The eligibility facade with traces and supply decisions, JSON in and out.
void BM_EligibilityFacade(benchmark::State& state) {
  Engine e;
  for (const char* f : {"rules/national/cn-national-2024.json", "rules/zhejiang/zhejiang-2025.json"})
    e.add_pack(read(std::string(POWERDESK_SOURCE_DIR) + "/" + f), f);
  const std::string req = read(std::string(POWERDESK_SOURCE_DIR) + "/tests/golden/eligibility/suspension-over-six-months.request.json");
  size_t sink = 0;
  for (auto _ : state) sink += e.eligibility(req).json.size();
  benchmark::DoNotOptimize(sink);
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EligibilityFacade);

}  // namespace

BENCHMARK_MAIN();
