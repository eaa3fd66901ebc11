// Internal: how every facade operation parses, runs, guards and renders.
// Each operation lives in its own api_*.cpp and uses run().
#pragma once

#include <exception>

#include "powerdesk/api.hpp"
#include "powerdesk/json_input.hpp"

namespace powerdesk::api_detail {

inline std::string canonical(const Json& j) {
  // Invalid UTF-8 in echoed input must not throw: replace it.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

inline Response success(Json result) {
  Json env{{"api_version", std::string(kApiVersion)}, {"ok", true}, {"result", std::move(result)}};
  return Response{true, false, canonical(env)};
}

#if defined(__cpp_exceptions)
inline Response internal(const char* what) {
  Issue i = make_issue(Code::Internal, "", std::string("内部错误：") + what, std::string("Internal error: ") + what);
  Response r = error_response({i});
  r.internal_error = true;
  return r;
}
#endif

// Runs `body`, turning any escaping exception into a PD_INTERNAL response.
// Builds without exceptions (the WASM build) have nothing to catch.
template <typename Body>
Response guarded(Body body) {
#if defined(__cpp_exceptions)
  try {
    return body();
  } catch (const std::exception& e) {
    return internal(e.what());
  } catch (...) {
    return internal("unknown");
  }
#else
  return body();
#endif
}

// Parses, runs and renders one operation.
template <typename Parse, typename Compute, typename Render>
Response run(std::string_view text, Parse parse, Compute compute, Render render) {
  return guarded([&]() -> Response {
    auto json = parse_json_exact(text);
    if (!json.ok()) return error_response(json.issues());
    auto req = parse(json.value());
    if (!req.ok()) return error_response(req.issues());
    auto out = compute(req.value());
    if (!out.ok()) return error_response(out.issues());
    return success(render(out.value(), req.value()));
  });
}

}  // namespace powerdesk::api_detail
