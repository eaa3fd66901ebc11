// Reads the "star_services" section of a pack: the numbered value-added
// services (增值服务) star tiers are owed. Numbers must run 1..N exactly,
// because tables name services by number and ranges like "2–16" rely on it.
#include <algorithm>

#include "pack_reader.hpp"

namespace powerdesk::pack_reader {

void star_services(FieldReader& r, const Json& root, RulePack& pack) {
  const Json* list = r.array(root, "star_services", "", false);
  if (!list) return;
  const std::string p = "/star_services";
  constexpr int64_t kMaxServices = 99;
  std::vector<StarService> out;
  std::vector<std::string> at(kMaxServices + 1);  // number → pointer of the item
  for (size_t i = 0; i < list->size(); ++i) {
    const Json& item = (*list)[i];
    const std::string ip = pointer_join(p, i);
    if (!item.is_object()) {
      invalid(r, ip, "服务项须为对象", "a service must be an object");
      continue;
    }
    r.reject_unknown(item, ip, {"number", "name", "description", "citation"});
    auto number = r.integer(item, "number", ip, true, 1, kMaxServices);
    auto name = r.bilingual(item, "name", ip, true);
    auto description = r.bilingual(item, "description", ip, true);
    auto cit = citation(r, item, ip, true);
    if (!number) continue;
    std::string& first = at[static_cast<size_t>(*number)];
    if (!first.empty()) {
      invalid(r, pointer_join(ip, "number"), "服务编号 " + std::to_string(*number) + " 与 " + first + " 重复",
              "service number " + std::to_string(*number) + " repeats " + first);
      continue;
    }
    first = ip;
    for (auto [text, key] : {std::pair{&name, "name"}, std::pair{&description, "description"}}) {
      if (*text && ((*text)->zh.empty() || (*text)->en.empty()))
        invalid(r, pointer_join(ip, key), "须有中英文文本", "needs text in both languages");
    }
    if (name && description && cit) out.push_back({static_cast<int>(*number), *name, *description, *cit});
  }
  // Every number 1..N, N the largest given: a gap is a lost service.
  size_t last = at.size();
  while (last > 1 && at[last - 1].empty()) --last;
  for (size_t n = 1; n < last; ++n) {
    if (at[n].empty()) {
      invalid(r, p, "缺少服务编号 " + std::to_string(n) + "（编号须为 1.." + std::to_string(last - 1) + "）",
              "service number " + std::to_string(n) + " is missing (numbers must be 1.." +
                  std::to_string(last - 1) + ")");
    }
  }
  std::sort(out.begin(), out.end(), [](const StarService& a, const StarService& b) { return a.number < b.number; });
  pack.star_services = std::move(out);
}

}  // namespace powerdesk::pack_reader
