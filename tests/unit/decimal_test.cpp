#include "powerdesk/decimal.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace powerdesk {
namespace {

using E = DecimalParseError;
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

// Parses and returns the units; failures are reported with the input.
int64_t units_of(const char* text, int scale) {
  int64_t out = -12345;
  EXPECT_EQ(parse_decimal_units(text, scale, out), E::None) << '"' << text << '"';
  return out;
}

E error_of(const char* text, int scale) {
  int64_t out = 0;
  return parse_decimal_units(text, scale, out);
}

TEST(Decimal, ParsePlain) {
  EXPECT_EQ(units_of("12.34", 2), 1234);
  EXPECT_EQ(units_of("12", 2), 1200);
  EXPECT_EQ(units_of("12.3", 2), 1230);
  EXPECT_EQ(units_of("0", 2), 0);
  EXPECT_EQ(units_of("0.00", 2), 0);
  EXPECT_EQ(units_of("007.50", 2), 750);
  EXPECT_EQ(units_of("123", 0), 123);
  EXPECT_EQ(units_of("0.56328575", 8), 56328575);
  EXPECT_EQ(units_of("0.000000000001", 12), 1);
}

TEST(Decimal, ParseSigns) {
  EXPECT_EQ(units_of("-12.34", 2), -1234);
  EXPECT_EQ(units_of("+12.34", 2), 1234);
  EXPECT_EQ(units_of("-0", 2), 0);
  EXPECT_EQ(units_of("-0.05", 2), -5);
  EXPECT_EQ(error_of("--1", 2), E::Syntax);
  EXPECT_EQ(error_of("+-1", 2), E::Syntax);
  EXPECT_EQ(error_of("-", 2), E::Syntax);
  EXPECT_EQ(error_of("+", 2), E::Syntax);
}

TEST(Decimal, ParseExponents) {
  EXPECT_EQ(units_of("1.5e3", 2), 150000);
  EXPECT_EQ(units_of("15E-1", 2), 150);
  EXPECT_EQ(units_of("1.5e-1", 2), 15);
  EXPECT_EQ(units_of("1e+2", 2), 10000);
  EXPECT_EQ(units_of("-2.5E2", 0), -250);
  EXPECT_EQ(units_of("12345e-2", 2), 12345);
  EXPECT_EQ(units_of("0e-5", 2), 0);
  EXPECT_EQ(units_of("5.00e-2", 2), 5);
  EXPECT_EQ(error_of("5e-3", 2), E::TooPrecise);
  EXPECT_EQ(error_of("1e-100000", 2), E::TooPrecise);
  EXPECT_EQ(error_of("1e100000", 2), E::TooLarge);
  EXPECT_EQ(error_of("1e99999999999", 2), E::TooLarge);
}

TEST(Decimal, ParseNeverRounds) {
  EXPECT_EQ(error_of("0.123", 2), E::TooPrecise);
  EXPECT_EQ(error_of("-0.125", 2), E::TooPrecise);
  EXPECT_EQ(error_of("0.1", 0), E::TooPrecise);
  EXPECT_EQ(units_of("0.120", 2), 12);
  EXPECT_EQ(units_of("0.1200000", 2), 12);
  EXPECT_EQ(units_of("1.0", 0), 1);
  EXPECT_EQ(error_of("0.563285751", 8), E::TooPrecise);
}

TEST(Decimal, ParseSyntaxErrors) {
  for (const char* bad : {"", ".5", "5.", "1e", "1e+", "1e-", "e5", "abc", "1.2.3", " 1", "1 ",
                          "1,000", "0x10", "1e5.5", "-.5", "1..2", "1.5e3x", "١"}) {
    EXPECT_EQ(error_of(bad, 2), E::Syntax) << '"' << bad << '"';
  }
}

TEST(Decimal, ParseBounds) {
  EXPECT_EQ(units_of("9223372036854775807", 0), kMax);
  EXPECT_EQ(error_of("9223372036854775808", 0), E::TooLarge);
  EXPECT_EQ(units_of("92233720368547758.07", 2), kMax);
  EXPECT_EQ(error_of("92233720368547758.08", 2), E::TooLarge);
  EXPECT_EQ(error_of("92233720368547759", 2), E::TooLarge);
  EXPECT_EQ(units_of("-9223372036854775807", 0), -kMax);
  // The magnitude is checked against INT64_MAX, so INT64_MIN itself is not
  // accepted (format_decimal_units can print it; parse cannot read it back).
  EXPECT_EQ(error_of("-9223372036854775808", 0), E::TooLarge);
  EXPECT_EQ(units_of("0000000000000000000000000001", 2), 100);
}

TEST(Decimal, FixedParse) {
  EXPECT_EQ(Money::parse("118.5")->units(), 11850);
  EXPECT_FALSE(Money::parse("1.234").has_value());
  EXPECT_FALSE(Money::parse("x").has_value());
  EXPECT_EQ(Energy::parse("96")->units(), 96000);
}

TEST(Decimal, Format) {
  EXPECT_EQ(format_decimal_units(1234, 2, 0), "12.34");
  EXPECT_EQ(format_decimal_units(1200, 2, 0), "12");
  EXPECT_EQ(format_decimal_units(1230, 2, 0), "12.3");
  EXPECT_EQ(format_decimal_units(1200, 2, 2), "12.00");
  EXPECT_EQ(format_decimal_units(1230, 2, 2), "12.30");
  EXPECT_EQ(format_decimal_units(5, 2, 0), "0.05");
  EXPECT_EQ(format_decimal_units(5, 2, 2), "0.05");
  EXPECT_EQ(format_decimal_units(5, 2, 4), "0.0500");
  EXPECT_EQ(format_decimal_units(50, 3, 0), "0.05");
  EXPECT_EQ(format_decimal_units(123, 0, 0), "123");
  EXPECT_EQ(format_decimal_units(123, 0, 2), "123.00");
  EXPECT_EQ(format_decimal_units(56328575, 8, 2), "0.56328575");
}

TEST(Decimal, FormatNegativeAndZero) {
  EXPECT_EQ(format_decimal_units(-5, 2, 2), "-0.05");
  EXPECT_EQ(format_decimal_units(-100, 2, 0), "-1");
  EXPECT_EQ(format_decimal_units(-1230, 2, 2), "-12.30");
  EXPECT_EQ(format_decimal_units(0, 2, 2), "0.00");
  EXPECT_EQ(format_decimal_units(0, 2, 0), "0");
  EXPECT_EQ(format_decimal_units(0, 0, 0), "0");
  EXPECT_EQ(format_decimal_units(0, 8, 0), "0");
}

TEST(Decimal, FormatExtremes) {
  EXPECT_EQ(format_decimal_units(kMin, 0, 0), "-9223372036854775808");
  EXPECT_EQ(format_decimal_units(kMin, 2, 0), "-92233720368547758.08");
  EXPECT_EQ(format_decimal_units(kMax, 2, 2), "92233720368547758.07");
  EXPECT_EQ(format_decimal_units(kMax, 8, 0), "92233720368.54775807");
  EXPECT_EQ(format_decimal_units(kMax, 12, 0), "9223372.036854775807");
}

TEST(Decimal, FormatParseRoundTrip) {
  for (int64_t u : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{10}, int64_t{123456789},
                    int64_t{-987654321}, kMax, -kMax}) {
    for (int scale : {0, 2, 3, 8}) {
      const std::string text = format_decimal_units(u, scale, 0);
      int64_t back = 0;
      ASSERT_EQ(parse_decimal_units(text, scale, back), E::None) << text;
      EXPECT_EQ(back, u) << text;
    }
  }
}

TEST(Decimal, RoundingNames) {
  for (Rounding r : {Rounding::HalfUp, Rounding::HalfEven, Rounding::Down, Rounding::Up}) {
    EXPECT_EQ(rounding_from_name(rounding_name(r)), r);
  }
  EXPECT_EQ(rounding_name(Rounding::HalfEven), "half_even");
  EXPECT_FALSE(rounding_from_name("HALF_UP").has_value());
  EXPECT_FALSE(rounding_from_name("").has_value());
}

TEST(Decimal, RoundDivHalfUp) {
  EXPECT_EQ(round_div(25, 10, Rounding::HalfUp), 3);
  EXPECT_EQ(round_div(-25, 10, Rounding::HalfUp), -3);
  EXPECT_EQ(round_div(35, 10, Rounding::HalfUp), 4);
  EXPECT_EQ(round_div(24, 10, Rounding::HalfUp), 2);
  EXPECT_EQ(round_div(-24, 10, Rounding::HalfUp), -2);
  EXPECT_EQ(round_div(26, 10, Rounding::HalfUp), 3);
  EXPECT_EQ(round_div(-26, 10, Rounding::HalfUp), -3);
  EXPECT_EQ(round_div(30, 10, Rounding::HalfUp), 3);
  EXPECT_EQ(round_div(1, 3, Rounding::HalfUp), 0);
  EXPECT_EQ(round_div(2, 3, Rounding::HalfUp), 1);
}

TEST(Decimal, RoundDivHalfEven) {
  EXPECT_EQ(round_div(25, 10, Rounding::HalfEven), 2);
  EXPECT_EQ(round_div(35, 10, Rounding::HalfEven), 4);
  EXPECT_EQ(round_div(-25, 10, Rounding::HalfEven), -2);
  EXPECT_EQ(round_div(-35, 10, Rounding::HalfEven), -4);
  EXPECT_EQ(round_div(5, 10, Rounding::HalfEven), 0);
  EXPECT_EQ(round_div(15, 10, Rounding::HalfEven), 2);
  EXPECT_EQ(round_div(26, 10, Rounding::HalfEven), 3);
  EXPECT_EQ(round_div(-26, 10, Rounding::HalfEven), -3);
  EXPECT_EQ(round_div(24, 10, Rounding::HalfEven), 2);
  EXPECT_EQ(round_div(-24, 10, Rounding::HalfEven), -2);
  EXPECT_EQ(round_div(7, 2, Rounding::HalfEven), 4);
  EXPECT_EQ(round_div(5, 2, Rounding::HalfEven), 2);
}

TEST(Decimal, RoundDivDown) {
  EXPECT_EQ(round_div(29, 10, Rounding::Down), 2);
  EXPECT_EQ(round_div(-29, 10, Rounding::Down), -2);
  EXPECT_EQ(round_div(25, 10, Rounding::Down), 2);
  EXPECT_EQ(round_div(-25, 10, Rounding::Down), -2);
  EXPECT_EQ(round_div(20, 10, Rounding::Down), 2);
}

TEST(Decimal, RoundDivUp) {
  EXPECT_EQ(round_div(21, 10, Rounding::Up), 3);
  EXPECT_EQ(round_div(-21, 10, Rounding::Up), -3);
  EXPECT_EQ(round_div(25, 10, Rounding::Up), 3);
  EXPECT_EQ(round_div(-25, 10, Rounding::Up), -3);
  EXPECT_EQ(round_div(20, 10, Rounding::Up), 2);
  EXPECT_EQ(round_div(-20, 10, Rounding::Up), -2);
}

TEST(Decimal, RoundDivZeroAndWide) {
  for (Rounding r : {Rounding::HalfUp, Rounding::HalfEven, Rounding::Down, Rounding::Up}) {
    EXPECT_EQ(round_div(0, 10, r), 0);
  }
  // Products beyond int64 are divided in 128 bits.
  const __int128 big = static_cast<__int128>(kMax) * 1000 + 500;
  EXPECT_TRUE(round_div(big, 1000, Rounding::HalfUp) == static_cast<__int128>(kMax) + 1);
  EXPECT_TRUE(round_div(-big, 1000, Rounding::HalfEven) == -static_cast<__int128>(kMax) - 1);
  EXPECT_TRUE(round_div(big, 1000, Rounding::Down) == static_cast<__int128>(kMax));
}

TEST(Decimal, MultiplyEnergyByPrice) {
  const Energy kwh = Energy::from_int(96);
  const Price price = *Price::parse("0.568");
  EXPECT_EQ(multiply<2>(kwh, price, Rounding::HalfUp), *Money::parse("54.53"));  // 54.528
  EXPECT_EQ(multiply<2>(kwh, price, Rounding::Down), *Money::parse("54.52"));
  EXPECT_EQ(multiply<2>(-kwh, price, Rounding::HalfUp), *Money::parse("-54.53"));

  // 0.56328575 × 123.456 = 69.541005552
  const Price beijing = *Price::parse("0.56328575");
  const Energy e = *Energy::parse("123.456");
  EXPECT_EQ(multiply<2>(e, beijing, Rounding::HalfUp).str(2), "69.54");
  EXPECT_EQ(multiply<2>(e, beijing, Rounding::Up).str(2), "69.55");
  EXPECT_EQ(multiply<8>(e, beijing, Rounding::HalfUp).str(), "69.54100555");
  EXPECT_EQ(multiply<8>(e, beijing, Rounding::Up).str(), "69.54100556");
}

TEST(Decimal, MultiplyTiesAndWidening) {
  // 0.5 × 0.05 = 0.025 at scale 2.
  const Ratio half = *Ratio::parse("0.5");
  const Money m = *Money::parse("0.05");
  EXPECT_EQ(multiply<2>(half, m, Rounding::HalfUp).units(), 3);
  EXPECT_EQ(multiply<2>(half, m, Rounding::HalfEven).units(), 2);
  EXPECT_EQ(multiply<2>(half, -m, Rounding::HalfUp).units(), -3);
  EXPECT_EQ(multiply<2>(half, -m, Rounding::HalfEven).units(), -2);
  // Result scale above the operands': no rounding at all.
  EXPECT_EQ(multiply<8>(*Money::parse("1.23"), Money::from_int(2), Rounding::Down).units(),
            246000000);
  EXPECT_EQ(multiply<6>(half, half, Rounding::HalfUp), *Ratio::parse("0.25"));
}

TEST(Decimal, ScaleBy) {
  const Money hundred = Money::from_int(100);
  EXPECT_EQ(scale_by(hundred, 10, 31, Rounding::HalfUp).str(2), "32.26");  // 32.2580…
  EXPECT_EQ(scale_by(hundred, 10, 31, Rounding::Down).str(2), "32.25");
  EXPECT_EQ(scale_by(-hundred, 10, 31, Rounding::HalfUp).str(2), "-32.26");
  EXPECT_EQ(scale_by(hundred, 1, 3, Rounding::HalfEven).str(2), "33.33");
  EXPECT_EQ(scale_by(hundred, 31, 31, Rounding::Up), hundred);
  const Money nickel = *Money::parse("0.05");
  EXPECT_EQ(scale_by(nickel, 1, 2, Rounding::HalfUp).units(), 3);
  EXPECT_EQ(scale_by(nickel, 1, 2, Rounding::HalfEven).units(), 2);
  EXPECT_EQ(scale_by(nickel, 1, 2, Rounding::Down).units(), 2);
  EXPECT_EQ(scale_by(nickel, 1, 2, Rounding::Up).units(), 3);
}

TEST(Decimal, Rescale) {
  EXPECT_EQ(Price::parse("0.56328575")->rescale<2>().str(2), "0.56");
  EXPECT_EQ(Energy::parse("1.235")->rescale<2>(Rounding::HalfUp).units(), 124);
  EXPECT_EQ(Energy::parse("1.235")->rescale<2>(Rounding::HalfEven).units(), 124);
  EXPECT_EQ(Energy::parse("1.225")->rescale<2>(Rounding::HalfUp).units(), 123);
  EXPECT_EQ(Energy::parse("1.225")->rescale<2>(Rounding::HalfEven).units(), 122);
  EXPECT_EQ(Energy::parse("-1.225")->rescale<2>(Rounding::HalfUp).units(), -123);
  EXPECT_EQ(Energy::parse("1.229")->rescale<2>(Rounding::Down).units(), 122);
  EXPECT_EQ(Energy::parse("1.221")->rescale<2>(Rounding::Up).units(), 123);
  EXPECT_EQ(Money::parse("1.23")->rescale<8>().units(), 123000000);
  EXPECT_EQ(Money::parse("-1.23")->rescale<2>().units(), -123);
}

TEST(Decimal, FixedArithmeticAndText) {
  Money a = *Money::parse("10.05");
  const Money b = *Money::parse("0.95");
  EXPECT_EQ((a + b).str(2), "11.00");
  EXPECT_EQ((b - a).str(2), "-9.10");
  EXPECT_EQ((-a).str(), "-10.05");
  a += b;
  EXPECT_EQ(a, Money::from_int(11));
  a -= Money::from_int(11);
  EXPECT_TRUE(a.is_zero());
  EXPECT_LT(*Money::parse("-0.01"), Money());
  EXPECT_TRUE(Money::parse("-0.01")->is_negative());
  EXPECT_EQ(Money::from_int(118).str(2), "118.00");
  EXPECT_EQ(Price::one_units, 100000000);
  static_assert(pow10_i64(0) == 1 && pow10_i64(18) == 1000000000000000000);
}

}  // namespace
}  // namespace powerdesk
