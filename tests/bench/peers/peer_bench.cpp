// PowerDesk's side of the peers benchmark: the workloads tests/bench/peers/
// gen.mjs wrote, through the core's real APIs, timed, with every answer
// written out so run.mjs can check the peers agree. Built natively and with
// em++ for node from this one file, so both columns run the same code.
//   peer_bench <repo root> <workload dir> <today YYYY-MM-DD> <out.json>
#include <time.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "powerdesk/api.hpp"
#include "powerdesk/decision_table.hpp"
#include "powerdesk/dedupe.hpp"
#include "powerdesk/divisions.hpp"
#include "powerdesk/identity.hpp"
#include "powerdesk/rulepack.hpp"
#include "powerdesk/tier.hpp"
#ifdef __EMSCRIPTEN__
#include <emscripten.h>

#include "powerdesk/icu_data.hpp"
#endif

namespace {

using namespace powerdesk;

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    std::exit(2);
  }
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Json read_json(const std::string& path) { return Json::parse(read(path)); }

[[noreturn]] void fail(const std::string& what) {
  std::cerr << "peer_bench: " << what << "\n";
  std::exit(1);
}

// Process CPU time (user + system), not wall time: the machine is shared, and
// the peers in node are timed the same way (process.cpuUsage()).
#ifdef __EMSCRIPTEN__
EM_JS(double, cpu_microseconds, (), {
  const u = process.cpuUsage();
  return u.user + u.system;
});
#else
double cpu_microseconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
}
#endif

// Items per CPU second: one warm-up pass, then whole passes for at least
// kMinSeconds (run.mjs uses the same figure).
constexpr double kMinSeconds = 1.0;
double rate(size_t items_per_pass, const std::function<void()>& pass) {
  pass();
  size_t passes = 0;
  const double start = cpu_microseconds();
  double seconds = 0;
  do {
    pass();
    ++passes;
    seconds = (cpu_microseconds() - start) / 1e6;
  } while (seconds < kMinSeconds);
  return static_cast<double>(passes * items_per_pass) / seconds;
}

void add_pack(Engine& e, const std::string& path) {
  Issues issues = e.add_pack(read(path), path);
  if (!issues.empty()) fail(path + ": " + issues.front().message.en);
}

// ── star tier ──
template <typename E>
E enum_of(const decision::InputSchema& s, int field, const Json& v) {
  auto i = s.fields[static_cast<size_t>(field)].enum_index(v.get<std::string>());
  if (!i) fail("bad enum " + v.dump());
  return static_cast<E>(*i);
}

StarCustomer star_customer(const Json& j) {
  const auto& s = star_customer_schema();
  StarCustomer c;
  c.existing_customer = j.at("existing_customer").get<bool>();
  c.annual_kwh = *Energy::parse(j.at("annual_kwh").get<std::string>());
  c.has_arrears = j.at("has_arrears").get<bool>();
  c.credit_rating = enum_of<CreditRating>(s, kCreditRating, j.at("credit_rating"));
  c.project_level = enum_of<Level>(s, kProjectLevel, j.at("project_level"));
  c.park_level = enum_of<Level>(s, kParkLevel, j.at("park_level"));
  c.supply_voltage_kv = *KiloVolt::parse(j.at("supply_voltage_kv").get<std::string>());
  c.special_category = enum_of<SpecialCategory>(s, kSpecialCategory, j.at("special_category"));
  return c;
}

void star(const Engine& engine, const std::string& dir, Json& out) {
  const Json in = read_json(dir + "/star.customers.json");
  std::vector<StarCustomer> customers;
  std::vector<std::string> requests;
  for (const Json& j : in) {
    customers.push_back(star_customer(j));
    requests.push_back(Json{{"region", "zhejiang"}, {"date", "2025-06-01"}, {"customer", j}}.dump());
  }
  auto built = StarTierClassifier::build(engine.packs(), "zhejiang", *Date::parse("2025-06-01"));
  if (!built.ok()) fail("star tier classifier: " + built.issues().front().message.en);
  const StarTierClassifier& c = built.value();
  std::vector<StarTier> tiers(customers.size());
  out["rates"]["star_typed"] = rate(customers.size(), [&] { c.classify(customers, tiers); });
  size_t sink = 0;
  out["rates"]["star_facade"] = rate(requests.size(), [&] {
    for (const std::string& r : requests) sink += engine.star_tier(r).json.size();
  });
  Json answers = Json::array();
  for (size_t i = 0; i < requests.size(); ++i) {
    const Json r = Json::parse(engine.star_tier(requests[i]).json);
    const std::string facade = r.at("result").at("tier").get<std::string>();
    if (facade != star_tier_code(tiers[i])) fail("facade and typed API disagree on customer " + std::to_string(i));
    answers.push_back(facade);
  }
  out["star"] = answers;
  if (sink == 0) fail("no facade output");
}

// ── generated tables (the facts of tests/bench/decision_bench.cpp) ──
const decision::InputSchema& bench_schema() {
  using decision::Field;
  static const decision::InputSchema s{"bench_facts",
                                       {Field::decimal("kwh", 3, 0, int64_t{1000000000000}), Field::integer("age", 0, 1000),
                                        Field::enumeration("kind", {"a", "b", "c", "d", "e", "f", "g", "h"}),
                                        Field::integer("score", 0, 100000)}};
  return s;
}
const decision::InputSchema* bench_lookup(std::string_view name) { return name == "bench_facts" ? &bench_schema() : nullptr; }

void table(const std::string& dir, const std::string& name, Json& out) {
  Issues issues;
  FieldReader reader(issues);
  auto json = parse_json_exact(read(dir + "/" + name + ".pd.json"));
  if (!json.ok()) fail(name + ".pd.json does not parse");
  auto tables = decision::read_tables(reader, json.value().at("decision_tables"), "/decision_tables", {}, bench_lookup);
  if (!issues.empty()) fail(name + ": " + issues.front().message.en);
  const decision::Table& t = tables.at("t");
  std::vector<std::vector<decision::Value>> facts;
  for (const Json& f : read_json(dir + "/" + name + ".facts.json"))
    facts.push_back({f.at("kwh").get<int64_t>() * 1000, f.at("age").get<int64_t>(),
                     *bench_schema().fields[2].enum_index(f.at("kind").get<std::string>()), f.at("score").get<int64_t>()});
  size_t sink = 0;
  out["rates"][name] = rate(facts.size(), [&] {
    for (const auto& f : facts) sink += decision::evaluate(t, f).matched.size();
  });
  // Answers: FIRST → the out value (the default's −1 when nothing matched);
  // COLLECT → the out value of every matching row.
  Json answers = Json::array();
  for (const auto& f : facts) {
    const decision::Evaluation e = decision::evaluate(t, f);
    if (t.policy == decision::HitPolicy::Collect) {
      Json rows = Json::array();
      for (int r : e.matched) rows.push_back(t.rows[static_cast<size_t>(r)].outputs[0]);
      answers.push_back(rows);
    } else {
      answers.push_back(e.outputs.at(0));
    }
  }
  out[name] = answers;
  out["sink_" + name] = sink;  // keeps the timed calls from being optimised away
}

// ── bills (facade: JSON request in, JSON bill out) ──
int64_t fen_of(const std::string& yuan) {
  auto v = Money::parse(yuan);
  if (!v) fail("bad total " + yuan);
  return v->units();
}

void bills(const Engine& engine, const std::string& dir, Json& out) {
  std::vector<std::string> requests;
  for (const Json& r : read_json(dir + "/bills.requests.json")) requests.push_back(r.at("request").dump());
  size_t sink = 0;
  out["rates"]["bill"] = rate(requests.size(), [&] {
    for (const std::string& r : requests) sink += engine.bill(r).json.size();
  });
  Json totals = Json::array();
  for (const std::string& r : requests) {
    const Response resp = engine.bill(r);
    if (!resp.ok) fail("bill failed: " + resp.json);
    totals.push_back(fen_of(Json::parse(resp.json).at("result").at("total").get<std::string>()));
  }
  out["bills"] = totals;
  if (sink == 0) fail("no bill output");
}

// ── resident IDs, against the national pack's division list ──
void ids(const Engine& engine, const std::string& dir, Date today, Json& out) {
  const RulePack* national = engine.packs().national(today);
  if (!national || !national->divisions) fail("no national division list");
  const DivisionCodePredicate known = national->divisions->predicate();
  std::vector<std::string> numbers;
  for (const Json& j : read_json(dir + "/ids.json")) numbers.push_back(j.at("id").get<std::string>());
  size_t valid = 0;
  out["rates"]["id"] = rate(numbers.size(), [&] {
    for (const std::string& n : numbers) valid += validate_resident_id(n, today, "/id", known).ok();
  });
  Json verdicts = Json::array();
  for (const std::string& n : numbers) {
    const auto c = validate_resident_id(n, today, "/id", known);
    verdicts.push_back(c.ok() ? std::string("ok") : std::string(code_name(c.issues.front().code)));
  }
  out["ids"] = verdicts;
}

// ── pinyin of names (the transliteration duplicate detection uses) ──
void names(const std::string& dir, Json& out) {
  std::vector<std::string> list = read_json(dir + "/names.json").get<std::vector<std::string>>();
  if (!dedupe::pinyin_available()) fail("no pinyin transliterator");
  size_t sink = 0;
  out["rates"]["pinyin"] = rate(list.size(), [&] {
    for (const std::string& n : list) sink += dedupe::pinyin(n, true).size();
  });
  Json readings = Json::array();
  for (const std::string& n : list) readings.push_back(dedupe::pinyin(n, true));
  out["pinyin"] = readings;
}

#ifdef __EMSCRIPTEN__
void install(const char* path) {
  const std::string bytes = read(path);
  std::string error;
  if (!install_icu_data(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), error))
    fail(std::string("ICU data ") + path + ": " + error);
}
#endif

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: peer_bench <repo root> <workload dir> <today YYYY-MM-DD> <out.json>\n";
    return 2;
  }
#ifdef __EMSCRIPTEN__
  install(POWERDESK_ICU_DATA_FILE);
  install(POWERDESK_ICU_TEXT_DATA_FILE);
#endif
  const std::string root = argv[1], dir = argv[2];
  const auto today = Date::parse(argv[3]);
  if (!today) fail("bad date");
  Engine rules;  // the bundled packs: star-tier table, division list
  add_pack(rules, root + "/rules/national/cn-national-2024.json");
  add_pack(rules, root + "/rules/zhejiang/zhejiang-2025.json");
  Engine tariffs;  // the frozen test packs the golden bills use
  add_pack(tariffs, root + "/tests/packs/national.json");
  add_pack(tariffs, root + "/tests/packs/gd-test-2024.json");

  Json out;
  const char* steps[] = {"star", "first", "collect", "bills", "ids", "names"};
  for (const char* step : steps) {
    std::cerr << "  PowerDesk: " << step << "\n";
    const std::string s = step;
    if (s == "star") star(rules, dir, out);
    else if (s == "bills") bills(tariffs, dir, out);
    else if (s == "ids") ids(rules, dir, *today, out);
    else if (s == "names") names(dir, out);
    else table(dir, s, out);
  }
  std::ofstream(argv[4]) << out.dump();
  return 0;
}
