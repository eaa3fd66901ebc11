// Customary short forms of province and prefecture names (浙江 for 浙江省,
// 延边 for 延边朝鲜族自治州), derived from the full names by rule rather than
// shipped in the pack: the rule is short, the same for every name, and keeps
// the pack small.
#include <string>
#include <string_view>

#include "powerdesk/divisions.hpp"

namespace powerdesk {
namespace {

// The 55 minority nationalities, as they appear in the names of autonomous
// areas (延边朝鲜族自治州, 伊犁哈萨克自治州: some names drop the 族).
constexpr std::string_view kNationalities[] = {
    "蒙古",   "回",       "藏",     "维吾尔",   "苗",   "彝",     "壮",   "布依",
    "朝鲜",   "满",       "侗",     "瑶",       "白",   "土家",   "哈尼", "哈萨克",
    "傣",     "黎",       "傈僳",   "佤",       "畲",   "高山",   "拉祜", "水",
    "东乡",   "纳西",     "景颇",   "柯尔克孜", "土",   "达斡尔", "仫佬", "羌",
    "布朗",   "撒拉",     "毛南",   "仡佬",     "锡伯", "阿昌",   "普米", "塔吉克",
    "怒",     "乌孜别克", "俄罗斯", "鄂温克",   "德昂", "保安",   "裕固", "京",
    "塔塔尔", "独龙",     "鄂伦春", "赫哲",     "门巴", "珞巴",   "基诺",
};

size_t characters(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool strip_suffix(std::string_view& s, std::string_view suffix) {
  if (s.size() <= suffix.size() || s.substr(s.size() - suffix.size()) != suffix) return false;
  s.remove_suffix(suffix.size());
  return true;
}

// 延边朝鲜族 → 延边, 红河哈尼族彝族 → 红河, 博尔塔拉蒙古 → 博尔塔拉. A
// one-character nationality only with 族 (白, 水, 土 end ordinary names);
// at least two characters stay (内蒙古 is not 内 + 蒙古).
std::string_view without_nationalities(std::string_view s) {
  for (bool again = true; again;) {
    again = false;
    for (std::string_view n : kNationalities) {
      std::string_view t = s;
      const bool with_zu = strip_suffix(t, "族") && strip_suffix(t, n);
      if (!with_zu) {
        t = s;
        if (characters(n) < 2 || !strip_suffix(t, n)) continue;
      }
      if (characters(t) < 2) continue;
      s = t;
      again = true;
      break;
    }
  }
  return s;
}

}  // namespace

std::string division_short_name(std::string_view name, DivisionLevel level) {
  std::string_view s = name;
  bool stripped = false;
  if (level == DivisionLevel::Province) {
    for (std::string_view suffix : {"特别行政区", "自治区", "省", "市"}) {
      if (strip_suffix(s, suffix)) {
        stripped = true;
        break;
      }
    }
    if (stripped) s = without_nationalities(s);
  } else if (level == DivisionLevel::Prefecture) {
    if (strip_suffix(s, "自治州")) {
      stripped = true;
      s = without_nationalities(s);
    } else {
      for (std::string_view suffix : {"地区", "盟", "市"}) {
        if (strip_suffix(s, suffix)) {
          stripped = true;
          break;
        }
      }
    }
  }
  if (!stripped || characters(s) < 2) return {};
  return std::string(s);
}

}  // namespace powerdesk
