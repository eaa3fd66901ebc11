// Names of persons and organisations on an application (报装).
//
// Why ICU and not hand-written tables: "is this character a Chinese
// character?" is the Unicode Script property (uscript_getScript: Han covers
// the CJK blocks and every extension plane, which no hand-kept range list
// keeps up with), "how long is this name?" is the number of grapheme clusters
// (a letter with its combining accent is one character; counted by ICU's
// BreakIterator, detail::count_graphemes), and full-width or compatibility
// forms are NFKC (normalize_free_text). Script and category data are compiled
// into ICU's common library and the break rules are in the WASM data file, so
// both builds decide alike.
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "powerdesk/identity.hpp"

namespace powerdesk {
namespace {

using Text = std::vector<UChar32>;

constexpr UChar32 kMiddleDot = 0x00B7;

Text code_points(std::string_view utf8) {
  Text out;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    out.push_back(c < 0 ? 0xFFFD : c);
  }
  return out;
}

std::string utf8(const Text& text, size_t count = SIZE_MAX) {
  std::string out;
  for (size_t i = 0; i < text.size() && i < count; ++i) {
    uint8_t buf[U8_MAX_LENGTH];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(buf, len, U8_MAX_LENGTH, text[i], error);
    if (!error) out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(len));
  }
  return out;
}

// Dots people type for the middle dot of minority and transliterated names:
// • bullet, ・ katakana (and its half-width form), ‧ hyphenation point (what
// Big5 text's middle dot becomes), ∙ ⋅ operators, ꞏ sinological dot, ⸱ word
// separator, · Greek ano teleia.
bool is_middle_dot_lookalike(UChar32 c) {
  switch (c) {
    case 0x2022:
    case 0x30FB:
    case 0xFF65:
    case 0x2027:
    case 0x2219:
    case 0x22C5:
    case 0xA78F:
    case 0x2E31:
    case 0x0387:
      return true;
    default:
      return false;
  }
}

bool is_han(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  const bool han = uscript_getScript(c, &status) == USCRIPT_HAN && U_SUCCESS(status);
  return han &&
         (u_charType(c) == U_OTHER_LETTER || c == 0x3007);  // not radicals; 〇 is a number letter
}

bool is_latin_letter(UChar32 c) {
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(c, &status) == USCRIPT_LATIN && U_SUCCESS(status) && u_isalpha(c);
}

bool is_mark(UChar32 c) {
  const int8_t t = u_charType(c);
  return t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_COMBINING_SPACING_MARK;
}

// '.' (also from full-width ．) and 。 where a middle dot was meant.
bool is_full_stop(UChar32 c) { return c == '.' || c == 0x3002; }
bool is_dot(UChar32 c) { return c == kMiddleDot || is_full_stop(c); }

// Look-alike dots become ·, ’ becomes ', and spaces go where they cannot
// belong: next to a dot, and between Han characters (张 三 → 张三).
Text normalized_name(std::string_view input) {
  Text in = code_points(normalize_free_text(input));
  for (UChar32& c : in) {
    if (is_middle_dot_lookalike(c)) c = kMiddleDot;
    if (c == 0x2019) c = '\'';
  }
  Text out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == ' ' && i > 0 && i + 1 < in.size()) {
      const UChar32 before = in[i - 1], after = in[i + 1];
      if (is_dot(before) || is_dot(after) || (is_han(before) && is_han(after))) continue;
    }
    out.push_back(in[i]);
  }
  return out;
}

Issue name_issue(const std::string& path, std::string zh, std::string en) {
  return make_issue(Code::NameInvalid, path, std::move(zh), std::move(en));
}

// 1-based position in graphemes of text[index].
size_t position(const Text& text, size_t index) {
  return detail::count_graphemes(utf8(text, index)) + 1;
}

// The dots of a Han name fixed: 。/. → ·, runs of dots → one, none at the ends.
Text fixed_dots(const Text& text) {
  Text out;
  for (UChar32 c : text) {
    if (is_dot(c)) {
      if (out.empty() || out.back() == kMiddleDot) continue;
      c = kMiddleDot;
    }
    out.push_back(c);
  }
  while (!out.empty() && out.back() == kMiddleDot) out.pop_back();
  return out;
}

void check_han_dots(const Text& name, const std::string& p, Issues& issues) {
  const bool at_end = is_dot(name.front()) || is_dot(name.back());
  bool doubled = false, full_stop = false;
  for (size_t i = 0; i < name.size(); ++i) {
    doubled = doubled || (i > 0 && is_dot(name[i]) && is_dot(name[i - 1]));
    full_stop = full_stop || is_full_stop(name[i]);
  }
  if (full_stop) {
    issues.push_back(name_issue(p, "姓名中的间隔号应为“·”，不是句号或句点",
                                "the dot in a name is the middle dot '·', not a full stop"));
  }
  if (at_end) {
    issues.push_back(name_issue(p, "间隔号“·”不能在姓名的开头或结尾",
                                "the middle dot '·' cannot start or end a name"));
  }
  if (doubled) {
    issues.push_back(name_issue(p, "间隔号“·”不能连用", "the middle dot '·' cannot be doubled"));
  }
}

// Spaces, hyphens and apostrophes only between letters: John Smith, O'Neil.
void check_latin_separators(const Text& name, const std::string& p, Issues& issues) {
  auto separator = [](UChar32 c) { return c == ' ' || c == '-' || c == '\''; };
  bool misplaced = separator(name.front()) || separator(name.back());
  for (size_t i = 1; i < name.size(); ++i)
    misplaced = misplaced || (separator(name[i]) && separator(name[i - 1]));
  if (misplaced) {
    issues.push_back(
        name_issue(p, "外文姓名中的空格、连字符和撇号只能在字母之间，且不能连用",
                   "spaces, hyphens and apostrophes in a Latin-script name go between letters, "
                   "one at a time"));
  }
}

void check_length(size_t graphemes, size_t min, size_t max, const std::string& what_zh,
                  const std::string& what_en, const std::string& p, Issues& issues) {
  if (graphemes < min) {
    issues.push_back(name_issue(p, what_zh + "至少 " + std::to_string(min) + " 个字",
                                what_en + " has at least " + std::to_string(min) + " characters"));
  } else if (graphemes > max) {
    issues.push_back(name_issue(p,
                                what_zh + "最多 " + std::to_string(max) + " 个字，当前 " +
                                    std::to_string(graphemes) + " 个",
                                what_en + " has at most " + std::to_string(max) +
                                    " characters, not " + std::to_string(graphemes)));
  }
}

// A space stays only between two ASCII characters (ABC (Shanghai) Co., Ltd.);
// next to a Chinese character or a bracket beside one it goes (Chinese
// typography has none: 阿里巴巴(中国)有限公司).
Text without_cjk_spaces(const Text& in) {
  Text out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == ' ' && i > 0 && i + 1 < in.size() && (in[i - 1] >= 0x80 || in[i + 1] >= 0x80))
      continue;
    out.push_back(in[i]);
  }
  return out;
}

}  // namespace

Checked<std::string> validate_person_name(std::string_view input, std::string_view path) {
  Checked<std::string> out;
  const Text name = normalized_name(input);
  out.normalized = utf8(name);
  const std::string p(path);
  if (name.empty()) {
    out.issues.push_back(name_issue(p, "请填写姓名", "the name is empty"));
    return out;
  }
  bool han = false, latin = false, digit = false, ill_formed = false;
  size_t other = SIZE_MAX;  // index of the first character no name may hold
  for (size_t i = 0; i < name.size(); ++i) {
    const UChar32 c = name[i];
    if (c == 0xFFFD) {
      ill_formed = true;
    } else if (is_han(c)) {
      han = true;
    } else if (is_latin_letter(c)) {
      latin = true;
    } else if (u_isdigit(c)) {
      digit = true;
    } else if (is_mark(c) && i > 0 && (is_latin_letter(name[i - 1]) || is_mark(name[i - 1]))) {
      // a combining accent on a Latin letter: part of that letter
    } else if (!is_dot(c) && c != ' ' && c != '-' && c != '\'' && other == SIZE_MAX) {
      other = i;
    }
  }
  if (ill_formed) {
    out.issues.push_back(name_issue(p, "姓名含有无法识别的字符（编码有误）",
                                    "the name has characters that cannot be read (bad encoding)"));
  }
  if (digit)
    out.issues.push_back(name_issue(p, "姓名不能含有数字", "a name cannot contain digits"));
  if (other != SIZE_MAX) {
    const std::string at = std::to_string(position(name, other));
    out.issues.push_back(name_issue(
        p, "姓名第 " + at + " 个字符不是汉字或拉丁字母（姓名不能含有符号、表情或其他文字）",
        "character " + at +
            " of the name is neither a Chinese character nor a Latin letter (no symbols, "
            "emoji or other scripts)"));
  }
  if (han && latin) {
    out.issues.push_back(
        name_issue(p, "中文姓名不能夹有拉丁字母；外文姓名请只用拉丁字母",
                   "a Chinese name cannot mix in Latin letters; write a foreign name in "
                   "Latin letters only"));
  }
  const size_t graphemes = detail::count_graphemes(out.normalized);
  if (han && !latin) {
    for (UChar32 c : name) {
      if (c == ' ' || c == '-' || c == '\'') {
        out.issues.push_back(name_issue(p, "中文姓名不能含有空格、连字符或撇号",
                                        "a Chinese name has no spaces, hyphens or apostrophes"));
        break;
      }
    }
    const size_t before = out.issues.size();
    check_han_dots(name, p, out.issues);
    const size_t dot_issues_end = out.issues.size();
    check_length(graphemes, kMinPersonNameGraphemes, kMaxPersonNameGraphemes, "姓名", "a name", p,
                 out.issues);
    if (dot_issues_end > before) {
      // The dots have an obvious fix: offer the fixed name when it is valid.
      const Checked<std::string> again = validate_person_name(utf8(fixed_dots(name)), path);
      if (again.ok()) {
        for (size_t i = before; i < dot_issues_end; ++i) out.issues[i].suggestion = *again.value;
      }
    }
  } else if (latin && !han) {
    if (std::any_of(name.begin(), name.end(), is_dot)) {
      out.issues.push_back(
          name_issue(p, "外文姓名不能含有间隔号或句点", "a Latin-script name has no dots"));
    }
    check_latin_separators(name, p, out.issues);
    check_length(graphemes, kMinPersonNameGraphemes, kMaxLatinPersonNameGraphemes, "外文姓名",
                 "a Latin-script name", p, out.issues);
  } else if (!han && !latin && out.issues.empty()) {
    out.issues.push_back(name_issue(p, "姓名须由汉字或拉丁字母组成",
                                    "a name is written in Chinese characters or Latin letters"));
  }
  if (!has_errors(out.issues)) out.value = out.normalized;
  return out;
}

Checked<std::string> validate_organization_name(std::string_view input, std::string_view path) {
  Checked<std::string> out;
  Text name = without_cjk_spaces(normalized_name(input));
  const std::string p(path);
  bool han = false, letter = false, ill_formed = false;
  size_t other = SIZE_MAX;
  int depth = 0;
  bool brackets_ok = true;
  for (size_t i = 0; i < name.size(); ++i) {
    const UChar32 c = name[i];
    if (c == 0xFFFD) {
      ill_formed = true;
    } else if (is_han(c)) {
      han = letter = true;
    } else if (is_latin_letter(c)) {
      letter = true;
    } else if (c == '(' || c == ')') {
      depth += c == '(' ? 1 : -1;
      brackets_ok = brackets_ok && depth >= 0 && depth <= 1;
    } else if (is_mark(c) && i > 0 && (is_latin_letter(name[i - 1]) || is_mark(name[i - 1]))) {
      // a combining accent on a Latin letter
    } else if (!(c >= '0' && c <= '9') && c != ' ' && c != kMiddleDot && c != '-' && c != '&' &&
               c != '.' && c != ',' && c != '\'' && c != 0x3001 && other == SIZE_MAX) {
      other = i;
    }
  }
  brackets_ok = brackets_ok && depth == 0;
  if (han) {  // as on licences: 阿里巴巴（中国）有限公司
    for (UChar32& c : name) c = c == '(' ? 0xFF08 : c == ')' ? 0xFF09 : c;
  }
  out.normalized = utf8(name);
  if (name.empty()) {
    out.issues.push_back(name_issue(p, "请填写单位名称", "the organisation's name is empty"));
    return out;
  }
  if (ill_formed) {
    out.issues.push_back(
        name_issue(p, "单位名称含有无法识别的字符（编码有误）",
                   "the organisation's name has characters that cannot be read (bad encoding)"));
  }
  if (other != SIZE_MAX) {
    const std::string at = std::to_string(position(name, other));
    out.issues.push_back(name_issue(
        p, "单位名称第 " + at + " 个字符不允许（可用汉字、拉丁字母、数字、括号和 · - & . , ' 、）",
        "character " + at +
            " of the organisation's name is not allowed (Chinese characters, Latin letters, "
            "digits, brackets and · - & . , ' 、 are)"));
  }
  if (!brackets_ok) {
    out.issues.push_back(
        name_issue(p, "单位名称中的括号须成对且不能嵌套",
                   "brackets in the organisation's name must pair up and not nest"));
  }
  if (!letter) {
    out.issues.push_back(
        name_issue(p, "单位名称须含有汉字或拉丁字母",
                   "the organisation's name needs Chinese characters or Latin letters"));
  }
  check_length(detail::count_graphemes(out.normalized), kMinOrganizationNameGraphemes,
               kMaxOrganizationNameGraphemes, "单位名称", "the organisation's name", p, out.issues);
  if (!has_errors(out.issues)) out.value = out.normalized;
  return out;
}

}  // namespace powerdesk
