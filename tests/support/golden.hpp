// Golden cases (tests/golden/<operation>/NAME.request.json → NAME.response.json)
// and the determinism hash every build must reproduce.
#pragma once

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "test_packs.hpp"

namespace powerdesk::testing {

// Billing cases run on the frozen test packs; business-rule cases (tier,
// eligibility, process) run on the real packs in rules/, since those tables
// are what they prove.
inline const char* const kGoldenOperations[] = {"bill", "late-fee", "tier", "eligibility", "process", "validate", "dedupe", "match", "quote", "compare"};

inline bool uses_real_rules(const std::string& operation) {
  return operation == "tier" || operation == "eligibility" || operation == "process" || operation == "validate" ||
         operation == "dedupe" || operation == "match" || operation == "quote" || operation == "compare";
}

struct GoldenCase {
  std::string name;       // e.g. bill/res-zj-tou-facts-example-a
  std::string operation;  // bill, late-fee
  std::string request;
  std::string expected;   // canonical response, without the trailing newline
};

inline void PrintTo(const GoldenCase& c, std::ostream* os) { *os << c.name; }

inline std::vector<GoldenCase> golden_cases() {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(POWERDESK_SOURCE_DIR) / "tests" / "golden";
  std::vector<GoldenCase> out;
  for (const auto& op : kGoldenOperations) {
    if (!fs::exists(root / op)) continue;
    for (const auto& entry : fs::directory_iterator(root / op)) {
      const std::string file = entry.path().filename().string();
      const std::string suffix = ".request.json";
      if (file.size() <= suffix.size() || file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
      const std::string stem = file.substr(0, file.size() - suffix.size());
      std::string expected = read_file((root / op / (stem + ".response.json")).string());
      while (!expected.empty() && (expected.back() == '\n' || expected.back() == '\r')) expected.pop_back();
      out.push_back({std::string(op) + "/" + stem, op, read_file(entry.path().string()), expected});
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

// An engine with every frozen pack, as `powerdesk --rules tests/packs` has.
inline Engine golden_engine() {
  Engine e;
  for (const char* f : kFrozenPacks) e.add_pack(read_file(pack_path(f)), f);
  return e;
}

// An engine with every pack in rules/, as `powerdesk --rules rules` has.
inline Engine real_rules_engine() {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(POWERDESK_SOURCE_DIR) / "rules")) {
    if (e.path().extension() == ".json" && e.path().parent_path().filename() != "schema") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  Engine engine;
  for (const auto& f : files) {
    if (!engine.add_pack(read_file(f.string()), f.filename().string()).empty())
      throw std::runtime_error("rule pack failed to load: " + f.string());
  }
  return engine;
}

// `billing` holds the frozen packs, `rules` the real ones.
inline std::string run_golden(const Engine& billing, const Engine& rules, const GoldenCase& c) {
  if (c.operation == "bill") return billing.bill(c.request).json;
  if (c.operation == "late-fee") return billing.late_fee(c.request).json;
  if (c.operation == "tier") return rules.star_tier(c.request).json;
  if (c.operation == "eligibility") return rules.eligibility(c.request).json;
  if (c.operation == "validate") return rules.validate_application(c.request).json;
  if (c.operation == "dedupe") return rules.dedupe(c.request).json;
  if (c.operation == "match") return rules.match(c.request).json;
  if (c.operation == "quote") return rules.quote(c.request).json;
  if (c.operation == "compare") return rules.compare(c.request).json;
  return rules.process(c.request).json;
}

// FNV-1a 64 over "name\nresponse\n" for every case in name order.
inline std::string golden_hash(const std::vector<std::pair<std::string, std::string>>& responses) {
  uint64_t h = 1469598103934665603ULL;
  auto mix = [&](const std::string& s) {
    for (unsigned char ch : s) {
      h ^= ch;
      h *= 1099511628211ULL;
    }
  };
  for (const auto& [name, response] : responses) {
    mix(name + "\n");
    mix(response + "\n");
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace powerdesk::testing
