// Loads the "pv" section of the distributed-PV quote (quote_pv.cpp). Its
// members depend on the pack:
//
//   national: "pv": {"categories": {"natural_person": {"name", "modes": [{"mode",
//                      "condition"?}], "max_capacity_kw"?, "max_voltage_v"?, "min_voltage_v"?,
//                      "citation"}, …},
//                    "connection_voltages": {"steps": [{"up_to_kw", "voltage_v", "name"}], "citation"}}
//   regional: "pv": {"feed_in_price": {"value", "citation"}, "yield_kwh_per_kw": {"value", "citation"}}
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "pack_reader.hpp"
#include "powerdesk/quote_pv.hpp"
#include "quote_pack_sections.hpp"

namespace powerdesk::pack_reader {
namespace {

constexpr std::string_view kModes[] = {"full_export", "surplus_export", "full_self_use"};

std::optional<int> voltage(FieldReader& r, const Json& node, std::string_view key, const std::string& p,
                           bool required) {
  auto v = r.integer(node, key, p, required, 100, 1000000);
  if (!v) return std::nullopt;
  return static_cast<int>(*v);
}

std::optional<PvCategory> category(FieldReader& r, const Json& node, const std::string& p) {
  r.reject_unknown(node, p, {"name", "modes", "max_capacity_kw", "max_voltage_v", "min_voltage_v", "citation"});
  PvCategory c;
  auto name = r.bilingual(node, "name", p, true);
  const Json* modes = r.array(node, "modes", p, true);
  auto cit = citation(r, node, p, true);
  if (node.contains("max_capacity_kw"))
    c.max_capacity_kw = r.decimal<Power::scale>(node, "max_capacity_kw", p, true, Power::from_units(1),
                                                Power::from_int(10000000));
  if (node.contains("max_voltage_v")) c.max_voltage_v = voltage(r, node, "max_voltage_v", p, true);
  if (node.contains("min_voltage_v")) c.min_voltage_v = voltage(r, node, "min_voltage_v", p, true);
  if (!name || !modes || !cit) return std::nullopt;
  const std::string mp = pointer_join(p, "modes");
  if (modes->empty()) invalid(r, mp, "消纳模式列表为空", "the list of consumption modes is empty");
  std::set<std::string> seen;
  for (size_t i = 0; i < modes->size(); ++i) {
    const std::string ip = pointer_join(mp, i);
    const Json& m = (*modes)[i];
    r.reject_unknown(m, ip, {"mode", "condition"});
    auto mode = r.string(m, "mode", ip, true);
    std::optional<Bilingual> cond;
    if (m.is_object() && m.contains("condition")) cond = r.bilingual(m, "condition", ip, true);
    if (!mode) continue;
    bool known = false;
    for (auto k : kModes) known = known || k == *mode;
    if (!known) {
      invalid(r, pointer_join(ip, "mode"), "未知消纳模式 " + *mode + "（full_export、surplus_export、full_self_use）",
              "unknown consumption mode " + *mode + " (full_export, surplus_export, full_self_use)");
      continue;
    }
    if (!seen.insert(*mode).second)
      invalid(r, pointer_join(ip, "mode"), "消纳模式重复：" + *mode, "consumption mode listed twice: " + *mode);
    c.modes.push_back({*mode, cond});
  }
  c.name = *name;
  c.citation = *cit;
  return c;
}

void national(FieldReader& r, const Json& node, const std::string& p, PvRules& rules) {
  r.reject_unknown(node, p, {"categories", "connection_voltages"});
  if (const Json* cats = r.object(node, "categories", p, true)) {
    const std::string cp = pointer_join(p, "categories");
    if (cats->empty()) invalid(r, cp, "项目类别表为空", "the project category table is empty");
    for (const auto& [code, c] : cats->items()) {
      auto parsed = category(r, c, pointer_join(cp, code));
      if (parsed) rules.categories.emplace(code, std::move(*parsed));
    }
  }
  if (const Json* cv = r.object(node, "connection_voltages", p, true)) {
    const std::string vp = pointer_join(p, "connection_voltages");
    r.reject_unknown(*cv, vp, {"steps", "citation"});
    auto cit = citation(r, *cv, vp, true);
    if (cit) rules.voltages_citation = *cit;
    if (const Json* steps = r.array(*cv, "steps", vp, true)) {
      const std::string sp = pointer_join(vp, "steps");
      if (steps->empty()) invalid(r, sp, "接入电压表为空", "the connection-voltage table is empty");
      for (size_t i = 0; i < steps->size(); ++i) {
        const std::string ip = pointer_join(sp, i);
        const Json& s = (*steps)[i];
        r.reject_unknown(s, ip, {"up_to_kw", "voltage_v", "name"});
        auto up = r.decimal<Power::scale>(s, "up_to_kw", ip, true, Power::from_units(1), Power::from_int(10000000));
        auto v = voltage(r, s, "voltage_v", ip, true);
        auto name = r.bilingual(s, "name", ip, true);
        if (!up || !v || !name) continue;
        if (!rules.voltages.empty() &&
            (*up <= rules.voltages.back().up_to_kw || *v <= rules.voltages.back().voltage_v)) {
          invalid(r, ip, "接入电压表须按容量和电压递增", "connection-voltage steps must rise in capacity and voltage");
          continue;
        }
        rules.voltages.push_back({*up, *v, *name});
      }
    }
  }
}

void regional(FieldReader& r, const Json& node, const std::string& p, PvRules& rules) {
  r.reject_unknown(node, p, {"feed_in_price", "yield_kwh_per_kw"});
  if (const Json* f = r.object(node, "feed_in_price", p, true)) {
    const std::string fp = pointer_join(p, "feed_in_price");
    r.reject_unknown(*f, fp, {"value", "citation"});
    auto v = price(r, *f, "value", fp, true);
    auto c = citation(r, *f, fp, true);
    if (v && c) {
      rules.feed_in_price = *v;
      rules.feed_in_citation = *c;
    }
  }
  if (const Json* y = r.object(node, "yield_kwh_per_kw", p, true)) {
    const std::string yp = pointer_join(p, "yield_kwh_per_kw");
    r.reject_unknown(*y, yp, {"value", "citation"});
    auto v = r.decimal<Energy::scale>(*y, "value", yp, true, Energy::from_int(1), Energy::from_int(3000));
    auto c = citation(r, *y, yp, true);
    if (v && c) {
      rules.yield_kwh_per_kw = *v;
      rules.yield_citation = *c;
    }
  }
}

}  // namespace

void pv(FieldReader& r, const Json& root, RulePack& pack) {
  const Json* node = r.object(root, "pv", "", false);
  if (node == nullptr) return;
  const size_t issues_before = r.issues().size();
  PvRules rules;
  if (pack.region == "national") {
    national(r, *node, "/pv", rules);
  } else {
    regional(r, *node, "/pv", rules);
  }
  if (r.issues().size() != issues_before) return;
  pack.pv = std::make_shared<const PvRules>(std::move(rules));
}

}  // namespace powerdesk::pack_reader
