// Resident ID numbers (居民身份证号码), GB 11643-1999: structure, region
// code, birth date and the ISO 7064 MOD 11-2 check character.
#include <string>
#include <string_view>

#include "powerdesk/identity.hpp"

namespace powerdesk {
namespace {

constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheckChars[] = "10X98765432";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

std::string quoted(char c) { return std::string("'") + c + "'"; }

}  // namespace

char resident_id_check_char(std::string_view first17) {
  if (first17.size() != 17) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    if (!is_digit(first17[i])) return '\0';
    sum += (first17[i] - '0') * kWeights[i];
  }
  return kCheckChars[sum % 11];
}

Checked<ResidentId> validate_resident_id(std::string_view input, Date today, std::string_view path,
                                         const DivisionCodePredicate& known_division) {
  Checked<ResidentId> out;
  out.normalized = normalize_identifier_text(input);
  std::string& id = out.normalized;
  if (id.size() == 18 && id[17] == 'x') id[17] = 'X';
  const std::string p(path);

  // Structure: nothing else can be checked without it.
  const size_t length = detail::count_code_points(id);
  if (length != 18) {
    if (length == 15 && id.size() == 15 &&
        id.find_first_not_of("0123456789") == std::string::npos) {
      out.issues.push_back(make_issue(
          Code::ResidentIdInvalid, p,
          "15 位的第一代身份证号码已停止使用，请填写 18 位的居民身份证号码",
          "15-digit first-generation ID numbers are no longer valid: enter the 18-character "
          "resident ID number"));
    } else {
      out.issues.push_back(
          make_issue(Code::ResidentIdInvalid, p,
                     "居民身份证号码应为 18 位，当前为 " + std::to_string(length) + " 位",
                     "a resident ID number has 18 characters, not " + std::to_string(length)));
    }
    return out;
  }
  for (size_t i = 0; i < 18; ++i) {
    const char c = id[i];
    const bool ok = is_digit(c) || (i == 17 && c == 'X');
    if (ok) continue;
    const std::string pos = std::to_string(i + 1);
    if (i == 17) {
      out.issues.push_back(make_issue(Code::ResidentIdInvalid, p,
                                      "居民身份证号码第 18 位（校验码）应为数字或 X",
                                      "character 18 of a resident ID number (the check character) "
                                      "must be a digit or X"));
    } else {
      out.issues.push_back(make_issue(
          Code::ResidentIdInvalid, p, "居民身份证号码前 17 位应全为数字，第 " + pos + " 位不是",
          "the first 17 characters of a resident ID number are digits; character " + pos +
              " is not"));
    }
    return out;
  }

  // Region code (characters 1–6).
  const std::string_view region = std::string_view(id).substr(0, 6);
  if (known_division) {
    if (!known_division(region)) {
      out.issues.push_back(
          make_issue(Code::DivisionCodeUnknown, p,
                     "居民身份证号码前 6 位不是已知的行政区划代码（GB/T 2260），请核对",
                     "the first 6 digits of the resident ID number are not a known administrative "
                     "division code (GB/T 2260): please check them"));
    }
  } else if (!is_province_code(region.substr(0, 2))) {
    out.issues.push_back(make_issue(
        Code::DivisionCodeUnknown, p,
        "居民身份证号码前 2 位不是省级行政区划代码（GB/T 2260），请核对",
        "the first 2 digits of the resident ID number are not a province code (GB/T 2260): "
        "please check them"));
  }

  // Birth date (characters 7–14).
  const int y = number(std::string_view(id).substr(6, 4));
  const int m = number(std::string_view(id).substr(10, 2));
  const int d = number(std::string_view(id).substr(12, 2));
  std::optional<Date> birth;
  if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
    out.issues.push_back(
        make_issue(Code::ResidentIdBirthDate, p,
                   "居民身份证号码第 7–14 位的出生日期不是有效日期（年月日 YYYYMMDD）",
                   "the birth date in characters 7–14 of the resident ID number is not a real date "
                   "(YYYYMMDD)"));
  } else if (y < 1900) {
    out.issues.push_back(
        make_issue(Code::ResidentIdBirthDate, p, "居民身份证号码中的出生日期早于 1900-01-01",
                   "the birth date in the resident ID number is before 1900-01-01"));
  } else if (auto b = Date::from_ymd(y, m, d); !b || *b > today) {
    out.issues.push_back(make_issue(
        Code::ResidentIdBirthDate, p, "居民身份证号码中的出生日期晚于今天（" + today.iso() + "）",
        "the birth date in the resident ID number is after today (" + today.iso() + ")"));
  } else {
    birth = b;
  }

  // Check character (character 18).
  const char expected = resident_id_check_char(std::string_view(id).substr(0, 17));
  if (expected != id[17]) {
    out.issues.push_back(make_issue(
        Code::ResidentIdChecksum, p,
        "居民身份证号码校验码不符：按前 17 位计算，第 18 位应为 " + quoted(expected) + "，而不是 " +
            quoted(id[17]) + "（请核对每一位数字）",
        "the resident ID number's check character does not match: from the first 17 digits, "
        "character 18 should be " +
            quoted(expected) + ", not " + quoted(id[17]) + " (please check every digit)"));
  }

  if (has_errors(out.issues) || !birth) return out;
  ResidentId r;
  r.value = id;
  r.region_code = std::string(region);
  r.birth_date = *birth;
  r.sex = (id[16] - '0') % 2 == 1 ? Sex::Male : Sex::Female;
  const bool had_birthday = today.month() > m || (today.month() == m && today.day() >= d);
  r.age = today.year() - y - (had_birthday ? 0 : 1);
  out.value = std::move(r);
  return out;
}

}  // namespace powerdesk
