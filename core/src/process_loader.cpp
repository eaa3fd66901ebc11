// Reads the "businesses" section of a pack: business types, the steps of
// their processes, time limits (per variant where they differ) and citations.
// Anything a due-date walk relies on is checked here, so it never has to guess.
#include <algorithm>
#include <set>

#include "pack_reader.hpp"

namespace powerdesk::pack_reader {
namespace {

bool plain_id(const std::string& v) {
  return !v.empty() && v.size() <= 64 && v[0] >= 'a' && v[0] <= 'z' &&
         std::all_of(v.begin(), v.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::optional<int> working_days(FieldReader& r, const Json& v, const std::string& path) {
  if (!v.is_number_integer() || v.get<int64_t>() < kMinLimitWorkingDays || v.get<int64_t>() > kMaxLimitWorkingDays) {
    invalid(r, path, "时限须为 1–365 的整数（工作日）", "a time limit must be an integer number of working days, 1-365");
    return std::nullopt;
  }
  return v.get<int>();
}

// "working_days" and "working_days_by_variant" of a step or commitment.
WorkingDayLimit limit(FieldReader& r, const Json& node, const std::string& path,
                      const std::map<std::string, Bilingual>& variants) {
  WorkingDayLimit out;
  if (node.contains("working_days")) out.days = working_days(r, node["working_days"], pointer_join(path, "working_days"));
  const Json* by = r.object(node, "working_days_by_variant", path, false);
  if (!by) return out;
  const std::string bp = pointer_join(path, "working_days_by_variant");
  if (by->empty()) invalid(r, bp, "按情形的时限不能为空", "working_days_by_variant is empty");
  for (auto it = by->begin(); it != by->end(); ++it) {
    const std::string p = pointer_join(bp, it.key());
    if (!variants.count(it.key())) {
      invalid(r, p, "未声明的情形 " + it.key(), "undeclared variant " + it.key());
      continue;
    }
    if (auto d = working_days(r, *it, p)) out.by_variant.emplace(it.key(), *d);
  }
  return out;
}

std::map<std::string, Bilingual> variants(FieldReader& r, const Json& node, const std::string& path) {
  std::map<std::string, Bilingual> out;
  const Json* vs = r.object(node, "variants", path, false);
  if (!vs) return out;
  const std::string vp = pointer_join(path, "variants");
  if (vs->empty()) invalid(r, vp, "情形列表为空（不分情形时省略 variants）", "variants is empty (leave it out instead)");
  for (auto it = vs->begin(); it != vs->end(); ++it) {
    if (!plain_id(it.key())) {
      invalid(r, pointer_join(vp, it.key()), "情形编号只能含小写字母、数字、_", "a variant id must be lower-case letters, digits or _");
      continue;
    }
    if (auto name = r.bilingual(*vs, it.key(), vp, true)) out.emplace(it.key(), *name);
  }
  return out;
}

std::optional<ProcessStep> step(FieldReader& r, const Json& node, const std::string& path,
                                const std::map<std::string, Bilingual>& declared) {
  if (!node.is_object()) {
    invalid(r, path, "环节须为对象", "a step must be an object");
    return std::nullopt;
  }
  r.reject_unknown(node, path, {"id", "name", "party", "optional", "variants", "clock_from", "working_days",
                                "working_days_by_variant", "citation"});
  auto id = r.string(node, "id", path, true);
  auto name = r.bilingual(node, "name", path, true);
  auto party = r.string(node, "party", path, true);
  if (!id || !name || !party) return std::nullopt;
  ProcessStep s;
  s.id = *id;
  s.name = *name;
  if (!plain_id(s.id)) invalid(r, pointer_join(path, "id"), "环节编号只能含小写字母、数字、_", "a step id must be lower-case letters, digits or _");
  if (auto p = party_from_code(*party)) s.party = *p;
  else invalid(r, pointer_join(path, "party"), "未知办理方 " + *party, "unknown party " + *party + " (utility or customer)");
  s.optional = r.boolean(node, "optional", path, false).value_or(false);
  s.clock_from = r.string(node, "clock_from", path, false).value_or("");
  if (const Json* vs = r.array(node, "variants", path, false)) {
    const std::string vp = pointer_join(path, "variants");
    if (vs->empty()) invalid(r, vp, "情形列表为空（适用于全部情形时省略）", "variants is empty (leave it out for every variant)");
    for (size_t i = 0; i < vs->size(); ++i) {
      const Json& v = (*vs)[i];
      if (!v.is_string() || !declared.count(v.get<std::string>())) {
        invalid(r, pointer_join(vp, i), "未声明的情形", "not a declared variant of this business");
      } else if (std::find(s.variants.begin(), s.variants.end(), v.get<std::string>()) != s.variants.end()) {
        invalid(r, pointer_join(vp, i), "情形重复", "variant listed twice");
      } else {
        s.variants.push_back(v.get<std::string>());
      }
    }
  }
  s.limit = limit(r, node, path, declared);
  s.citation = citation(r, node, path, false);
  if (s.party == Party::Customer && s.limit.any())
    invalid(r, path, "客户办理的环节没有供电企业时限", "a customer step has no utility time limit");
  if (s.limit.any() && !node.contains("citation"))
    invalid(r, pointer_join(path, "citation"), "有时限的环节须注明出处", "a step with a time limit needs a citation");
  return s;
}

// Checks that need the whole list: acceptance first, ids unique, clocks
// that start from an earlier step present in every variant of this one.
void check_steps(FieldReader& r, const std::vector<ProcessStep>& steps, const std::string& path) {
  if (steps.empty()) return;
  const ProcessStep& first = steps.front();
  if (first.id != "acceptance" || first.party != Party::Utility || first.limit.any() || first.optional ||
      !first.variants.empty())
    invalid(r, pointer_join(path, size_t{0}), "第一个环节须为 acceptance（受理：供电企业办理，无时限，适用于全部情形）",
            "the first step must be acceptance (utility, no limit, not optional, in every variant)");
  std::set<std::string> seen;
  for (size_t i = 0; i < steps.size(); ++i) {
    const ProcessStep& s = steps[i];
    const std::string sp = pointer_join(path, i);
    if (!seen.insert(s.id).second) invalid(r, pointer_join(sp, "id"), "环节编号重复 " + s.id, "step id " + s.id + " repeats");
    if (s.clock_from.empty()) continue;
    const auto before = steps.begin() + static_cast<long>(i);
    const auto from = std::find_if(steps.begin(), before, [&](const ProcessStep& e) { return e.id == s.clock_from; });
    bool covers = false;
    if (from != before && !from->optional) {
      // A step in every variant can only count from a step in every variant.
      covers = from->variants.empty() ||
               (!s.variants.empty() && std::all_of(s.variants.begin(), s.variants.end(),
                                                   [&](const std::string& v) { return from->applies_to(v); }));
    }
    if (!covers)
      invalid(r, pointer_join(sp, "clock_from"), "clock_from 须为此前的必经环节且适用于本环节的全部情形",
              "clock_from must name an earlier, required step present in every variant of this step");
  }
}

std::optional<Commitment> commitment(FieldReader& r, const Json& node, const std::string& path,
                                     const std::vector<ProcessStep>& steps,
                                     const std::map<std::string, Bilingual>& declared) {
  const Json* c = r.object(node, "commitment", path, false);
  if (!c) return std::nullopt;
  const std::string p = pointer_join(path, "commitment");
  r.reject_unknown(*c, p, {"name", "to", "working_days", "working_days_by_variant", "citation"});
  auto name = r.bilingual(*c, "name", p, true);
  auto to = r.string(*c, "to", p, true);
  WorkingDayLimit lim = limit(r, *c, p, declared);
  auto cit = citation(r, *c, p, true);
  if (!name || !to || !cit) return std::nullopt;
  const auto end = std::find_if(steps.begin(), steps.end(), [&](const ProcessStep& s) { return s.id == *to; });
  if (end == steps.end() || end->optional || !end->variants.empty())
    invalid(r, pointer_join(p, "to"), "承诺终点须为适用于全部情形的必经环节", "to must name a required step present in every variant");
  if (!lim.any()) invalid(r, p, "承诺须给出 working_days 或 working_days_by_variant", "a commitment needs working_days or working_days_by_variant");
  return Commitment{*name, *to, lim, *cit};
}

std::optional<BusinessType> business(FieldReader& r, const Json& node, const std::string& id, const std::string& path) {
  if (!node.is_object()) {
    invalid(r, path, "业务须为对象", "a business must be an object");
    return std::nullopt;
  }
  r.reject_unknown(node, path, {"name", "category", "variants", "citation", "commitment", "steps"});
  BusinessType b;
  b.id = id;
  if (!plain_id(id)) invalid(r, path, "业务编号只能含小写字母、数字、_", "a business id must be lower-case letters, digits or _");
  auto name = r.bilingual(node, "name", path, true);
  auto category = r.string(node, "category", path, true);
  if (name) b.name = *name;
  if (category) {
    if (auto c = business_category_from_code(*category)) b.category = *c;
    else invalid(r, pointer_join(path, "category"), "未知业务类别 " + *category,
                 "unknown category " + *category + " (new_connection, change, temporary, new_energy, substitution)");
  }
  b.variants = variants(r, node, path);
  b.citation = citation(r, node, path, false);
  const Json* steps = r.array(node, "steps", path, true);
  if (!steps) return std::nullopt;
  const std::string sp = pointer_join(path, "steps");
  if (steps->empty()) invalid(r, sp, "业务至少需要一个环节", "a business needs at least one step");
  for (size_t i = 0; i < steps->size(); ++i) {
    if (auto s = step(r, (*steps)[i], pointer_join(sp, i), b.variants)) b.steps.push_back(std::move(*s));
  }
  if (b.steps.size() == steps->size()) check_steps(r, b.steps, sp);
  b.commitment = commitment(r, node, path, b.steps, b.variants);
  return b;
}

}  // namespace

void businesses(FieldReader& r, const Json& root, RulePack& pack) {
  const Json* node = r.object(root, "businesses", "", false);
  if (!node) return;
  for (auto it = node->begin(); it != node->end(); ++it) {
    if (auto b = business(r, *it, it.key(), pointer_join("/businesses", it.key())))
      pack.businesses.emplace(it.key(), std::move(*b));
  }
}

}  // namespace powerdesk::pack_reader
