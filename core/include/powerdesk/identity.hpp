// Identity validators and personal-data masks for applications (报装):
// resident ID numbers (GB 11643-1999), unified social credit codes
// (GB 32100-2015, with the embedded GB 11714 organisation code), phone
// numbers, postal codes, account numbers (户号), addresses and the names of
// persons and organisations. Pure functions: no I/O and no clock ("today" is
// an argument). Nothing throws. See docs/identity.md.
//
// Every validator first normalises the text (normalize_identifier_text: ICU
// NFKC, so full-width digits and letters and ideographic spaces become ASCII,
// then surrounding white space is trimmed), then reports every problem it
// finds at once as Issues with a stable code, the caller's JSON pointer, a
// severity and a message in Chinese and English (with the expected character
// where a check character is wrong).
//
// PERSONAL DATA. Resident IDs, phone numbers, names and account numbers are
// personal data. The mask_* functions at the end of this header are the ONLY
// way such values may reach logs, error reports, analytics or any output that
// is not the applicant's own form. Never log the raw or the normalised value.
// An Issue's message about a resident ID, phone or account number never
// repeats the value or a part of it, except a single check character (the one
// given and the one expected).
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "powerdesk/calendar.hpp"
#include "powerdesk/issue.hpp"
#include "powerdesk/text.hpp"

namespace powerdesk {

class Divisions;  // powerdesk/divisions.hpp: the GB/T 2260 code list of the national pack

// What a validator found: the normalised text (always set, so a form can show
// back what was understood), the parsed value (set exactly when there is no
// error-severity issue) and every issue, warnings included.
template <typename T>
struct Checked {
  std::string normalized;
  std::optional<T> value;
  Issues issues;

  bool ok() const { return value.has_value(); }
};

// ─────────────────────────── text normalisation ───────────────────────────

// ICU NFKC (U+FF10 "０" → "0", "Ａ" → "A", U+3000 → " ", "（" → "(", …), then
// trims surrounding white space (space, tab, CR, LF, after NFKC). Case is left
// alone: each validator folds the case its identifier allows. Ill-formed
// UTF-8 becomes U+FFFD, which every validator rejects.
std::string normalize_identifier_text(std::string_view input);

// normalize_identifier_text, then every run of white space inside the text
// (after NFKC: space, tab, CR, LF, …) becomes one space. For names and
// addresses.
std::string normalize_free_text(std::string_view input);

// A 6-digit GB/T 2260 administrative division code (行政区划代码) the caller
// knows, e.g. from the code list a rule pack ships. The list must include
// abolished codes: an ID number keeps the code of the place that first issued
// it. Without a predicate, only the province prefix is checked.
using DivisionCodePredicate = std::function<bool(std::string_view code6)>;

// The two-digit province-level prefixes of GB/T 2260 (the 34 provincial
// divisions): 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82.
bool is_province_code(std::string_view two_digits);

// ───────────────────────────── resident ID ─────────────────────────────

enum class Sex { Male, Female };

struct ResidentId {
  std::string value;        // 18 characters, check character upper case ('X')
  std::string region_code;  // characters 1–6
  Date birth_date;          // characters 7–14
  Sex sex;                  // character 17: odd male, even female
  int age = 0;              // whole years (周岁) on `today`; born 29 Feb: a year older on 1 Mar
};

// 居民身份证号码, GB 11643-1999: 17 digits and a check character (ISO 7064
// MOD 11-2: "10X98765432"[Σ aᵢwᵢ mod 11], weights 7 9 10 5 8 4 2 1 6 3 7 9 10
// 5 8 4 2); lower-case x is accepted and returned as X; the birth date must
// be a real date from 1900-01-01 to `today`; the region code must satisfy
// `known_division` or, without it, start with a province code. All problems
// are errors (PD_RESIDENT_ID_INVALID, PD_RESIDENT_ID_CHECKSUM,
// PD_RESIDENT_ID_BIRTH_DATE, PD_DIVISION_CODE_UNKNOWN). The 15-digit numbers
// of the first generation are refused (they are no longer valid documents).
Checked<ResidentId> validate_resident_id(std::string_view input, Date today, std::string_view path,
                                         const DivisionCodePredicate& known_division = {});

// The check character for 17 digits ('0'–'9' or 'X'), or '\0' if `first17`
// is not 17 ASCII digits.
char resident_id_check_char(std::string_view first17);

// ─────────────────────── unified social credit code ───────────────────────

// Where a USCC entity type comes from (the national pack marks each one).
enum class CreditCodeTypeSource {
  Gb32100,     // listed by GB 32100-2015 itself
  Notice,      // added by a later notice; the independent implementations compared agree
  Unverified,  // found in one third-party implementation only; kept so such codes do not warn
};

// The registration authorities (登记管理部门, character 1) and their entity
// types (机构类别, character 2), from the national pack's `credit_code_types`
// section (the table grows by notice, so it is data, not code).
struct CreditCodeTypes {
  struct EntityType {
    char code = 0;
    Bilingual name;
    CreditCodeTypeSource source = CreditCodeTypeSource::Gb32100;
  };
  struct Authority {
    char code = 0;
    Bilingual name;
    std::vector<EntityType> types;
  };
  std::vector<Authority> authorities;
  Citation citation;

  const Authority* authority(char code) const;                     // nullptr if not listed
  const EntityType* entity_type(char authority, char type) const;  // nullptr if not listed
};

struct CreditCode {
  std::string value;              // 18 characters, upper case
  char authority = 0;             // character 1: 登记管理部门代码
  char entity_type = 0;           // character 2: 机构类别代码
  std::string region_code;        // characters 3–8
  std::string organization_code;  // characters 9–17: 主体标识码 (GB 11714 organisation code)
  Bilingual authority_name;    // empty when the authority is not in the table (or none was given)
  Bilingual entity_type_name;  // empty when the pair is not in the table (or none was given)
};

// 统一社会信用代码, GB 32100-2015. Errors (PD_USCC_INVALID): not 18
// characters, a character outside 0-9 A-H J-N P-R T-U W-Y (I O S V Z are never
// used; lower case is accepted and upper-cased), or characters 3–8 not digits.
// Warnings, because some legitimately issued codes fail them: the MOD 31
// check character (position 18) and the GB 11714 check of the embedded
// organisation code (position 17) (PD_USCC_CHECKSUM, with the expected
// character), an authority or entity type not in `types`
// (PD_USCC_TYPE_UNKNOWN; with `types` null this check is skipped and the
// names stay empty) and an unknown region code (PD_DIVISION_CODE_UNKNOWN;
// "100000", the national level, is always known). With only warnings the
// code is returned in `value`. `types` is usually the national pack's
// credit_code_types.
Checked<CreditCode> validate_credit_code(std::string_view input, std::string_view path,
                                         const CreditCodeTypes* types,
                                         const DivisionCodePredicate& known_division = {});

// MOD 31 check character of a code's first 17 characters (alphabet
// "0123456789ABCDEFGHJKLMNPQRTUWXY", weights 3^(i-1) mod 31), or '\0' if a
// character is outside the alphabet or the length is not 17.
char credit_code_check_char(std::string_view first17);

// GB 11714 check character of an organisation code's first 8 characters
// (digits and upper-case letters, A = 10 … Z = 35; weights 3 7 9 10 5 8 4 2;
// 11 − Σ mod 11, 10 → 'X', 11 → '0'), or '\0' if the input is not 8 such
// characters.
char organization_code_check_char(std::string_view first8);

// ──────────────────────────── phone numbers ────────────────────────────

enum class PhoneKind { Mobile, Landline };

struct PhoneNumber {
  PhoneKind kind = PhoneKind::Mobile;
  // Mobile: 11 digits. Landline: area code, '-', local number, and with an
  // extension a second '-' and the extension: "010-62345678", "0571-8765432-801".
  std::string value;
  std::string area_code;  // landline: "010", "0571"
  std::string number;     // mobile: the 11 digits; landline: the 7–8 digit local number
  std::string extension;  // landline only, 1–6 digits
};

// Mainland mobile: 11 digits, 1[3-9]xxxxxxxxx, spaces or '-' between groups
// allowed ("138 1234 5678"). Landline: '0' + a 2-digit (10, 20–29) or 3-digit
// (30–99…) area code, then a 7–8 digit local number not starting with 0 or 1;
// written run together, "0571-87654321", "0571 8765 4321" or
// "(0571)87654321"; an optional extension after '-', "转", "ext", "x" or '#'.
// Every problem is PD_PHONE_INVALID (error).
Checked<PhoneNumber> validate_phone(std::string_view input, std::string_view path);

// ───────────────────── postal codes and account numbers ─────────────────────

// 邮政编码: exactly 6 digits (PD_POSTAL_CODE_INVALID).
Checked<std::string> validate_postal_code(std::string_view input, std::string_view path);

// 户号: digits only, of one of the lengths the provincial company uses (a
// parameter: State Grid's legacy 10 digits, 13 after migration in some
// provinces, e.g. {10, 13}). No public check-digit standard exists, so none is
// checked (PD_ACCOUNT_INVALID).
Checked<std::string> validate_account_number(std::string_view input, std::string_view path,
                                             const std::vector<int>& allowed_lengths);

// ─────────────────────────────── addresses ───────────────────────────────

struct Address {
  // The normalised address with the recognised places written in full and
  // missing higher levels filled in: "浙江杭州西湖区 文三路90号" →
  // "浙江省杭州市西湖区文三路90号". Without recognised places, the normalised text.
  std::string text;
  // GB/T 2260 codes and names of the recognised places; empty when not
  // recognised. `prefecture` is empty for a municipality's districts (北京市
  // 朝阳区) and for counties directly under a province (湖北省仙桃市).
  std::string province_code, province_name;      // "330000", "浙江省"
  std::string prefecture_code, prefecture_name;  // "330100", "杭州市"
  std::string county_code, county_name;          // "330106", "西湖区"
  std::string detail;                            // the rest: "文三路90号1栋2单元301室"
};

// Graphemes an address's detail (after the recognised places) needs at
// least, and the most an address may have; see docs/identity.md.
inline constexpr size_t kMinAddressDetailGraphemes = 3;
inline constexpr size_t kMaxAddressGraphemes = 200;

// An address (e.g. of the premises to be supplied). Normalised like
// normalize_free_text (ICU NFKC, trimmed, inner white space collapsed to one
// space); then `divisions` (may be null: no place recognition) recognises the
// leading province, prefecture and county (Divisions::parse_place). Errors:
//   PD_ADDRESS_INVALID: empty; ill-formed text, control characters or
//     symbols such as emoji; more than kMaxAddressGraphemes graphemes; fewer
//     than kMinAddressDetailGraphemes after the recognised places (the street,
//     building or village is missing); or, when `region_division` is given
//     (the regional pack's province-level code, e.g. "330000") with
//     `divisions`, no recognisable place.
//   PD_ADDRESS_OUTSIDE_REGION: the recognised place is outside
//     `region_division`'s province; the message names the region, never the
//     address, and there is no suggestion.
// `region_division` empty (or not six digits) or `divisions` null: no region
// check.
// An address without its province (杭州市西湖区…) is fine: the province follows
// from the city and is filled in. Messages never repeat the address.
Checked<Address> validate_address(std::string_view input, std::string_view path,
                                  const Divisions* divisions, std::string_view region_division);

// ───────────────────────────────── names ─────────────────────────────────

// Graphemes (user-perceived characters, ICU BreakIterator) a name may have.
inline constexpr size_t kMinPersonNameGraphemes = 2;
inline constexpr size_t kMaxPersonNameGraphemes = 30;       // Han script
inline constexpr size_t kMaxLatinPersonNameGraphemes = 60;  // Latin script (foreign names)
inline constexpr size_t kMinOrganizationNameGraphemes = 2;
inline constexpr size_t kMaxOrganizationNameGraphemes = 100;

// A person's name. Normalised: NFKC, trimmed, white space collapsed; spaces
// between Han characters and around a middle dot removed; the middle dot's
// look-alikes (• U+2022, ・ U+30FB, ･ U+FF65, ‧ U+2027, ∙ U+2219, ⋅ U+22C5,
// ꞏ U+A78F, ⸱ U+2E31) become U+00B7 ·. Either Han characters with single
// middle dots between them (张三, 欧阳娜娜, 阿依古丽·买买提), 2–30 graphemes;
// or Latin letters with single spaces, hyphens or apostrophes between them
// (John Smith, O'Neil), 2–60 graphemes. Every problem is PD_NAME_INVALID
// (error): a dot at the start or end or doubled, a '.' used as the dot,
// digits, other scripts, symbols and emoji, Han and Latin mixed, too short or
// too long. When the fix is obvious (a '.' for the dot, a doubled dot, a dot
// at an end) the issue's `suggestion` holds the corrected name: personal
// data, for the applicant's own form only. Messages never repeat the name.
Checked<std::string> validate_person_name(std::string_view input, std::string_view path);

// An organisation's name (企业、机关、社会组织名称). Normalised like a person's
// name, with brackets written full width （） when the name has Han
// characters (as on licences) and ASCII () otherwise. Allowed: Han, Latin
// letters, digits, single spaces, brackets (balanced, not nested), the middle
// dot and - & . , ' 、; at least one Han character or Latin letter; 2–100
// graphemes. Every problem is PD_NAME_INVALID (error).
Checked<std::string> validate_organization_name(std::string_view input, std::string_view path);

// ───────────────────────── personal-data masks ─────────────────────────
//
// THE ONLY WAY personal data may reach logs or any output that is not the
// applicant's own form. Each mask normalises like the validators, accepts
// any text (valid or not) and never returns more of it than the pattern
// shows; text too short for the pattern is masked entirely. Characters are
// counted as Unicode code points; the output has one '*' per hidden code
// point (ill-formed UTF-8 is always hidden).

// First 6 and last 4 characters: 11010519491231002X → 110105********002X.
std::string mask_resident_id(std::string_view id);

// Mobile: first 3 and last 4 digits, 13812345678 → 138****1234. Landline: the
// area code and the last 4 digits of the local number, extension dropped:
// 0571-87654321 → 0571-****4321. Anything else: the first 3 and last 4
// characters of at least 11, else all masked.
std::string mask_phone(std::string_view phone);

// The family name and one '*' per further character: 张三 → 张*, 欧阳娜娜 →
// 欧阳**. The family name is the first character, or the first two when they
// are a common compound surname (复姓: 欧阳, 司马, 诸葛, …) and the name has
// at least three characters. A middle dot (·) in minority names is masked
// like any other character.
std::string mask_name(std::string_view name);

// The last 4 characters of an account number (户号): 3302012345 → ******2345.
std::string mask_account(std::string_view account);

namespace detail {
// Whether normalize_identifier_text uses ICU NFKC (false only if ICU cannot
// load its normalisation data, e.g. a WASM module whose data file was not
// installed; then the full-width fold below is used instead).
bool identity_text_uses_icu();
// The fallback: U+FF01–FF5E → U+0021–007E and U+3000 → space, then trimming.
// For every character an identifier, phone or postal code may contain this
// equals NFKC (the tests check it); it does not fold other compatibility
// characters (①, ㈠, ligatures …).
std::string normalize_identifier_text_without_icu(std::string_view input);
// Unicode code points in UTF-8 text (an ill-formed sequence counts as one).
size_t count_code_points(std::string_view utf8);
// Grapheme clusters (user-perceived characters: a letter with its combining
// marks, an emoji sequence) by ICU's character BreakIterator (brkitr/char.brk,
// in the WASM data file too). Without ICU's break data: code points that are
// not combining marks (Mn, Me), joiners or variation selectors.
size_t count_graphemes(std::string_view utf8);
bool graphemes_use_icu();
}  // namespace detail

}  // namespace powerdesk
