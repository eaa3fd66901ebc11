// The malformed-input catalogue (tests/malformed/catalogue.json, written by
// catalogue.py): every operation given truncated, mistyped, huge, too deep,
// non-UTF-8 and otherwise broken requests answers with the documented code at
// the documented pointer, as data, and its engine answers a good request
// exactly as before. Runs natively, under ASan + UBSan, and compiled to WASM.
#include <cctype>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "golden.hpp"

namespace powerdesk {
namespace {

using nlohmann::json;

const json& catalogue() {
  static const json c = json::parse(testing::read_file(std::string(POWERDESK_SOURCE_DIR) + "/tests/malformed/catalogue.json"));
  return c;
}

std::string hex_bytes(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

struct Case {
  std::string operation, name, body, code, path;
  bool has_path = false, reported = false;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.operation << "/" << c.name; }

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const json& j : catalogue()["cases"]) {
    Case c;
    c.operation = j["operation"];
    c.name = j["name"];
    c.body = j.contains("body_hex") ? hex_bytes(j["body_hex"]) : j["body"].get<std::string>();
    c.code = j["code"];
    c.has_path = j.contains("path");
    if (c.has_path) c.path = j["path"];
    c.reported = j.value("answer", "") == "report";
    out.push_back(std::move(c));
  }
  return out;
}

struct Engines {
  Engine frozen = testing::golden_engine();
  Engine rules = testing::real_rules_engine();
};

const Engines& engines() {
  static const Engines e;
  return e;
}

std::string run(const std::string& operation, const std::string& body) {
  return testing::run_golden(engines().frozen, engines().rules, {"", operation, body, ""});
}

// Each operation's valid request and its answer before any bad input was sent.
const std::map<std::string, std::string>& good_answers() {
  static const std::map<std::string, std::string> answers = [] {
    std::map<std::string, std::string> out;
    for (const auto& [op, spec] : catalogue()["operations"].items()) out[op] = run(op, spec["request"].dump());
    return out;
  }();
  return answers;
}

// An issue as the API documents it: a PD_ code, a JSON pointer, a severity,
// both languages.
::testing::AssertionResult well_formed(const json& issue) {
  const std::string code = issue.value("code", "");
  if (code.rfind("PD_", 0) != 0) return ::testing::AssertionFailure() << "code: " << issue.dump();
  if (!issue.contains("path") || !issue["path"].is_string()) return ::testing::AssertionFailure() << "path: " << issue.dump();
  const std::string path = issue["path"];
  if (!path.empty() && path[0] != '/') return ::testing::AssertionFailure() << "not a pointer: " << issue.dump();
  if (!issue.contains("message") || issue["message"].value("zh", "").empty() || issue["message"].value("en", "").empty())
    return ::testing::AssertionFailure() << "message: " << issue.dump();
  return ::testing::AssertionSuccess();
}

class MalformedCatalogue : public ::testing::TestWithParam<Case> {};

TEST_P(MalformedCatalogue, AnswersTheDocumentedCodeAndChangesNothing) {
  const Case& c = GetParam();
  const std::string answer = run(c.operation, c.body);
  const json j = json::parse(answer);  // throws, failing the test, if the answer is not JSON
  ASSERT_EQ(j.value("api_version", ""), "1") << answer;

  json first;
  if (c.reported) {  // validate: the form's problems are its result
    ASSERT_EQ(j["ok"], true) << answer;
    ASSERT_EQ(j["result"]["valid"], false) << answer;
    for (const json& issue : j["result"]["issues"]) {
      EXPECT_TRUE(well_formed(issue));
      if (first.is_null() && issue["severity"] == "error") first = issue;
    }
  } else {
    ASSERT_EQ(j["ok"], false) << answer;
    ASSERT_FALSE(j.contains("result")) << answer;
    ASSERT_TRUE(j["errors"].is_array() && !j["errors"].empty()) << answer;
    for (const json& issue : j["errors"]) {
      EXPECT_TRUE(well_formed(issue));
      EXPECT_EQ(issue["severity"], "error") << issue.dump();
      EXPECT_NE(issue["code"], "PD_INTERNAL") << answer;
    }
    first = j["errors"][0];
  }
  ASSERT_FALSE(first.is_null()) << answer;
  EXPECT_EQ(first["code"], c.code) << answer;
  if (c.has_path) {
    EXPECT_EQ(first["path"], c.path) << answer;
  }

  // Nothing changed: the valid request gets exactly the answer it got before.
  EXPECT_EQ(run(c.operation, catalogue()["operations"][c.operation]["request"].dump()),
            good_answers().at(c.operation));
}

INSTANTIATE_TEST_SUITE_P(Cases, MalformedCatalogue, ::testing::ValuesIn(cases()), [](const auto& info) {
  std::string n = info.param.operation + "_" + info.param.name;
  for (char& ch : n)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
});

// The catalogue covers every operation that reads a request, and each
// operation's starting request is valid.
TEST(MalformedCatalogueCoverage, EveryOperationWithAValidBase) {
  std::vector<std::string> ops;
  for (const auto& [op, spec] : catalogue()["operations"].items()) ops.push_back(op);
  EXPECT_EQ(ops, (std::vector<std::string>{"bill", "compare", "dedupe", "eligibility", "late-fee", "match", "process",
                                           "quote", "tier", "validate"}));
  for (const auto& [op, answer] : good_answers()) {
    const json j = json::parse(answer);
    EXPECT_EQ(j["ok"], true) << op << ": " << answer;
    if (op == "validate") {
      EXPECT_EQ(j["result"]["valid"], true) << answer;
    }
  }
  std::map<std::string, int> per_op;
  for (const Case& c : cases()) ++per_op[c.operation];
  for (const std::string& op : ops) EXPECT_GE(per_op[op], 30) << op;
}

}  // namespace
}  // namespace powerdesk
