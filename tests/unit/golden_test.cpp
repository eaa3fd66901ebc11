// Every golden case gives exactly its recorded response, and the hash of all
// responses is printed so tests/run.sh can compare it with the WASM build's.
#include <cctype>
#include <iostream>

#include "golden.hpp"

namespace powerdesk {
namespace {

class Golden : public ::testing::TestWithParam<testing::GoldenCase> {};

TEST_P(Golden, ResponseIsByteIdentical) {
  static const Engine billing = testing::golden_engine();
  static const Engine rules = testing::real_rules_engine();
  EXPECT_EQ(testing::run_golden(billing, rules, GetParam()), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(Cases, Golden, ::testing::ValuesIn(testing::golden_cases()),
                         [](const auto& info) {
                           std::string n = info.param.name;
                           for (char& c : n)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return n;
                         });

TEST(GoldenHash, PrintedForTheCrossBuildCheck) {
  const Engine billing = testing::golden_engine();
  const Engine rules = testing::real_rules_engine();
  std::vector<std::pair<std::string, std::string>> responses;
  for (const auto& c : testing::golden_cases()) responses.emplace_back(c.name, testing::run_golden(billing, rules, c));
  ASSERT_GE(responses.size(), 20u);
  std::cout << "golden-hash: " << testing::golden_hash(responses) << " (" << responses.size() << " cases)\n";
}

}  // namespace
}  // namespace powerdesk
