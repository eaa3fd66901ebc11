// Loads the national pack's "substitution" section: the factors of the 电能替代
// quote (quote_substitution.cpp).
//
//   "substitution": {
//     "electricity": {"kgce_per_kwh": {"value": "0.1229", "citation": {…}},
//                     "co2_kg_per_kwh": {"value": "0.5703", "citation": {…}}},
//     "fuels": {"coal": {"name", "unit", "unit_name", "lhv_mj_per_unit",
//                        "kgce_per_unit", "co2_kg_per_unit", "citation"}, …},
//     "technologies": {"gas_boiler": {"name", "electric": false, "use": "heat",
//                      "fuel": "natural_gas", "efficiency": "0.90", "citation"},
//                      "air_source_heat_pump": {…, "heat_pump": true, "efficiency": "3"}, …}}
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "pack_reader.hpp"
#include "powerdesk/quote_substitution.hpp"
#include "quote_pack_sections.hpp"

namespace powerdesk::pack_reader {
namespace {

std::optional<ConversionFactor> factor(FieldReader& r, const Json& parent, std::string_view key,
                                       const std::string& path) {
  auto f = r.decimal<ConversionFactor::scale>(parent, key, path, true, ConversionFactor::from_int(0),
                                              ConversionFactor::from_int(100000));
  if (f && f->is_zero()) {
    invalid(r, pointer_join(path, key), "系数须大于 0", "a factor must be greater than 0");
    return std::nullopt;
  }
  return f;
}

// {"value": "0.1229", "citation": {…}}
std::optional<std::pair<ConversionFactor, Citation>> cited_factor(FieldReader& r, const Json& parent,
                                                                  std::string_view key, const std::string& path) {
  const Json* node = r.object(parent, key, path, true);
  if (node == nullptr) return std::nullopt;
  const std::string p = pointer_join(path, key);
  r.reject_unknown(*node, p, {"value", "citation"});
  auto v = factor(r, *node, "value", p);
  auto c = citation(r, *node, p, true);
  if (!v || !c) return std::nullopt;
  return std::make_pair(*v, *c);
}

std::optional<SubstitutionFuel> fuel(FieldReader& r, const Json& node, const std::string& p) {
  r.reject_unknown(node, p, {"name", "unit", "unit_name", "lhv_mj_per_unit", "kgce_per_unit",
                             "co2_kg_per_unit", "citation"});
  auto name = r.bilingual(node, "name", p, true);
  auto unit = r.string(node, "unit", p, true);
  auto unit_name = r.bilingual(node, "unit_name", p, true);
  auto lhv = factor(r, node, "lhv_mj_per_unit", p);
  if (lhv && *lhv < ConversionFactor::from_int(1)) {
    invalid(r, pointer_join(p, "lhv_mj_per_unit"), "低位发热量须不小于 1 MJ", "a heating value is at least 1 MJ per unit");
    lhv.reset();
  }
  auto kgce = factor(r, node, "kgce_per_unit", p);
  auto co2 = factor(r, node, "co2_kg_per_unit", p);
  auto cit = citation(r, node, p, true);
  if (!name || !unit || !unit_name || !lhv || !kgce || !co2 || !cit) return std::nullopt;
  if (unit->empty()) invalid(r, pointer_join(p, "unit"), "单位不能为空", "the unit is empty");
  return SubstitutionFuel{*name, *unit, *unit_name, *lhv, *kgce, *co2, *cit};
}

std::optional<SubstitutionTechnology> technology(FieldReader& r, const Json& node, const std::string& p,
                                                 const std::map<std::string, SubstitutionFuel>& fuels) {
  r.reject_unknown(node, p, {"name", "electric", "use", "fuel", "heat_pump", "efficiency", "citation"});
  SubstitutionTechnology t;
  auto name = r.bilingual(node, "name", p, true);
  auto electric = r.boolean(node, "electric", p, true);
  auto use = r.string(node, "use", p, true);
  auto fuel_code = r.string(node, "fuel", p, false);
  auto heat_pump = r.boolean(node, "heat_pump", p, false);
  auto cit = citation(r, node, p, true);
  if (node.contains("efficiency"))
    t.efficiency = r.decimal<Ratio::scale>(node, "efficiency", p, true, Ratio::from_units(50000), Ratio::from_int(10));
  if (!name || !electric || !use || !cit) return std::nullopt;
  bool ok = true;
  if (*use != "heat" && *use != "kiln") {
    invalid(r, pointer_join(p, "use"), "未知用途 " + *use + "（heat、kiln）", "unknown use " + *use + " (heat, kiln)");
    ok = false;
  }
  if (*electric && fuel_code) {
    invalid(r, pointer_join(p, "fuel"), "电能技术不使用燃料", "an electric technology burns no fuel");
    ok = false;
  }
  if (!*electric) {
    if (!fuel_code) {
      invalid(r, pointer_join(p, "fuel"), "现有（燃料）技术须指明燃料", "an incumbent technology names its fuel");
      ok = false;
    } else if (!fuels.count(*fuel_code)) {
      invalid(r, pointer_join(p, "fuel"), "未知燃料 " + *fuel_code, "unknown fuel " + *fuel_code);
      ok = false;
    }
  }
  if (heat_pump.value_or(false) && !*electric) {
    invalid(r, pointer_join(p, "heat_pump"), "热泵须为电能技术", "a heat pump is electric");
    ok = false;
  }
  // An efficiency above 1 is only a heat pump's COP.
  if (t.efficiency && !heat_pump.value_or(false) && *t.efficiency > Ratio::from_int(1)) {
    invalid(r, pointer_join(p, "efficiency"), "非热泵的效率不能大于 1", "only a heat pump's efficiency (COP) may exceed 1");
    ok = false;
  }
  if (!ok) return std::nullopt;
  t.name = *name;
  t.electric = *electric;
  t.use = *use;
  t.fuel = fuel_code.value_or("");
  t.heat_pump = heat_pump.value_or(false);
  t.citation = *cit;
  return t;
}

}  // namespace

void substitution(FieldReader& r, const Json& root, RulePack& pack) {
  const Json* node = r.object(root, "substitution", "", false);
  if (node == nullptr) return;
  const std::string p = "/substitution";
  if (pack.region != "national") {
    invalid(r, p, "电能替代系数只属于全国规则包", "substitution belongs in the national pack");
    return;
  }
  const size_t issues_before = r.issues().size();
  r.reject_unknown(*node, p, {"electricity", "fuels", "technologies"});
  SubstitutionData data;

  if (const Json* e = r.object(*node, "electricity", p, true)) {
    const std::string ep = pointer_join(p, "electricity");
    r.reject_unknown(*e, ep, {"kgce_per_kwh", "co2_kg_per_kwh"});
    auto kgce = cited_factor(r, *e, "kgce_per_kwh", ep);
    auto co2 = cited_factor(r, *e, "co2_kg_per_kwh", ep);
    if (kgce && co2) {
      data.electricity_kgce_per_kwh = kgce->first;
      data.electricity_kgce_citation = kgce->second;
      data.grid_co2_kg_per_kwh = co2->first;
      data.grid_co2_citation = co2->second;
    }
  }

  if (const Json* fuels = r.object(*node, "fuels", p, true)) {
    const std::string fp = pointer_join(p, "fuels");
    if (fuels->empty()) invalid(r, fp, "燃料表为空", "the fuel table is empty");
    for (const auto& [code, f] : fuels->items()) {
      auto parsed = fuel(r, f, pointer_join(fp, code));
      if (parsed) data.fuels.emplace(code, std::move(*parsed));
    }
  }

  if (const Json* techs = r.object(*node, "technologies", p, true)) {
    const std::string tp = pointer_join(p, "technologies");
    bool electric = false, incumbent = false;
    for (const auto& [code, t] : techs->items()) {
      auto parsed = technology(r, t, pointer_join(tp, code), data.fuels);
      if (!parsed) continue;
      (parsed->electric ? electric : incumbent) = true;
      data.technologies.emplace(code, std::move(*parsed));
    }
    if (!electric || !incumbent)
      invalid(r, tp, "须至少有一种电能技术和一种现有技术", "at least one electric and one incumbent technology are needed");
  }

  if (r.issues().size() != issues_before) return;
  pack.substitution = std::make_shared<const SubstitutionData>(std::move(data));
}

}  // namespace powerdesk::pack_reader
