#include "log_mask.hpp"

#include <cctype>

namespace powerdesk::server {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// Length of the run of digits (and a final X/x for IDs) starting at i.
size_t digit_run(std::string_view s, size_t i) {
  size_t j = i;
  while (j < s.size() && digit(s[j])) ++j;
  if (j - i == 17 && j < s.size() && (s[j] == 'X' || s[j] == 'x')) ++j;
  return j - i;
}

}  // namespace

std::string mask_personal_data(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (!digit(text[i]) || (i > 0 && digit(text[i - 1]))) {
      out += text[i++];
      continue;
    }
    const size_t n = digit_run(text, i);
    std::string run(text.substr(i, n));
    // Digits right after a letter belong to an identifier such as an
    // application number (PD20250602000001), which support staff need.
    const bool after_letter = i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1]));
    if (after_letter) {
      // kept as is
    } else if (n == 11 && run[0] == '1') {
      run.replace(3, 4, "****");  // mobile
    } else if (n == 18) {
      run.replace(6, 8, "********");  // resident ID: birth date hidden
    } else if (n >= 12) {
      run.replace(3, n - 7, std::string(n - 7, '*'));  // other long numbers: accounts, cards
    }
    out += run;
    i += n;
  }
  return out;
}

std::string mask_client_address(std::string_view address) {
  const size_t dot = address.rfind('.');
  if (dot != std::string_view::npos && address.find(':') == std::string_view::npos)
    return std::string(address.substr(0, dot)) + ".*";  // IPv4: last octet
  const size_t colon = address.rfind(':');
  if (colon != std::string_view::npos) return std::string(address.substr(0, colon)) + ":*";  // IPv6
  return "*";
}

}  // namespace powerdesk::server
