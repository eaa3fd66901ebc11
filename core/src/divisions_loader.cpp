// Loads the national pack's "divisions" section (the GB/T 2260 code list,
// written by rules/tools/gen-divisions.mjs) and a regional pack's "division"
// (its province-level code). A malformed row refuses the pack with its JSON
// pointer, like every other section.
//
//   "divisions": {"citation": {…},
//                 "current":   [["110000", "北京市"], ["110100", "市辖区"], …],
//                 "abolished": [["110103", "崇文区"], …]}
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "identity_pack_sections.hpp"
#include "pack_reader.hpp"
#include "powerdesk/divisions.hpp"

namespace powerdesk::pack_reader {
namespace {

constexpr size_t kMaxNameCharacters = 20;  // the longest real name has 11 (自治区直辖县级行政区划)

// Non-empty well-formed UTF-8 of at most kMaxNameCharacters characters, with
// no white space or control characters.
bool plain_name(const std::string& name) {
  const auto* s = reinterpret_cast<const uint8_t*>(name.data());
  const auto length = static_cast<int32_t>(name.size());
  size_t n = 0;
  for (int32_t i = 0; i < length; ++n) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c <= 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0x3000 || c == 0xFFFD) return false;
  }
  return n >= 1 && n <= kMaxNameCharacters;
}

// Shown in messages: pack text, but possibly long.
std::string shown(const std::string& s) { return s.size() <= 24 ? s : s.substr(0, 24) + "…"; }

struct Listed {
  DivisionRow row;
  std::string_view list;  // "current" or "abolished"
  size_t index = 0;       // in that list

  // JSON pointer of the row's code (built only for a message).
  std::string code_pointer() const {
    return pointer_join(pointer_join(pointer_join("/divisions", list), index), 0);
  }
};

// Reads "current" or "abolished": [code, name] rows in ascending code order.
std::vector<Listed> rows(FieldReader& r, const Json& node, std::string_view key, bool current) {
  std::vector<Listed> out;
  const Json* list = r.array(node, key, "/divisions", true);
  if (list == nullptr) return out;
  const std::string p = pointer_join("/divisions", key);
  std::string_view previous;  // into the JSON document
  for (size_t i = 0; i < list->size(); ++i) {
    auto at = [&p, i] { return pointer_join(p, i); };  // built only for a message
    const Json& row = (*list)[i];
    if (!row.is_array() || row.size() != 2 || !row[0].is_string() || !row[1].is_string()) {
      invalid(r, at(), "行政区划须为 [代码, 名称] 两个字符串",
              "a division must be [code, name], two strings");
      continue;
    }
    const std::string& code = row[0].get_ref<const std::string&>();
    const std::string& name = row[1].get_ref<const std::string&>();
    if (!is_division_code(code) || !is_province_code(code.substr(0, 2))) {
      invalid(r, pointer_join(at(), 0), "行政区划代码须为以省级代码开头的 6 位数字：" + shown(code),
              "a division code is 6 digits starting with a province code: " + shown(code));
      continue;
    }
    if (!previous.empty() && code <= previous) {
      invalid(r, pointer_join(at(), 0), "行政区划代码须按升序排列、不得重复：" + code,
              "division codes must be in ascending order without repeats: " + code);
    }
    previous = code;
    if (!plain_name(name)) {
      invalid(r, pointer_join(at(), 1),
              "行政区划名称须为 1–" + std::to_string(kMaxNameCharacters) +
                  " 个字符，不含空白或控制字符",
              "a division name has 1-" + std::to_string(kMaxNameCharacters) +
                  " characters, no white space or control characters");
      continue;
    }
    out.push_back({DivisionRow{code, name, current}, key, i});
  }
  return out;
}

// `list` is in ascending code order (checked before).
bool listed(const std::vector<Listed>& list, std::string_view code) {
  auto it = std::lower_bound(list.begin(), list.end(), code,
                             [](const Listed& l, std::string_view c) { return l.row.code < c; });
  return it != list.end() && it->row.code == code;
}

// The code of the province (2 digits kept) or prefecture (4) above `code`.
struct ParentCode {
  char digits[6];
  ParentCode(const std::string& code, size_t kept) {
    for (size_t i = 0; i < 6; ++i) digits[i] = i < kept ? code[i] : '0';
  }
  std::string_view view() const { return std::string_view(digits, 6); }
  std::string str() const { return std::string(digits, 6); }
};

// Every current division's province (and a county's prefecture) is current;
// an abolished code is not also current and its province is listed.
void check_hierarchy(FieldReader& r, const std::vector<Listed>& current,
                     const std::vector<Listed>& abolished) {
  for (const Listed& l : current) {
    const std::string& code = l.row.code;
    const DivisionLevel level = division_level(code);
    if (level == DivisionLevel::Province) continue;
    const ParentCode province(code, 2);
    const ParentCode prefecture(code, 4);
    if (!listed(current, province.view())) {
      invalid(r, l.code_pointer(),
              "现行代码 " + code + " 的省级代码 " + province.str() + " 不在现行代码中",
              "the province " + province.str() + " of current code " + code + " is not current");
    } else if (level == DivisionLevel::County && !listed(current, prefecture.view())) {
      invalid(
          r, l.code_pointer(),
          "现行代码 " + code + " 的地级代码 " + prefecture.str() + " 不在现行代码中",
          "the prefecture " + prefecture.str() + " of current code " + code + " is not current");
    }
  }
  for (const Listed& l : abolished) {
    const std::string& code = l.row.code;
    const ParentCode province(code, 2);
    if (listed(current, code)) {
      invalid(r, l.code_pointer(), "已撤销代码 " + code + " 也在现行代码中",
              "abolished code " + code + " is also current");
    } else if (!listed(current, province.view()) && !listed(abolished, province.view())) {
      invalid(r, l.code_pointer(),
              "已撤销代码 " + code + " 的省级代码 " + province.str() + " 未列出",
              "the province " + province.str() + " of abolished code " + code + " is not listed");
    }
  }
}

}  // namespace

void divisions(FieldReader& r, const Json& root, RulePack& pack) {
  const Json* node = r.object(root, "divisions", "", false);
  if (node == nullptr) return;
  const std::string p = "/divisions";
  if (pack.region != "national") {
    invalid(r, p, "行政区划代码表只属于全国规则包",
            "the division code list belongs in the national pack");
    return;
  }
  const size_t issues_before = r.issues().size();
  r.reject_unknown(*node, p, {"citation", "current", "abolished"});
  auto cit = citation(r, *node, p, true);
  std::vector<Listed> current = rows(r, *node, "current", true);
  std::vector<Listed> abolished = rows(r, *node, "abolished", false);
  if (r.issues().size() != issues_before) return;
  if (current.empty()) {
    invalid(r, pointer_join(p, "current"), "现行行政区划代码表为空",
            "the list of current divisions is empty");
    return;
  }
  check_hierarchy(r, current, abolished);
  if (r.issues().size() != issues_before || !cit) return;
  // Both lists are in code order: merging them hands Divisions sorted rows.
  std::vector<DivisionRow> all;
  all.reserve(current.size() + abolished.size());
  auto a = current.begin(), b = abolished.begin();
  while (a != current.end() || b != abolished.end()) {
    const bool take_current =
        b == abolished.end() || (a != current.end() && a->row.code < b->row.code);
    all.push_back(std::move(take_current ? (a++)->row : (b++)->row));
  }
  pack.divisions = std::make_shared<const Divisions>(std::move(all), std::move(*cit));
}

void division(FieldReader& r, const Json& root, RulePack& pack) {
  auto code = r.string(root, "division", "", false);
  if (!code) return;
  if (pack.region == "national") {
    invalid(r, "/division", "全国规则包没有所属省份（division）",
            "the national pack has no division");
    return;
  }
  if (!is_division_code(*code) || !is_province_code(code->substr(0, 2)) ||
      code->substr(2) != "0000") {
    invalid(r, "/division", "division 须为省级行政区划代码（如 330000）：" + shown(*code),
            "division must be a province-level GB/T 2260 code such as 330000: " + shown(*code));
    return;
  }
  pack.division = *code;
}

}  // namespace powerdesk::pack_reader
