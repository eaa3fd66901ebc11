// The C ABI (powerdesk.h): a thin shell over the facade. It copies strings
// across the boundary, maps operation names to Engine methods and turns
// anything escaping into an error envelope; it holds no business logic.
#include "powerdesk.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

#include "pack_dir.hpp"
#include "powerdesk/api.hpp"

struct powerdesk_engine {
  powerdesk::Engine engine;
};

namespace {

using powerdesk::Engine;
using powerdesk::Response;

// A malloc'd copy, so any C caller can own it; NULL only when memory runs out.
char* copy_out(const std::string& text) {
  char* out = static_cast<char*>(std::malloc(text.size() + 1));
  if (out) std::memcpy(out, text.c_str(), text.size() + 1);
  return out;
}

char* failure(powerdesk::Code code, const std::string& path, const std::string& zh, const std::string& en) {
  return copy_out(powerdesk::error_response({powerdesk::make_issue(code, path, zh, en)}).json);
}

char* added(const powerdesk::Issues& issues) {
  if (!issues.empty()) return copy_out(powerdesk::error_response(issues).json);
  return copy_out(R"({"api_version":")" + std::string(powerdesk::kApiVersion) + R"(","ok":true})");
}

struct Operation {
  std::string_view name;
  Response (Engine::*run)(std::string_view) const;
};

constexpr Operation kOperations[] = {
    {"bill", &Engine::bill},           {"late-fee", &Engine::late_fee},
    {"tier", &Engine::star_tier},      {"eligibility", &Engine::eligibility},
    {"process", &Engine::process},     {"validate", &Engine::validate_application},
    {"dedupe", &Engine::dedupe},       {"match", &Engine::match},
    {"quote", &Engine::quote},         {"compare", &Engine::compare},
};

template <typename F>
char* guarded(F f) {
  try {
    return f();
  } catch (const std::bad_alloc&) {
    return nullptr;
  } catch (const std::exception& e) {
    return failure(powerdesk::Code::Internal, "", std::string("内部错误：") + e.what(),
                   std::string("Internal error: ") + e.what());
  } catch (...) {
    return failure(powerdesk::Code::Internal, "", "内部错误", "Internal error");
  }
}

char* missing(const char* what) {
  return failure(powerdesk::Code::FieldMissing, "", std::string("参数 ") + what + " 为空",
                 std::string("Argument ") + what + " is NULL");
}

}  // namespace

extern "C" {

int powerdesk_abi_version(void) { return POWERDESK_ABI_VERSION; }
const char* powerdesk_version(void) { return POWERDESK_VERSION; }
const char* powerdesk_api_version(void) {
  static const std::string v(powerdesk::kApiVersion);
  return v.c_str();
}

powerdesk_engine* powerdesk_engine_new(void) { return new (std::nothrow) powerdesk_engine(); }
void powerdesk_engine_free(powerdesk_engine* engine) { delete engine; }

char* powerdesk_add_pack(powerdesk_engine* engine, const char* json, size_t length, const char* name) {
  if (!engine) return missing("engine");
  if (!json) return missing("json");
  return guarded([&] { return added(engine->engine.add_pack(std::string_view(json, length), name ? name : "pack")); });
}

char* powerdesk_add_pack_dir(powerdesk_engine* engine, const char* directory) {
  if (!engine) return missing("engine");
  if (!directory) return missing("directory");
  return guarded([&] { return added(powerdesk::load_pack_dir(engine->engine, directory).issues); });
}

char* powerdesk_call(const powerdesk_engine* engine, const char* operation, const char* request, size_t length) {
  if (!engine) return missing("engine");
  if (!operation) return missing("operation");
  return guarded([&]() -> char* {
    const std::string_view op(operation);
    if (op == "rules") return copy_out(engine->engine.rules_list().json);
    if (!request) return missing("request");
    for (const Operation& o : kOperations)
      if (o.name == op) return copy_out((engine->engine.*o.run)(std::string_view(request, length)).json);
    std::string known = "rules";
    for (const Operation& o : kOperations) known += ", " + std::string(o.name);
    return failure(powerdesk::Code::EnumInvalid, "", "未知操作 " + std::string(op) + "（" + known + "）",
                   "Unknown operation " + std::string(op) + " (" + known + ")");
  });
}

void powerdesk_free(char* text) { std::free(text); }

}  // extern "C"
