// Expected strings are written out by hand from the 《支付结算办法》 rules
// (see core/src/money_words.cpp for the conventions chosen where they allow
// two forms), never copied from the function's output.
#include "powerdesk/money_words.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

namespace powerdesk {
namespace {

Money fen(int64_t units) { return Money::from_units(units); }

Money money(const char* text) {
  const auto m = Money::parse(text);
  EXPECT_TRUE(m.has_value()) << text;
  return m.value_or(Money());
}

struct Case {
  const char* amount;
  const char* words;
};

// Checked against both spellers, so a wrong fixup in either path shows.
const Case kCases[] = {
    {"0", "零元整"},
    {"118.50", "壹佰壹拾捌元伍角整"},
    {"118.00", "壹佰壹拾捌元整"},
    {"100.05", "壹佰元零伍分"},
    {"0.05", "伍分"},
    {"0.50", "伍角整"},
    {"1.23", "壹元贰角叁分"},
    {"1000.50", "壹仟元伍角整"},
    {"123456789.12", "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分"},
    {"100000000", "壹亿元整"},
    {"1005.00", "壹仟零伍元整"},
    {"-12.30", "负壹拾贰元叁角整"},
    {"10.00", "壹拾元整"},
    {"10.30", "壹拾元叁角整"},
    {"11.00", "壹拾壹元整"},
    {"0.01", "壹分"},
    {"0.10", "壹角整"},
    {"20000.00", "贰万元整"},
    {"100010.00", "壹拾万零壹拾元整"},
    {"1000000.01", "壹佰万元零壹分"},
    {"-0.05", "负伍分"},
    {"9999999999999.99", "玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"},
    // Examples printed in the 支付结算办法 appendix.
    {"1409.50", "壹仟肆佰零玖元伍角整"},
    {"6007.14", "陆仟零柒元壹角肆分"},
    {"325.04", "叁佰贰拾伍元零肆分"},
    {"1680.32", "壹仟陆佰捌拾元叁角贰分"},  // 元 digit 0: the form without 零
    {"107000.53", "壹拾万柒仟元伍角叁分"},  // 万 digit 0: the form without 零
    // Zeros inside and between 4-digit sections.
    {"1010", "壹仟零壹拾元整"},
    {"1001", "壹仟零壹元整"},
    {"10101", "壹万零壹佰零壹元整"},
    {"110000", "壹拾壹万元整"},
    {"100000", "壹拾万元整"},
    {"1000100", "壹佰万零壹佰元整"},
    // ICU 72 omits the 零 (and the 壹 of 壹拾) in these; the rules require them.
    {"100010000", "壹亿零壹万元整"},
    {"100100000", "壹亿零壹拾万元整"},
    {"101000000", "壹亿零壹佰万元整"},
    {"1000010000", "壹拾亿零壹万元整"},
    {"110000000", "壹亿壹仟万元整"},
    {"1010000000", "壹拾亿壹仟万元整"},  // 亿 digit 0, 千万 digit not: no 零
    {"100000001", "壹亿零壹元整"},
    {"100001000", "壹亿零壹仟元整"},
    // 万亿 rather than ICU's 兆.
    {"1000000000000", "壹万亿元整"},
    {"1000000000001", "壹万亿零壹元整"},
    {"1000100000000", "壹万零壹亿元整"},
    {"1000010000000", "壹万亿壹仟万元整"},
    {"10000000000000", "壹拾万亿元整"},
    {"-10000000000000.10", "负壹拾万亿元壹角整"},
};

TEST(MoneyWords, UsesIcuNatively) {
  // The native build has full ICU data; if this fails the comparison below
  // would only compare the fallback with itself.
  EXPECT_TRUE(detail::money_words_use_icu());
}

TEST(MoneyWords, HandCheckedCases) {
  for (const Case& c : kCases) {
    EXPECT_EQ(money_to_chinese_uppercase(money(c.amount)), c.words) << c.amount;
  }
}

TEST(MoneyWords, HandCheckedCasesWithoutIcu) {
  for (const Case& c : kCases) {
    EXPECT_EQ(detail::money_to_chinese_uppercase_without_icu(money(c.amount)), c.words) << c.amount;
  }
}

TEST(MoneyWords, Int64Extremes) {
  // 92233720368547758.07: 9|2233|7203|6854|7758 in 万 sections; 亿亿 above.
  const std::string magnitude =
      "玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元";
  EXPECT_EQ(money_to_chinese_uppercase(fen(std::numeric_limits<int64_t>::max())),
            magnitude + "零柒分");
  EXPECT_EQ(money_to_chinese_uppercase(fen(std::numeric_limits<int64_t>::min())),
            "负" + magnitude + "零捌分");
  EXPECT_EQ(money_to_chinese_uppercase(fen(pow10_i64(18))), "壹亿亿元整");
}

// Systematic and irregular amounts; both paths must agree exactly.
std::vector<int64_t> agreement_table() {
  std::vector<int64_t> yuan;
  for (int k = 0; k <= 13; ++k) {
    const int64_t p = pow10_i64(k);
    yuan.insert(yuan.end(), {p, p + 1, p - 1, 2 * p, 11 * p, p + p / 10, p + pow10_i64(k / 2)});
  }
  // clang-format off
  const int64_t irregular[] = {
      12, 19, 20, 21, 99, 101, 110, 111, 1100, 1011, 10010, 10100, 19000, 100001, 100100, 110011,
      1010101, 10000001, 10001000, 12345678, 20304050, 99990000, 100000010, 100010001, 101010101,
      120000034, 1000000010, 1020304050, 1100110011, 10000100001, 10203040506, 100000000001,
      123400005678, 900009000090, 1000000100000, 1111111111111, 1020000000304, 9000000000009};
  // clang-format on
  yuan.insert(yuan.end(), std::begin(irregular), std::end(irregular));
  std::vector<int64_t> units;
  const int64_t cents[] = {0, 5, 50, 99};
  for (size_t i = 0; i < yuan.size(); ++i) {
    units.push_back(yuan[i] * 100 + cents[i % 4]);
  }
  return units;
}

TEST(MoneyWords, IcuAndHandSpellingAgree) {
  const std::vector<int64_t> table = agreement_table();
  ASSERT_GE(table.size(), 130u);
  for (int64_t u : table) {
    for (int64_t v : {u, -u}) {
      EXPECT_EQ(money_to_chinese_uppercase(fen(v)),
                detail::money_to_chinese_uppercase_without_icu(fen(v)))
          << v << " fen";
    }
  }
  // Every amount of a few yuan, to the fen.
  for (int64_t u = 0; u <= 2500; ++u) {
    EXPECT_EQ(money_to_chinese_uppercase(fen(u * 7)),
              detail::money_to_chinese_uppercase_without_icu(fen(u * 7)))
        << u * 7 << " fen";
  }
}

}  // namespace
}  // namespace powerdesk
