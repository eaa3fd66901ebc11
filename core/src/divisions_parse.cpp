// Recognising the province, prefecture and county an address starts with
// (Divisions::parse_place). Names are matched as prefixes of the text, the
// longest name wins and two different divisions matching with the same length
// match neither. Short forms need the text to confirm them; see divisions.hpp.
#include <string>
#include <string_view>

#include "powerdesk/divisions.hpp"

namespace powerdesk {
namespace {

size_t characters(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

struct DivisionMatcher {
  using Entry = Divisions::Entry;

  struct Hit {
    const Entry* entry = nullptr;
    size_t end = 0;  // byte just after the name
    bool short_form = false;
  };

  struct Found {
    const Entry* province = nullptr;
    const Entry* prefecture = nullptr;  // never a grouping (市辖区 …)
    const Entry* county = nullptr;
    size_t end = 0;
    bool any() const { return prefecture != nullptr || county != nullptr; }
  };

  struct Want {
    DivisionLevel level;
    bool short_forms = false;
    bool groupings = false;
    size_t min_characters = 0;
  };

  const Divisions& d;
  std::string_view text;

  size_t skip_space(size_t pos) const {
    return pos < text.size() && text[pos] == ' ' ? pos + 1 : pos;
  }

  // The longest current name of the wanted level in `span` at text[pos].
  Hit best(std::pair<const Entry*, const Entry*> span, size_t pos, const Want& want) const {
    const std::string_view rest = text.substr(pos);
    Hit hit;
    size_t length = 0;
    bool tie = false;
    for (const Entry* e = span.first; e != span.second; ++e) {
      if (!e->current || (e->grouping && !want.groupings)) continue;
      if (division_level(std::string_view(e->code, 6)) != want.level) continue;
      const std::string_view full = d.name_of(*e);
      const std::string_view shorter = want.short_forms ? d.short_of(*e) : std::string_view();
      for (const std::string_view name : {full, shorter}) {
        if (name.empty() || rest.substr(0, name.size()) != name ||
            characters(name) < want.min_characters)
          continue;
        if (name.size() > length) {
          hit = Hit{e, pos + name.size(), name.size() < full.size()};
          length = name.size();
          tie = false;
        } else if (name.size() == length && hit.entry != e) {
          tie = true;
        }
      }
    }
    return tie ? Hit{} : hit;
  }

  // Within the province's range first (if any), else nationally: a tie
  // inside the province stays a tie.
  Hit best_near(std::string_view region, size_t pos, const Want& want) const {
    if (is_division_code(region)) {
      const auto span = d.range(region.substr(0, 2));
      const Hit local = best(span, pos, want);
      if (local.entry != nullptr) return local;
    }
    return best(d.range(""), pos, want);
  }

  const Entry* parent(const Entry* e, size_t digits) const {
    const Entry* p = d.entry(std::string(e->code, digits) + std::string(6 - digits, '0'));
    return p != nullptr && !p->grouping ? p : nullptr;
  }

  // A county of `prefecture`'s code range, full name only.
  Hit county_in(const Entry* area, size_t digits, size_t pos, size_t min_characters = 0) const {
    return best(d.range(std::string_view(area->code, digits)), pos,
                Want{DivisionLevel::County, false, false, min_characters});
  }

  // After a recognised province: a prefecture (full or short, or a grouping
  // such as 市辖区 followed by one of its counties) and its county, or a
  // county of the province whose name is unique there.
  Found after_province(const Entry* province, size_t pos) const {
    Found f;
    f.province = province;
    const Hit pref = best(d.range(std::string_view(province->code, 2)), pos,
                          Want{DivisionLevel::Prefecture, true, true});
    if (pref.entry != nullptr) {
      const Hit county = county_in(pref.entry, 4, skip_space(pref.end));
      if (!pref.entry->grouping) {
        f.prefecture = pref.entry;
        f.county = county.entry;
        f.end = county.entry != nullptr ? county.end : pref.end;
        return f;
      }
      if (county.entry != nullptr) {  // 北京市市辖区朝阳区
        f.county = county.entry;
        f.end = county.end;
        return f;
      }
    }
    const Hit county = county_in(province, 2, pos);
    if (county.entry != nullptr) {
      f.prefecture = parent(county.entry, 4);
      f.county = county.entry;
      f.end = county.end;
    }
    return f;
  }

  // No province named: a prefecture (a short form only when one of its
  // counties follows), else a lone county of at least three characters.
  Found without_province(size_t pos, std::string_view region) const {
    Found f;
    const Hit pref = best_near(region, pos, Want{DivisionLevel::Prefecture, true, false});
    if (pref.entry != nullptr) {
      const Hit county = county_in(pref.entry, 4, skip_space(pref.end));
      if (!pref.short_form || county.entry != nullptr) {
        f.province = parent(pref.entry, 2);
        f.prefecture = pref.entry;
        f.county = county.entry;
        f.end = county.entry != nullptr ? county.end : pref.end;
        return f;
      }
    }
    const Hit county = best_near(region, pos, Want{DivisionLevel::County, false, false, 3});
    if (county.entry != nullptr) {
      f.province = parent(county.entry, 2);
      f.prefecture = parent(county.entry, 4);
      f.county = county.entry;
      f.end = county.end;
    }
    return f;
  }

  Found parse(std::string_view region) const {
    const size_t start = skip_space(0);
    const Hit province = best(d.range(""), start, Want{DivisionLevel::Province, true, false});
    if (province.entry != nullptr) {
      Found f = after_province(province.entry, skip_space(province.end));
      if (f.any()) return f;
      if (!province.short_form) {  // 浙江省 and then no division name
        f.end = province.end;
        return f;
      }
    }
    return without_province(start, region);
  }
};

PlacePrefix Divisions::parse_place(std::string_view text, std::string_view region_division) const {
  const DivisionMatcher matcher{*this, text};
  const DivisionMatcher::Found f = matcher.parse(region_division);
  PlacePrefix out;
  if (f.province == nullptr) return out;
  out.province = view(*f.province);
  if (f.prefecture != nullptr) out.prefecture = view(*f.prefecture);
  if (f.county != nullptr) out.county = view(*f.county);
  out.consumed = f.end;
  return out;
}

}  // namespace powerdesk
