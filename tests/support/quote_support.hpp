// Shared by the quote tests: the facade on the real packs, and what an
// answer's errors say.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "golden.hpp"

namespace powerdesk::testing {

inline const Engine& rules_engine() {
  static const Engine e = real_rules_engine();
  return e;
}

// The envelope of Engine::quote (or compare) for a request; never a defect.
inline Json quote_envelope(const std::string& request, bool compare = false) {
  const Response r = compare ? rules_engine().compare(request) : rules_engine().quote(request);
  EXPECT_FALSE(r.internal_error) << r.json;
  return Json::parse(r.json);
}

// The result of an answer that must succeed.
inline Json result_of(const Json& envelope) {
  EXPECT_TRUE(envelope["ok"].get<bool>()) << envelope.dump();
  return envelope.value("result", Json::object());
}

// "CODE@/path" of the first error, or "ok".
inline std::string first_error(const Json& envelope) {
  if (envelope["ok"].get<bool>()) return "ok";
  const Json& i = envelope["errors"][0];
  return i["code"].get<std::string>() + "@" + i["path"].get<std::string>();
}

// The request is refused, with `code` at `path` among its errors.
inline void expect_error(const std::string& request, const std::string& code, const std::string& path) {
  const Json r = quote_envelope(request);
  ASSERT_FALSE(r["ok"].get<bool>()) << request;
  bool found = false;
  for (const Json& e : r["errors"]) found = found || (e["code"] == code && e["path"] == path);
  EXPECT_TRUE(found) << code << " at " << path << " in " << r.dump();
}

}  // namespace powerdesk::testing
