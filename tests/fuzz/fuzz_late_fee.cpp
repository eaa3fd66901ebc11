// Fuzzes Engine::late_fee with arbitrary bytes as the request JSON, on the frozen
// test packs (tests/packs/). Invariants: fuzz_support.hpp — the facade
// contract, determinism, no PD_INTERNAL, and check_late_fee_result (the sums of
// docs/billing.md).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const powerdesk::Engine engine = powerdesk::fuzz::frozen_packs_engine();
  const std::string_view request = powerdesk::fuzz::as_text(data, size);
  const powerdesk::Response r =
      powerdesk::fuzz::check_operation("late_fee", [&] { return engine.late_fee(request); });
  powerdesk::fuzz::check_late_fee_result("late_fee", r);
  return 0;
}
