#include "powerdesk/decimal.hpp"

#include <limits>

namespace powerdesk {

std::string_view rounding_name(Rounding r) {
  switch (r) {
    case Rounding::HalfUp: return "half_up";
    case Rounding::HalfEven: return "half_even";
    case Rounding::Down: return "down";
    case Rounding::Up: return "up";
  }
  return "half_up";
}

std::optional<Rounding> rounding_from_name(std::string_view name) {
  if (name == "half_up") return Rounding::HalfUp;
  if (name == "half_even") return Rounding::HalfEven;
  if (name == "down") return Rounding::Down;
  if (name == "up") return Rounding::Up;
  return std::nullopt;
}

__int128 round_div(__int128 num, __int128 den, Rounding mode) {
  const bool negative = num < 0;
  const __int128 n = negative ? -num : num;
  __int128 q = n / den;
  const __int128 r = n % den;
  if (r != 0) {
    switch (mode) {
      case Rounding::HalfUp:
        if (2 * r >= den) ++q;
        break;
      case Rounding::HalfEven:
        if (2 * r > den || (2 * r == den && (q & 1) != 0)) ++q;
        break;
      case Rounding::Down:
        break;
      case Rounding::Up:
        ++q;
        break;
    }
  }
  return negative ? -q : q;
}

DecimalParseError parse_decimal_units(std::string_view s, int scale, int64_t& out) {
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) negative = s[i++] == '-';
  std::string digits;  // all mantissa digits, point removed
  int point = -1;      // digits before the point
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '.' && point < 0) {
      point = static_cast<int>(digits.size());
    } else if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else {
      break;
    }
  }
  if (digits.empty() || point == 0 || point == static_cast<int>(digits.size())) {
    return DecimalParseError::Syntax;  // "", ".5" and "5." are not decimals
  }
  if (point < 0) point = static_cast<int>(digits.size());
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) eneg = s[i++] == '-';
    int exponent = 0;
    int edigits = 0;
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, ++edigits) {
      if (exponent > 100000) return DecimalParseError::TooLarge;
      exponent = exponent * 10 + (s[i] - '0');
    }
    if (edigits == 0) return DecimalParseError::Syntax;
    point += eneg ? -exponent : exponent;
  }
  if (i != s.size()) return DecimalParseError::Syntax;
  // Move the point right by `scale`: digits[0, point + scale) are the units.
  const long long keep = static_cast<long long>(point) + scale;
  const long long n = static_cast<long long>(digits.size());
  for (long long k = keep < 0 ? 0 : keep; k < n; ++k) {
    if (digits[static_cast<size_t>(k)] != '0') return DecimalParseError::TooPrecise;
  }
  __int128 units = 0;
  const __int128 limit = std::numeric_limits<int64_t>::max();
  for (long long k = 0; k < keep; ++k) {
    const int d = k < n ? digits[static_cast<size_t>(k)] - '0' : 0;
    units = units * 10 + d;
    if (units > limit) return DecimalParseError::TooLarge;
  }
  out = static_cast<int64_t>(negative ? -units : units);
  return DecimalParseError::None;
}

std::string format_decimal_units(int64_t units, int scale, int min_decimals) {
  const bool negative = units < 0;
  // Work in unsigned to survive INT64_MIN.
  uint64_t u = negative ? 0 - static_cast<uint64_t>(units) : static_cast<uint64_t>(units);
  std::string digits = std::to_string(u);
  if (static_cast<int>(digits.size()) <= scale) {
    digits.insert(0, static_cast<size_t>(scale - static_cast<int>(digits.size()) + 1), '0');
  }
  std::string whole = digits.substr(0, digits.size() - static_cast<size_t>(scale));
  std::string frac = digits.substr(digits.size() - static_cast<size_t>(scale));
  while (static_cast<int>(frac.size()) > min_decimals && !frac.empty() && frac.back() == '0') {
    frac.pop_back();
  }
  while (static_cast<int>(frac.size()) < min_decimals) frac.push_back('0');
  std::string out = negative && u != 0 ? "-" : "";
  out += whole;
  if (!frac.empty()) out += "." + frac;
  return out;
}

}  // namespace powerdesk
