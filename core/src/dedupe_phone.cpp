// Phone numbers reduced to the line they identify, so "138-1234-5678",
// "+86 138 1234 5678" and "１３８１２３４５６７８" are equal.
//
// validate_phone (identity.hpp) does the parsing where the number is well
// formed; what it refuses is still compared by its digits, because channel
// data holds numbers a form would not accept (a landline without its area
// code, odd separators) and those still identify a customer.
#include <string>
#include <string_view>

#include "dedupe_internal.hpp"
#include "powerdesk/identity.hpp"

namespace powerdesk::dedupe {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Drops a +86 / 0086 / (+86) country code and the separators after it.
std::string without_country_code(std::string text) {
  for (std::string_view p : {std::string_view("(+86)"), std::string_view("+86"), std::string_view("0086")}) {
    if (starts_with(text, p)) {
      size_t i = p.size();
      while (i < text.size() && (text[i] == ' ' || text[i] == '-')) ++i;
      return text.substr(i);
    }
  }
  return text;
}

// The digits before an extension marker (转, ext, x, #).
std::string leading_digits(std::string_view text) {
  std::string digits;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == 'x' || c == 'X' || c == '#' || starts_with(text.substr(i), "转") ||
        starts_with(text.substr(i), "ext") || starts_with(text.substr(i), "EXT"))
      break;
    if (is_digit(c)) digits.push_back(c);
  }
  return digits;
}

size_t area_code_length(std::string_view d) {
  if (d.size() < 3 || d[0] != '0') return 0;
  if (d[1] == '1') return d[2] == '0' ? 3 : 0;
  if (d[1] == '2') return 3;
  return d[1] >= '3' ? 4 : 0;
}

}  // namespace

PhoneKey normalize_phone(std::string_view input) {
  PhoneKey key;
  std::string text = without_country_code(normalize_identifier_text(input));
  if (text.empty()) return key;
  // "86 13812345678": a country code without '+', before a mobile number.
  std::string digits = leading_digits(text);
  if (digits.size() == 13 && starts_with(digits, "861") && starts_with(text, "86")) {
    text = text.substr(2);
    digits = digits.substr(2);
  }
  const Checked<PhoneNumber> checked = validate_phone(text, "");
  if (checked.ok()) {
    const PhoneNumber& n = *checked.value;
    key.kind = n.kind == PhoneKind::Mobile ? PhoneKey::Kind::Mobile : PhoneKey::Kind::Landline;
    key.area = n.area_code;
    key.number = n.number;
    return key;
  }
  if (digits.size() == 11 && digits[0] == '1') {
    key.kind = PhoneKey::Kind::Mobile;
    key.number = digits;
  } else if ((digits.size() == 7 || digits.size() == 8) && digits[0] != '0' && digits[0] != '1') {
    key.kind = PhoneKey::Kind::Local;
    key.number = digits;
  } else if (const size_t n = area_code_length(digits);
             n > 0 && (digits.size() - n == 7 || digits.size() - n == 8)) {
    key.kind = PhoneKey::Kind::Landline;
    key.area = digits.substr(0, n);
    key.number = digits.substr(n);
  } else if (digits.size() >= 5) {
    key.kind = PhoneKey::Kind::Other;
    key.number = digits;
  }
  return key;
}

}  // namespace powerdesk::dedupe
