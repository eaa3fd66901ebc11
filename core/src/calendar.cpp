#include "powerdesk/calendar.hpp"

#include <cstdio>

namespace powerdesk {
namespace {

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Ymd {
  int y, m, d;
};

Ymd civil_from_days(int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = yoe + era * 400;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {y + (m <= 2), m, d};
}

}  // namespace

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

std::optional<Date> Date::from_ymd(int y, int m, int d) {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
    return std::nullopt;
  }
  return from_days(days_from_civil(y, m, d));
}

std::optional<Date> Date::parse(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto num = [&](size_t at, size_t len, int& out) {
    out = 0;
    for (size_t i = at; i < at + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
  return from_ymd(y, m, d);
}

int Date::year() const { return civil_from_days(days_).y; }
int Date::month() const { return civil_from_days(days_).m; }
int Date::day() const { return civil_from_days(days_).d; }

int Date::weekday() const {
  // 1970-01-01 was a Thursday (ISO 4).
  const int w = ((days_ % 7) + 7 + 3) % 7;  // 0 = Monday
  return w + 1;
}

std::string Date::iso() const {
  const Ymd c = civil_from_days(days_);
  char buf[40];  // room for any int, so -O3 sees no truncation
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.y, c.m, c.d);
  return buf;
}

bool Period::is_calendar_month() const {
  return start.day() == 1 && start.year() == end.year() && start.month() == end.month() &&
         end.day() == days_in_month(end.year(), end.month());
}

std::optional<Period> intersect(const Period& a, const Period& b) {
  const Date s = a.start < b.start ? b.start : a.start;
  const Date e = a.end < b.end ? a.end : b.end;
  if (e < s) return std::nullopt;
  return Period{s, e};
}

bool WorkCalendar::is_working_day(Date d) const {
  if (workdays_.count(d.days())) return true;
  if (holidays_.count(d.days())) return false;
  return d.weekday() <= 5;
}

Date WorkCalendar::add_working_days(Date from, int n) const {
  Date d = from;
  while (n > 0) {
    d = d.plus_days(1);
    if (is_working_day(d)) --n;
  }
  return d;
}

int WorkCalendar::working_days_between(Date from, Date to) const {
  int n = 0;
  for (Date d = from.plus_days(1); d <= to; d = d.plus_days(1)) n += is_working_day(d);
  return n;
}

}  // namespace powerdesk
