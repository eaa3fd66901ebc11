// Loads "charging" (national: the kinds of charging site, the typical
// profile of each, and the two-part basic-charge waiver for centralised
// stations) and "charging_tariffs" (regional: the tariff each kind takes).
//
//   "charging": {"basic_exemption": {"until": "2030-12-31", "citation": {…}},
//     "sites": {"centralized_station": {"label": {…}, "profile": "ev_public",
//                                       "basic_exempt": true, "shared_meter": false,
//                                       "citation": {…}}, …}}
//   "charging_tariffs": {"centralized_station": "commercial_two_part_1_10kv", …}
#include <string>

#include "pack_reader.hpp"
#include "quote_pack_sections.hpp"

namespace powerdesk::pack_reader {
namespace {

void sites(FieldReader& r, const Json& node, ChargingRules& out) {
  const Json* s = r.object(node, "sites", "/charging", true);
  if (!s) return;
  for (auto it = s->begin(); it != s->end(); ++it) {
    const std::string p = pointer_join("/charging/sites", it.key());
    if (!it->is_object()) {
      invalid(r, p, "充电场所须为对象", "a charging site must be an object");
      continue;
    }
    r.reject_unknown(*it, p, {"label", "profile", "basic_exempt", "shared_meter", "citation"});
    ChargingSite site;
    site.code = it.key();
    auto label = r.bilingual(*it, "label", p, true);
    auto profile = r.string(*it, "profile", p, true);
    auto exempt = r.boolean(*it, "basic_exempt", p, false);
    auto shared = r.boolean(*it, "shared_meter", p, false);
    auto cite = citation(r, *it, p, true);
    if (!label || !profile || !cite) continue;
    site.label = *label;
    site.profile = *profile;
    site.basic_exempt = exempt.value_or(false);
    site.shared_meter = shared.value_or(false);
    site.citation = *cite;
    out.sites.emplace(site.code, std::move(site));
  }
}

}  // namespace

void charging(FieldReader& r, const Json& root, RulePack& pack) {
  if (const Json* node = r.object(root, "charging", "", false)) {
    r.reject_unknown(*node, "/charging", {"sites", "basic_exemption"});
    ChargingRules rules;
    std::optional<Date> until;
    std::optional<Citation> cite;
    if (const Json* ex = r.object(*node, "basic_exemption", "/charging", true)) {
      r.reject_unknown(*ex, "/charging/basic_exemption", {"until", "citation"});
      until = r.date(*ex, "until", "/charging/basic_exemption", true);
      cite = citation(r, *ex, "/charging/basic_exemption", true);
    }
    sites(r, *node, rules);
    if (until) rules.basic_exempt_until = *until;
    if (cite) rules.exemption_citation = *cite;
    if (until && cite) pack.charging = std::move(rules);
  }
  if (const Json* node = r.object(root, "charging_tariffs", "", false)) {
    for (auto it = node->begin(); it != node->end(); ++it) {
      const std::string p = pointer_join("/charging_tariffs", it.key());
      if (!it->is_string() || !pack.tariff(it->get<std::string>())) {
        invalid(r, p, "须为本包中的电价代码", "must name a tariff of this pack");
        continue;
      }
      pack.charging_tariffs.emplace(it.key(), it->get<std::string>());
    }
  }
}

}  // namespace powerdesk::pack_reader
