// Fuzzes Engine::compare with arbitrary bytes as the request JSON, on the real
// packs (rules/): every quote kind's sibling, plan comparison.
// Invariants: fuzz_support.hpp — the facade contract, determinism, no
// PD_INTERNAL.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const powerdesk::Engine engine = powerdesk::fuzz::real_rules_engine();
  const std::string_view request = powerdesk::fuzz::as_text(data, size);
  powerdesk::fuzz::check_operation("compare", [&] { return engine.compare(request); });
  return 0;
}
