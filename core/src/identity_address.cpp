// Addresses on an application (报装): normalised text (ICU NFKC, white space
// collapsed), the leading province/prefecture/county recognised against the
// national pack's GB/T 2260 list (Divisions::parse_place), the region check
// against the pack's province, and a minimum of detail after the places.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "powerdesk/divisions.hpp"
#include "powerdesk/identity.hpp"

namespace powerdesk {
namespace {

// Ill-formed text (U+FFFD), control and format characters, unassigned and
// private-use code points, and "other symbols" (emoji, ☎ …) are no part of an
// address. Punctuation (- # / ( ) ,) and letters of any script are.
bool unusable(UChar32 c) {
  if (c == 0xFFFD) return true;
  switch (u_charType(c)) {
    case U_CONTROL_CHAR:
    case U_FORMAT_CHAR:
    case U_UNASSIGNED:
    case U_PRIVATE_USE_CHAR:
    case U_SURROGATE:
    case U_OTHER_SYMBOL:
      return true;
    default:
      return false;
  }
}

bool has_unusable(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0 || unusable(c)) return true;
  }
  return false;
}

Issue address_issue(const std::string& path, std::string zh, std::string en,
                    Code code = Code::AddressInvalid) {
  return make_issue(code, path, std::move(zh), std::move(en));
}

void fill(Address& a, const PlacePrefix& place) {
  if (place.province) {
    a.province_code = std::string(place.province->code);
    a.province_name = std::string(place.province->name);
  }
  if (place.prefecture) {
    a.prefecture_code = std::string(place.prefecture->code);
    a.prefecture_name = std::string(place.prefecture->name);
  }
  if (place.county) {
    a.county_code = std::string(place.county->code);
    a.county_name = std::string(place.county->name);
  }
}

// The region's name as the code list gives it (浙江省), or "" if not listed.
std::string region_name(const Divisions& divisions, std::string_view region) {
  const auto d = divisions.find(region);
  return d ? std::string(d->name) : std::string();
}

}  // namespace

Checked<Address> validate_address(std::string_view input, std::string_view path,
                                  const Divisions* divisions, std::string_view region_division) {
  Checked<Address> out;
  out.normalized = normalize_free_text(input);
  const std::string& text = out.normalized;
  const std::string p(path);
  if (text.empty()) {
    out.issues.push_back(address_issue(p, "请填写地址", "the address is empty"));
    return out;
  }
  if (has_unusable(text)) {
    out.issues.push_back(
        address_issue(p, "地址含有无法识别的字符、控制字符或符号（如表情符号）",
                      "the address has unreadable or control characters or symbols such as "
                      "emoji"));
    return out;
  }
  const size_t graphemes = detail::count_graphemes(text);
  if (graphemes > kMaxAddressGraphemes) {
    out.issues.push_back(address_issue(p,
                                       "地址最多 " + std::to_string(kMaxAddressGraphemes) +
                                           " 个字，当前 " + std::to_string(graphemes) + " 个",
                                       "an address has at most " +
                                           std::to_string(kMaxAddressGraphemes) +
                                           " characters, not " + std::to_string(graphemes)));
    return out;
  }

  Address a;
  PlacePrefix place;
  if (divisions != nullptr) place = divisions->parse_place(text, region_division);
  fill(a, place);
  a.detail = text.substr(place.consumed);
  if (!a.detail.empty() && a.detail.front() == ' ') a.detail.erase(0, 1);
  a.text = a.province_name + a.prefecture_name + a.county_name + a.detail;
  out.normalized = a.text;

  const bool region_given = divisions != nullptr && is_division_code(region_division);
  if (region_given && !place.found()) {
    out.issues.push_back(address_issue(
        p, "地址中没有可识别的省、市或区县名称：请从省、市或区县的全称写起（如“××市××区……”）",
        "no province, city or county name was recognised at the start of the address: begin with "
        "the full "
        "name of the province, city or county"));
  } else if (region_given && a.province_code.substr(0, 2) != region_division.substr(0, 2)) {
    const std::string name = region_name(*divisions, region_division);
    const std::string code(region_division);
    out.issues.push_back(address_issue(
        p, "地址不在本业务所属地区" + name + "（" + code + "）内，请核对地址或所选地区",
        "the address is outside the region of these rules, " + (name.empty() ? "" : name + " ") +
            "(" + code + "): check the address or the region chosen",
        Code::AddressOutsideRegion));
  }
  if (detail::count_graphemes(a.detail) < kMinAddressDetailGraphemes) {
    out.issues.push_back(
        address_issue(p,
                      "地址不够详细：省、市、区县之后还应写明街道门牌、楼栋房号或村组（至少 " +
                          std::to_string(kMinAddressDetailGraphemes) + " 个字）",
                      "the address is not detailed enough: after the province, city and county "
                      "give the street and number, "
                      "building and room, or village (at least " +
                          std::to_string(kMinAddressDetailGraphemes) + " characters)"));
  }
  if (!has_errors(out.issues)) out.value = std::move(a);
  return out;
}

}  // namespace powerdesk
