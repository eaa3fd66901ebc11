// Duplicate detection on synthetic labelled records (tests/support/
// dedupe_synthetic): 10k, 100k and 1M records through the typed API with the
// default options (threads = hardware concurrency), reporting records per
// second, wall time, and pairwise precision and recall against the labels.
// Generating the records is not timed.
// Run: build/native-release/tests/powerdesk_dedupe_bench
//      (--benchmark_filter=dedupe/1000000 for the 1M case alone)
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <thread>

#include "dedupe_synthetic.hpp"
#include "powerdesk/dedupe.hpp"

namespace {

using namespace powerdesk::dedupe;

constexpr uint64_t kSeed = 20261122;

const synthetic::Dataset& dataset(size_t n) {
  static std::map<size_t, synthetic::Dataset> cache;
  auto it = cache.find(n);
  if (it == cache.end()) it = cache.emplace(n, synthetic::generate(n, kSeed)).first;
  return it->second;
}

void BM_Dedupe(benchmark::State& state, unsigned threads) {
  const auto n = static_cast<size_t>(state.range(0));
  const synthetic::Dataset& data = dataset(n);
  Options options;
  options.threads = threads;
  DedupeResult result;
  double seconds = 0;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    result = dedupe(data.records, options);
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    benchmark::DoNotOptimize(result.clusters.data());
  }
  const synthetic::Quality q = synthetic::evaluate(result, data.entity);
  state.counters["records_per_s"] = benchmark::Counter(static_cast<double>(n) * static_cast<double>(state.iterations()),
                                                       benchmark::Counter::kIsRate);
  state.counters["wall_s"] = seconds;
  state.counters["precision"] = q.precision();
  state.counters["recall"] = q.recall();
  state.counters["clusters"] = static_cast<double>(result.clusters.size());
  state.counters["compared_pairs"] = static_cast<double>(result.stats.compared_pairs);
  state.counters["oversized_blocks"] = static_cast<double>(result.stats.oversized_blocks);
  state.counters["threads"] = threads ? threads : std::thread::hardware_concurrency();
  std::printf("dedupe %zu records, %u threads: %.2f s wall, %.0f records/s, precision %.4f (%llu/%llu), recall %.4f (%llu/%llu)\n",
              n, threads ? threads : std::thread::hardware_concurrency(), seconds, static_cast<double>(n) / seconds,
              q.precision(), static_cast<unsigned long long>(q.correct_pairs),
              static_cast<unsigned long long>(q.predicted_pairs), q.recall(),
              static_cast<unsigned long long>(q.correct_pairs), static_cast<unsigned long long>(q.true_pairs));
}

BENCHMARK_CAPTURE(BM_Dedupe, default_threads, 0u)
    ->Arg(10'000)
    ->Arg(100'000)
    ->Arg(1'000'000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_Dedupe, one_thread, 1u)
    ->Arg(100'000)
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
