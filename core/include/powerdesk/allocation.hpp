// Splitting kWh "in proportion" without losing or inventing a watt-hour.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace powerdesk {

// Splits each row total across the columns in proportion to the column totals
// (Σ rows must equal Σ cols). Every row and every column of the result sums
// exactly to its total and no cell is negative. Cells of all rows but the last
// are rounded (half-up) to multiples of `unit`; the last row takes what is left
// of each column. Used for tier kWh across TOU periods, kWh across pack parts,
// and 定比/定量 splits.
std::vector<std::vector<int64_t>> split_proportionally(const std::vector<int64_t>& rows,
                                                       const std::vector<int64_t>& cols,
                                                       int64_t unit);

// The same, allocation-free for the billing hot path: `cells` holds
// rows.size() × cols.size() values, row-major.
void split_proportionally(std::span<const int64_t> rows, std::span<const int64_t> cols, int64_t unit,
                          std::span<int64_t> cells);

// Splits `total` into shares proportional to `weights` (e.g. days), each share
// but the last rounded half-up to a multiple of `unit`; the last takes the rest.
std::vector<int64_t> split_by_weights(int64_t total, const std::vector<int64_t>& weights,
                                      int64_t unit);

}  // namespace powerdesk
