// Field scores (0–100 points) and the weighted total (‰) of a pair.
//
// The points say how strongly agreement on a field suggests the same
// customer, given how the field goes wrong in channel data:
//   names     equal 100; same pinyin 90 (a pinyin input method picked the
//             wrong homophone — the commonest slip — but 徐/许 are also two
//             families); one edit 60 on three or more characters (a typo, or
//             a sibling: 魏艳云/魏海云 at the same flat must not merge on name
//             and address alone, 771‰), 30 on two (张伟/张强 is one edit too);
//             two edits 50 on six or more (organisation names)
//   phone     equal 100; same local number, area code on one side only 80;
//             one digit off on a mobile 50 (a typo, or a neighbour's number)
//   户号      equal 100; one edit on eight or more characters 60
//   address   same tuple 100 (or the same text); no part disagrees but one
//             side gives fewer parts 85 when both give the room, else 60;
//             building, unit and room agree with nothing to anchor them (one
//             side has no road or compound to compare) 50; unparsed text one
//             edit 70, two edits 50; a different room, house number, road or
//             district 0 — neighbours are the classic false match
// A disagreeing field scores 0 and counts fully in the average, so it pulls
// the total down; a missing one is left out.
#include <algorithm>
#include <optional>
#include <string>

#include "dedupe_internal.hpp"

namespace powerdesk::dedupe {
namespace detail {
namespace {

std::u32string ascii_u32(const std::string& s) { return std::u32string(s.begin(), s.end()); }

// Compound and village names: equal, one inside the other, or one edit apart.
bool same_place(std::u32string_view a, std::u32string_view b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  const std::u32string_view shorter = a.size() < b.size() ? a : b;
  const std::u32string_view longer = a.size() < b.size() ? b : a;
  if (shorter.size() >= 3 && longer.find(shorter) != std::u32string_view::npos) return true;
  return shorter.size() >= 4 && edit_distance(a, b, 1) <= 1;
}

bool same_road(const AddressKey& a, const AddressKey& b) {
  if (same_or_suffix(a.road, b.road, 3)) return true;
  // A homophone typo in the road name (文三路 / 文山路).
  const bool sounded = std::any_of(a.road_sounds.begin(), a.road_sounds.end(),
                                   [](char32_t t) { return t >= kSyllableBase; });
  return sounded && same_or_suffix(a.road_sounds, b.road_sounds, 3);
}

bool divisions_conflict(const AddressKey& a, const AddressKey& b) {
  for (const auto& x : a.divisions)
    for (const auto& y : b.divisions)
      if (x.level == y.level && !same_or_suffix(x.name, y.name, 2)) return true;
  return false;
}

bool parsed_nothing(const AddressKey& k) {
  return k.road.empty() && k.number.empty() && k.building.empty() && k.unit.empty() && k.room.empty();
}

// A component: agrees, conflicts or is given on one side only.
struct PartTally {
  int conflicts = 0;
  int one_sided = 0;
  void add(const std::string& x, const std::string& y) {
    if (x.empty() && y.empty()) return;
    if (x.empty() || y.empty()) ++one_sided;
    else if (x != y) ++conflicts;
  }
};

}  // namespace

FieldScore score_name(const NameKey& a, const NameKey& b) {
  if (a.empty() || b.empty()) return {};
  if (a.chars == b.chars) return {How::Equal, 100};
  if (a.sounds == b.sounds) return {How::SamePinyin, 90};
  const size_t shorter = std::min(a.chars.size(), b.chars.size());
  const int d = edit_distance(a.chars, b.chars, 2);
  if (d == 1 && shorter >= 3) return {How::OneEdit, 60};
  if (d == 1 && shorter == 2) return {How::OneEdit, 30};
  if (d == 2 && shorter >= 6) return {How::TwoEdits, 50};
  return {How::Different, 0};
}

FieldScore score_phone(const PhoneKey& a, const PhoneKey& b) {
  using Kind = PhoneKey::Kind;
  if (a.kind == Kind::None || b.kind == Kind::None) return {};
  if (a.number == b.number && (a.area == b.area || a.kind == Kind::Other || b.kind == Kind::Other))
    return {How::Equal, 100};
  const bool local_pair = (a.kind == Kind::Local && (b.kind == Kind::Landline || b.kind == Kind::Local)) ||
                          (b.kind == Kind::Local && a.kind == Kind::Landline);
  if (local_pair && a.number == b.number) return {How::SameLocalNumber, 80};
  if (a.kind == Kind::Mobile && b.kind == Kind::Mobile &&
      edit_distance(ascii_u32(a.number), ascii_u32(b.number), 1) == 1)
    return {How::OneEdit, 50};
  return {How::Different, 0};
}

FieldScore score_customer_number(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return {};
  if (a == b) return {How::Equal, 100};
  if (std::min(a.size(), b.size()) >= 8 && edit_distance(ascii_u32(a), ascii_u32(b), 1) == 1)
    return {How::OneEdit, 60};
  return {How::Different, 0};
}

FieldScore score_address(const AddressKey& a, const AddressKey& b) {
  if (a.empty() || b.empty()) return {};
  if (divisions_conflict(a, b)) return {How::OtherDivision, 0};
  if (a.body == b.body) return {How::Equal, 100};

  // The anchor: road and house number, else the compound or village name.
  std::optional<bool> anchor;  // unset: nothing to compare
  if (!a.road.empty() && !b.road.empty()) {
    if (!same_road(a, b)) return {How::Different, 0};
    if (!a.number.empty() && !b.number.empty() && a.number != b.number) return {How::SameRoadOtherNumber, 0};
    anchor = true;
  } else if (!a.place.empty() && !b.place.empty() && !(parsed_nothing(a) && parsed_nothing(b))) {
    anchor = same_place(a.place, b.place);  // plain text on both sides is compared as text, below
  }

  PartTally parts;
  parts.add(a.number, b.number);
  parts.add(a.building, b.building);
  parts.add(a.unit, b.unit);
  parts.add(a.room, b.room);
  const bool rooms_differ = !a.room.empty() && !b.room.empty() && a.room != b.room;
  if (parts.conflicts > 0) {
    const bool building_agrees = a.building == b.building || a.building.empty() || b.building.empty();
    if (anchor.value_or(false) && rooms_differ && parts.conflicts == 1 && building_agrees)
      return {How::SameBuildingOtherRoom, 0};
    return {How::Different, 0};
  }
  const bool both_rooms = !a.room.empty() && !b.room.empty();
  if (anchor == true) {
    if (parts.one_sided == 0) return {How::SameAddress, 100};
    return {How::SameAddressLessDetail, both_rooms ? 85 : 60};
  }
  if (!anchor.has_value() && both_rooms && !a.building.empty() && !b.building.empty() &&
      !a.unit.empty() && !b.unit.empty())
    return {How::SameAddressLessDetail, 50};
  if (parsed_nothing(a) && parsed_nothing(b)) {
    const size_t shorter = std::min(a.body.size(), b.body.size());
    const int d = edit_distance(a.body, b.body, 2);
    if (d == 1 && shorter >= 6) return {How::OneEdit, 70};
    if (d == 2 && shorter >= 10) return {How::TwoEdits, 50};
  }
  return {How::Different, 0};
}

int total_of(const std::array<FieldScore, kFieldCount>& fields) {
  int weighted = 0, weights = 0;
  for (size_t i = 0; i < kFieldCount; ++i) {
    if (!fields[i].compared()) continue;
    const int w = field_weight(kFields[i]);
    weighted += w * fields[i].points;
    weights += w;
  }
  const bool contact = fields[static_cast<size_t>(Field::ContactName)].compared();
  const int floor = kMinEvidence + (contact ? kWeightContactName : 0);
  if (weights == 0) return 0;
  return 10 * weighted / std::max(weights, floor);
}

PairScore score(const Prepared& a, const Prepared& b) {
  PairScore s;
  s.fields[static_cast<size_t>(Field::CustomerNumber)] = score_customer_number(a.customer_number, b.customer_number);
  s.fields[static_cast<size_t>(Field::Phone)] = score_phone(a.phone, b.phone);
  s.fields[static_cast<size_t>(Field::Name)] = score_name(a.name, b.name);
  s.fields[static_cast<size_t>(Field::Address)] = score_address(a.address, b.address);
  s.fields[static_cast<size_t>(Field::ContactName)] = score_name(a.contact, b.contact);
  s.total = total_of(s.fields);
  return s;
}

}  // namespace detail

int field_weight(Field f) {
  switch (f) {
    case Field::CustomerNumber: return kWeightCustomerNumber;
    case Field::Phone: return kWeightPhone;
    case Field::Name: return kWeightName;
    case Field::Address: return kWeightAddress;
    case Field::ContactName: return kWeightContactName;
  }
  return 0;
}

std::string_view how_name(How h) {
  switch (h) {
    case How::Missing: return "missing";
    case How::Equal: return "equal";
    case How::SamePinyin: return "same_pinyin";
    case How::OneEdit: return "one_edit";
    case How::TwoEdits: return "two_edits";
    case How::SameLocalNumber: return "same_local_number";
    case How::SameAddress: return "same_address";
    case How::SameAddressLessDetail: return "same_address_less_detail";
    case How::SameBuildingOtherRoom: return "same_building_other_room";
    case How::SameRoadOtherNumber: return "same_road_other_number";
    case How::OtherDivision: return "other_division";
    case How::Different: return "different";
  }
  return "different";
}

PairScore score_pair(const Record& a, const Record& b, const AdminPrefixMatcher& gazetteer) {
  detail::ensure_pinyin();
  return detail::score(detail::prepare(a, gazetteer), detail::prepare(b, gazetteer));
}

}  // namespace powerdesk::dedupe
