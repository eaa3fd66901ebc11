// The C ABI (native/capi/powerdesk.h) as a C caller sees it: this program
// links only libpowerdesk.so and includes only the C header. Every golden
// case must give through the ABI exactly the bytes the facade gives.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "powerdesk.h"

namespace {

namespace fs = std::filesystem;
const fs::path kSource = POWERDESK_SOURCE_DIR;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Takes ownership of a returned string.
std::string take(char* text) {
  EXPECT_NE(text, nullptr);
  std::string out = text ? text : "";
  powerdesk_free(text);
  return out;
}

bool ok(const std::string& envelope) { return envelope.rfind(R"({"api_version":"1","ok":true)", 0) == 0; }

struct Engine {
  powerdesk_engine* e = powerdesk_engine_new();
  explicit Engine(const fs::path& rules) { EXPECT_TRUE(ok(take(powerdesk_add_pack_dir(e, rules.c_str())))); }
  ~Engine() { powerdesk_engine_free(e); }
  std::string call(const std::string& op, const std::string& request) const {
    return take(powerdesk_call(e, op.c_str(), request.data(), request.size()));
  }
};

TEST(CApi, Versions) {
  EXPECT_EQ(powerdesk_abi_version(), POWERDESK_ABI_VERSION);
  EXPECT_STREQ(powerdesk_api_version(), "1");
  EXPECT_STREQ(powerdesk_version(), POWERDESK_EXPECTED_VERSION);
}

// Each golden case through powerdesk_call equals its response file byte for
// byte (the same cases the native, WASM and node suites run).
TEST(CApi, EveryGoldenCaseMatchesTheFacade) {
  const Engine frozen(kSource / "tests" / "packs");
  const Engine real(kSource / "rules");
  int cases = 0;
  for (const char* op : {"bill", "late-fee", "tier", "eligibility", "process", "validate", "dedupe", "match", "quote", "compare"}) {
    const bool billing = std::string(op) == "bill" || std::string(op) == "late-fee";
    std::vector<fs::path> files;
    for (const auto& f : fs::directory_iterator(kSource / "tests" / "golden" / op))
      if (f.path().string().ends_with(".request.json")) files.push_back(f.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      std::string expected = read(fs::path(f.string().substr(0, f.string().size() - 13) + ".response.json"));
      while (!expected.empty() && expected.back() == '\n') expected.pop_back();
      EXPECT_EQ((billing ? frozen : real).call(op, read(f)), expected) << f;
      ++cases;
    }
  }
  EXPECT_GT(cases, 100);
}

TEST(CApi, RulesListsThePacks) {
  const Engine real(kSource / "rules");
  const std::string r = real.call("rules", "");
  EXPECT_TRUE(ok(r));
  EXPECT_NE(r.find(R"("id":"cn-national-2024")"), std::string::npos);
}

TEST(CApi, BadInputIsAnEnvelopeNeverACrash) {
  powerdesk_engine* e = powerdesk_engine_new();
  const std::string bad = "{\"id\":";
  const std::string refused = take(powerdesk_add_pack(e, bad.data(), bad.size(), "broken.json"));
  EXPECT_NE(refused.find(R"("code":"PD_JSON_MALFORMED")"), std::string::npos) << refused;
  EXPECT_NE(refused.find(R"("file":"broken.json")"), std::string::npos) << refused;
  // Nothing was added: the engine still knows no region.
  const std::string bill = R"({"region":"zhejiang","tariff":"residential","period":{"start":"2025-01-01","end":"2025-01-31"},"usage":{"kwh":"1"}})";
  const std::string r = take(powerdesk_call(e, "bill", bill.data(), bill.size()));
  EXPECT_NE(r.find("PD_REGION_UNKNOWN"), std::string::npos) << r;
  // Not NUL-terminated: only `length` bytes are read.
  const char trailing[] = {'{', '}', 'x'};
  EXPECT_NE(take(powerdesk_call(e, "bill", trailing, 2)).find("PD_FIELD_MISSING"), std::string::npos);
  EXPECT_NE(take(powerdesk_call(e, "guess", "{}", 2)).find("PD_ENUM_INVALID"), std::string::npos);
  EXPECT_NE(take(powerdesk_call(nullptr, "bill", "{}", 2)).find("PD_FIELD_MISSING"), std::string::npos);
  EXPECT_NE(take(powerdesk_call(e, nullptr, "{}", 2)).find("PD_FIELD_MISSING"), std::string::npos);
  EXPECT_NE(take(powerdesk_call(e, "bill", nullptr, 0)).find("PD_FIELD_MISSING"), std::string::npos);
  EXPECT_NE(take(powerdesk_add_pack(e, nullptr, 0, "x")).find("PD_FIELD_MISSING"), std::string::npos);
  EXPECT_NE(take(powerdesk_add_pack_dir(e, "/no/such/dir")).find(R"("ok":false)"), std::string::npos);
  powerdesk_free(nullptr);
  powerdesk_engine_free(nullptr);
  powerdesk_engine_free(e);
}

TEST(CApi, OneEngineServesManyThreads) {
  const Engine real(kSource / "rules");
  const std::string request = read(kSource / "docs" / "examples" / "quote-estimate-zhejiang-year.json");
  const std::string expected = real.call("quote", request);
  ASSERT_TRUE(ok(expected));
  std::vector<std::thread> threads;
  std::vector<int> same(4, 0);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) same[static_cast<size_t>(t)] += real.call("quote", request) == expected;
    });
  for (auto& th : threads) th.join();
  for (int s : same) EXPECT_EQ(s, 25);
}

}  // namespace
