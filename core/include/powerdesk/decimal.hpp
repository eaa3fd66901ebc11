// Exact fixed-point decimals for money, energy, power, prices and ratios.
// A value is an int64 count of 10^-Scale units; products are formed in
// 128-bit integers and rounded once, at a named step, with a named mode.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace powerdesk {

enum class Rounding {
  HalfUp,    // 四舍五入: ties away from zero (symmetric for refunds)
  HalfEven,  // banker's rounding, for callers that need it
  Down,      // truncate toward zero
  Up,        // away from zero
};

std::string_view rounding_name(Rounding r);
std::optional<Rounding> rounding_from_name(std::string_view name);

// Divides num by den (den > 0) and rounds the quotient with the given mode.
__int128 round_div(__int128 num, __int128 den, Rounding mode);

constexpr int64_t pow10_i64(int n) {
  int64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

enum class DecimalParseError { None, Syntax, TooPrecise, TooLarge };

// Parses "-12.345", "12", "1.5e3" into units of 10^-scale. Never rounds:
// a value with more decimals than `scale` is TooPrecise (lossless or nothing).
DecimalParseError parse_decimal_units(std::string_view text, int scale, int64_t& out);

// Canonical text: no exponent, no trailing zeros beyond `min_decimals`.
std::string format_decimal_units(int64_t units, int scale, int min_decimals);

template <int Scale>
class Fixed {
  static_assert(Scale >= 0 && Scale <= 12);

 public:
  static constexpr int scale = Scale;
  static constexpr int64_t one_units = pow10_i64(Scale);

  constexpr Fixed() = default;
  static constexpr Fixed from_units(int64_t units) { return Fixed(units); }
  static constexpr Fixed from_int(int64_t whole) { return Fixed(whole * one_units); }

  static std::optional<Fixed> parse(std::string_view text) {
    int64_t u = 0;
    if (parse_decimal_units(text, Scale, u) != DecimalParseError::None) return std::nullopt;
    return Fixed(u);
  }

  constexpr int64_t units() const { return units_; }
  constexpr bool is_zero() const { return units_ == 0; }
  constexpr bool is_negative() const { return units_ < 0; }

  // Canonical string; `min_decimals` pads (money shows two decimals).
  std::string str(int min_decimals = 0) const {
    return format_decimal_units(units_, Scale, min_decimals);
  }

  // Re-expresses at another scale, rounding when it loses digits.
  template <int To>
  Fixed<To> rescale(Rounding mode = Rounding::HalfUp) const {
    if constexpr (To >= Scale) {
      return Fixed<To>::from_units(units_ * pow10_i64(To - Scale));
    } else {
      return Fixed<To>::from_units(
          static_cast<int64_t>(round_div(units_, pow10_i64(Scale - To), mode)));
    }
  }

  constexpr Fixed operator-() const { return Fixed(-units_); }
  constexpr Fixed operator+(Fixed o) const { return Fixed(units_ + o.units_); }
  constexpr Fixed operator-(Fixed o) const { return Fixed(units_ - o.units_); }
  constexpr Fixed& operator+=(Fixed o) { units_ += o.units_; return *this; }
  constexpr Fixed& operator-=(Fixed o) { units_ -= o.units_; return *this; }
  constexpr auto operator<=>(const Fixed&) const = default;

 private:
  constexpr explicit Fixed(int64_t u) : units_(u) {}
  int64_t units_ = 0;
};

// a × b rounded to the result scale R.
template <int R, int A, int B>
Fixed<R> multiply(Fixed<A> a, Fixed<B> b, Rounding mode) {
  __int128 p = static_cast<__int128>(a.units()) * b.units();
  constexpr int shift = A + B - R;
  if constexpr (shift >= 0) {
    return Fixed<R>::from_units(static_cast<int64_t>(round_div(p, pow10_i64(shift), mode)));
  } else {
    return Fixed<R>::from_units(static_cast<int64_t>(p * pow10_i64(-shift)));
  }
}

// a × num / den rounded to the scale of a (proration by days, shares).
template <int A>
Fixed<A> scale_by(Fixed<A> a, int64_t num, int64_t den, Rounding mode) {
  return Fixed<A>::from_units(
      static_cast<int64_t>(round_div(static_cast<__int128>(a.units()) * num, den, mode)));
}

// The scales PowerDesk uses. Prices keep the 8 decimals some notices give
// (Beijing 2025: 0.56328575 元/kWh); energy keeps watt-hours.
using Money = Fixed<2>;     // 元, to the fen, on every bill line
using Energy = Fixed<3>;    // kWh / kvarh
using Power = Fixed<3>;     // kW / kVA
using Price = Fixed<8>;     // 元 per unit
using Ratio = Fixed<6>;     // shares, coefficients, daily rates, percentages/100

}  // namespace powerdesk
