// Frozen test packs (tests/packs/) loaded once, and helpers to bill a JSON
// request through the typed API so tests can assert on lines.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "powerdesk/api.hpp"
#include "powerdesk/bill.hpp"
#include "powerdesk/bill_json.hpp"

namespace powerdesk::testing {

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline std::string pack_path(const std::string& name) {
  return std::string(POWERDESK_SOURCE_DIR) + "/tests/packs/" + name;
}

inline const char* const kFrozenPacks[] = {"national.json", "zj-test-2024.json", "zj-test-2025h2.json",
                                           "gd-test-2024.json"};

inline const PackRegistry& frozen_packs() {
  static const PackRegistry packs = [] {
    PackRegistry r;
    for (const char* f : kFrozenPacks) {
      auto p = load_pack(read_file(pack_path(f)), f);
      if (!p.ok()) throw std::runtime_error(std::string("frozen pack failed to load: ") + f);
      r.add(p.value());
    }
    return r;
  }();
  return packs;
}

// Bills a JSON request against `packs`; fails the test on any issue.
inline Bill bill_of(const std::string& request_json, const PackRegistry& packs = frozen_packs()) {
  auto json = parse_json_exact(request_json);
  EXPECT_TRUE(json.ok()) << request_json;
  auto req = parse_bill_request(json.value());
  if (!req.ok()) {
    ADD_FAILURE() << "request refused: " << req.issues().front().message.en << " at " << req.issues().front().path;
    return {};
  }
  auto bill = compute_bill(req.value(), packs);
  if (!bill.ok()) {
    ADD_FAILURE() << "bill refused: " << bill.issues().front().message.en << " at " << bill.issues().front().path;
    return {};
  }
  return bill.value();
}

// The issues a request produces (empty when it bills).
inline Issues issues_of(const std::string& request_json, const PackRegistry& packs = frozen_packs()) {
  auto json = parse_json_exact(request_json);
  if (!json.ok()) return json.issues();
  auto req = parse_bill_request(json.value());
  if (!req.ok()) return req.issues();
  auto bill = compute_bill(req.value(), packs);
  return bill.ok() ? Issues{} : bill.issues();
}

// Σ of line amounts, to check totals are sums of rounded lines.
inline Money sum_lines(const Bill& b) {
  Money s;
  for (const BillLine& l : b.lines) s += l.amount;
  return s;
}

}  // namespace powerdesk::testing
