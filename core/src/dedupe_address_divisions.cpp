// The province / city / district segments at the start of an address
// ("浙江省杭州市西湖区…"), split off so that an address written with them and
// one written without them compare equal.
//
// Generic and standalone on purpose: a segment is Han text ending in a
// division suffix (省 自治区 特别行政区 / 市 自治州 地区 盟 / 区 县 自治县 旗
// 自治旗), levels never going back up, plus the 34 provincial short names at
// the very start ("浙江杭州市…"). Guards keep the usual false friends out: a
// suffix followed by a road or village word (红旗路, 园区路, 红旗村), 市场,
// 小区 / 社区 / 园区 / 校区 / 厂区 … and 一区 / 二区 (compound phases). A
// gazetteer (GB/T 2260) can be plugged in through AdminPrefixMatcher; it is
// asked first at each step.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dedupe_internal.hpp"

namespace powerdesk::dedupe::detail {
namespace {

struct Suffix {
  std::u32string_view text;
  AdminLevel level;
  size_t max_name;  // code points before the suffix
  size_t min_name;
};

// Longer suffixes first: 自治区 before 区.
constexpr Suffix kSuffixes[] = {
    {U"特别行政区", AdminLevel::Province, 4, 2}, {U"自治区", AdminLevel::Province, 8, 2},
    {U"省", AdminLevel::Province, 4, 2},         {U"自治州", AdminLevel::City, 12, 2},
    {U"地区", AdminLevel::City, 6, 2},           {U"盟", AdminLevel::City, 6, 2},
    {U"市", AdminLevel::City, 8, 2},             {U"自治县", AdminLevel::District, 12, 2},
    {U"自治旗", AdminLevel::District, 12, 2},    {U"区", AdminLevel::District, 8, 1},
    {U"县", AdminLevel::District, 8, 1},         {U"旗", AdminLevel::District, 8, 1},
};

constexpr std::u32string_view kProvinces[] = {
    U"北京", U"天津", U"上海", U"重庆", U"河北", U"山西", U"辽宁", U"吉林", U"黑龙江",
    U"江苏", U"浙江", U"安徽", U"福建", U"江西", U"山东", U"河南", U"湖北", U"湖南",
    U"广东", U"海南", U"四川", U"贵州", U"云南", U"陕西", U"甘肃", U"青海", U"台湾",
    U"内蒙古", U"广西", U"西藏", U"宁夏", U"新疆", U"香港", U"澳门",
};

bool is_one_of(char32_t c, std::u32string_view set) { return set.find(c) != std::u32string_view::npos; }

// After a suffix: not a road, a village or a market (红旗路, 红旗村, 市场).
bool suffix_may_end_here(std::u32string_view rest_after) {
  if (rest_after.empty()) return true;
  return !is_one_of(rest_after[0], U"路街道巷弄村场");
}

// Before 区: words that make a compound, a campus or a park, not a district.
bool district_word(std::u32string_view name) {
  const char32_t last = name.back();
  return !is_one_of(last, U"小社园校景厂街营矿片辖宿住业苑一二三四五六七八九十0123456789");
}

bool all_han(std::u32string_view s) {
  for (char32_t c : s)
    if (!is_han(c)) return false;
  return !s.empty();
}

// One generic segment at the start of `rest`, or 0.
size_t generic_segment(std::u32string_view rest, AdminLevel& level, std::u32string& name) {
  const size_t limit = std::min<size_t>(rest.size(), 13);
  for (size_t end = 1; end < limit; ++end) {
    if (!is_han(rest[end - 1])) return 0;  // division names are Han text
    const std::u32string_view candidate = rest.substr(0, end);
    for (const Suffix& s : kSuffixes) {
      if (end < s.min_name || end > s.max_name) continue;
      if (rest.substr(end, s.text.size()) != s.text) continue;
      if (!suffix_may_end_here(rest.substr(end + s.text.size()))) continue;
      if (s.text == U"区" && !district_word(candidate)) continue;
      if (!all_han(candidate)) continue;
      level = s.level;
      name = candidate;
      return end + s.text.size();
    }
  }
  return 0;
}

// A provincial short name at the very start, not part of a road name
// (山西路, 北京西路).
size_t province_short_name(std::u32string_view rest, std::u32string& name) {
  for (std::u32string_view p : kProvinces) {
    if (rest.substr(0, p.size()) != p) continue;
    const std::u32string_view after = rest.substr(p.size());
    if (after.empty() || is_one_of(after[0], U"路街道巷大")) return 0;
    for (const Suffix& s : kSuffixes)  // "浙江省", "内蒙古自治区": the generic rule takes it whole
      if (after.substr(0, s.text.size()) == s.text) return 0;
    if (after.size() >= 2 && is_one_of(after[0], U"东西南北中") && is_one_of(after[1], U"路街道巷大"))
      return 0;
    name = p;
    return p.size();
  }
  return 0;
}

}  // namespace

size_t strip_divisions(std::u32string_view text, const AdminPrefixMatcher& gazetteer,
                       std::vector<AddressKey::Division>& out) {
  size_t pos = 0;
  int last_level = -1;
  int cities = 0;
  for (int step = 0; step < 5 && pos < text.size(); ++step) {
    const std::u32string_view rest = text.substr(pos);
    AdminLevel level = AdminLevel::District;
    std::u32string name;
    size_t used = 0;
    if (gazetteer) {
      const std::string utf8 = to_utf8(rest);
      if (const std::optional<AdminPrefix> m = gazetteer(utf8); m && m->length > 0 && m->length <= utf8.size()) {
        used = to_u32(std::string_view(utf8).substr(0, m->length)).size();
        level = m->level;
        name = to_u32(m->name);
      }
    }
    if (used == 0 && pos == 0) {  // "浙江杭州市…", "北京朝阳区…"
      used = province_short_name(rest, name);
      level = AdminLevel::Province;
    }
    if (used == 0) used = generic_segment(rest, level, name);
    if (used == 0 || used >= rest.size()) break;  // a division alone is not an address body
    const int l = static_cast<int>(level);
    if (l < last_level || (l == last_level && (level != AdminLevel::City || cities >= 2))) break;
    if (level == AdminLevel::City) ++cities;
    last_level = l;
    out.push_back({level, std::move(name), std::u32string(rest.substr(0, used))});
    pos += used;
    if (level == AdminLevel::District) break;
  }
  return pos;
}

}  // namespace powerdesk::dedupe::detail
