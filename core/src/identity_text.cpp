// Text normalisation shared by the identity validators and masks: ICU NFKC,
// then trimming (and, for names and addresses, collapsing white space); and
// counting graphemes with ICU's character BreakIterator.
//
// Why ICU: NFKC is the standard answer to "full-width digits and letters,
// ideographic spaces, compatibility forms"; ICU is linked in both builds and
// its NFKC data (nfkc.nrm) is in the filtered WASM data file the module loads
// at start (wasm/icu/data/03-nfkc.txt, docs/icu-wasm.md), so native and WASM
// normalise alike. The hand-written fold below is only a fallback for an ICU
// without its data (a WASM module used before its data file is installed):
// for every character an identifier may contain it gives the same result, so
// validation does not depend on it, and the tests cross-check the two.
//
// Graphemes: a name's length is what a person sees, so "é" written as e plus
// a combining accent is one character and so is an emoji sequence. The rules
// (UAX #29) change with Unicode versions; ICU's BreakIterator implements them
// and its data (brkitr/char.brk) is in the WASM data file
// (wasm/icu/data/05-grapheme.txt), so native and WASM count alike.
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "powerdesk/identity.hpp"

namespace powerdesk {
namespace {

bool is_trim_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string trim(std::string s) {
  size_t b = 0, e = s.size();
  while (b < e && is_trim_space(s[b])) ++b;
  while (e > b && is_trim_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

const icu::Normalizer2* nfkc() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
  return U_SUCCESS(status) ? n : nullptr;
}

std::unique_ptr<icu::BreakIterator> grapheme_breaks() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) return nullptr;
  return it;
}

// Without break data: a combining mark, joiner or variation selector joins
// the character before it.
bool joins_previous(UChar32 c) {
  const int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
         type == U_COMBINING_SPACING_MARK || c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) ||
         (c >= 0xE0100 && c <= 0xE01EF);
}

void append_utf8(std::string& out, UChar32 c) {
  uint8_t buf[U8_MAX_LENGTH];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, U8_MAX_LENGTH, c, error);
  if (error) return;
  out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
}

}  // namespace

namespace detail {

bool identity_text_uses_icu() { return nfkc() != nullptr; }

std::string normalize_identifier_text_without_icu(std::string_view input) {
  std::string out;
  out.reserve(input.size());
  const auto* s = reinterpret_cast<const uint8_t*>(input.data());
  const auto length = static_cast<int32_t>(input.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      c = 0xFFFD;  // as ICU's fromUTF8 does for an ill-formed sequence
    } else if (c >= 0xFF01 && c <= 0xFF5E) {
      c -= 0xFEE0;  // full-width ASCII variants (０-９ Ａ-Ｚ ａ-ｚ － （ ） ＃ …)
    } else if (c == 0x3000) {
      c = ' ';  // ideographic space
    }
    append_utf8(out, c);
  }
  return trim(std::move(out));
}

size_t count_code_points(std::string_view utf8) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  size_t n = 0;
  for (int32_t i = 0; i < length; ++n) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
  }
  return n;
}

bool graphemes_use_icu() { return grapheme_breaks() != nullptr; }

size_t count_graphemes(std::string_view utf8) {
  std::unique_ptr<icu::BreakIterator> it = grapheme_breaks();
  if (it == nullptr) {
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    const auto length = static_cast<int32_t>(utf8.size());
    size_t n = 0;
    for (int32_t i = 0; i < length;) {
      UChar32 c = 0;
      U8_NEXT(s, i, length, c);
      if (n == 0 || c < 0 || !joins_previous(c)) ++n;
    }
    return n;
  }
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  it->setText(text);
  size_t n = 0;
  for (int32_t at = it->next(); at != icu::BreakIterator::DONE; at = it->next()) ++n;
  return n;
}

}  // namespace detail

std::string normalize_free_text(std::string_view input) {
  const std::string text = normalize_identifier_text(input);
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  bool space = false;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && u_isUWhiteSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out.append(text, static_cast<size_t>(start), static_cast<size_t>(i - start));
  }
  return out;
}

std::string normalize_identifier_text(std::string_view input) {
  const icu::Normalizer2* n = nfkc();
  if (n == nullptr) return detail::normalize_identifier_text_without_icu(input);
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(input.data(), static_cast<int32_t>(input.size())));
  const icu::UnicodeString normalized = n->normalize(text, status);
  if (U_FAILURE(status)) return detail::normalize_identifier_text_without_icu(input);
  std::string out;
  normalized.toUTF8String(out);
  return trim(std::move(out));
}

bool is_province_code(std::string_view p) {
  if (p.size() != 2 || p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9') return false;
  const int d = (p[0] - '0') * 10 + (p[1] - '0');
  return (d >= 11 && d <= 15) || (d >= 21 && d <= 23) || (d >= 31 && d <= 37) ||
         (d >= 41 && d <= 46) || (d >= 50 && d <= 54) || (d >= 61 && d <= 65) || d == 71 ||
         d == 81 || d == 82;
}

}  // namespace powerdesk
