// Native time per bill through the JSON facade over the golden bill cases:
// the native half of wasm/bench/wasm-vs-native.mjs, which runs the same
// workload in node over the WASM module and prints the ratio.
// Prints: ns_per_bill <number> (<bills> bills)
#include <chrono>
#include <iostream>

#include "golden.hpp"

int main() {
  using namespace powerdesk;
  const Engine engine = powerdesk::testing::golden_engine();
  std::vector<std::string> requests;
  for (const auto& c : powerdesk::testing::golden_cases())
    if (c.operation == "bill") requests.push_back(c.request);
  size_t sink = 0;
  for (const auto& r : requests) sink += engine.bill(r).json.size();  // warm up
  const auto start = std::chrono::steady_clock::now();
  size_t bills = 0;
  while (std::chrono::steady_clock::now() - start < std::chrono::seconds(2)) {
    for (const auto& r : requests) sink += engine.bill(r).json.size();
    bills += requests.size();
  }
  const std::chrono::duration<double, std::nano> elapsed = std::chrono::steady_clock::now() - start;
  std::cout << "ns_per_bill " << static_cast<long long>(elapsed.count() / static_cast<double>(bills)) << " ("
            << bills << " bills, checksum " << sink % 1000 << ")\n";
}
