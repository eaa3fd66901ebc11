// Loads "plan_groups" (regional packs): tariffs that are alternatives for the
// same use, and who may take each by installed capacity.
//
//   "plan_groups": {"commercial_1_10kv": {"label": {…}, "default_profile": "commercial",
//     "options": [{"tariff": "commercial_single_1_10kv", "max_kva": "315"},
//                 {"tariff": "commercial_two_part_1_10kv", "min_kva": "100"}],
//     "citation": {…}}}
//
// A tariff belongs to at most one group; every tariff named must be in the pack.
#include <set>
#include <string>

#include "pack_reader.hpp"
#include "quote_pack_sections.hpp"

namespace powerdesk::pack_reader {

void plan_groups(FieldReader& r, const Json& root, RulePack& pack) {
  const Json* node = r.object(root, "plan_groups", "", false);
  if (!node) return;
  std::set<std::string> seen;
  for (auto it = node->begin(); it != node->end(); ++it) {
    const std::string p = pointer_join("/plan_groups", it.key());
    if (!it->is_object()) {
      invalid(r, p, "方案组须为对象", "a plan group must be an object");
      continue;
    }
    r.reject_unknown(*it, p, {"label", "default_profile", "options", "citation"});
    PlanGroup g;
    g.code = it.key();
    auto label = r.bilingual(*it, "label", p, true);
    auto profile = r.string(*it, "default_profile", p, true);
    auto cite = citation(r, *it, p, true);
    const Json* options = r.array(*it, "options", p, true);
    if (!label || !profile || !cite || !options) continue;
    g.label = *label;
    g.default_profile = *profile;
    g.citation = *cite;
    const std::string op = pointer_join(p, "options");
    if (options->size() < 2) invalid(r, op, "方案组至少需要两个电价", "a plan group needs at least two tariffs");
    for (size_t i = 0; i < options->size(); ++i) {
      const std::string ip = pointer_join(op, i);
      const Json& o = (*options)[i];
      r.reject_unknown(o, ip, {"tariff", "min_kva", "max_kva"});
      auto tariff = r.string(o, "tariff", ip, true);
      PlanOption opt;
      opt.min_kva = r.decimal<Power::scale>(o, "min_kva", ip, false, Power{}, kMaxPower);
      opt.max_kva = r.decimal<Power::scale>(o, "max_kva", ip, false, Power{}, kMaxPower);
      if (!tariff) continue;
      if (!pack.tariff(*tariff)) {
        invalid(r, pointer_join(ip, "tariff"), "本包没有电价 " + *tariff, "no tariff " + *tariff + " in this pack");
        continue;
      }
      if (!seen.insert(*tariff).second) {
        invalid(r, pointer_join(ip, "tariff"), "电价 " + *tariff + " 已属于另一方案组",
                "tariff " + *tariff + " is already in a plan group");
        continue;
      }
      if (opt.min_kva && opt.max_kva && !(*opt.min_kva < *opt.max_kva)) {
        invalid(r, ip, "min_kva 须小于 max_kva", "min_kva must be below max_kva");
        continue;
      }
      opt.tariff = *tariff;
      g.options.push_back(std::move(opt));
    }
    pack.plan_groups.push_back(std::move(g));
  }
}

}  // namespace powerdesk::pack_reader
