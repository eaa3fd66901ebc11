// Batch billing through the core API (core/src/batch_customers.cpp,
// batch_biller.cpp, batch_totals.cpp, batch_render.cpp) against the bundled
// packs in rules/, loaded as `powerdesk bill-run` loads them (Engine::add_pack).
// Prices, hand-checked against the packs' citations:
//   zhejiang-2025@2025.1 居民一户一表: annual tiers 2760 / 4800 kWh, flat 0.538 / 0.588,
//     合表 0.558; 峰谷: peak 0.568 / 0.618, valley 0.288 / 0.338 (tier 2 = +0.05).
//   jiangsu-2025@2025.1 居民: tier 1 0.5283; 低保 15 kWh free a month; tier-1 base
//     2760 + 100 × 12 per person over five.
// The expected values are those of tests/batch/bill_run_files_test.sh and
// docs/batch-billing.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "powerdesk/api.hpp"
#include "powerdesk/batch.hpp"
#include "powerdesk/batch_render.hpp"

namespace powerdesk::batch {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

const fs::path kSource = POWERDESK_SOURCE_DIR;

// Every pack in rules/ (skipping schema/ and tools/), in path order.
const PackRegistry& bundled_packs() {
  static const Engine engine = [] {
    Engine e;
    std::vector<fs::path> files;
    for (const auto& f : fs::recursive_directory_iterator(kSource / "rules")) {
      const std::string rel = fs::relative(f.path(), kSource / "rules").generic_string();
      if (f.is_regular_file() && f.path().extension() == ".json" && rel.rfind("schema/", 0) != 0 &&
          rel.rfind("tools/", 0) != 0)
        files.push_back(f.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
      Issues issues = e.add_pack(read_file(f), f.filename().string());
      if (!issues.empty()) ADD_FAILURE() << f << ": " << issues[0].message.en;
    }
    return e;
  }();
  return engine.packs();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

Json object_of(std::string_view text) {
  auto j = parse_json_exact(text);
  EXPECT_TRUE(j.ok()) << text;
  return j.ok() ? j.value() : Json::object();
}

// The customers of docs/examples/bill-run/customers.csv, read as the shell reads them.
struct ExampleCustomers {
  CustomerTable table;
  RunTotals totals;
  std::string rejects;

  ExampleCustomers() {
    const auto lines = lines_of(read_file(kSource / "docs/examples/bill-run/customers.csv"));
    RecordIssues issues;
    auto header = CsvHeader::parse(lines.at(0), RecordKind::Customer, issues);
    EXPECT_TRUE(header);
    std::vector<std::string> cells;
    for (size_t i = 1; i < lines.size(); ++i) {
      ++totals.customers_read;
      RecordIssues mine;
      Json obj;
      if (record_object(lines[i], InputFormat::Csv, &*header, cells, obj, mine) &&
          table.add(obj, bundled_packs(), mine))
        continue;
      append_reject(rejects, "customers", static_cast<int64_t>(i) + 1, lines[i], mine);
      ++totals.customers_rejected;
    }
  }
};

// ---- CustomerTable --------------------------------------------------------

TEST(BatchCustomerTable, HoldsCustomersByIdWithInternedNames) {
  ExampleCustomers ex;
  EXPECT_EQ(ex.table.size(), 5u);
  EXPECT_EQ(ex.totals.customers_rejected, 1);
  const Customer* zj1 = ex.table.find("ZJ-0001");
  const Customer* zj2 = ex.table.find("ZJ-0002");
  const Customer* js2 = ex.table.find("JS-0002");
  ASSERT_TRUE(zj1 && zj2 && js2);
  EXPECT_EQ(ex.table.region_name(*zj1), "zhejiang");
  EXPECT_EQ(ex.table.tariff_code(*zj1), "residential_tou");
  EXPECT_EQ(ex.table.tariff_key(*zj1), "zhejiang/residential_tou");
  EXPECT_EQ(ex.table.tariff_key(*zj2), "zhejiang/residential");
  EXPECT_EQ(zj1->region, zj2->region);  // one region name, held once
  EXPECT_NE(zj1->tariff, zj2->tariff);
  EXPECT_EQ(zj1->cycle, zj2->cycle);
  EXPECT_EQ(ex.table.cycle_name(*js2), "JS-B01");
  EXPECT_EQ(js2->residential.household_size, 6);
  EXPECT_TRUE(ex.table.find("JS-0001")->residential.low_income);
  EXPECT_TRUE(ex.table.find("ZJ-0003")->residential.shared_meter);
  EXPECT_EQ(ex.table.find("XX-0001"), nullptr);  // atlantis: refused
  EXPECT_EQ(ex.table.find("ZJ-000"), nullptr);
  ASSERT_NE(ex.table.cycle_of("ZJ-0003"), nullptr);
  EXPECT_EQ(*ex.table.cycle_of("ZJ-0003"), "ZJ-A02");
  EXPECT_EQ(ex.table.cycle_of("nobody"), nullptr);
}

TEST(BatchCustomerTable, UnknownRegionIsRefusedWithItsPath) {
  ExampleCustomers ex;
  EXPECT_EQ(ex.rejects,
            "{\"errors\":[{\"code\":\"PD_REGION_UNKNOWN\",\"message\":{\"en\":\"Unknown region atlantis\",\"zh\":\"未知地区 "
            "atlantis\"},\"path\":\"/region\"}],\"line\":7,\"record\":\"XX-0001,atlantis,residential,ZJ-A01,,,\","
            "\"source\":\"customers\"}\n");
}

TEST(BatchCustomerTable, RepeatedIdIsRefusedAndTheFirstStands) {
  CustomerTable t;
  RecordIssues issues;
  ASSERT_TRUE(t.add(object_of(R"({"customer":"C1","region":"zhejiang","tariff":"residential","cycle":"A"})"),
                    bundled_packs(), issues));
  EXPECT_FALSE(t.add(object_of(R"({"customer":"C1","region":"jiangsu","tariff":"residential","cycle":"B"})"),
                     bundled_packs(), issues));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].code, kCustomerDuplicate);
  EXPECT_EQ(issues[0].path, "/customer");
  EXPECT_EQ(issues[0].message.en, "Customer C1 appears twice in the customers file");
  EXPECT_EQ(t.size(), 1u);
  EXPECT_EQ(t.region_name(*t.find("C1")), "zhejiang");
  EXPECT_EQ(*t.cycle_of("C1"), "A");
}

TEST(BatchCustomerTable, InvalidIdIsRefused) {
  CustomerTable t;
  RecordIssues issues;
  EXPECT_FALSE(t.add(object_of(R"({"customer":"C\u00011","region":"zhejiang","tariff":"residential","cycle":"A"})"),
                     bundled_packs(), issues));
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].code, "PD_CUSTOMER_ID_INVALID");
  EXPECT_EQ(issues[0].path, "/customer");
  EXPECT_EQ(t.size(), 0u);
}

// Fuzzing found it (tests/fuzz/regressions/batch_customers/customer-id-not-utf8):
// a CSV cell is raw bytes, and a GBK or stray byte in an id was accepted.
TEST(BatchCustomerTable, IdThatIsNotUtf8IsRefused) {
  RecordIssues issues;
  auto header = CsvHeader::parse("customer,region,tariff,cycle", RecordKind::Customer, issues);
  ASSERT_TRUE(header);
  for (const std::string line : {"\xbb,zhejiang,residential,A", "\xd5\xc5,zhejiang,residential,A",
                                 "C\xed\xa0\x80,zhejiang,residential,A"}) {
    SCOPED_TRACE(line);
    CustomerTable t;
    std::vector<std::string> cells;
    Json obj;
    RecordIssues mine;
    ASSERT_TRUE(record_object(line, InputFormat::Csv, &*header, cells, obj, mine));
    EXPECT_FALSE(t.add(obj, bundled_packs(), mine));
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0].code, "PD_CUSTOMER_ID_INVALID");
    EXPECT_EQ(mine[0].path, "/customer");
    EXPECT_EQ(t.size(), 0u);
  }
}

// ---- Biller ---------------------------------------------------------------

struct Billing : ::testing::Test {
  ExampleCustomers ex;
  RunTotals totals;
  std::string bills, rejects;
  Biller biller{bundled_packs(), ex.table, InputFormat::Jsonl, nullptr, OutputFormat::Jsonl};

  Json bill_json(std::string_view record, int64_t line = 1) {
    bills.clear();
    EXPECT_TRUE(biller.bill(record, line, bills, rejects, totals)) << rejects;
    return bills.empty() ? Json::object() : Json::parse(bills);
  }
  RecordIssues::size_type reject(std::string_view record, int64_t line = 1) {
    rejects.clear();
    EXPECT_FALSE(biller.bill(record, line, bills, rejects, totals)) << bills;
    return lines_of(rejects).size();
  }
  Json reject_json() { return Json::parse(rejects); }
};

// Facts-sheet example A: carry-in 2600 + 250 crosses 2760. 160 kWh stay in
// tier 1, split 150:100 → peak 96, valley 64; 90 go to tier 2 → peak 54, valley 36.
// 96 × 0.568 = 54.528 → 54.53; 64 × 0.288 = 18.432 → 18.43; 54 × 0.618 = 33.372
// → 33.37; 36 × 0.338 = 12.168 → 12.17; total 118.50 (= 118.5 unrounded).
TEST_F(Billing, ZhejiangTouExampleA) {
  ASSERT_TRUE(biller.bill(R"({"customer": "ZJ-0001", "start": "2025-03-01", "end": "2025-03-31", "kwh_peak": "150", "kwh_valley": "100", "carry_in_kwh": "2600"})",
                          1, bills, rejects, totals));
  EXPECT_EQ(rejects, "");
  EXPECT_EQ(bills,
            R"({"customer":"ZJ-0001","cycle":"ZJ-A01","energy_kwh":"250","line":1,"lines":[)"
            R"({"amount":"54.53","code":"energy.tier1.peak","quantity":"96","unit":"kWh","unit_price":"0.568"},)"
            R"({"amount":"18.43","code":"energy.tier1.valley","quantity":"64","unit":"kWh","unit_price":"0.288"},)"
            R"({"amount":"33.37","code":"energy.tier2.peak","quantity":"54","unit":"kWh","unit_price":"0.618"},)"
            R"({"amount":"12.17","code":"energy.tier2.valley","quantity":"36","unit":"kWh","unit_price":"0.338"}],)"
            R"("packs":["zhejiang-2025@2025.1"],"period":{"days":31,"end":"2025-03-31","start":"2025-03-01"},)"
            R"("region":"zhejiang","tariff":"residential_tou",)"
            R"("tier_progress":{"remaining_in_tier_kwh":"1950","tier":2,"used_kwh":"2850"},"total":"118.50"})"
            "\n");
  // Canonical JSON: the same bytes as a DOM dump.
  EXPECT_EQ(Json::parse(bills).dump() + "\n", bills);
  EXPECT_EQ(totals.billed, 1);
  EXPECT_EQ(totals.amount.str(2), "118.50");
  EXPECT_EQ(totals.kwh.str(), "250");
}

// docs/batch-billing.md's bill line: 200 × 0.538 = 107.60, 2760 − 200 = 2560 left in tier 1.
TEST_F(Billing, ZhejiangFlatResidentialIsTheDocsLine) {
  ASSERT_TRUE(biller.bill(R"({"customer": "ZJ-0002", "start": "2025-03-01", "end": "2025-03-31", "kwh": 200})", 2, bills,
                          rejects, totals));
  EXPECT_EQ(bills,
            R"({"customer":"ZJ-0002","cycle":"ZJ-A01","energy_kwh":"200","line":2,"lines":[{"amount":"107.60","code":"energy.tier1.flat","quantity":"200","unit":"kWh","unit_price":"0.538"}],"packs":["zhejiang-2025@2025.1"],"period":{"days":31,"end":"2025-03-31","start":"2025-03-01"},"region":"zhejiang","tariff":"residential","tier_progress":{"remaining_in_tier_kwh":"2560","tier":1,"used_kwh":"200"},"total":"107.60"})"
            "\n");
}

// 合表: 120 × 0.558 = 66.96.
TEST_F(Billing, ZhejiangSharedMeter) {
  Json b = bill_json(R"({"customer":"ZJ-0003","start":"2025-03-01","end":"2025-03-31","kwh":"120"})");
  EXPECT_EQ(b["total"], "66.96");
  ASSERT_EQ(b["lines"].size(), 1u);
  EXPECT_EQ(b["lines"][0]["code"], "energy.shared_meter");
  EXPECT_EQ(b["lines"][0]["unit_price"], "0.558");
}

// 低保: 15 kWh free, 85 × 0.5283 = 44.9055 → 44.91. Six persons: tier-1 base
// 2760 + 100 × 12 = 3960; 2700 + 300 stays in tier 1: 300 × 0.5283 = 158.49, 960 left.
TEST_F(Billing, JiangsuLowIncomeAndLargeHousehold) {
  Json low = bill_json(R"({"customer":"JS-0001","start":"2025-03-01","end":"2025-03-31","kwh":"100"})");
  EXPECT_EQ(low["total"], "44.91");
  Json six = bill_json(R"({"customer":"JS-0002","start":"2025-03-01","end":"2025-03-31","kwh":"300","carry_in_kwh":"2700"})");
  EXPECT_EQ(six["total"], "158.49");
  EXPECT_EQ(six["tier_progress"]["remaining_in_tier_kwh"], "960");
  EXPECT_EQ(six["packs"], Json::array({"jiangsu-2025@2025.1"}));
}

TEST_F(Billing, CsvInAndCsvOut) {
  RecordIssues issues;
  auto header = CsvHeader::parse("end,customer,start,kwh", RecordKind::Reading, issues);
  ASSERT_TRUE(header);
  Biller csv(bundled_packs(), ex.table, InputFormat::Csv, &*header, OutputFormat::Csv);
  EXPECT_TRUE(csv.bill("2025-03-31,ZJ-0002,2025-03-01,200\r", 2, bills, rejects, totals));
  EXPECT_FALSE(csv.bill("2025-03-31,\"ZJ-0002\",2025-03-01", 3, bills, rejects, totals));
  EXPECT_FALSE(csv.bill("2025-03-31,ZJ-0002,2025-03-01,abc", 4, bills, rejects, totals));
  EXPECT_FALSE(csv.bill("\"x,ZJ-0002,2025-03-01,1", 5, bills, rejects, totals));
  EXPECT_EQ(bills, "2,ZJ-0002,ZJ-A01,zhejiang,residential,2025-03-01,2025-03-31,200,107.60\n");
  const auto r = lines_of(rejects);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0],
            R"({"errors":[{"code":"PD_CSV_MALFORMED","message":{"en":"The CSV row has 3 fields, the header 4","zh":"CSV 行有 3 列，表头有 4 列"},"path":""}],"line":3,"record":"2025-03-31,\"ZJ-0002\",2025-03-01","source":"readings"})");
  EXPECT_EQ(Json::parse(r[1])["errors"][0]["code"], "PD_NUMBER_INVALID");
  EXPECT_EQ(Json::parse(r[1])["errors"][0]["path"], "/kwh");
  EXPECT_EQ(Json::parse(r[2])["line"], 5);
  EXPECT_EQ(Json::parse(r[2])["errors"][0]["code"], "PD_CSV_MALFORMED");
  EXPECT_EQ(totals.read, 4);
  EXPECT_EQ(totals.rejects_by_code, (std::map<std::string, int64_t>{{"PD_CSV_MALFORMED", 2}, {"PD_NUMBER_INVALID", 1}}));
}

TEST_F(Billing, UnknownCustomerRejectLine) {
  const std::string record = R"({"customer":"ZJ-9999","start":"2025-03-01","end":"2025-03-31","kwh":"100"})";
  EXPECT_EQ(reject(record, 7), 1u);
  EXPECT_EQ(rejects,
            R"j({"errors":[{"code":"PD_CUSTOMER_UNKNOWN","message":{"en":"Customer ZJ-9999 is not in the customers file (or was rejected)","zh":"客户 ZJ-9999 不在客户文件中（或已被拒绝）"},"path":"/customer"}],"line":7,"record":"{\"customer\":\"ZJ-9999\",\"start\":\"2025-03-01\",\"end\":\"2025-03-31\",\"kwh\":\"100\"}","source":"readings"})j"
            "\n");
  // A customer refused in the customers file is unknown to readings too.
  reject(R"({"customer":"XX-0001","start":"2025-03-01","end":"2025-03-31","kwh":"100"})", 8);
  EXPECT_EQ(reject_json()["errors"][0]["code"], "PD_CUSTOMER_UNKNOWN");
  EXPECT_EQ(totals.rejects_by_code["PD_CUSTOMER_UNKNOWN"], 2);
}

// A TOU tariff given only a total: the core's PD_USAGE_MISSING, path mapped to the record's /kwh.
TEST_F(Billing, CoreIssuesAreMappedToRecordPaths) {
  reject(R"({"customer":"ZJ-0001","start":"2025-04-01","end":"2025-04-30","kwh":"250"})", 6);
  Json r = reject_json();
  EXPECT_EQ(r["errors"][0]["code"], "PD_USAGE_MISSING");
  EXPECT_EQ(r["errors"][0]["path"], "/kwh");
  // Flat kWh on a tariff that has no flat period.
  reject(R"({"customer":"ZJ-0001","start":"2025-04-01","end":"2025-04-30","kwh_peak":"1","kwh_flat":"1"})", 9);
  r = reject_json();
  EXPECT_EQ(r["errors"][0]["code"], "PD_TOU_PERIOD_UNKNOWN");
  // The core names the block's usage ("/usage"), not the period: the record's /kwh; the message names it.
  EXPECT_EQ(r["errors"][0]["path"], "/kwh");
  EXPECT_EQ(r["errors"][0]["message"]["en"], "Tariff residential_tou has no period flat");
  // A period outside every Zhejiang pack (zhejiang-2025 covers 2025 only).
  reject(R"({"customer":"ZJ-0002","start":"2026-03-01","end":"2026-03-31","kwh":"1"})", 10);
  EXPECT_EQ(reject_json()["errors"][0]["code"], "PD_NO_PACK_FOR_DATE");
}

TEST_F(Billing, TariffUnknownIsTheCustomersTariff) {
  RecordIssues issues;
  ASSERT_TRUE(ex.table.add(object_of(R"({"customer":"ZJ-X","region":"zhejiang","tariff":"no_such","cycle":"ZJ-A01"})"),
                           bundled_packs(), issues));
  reject(R"({"customer":"ZJ-X","start":"2025-03-01","end":"2025-03-31","kwh":"1"})", 3);
  Json r = reject_json();
  EXPECT_EQ(r["errors"][0]["code"], "PD_TARIFF_UNKNOWN");
  EXPECT_EQ(r["errors"][0]["path"], "/tariff");
}

// Fuzzing found it (tests/fuzz/regressions/batch_jsonl/two-part-tariff-path-capacity-kva):
// a two-part tariff needs capacity and demand, which no batch record has; the
// reject pointed at /capacity_kva, a field the record cannot hold. It is the
// customer's tariff that batch billing cannot serve.
TEST_F(Billing, TwoPartTariffNeedsWhatNoRecordHasAndPointsAtTheTariff) {
  RecordIssues issues;
  ASSERT_TRUE(ex.table.add(
      object_of(R"({"customer":"BJ-2P","region":"beijing","tariff":"commercial_two_part_1_10kv","cycle":"BJ-01"})"),
      bundled_packs(), issues));
  reject(R"({"customer":"BJ-2P","start":"2025-03-01","end":"2025-03-31","kwh_peak":"100","kwh_flat":"100","kwh_valley":"100"})", 4);
  Json r = reject_json();
  EXPECT_EQ(r["errors"][0]["code"], "PD_DEMAND_DATA_MISSING");
  EXPECT_EQ(r["errors"][0]["path"], "/tariff");
}

TEST_F(Billing, EveryIssueOfARecordIsReported) {
  reject(R"({"customer": "ZJ-0002", "start": "2025-03-31", "end": "2025-03-01", "kwh": "1.0001"})", 8);
  Json r = reject_json();
  ASSERT_EQ(r["errors"].size(), 2u);
  EXPECT_EQ(r["errors"][0]["code"], "PD_PERIOD_END_BEFORE_START");
  EXPECT_EQ(r["errors"][1]["code"], "PD_NUMBER_TOO_PRECISE");
  EXPECT_EQ(totals.rejects_by_code, (std::map<std::string, int64_t>{{"PD_PERIOD_END_BEFORE_START", 1}}));
}

TEST(BatchRejectTooLong, KeepsTheHeadAndCountsTheCode) {
  RunTotals totals;
  std::string rejects;
  reject_too_long(R"({"customer":"ZJ)", 12, 70000, rejects, totals);
  EXPECT_EQ(rejects,
            R"j({"errors":[{"code":"PD_RECORD_TOO_LONG","message":{"en":"The record is 70000 bytes, over the 65536-byte limit (its start is kept)","zh":"记录长 70000 字节，超过 65536 字节（只保留开头）"},"path":""}],"line":12,"record":"{\"customer\":\"ZJ","source":"readings"})j"
            "\n");
  EXPECT_EQ(totals.read, 1);
  EXPECT_EQ(totals.rejected, 1);
  EXPECT_EQ(totals.rejects_by_code, (std::map<std::string, int64_t>{{"PD_RECORD_TOO_LONG", 1}}));
}

// ---- RunTotals ------------------------------------------------------------

// The whole docs example: 9 readings, 5 bills, 4 rejects; 970 kWh, 496.46 CNY
// = 118.50 + 107.60 + 66.96 + 44.91 + 158.49 (bill_run_files_test.sh).
TEST(BatchRunTotals, TheDocsExampleRun) {
  ExampleCustomers ex;
  RunTotals totals = ex.totals;
  std::string bills, rejects;
  Biller biller(bundled_packs(), ex.table, InputFormat::Jsonl, nullptr, OutputFormat::Jsonl);
  const auto readings = lines_of(read_file(kSource / "docs/examples/bill-run/readings.jsonl"));
  ASSERT_EQ(readings.size(), 9u);
  for (size_t i = 0; i < readings.size(); ++i)
    biller.bill(readings[i], static_cast<int64_t>(i) + 1, bills, rejects, totals);
  std::vector<std::string> got;
  for (const std::string& b : lines_of(bills)) got.push_back(Json::parse(b)["total"]);
  EXPECT_EQ(got, (std::vector<std::string>{"118.50", "107.60", "66.96", "44.91", "158.49"}));
  EXPECT_EQ(totals.to_json().dump(),
            R"({"amount":"496.46","by_tariff":{"jiangsu/residential":{"amount":"203.40","bills":2,"kwh":"400"},)"
            R"("zhejiang/residential":{"amount":"174.56","bills":2,"kwh":"320"},)"
            R"("zhejiang/residential_tou":{"amount":"118.50","bills":1,"kwh":"250"}},)"
            R"("customers":{"read":6,"rejected":1},"kwh":"970","readings":{"billed":5,"read":9,"rejected":4},)"
            R"("rejects_by_code":{"PD_CUSTOMER_UNKNOWN":1,"PD_JSON_MALFORMED":1,"PD_PERIOD_END_BEFORE_START":1,"PD_USAGE_MISSING":1}})");
  std::vector<int64_t> reject_lines;
  for (const std::string& r : lines_of(rejects)) reject_lines.push_back(Json::parse(r)["line"]);
  EXPECT_EQ(reject_lines, (std::vector<int64_t>{6, 7, 8, 9}));
}

TEST(BatchRunTotals, SumsAreExact) {
  RunTotals t;
  for (int i = 0; i < 1000; ++i) t.add_bill("zhejiang/residential", *Energy::parse("0.001"), *Money::parse("0.01"));
  t.add_bill("jiangsu/residential", *Energy::parse("0.1"), *Money::parse("0.10"));
  t.add_bill("jiangsu/residential", *Energy::parse("0.2"), *Money::parse("0.20"));
  EXPECT_EQ(t.kwh.str(), "1.3");
  EXPECT_EQ(t.amount.str(2), "10.30");
  EXPECT_EQ(t.by_tariff["zhejiang/residential"].amount.str(2), "10.00");
  EXPECT_EQ(t.by_tariff["zhejiang/residential"].kwh.str(), "1");
  EXPECT_EQ(t.by_tariff["jiangsu/residential"].amount.str(2), "0.30");  // 0.1 + 0.2, never 0.30000000000000004
  EXPECT_EQ(t.billed, 1002);
  EXPECT_EQ(t.read, 1002);
}

TEST(BatchRunTotals, MergeInAnyOrderGivesTheSame) {
  RunTotals a, b, c;
  a.add_bill("zhejiang/residential_tou", *Energy::parse("250"), *Money::parse("118.50"));
  a.add_bill("zhejiang/residential", *Energy::parse("200"), *Money::parse("107.60"));
  b.add_bill("zhejiang/residential", *Energy::parse("120"), *Money::parse("66.96"));
  b.add_reject({record_issue(kCustomerUnknown, "/customer", "z", "e")});
  c.add_reject({});  // no issue at all: counted as a defect
  c.customers_read = 6;
  c.customers_rejected = 1;
  RunTotals abc, cba;
  for (const RunTotals* t : {&a, &b, &c}) abc.merge(*t);
  for (const RunTotals* t : {&c, &b, &a}) cba.merge(*t);
  EXPECT_EQ(abc.to_json(), cba.to_json());
  EXPECT_EQ(abc.amount.str(2), "293.06");  // 118.50 + 107.60 + 66.96
  EXPECT_EQ(abc.kwh.str(), "570");
  EXPECT_EQ(abc.read, 5);
  EXPECT_EQ(abc.billed, 3);
  EXPECT_EQ(abc.rejected, 2);
  EXPECT_EQ(abc.by_tariff["zhejiang/residential"].bills, 2);
  EXPECT_EQ(abc.by_tariff["zhejiang/residential"].amount.str(2), "174.56");
  EXPECT_EQ(abc.rejects_by_code, (std::map<std::string, int64_t>{{"PD_CUSTOMER_UNKNOWN", 1}, {"PD_INTERNAL", 1}}));
}

TEST(BatchRunTotals, JsonRoundTripAndRefusal) {
  RunTotals t;
  t.customers_read = 6;
  t.customers_rejected = 1;
  t.add_bill("zhejiang/residential_tou", *Energy::parse("250.125"), *Money::parse("118.50"));
  t.add_reject({record_issue(kCsvMalformed, "", "z", "e")});
  auto back = RunTotals::from_json(t.to_json());
  ASSERT_TRUE(back);
  EXPECT_EQ(back->to_json(), t.to_json());
  EXPECT_EQ(back->kwh.str(), "250.125");
  EXPECT_EQ(back->by_tariff["zhejiang/residential_tou"].amount.str(2), "118.50");

  Json bad = t.to_json();
  bad["amount"] = 118.5;  // a number, not an exact decimal string
  EXPECT_FALSE(RunTotals::from_json(bad));
  bad = t.to_json();
  bad["readings"].erase("billed");
  EXPECT_FALSE(RunTotals::from_json(bad));
  bad = t.to_json();
  bad["rejects_by_code"]["PD_CSV_MALFORMED"] = "1";
  EXPECT_FALSE(RunTotals::from_json(bad));
  bad = t.to_json();
  bad["readings"]["read"] = UINT64_MAX;  // would wrap to -1
  EXPECT_FALSE(RunTotals::from_json(bad));
  EXPECT_FALSE(RunTotals::from_json(Json::array()));
}

// ---- CSV summary ----------------------------------------------------------

TEST_F(Billing, CsvSummaryQuotesWhatMustBeQuoted) {
  bill_json(R"({"customer":"ZJ-0002","start":"2025-03-01","end":"2025-03-31","kwh":"200"})");
  BillRequest req;
  req.region = "zhejiang";
  req.tariff = "residential";
  req.period = Period{*Date::parse("2025-03-01"), *Date::parse("2025-03-31")};
  req.usage = Usage{};
  req.usage->kwh[static_cast<size_t>(TouPeriod::Flat)] = *Energy::parse("200");
  auto bill = compute_bill(req, bundled_packs());
  ASSERT_TRUE(bill.ok());
  std::string out(kBillCsvHeader);
  append_bill_csv(out, bill.value(), BillIdentity{"ZJ,\"2\"", "A\nB", "residential", 3});
  append_bill_csv(out, bill.value(), BillIdentity{"ZJ-0002", "ZJ-A01", "residential", 4});
  EXPECT_EQ(out,
            "line,customer,cycle,region,tariff,start,end,kwh,total\n"
            "3,\"ZJ,\"\"2\"\"\",\"A\nB\",zhejiang,residential,2025-03-01,2025-03-31,200,107.60\n"
            "4,ZJ-0002,ZJ-A01,zhejiang,residential,2025-03-01,2025-03-31,200,107.60\n");
}

}  // namespace
}  // namespace powerdesk::batch
