// The shipped national pack (rules/national/) against the State Council
// holiday notices for 2024–2026 (国办发明电〔2023〕7号, 〔2024〕12号 and the
// 2026 notice): holidays, make-up working days (调休) and working-day counts.
#include <gtest/gtest.h>

#include "powerdesk/rulepack.hpp"
#include "test_packs.hpp"

namespace powerdesk {
namespace {

const RulePack& national() {
  static auto pack = load_pack(
      testing::read_file(std::string(POWERDESK_SOURCE_DIR) + "/rules/national/cn-national-2024.json"), "national");
  if (!pack.ok()) throw std::runtime_error("national pack refused");
  return *pack.value();
}

bool working(const char* day) { return national().calendar.is_working_day(*Date::parse(day)); }

TEST(NationalCalendar, HolidaysAndMakeUpDays) {
  EXPECT_FALSE(working("2024-02-12"));  // 春节 2024 (Monday)
  EXPECT_TRUE(working("2024-02-04"));   // Sunday worked before 春节
  EXPECT_TRUE(working("2024-02-18"));   // Sunday worked after 春节
  EXPECT_FALSE(working("2024-10-07"));  // 国庆 2024
  EXPECT_TRUE(working("2024-10-12"));   // Saturday worked
  EXPECT_FALSE(working("2025-01-28"));  // 除夕 2025 is a holiday from 2025 on
  EXPECT_TRUE(working("2025-01-26"));   // Sunday worked
  EXPECT_FALSE(working("2025-10-08"));  // 国庆中秋 2025: 8 days
  EXPECT_TRUE(working("2025-10-11"));   // Saturday worked
  EXPECT_FALSE(working("2026-01-02"));  // 元旦 2026: 1–3 January
  EXPECT_TRUE(working("2026-01-04"));   // Sunday worked
  EXPECT_FALSE(working("2026-02-23"));  // 春节 2026: 15–23 February
  EXPECT_TRUE(working("2026-02-28"));   // Saturday worked
  EXPECT_TRUE(working("2025-03-03"));   // an ordinary Monday
  EXPECT_FALSE(working("2025-03-08"));  // an ordinary Saturday
}

// October 2025: 23 weekdays; the holiday takes six of them (1, 2, 3, 6, 7
// and 8 October) and Saturday the 11th is worked: 23 − 6 + 1 = 18.
TEST(NationalCalendar, WorkingDaysInOctober2025) {
  EXPECT_EQ(national().calendar.working_days_between(*Date::parse("2025-09-30"), *Date::parse("2025-10-31")), 18);
  // Five working days after Thursday 2025-09-25: 26 (Fri), 28 (Sun, make-up),
  // 29, 30, then 9 October (after the holiday).
  EXPECT_EQ(national().calendar.add_working_days(*Date::parse("2025-09-25"), 5).iso(), "2025-10-09");
}

TEST(NationalPowerFactorTables, AllThreeStandardsPresent) {
  for (const char* s : {"0.90", "0.85", "0.80"}) EXPECT_EQ(national().pf_tables.count(s), 1u) << s;
}

}  // namespace
}  // namespace powerdesk
