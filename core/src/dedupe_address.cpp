// Addresses as a canonical tuple (road, number, building, unit, floor, room,
// other text), so that the orders, markers and numerals channels write differ
// in do not matter: "1栋2单元301室" = "2单元1栋301室" = "一幢二单元301" = "1-2-301".
//
// A number (Arabic, or Chinese numerals directly before a marker, so 文三路
// stays a name) is read with the marker after it; markers may come in any
// order. 号 is the house number after a road, then a building (478号3号301室),
// then a room (1栋2单元301号). A bare number after a road is its house number,
// after a building or unit the room. Text ending in a road suffix (路 街 大道
// 道 巷 胡同) directly before a number is the road, cut after the last 街道 / 镇
// / 乡 / 村 / 区 / 县 / 市 inside it; other text is `place`.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dedupe_internal.hpp"

namespace powerdesk::dedupe {
namespace detail {
namespace {

enum class Marker { Building, Unit, Floor, FloorOrBuilding, Room, Hao, Lane, Group };

struct MarkerText {
  std::u32string_view text;
  Marker marker;
};

// 号楼 before 号.
constexpr MarkerText kMarkers[] = {
    {U"号楼", Marker::Building}, {U"单元", Marker::Unit}, {U"号", Marker::Hao},
    {U"栋", Marker::Building},   {U"幢", Marker::Building}, {U"座", Marker::Building},
    {U"楼", Marker::FloorOrBuilding}, {U"层", Marker::Floor}, {U"室", Marker::Room},
    {U"房", Marker::Room},       {U"户", Marker::Room},     {U"弄", Marker::Lane},
    {U"组", Marker::Group},      {U"队", Marker::Group},  // 村民小组: part of the place
};

constexpr std::u32string_view kCnDigits = U"零〇一二两三四五六七八九";
constexpr int kCnDigitValues[] = {0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9};

bool is_ascii_alnum(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'); }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_cn_numeral(char32_t c) {
  return kCnDigits.find(c) != std::u32string_view::npos || c == U'十' || c == U'百' || c == U'千';
}

bool ends_with(std::u32string_view s, std::u32string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

bool ends_with_road_suffix(std::u32string_view s) {
  if (ends_with(s, U"街道")) return false;  // a sub-district, not a street
  for (std::u32string_view r : {std::u32string_view(U"路"), std::u32string_view(U"街"),
                                std::u32string_view(U"道"), std::u32string_view(U"巷"),
                                std::u32string_view(U"胡同")})
    if (ends_with(s, r)) return s.size() > r.size();
  return false;
}

std::optional<MarkerText> marker_at(std::u32string_view s, size_t i) {
  for (const MarkerText& m : kMarkers)
    if (s.substr(i, m.text.size()) == m.text) return m;
  return std::nullopt;
}

// 三 → "3", 一〇一 → "101" (digit by digit), 二十三 → "23", 三百零一 → "301".
std::string chinese_numeral(std::u32string_view s) {
  const bool positional = s.find_first_of(U"十百千") != std::u32string_view::npos;
  std::string digits;
  long total = 0, current = 0;
  bool any = false;
  for (char32_t c : s) {
    const size_t d = kCnDigits.find(c);
    if (d != std::u32string_view::npos) {
      current = kCnDigitValues[d];
      digits.push_back(static_cast<char>('0' + kCnDigitValues[d]));
      any = true;
      continue;
    }
    const long unit = c == U'十' ? 10 : c == U'百' ? 100 : 1000;
    total += (current == 0 && !any ? 1 : current) * unit;  // 十二: a leading 十 is 10
    current = 0;
    any = true;
  }
  if (!positional) {
    const size_t first = std::min(digits.find_first_not_of('0'), digits.size() - 1);
    return digits.substr(first);  // 〇一 → 1
  }
  return std::to_string(total + current);
}

// "0301" → "301"; letters stay ("a", "12a").
std::string canonical_number(std::u32string_view s) {
  std::string out = to_utf8(s);
  size_t zeros = 0;
  while (zeros + 1 < out.size() && out[zeros] == '0' && is_digit(static_cast<unsigned char>(out[zeros + 1])))
    ++zeros;
  return out.substr(zeros);
}

// Before a component: "第3栋" / "第三栋".
void drop_ordinal_prefix(std::u32string& text) {
  if (!text.empty() && text.back() == U'第') text.pop_back();
}

// Where a road name starts inside text ending in a road suffix: after the last
// sub-district or village word, if at least three code points remain.
size_t road_start(std::u32string_view text) {
  size_t best = 0;
  for (std::u32string_view w : {std::u32string_view(U"街道"), std::u32string_view(U"镇"),
                                std::u32string_view(U"乡"), std::u32string_view(U"村"),
                                std::u32string_view(U"区"), std::u32string_view(U"县"),
                                std::u32string_view(U"市")}) {
    const size_t at = text.rfind(w);
    if (at == std::u32string_view::npos) continue;
    const size_t after = at + w.size();
    if (text.size() - after >= 3 && after > best) best = after;
  }
  return best;
}

class TupleParser {
 public:
  explicit TupleParser(AddressKey& out) : out_(out) {}

  void run(std::u32string_view s) {
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
      const char32_t c = s[i];
      if (is_ascii_alnum(c)) {
        i = ascii_run(s, i);
      } else if (is_cn_numeral(c)) {
        size_t j = i;
        while (j < n && is_cn_numeral(s[j])) ++j;
        const std::optional<MarkerText> m = marker_at(s, j);
        if (m) {
          drop_ordinal_prefix(text_);
          flush_text();
          assign(m->marker, chinese_numeral(s.substr(i, j - i)));
          i = j + m->text.size();
        } else {
          text_.append(s.substr(i, j - i));  // a name: 文三路, 五一路, 三里屯
          i = j;
        }
      } else {
        if (c != '-') text_.push_back(c);
        ++i;
      }
    }
    flush_text();
  }

 private:
  // An Arabic/letter run from i, with its marker or dash group; returns the
  // position after it.
  size_t ascii_run(std::u32string_view s, size_t i) {
    const size_t n = s.size();
    size_t j = i;
    while (j < n && is_ascii_alnum(s[j])) ++j;
    const std::u32string_view run = s.substr(i, j - i);
    const bool has_digit = std::any_of(run.begin(), run.end(), is_digit);
    if (has_digit && j + 1 < n && s[j] == '-' && is_ascii_alnum(s[j + 1])) {
      std::vector<std::string> parts{canonical_number(run)};
      size_t k = j;
      while (k + 1 < n && s[k] == '-' && is_ascii_alnum(s[k + 1])) {
        size_t m = k + 1;
        while (m < n && is_ascii_alnum(s[m])) ++m;
        parts.push_back(canonical_number(s.substr(k + 1, m - k - 1)));
        k = m;
      }
      const std::optional<MarkerText> m = marker_at(s, k);
      drop_ordinal_prefix(text_);
      flush_text();
      assign_dash_group(parts, m ? std::optional<Marker>(m->marker) : std::nullopt);
      return m ? k + m->text.size() : k;
    }
    const std::optional<MarkerText> m = marker_at(s, j);
    if (m && (has_digit || run.size() <= 2)) {  // "3栋", "A座"
      drop_ordinal_prefix(text_);
      flush_text();
      assign(m->marker, canonical_number(run));
      return j + m->text.size();
    }
    if (has_digit) {
      flush_text();
      assign_bare(canonical_number(run));
      return j;
    }
    text_.append(run);  // letters in a name: "soho"
    return j;
  }

  void flush_text() {
    road_pending_ = false;
    if (text_.empty()) return;
    if (out_.road.empty() && ends_with_road_suffix(text_)) {
      const size_t start = road_start(text_);
      out_.place += text_.substr(0, start);
      out_.road = text_.substr(start);
      road_pending_ = true;
    } else {
      out_.place += text_;
    }
    text_.clear();
  }

  // Sets a component once; a repeated one is kept as text.
  void set(std::string& field, const std::string& value, std::u32string_view marker) {
    if (field.empty()) {
      field = value;
    } else {
      out_.place += to_u32(value);
      out_.place += marker;
    }
  }

  bool nothing_below_number() const {
    return out_.building.empty() && out_.unit.empty() && out_.room.empty();
  }

  void assign(Marker marker, const std::string& v) {
    switch (marker) {
      case Marker::Building: set(out_.building, v, U"栋"); break;
      case Marker::Unit: set(out_.unit, v, U"单元"); break;
      case Marker::Floor: set(out_.floor, v, U"层"); break;
      case Marker::FloorOrBuilding:
        // "1栋3楼", "478号3楼": a floor; "3楼2单元", "A楼": a building.
        if (out_.building.empty() && out_.number.empty()) set(out_.building, v, U"楼");
        else set(out_.floor, v, U"楼");
        break;
      case Marker::Room: set(out_.room, v, U"室"); break;
      case Marker::Lane: set(out_.number, v, U"弄"); break;
      case Marker::Group:
        out_.place += to_u32(v);
        out_.place += U'组';
        break;
      case Marker::Hao:
        if ((road_pending_ || nothing_below_number()) && out_.number.empty()) out_.number = v;
        else if (nothing_below_number()) out_.building = v;  // 478号3号301室
        else set(out_.room, v, U"号");                          // 1栋2单元301号
        break;
    }
    road_pending_ = false;
  }

  // 1-2-301: building-unit-room; 2-301: unit-room after a building, else
  // building-room; 478-1 after a road (or with 号): a house number.
  void assign_dash_group(const std::vector<std::string>& parts, std::optional<Marker> marker) {
    std::string joined;
    for (const std::string& p : parts) {
      if (!joined.empty()) joined += '-';
      joined += p;
    }
    if (parts.size() >= 3) {
      size_t first = 0;
      if (road_pending_ && out_.number.empty() && parts.size() >= 4) out_.number = parts[first++];
      set(out_.building, parts[first], U"栋");
      set(out_.unit, parts[first + 1], U"单元");
      set(out_.room, parts.back(), U"室");
    } else if (out_.number.empty() &&
               (road_pending_ || (marker == Marker::Hao && out_.building.empty()))) {
      out_.number = joined;
    } else if (!out_.building.empty()) {
      set(out_.unit, parts[0], U"单元");
      set(out_.room, parts[1], U"室");
    } else {
      set(out_.building, parts[0], U"栋");
      set(out_.room, parts[1], U"室");
    }
    road_pending_ = false;
  }

  void assign_bare(const std::string& v) {
    if (road_pending_ && out_.number.empty()) out_.number = v;
    else if ((!out_.building.empty() || !out_.unit.empty()) && out_.room.empty()) out_.room = v;
    else if (out_.number.empty()) out_.number = v;
    else if (out_.room.empty()) out_.room = v;
    else out_.place += to_u32(v);
    road_pending_ = false;
  }

  AddressKey& out_;
  std::u32string text_;  // text since the last component
  bool road_pending_ = false;
};

bool is_dash(char32_t c) {
  return c == '-' || c == '~' || c == '_' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

// Normalised text without spaces and punctuation; '#' is 号 (3#楼), dashes '-'.
std::u32string cleaned(std::u32string_view text) {
  static constexpr std::u32string_view kDropped = U" ,.;:!?()[]{}<>\"'/\\|、。，；：【】「」『』“”‘’《》";
  std::u32string out;
  out.reserve(text.size());
  for (char32_t c : text) {
    if (kDropped.find(c) != std::u32string_view::npos) continue;
    if (c == '#') out.push_back(U'号');
    else if (is_dash(c)) out.push_back('-');
    else out.push_back(c);
  }
  return out;
}

}  // namespace

bool same_or_suffix(std::u32string_view a, std::u32string_view b, size_t min_length) {
  if (a == b) return true;
  const std::u32string_view shorter = a.size() < b.size() ? a : b;
  const std::u32string_view longer = a.size() < b.size() ? b : a;
  return shorter.size() >= min_length && ends_with(longer, shorter);
}

AddressKey prepare_address(std::string_view raw, const AdminPrefixMatcher& gazetteer) {
  AddressKey k;
  const std::u32string text = cleaned(normalize_u32(raw));
  if (text.empty()) return k;
  const size_t used = strip_divisions(text, gazetteer, k.divisions);
  k.body = text.substr(used);
  TupleParser(k).run(k.body);
  k.road_sounds = sounds_of(k.road, false);
  return k;
}

}  // namespace detail

Address parse_address(std::string_view text, const AdminPrefixMatcher& gazetteer) {
  const detail::AddressKey k = detail::prepare_address(text, gazetteer);
  Address a;
  for (const auto& d : k.divisions) a.divisions.push_back({d.level, detail::to_utf8(d.written)});
  a.road = detail::to_utf8(k.road);
  a.number = k.number;
  a.building = k.building;
  a.unit = k.unit;
  a.floor = k.floor;
  a.room = k.room;
  a.place = detail::to_utf8(k.place);
  a.body = detail::to_utf8(k.body);
  return a;
}

}  // namespace powerdesk::dedupe
