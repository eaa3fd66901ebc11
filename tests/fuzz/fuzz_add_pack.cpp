// Fuzzes Engine::add_pack (rule-pack loading) with arbitrary bytes as the pack.
//
// The engine starts once with the frozen regional test packs (zj-test twice,
// gd-test; not the national one, so a national pack can be added too); each
// input is added to a copy of it, so the id-duplicate and date-overlap checks
// run against real packs. Invariants: every issue is well formed and never
// PD_INTERNAL; nothing is added when there is an issue, exactly one pack when
// there is none. A pack that loads is then used: rules_list, a bill for each
// of its first tariffs, a late fee, a star tier, an eligibility decision and a
// process, all under the facade contract (fuzz_support.hpp) — a pack the
// loader accepts must never crash the operations that read it.
#include <nlohmann/json.hpp>

#include "fuzz_support.hpp"

namespace {

using nlohmann::json;
using powerdesk::Engine;
using powerdesk::Response;
namespace fz = powerdesk::fuzz;

std::string text(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string string_at(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void exercise(const Engine& engine, std::string_view pack_text) {
  fz::check_operation("add_pack", [&] { return engine.rules_list(); });
  const json pack = json::parse(pack_text, nullptr, /*allow_exceptions=*/false);
  if (!pack.is_object())
    fz::fail("add_pack", "a pack that loaded is not a JSON object to nlohmann", pack_text);
  const std::string region = string_at(pack, "region");
  std::string from, to;
  if (const auto e = pack.find("effective"); e != pack.end() && e->is_object()) {
    from = string_at(*e, "from");
    to = string_at(*e, "to");
  }
  auto run = [&](Response (Engine::*op)(std::string_view) const, const json& request) {
    const std::string r = text(request);
    const Response answer = fz::check_operation("add_pack", [&] { return (engine.*op)(r); });
    if (op == &Engine::bill) fz::check_bill_result("add_pack", answer);
    if (op == &Engine::late_fee) fz::check_late_fee_result("add_pack", answer);
  };
  if (const auto tariffs = pack.find("tariffs"); tariffs != pack.end() && tariffs->is_object()) {
    int n = 0;
    for (const auto& [code, tariff] : tariffs->items()) {
      if (n++ == 4) break;
      run(&Engine::bill, {{"region", region},
                          {"tariff", code},
                          {"capacity_kva", "315"},
                          {"period", {{"start", from}, {"end", from}}},
                          {"usage", {{"kwh", "1000"}}}});
    }
  }
  for (const char* customer_class : {"residential", "non_residential"}) {
    run(&Engine::late_fee, {{"region", region},
                            {"customer_class", customer_class},
                            {"paid_date", to},
                            {"arrears", {{{"amount", "100"}, {"due_date", from}}}}});
  }
  run(&Engine::star_tier,
      {{"region", region},
       {"date", from},
       {"customer", {{"annual_kwh", "50000000"}, {"supply_voltage_kv", "110"}}}});
  std::string business = "new_hv";
  if (const auto b = pack.find("businesses"); b != pack.end() && b->is_object() && !b->empty())
    business = b->begin().key();
  run(&Engine::eligibility, {{"region", region},
                             {"today", from},
                             {"business", business},
                             {"customer", {{"class", "commercial_industrial"}}},
                             {"request", {{"capacity_kva", 800}, {"voltage_kv", 10}}}});
  run(&Engine::process,
      {{"region", region}, {"business", business}, {"accepted", from}, {"today", to}});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Engine base = fz::frozen_packs_engine(/*with_national=*/false);
  static const size_t base_packs = base.packs().all().size();
  const std::string_view pack_text = fz::as_text(data, size);
  Engine engine = base;
  const powerdesk::Issues issues = engine.add_pack(pack_text, "fuzz.json");
  for (const powerdesk::Issue& i : issues) fz::check_issue("add_pack", i);
  const size_t packs = engine.packs().all().size();
  if (!issues.empty()) {
    if (packs != base_packs)
      fz::fail("add_pack", "a pack with issues was added anyway", issues.front().message.en);
    if (!powerdesk::has_errors(issues))
      fz::fail("add_pack", "a pack was refused without an error-severity issue");
    return 0;
  }
  if (packs != base_packs + 1)
    fz::fail("add_pack", "a pack without issues was not added exactly once");
  exercise(engine, pack_text);
  return 0;
}
