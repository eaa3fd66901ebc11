// Fuzzes Engine::star_tier with arbitrary bytes as the request JSON, on the real packs (rules/).
// Invariants: fuzz_support.hpp (facade contract, determinism, no PD_INTERNAL).
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const powerdesk::Engine engine = powerdesk::fuzz::real_rules_engine();
  const std::string_view request = powerdesk::fuzz::as_text(data, size);
  powerdesk::fuzz::check_operation("star_tier", [&] { return engine.star_tier(request); });
  return 0;
}
