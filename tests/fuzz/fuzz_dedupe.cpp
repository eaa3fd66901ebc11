// Fuzzes Engine::dedupe with arbitrary bytes as the request JSON, on the real
// packs (rules/). Invariants: fuzz_support.hpp — the facade contract,
// determinism, no PD_INTERNAL, and check_no_personal_digits (no phone or
// customer number shows unmasked in an answer).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const powerdesk::Engine engine = powerdesk::fuzz::real_rules_engine();
  const std::string_view request = powerdesk::fuzz::as_text(data, size);
  const powerdesk::Response r =
      powerdesk::fuzz::check_operation("dedupe", [&] { return engine.dedupe(request); });
  powerdesk::fuzz::check_no_personal_digits("dedupe", request, r);
  return 0;
}
