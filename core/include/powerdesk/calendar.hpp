// Civil dates, billing periods with explicit day counts, and the working-day
// calendar (public holidays and 调休 make-up days come from rule-pack data).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace powerdesk {

class Date {
 public:
  constexpr Date() = default;
  static std::optional<Date> from_ymd(int y, int m, int d);
  static std::optional<Date> parse(std::string_view iso);  // strictly YYYY-MM-DD
  static constexpr Date from_days(int32_t days) { Date x; x.days_ = days; return x; }

  int32_t days() const { return days_; }  // days since 1970-01-01
  int year() const;
  int month() const;
  int day() const;
  int weekday() const;  // 1 = Monday … 7 = Sunday (ISO)
  std::string iso() const;

  Date plus_days(int32_t n) const { return from_days(days_ + n); }
  auto operator<=>(const Date&) const = default;

 private:
  int32_t days_ = 0;
};

int days_in_month(int year, int month);
bool is_leap_year(int year);

// Both ends inclusive, as printed on a bill (2025-03-01 – 2025-03-31, 31 days).
struct Period {
  Date start;
  Date end;
  int32_t days() const { return end.days() - start.days() + 1; }
  bool contains(Date d) const { return start <= d && d <= end; }
  // True when the period is exactly one whole calendar month.
  bool is_calendar_month() const;
};

std::optional<Period> intersect(const Period& a, const Period& b);

// Calls f(month, days) for each calendar month the period touches, in order:
// `month` is the whole calendar month, `days` the part of the period in it.
// (Proration by days, monthly bases and basic-charge months all walk this way.)
template <typename F>
void for_each_month(const Period& period, F f) {
  for (Date d = period.start; d <= period.end;) {
    const int dim = days_in_month(d.year(), d.month());
    const Period month{*Date::from_ymd(d.year(), d.month(), 1), *Date::from_ymd(d.year(), d.month(), dim)};
    const Date stop = month.end < period.end ? month.end : period.end;
    f(month, Period{d, stop});
    d = stop.plus_days(1);
  }
}

// Working days: Monday–Friday, except listed holidays, plus listed make-up
// working days (调休上班) that fall on weekends.
class WorkCalendar {
 public:
  void add_holiday(Date d) { holidays_.insert(d.days()); }
  void add_workday(Date d) { workdays_.insert(d.days()); }
  bool is_working_day(Date d) const;
  // The n-th working day after `from` (n ≥ 1); `from` itself does not count.
  Date add_working_days(Date from, int n) const;
  // Working days in (from, to].
  int working_days_between(Date from, Date to) const;

 private:
  std::set<int32_t> holidays_;
  std::set<int32_t> workdays_;
};

}  // namespace powerdesk
