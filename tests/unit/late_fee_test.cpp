// 电费违约金, facts sheet §6 (《供电营业规则》1996 [P]): residential 1‰ per
// day, others 2‰ (current year) / 3‰ (cross-year), from the day after the due
// date; a total below 1 元 is charged as 1 元. Frozen zj-test pack.
#include "test_packs.hpp"

#include "powerdesk/late_fee.hpp"

namespace powerdesk {
namespace {

LateFee fee(bool residential, const char* paid, std::vector<std::pair<const char*, const char*>> arrears) {
  LateFeeRequest req;
  req.region = "zj-test";
  req.residential = residential;
  req.paid = *Date::parse(paid);
  for (auto& [amount, due] : arrears) req.arrears.push_back({*Money::parse(amount), *Date::parse(due)});
  auto r = compute_late_fee(req, testing::frozen_packs());
  EXPECT_TRUE(r.ok());
  return r.ok() ? r.value() : LateFee{};
}

// Facts example: 10 000 元 overdue 20 days → 200 / 400 / 600 元.
TEST(LateFee, FactsSheetExample) {
  EXPECT_EQ(fee(true, "2025-03-21", {{"10000", "2025-03-01"}}).total.str(2), "200.00");
  EXPECT_EQ(fee(false, "2025-03-21", {{"10000", "2025-03-01"}}).total.str(2), "400.00");
  LateFee cross = fee(false, "2025-01-20", {{"10000", "2024-12-31"}});  // all 20 days in the next year
  EXPECT_EQ(cross.total.str(2), "600.00");
  ASSERT_EQ(cross.lines.size(), 1u);
  EXPECT_EQ(cross.lines[0].daily_rate.str(), "0.003");
}

// Due 2024-12-21, paid 2025-01-09: 10 days at 2‰ (12-22…12-31) = 200 plus
// 9 days at 3‰ (01-01…01-09) = 270 → 470.00.
TEST(LateFee, NonResidentialSplitsAtTheYearEnd) {
  LateFee f = fee(false, "2025-01-09", {{"10000", "2024-12-21"}});
  ASSERT_EQ(f.lines.size(), 2u);
  EXPECT_EQ(f.lines[0].days, 10);
  EXPECT_EQ(f.lines[0].amount.str(2), "200.00");
  EXPECT_EQ(f.lines[1].days, 9);
  EXPECT_EQ(f.lines[1].amount.str(2), "270.00");
  EXPECT_EQ(f.total.str(2), "470.00");
}

// 50 元 × 1‰ × 3 days = 0.15 → the 1 元 minimum; paid on the due date → nothing.
TEST(LateFee, MinimumAndOnTime) {
  LateFee small = fee(true, "2025-03-04", {{"50", "2025-03-01"}});
  EXPECT_EQ(small.computed.str(2), "0.15");
  EXPECT_EQ(small.total.str(2), "1.00");
  EXPECT_TRUE(small.minimum_applied);
  LateFee on_time = fee(true, "2025-03-01", {{"50", "2025-03-01"}});
  EXPECT_TRUE(on_time.lines.empty());
  EXPECT_EQ(on_time.total.str(2), "0.00");
  EXPECT_FALSE(on_time.minimum_applied);
}

// Several arrears add up; each line rounds to the fen: 123.45 × 1‰ × 7 = 0.86415 → 0.86.
TEST(LateFee, SeveralArrears) {
  LateFee f = fee(true, "2025-03-08", {{"123.45", "2025-03-01"}, {"1000", "2025-02-01"}});
  ASSERT_EQ(f.lines.size(), 2u);
  EXPECT_EQ(f.lines[0].amount.str(2), "0.86");
  EXPECT_EQ(f.lines[1].days, 35);  // 2025-02-02 … 2025-03-08
  EXPECT_EQ(f.lines[1].amount.str(2), "35.00");
  EXPECT_EQ(f.total.str(2), "35.86");
}

}  // namespace
}  // namespace powerdesk
