// Phone numbers: mainland mobile numbers and landlines with an area code.
//
// Hand-written rather than libphonenumber: the rules needed are a handful
// (mobile 1[3-9] + 9 digits; area codes 010, 02x or 0 + 3 digits; local
// numbers of 7–8 digits not starting with 0 or 1), libphonenumber is not in
// Debian's WASM reach (no Emscripten build; it pulls protobuf), and its
// metadata would have to be kept current besides.
#include <string>
#include <string_view>
#include <vector>

#include "powerdesk/identity.hpp"

namespace powerdesk {
namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string trim_spaces(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && s[b] == ' ') ++b;
  while (e > b && s[e - 1] == ' ') --e;
  return std::string(s.substr(b, e - b));
}

bool is_separator(char c) { return c == ' ' || c == '-'; }

// Splits at runs of spaces and '-'.
std::vector<std::string> groups_of(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_separator(s[i])) ++i;
    const size_t start = i;
    while (i < s.size() && !is_separator(s[i])) ++i;
    if (i > start) out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

// The length of the area code (with its leading 0) that a number starting
// with these digits has: 010 and 020–029 are 3, 03xx–09xx are 4, 00… is none.
size_t area_code_length(std::string_view digits) {
  if (digits.size() < 2 || digits[0] != '0') return 0;
  if (digits[1] == '1') return digits.size() >= 3 && digits[2] == '0' ? 3 : 0;
  if (digits[1] == '2') return 3;
  if (digits[1] >= '3' && digits[1] <= '9') return 4;
  return 0;
}

}  // namespace

Checked<PhoneNumber> validate_phone(std::string_view input, std::string_view path) {
  Checked<PhoneNumber> out;
  out.normalized = normalize_identifier_text(input);
  const std::string p(path);
  auto fail = [&](std::string zh, std::string en) {
    out.issues.push_back(make_issue(Code::PhoneInvalid, p, std::move(zh), std::move(en)));
    return out;
  };
  const std::string& text = out.normalized;
  if (text.empty()) return fail("电话号码为空", "the phone number is empty");

  // The extension, after 转, "ext", "x" or '#'.
  std::string main = text;
  std::string extension;
  bool marked_extension = false;
  {
    const std::string lower = lower_ascii(text);
    size_t at = std::string::npos, marker = 0;
    for (std::string_view m :
         {std::string_view("转"), std::string_view("ext."), std::string_view("ext"),
          std::string_view("x"), std::string_view("#")}) {
      const size_t f = lower.find(m);
      if (f != std::string::npos && f < at) {
        at = f;
        marker = m.size();
      }
    }
    if (at != std::string::npos) {
      marked_extension = true;
      main = trim_spaces(std::string_view(text).substr(0, at));
      extension = trim_spaces(std::string_view(text).substr(at + marker));
      if (!all_digits(extension) || extension.size() > 6) {
        return fail("分机号应为 1–6 位数字", "an extension is 1-6 digits");
      }
    }
  }

  // An area code in brackets: (0571)87654321.
  std::string bracket_area;
  std::string rest = main;
  if (!main.empty() && main[0] == '(') {
    const size_t close = main.find(')');
    if (close == std::string::npos)
      return fail("区号的括号不完整", "the area code's bracket is not closed");
    bracket_area = trim_spaces(std::string_view(main).substr(1, close - 1));
    rest = main.substr(close + 1);
    if (!all_digits(bracket_area)) {
      return fail("括号内应为区号（数字）", "the brackets must hold the area code (digits)");
    }
  }
  std::vector<std::string> groups = groups_of(rest);
  for (const std::string& g : groups) {
    if (!all_digits(g)) {
      return fail("电话号码只能包含数字、空格、“-”、区号括号和分机号",
                  "a phone number may contain only digits, spaces, '-', the area code in "
                  "brackets and an extension");
    }
  }
  if (groups.empty()) return fail("缺少电话号码", "the phone number is missing");

  // Mobile: 11 digits starting 1[3-9], in any grouping.
  if (bracket_area.empty() && groups[0][0] == '1') {
    std::string digits;
    for (const std::string& g : groups) digits += g;
    if (digits.size() != 11) {
      return fail("手机号码应为 11 位数字，当前为 " + std::to_string(digits.size()) + " 位",
                  "a mobile number has 11 digits, not " + std::to_string(digits.size()));
    }
    if (digits[1] < '3') {
      return fail("手机号码应以 13–19 开头", "a mobile number starts with 13-19");
    }
    if (marked_extension) return fail("手机号码没有分机号", "a mobile number has no extension");
    PhoneNumber n;
    n.kind = PhoneKind::Mobile;
    n.value = digits;
    n.number = digits;
    out.value = std::move(n);
    return out;
  }

  // Landline: area code, then the local number in one group of 7–8 digits or
  // two groups of 3–4 and 4, then perhaps an extension group.
  std::string area;
  std::vector<std::string> local_groups;
  if (!bracket_area.empty()) {
    area = bracket_area;
    local_groups = groups;
  } else if (groups.size() > 1) {
    area = groups[0];
    local_groups.assign(groups.begin() + 1, groups.end());
  } else {
    const size_t n = area_code_length(groups[0]);
    if (n == 0 || groups[0].size() <= n) {
      return fail("固定电话应以区号开头（如 010、021、0571），手机号码应为 1 开头的 11 位数字",
                  "a landline starts with its area code (e.g. 010, 021, 0571); a mobile number "
                  "is 11 digits starting with 1");
    }
    area = groups[0].substr(0, n);
    local_groups.push_back(groups[0].substr(n));
  }
  const size_t expected_area = area_code_length(area);
  if (area[0] != '0' || expected_area == 0 || area.size() != expected_area) {
    return fail("区号无效：区号为 010、02X 或 0 加 3 位数字（如 0571）",
                "invalid area code: area codes are 010, 02X or 0 and 3 digits (e.g. 0571)");
  }
  std::string local;
  size_t used = 0;
  if (!local_groups.empty() && local_groups[0].size() >= 7 && local_groups[0].size() <= 8) {
    local = local_groups[0];
    used = 1;
  } else if (local_groups.size() >= 2 && local_groups[0].size() >= 3 &&
             local_groups[0].size() <= 4 && local_groups[1].size() == 4) {
    local = local_groups[0] + local_groups[1];
    used = 2;
  } else {
    return fail("固定电话号码（区号之后）应为 7–8 位数字",
                "a landline number (after the area code) has 7-8 digits");
  }
  if (local_groups.size() == used + 1 && !marked_extension) {
    extension = local_groups[used];
    if (extension.size() > 6) return fail("分机号应为 1–6 位数字", "an extension is 1-6 digits");
  } else if (local_groups.size() != used) {
    return fail("固定电话号码（区号之后）应为 7–8 位数字",
                "a landline number (after the area code) has 7-8 digits");
  }
  if (local[0] == '0' || local[0] == '1') {
    return fail("固定电话号码（区号之后）不以 0 或 1 开头",
                "a landline number (after the area code) does not start with 0 or 1");
  }
  PhoneNumber n;
  n.kind = PhoneKind::Landline;
  n.area_code = area;
  n.number = local;
  n.extension = extension;
  n.value = area + "-" + local + (extension.empty() ? "" : "-" + extension);
  out.value = std::move(n);
  return out;
}

}  // namespace powerdesk
