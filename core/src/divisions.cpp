// The GB/T 2260 code list: one sorted vector of fixed-size entries and one
// string of names, searched by binary search (about 4,500 codes; no map of
// strings, so building it costs two allocations and lookups no hashing).
#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "powerdesk/divisions.hpp"

namespace powerdesk {
namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// 市辖区 and 县 of the municipalities (110100, 500200), 省直辖县级行政区划
// (419000), 自治区直辖县级行政区划 (659000): group counties, name no place.
bool is_grouping(std::string_view code, std::string_view name) {
  if (division_level(code) != DivisionLevel::Prefecture) return false;
  return name == "市辖区" || name == "县" || ends_with(name, "直辖县级行政区划");
}

int compare_code(const char* a, std::string_view b) {
  return std::memcmp(a, b.data(), std::min<size_t>(6, b.size()));
}

}  // namespace

bool is_division_code(std::string_view text) {
  return text.size() == 6 &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

DivisionLevel division_level(std::string_view code6) {
  if (code6.substr(2) == "0000") return DivisionLevel::Province;
  if (code6.substr(4) == "00") return DivisionLevel::Prefecture;
  return DivisionLevel::County;
}

Divisions::Divisions(std::vector<DivisionRow> rows, Citation citation)
    : citation_(std::move(citation)) {
  auto by_code = [](const DivisionRow& a, const DivisionRow& b) { return a.code < b.code; };
  if (!std::is_sorted(rows.begin(), rows.end(), by_code))
    std::sort(rows.begin(), rows.end(), by_code);
  entries_.reserve(rows.size());
  for (const DivisionRow& row : rows) {
    if (!is_division_code(row.code)) continue;  // the loader refuses such rows
    Entry e{};
    std::memcpy(e.code, row.code.data(), 6);
    e.current = row.current;
    e.grouping = is_grouping(row.code, row.name);
    e.name_at = static_cast<uint32_t>(names_.size());
    e.name_size = static_cast<uint16_t>(row.name.size());
    // The short form is a prefix of the name (suffixes are stripped).
    e.short_size =
        static_cast<uint16_t>(division_short_name(row.name, division_level(row.code)).size());
    names_ += row.name;
    current_count_ += row.current ? 1 : 0;
    entries_.push_back(e);
  }
}

std::string_view Divisions::name_of(const Entry& e) const {
  return std::string_view(names_).substr(e.name_at, e.name_size);
}

std::string_view Divisions::short_of(const Entry& e) const {
  return std::string_view(names_).substr(e.name_at, e.short_size);
}

Division Divisions::view(const Entry& e) const {
  const std::string_view code(e.code, 6);
  return Division{code, name_of(e), e.current, division_level(code), e.grouping};
}

const Divisions::Entry* Divisions::entry(std::string_view code6) const {
  if (!is_division_code(code6)) return nullptr;
  auto it = std::lower_bound(
      entries_.begin(), entries_.end(), code6,
      [](const Entry& e, std::string_view c) { return compare_code(e.code, c) < 0; });
  return it != entries_.end() && compare_code(it->code, code6) == 0 ? &*it : nullptr;
}

std::pair<const Divisions::Entry*, const Divisions::Entry*> Divisions::range(
    std::string_view prefix) const {
  auto lower = std::lower_bound(entries_.begin(), entries_.end(), prefix,
                                [](const Entry& e, std::string_view p) {
                                  return std::memcmp(e.code, p.data(), p.size()) < 0;
                                });
  auto upper =
      std::upper_bound(lower, entries_.end(), prefix, [](std::string_view p, const Entry& e) {
        return std::memcmp(p.data(), e.code, p.size()) < 0;
      });
  return {entries_.data() + (lower - entries_.begin()),
          entries_.data() + (upper - entries_.begin())};
}

bool Divisions::known(std::string_view code6) const { return entry(code6) != nullptr; }

std::optional<Division> Divisions::find(std::string_view code6) const {
  const Entry* e = entry(code6);
  if (e == nullptr) return std::nullopt;
  return view(*e);
}

std::optional<Division> Divisions::province_of(std::string_view code6) const {
  if (!is_division_code(code6)) return std::nullopt;
  return find(std::string(code6.substr(0, 2)) + "0000");
}

std::optional<Division> Divisions::prefecture_of(std::string_view code6) const {
  if (!is_division_code(code6) || division_level(code6) == DivisionLevel::Province)
    return std::nullopt;
  return find(std::string(code6.substr(0, 4)) + "00");
}

std::vector<Division> Divisions::children(std::string_view code6) const {
  std::vector<Division> out;
  if (!is_division_code(code6) || division_level(code6) == DivisionLevel::County) return out;
  const bool province = division_level(code6) == DivisionLevel::Province;
  const auto span = range(code6.substr(0, province ? 2 : 4));
  for (const Entry* e = span.first; e != span.second; ++e) {
    if (!e->current) continue;
    const DivisionLevel level = division_level(std::string_view(e->code, 6));
    const bool county_of_grouping = province && level == DivisionLevel::County && [&] {
      const Entry* parent = entry(std::string(e->code, 4) + "00");
      return parent != nullptr && parent->grouping;
    }();
    const bool wanted =
        province ? (level == DivisionLevel::Prefecture && !e->grouping) || county_of_grouping
                 : level == DivisionLevel::County;
    if (wanted) out.push_back(view(*e));
  }
  return out;
}

DivisionCodePredicate Divisions::predicate() const {
  return [this](std::string_view code6) { return known(code6); };
}

}  // namespace powerdesk
