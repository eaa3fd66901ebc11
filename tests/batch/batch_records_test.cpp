// Batch input records (core/src/batch_csv.cpp, batch_records.cpp): CSV
// splitting and headers, records read into JSON objects, readings and
// customers read into typed values, every problem as a PD_ code and a path.
// docs/batch-billing.md describes the fields and codes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "powerdesk/batch_records.hpp"

namespace powerdesk::batch {
namespace {

Json object_of(std::string_view text) {
  auto j = parse_json_exact(text);
  EXPECT_TRUE(j.ok()) << text;
  return j.ok() ? j.value() : Json::object();
}

std::vector<std::string> codes(const RecordIssues& issues) {
  std::vector<std::string> out;
  for (const RecordIssue& i : issues) out.push_back(i.code);
  return out;
}

std::vector<std::string> paths(const RecordIssues& issues) {
  std::vector<std::string> out;
  for (const RecordIssue& i : issues) out.push_back(i.path);
  return out;
}

using Strings = std::vector<std::string>;

// ---- split_csv ------------------------------------------------------------

TEST(BatchCsv, SplitsBareQuotedAndEmptyFields) {
  Strings f;
  ASSERT_TRUE(split_csv(R"(a,"b,c","d""e",,"",z)", f));
  EXPECT_EQ(f, (Strings{"a", "b,c", "d\"e", "", "", "z"}));
}

TEST(BatchCsv, DoubledQuotesOnlyAndQuotedEmpty) {
  Strings f;
  ASSERT_TRUE(split_csv(R"("""","",x)", f));
  EXPECT_EQ(f, (Strings{"\"", "", "x"}));
}

TEST(BatchCsv, EmptyLineAndTrailingCommaGiveEmptyFields) {
  Strings f;
  ASSERT_TRUE(split_csv("", f));
  EXPECT_EQ(f, Strings{""});
  ASSERT_TRUE(split_csv("a,", f));
  EXPECT_EQ(f, (Strings{"a", ""}));
  ASSERT_TRUE(split_csv(",", f));
  EXPECT_EQ(f, (Strings{"", ""}));
}

TEST(BatchCsv, KeepsUtf8AndSpacesVerbatim) {
  Strings f;
  ASSERT_TRUE(split_csv(" 杭州 ,\"上城区, 西湖\"", f));
  EXPECT_EQ(f, (Strings{" 杭州 ", "上城区, 西湖"}));
}

TEST(BatchCsv, RefusesBrokenQuoting) {
  Strings f;
  EXPECT_FALSE(split_csv(R"("abc)", f));        // unterminated
  EXPECT_FALSE(split_csv(R"("a""b)", f));       // unterminated after a doubled quote
  EXPECT_FALSE(split_csv(R"("a"b,c)", f));      // text after the closing quote
  EXPECT_FALSE(split_csv(R"(a"b,c)", f));       // a quote inside a bare field
  EXPECT_FALSE(split_csv(R"(x,"y" ,z)", f));    // a space after the closing quote
  EXPECT_FALSE(split_csv(R"("x,ZJ-0002,2025-03-01,1)", f));  // the shell test's broken row
}

// ---- CsvHeader ------------------------------------------------------------

TEST(BatchCsvHeader, ColumnsInAnyOrderWithTheirTypes) {
  RecordIssues issues;
  auto h = CsvHeader::parse("end,customer,start,kwh_peak,carry_in_kwh\r", RecordKind::Reading, issues);
  ASSERT_TRUE(h) << (issues.empty() ? "" : issues[0].code);
  EXPECT_TRUE(issues.empty());
  ASSERT_EQ(h->size(), 5u);
  EXPECT_EQ(h->name(0), "end");  // the CR of a CRLF file is not part of the last name
  EXPECT_EQ(h->name(4), "carry_in_kwh");
  EXPECT_EQ(h->type(0), 't');
  EXPECT_EQ(h->type(1), 's');
  EXPECT_EQ(h->type(3), 'd');
}

TEST(BatchCsvHeader, CustomerColumnsAreTyped) {
  RecordIssues issues;
  auto h = CsvHeader::parse("customer,region,tariff,cycle,household_size,low_income,shared_meter,elect_shared_meter_price",
                            RecordKind::Customer, issues);
  ASSERT_TRUE(h);
  EXPECT_EQ(h->type(4), 'i');
  EXPECT_EQ(h->type(5), 'b');
  EXPECT_EQ(h->type(7), 'b');
}

TEST(BatchCsvHeader, UnknownRepeatedAndMissingColumnsAreAllReported) {
  RecordIssues issues;
  EXPECT_FALSE(CsvHeader::parse("customer,start,kwh,colour,kwh", RecordKind::Reading, issues));
  EXPECT_EQ(codes(issues), (Strings{"PD_FIELD_UNKNOWN", "PD_DUPLICATE_KEY", "PD_FIELD_MISSING"}));
  EXPECT_EQ(paths(issues), (Strings{"/colour", "/kwh", "/end"}));
  EXPECT_EQ(issues[0].message.en, "Unknown CSV column: colour");
  EXPECT_EQ(issues[2].message.en, "The CSV header lacks the required column: end");
}

// `path` is a JSON pointer (RFC 6901), as for a JSONL record's unknown key.
TEST(BatchCsvHeader, UnknownColumnPathIsAnEscapedJsonPointer) {
  RecordIssues issues;
  EXPECT_FALSE(CsvHeader::parse("customer,start,end,kwh/peak,a~b", RecordKind::Reading, issues));
  EXPECT_EQ(paths(issues), (Strings{"/kwh~1peak", "/a~0b"}));
  issues.clear();
  EXPECT_FALSE(read_reading(object_of(R"({"customer":"A","start":"2025-03-01","end":"2025-03-31","kwh":"1","kwh/peak":"1"})"),
                            issues));
  EXPECT_EQ(paths(issues), Strings{"/kwh~1peak"});
}

TEST(BatchCsvHeader, ReadingColumnsAreNotCustomerColumns) {
  RecordIssues issues;
  EXPECT_FALSE(CsvHeader::parse("customer,start,end,kwh", RecordKind::Customer, issues));
  EXPECT_EQ(codes(issues), (Strings{"PD_FIELD_UNKNOWN", "PD_FIELD_UNKNOWN", "PD_FIELD_UNKNOWN", "PD_FIELD_MISSING",
                                    "PD_FIELD_MISSING", "PD_FIELD_MISSING"}));
  EXPECT_EQ(paths(issues), (Strings{"/start", "/end", "/kwh", "/region", "/tariff", "/cycle"}));
}

TEST(BatchCsvHeader, BrokenQuotingIsCsvMalformed) {
  RecordIssues issues;
  EXPECT_FALSE(CsvHeader::parse("customer,\"start,end", RecordKind::Reading, issues));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].code, kCsvMalformed);
  EXPECT_EQ(issues[0].path, "");
  EXPECT_EQ(issues[0].message.en, "The CSV header's quoting is broken");
}

// ---- record_object --------------------------------------------------------

struct CsvRows : ::testing::Test {
  RecordIssues issues;
  Strings scratch;
  Json out;
  CsvHeader header = *CsvHeader::parse("end,customer,start,kwh", RecordKind::Reading, issues);

  bool read(std::string_view row) { return record_object(row, InputFormat::Csv, &header, scratch, out, issues); }
};

TEST_F(CsvRows, NamedByTheHeaderWithEmptyCellsAbsent) {
  ASSERT_TRUE(read("2025-03-31,\"ZJ-0002\",2025-03-01,\r"));
  EXPECT_EQ(out.dump(), R"({"customer":"ZJ-0002","end":"2025-03-31","start":"2025-03-01"})");
  EXPECT_TRUE(issues.empty());
}

TEST_F(CsvRows, DecimalsStayText) {
  ASSERT_TRUE(read("2025-03-31,ZJ-0002,2025-03-01,200.500"));
  EXPECT_EQ(out["kwh"], "200.500");
}

TEST_F(CsvRows, QuotedCommasAndDoubledQuotesInAnId) {
  ASSERT_TRUE(read(R"(2025-03-31,"ZJ,""7""",2025-03-01,1)"));
  EXPECT_EQ(out["customer"], "ZJ,\"7\"");
}

TEST_F(CsvRows, FieldCountDifferingFromTheHeaderIsCsvMalformed) {
  EXPECT_FALSE(read("2025-03-31,ZJ-0002,2025-03-01"));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].code, "PD_CSV_MALFORMED");
  EXPECT_EQ(issues[0].path, "");
  EXPECT_EQ(issues[0].message.en, "The CSV row has 3 fields, the header 4");
  EXPECT_EQ(issues[0].message.zh, "CSV 行有 3 列，表头有 4 列");
  issues.clear();
  EXPECT_FALSE(read("2025-03-31,ZJ-0002,2025-03-01,1,2"));
  EXPECT_EQ(issues[0].message.en, "The CSV row has 5 fields, the header 4");
}

TEST_F(CsvRows, BrokenQuotingIsCsvMalformed) {
  EXPECT_FALSE(read(R"("x,ZJ-0002,2025-03-01,1)"));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].code, "PD_CSV_MALFORMED");
  EXPECT_EQ(issues[0].message.en, "The CSV row's quoting is broken");
}

TEST(BatchCsvCustomers, BooleansAndIntegersTypedBadOnesLeftForTheReader) {
  RecordIssues issues;
  auto h = CsvHeader::parse("customer,region,tariff,cycle,household_size,low_income,shared_meter", RecordKind::Customer,
                            issues);
  ASSERT_TRUE(h);
  Strings scratch;
  Json out;
  ASSERT_TRUE(record_object("JS-0001,jiangsu,residential,JS-B01,007,1,false", InputFormat::Csv, &*h, scratch, out,
                            issues));
  EXPECT_EQ(out.dump(),
            R"({"customer":"JS-0001","cycle":"JS-B01","household_size":7,"low_income":true,"region":"jiangsu","shared_meter":false,"tariff":"residential"})");
  auto c = read_customer(out, issues);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->residential.household_size, 7);
  EXPECT_TRUE(c->residential.low_income);
  EXPECT_FALSE(c->residential.shared_meter);

  ASSERT_TRUE(record_object("JS-0001,jiangsu,residential,JS-B01,3x,yes,", InputFormat::Csv, &*h, scratch, out, issues));
  EXPECT_EQ(out["household_size"], "3x");
  EXPECT_EQ(out["low_income"], "yes");
  EXPECT_FALSE(out.contains("shared_meter"));
  EXPECT_FALSE(read_customer(out, issues));
  EXPECT_EQ(codes(issues), (Strings{"PD_FIELD_TYPE", "PD_FIELD_TYPE"}));
  EXPECT_EQ(paths(issues), (Strings{"/household_size", "/low_income"}));
}

TEST(BatchJsonl, ParsedExactlyOrRefusedWithTheCoreCode) {
  RecordIssues issues;
  Strings scratch;
  Json out;
  ASSERT_TRUE(record_object(R"({"customer":"ZJ-0002","kwh":200.10})" "\r", InputFormat::Jsonl, nullptr, scratch, out,
                            issues));
  EXPECT_EQ(out["kwh"], "200.10");  // the number's text, not a double

  EXPECT_FALSE(record_object("not json", InputFormat::Jsonl, nullptr, scratch, out, issues));
  EXPECT_EQ(codes(issues), Strings{"PD_JSON_MALFORMED"});
  issues.clear();
  EXPECT_FALSE(record_object(R"(["ZJ-0002"])", InputFormat::Jsonl, nullptr, scratch, out, issues));
  EXPECT_EQ(codes(issues), Strings{"PD_FIELD_TYPE"});
  EXPECT_EQ(issues[0].path, "");
  issues.clear();
  EXPECT_FALSE(record_object(R"({"kwh":"1","kwh":"2"})", InputFormat::Jsonl, nullptr, scratch, out, issues));
  EXPECT_EQ(codes(issues), Strings{"PD_DUPLICATE_KEY"});
}

// ---- read_reading ---------------------------------------------------------

TEST(BatchReading, ByPeriodWithCarryIn) {
  RecordIssues issues;
  auto r = read_reading(object_of(R"({"customer":"ZJ-0001","start":"2025-03-01","end":"2025-03-31",
    "kwh_peak":"150","kwh_valley":100,"carry_in_kwh":"2600"})"), issues);
  ASSERT_TRUE(r) << (issues.empty() ? "" : issues[0].code);
  EXPECT_EQ(r->customer, "ZJ-0001");
  EXPECT_EQ(r->period.start.iso(), "2025-03-01");
  EXPECT_EQ(r->period.days(), 31);
  EXPECT_EQ(r->usage.kwh[static_cast<size_t>(TouPeriod::Peak)].str(), "150");
  EXPECT_EQ(r->usage.kwh[static_cast<size_t>(TouPeriod::Valley)].str(), "100");
  EXPECT_EQ(r->usage.kwh[static_cast<size_t>(TouPeriod::Flat)].str(), "0");
  EXPECT_EQ(r->usage.total().str(), "250");
  EXPECT_EQ(r->carry_in_kwh.str(), "2600");
}

TEST(BatchReading, TotalIsFlatAndCarryInDefaultsToZero) {
  RecordIssues issues;
  auto r = read_reading(object_of(R"({"customer":"ZJ-0002","start":"2025-03-01","end":"2025-03-31","kwh":"200.125"})"),
                        issues);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->usage.kwh[static_cast<size_t>(TouPeriod::Flat)].str(), "200.125");
  EXPECT_EQ(r->carry_in_kwh.str(), "0");
}

struct ReadingIssue {
  const char* record;
  Strings codes;
  Strings paths;
};

TEST(BatchReading, EveryProblemWithItsCodeAndPath) {
  const ReadingIssue cases[] = {
      {R"({"customer":"A","start":"2025-03-01","end":"2025-03-31","kwh":"1","colour":"red"})", {"PD_FIELD_UNKNOWN"}, {"/colour"}},
      {R"({"customer":"A","start":"2025-03-01","end":"2025-03-31"})", {"PD_USAGE_MISSING"}, {"/kwh"}},
      {R"({"customer":"A","start":"2025-03-01","end":"2025-03-31","kwh":"1","kwh_peak":"1"})", {"PD_USAGE_CONFLICT"}, {"/kwh"}},
      {R"({"customer":"A","start":"2025-03-31","end":"2025-03-01","kwh":"1.0001"})",
       {"PD_PERIOD_END_BEFORE_START", "PD_NUMBER_TOO_PRECISE"}, {"/end", "/kwh"}},
      {R"({"customer":"A","start":"2024-01-01","end":"2025-01-01","kwh":"1"})", {"PD_PERIOD_TOO_LONG"}, {"/end"}},
      {R"({"customer":"A","start":"2025-02-30","end":"2025-03-31","kwh":"1"})", {"PD_DATE_INVALID"}, {"/start"}},
      {R"({"start":"2025-03-01","end":"2025-03-31","kwh":"1"})", {"PD_FIELD_MISSING"}, {"/customer"}},
      {R"({"customer":7,"start":"2025-03-01","end":"2025-03-31","kwh":"1"})", {"PD_FIELD_TYPE"}, {"/customer"}},
      {R"({"customer":"","start":"2025-03-01","end":"2025-03-31","kwh":"1"})", {"PD_CUSTOMER_ID_INVALID"}, {"/customer"}},
      {R"({"customer":"A\tB","start":"2025-03-01","end":"2025-03-31","kwh":"1"})", {"PD_CUSTOMER_ID_INVALID"}, {"/customer"}},
      {R"({"customer":"A","start":"2025-03-01","end":"2025-03-31","kwh_valley":"abc"})", {"PD_NUMBER_INVALID"}, {"/kwh_valley"}},
      {R"({"customer":"A","start":"2025-03-01","end":"2025-03-31","kwh":"-1"})", {"PD_NUMBER_OUT_OF_RANGE"}, {"/kwh"}},
      {R"({"customer":"A","start":"2025-03-01","end":"2025-03-31","kwh":"1","carry_in_kwh":"0.0001"})",
       {"PD_NUMBER_TOO_PRECISE"}, {"/carry_in_kwh"}},
  };
  for (const ReadingIssue& c : cases) {
    RecordIssues issues;
    EXPECT_FALSE(read_reading(object_of(c.record), issues)) << c.record;
    EXPECT_EQ(codes(issues), c.codes) << c.record;
    EXPECT_EQ(paths(issues), c.paths) << c.record;
  }
}

TEST(BatchReading, PeriodOf366DaysIsAccepted) {
  RecordIssues issues;
  auto r = read_reading(object_of(R"({"customer":"A","start":"2024-01-01","end":"2024-12-31","kwh":"1"})"), issues);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->period.days(), 366);  // 2024 is a leap year; 2024-01-01..2025-01-01 (367) is refused above
}

TEST(BatchReading, CustomerIdOf64BytesIsTheLimit) {
  RecordIssues issues;
  const std::string id64(64, 'x');
  auto r = read_reading(object_of(R"({"customer":")" + id64 + R"(","start":"2025-03-01","end":"2025-03-31","kwh":"1"})"),
                        issues);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->customer, id64);
  EXPECT_FALSE(read_reading(
      object_of(R"({"customer":")" + id64 + R"(x","start":"2025-03-01","end":"2025-03-31","kwh":"1"})"), issues));
  EXPECT_EQ(codes(issues), Strings{"PD_CUSTOMER_ID_INVALID"});
  EXPECT_EQ(issues[0].message.en, "Field /customer must be 1–64 bytes of UTF-8 text without control characters");
}

// ---- read_customer --------------------------------------------------------

TEST(BatchCustomer, ReadsEveryField) {
  RecordIssues issues;
  auto c = read_customer(object_of(R"({"customer":"JS-0002","region":"jiangsu","tariff":"residential","cycle":"JS-B01",
    "household_size":6,"low_income":false,"shared_meter":false,"elect_shared_meter_price":true})"), issues);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->id, "JS-0002");
  EXPECT_EQ(c->region, "jiangsu");
  EXPECT_EQ(c->tariff, "residential");
  EXPECT_EQ(c->cycle, "JS-B01");
  EXPECT_EQ(c->residential.household_size, 6);
  EXPECT_TRUE(c->residential.elect_shared_meter_price);
}

TEST(BatchCustomer, ProblemsWithCodesAndPaths) {
  const ReadingIssue cases[] = {
      {R"({"customer":"","region":"zhejiang","tariff":"residential","cycle":"A"})", {"PD_CUSTOMER_ID_INVALID"}, {"/customer"}},
      {R"({"customer":"C1","region":"zhejiang","tariff":"residential","cycle":""})", {"PD_FIELD_TYPE"}, {"/cycle"}},
      {R"({"customer":"C1","region":"zhejiang","cycle":"A"})", {"PD_FIELD_MISSING"}, {"/tariff"}},
      {R"({"customer":"C1","region":"zhejiang","tariff":"residential","cycle":"A","kwh":"1"})", {"PD_FIELD_UNKNOWN"}, {"/kwh"}},
      {R"({"customer":"C1","region":"zhejiang","tariff":"residential","cycle":"A","household_size":0})",
       {"PD_NUMBER_OUT_OF_RANGE"}, {"/household_size"}},
      {R"({"customer":"C1","region":"zhejiang","tariff":"residential","cycle":"A","low_income":"yes"})",
       {"PD_FIELD_TYPE"}, {"/low_income"}},
  };
  for (const ReadingIssue& c : cases) {
    RecordIssues issues;
    EXPECT_FALSE(read_customer(object_of(c.record), issues)) << c.record;
    EXPECT_EQ(codes(issues), c.codes) << c.record;
    EXPECT_EQ(paths(issues), c.paths) << c.record;
  }
}

// ---- record_customer_id ---------------------------------------------------

TEST(BatchRecordCustomerId, FromJsonlAndCsv) {
  EXPECT_EQ(record_customer_id(R"({"customer":"ZJ-0001","kwh":"x"})", InputFormat::Jsonl, nullptr), "ZJ-0001");
  EXPECT_EQ(record_customer_id(R"({"customer":7})", InputFormat::Jsonl, nullptr), std::nullopt);
  EXPECT_EQ(record_customer_id("not json", InputFormat::Jsonl, nullptr), std::nullopt);
  RecordIssues issues;
  auto h = CsvHeader::parse("end,customer,start,kwh", RecordKind::Reading, issues);
  ASSERT_TRUE(h);
  EXPECT_EQ(record_customer_id("2025-03-31,\"ZJ,1\",2025-03-01,1", InputFormat::Csv, &*h), "ZJ,1");
  EXPECT_EQ(record_customer_id("2025-03-31,,2025-03-01,1", InputFormat::Csv, &*h), std::nullopt);
  EXPECT_EQ(record_customer_id("2025-03-31,ZJ-1", InputFormat::Csv, &*h), std::nullopt);
}

}  // namespace
}  // namespace powerdesk::batch
