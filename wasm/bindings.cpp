// Embind layer: forwards to the core facade and nothing else. Every call
// takes and returns strings (JSON, or decimal strings inside JSON), so no
// 64-bit integer and no C++ exception ever crosses into JavaScript.
#include <emscripten/bind.h>

#include <cstdint>
#include <string>

#include "bundled_packs.hpp"
#include "powerdesk/api.hpp"
#include "powerdesk/icu_data.hpp"

namespace {

using powerdesk::Engine;

// Issues → the facade's error envelope; none → {"api_version":…,"ok":true}.
std::string issues_response(const powerdesk::Issues& issues) {
  if (!issues.empty()) return powerdesk::error_response(issues).json;
  return std::string(R"({"api_version":")") + std::string(powerdesk::kApiVersion) + R"(","ok":true})";
}

class WasmEngine {
 public:
  std::string addPack(const std::string& json, const std::string& name) {
    return issues_response(engine_.add_pack(json, name));
  }
  std::string addBundledPacks() {
    powerdesk::Issues all;
    for (size_t i = 0; i < powerdesk::kBundledPackCount; ++i) {
      auto found = engine_.add_pack(powerdesk::kBundledPacks[i].json, powerdesk::kBundledPacks[i].name);
      all.insert(all.end(), found.begin(), found.end());
    }
    return issues_response(all);
  }
  std::string bill(const std::string& request) const { return engine_.bill(request).json; }
  std::string lateFee(const std::string& request) const { return engine_.late_fee(request).json; }
  std::string rulesList() const { return engine_.rules_list().json; }
  std::string starTier(const std::string& request) const { return engine_.star_tier(request).json; }
  std::string eligibility(const std::string& request) const { return engine_.eligibility(request).json; }
  std::string process(const std::string& request) const { return engine_.process(request).json; }
  std::string validate(const std::string& request) const { return engine_.validate_application(request).json; }
  std::string dedupe(const std::string& request) const { return engine_.dedupe(request).json; }
  std::string match(const std::string& request) const { return engine_.match(request).json; }
  std::string quote(const std::string& request) const { return engine_.quote(request).json; }
  std::string compare(const std::string& request) const { return engine_.compare(request).json; }

 private:
  Engine engine_;
};

std::string api_version() { return std::string(powerdesk::kApiVersion); }

// The JS loader copies the data file into the heap (malloc) and passes its
// address; pointers are 32-bit numbers in wasm32. Returns "" or the reason.
std::string install_icu_data(uintptr_t address, size_t size) {
  std::string error;
  powerdesk::install_icu_data(reinterpret_cast<const uint8_t*>(address), size, error);
  return error;
}

std::string bundled_pack_names() {
  std::string out = "[";
  for (size_t i = 0; i < powerdesk::kBundledPackCount; ++i) {
    out += (i ? ",\"" : "\"") + std::string(powerdesk::kBundledPacks[i].name) + "\"";
  }
  return out + "]";
}

}  // namespace

EMSCRIPTEN_BINDINGS(powerdesk) {
  emscripten::class_<WasmEngine>("Engine")
      .constructor<>()
      .function("addPack", &WasmEngine::addPack)
      .function("addBundledPacks", &WasmEngine::addBundledPacks)
      .function("bill", &WasmEngine::bill)
      .function("lateFee", &WasmEngine::lateFee)
      .function("rulesList", &WasmEngine::rulesList)
      .function("starTier", &WasmEngine::starTier)
      .function("eligibility", &WasmEngine::eligibility)
      .function("process", &WasmEngine::process)
      .function("validate", &WasmEngine::validate)
      .function("dedupe", &WasmEngine::dedupe)
      .function("match", &WasmEngine::match)
      .function("quote", &WasmEngine::quote)
      .function("compare", &WasmEngine::compare);
  emscripten::function("apiVersion", &api_version);
  emscripten::function("installIcuData", &install_icu_data);
  emscripten::function("bundledPackNames", &bundled_pack_names);
}
