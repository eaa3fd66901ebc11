#include "powerdesk/allocation.hpp"

#include <algorithm>
#include <numeric>

#include "powerdesk/decimal.hpp"

namespace powerdesk {

std::vector<int64_t> split_by_weights(int64_t total, const std::vector<int64_t>& weights,
                                      int64_t unit) {
  std::vector<int64_t> out(weights.size(), 0);
  const int64_t sum = std::accumulate(weights.begin(), weights.end(), int64_t{0});
  if (weights.empty() || sum == 0) return out;
  int64_t given = 0;
  for (size_t i = 0; i + 1 < weights.size(); ++i) {
    const __int128 ideal = static_cast<__int128>(total) * weights[i];
    int64_t share = static_cast<int64_t>(round_div(ideal, static_cast<__int128>(sum) * unit, Rounding::HalfUp)) * unit;
    // Never give away more than is left (keeps every share non-negative).
    share = total >= 0 ? std::min(share, total - given) : std::max(share, total - given);
    out[i] = share;
    given += share;
  }
  out.back() = total - given;
  return out;
}

void split_proportionally(std::span<const int64_t> rows, std::span<const int64_t> cols, int64_t unit,
                          std::span<int64_t> cells) {
  const size_t n_rows = rows.size();
  const size_t n_cols = cols.size();
  std::fill(cells.begin(), cells.end(), 0);
  if (n_rows == 0 || n_cols == 0) return;
  const int64_t total = std::accumulate(cols.begin(), cols.end(), int64_t{0});
  int64_t* left = &cells[(n_rows - 1) * n_cols];  // the last row starts as what each column has to give
  std::copy(cols.begin(), cols.end(), left);
  for (size_t k = 0; k + 1 < n_rows; ++k) {
    const int64_t target = rows[k];
    if (target == 0 || total == 0) continue;
    int64_t* row = &cells[k * n_cols];
    int64_t sum = 0;
    for (size_t p = 0; p < n_cols; ++p) {
      const __int128 ideal = static_cast<__int128>(target) * cols[p];
      const int64_t cell = static_cast<int64_t>(round_div(ideal, static_cast<__int128>(total) * unit, Rounding::HalfUp)) * unit;
      row[p] = std::clamp<int64_t>(cell, 0, left[p]);
      sum += row[p];
    }
    // Rounding may leave the row a few units off its total: settle the
    // difference on the columns with the most room (ties: earlier column).
    int64_t diff = target - sum;
    while (diff != 0) {
      size_t best = n_cols;
      int64_t best_room = 0;
      for (size_t p = 0; p < n_cols; ++p) {
        const int64_t room = diff > 0 ? left[p] - row[p] : row[p];
        if (room > best_room) {
          best = p;
          best_room = room;
        }
      }
      if (best == n_cols) break;  // cannot happen when Σ rows == Σ cols
      // One unit at a time, so the difference spreads over several columns.
      const int64_t mag = std::min({diff > 0 ? diff : -diff, best_room, unit});
      const int64_t step = diff > 0 ? mag : -mag;
      row[best] += step;
      diff -= step;
    }
    for (size_t p = 0; p < n_cols; ++p) left[p] -= row[p];
  }
}

std::vector<std::vector<int64_t>> split_proportionally(const std::vector<int64_t>& rows,
                                                       const std::vector<int64_t>& cols,
                                                       int64_t unit) {
  std::vector<int64_t> flat(rows.size() * cols.size());
  split_proportionally(std::span<const int64_t>(rows), std::span<const int64_t>(cols), unit, std::span<int64_t>(flat));
  std::vector<std::vector<int64_t>> cells(rows.size());
  for (size_t r = 0; r < rows.size(); ++r)
    cells[r].assign(flat.begin() + static_cast<std::ptrdiff_t>(r * cols.size()),
                    flat.begin() + static_cast<std::ptrdiff_t>((r + 1) * cols.size()));
  return cells;
}

}  // namespace powerdesk
