// Quotes per second through the JSON facade, natively: every golden quote
// and compare request that succeeds (tests/golden/{quote,compare}), on the
// real packs in rules/. The WASM side is wasm/bench/quotes.mjs.
// Run: build/native-release/tests/powerdesk_quote_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "powerdesk/api.hpp"

namespace {

namespace fs = std::filesystem;
using powerdesk::Engine;

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const Engine& engine() {
  static const Engine e = [] {
    Engine out;
    std::vector<fs::path> packs;
    for (const auto& dir : fs::directory_iterator(fs::path(POWERDESK_SOURCE_DIR) / "rules"))
      if (dir.is_directory() && dir.path().filename() != "schema" && dir.path().filename() != "tools")
        for (const auto& f : fs::directory_iterator(dir.path()))
          if (f.path().extension() == ".json") packs.push_back(f.path());
    std::sort(packs.begin(), packs.end());
    for (const auto& p : packs)
      if (!out.add_pack(read(p), p.filename().string()).empty()) std::abort();
    return out;
  }();
  return e;
}

void run(benchmark::State& state, const std::string& op, const std::string& request) {
  const Engine& e = engine();
  for (auto _ : state) {
    auto r = op == "compare" ? e.compare(request) : e.quote(request);
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<fs::path> files;
  for (const char* op : {"quote", "compare"})
    for (const auto& f : fs::directory_iterator(fs::path(POWERDESK_SOURCE_DIR) / "tests" / "golden" / op))
      if (f.path().string().ends_with(".request.json")) files.push_back(f.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const std::string op = f.parent_path().filename().string();
    const std::string request = read(f);
    const bool ok = (op == "compare" ? engine().compare(request) : engine().quote(request)).ok;
    if (!ok) continue;  // refusals are not what a quote page times
    const std::string name = op + "/" + f.filename().string().substr(0, f.filename().string().size() - 13);
    benchmark::RegisterBenchmark(name.c_str(), [op, request](benchmark::State& s) { run(s, op, request); });
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
