// Fuzzes the identity validators and personal-data masks
// (core/include/powerdesk/identity.hpp). The first input byte picks the
// function ('0'-'9' → 0-9, 'a'-'e' → 10-14, any other byte modulo 15), so
// seeds stay readable text; the rest is the text:
//   0 validate_resident_id                 8 mask_name
//   1   … with the national pack's codes   9 mask_account
//   2 validate_credit_code                 a validate_person_name
//   3   … with the pack's types and codes  b validate_organization_name
//   4 validate_phone                       c validate_address
//   5 validate_postal_code and             d   … with the pack's divisions,
//     validate_account_number                  in region 330000 (Zhejiang)
//   6 mask_resident_id                     e normalize_identifier_text and
//   7 mask_phone                               normalize_free_text
// The division codes and USCC types are the national pack's (rules/).
//
// Invariants. Validators: well-formed issues at the path given; ok() exactly
// when no issue is an error; the parsed value agrees with the rules it was
// checked against; an issue's message never repeats six digits of a resident
// ID, phone or account number. Masks: one output code point per normalised
// input code point (valid phones: their documented shapes), and every hidden
// position is '*' — the hidden part of the input never shows.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/utf8.h>

#include "fuzz_support.hpp"
#include "powerdesk/divisions.hpp"
#include "powerdesk/identity.hpp"
#include "powerdesk/rulepack.hpp"

namespace {

using namespace powerdesk;
namespace fz = powerdesk::fuzz;

constexpr std::string_view kTarget = "identity";
constexpr std::string_view kPath = "/applicant/id";
const Date kToday = *Date::from_ymd(2025, 6, 1);

// The national pack's identity data (either may be null if the pack has none).
struct NationalData {
  Engine engine = fz::real_rules_engine();
  const RulePack* national = engine.packs().national(kToday);
  const Divisions* divisions = national ? national->divisions.get() : nullptr;
  const CreditCodeTypes* types = national ? national->credit_code_types.get() : nullptr;
};
const NationalData& pack() {
  static const NationalData data;
  return data;
}

[[noreturn]] void fail(std::string_view what, std::string_view input,
                       std::string_view output = {}) {
  std::string detail = "input (normalised): \"" + std::string(input) + "\"";
  if (!output.empty()) detail += "\noutput: \"" + std::string(output) + "\"";
  fz::fail(kTarget, what, detail);
}

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The UTF-8 code points of `s`, each as its bytes (an ill-formed sequence is one).
std::vector<std::string_view> code_points(std::string_view s) {
  std::vector<std::string_view> out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(p, i, n, c);
    out.push_back(s.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
  }
  return out;
}

template <typename T>
void check_checked(const Checked<T>& c, bool personal) {
  for (const Issue& i : c.issues) {
    fz::check_issue(kTarget, i);
    if (i.path != kPath)
      fail("an issue's path is not the path the caller gave", c.normalized, i.path);
    if (personal) {
      for (size_t k = 0; k + 6 <= c.normalized.size(); ++k) {
        const std::string_view six = std::string_view(c.normalized).substr(k, 6);
        if (digits(six) && (i.message.zh.find(six) != std::string::npos ||
                            i.message.en.find(six) != std::string::npos))
          fail("an issue's message repeats six digits of the personal data", c.normalized,
               i.message.en);
      }
    }
  }
  if (c.ok() == has_errors(c.issues))
    fail("ok() is not exactly 'no error-severity issue'", c.normalized);
}

void resident_id(std::string_view text, bool with_divisions) {
  // The pack's code list, or (without one) the province prefixes.
  const Divisions* divisions = with_divisions ? pack().divisions : nullptr;
  const DivisionCodePredicate known = divisions ? divisions->predicate() : DivisionCodePredicate{};
  const auto c = validate_resident_id(text, kToday, kPath, known);
  check_checked(c, /*personal=*/true);
  if (!c.ok()) return;
  const ResidentId& id = *c.value;
  if (id.value.size() != 18 || !digits(id.value.substr(0, 17)) || id.value != c.normalized)
    fail("a valid resident ID is not its 18 normalised characters", c.normalized, id.value);
  if (resident_id_check_char(id.value.substr(0, 17)) != id.value[17])
    fail("a valid resident ID has the wrong check character", c.normalized);
  if (id.region_code != id.value.substr(0, 6))
    fail("region_code is not characters 1-6", c.normalized);
  if (known ? !known(id.region_code) : !is_province_code(id.region_code.substr(0, 2)))
    fail("a valid resident ID has an unknown region code", c.normalized);
  if (id.birth_date.iso() !=
      id.value.substr(6, 4) + "-" + id.value.substr(10, 2) + "-" + id.value.substr(12, 2))
    fail("birth_date is not characters 7-14", c.normalized, id.birth_date.iso());
  if (id.birth_date > kToday || id.birth_date < *Date::from_ymd(1900, 1, 1) || id.age < 0 ||
      id.age > 125)
    fail("a valid resident ID's birth date or age is out of range", c.normalized);
  if ((id.sex == Sex::Male) != ((id.value[16] - '0') % 2 == 1))
    fail("sex is not the parity of character 17", c.normalized);
}

void credit_code(std::string_view text, bool with_pack) {
  const CreditCodeTypes* types = with_pack ? pack().types : nullptr;
  const Divisions* divisions = with_pack ? pack().divisions : nullptr;
  const auto c = validate_credit_code(text, kPath, types,
                                      divisions ? divisions->predicate() : DivisionCodePredicate{});
  check_checked(c, /*personal=*/false);
  if (!c.ok()) return;
  const CreditCode& code = *c.value;
  static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  if (code.value.size() != 18 || !std::all_of(code.value.begin(), code.value.end(), [](char ch) {
        return kAlphabet.find(ch) != std::string_view::npos;
      }))
    fail("a valid credit code is not 18 characters of the GB 32100 alphabet", c.normalized,
         code.value);
  if (code.region_code != code.value.substr(2, 6) || !digits(code.region_code))
    fail("region_code is not the digits in characters 3-8", c.normalized);
  if (code.organization_code != code.value.substr(8, 9))
    fail("organization_code is not characters 9-17", c.normalized);
  if (code.authority != code.value[0] || code.entity_type != code.value[1])
    fail("authority or entity_type is not character 1 or 2", c.normalized);
  const bool checksum_warning = std::any_of(c.issues.begin(), c.issues.end(), [](const Issue& i) {
    return i.code == Code::UsccChecksum;
  });
  const bool checks = credit_code_check_char(code.value.substr(0, 17)) == code.value[17] &&
                      organization_code_check_char(code.value.substr(8, 8)) == code.value[16];
  if (checksum_warning == checks)
    fail("PD_USCC_CHECKSUM is not given exactly when a check character fails", c.normalized);
  // The type table: names exactly for the listed authority and pair, a
  // PD_USCC_TYPE_UNKNOWN warning exactly for an unlisted pair; no table, no check.
  const bool type_warning = std::any_of(c.issues.begin(), c.issues.end(), [](const Issue& i) {
    return i.code == Code::UsccTypeUnknown;
  });
  const bool authority_listed = types && types->authority(code.authority);
  const bool pair_listed = types && types->entity_type(code.authority, code.entity_type);
  if (code.authority_name.zh.empty() == authority_listed ||
      code.entity_type_name.zh.empty() == pair_listed)
    fail("authority_name / entity_type_name are not set exactly for a listed type", c.normalized);
  if (type_warning != (types && !pair_listed))
    fail("PD_USCC_TYPE_UNKNOWN is not given exactly for a pair missing from the table",
         c.normalized);
}

void phone(std::string_view text) {
  const auto c = validate_phone(text, kPath);
  check_checked(c, /*personal=*/true);
  if (!c.ok()) return;
  const PhoneNumber& n = *c.value;
  if (n.kind == PhoneKind::Mobile) {
    if (n.number.size() != 11 || !digits(n.number) || n.number[0] != '1' || n.number[1] < '3' ||
        n.value != n.number || !n.area_code.empty() || !n.extension.empty())
      fail("a valid mobile number is not 11 digits 1[3-9]…", c.normalized, n.value);
  } else {
    std::string expected = n.area_code + "-" + n.number;
    if (!n.extension.empty()) expected += "-" + n.extension;
    if (n.value != expected || !digits(n.area_code) || n.area_code[0] != '0' ||
        n.area_code.size() < 3 || n.area_code.size() > 4 || !digits(n.number) ||
        n.number.size() < 7 || n.number.size() > 8 || n.number[0] == '0' || n.number[0] == '1' ||
        n.extension.size() > 6 || (!n.extension.empty() && !digits(n.extension)))
      fail("a valid landline is not area code, local number and extension as documented",
           c.normalized, n.value);
  }
}

void numbers(std::string_view text) {
  const auto postal = validate_postal_code(text, kPath);
  check_checked(postal, /*personal=*/false);
  if (postal.ok() && (postal.value->size() != 6 || !digits(*postal.value)))
    fail("a valid postal code is not 6 digits", postal.normalized, *postal.value);
  const std::vector<int> lengths = {10, 13};
  const auto account = validate_account_number(text, kPath, lengths);
  check_checked(account, /*personal=*/true);
  if (account.ok() &&
      (!digits(*account.value) || (account.value->size() != 10 && account.value->size() != 13)))
    fail("a valid account number is not 10 or 13 digits", account.normalized, *account.value);
}

void person_name(std::string_view text) {
  const auto c = validate_person_name(text, kPath);
  check_checked(c, /*personal=*/false);  // names: messages are checked by hand, not here
  if (!c.ok()) return;
  const size_t g = detail::count_graphemes(*c.value);
  if (g < kMinPersonNameGraphemes || g > kMaxLatinPersonNameGraphemes)
    fail("a valid person's name has too few or too many characters", c.normalized, *c.value);
}

void organization_name(std::string_view text) {
  const auto c = validate_organization_name(text, kPath);
  check_checked(c, /*personal=*/false);
  if (!c.ok()) return;
  const size_t g = detail::count_graphemes(*c.value);
  if (g < kMinOrganizationNameGraphemes || g > kMaxOrganizationNameGraphemes)
    fail("a valid organisation name has too few or too many characters", c.normalized, *c.value);
}

void address(std::string_view text, bool with_divisions) {
  const Divisions* divisions = with_divisions ? pack().divisions : nullptr;
  const std::string_view region = with_divisions ? "330000" : "";
  const auto c = validate_address(text, kPath, divisions, region);
  check_checked(c, /*personal=*/false);
  if (!c.ok()) return;
  const Address& a = *c.value;
  if (detail::count_graphemes(a.detail) < kMinAddressDetailGraphemes)
    fail("a valid address has too short a detail after its places", c.normalized, a.text);
  if (a.text.empty()) fail("a valid address has no text", c.normalized);
  if (!divisions &&
      !(a.province_code.empty() && a.prefecture_code.empty() && a.county_code.empty()))
    fail("places were recognised without a division list", c.normalized, a.text);
  if (divisions && divisions->size() > 0) {
    // In the region given, and every recognised code a listed one of its province.
    if (a.province_code != "330000")
      fail("a valid address in region 330000 is not in province 330000", c.normalized, a.text);
    for (const std::string& code : {a.prefecture_code, a.county_code}) {
      if (!code.empty() && (code.substr(0, 2) != "33" || !divisions->known(code)))
        fail("a recognised place is not a listed division of the province", c.normalized, a.text);
    }
  }
}

// The output has one code point per normalised input code point, the first
// `head` and last `tail` shown (or '*'), the rest '*'; everything '*' when
// fewer than 4 would be hidden.
void check_mask(std::string_view normalized, const std::string& masked, size_t head, size_t tail) {
  const auto in = code_points(normalized);
  const auto out = code_points(masked);
  if (out.size() != in.size())
    fail("the mask does not have one character per input character", normalized, masked);
  const bool all = in.size() < head + tail + 4;
  for (size_t i = 0; i < out.size(); ++i) {
    const bool shown = !all && (i < head || i >= in.size() - tail);
    if (shown ? (out[i] != in[i] && out[i] != "*") : out[i] != "*")
      fail("the mask shows a character it must hide (or alters one it shows)", normalized, masked);
  }
}

void mask_id(std::string_view text) {
  std::string normalized = normalize_identifier_text(text);
  if (!normalized.empty() && normalized.back() == 'x') normalized.back() = 'X';
  const std::string masked = mask_resident_id(text);
  check_mask(normalized, masked, 6, 4);
  if (normalized.size() == 18 && digits(normalized.substr(0, 17)) &&
      masked.substr(6, 8) != "********")
    fail("mask_resident_id shows characters 7-14 of an 18-character ID", normalized, masked);
}

void mask_phone_number(std::string_view text) {
  const std::string masked = mask_phone(text);
  const auto c = validate_phone(text, kPath);
  if (!c.ok()) return check_mask(c.normalized, masked, 3, 4);
  const PhoneNumber& n = *c.value;
  const std::string expected = n.kind == PhoneKind::Mobile
                                   ? n.number.substr(0, 3) + "****" + n.number.substr(7)
                                   : n.area_code + "-" + std::string(n.number.size() - 4, '*') +
                                         n.number.substr(n.number.size() - 4);
  if (masked != expected)
    fail("mask_phone of a valid number is not the documented shape", c.normalized, masked);
}

void mask_person(std::string_view text) {
  const std::string normalized = normalize_identifier_text(text);
  const std::string masked = mask_name(text);
  const auto in = code_points(normalized);
  const auto out = code_points(masked);
  if (out.size() != in.size())
    fail("mask_name does not have one character per input character", normalized, masked);
  // The family name shows: the first character, the second only for a
  // compound surname of a name of three or more characters.
  const size_t shown = in.size() <= 1 ? 0 : in.size() >= 3 ? 2 : 1;
  for (size_t i = 0; i < out.size(); ++i) {
    if (i < shown ? (out[i] != in[i] && out[i] != "*") : out[i] != "*")
      fail("mask_name shows more than the family name", normalized, masked);
  }
}

void mask_account_number(std::string_view text) {
  check_mask(normalize_identifier_text(text), mask_account(text), 0, 4);
}

void normalize(std::string_view text) {
  const auto surrounded = [](const std::string& s) {
    constexpr std::string_view kSpace = " \t\r\n";
    return !s.empty() && (kSpace.find(s.front()) != std::string_view::npos ||
                          kSpace.find(s.back()) != std::string_view::npos);
  };
  const std::string once = normalize_identifier_text(text);
  if (normalize_identifier_text(once) != once)
    fail("normalize_identifier_text is not idempotent", once);
  if (surrounded(once)) fail("normalize_identifier_text left surrounding white space", once);
  if (code_points(once).size() != detail::count_code_points(once))
    fail("count_code_points disagrees with U8_NEXT", once);
  const std::string free = normalize_free_text(text);
  if (normalize_free_text(free) != free) fail("normalize_free_text is not idempotent", free);
  if (surrounded(free) || free.find("  ") != std::string::npos ||
      free.find_first_of("\t\r\n") != std::string::npos)
    fail("normalize_free_text left white space other than single inner spaces", free);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t first = data[0];
  const unsigned selector = first >= '0' && first <= '9'   ? first - '0'
                            : first >= 'a' && first <= 'e' ? 10 + (first - 'a')
                                                           : first % 15;
  const std::string_view text = fz::as_text(data + 1, size - 1);
  switch (selector) {
    case 0:
      resident_id(text, false);
      break;
    case 1:
      resident_id(text, true);
      break;
    case 2:
      credit_code(text, false);
      break;
    case 3:
      credit_code(text, true);
      break;
    case 4:
      phone(text);
      break;
    case 5:
      numbers(text);
      break;
    case 6:
      mask_id(text);
      break;
    case 7:
      mask_phone_number(text);
      break;
    case 8:
      mask_person(text);
      break;
    case 9:
      mask_account_number(text);
      break;
    case 10:
      person_name(text);
      break;
    case 11:
      organization_name(text);
      break;
    case 12:
      address(text, false);
      break;
    case 13:
      address(text, true);
      break;
    default:
      normalize(text);
      break;
  }
  return 0;
}
