// Batch output pieces (core/src/batch_render.cpp): JSON string and CSV field
// escaping, reject lines and bill line codes, byte for byte.
#include <gtest/gtest.h>

#include <string>

#include "powerdesk/batch_render.hpp"

namespace powerdesk::batch {
namespace {

std::string json_string(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

std::string csv_field(std::string_view s) {
  std::string out;
  append_csv_field(out, s);
  return out;
}

TEST(BatchRender, JsonStringEscapes) {
  EXPECT_EQ(json_string(""), R"("")");
  EXPECT_EQ(json_string("ZJ-0001"), R"("ZJ-0001")");
  EXPECT_EQ(json_string("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(json_string("\b\f\n\r\t"), R"("\b\f\n\r\t")");
  EXPECT_EQ(json_string(std::string_view("\x01\x1f\0", 3)), R"("\u0001\u001f\u0000")");
  EXPECT_EQ(json_string("\x7f/"), "\"\x7f/\"");  // DEL and '/' need no escape
  EXPECT_EQ(json_string("客户 ZJ-9999 😀"), "\"客户 ZJ-9999 😀\"");  // valid UTF-8 kept as is
}

TEST(BatchRender, JsonStringReplacesInvalidUtf8ByteByByte) {
  EXPECT_EQ(json_string("a\xff" "b"), R"("a\ufffdb")");
  EXPECT_EQ(json_string("\xc0\x80"), R"("\ufffd\ufffd")");          // overlong NUL
  EXPECT_EQ(json_string("\xed\xa0\x80"), R"("\ufffd\ufffd\ufffd")");  // a surrogate
  EXPECT_EQ(json_string("\xe5\xae"), R"("\ufffd\ufffd")");          // truncated 客
  EXPECT_EQ(json_string("\xf4\x90\x80\x80"), R"("\ufffd\ufffd\ufffd\ufffd")");  // over U+10FFFF
  // What it writes always parses back.
  for (std::string_view s : {"a\xff", "\xed\xa0\x80z", "\"\x01"}) EXPECT_TRUE(Json::accept(json_string(s))) << s;
}

TEST(BatchRender, CsvFieldQuotedOnlyWhenItMustBe) {
  EXPECT_EQ(csv_field("ZJ-0001"), "ZJ-0001");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field(" 杭州 "), " 杭州 ");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("a\nb"), "\"a\nb\"");
  EXPECT_EQ(csv_field("a\rb"), "\"a\rb\"");
  EXPECT_EQ(csv_field("\""), "\"\"\"\"");
}

// What append_csv_field writes, split_csv reads back (for fields without line breaks).
TEST(BatchRender, CsvFieldsRoundTripThroughSplitCsv) {
  const std::vector<std::string> fields{"ZJ-0001", "a,b", "say \"hi\"", "", "\"", ",\"\","};
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) line.push_back(',');
    append_csv_field(line, fields[i]);
  }
  std::vector<std::string> back;
  ASSERT_TRUE(split_csv(line, back)) << line;
  EXPECT_EQ(back, fields);
}

TEST(BatchRender, RejectLineWithEveryIssue) {
  const RecordIssues issues{
      record_issue("PD_PERIOD_END_BEFORE_START", "/end", "结束日期 2025-03-01 早于开始日期 2025-03-31",
                   "End date 2025-03-01 is before start date 2025-03-31"),
      record_issue("PD_NUMBER_TOO_PRECISE", "/kwh", "小数位过多", "Too many decimals"),
  };
  std::string out;
  append_reject(out, "readings", 8, "{\"kwh\": \"1.0001\"}\r", issues);
  EXPECT_EQ(out,
            R"({"errors":[{"code":"PD_PERIOD_END_BEFORE_START","message":{"en":"End date 2025-03-01 is before start date 2025-03-31","zh":"结束日期 2025-03-01 早于开始日期 2025-03-31"},"path":"/end"},)"
            R"({"code":"PD_NUMBER_TOO_PRECISE","message":{"en":"Too many decimals","zh":"小数位过多"},"path":"/kwh"}],)"
            R"("line":8,"record":"{\"kwh\": \"1.0001\"}","source":"readings"})"
            "\n");
  EXPECT_EQ(Json::parse(out).dump() + "\n", out);  // canonical JSON
}

TEST(BatchRender, RejectLineOfARawBinaryRecord) {
  std::string out;
  append_reject(out, "customers", 3, "a\tb\xff", {record_issue(kCsvMalformed, "", "z", "e")});
  EXPECT_EQ(out,
            R"({"errors":[{"code":"PD_CSV_MALFORMED","message":{"en":"e","zh":"z"},"path":""}],"line":3,"record":"a\tb\ufffd","source":"customers"})"
            "\n");
}

TEST(BatchRender, RejectLineWithNoIssuesIsStillJson) {
  std::string out;
  append_reject(out, "readings", 1, "", {});
  EXPECT_EQ(out, R"({"errors":[],"line":1,"record":"","source":"readings"})" "\n");
}

TEST(BatchRender, BillLineCodes) {
  BillLine l{};
  l.code = LineCode::TierEnergy;
  l.tier = 2;
  l.period = TouPeriod::Valley;
  EXPECT_EQ(bill_line_code(l), "energy.tier2.valley");
  l.period = TouPeriod::DeepValley;
  l.tier = 3;
  EXPECT_EQ(bill_line_code(l), "energy.tier3.deep_valley");
  l.code = LineCode::FreeEnergy;
  l.period = TouPeriod::Flat;
  EXPECT_EQ(bill_line_code(l), "energy.free.flat");
  l.code = LineCode::SharedMeterEnergy;
  EXPECT_EQ(bill_line_code(l), "energy.shared_meter");
  l.code = LineCode::BasicDemand;
  EXPECT_EQ(bill_line_code(l), "basic.demand");
  l.code = LineCode::PowerFactor;
  EXPECT_EQ(bill_line_code(l), "power_factor");
  l.code = LineCode::AdjustmentAmount;
  EXPECT_EQ(bill_line_code(l), "adjustment.amount");
}

}  // namespace
}  // namespace powerdesk::batch
