// split_proportionally / split_by_weights: exact margins, no negative cells,
// proportional within a unit or two, over many generated cases.
#include <gtest/gtest.h>

#include <numeric>
#include <random>

#include "powerdesk/allocation.hpp"

namespace powerdesk {
namespace {

TEST(Allocation, FactsSheetExampleA) {
  // Tier 1 160 kWh, tier 2 90 kWh across peak 150 / valley 100.
  auto cells = split_proportionally({160, 90}, {150, 100}, 1);
  EXPECT_EQ(cells, (std::vector<std::vector<int64_t>>{{96, 64}, {54, 36}}));
}

TEST(Allocation, WeightsByDays) {
  EXPECT_EQ(split_by_weights(310, {16, 15}, 1), (std::vector<int64_t>{160, 150}));
  EXPECT_EQ(split_by_weights(100, {1, 1, 1}, 1), (std::vector<int64_t>{33, 33, 34}));
  EXPECT_EQ(split_by_weights(0, {5, 5}, 1), (std::vector<int64_t>{0, 0}));
}

TEST(Allocation, GeneratedCasesKeepMarginsExact) {
  std::mt19937_64 rng(20251122);
  for (int c = 0; c < 20000; ++c) {
    const int64_t unit = c % 3 == 0 ? 1 : 1000;
    const size_t n_cols = 1 + rng() % 5;
    const size_t n_rows = 1 + rng() % 4;
    std::vector<int64_t> cols(n_cols);
    for (auto& v : cols) v = static_cast<int64_t>(rng() % 5) == 0 ? 0 : static_cast<int64_t>(rng() % 2'000'000);
    const int64_t total = std::accumulate(cols.begin(), cols.end(), int64_t{0});
    std::vector<int64_t> rows(n_rows, 0);
    int64_t left = total;
    for (size_t r = 0; r + 1 < n_rows; ++r) {
      rows[r] = left ? static_cast<int64_t>(rng() % static_cast<uint64_t>(left + 1)) : 0;
      left -= rows[r];
    }
    rows.back() = left;
    auto cells = split_proportionally(rows, cols, unit);
    for (size_t r = 0; r < n_rows; ++r) {
      EXPECT_EQ(std::accumulate(cells[r].begin(), cells[r].end(), int64_t{0}), rows[r]) << "case " << c;
      for (size_t p = 0; p < n_cols; ++p) {
        EXPECT_GE(cells[r][p], 0) << "case " << c;
        if (total > 0) {
          // Within n_cols units of the exact proportional share.
          const long double ideal = static_cast<long double>(rows[r]) * cols[p] / total;
          EXPECT_LE(std::abs(static_cast<long double>(cells[r][p]) - ideal), static_cast<long double>(unit * (n_cols + 1)))
              << "case " << c;
        }
      }
    }
    for (size_t p = 0; p < n_cols; ++p) {
      int64_t col = 0;
      for (size_t r = 0; r < n_rows; ++r) col += cells[r][p];
      EXPECT_EQ(col, cols[p]) << "case " << c;
    }
    if (HasFailure()) break;
  }
}

}  // namespace
}  // namespace powerdesk
