// The decision-table engine on a small test schema: every cell form, every
// hit policy, every load-time refusal with its pointer, traces, and the
// compiled index agreeing with a row-by-row scan on random tables.
#include <gtest/gtest.h>

#include <cstdint>

#include "powerdesk/decision_table.hpp"

namespace powerdesk::decision {
namespace {

const InputSchema& test_schema() {
  static const InputSchema s = [] {
    InputSchema x{"test_facts", {}};
    x.fields = {Field::decimal("kwh", 3, 0, int64_t{1000000000000}),
                Field::enumeration("level", {"none", "low", "mid", "high"}), Field::boolean("flag"),
                Field::date("day", *Date::parse("2000-01-01"), *Date::parse("2100-12-31")),
                Field::integer("count", 0, 1000)};
    return x;
  }();
  return s;
}

const InputSchema* lookup(std::string_view name) { return name == "test_facts" ? &test_schema() : nullptr; }

struct Loaded {
  std::map<std::string, Table> tables;
  Issues issues;
};

// Loads {"t": <table>} with parameters; `table` is JSON text.
Loaded load(const std::string& table, const std::string& params = "{}") {
  Loaded out;
  auto json = parse_json_exact("{\"t\":" + table + "}");
  EXPECT_TRUE(json.ok()) << table;
  auto pjson = parse_json_exact(params);
  FieldReader r(out.issues);
  const Parameters p = read_parameters(r, pjson.value(), "/parameters");
  out.tables = read_tables(r, json.value(), "/decision_tables", p, lookup);
  return out;
}

const std::string kCite = R"("explanation":{"zh":"说明","en":"why"},"citation":{"document":"测试","date":"2025-01-01"})";

std::string row(const std::string& id, const std::string& when, const std::string& then) {
  return "{\"id\":\"" + id + "\",\"when\":" + when + ",\"then\":" + then + "," + kCite + "}";
}

std::string table(const std::string& policy, const std::string& inputs, const std::string& rows,
                  const std::string& outputs = R"([{"name":"out","type":"integer"}])",
                  const std::string& extra = "") {
  return R"({"label":{"zh":"测试表","en":"Test table"},"facts":"test_facts","hit_policy":")" + policy +
         R"(","inputs":)" + inputs + R"(,"outputs":)" + outputs + extra + R"(,"rows":[)" + rows + "]}";
}

std::vector<Value> facts(int64_t kwh_units, Value level, bool flag, const char* day, Value count) {
  return {kwh_units, level, flag ? 1 : 0, Date::parse(day)->days(), count};
}

const std::string kDefault = R"(,"default":{"then":{"out":0},)" + kCite + "}";

// ---- cells -------------------------------------------------------------------

struct CellCase {
  const char* cell;
  int64_t kwh_units;
  bool matches;
};

void PrintTo(const CellCase& c, std::ostream* os) { *os << c.cell << " @ " << c.kwh_units; }

class Cells : public ::testing::TestWithParam<CellCase> {};

TEST_P(Cells, EachTestFormMatchesExactlyItsValues) {
  const auto& c = GetParam();
  auto l = load(table("FIRST", R"(["kwh"])", row("r", std::string("{\"kwh\":") + c.cell + "}", R"({"out":1})"), R"([{"name":"out","type":"integer"}])", kDefault));
  ASSERT_TRUE(l.issues.empty()) << c.cell << ": " << l.issues[0].message.en;
  const Table& t = l.tables.at("t");
  EXPECT_EQ(decide_row(t, facts(c.kwh_units, 0, false, "2025-01-01", 0)), c.matches ? 0 : -1) << c.cell << " at " << c.kwh_units;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, Cells,
    ::testing::Values(CellCase{"100", 100000, true}, CellCase{"100", 100001, false},
                      CellCase{"\"0.001\"", 1, true}, CellCase{"{\"!=\":100}", 100000, false},
                      CellCase{"{\"!=\":100}", 99999, true}, CellCase{"{\"<\":100}", 99999, true},
                      CellCase{"{\"<\":100}", 100000, false}, CellCase{"{\"<=\":100}", 100000, true},
                      CellCase{"{\"<=\":100}", 100001, false}, CellCase{"{\">\":100}", 100000, false},
                      CellCase{"{\">\":100}", 100001, true}, CellCase{"{\">=\":100}", 100000, true},
                      CellCase{"{\">=\":100}", 99999, false}, CellCase{"[1, 2, 5]", 2000, true},
                      CellCase{"[1, 2, 5]", 3000, false}, CellCase{"{\"in\":[1,5]}", 5000, true},
                      CellCase{"{\"not_in\":[1,5]}", 5000, false}, CellCase{"{\"not_in\":[1,5]}", 4000, true},
                      CellCase{"{\"between\":[10,20]}", 10000, true}, CellCase{"{\"between\":[10,20]}", 20000, true},
                      CellCase{"{\"between\":[10,20]}", 20001, false}, CellCase{"{\">=\":10,\"<\":20}", 19999, true},
                      CellCase{"{\">=\":10,\"<\":20}", 20000, false}, CellCase{"{\"<\":20,\">=\":10}", 15000, true}, CellCase{"null", 123, true}));

TEST(DecisionTable, EnumsCompareByDeclaredOrderAndDatesByDay) {
  auto l = load(table("COLLECT", R"(["level","day"])",
                      row("mid-up", R"({"level":{">=":"mid"}})", R"({"out":1})") + "," +
                          row("until-2030", R"({"day":{"<=":"2030-12-31"}})", R"({"out":2})")));
  ASSERT_TRUE(l.issues.empty()) << l.issues[0].message.en;
  const Table& t = l.tables.at("t");
  EXPECT_EQ(evaluate(t, facts(0, 3, false, "2030-12-31", 0)).matched, (std::vector<int>{0, 1}));
  EXPECT_EQ(evaluate(t, facts(0, 1, false, "2031-01-01", 0)).matched, (std::vector<int>{}));
  EXPECT_EQ(evaluate(t, facts(0, 2, false, "2031-01-01", 0)).matched, (std::vector<int>{0}));
}

TEST(DecisionTable, ParametersSupplyFiguresByName) {
  const std::string params = R"({"limit.days":{"value":15,"label":{"zh":"天数","en":"days"},"citation":{"document":"规则","date":"2024-06-01"}}})";
  auto l = load(table("COLLECT", R"(["count"])", row("short", R"({"count":{"<":"$limit.days"}})", R"({"out":1})")), params);
  ASSERT_TRUE(l.issues.empty()) << l.issues[0].message.en;
  const Table& t = l.tables.at("t");
  EXPECT_EQ(evaluate(t, facts(0, 0, false, "2025-01-01", 14)).matched.size(), 1u);
  EXPECT_EQ(evaluate(t, facts(0, 0, false, "2025-01-01", 15)).matched.size(), 0u);
  EXPECT_EQ(t.rows[0].when[0].text, "< 15");
}

// ---- hit policies ------------------------------------------------------------

std::string three_rows() {
  return row("a", R"({"count":{">=":10}})", R"({"out":1})") + "," + row("b", R"({"count":{">=":20}})", R"({"out":3})") +
         "," + row("c", R"({"count":{">=":30}})", R"({"out":2})");
}

TEST(DecisionTable, HitPoliciesChooseAsDmnSays) {
  auto f = facts(0, 0, false, "2025-01-01", 35);
  auto first = load(table("FIRST", R"(["count"])", three_rows(), R"([{"name":"out","type":"integer"}])", kDefault));
  auto collect = load(table("COLLECT", R"(["count"])", three_rows()));
  auto max = load(table("MAX", R"(["count"])", three_rows(), R"([{"name":"out","type":"integer"}])", kDefault));
  auto min = load(table("MIN", R"(["count"])", three_rows(), R"([{"name":"out","type":"integer"}])", kDefault));
  for (auto* l : {&first, &collect, &max, &min}) ASSERT_TRUE(l->issues.empty()) << l->issues[0].message.en;
  EXPECT_EQ(evaluate(first.tables.at("t"), f).outputs, std::vector<Value>{1});
  EXPECT_EQ(evaluate(collect.tables.at("t"), f).matched, (std::vector<int>{0, 1, 2}));
  EXPECT_TRUE(evaluate(collect.tables.at("t"), f).outputs.empty());
  EXPECT_EQ(evaluate(max.tables.at("t"), f).outputs, std::vector<Value>{3});
  EXPECT_EQ(evaluate(min.tables.at("t"), f).outputs, std::vector<Value>{1});
  // Nothing matches below 10: the default decides and says so.
  const Evaluation none = evaluate(max.tables.at("t"), facts(0, 0, false, "2025-01-01", 5));
  EXPECT_TRUE(none.default_used);
  EXPECT_EQ(none.outputs, std::vector<Value>{0});
  EXPECT_EQ(decide_row(max.tables.at("t"), facts(0, 0, false, "2025-01-01", 25)), 1);
}

TEST(DecisionTable, UniqueAndAnyTablesThatAreCompleteLoad) {
  auto unique = load(table("UNIQUE", R"(["flag"])", row("off", R"({"flag":false})", R"({"out":0})") + "," + row("on", R"({"flag":true})", R"({"out":1})")));
  ASSERT_TRUE(unique.issues.empty()) << unique.issues[0].message.en;
  EXPECT_EQ(evaluate(unique.tables.at("t"), facts(0, 0, true, "2025-01-01", 0)).outputs, std::vector<Value>{1});
  auto any = load(table("ANY", R"(["count"])", row("low", R"({"count":{"<=":10}})", R"({"out":7})") + "," + row("all", "{}", R"({"out":7})")));
  EXPECT_TRUE(any.issues.empty()) << any.issues[0].message.en;
}

// ---- refusals ----------------------------------------------------------------

struct Refusal {
  const char* name;
  std::string table;
  std::string path;
  std::string message_part;  // in the English message
};

void PrintTo(const Refusal& r, std::ostream* os) { *os << r.name; }

class Refusals : public ::testing::TestWithParam<Refusal> {};

TEST_P(Refusals, AreReportedAtTheRowOrCell) {
  const auto& c = GetParam();
  auto l = load(c.table);
  ASSERT_FALSE(l.issues.empty()) << c.name;
  EXPECT_TRUE(l.tables.empty());
  EXPECT_EQ(l.issues[0].code, Code::PackInvalid);
  EXPECT_EQ(l.issues[0].path, c.path) << c.name << ": " << l.issues[0].message.en;
  EXPECT_NE(l.issues[0].message.en.find(c.message_part), std::string::npos) << l.issues[0].message.en;
}

const std::string kOut = R"([{"name":"out","type":"integer"}])";

INSTANTIATE_TEST_SUITE_P(
    Pack, Refusals,
    ::testing::Values(
        Refusal{"unknown input", table("COLLECT", R"(["kwh","volts"])", row("a", "{}", R"({"out":1})")), "/decision_tables/t/inputs/1", "no such input"},
        Refusal{"cell for undeclared column", table("COLLECT", R"(["kwh"])", row("a", R"({"count":1})", R"({"out":1})")), "/decision_tables/t/rows/0/when/count", "no input column count"},
        Refusal{"wrong type", table("COLLECT", R"(["kwh"])", row("a", R"({"kwh":true})", R"({"out":1})")), "/decision_tables/t/rows/0/when/kwh", "must be a number"},
        Refusal{"too precise", table("COLLECT", R"(["kwh"])", row("a", R"({"kwh":"1.0001"})", R"({"out":1})")), "/decision_tables/t/rows/0/when/kwh", "at most 3 decimals"},
        Refusal{"undeclared enum value", table("COLLECT", R"(["level"])", row("a", R"({"level":{">=":"top"}})", R"({"out":1})")), "/decision_tables/t/rows/0/when/level/>=", "one of: none, low, mid, high"},
        Refusal{"unknown parameter", table("COLLECT", R"(["count"])", row("a", R"({"count":"$nope"})", R"({"out":1})")), "/decision_tables/t/rows/0/when/count", "unknown parameter $nope"},
        Refusal{"unsatisfiable", table("COLLECT", R"(["count"])", row("a", R"({"count":{">":5,"<":3}})", R"({"out":1})")), "/decision_tables/t/rows/0/when/count", "no value can satisfy"},
        Refusal{"outside the domain", table("COLLECT", R"(["count"])", row("a", R"({"count":{"<":2000}})", R"({"out":1})")), "/decision_tables/t/rows/0/when/count/<", "value 2000 of count is outside its range [0, 1000]"},
        Refusal{"unknown test", table("COLLECT", R"(["count"])", row("a", R"({"count":{"~":5}})", R"({"out":1})")), "/decision_tables/t/rows/0/when/count/~0", "unknown test"},
        Refusal{"missing output", table("COLLECT", R"(["count"])", row("a", "{}", "{}")), "/decision_tables/t/rows/0/then", "missing output out"},
        Refusal{"undeclared output", table("COLLECT", R"(["count"])", row("a", "{}", R"({"out":1,"extra":2})")), "/decision_tables/t/rows/0/then/extra", "undeclared output"},
        Refusal{"repeated row id", table("COLLECT", R"(["count"])", row("a", "{}", R"({"out":1})") + "," + row("a", "{}", R"({"out":2})")), "/decision_tables/t/rows/1/id", "repeated row id a"},
        Refusal{"unique overlap", table("UNIQUE", R"(["count"])", row("low", R"({"count":{"<=":10}})", R"({"out":1})") + "," + row("mid", R"({"count":{"between":[10,20]}})", R"({"out":2})") + "," + row("rest", R"({"count":{">":20}})", R"({"out":3})")), "/decision_tables/t/rows/1", "low and mid both match, e.g. count=10"},
        Refusal{"any conflict", table("ANY", R"(["flag"])", row("x", "{}", R"({"out":1})") + "," + row("y", R"({"flag":true})", R"({"out":2})")), "/decision_tables/t/rows/1", "x and y both match"},
        Refusal{"gap", table("FIRST", R"(["level","count"])", row("low", R"({"level":"low"})", R"({"out":1})") + "," + row("many", R"({"count":{">=":5}})", R"({"out":2})")), "/decision_tables/t/rows", "no row matches level=none, count=0"},
        Refusal{"max over strings", table("MAX", R"(["count"])", row("a", "{}", R"({"out":"x"})"), R"([{"name":"out","type":"string"}])"), "/decision_tables/t/outputs/0", "must be ordered"},
        Refusal{"unknown policy", table("SOME", R"(["count"])", row("a", "{}", R"({"out":1})")), "/decision_tables/t/hit_policy", "unknown hit policy"},
        Refusal{"unknown facts", R"({"label":{"zh":"x","en":"x"},"facts":"other","hit_policy":"FIRST","inputs":[],"outputs":[],"rows":[]})", "/decision_tables/t/facts", "unknown facts schema other"}),
    [](const auto& info) {
      std::string n = info.param.name;
      for (char& ch : n)
        if (ch == ' ') ch = '_';
      return n;
    });

// ---- traces ------------------------------------------------------------------

TEST(DecisionTable, TraceListsEveryMatchWithTheCellsThatMatched) {
  auto l = load(table("MAX", R"(["count","level"])", three_rows(), kOut, kDefault));
  ASSERT_TRUE(l.issues.empty());
  const Table& t = l.tables.at("t");
  const auto f = facts(0, 2, false, "2025-01-01", 25);
  const Json trace = render_trace(t, f, evaluate(t, f));
  EXPECT_EQ(trace["hit_policy"], "MAX");
  EXPECT_EQ(trace["inputs"], (Json{{"count", 25}, {"level", "mid"}}));
  ASSERT_EQ(trace["matched"].size(), 2u);
  EXPECT_EQ(trace["matched"][0]["row"], "a");
  EXPECT_EQ(trace["matched"][0]["because"], Json::parse(R"([{"input":"count","value":25,"test":">= 10"}])"));
  EXPECT_EQ(trace["matched"][1]["outputs"], (Json{{"out", 3}}));
  EXPECT_EQ(trace["result"]["row"], "b");
  EXPECT_EQ(trace["result"]["default"], false);
}

// ---- the index agrees with a scan ---------------------------------------------

struct Lcg {
  uint64_t s;
  uint64_t next(uint64_t n) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (s >> 33) % n;
  }
};

// Random tables of up to 300 rows over all five columns.
TEST(DecisionTable, CompiledIndexAgreesWithRowByRowScan) {
  Lcg g{42};
  for (int round = 0; round < 30; ++round) {
    const int rows = 1 + static_cast<int>(g.next(300));
    std::string body;
    for (int i = 0; i < rows; ++i) {
      std::string when = "{";
      auto add = [&](const std::string& cell) { when += (when.size() > 1 ? "," : "") + cell; };
      if (g.next(2)) add("\"kwh\":{\">=\":" + std::to_string(g.next(100)) + ",\"<\":" + std::to_string(100 + g.next(100)) + "}");
      if (g.next(3) == 0) add("\"level\":[\"low\",\"high\"]");
      if (g.next(3) == 0) add(std::string("\"flag\":") + (g.next(2) ? "true" : "false"));
      if (g.next(4) == 0) add("\"count\":{\"not_in\":[" + std::to_string(g.next(20)) + "]}");
      if (g.next(4) == 0) add("\"day\":{\"<\":\"2025-0" + std::to_string(1 + g.next(9)) + "-01\"}");
      when += "}";
      body += (i ? "," : "") + row("r" + std::to_string(i), when, "{\"out\":" + std::to_string(i) + "}");
    }
    auto l = load(table("COLLECT", R"(["kwh","level","flag","count","day"])", body));
    ASSERT_TRUE(l.issues.empty()) << l.issues[0].message.en;
    const Table& t = l.tables.at("t");
    for (int probe = 0; probe < 200; ++probe) {
      const auto f = facts(static_cast<int64_t>(g.next(210)) * 1000 - 5000 + static_cast<int64_t>(g.next(3)),
                           static_cast<Value>(g.next(4)), g.next(2) == 1, g.next(2) ? "2025-03-15" : "2025-08-01",
                           static_cast<Value>(g.next(25)));
      std::vector<int> scan;
      for (int i = 0; i < rows; ++i) {
        bool all = true;
        for (size_t c = 0; c < t.inputs.size(); ++c) all = all && t.rows[static_cast<size_t>(i)].when[c].matches(f[static_cast<size_t>(t.inputs[c])]);
        if (all) scan.push_back(i);
      }
      if (f[0] < 0) scan.clear();  // outside the kwh domain nothing matches
      ASSERT_EQ(evaluate(t, f).matched, scan) << "round " << round << " probe " << probe;
    }
  }
}

}  // namespace
}  // namespace powerdesk::decision
