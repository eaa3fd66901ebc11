// Edit distance for fuzzy field comparison: optimal string alignment
// (Levenshtein plus the swap of two neighbours, the commonest typing slip),
// bounded — the scores only distinguish 0, 1 and 2 edits. Only the diagonal
// band |i − j| ≤ cap can hold a distance within the cap, so only it is
// computed: O(length · cap), whatever the input (a long value that differs
// only at its end would otherwise cost length²).
#include <algorithm>
#include <string_view>
#include <vector>

#include "dedupe_internal.hpp"

namespace powerdesk::dedupe::detail {

int edit_distance(std::u32string_view a, std::u32string_view b, int cap) {
  const size_t la = a.size(), lb = b.size();
  const size_t band = static_cast<size_t>(cap);
  if ((la > lb ? la - lb : lb - la) > band) return cap + 1;
  if (a == b) return 0;
  const int over = cap + 1;  // stands for "more than the cap", outside the band too
  // Three rows: the one before last (for swaps), the last and the current;
  // on the stack for the usual short values (this runs millions of times).
  constexpr size_t kStackRow = 64;
  int stack[3][kStackRow] = {};
  std::vector<int> heap;
  int* before = stack[0];
  int* last = stack[1];
  int* row = stack[2];
  if (lb + 1 > kStackRow) {
    heap.assign(3 * (lb + 1), over);
    before = heap.data();
    last = before + lb + 1;
    row = last + lb + 1;
  }
  for (size_t j = 0; j <= lb; ++j) last[j] = j <= band ? static_cast<int>(j) : over;
  for (size_t i = 1; i <= la; ++i) {
    const size_t from = i > band ? i - band : 1;
    const size_t to = std::min(lb, i + band);
    // The cells just outside the band are read by the next cells: mark them.
    row[from - 1] = from == 1 ? std::min(static_cast<int>(i), over) : over;
    if (to < lb) row[to + 1] = over;
    int best = row[from - 1];
    for (size_t j = from; j <= to; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int d = std::min({last[j] + 1, row[j - 1] + 1, last[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, before[j - 2] + 1);
      row[j] = std::min(d, over);
      best = std::min(best, row[j]);
    }
    if (best > cap) return over;
    std::swap(before, last);
    std::swap(last, row);
  }
  return std::min(last[lb], over);
}

}  // namespace powerdesk::dedupe::detail
