#include "powerdesk/calendar.hpp"

#include <gtest/gtest.h>

#include <string>

namespace powerdesk {
namespace {

Date d(const char* iso) {
  const auto parsed = Date::parse(iso);
  EXPECT_TRUE(parsed.has_value()) << iso;
  return parsed.value_or(Date());
}

Period p(const char* start, const char* end) { return Period{d(start), d(end)}; }

TEST(Calendar, ParseAndIsoRoundTrip) {
  for (const char* iso : {"1970-01-01", "2024-02-29", "2025-03-01", "2025-12-31", "1900-01-01",
                          "2999-12-31", "2000-02-29", "1969-12-31"}) {
    EXPECT_EQ(d(iso).iso(), iso);
  }
  EXPECT_EQ(d("1970-01-01").days(), 0);
  EXPECT_EQ(d("1969-12-31").days(), -1);
  EXPECT_EQ(d("2000-01-01").days(), 10957);
  EXPECT_EQ(d("2024-01-01").days(), 19723);
  EXPECT_EQ(d("1900-01-01").days(), -25567);
  const Date x = d("2025-10-08");
  EXPECT_EQ(x.year(), 2025);
  EXPECT_EQ(x.month(), 10);
  EXPECT_EQ(x.day(), 8);
  EXPECT_EQ(Date::from_ymd(2025, 10, 8), x);
  EXPECT_EQ(Date::from_days(x.days()), x);
}

TEST(Calendar, InvalidDates) {
  for (const char* bad :
       {"2025-02-29", "2025-13-01", "2025-1-01", "2025-01-1", "2025-00-10", "2025-04-31",
        "2025-01-00", "2025-01-32", "1900-02-29", "2025/01/01", "2025-01-01 ", " 2025-01-01",
        "20250101", "", "+025-01-01", "2025-0a-01", "1899-12-31", "3000-01-01"}) {
    EXPECT_FALSE(Date::parse(bad).has_value()) << '"' << bad << '"';
  }
  EXPECT_TRUE(Date::parse("2024-02-29").has_value());
  EXPECT_TRUE(Date::parse("2000-02-29").has_value());
  EXPECT_FALSE(Date::from_ymd(2025, 2, 29).has_value());
  EXPECT_FALSE(Date::from_ymd(2025, 0, 1).has_value());
}

TEST(Calendar, Weekday) {
  EXPECT_EQ(d("2024-01-01").weekday(), 1);  // Monday
  EXPECT_EQ(d("2025-10-01").weekday(), 3);  // Wednesday
  EXPECT_EQ(d("1970-01-01").weekday(), 4);  // Thursday
  EXPECT_EQ(d("1969-12-31").weekday(), 3);  // before the epoch
  EXPECT_EQ(d("1900-01-01").weekday(), 1);
  EXPECT_EQ(d("2025-09-28").weekday(), 7);  // Sunday
  EXPECT_EQ(d("2025-10-11").weekday(), 6);  // Saturday
  EXPECT_EQ(d("2000-01-01").weekday(), 6);
}

TEST(Calendar, DaysInMonthAndLeapYears) {
  EXPECT_EQ(days_in_month(2024, 2), 29);
  EXPECT_EQ(days_in_month(2025, 2), 28);
  EXPECT_EQ(days_in_month(1900, 2), 28);
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ(days_in_month(2025, 1), 31);
  EXPECT_EQ(days_in_month(2025, 4), 30);
  EXPECT_EQ(days_in_month(2025, 12), 31);
  EXPECT_TRUE(is_leap_year(2024));
  EXPECT_FALSE(is_leap_year(2025));
  EXPECT_FALSE(is_leap_year(2100));
  EXPECT_TRUE(is_leap_year(2000));
}

TEST(Calendar, PlusDays) {
  EXPECT_EQ(d("2024-12-31").plus_days(1), d("2025-01-01"));
  EXPECT_EQ(d("2024-02-28").plus_days(1), d("2024-02-29"));
  EXPECT_EQ(d("2025-02-28").plus_days(1), d("2025-03-01"));
  EXPECT_EQ(d("2025-03-01").plus_days(-1), d("2025-02-28"));
  EXPECT_EQ(d("2025-01-01").plus_days(365), d("2026-01-01"));
}

TEST(Calendar, PeriodDaysAndCalendarMonth) {
  EXPECT_EQ(p("2025-03-01", "2025-03-31").days(), 31);
  EXPECT_EQ(p("2025-03-15", "2025-03-15").days(), 1);
  EXPECT_EQ(p("2024-02-01", "2024-02-29").days(), 29);
  EXPECT_EQ(p("2024-12-15", "2025-01-14").days(), 31);
  EXPECT_TRUE(p("2025-03-01", "2025-03-31").is_calendar_month());
  EXPECT_TRUE(p("2025-02-01", "2025-02-28").is_calendar_month());
  EXPECT_TRUE(p("2024-02-01", "2024-02-29").is_calendar_month());
  EXPECT_FALSE(p("2024-02-01", "2024-02-28").is_calendar_month());
  EXPECT_FALSE(p("2025-03-02", "2025-03-31").is_calendar_month());
  EXPECT_FALSE(p("2025-03-01", "2025-04-30").is_calendar_month());
  EXPECT_FALSE(p("2024-03-01", "2025-03-31").is_calendar_month());
  EXPECT_FALSE(p("2025-03-15", "2025-04-14").is_calendar_month());
  EXPECT_TRUE(p("2025-03-01", "2025-03-31").contains(d("2025-03-31")));
  EXPECT_FALSE(p("2025-03-01", "2025-03-31").contains(d("2025-04-01")));
}

TEST(Calendar, Intersect) {
  const auto overlap = intersect(p("2025-03-01", "2025-03-31"), p("2025-03-15", "2025-04-14"));
  ASSERT_TRUE(overlap.has_value());
  EXPECT_EQ(overlap->start, d("2025-03-15"));
  EXPECT_EQ(overlap->end, d("2025-03-31"));
  EXPECT_EQ(overlap->days(), 17);

  const auto nested = intersect(p("2025-01-01", "2025-12-31"), p("2025-06-01", "2025-06-30"));
  ASSERT_TRUE(nested.has_value());
  EXPECT_EQ(nested->start, d("2025-06-01"));
  EXPECT_EQ(nested->end, d("2025-06-30"));

  const auto touching = intersect(p("2025-03-01", "2025-03-31"), p("2025-03-31", "2025-04-30"));
  ASSERT_TRUE(touching.has_value());
  EXPECT_EQ(touching->days(), 1);

  EXPECT_FALSE(intersect(p("2025-03-01", "2025-03-31"), p("2025-04-01", "2025-04-30")));
  EXPECT_FALSE(intersect(p("2025-05-01", "2025-05-31"), p("2025-03-01", "2025-03-31")));
}

// 2025 National Day: 10-01..10-08 off; Sunday 09-28 and Saturday 10-11 worked.
WorkCalendar national_day_2025() {
  WorkCalendar cal;
  for (Date x = d("2025-10-01"); x <= d("2025-10-08"); x = x.plus_days(1)) cal.add_holiday(x);
  cal.add_workday(d("2025-09-28"));
  cal.add_workday(d("2025-10-11"));
  return cal;
}

TEST(Calendar, IsWorkingDay) {
  const WorkCalendar cal = national_day_2025();
  EXPECT_TRUE(cal.is_working_day(d("2025-09-26")));   // Friday
  EXPECT_FALSE(cal.is_working_day(d("2025-09-27")));  // Saturday
  EXPECT_TRUE(cal.is_working_day(d("2025-09-28")));   // make-up Sunday
  EXPECT_TRUE(cal.is_working_day(d("2025-09-30")));
  EXPECT_FALSE(cal.is_working_day(d("2025-10-01")));
  EXPECT_FALSE(cal.is_working_day(d("2025-10-04")));  // holiday on a Saturday
  EXPECT_FALSE(cal.is_working_day(d("2025-10-08")));  // holiday on a Wednesday
  EXPECT_TRUE(cal.is_working_day(d("2025-10-09")));
  EXPECT_TRUE(cal.is_working_day(d("2025-10-11")));   // make-up Saturday
  EXPECT_FALSE(cal.is_working_day(d("2025-10-12")));  // Sunday
  const WorkCalendar plain;
  EXPECT_FALSE(plain.is_working_day(d("2025-10-11")));
  EXPECT_TRUE(plain.is_working_day(d("2025-10-01")));
}

TEST(Calendar, AddWorkingDays) {
  const WorkCalendar cal = national_day_2025();
  EXPECT_EQ(cal.add_working_days(d("2025-09-30"), 1), d("2025-10-09"));
  EXPECT_EQ(cal.add_working_days(d("2025-09-30"), 2), d("2025-10-10"));
  EXPECT_EQ(cal.add_working_days(d("2025-09-30"), 3), d("2025-10-11"));
  EXPECT_EQ(cal.add_working_days(d("2025-09-30"), 4), d("2025-10-13"));
  EXPECT_EQ(cal.add_working_days(d("2025-09-26"), 1), d("2025-09-28"));
  EXPECT_EQ(cal.add_working_days(d("2025-09-26"), 2), d("2025-09-29"));
  EXPECT_EQ(cal.add_working_days(d("2025-10-03"), 1), d("2025-10-09"));  // from a holiday
  EXPECT_EQ(cal.add_working_days(d("2025-09-30"), 0), d("2025-09-30"));
  const WorkCalendar plain;
  EXPECT_EQ(plain.add_working_days(d("2025-10-03"), 1), d("2025-10-06"));  // Fri → Mon
  EXPECT_EQ(plain.add_working_days(d("2025-10-03"), 5), d("2025-10-10"));
}

TEST(Calendar, WorkingDaysBetween) {
  const WorkCalendar cal = national_day_2025();
  // (09-26, 10-12]: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11.
  EXPECT_EQ(cal.working_days_between(d("2025-09-26"), d("2025-10-12")), 6);
  // October 2025: 23 weekdays, 6 of them holidays, plus Saturday 10-11.
  EXPECT_EQ(cal.working_days_between(d("2025-09-30"), d("2025-10-31")), 18);
  EXPECT_EQ(cal.working_days_between(d("2025-09-30"), d("2025-10-08")), 0);
  EXPECT_EQ(cal.working_days_between(d("2025-10-09"), d("2025-10-09")), 0);
  EXPECT_EQ(cal.working_days_between(d("2025-10-12"), d("2025-10-01")), 0);
  // Consistent with add_working_days.
  const Date from = d("2025-09-20");
  for (int n = 1; n <= 15; ++n) {
    EXPECT_EQ(cal.working_days_between(from, cal.add_working_days(from, n)), n) << n;
  }
}

}  // namespace
}  // namespace powerdesk
