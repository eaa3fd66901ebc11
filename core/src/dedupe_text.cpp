// Text normalisation for matching: ICU NFKC_Casefold, white space collapsed,
// customer numbers reduced to their letters and digits.
//
// Why NFKC_Casefold: one ICU call does what channel data needs — full-width
// letters and digits and the ideographic space become ASCII, compatibility
// ideographs become the unified ones, case is folded — and its data
// (nfkc_cf.nrm) ships in the WASM core data file next to nfkc.nrm. Pure
// ASCII skips ICU: NFKC leaves it alone, so folding it by hand is exact.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <string>
#include <string_view>

#include "dedupe_internal.hpp"
#include "powerdesk/identity.hpp"

namespace powerdesk::dedupe {
namespace detail {

std::u32string to_u32(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    out.push_back(c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c));
  }
  return out;
}

std::string to_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size() * 3);
  for (char32_t c : text) {
    if (c >= kSyllableBase) continue;  // tokens are not text
    uint8_t buf[U8_MAX_LENGTH];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(buf, len, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
    if (!error) out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
  }
  return out;
}

bool is_han(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return true;  // the common case, without a lookup
  if (c < 0x2E80 || c >= kSyllableBase) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &status) == USCRIPT_HAN && U_SUCCESS(status);
}

}  // namespace detail

namespace {

using detail::is_han;

bool is_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

char32_t ascii_lower(char32_t c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
         (c >= 0x80 && u_isUWhiteSpace(static_cast<UChar32>(c)));
}

// Collapses white space and drops it between two Han characters.
std::u32string tidy_spaces(std::u32string_view in) {
  std::u32string out;
  out.reserve(in.size());
  bool pending_space = false;
  for (char32_t c : in) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space && !(is_han(out.back()) && is_han(c))) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

const icu::Normalizer2* nfkc_casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  return U_SUCCESS(status) ? n : nullptr;
}

std::u32string folded(std::string_view input) {
  if (is_ascii(input)) {
    std::u32string out(input.begin(), input.end());
    for (char32_t& c : out) c = ascii_lower(c);
    return out;
  }
  if (const icu::Normalizer2* n = nfkc_casefold()) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(input.data(), static_cast<int32_t>(input.size())));
    const icu::UnicodeString normalized = n->normalize(text, status);
    if (U_SUCCESS(status)) {
      std::u32string out;
      out.reserve(static_cast<size_t>(normalized.length()));
      for (int32_t i = 0; i < normalized.length(); i = normalized.moveIndex32(i, 1))
        out.push_back(static_cast<char32_t>(normalized.char32At(i)));
      return out;
    }
  }
  std::u32string out = detail::to_u32(normalize_identifier_text(input));
  for (char32_t& c : out) c = ascii_lower(c);
  return out;
}

}  // namespace

namespace detail {
std::u32string normalize_u32(std::string_view input) { return tidy_spaces(folded(input)); }
}  // namespace detail

std::string normalize_text(std::string_view input) {
  return detail::to_utf8(detail::normalize_u32(input));
}

std::string normalize_customer_number(std::string_view input) {
  const std::string text = is_ascii(input) ? std::string(input) : normalize_identifier_text(input);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c >= '0' && c <= '9') out.push_back(c);
    else if (c >= 'A' && c <= 'Z') out.push_back(c);
    else if (c >= 'a' && c <= 'z') out.push_back(static_cast<char>(c - 'a' + 'A'));
  }
  return out;
}

std::string_view field_name(Field f) {
  switch (f) {
    case Field::CustomerNumber: return "customer_number";
    case Field::Phone: return "phone";
    case Field::Name: return "name";
    case Field::Address: return "address";
    case Field::ContactName: return "contact_name";
  }
  return "name";
}

Bilingual field_label(Field f) {
  switch (f) {
    case Field::CustomerNumber: return {"户号", "customer number"};
    case Field::Phone: return {"电话", "phone"};
    case Field::Name: return {"姓名", "name"};
    case Field::Address: return {"地址", "address"};
    case Field::ContactName: return {"联系人", "contact name"};
  }
  return {"姓名", "name"};
}

}  // namespace powerdesk::dedupe
