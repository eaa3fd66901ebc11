// Fuzzes Engine::quote with arbitrary bytes as the request JSON, on the real
// packs (rules/): every quote kind (estimate, forecast, load_shift, charging, contract_demand, power_factor, substitution, pv).
// Invariants: fuzz_support.hpp — the facade contract, determinism, no
// PD_INTERNAL.
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const powerdesk::Engine engine = powerdesk::fuzz::real_rules_engine();
  const std::string_view request = powerdesk::fuzz::as_text(data, size);
  powerdesk::fuzz::check_operation("quote", [&] { return engine.quote(request); });
  return 0;
}
