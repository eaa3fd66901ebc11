// GB/T 2260 administrative division codes (县以上行政区划代码) as rule-pack
// data: the national pack's `divisions` section, written by
// rules/tools/gen-divisions.mjs. It holds the current codes and the abolished
// codes that resident ID numbers still carry (an ID keeps the code of the place
// that first issued it: 110103 崇文区 and 110104 宣武区 were abolished in 2010
// but are valid in IDs). See docs/identity.md.
//
// A code is six digits: province (2), prefecture (2), county (2). Its level
// follows from its zeros: 330000 province, 330100 prefecture, 330106 county.
// Immutable once built; lookups are binary searches over one sorted vector,
// the names live in one string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "powerdesk/identity.hpp"
#include "powerdesk/text.hpp"

namespace powerdesk {

enum class DivisionLevel { Province, Prefecture, County };

// True for six ASCII digits.
bool is_division_code(std::string_view text);
// By the code's zeros: xx0000 province, xxyy00 prefecture, else county.
// `code6` must satisfy is_division_code.
DivisionLevel division_level(std::string_view code6);

struct Division {
  std::string_view code;  // six digits
  std::string_view name;  // the division's own name: 浙江省, 杭州市, 西湖区, 崇文区
  bool current = true;    // false: abolished, still valid in old ID numbers
  DivisionLevel level = DivisionLevel::County;
  // A prefecture-level code that groups counties but names no place:
  // 市辖区 and 县 of the municipalities, 省直辖县级行政区划 (e.g. 429000).
  bool grouping = false;
};

// One row as the pack gives it (the loader checks the rows before building).
struct DivisionRow {
  std::string code;
  std::string name;
  bool current = true;
};

// What parse_place recognised at the start of an address. A level the text
// does not name but that follows from a lower one is filled in (杭州市西湖区 →
// province 浙江省); `prefecture` stays empty for the counties of the
// municipalities and for counties directly under a province (仙桃市).
struct PlacePrefix {
  std::optional<Division> province;
  std::optional<Division> prefecture;
  std::optional<Division> county;
  size_t consumed =
      0;  // bytes of the text taken by the recognised names and the spaces between them
  bool found() const { return province.has_value(); }
};

class Divisions {
 public:
  Divisions() = default;
  // `rows` as the loader accepted them: six-digit codes, each once, non-empty
  // names. Sorted here.
  Divisions(std::vector<DivisionRow> rows, Citation citation);

  // A current or abolished code (what an ID number's first six digits may be).
  bool known(std::string_view code6) const;
  std::optional<Division> find(std::string_view code6) const;
  // The province (xx0000) and prefecture (xxyy00) a code belongs to, when
  // listed; prefecture_of is empty for a province code.
  std::optional<Division> province_of(std::string_view code6) const;
  std::optional<Division> prefecture_of(std::string_view code6) const;
  // The current divisions directly under a province or prefecture code (for a
  // municipality's province: its groupings 市辖区/县 are skipped and their
  // counties listed), in code order.
  std::vector<Division> children(std::string_view code6) const;

  // Recognises the province, prefecture and county names an address starts
  // with. `text` must be normalised (NFKC, single spaces). Accepted:
  //   - full names of current divisions: 浙江省杭州市西湖区, 北京市朝阳区,
  //     内蒙古自治区, 广西壮族自治区, 延边朝鲜族自治州, 锡林郭勒盟, 鄂温克族自治旗;
  //   - customary short forms of provinces and prefectures (浙江, 杭州,
  //     广西, 内蒙古, 延边, 锡林郭勒), but only where the text confirms them:
  //     a short province must be followed by one of its prefectures or
  //     counties (浙江杭州…, 北京朝阳区…), a short prefecture by one of its
  //     counties or after its province (杭州西湖区…, 浙江杭州…), so that
  //     street names such as 北京路, 南京西路 and 中山五路 are not taken for places;
  //   - missing levels: 杭州市西湖区… (no province), 浙江省西湖区… (no
  //     prefecture: a county name unique in the province), 西湖区… alone
  //     (a county name of at least three characters, unique within the
  //     province `region_division` names, else unique in the country);
  //   - one space between the names.
  // County names are only recognised in full (西湖 is also 西湖大道 in 杭州).
  // Abolished names are not recognised (addresses use current names).
  PlacePrefix parse_place(std::string_view text, std::string_view region_division = {}) const;

  // known() as the identity validators take it. Refers to *this: keep the
  // Divisions (e.g. its pack) alive while the predicate is used.
  DivisionCodePredicate predicate() const;

  size_t size() const { return entries_.size(); }
  size_t current_count() const { return current_count_; }
  size_t abolished_count() const { return entries_.size() - current_count_; }
  const Citation& citation() const { return citation_; }

 private:
  struct Entry {
    char code[6];
    bool current;
    bool grouping;
    uint32_t name_at;     // in names_
    uint16_t name_size;   // bytes
    uint16_t short_size;  // bytes of the customary short form (same start), 0 for none
  };
  const Entry* entry(std::string_view code6) const;
  Division view(const Entry& e) const;
  std::string_view name_of(const Entry& e) const;
  std::string_view short_of(const Entry& e) const;
  // The entries whose code starts with `prefix`, in code order.
  std::pair<const Entry*, const Entry*> range(std::string_view prefix) const;

  friend struct DivisionMatcher;  // divisions_parse.cpp

  std::vector<Entry> entries_;  // sorted by code
  std::string names_;
  size_t current_count_ = 0;
  Citation citation_;
};

// The customary short form of a province or prefecture name, or "" when it
// has none: 浙江省 → 浙江, 广西壮族自治区 → 广西, 新疆维吾尔自治区 → 新疆,
// 内蒙古自治区 → 内蒙古, 北京市 → 北京, 杭州市 → 杭州, 大兴安岭地区 → 大兴安岭,
// 锡林郭勒盟 → 锡林郭勒, 延边朝鲜族自治州 → 延边, 伊犁哈萨克自治州 → 伊犁.
// Counties have none (see parse_place). A short form keeps at least two
// characters.
std::string division_short_name(std::string_view name, DivisionLevel level);

}  // namespace powerdesk
