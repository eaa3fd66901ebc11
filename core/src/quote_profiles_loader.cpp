// Loads "load_profiles": typical load shapes by customer type.
//
//   "load_profiles": {"residential": {"label": {…}, "citation": {…},
//     "hourly": [24 non-negative integers], "monthly": [12 non-negative integers]}, …}
//
// Weights are integers so a profile splits kWh exactly (allocation.hpp); only
// their ratios matter. Each list needs a positive sum.
#include <string>

#include "pack_reader.hpp"
#include "quote_pack_sections.hpp"

namespace powerdesk::pack_reader {
namespace {

constexpr int64_t kMaxWeight = 1'000'000;

template <size_t N>
bool weights(FieldReader& r, const Json& node, std::string_view key, const std::string& path,
             std::array<int64_t, N>& out) {
  const Json* a = r.array(node, key, path, true);
  if (!a) return false;
  const std::string p = pointer_join(path, key);
  if (a->size() != N) {
    invalid(r, p, "须有 " + std::to_string(N) + " 个权重", "needs " + std::to_string(N) + " weights");
    return false;
  }
  int64_t sum = 0;
  for (size_t i = 0; i < N; ++i) {
    const Json& w = (*a)[i];
    if (!w.is_number_integer() || w.get<int64_t>() < 0 || w.get<int64_t>() > kMaxWeight) {
      invalid(r, pointer_join(p, i), "权重须为 0–1000000 的整数", "a weight is an integer 0-1000000");
      return false;
    }
    out[i] = w.get<int64_t>();
    sum += out[i];
  }
  if (sum == 0) invalid(r, p, "权重之和须大于零", "the weights must not all be zero");
  return sum > 0;
}

}  // namespace

void load_profiles(FieldReader& r, const Json& root, RulePack& pack) {
  const Json* node = r.object(root, "load_profiles", "", false);
  if (!node) return;
  for (auto it = node->begin(); it != node->end(); ++it) {
    const std::string p = pointer_join("/load_profiles", it.key());
    if (!it->is_object()) {
      invalid(r, p, "负荷曲线须为对象", "a load profile must be an object");
      continue;
    }
    r.reject_unknown(*it, p, {"label", "hourly", "monthly", "citation"});
    LoadProfile lp;
    lp.code = it.key();
    auto label = r.bilingual(*it, "label", p, true);
    auto cite = citation(r, *it, p, true);
    const bool hourly = weights(r, *it, "hourly", p, lp.hourly);
    const bool monthly = weights(r, *it, "monthly", p, lp.monthly);
    if (!label || !cite || !hourly || !monthly) continue;
    lp.label = *label;
    lp.citation = *cite;
    pack.load_profiles.emplace(lp.code, std::move(lp));
  }
}

}  // namespace powerdesk::pack_reader
