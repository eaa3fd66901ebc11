// Compiling a decision table: per input column, the points where any row's
// condition changes split the domain into segments, each with the bitset of
// rows it satisfies. The same segments drive the load-time proofs: a search
// over segment combinations finds gaps (no row matches) and overlaps (two
// rows of a UNIQUE table match), with an example input for the message.
#include <algorithm>
#include <bit>
#include <set>

#include "decision_internal.hpp"
#include "pack_reader.hpp"

namespace powerdesk::decision::detail {

Ranges intersect(const Ranges& a, const Ranges& b) {
  Ranges out;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const Value lo = std::max(a[i].first, b[j].first);
    const Value hi = std::min(a[i].second, b[j].second);
    if (lo < hi) out.push_back({lo, hi});
    if (a[i].second < b[j].second) ++i;
    else ++j;
  }
  return out;
}

Ranges complement(const Ranges& a, Value lo, Value hi) {
  Ranges out;
  Value at = lo;
  for (const auto& [from, to] : a) {
    if (from > at) out.push_back({at, std::min(from, hi)});
    at = std::max(at, to);
  }
  if (at < hi) out.push_back({at, hi});
  return out;
}

namespace {

// Domains this small are indexed directly by value (booleans, enums, small integers).
constexpr Value kDirectLimit = 256;

void set_bit(std::vector<uint64_t>& bits, size_t segment, int words, size_t row) {
  bits[segment * static_cast<size_t>(words) + row / 64] |= uint64_t{1} << (row % 64);
}

ColumnIndex index_column(const Table& t, size_t column) {
  const Field& f = t.schema->fields[static_cast<size_t>(t.inputs[column])];
  ColumnIndex c;
  c.field = t.inputs[column];
  const Value lo = f.min, hi = f.max + 1;
  c.direct = hi - lo <= kDirectLimit;
  c.direct_base = lo;
  if (c.direct) {
    for (Value v = lo; v <= hi; ++v) c.starts.push_back(v);
  } else {
    std::vector<Value> cuts{lo, hi};
    for (const Row& row : t.rows)
      for (const auto& [a, b] : row.when[column].ranges) {
        if (a > lo && a < hi) cuts.push_back(a);
        if (b > lo && b < hi) cuts.push_back(b);
      }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    c.starts = std::move(cuts);
  }
  const size_t segments = c.starts.size() - 1;
  c.bits.assign(segments * static_cast<size_t>(t.words), 0);
  for (size_t row = 0; row < t.rows.size(); ++row) {
    const Condition& cond = t.rows[row].when[column];
    if (cond.any) {
      for (size_t s = 0; s < segments; ++s) set_bit(c.bits, s, t.words, row);
      continue;
    }
    for (const auto& [a, b] : cond.ranges) {
      // Segments whose start lies in [a, b): cuts include a and b, so these
      // segments lie wholly inside the range.
      auto first = std::lower_bound(c.starts.begin(), c.starts.end() - 1, a);
      for (auto it = first; it != c.starts.end() - 1 && *it < b; ++it)
        set_bit(c.bits, static_cast<size_t>(it - c.starts.begin()), t.words, row);
    }
  }
  return c;
}

int popcount(const std::vector<uint64_t>& bits) {
  int n = 0;
  for (uint64_t w : bits) n += std::popcount(w);
  return n;
}

std::vector<int> rows_of(const std::vector<uint64_t>& bits) {
  std::vector<int> out;
  for (size_t w = 0; w < bits.size(); ++w)
    for (uint64_t x = bits[w]; x; x &= x - 1) out.push_back(static_cast<int>(w * 64 + static_cast<size_t>(std::countr_zero(x))));
  return out;
}

// Depth-first over one segment per column, skipping subtrees that can hold
// neither a gap nor an overlap.
class Prover {
 public:
  Prover(FieldReader& r, const Table& t, const std::string& path) : r_(r), t_(t), path_(path) {
    need_complete_ = t.policy != HitPolicy::Collect && !t.default_row;
    need_unique_ = t.policy == HitPolicy::Unique || t.policy == HitPolicy::Any;
    const size_t n = t.inputs.size();
    // any_from_[c]: rows whose cells from column c on are all empty.
    any_from_.assign(n + 1, std::vector<uint64_t>(static_cast<size_t>(t.words), 0));
    for (size_t row = 0; row < t.rows.size(); ++row) {
      for (size_t c = n + 1; c-- > 0;) {
        if (c < n && !t.rows[row].when[c].any) break;
        any_from_[c][row / 64] |= uint64_t{1} << (row % 64);
      }
    }
    example_.assign(n, 0);
  }

  void run() {
    if (!need_complete_ && !need_unique_) return;
    std::vector<uint64_t> all(static_cast<size_t>(t_.words), ~uint64_t{0});
    const size_t tail = t_.rows.size() % 64;
    if (tail) all.back() = (uint64_t{1} << tail) - 1;
    visit(0, all);
  }

 private:
  bool worth_visiting(size_t column, const std::vector<uint64_t>& bits) const {
    bool covered = false;
    for (size_t w = 0; w < bits.size(); ++w) covered = covered || (bits[w] & any_from_[column][w]);
    return (need_complete_ && !covered) || (need_unique_ && popcount(bits) >= 2);
  }

  std::string example(size_t upto) const {
    std::string s;
    for (size_t c = 0; c < upto; ++c) {
      const Field& f = t_.schema->fields[static_cast<size_t>(t_.inputs[c])];
      s += (s.empty() ? "" : ", ") + f.name + "=" + f.render(example_[c]);
    }
    return s.empty() ? "(any)" : s;
  }

  void leaf(size_t depth, const std::vector<uint64_t>& bits) {
    const std::vector<int> rows = rows_of(bits);
    if (rows.empty()) {
      if (need_complete_) {
        const std::string e = example(depth);
        pack_reader::invalid(r_, pointer_join(path_, "rows"), "表不完整：没有规则匹配 " + e + "（补充规则或设置 default）",
                             "the table has a gap: no row matches " + e + " (add a row or a default)");
        stop_ = true;
      }
      return;
    }
    if (!need_unique_ || rows.size() < 2) return;
    const Row& a = t_.rows[static_cast<size_t>(rows[0])];
    for (size_t k = 1; k < rows.size(); ++k) {
      const Row& b = t_.rows[static_cast<size_t>(rows[k])];
      if (t_.policy == HitPolicy::Any && a.outputs == b.outputs) continue;
      const std::string e = example(depth);
      const std::string what_zh = t_.policy == HitPolicy::Unique ? "UNIQUE 表中规则 " : "ANY 表中输出不同的规则 ";
      const std::string what_en = t_.policy == HitPolicy::Unique ? "rows of a UNIQUE table overlap: " : "rows of an ANY table with different outputs overlap: ";
      pack_reader::invalid(r_, pointer_join(pointer_join(path_, "rows"), static_cast<size_t>(rows[k])),
                           what_zh + a.id + " 与 " + b.id + " 可同时匹配，例如 " + e,
                           what_en + a.id + " and " + b.id + " both match, e.g. " + e);
      stop_ = true;
      return;
    }
  }

  void visit(size_t column, const std::vector<uint64_t>& bits) {
    if (stop_) return;
    if (++nodes_ > kNodeBudget) {
      pack_reader::invalid(r_, path_, "表过于复杂，无法在加载时验证（请拆分或设置 default）",
                           "the table is too complex to verify at load time (split it or add a default)");
      stop_ = true;
      return;
    }
    if (column == t_.inputs.size()) {
      leaf(column, bits);
      return;
    }
    const ColumnIndex& c = t_.index[column];
    const size_t segments = c.starts.size() - 1;
    std::set<std::vector<uint64_t>> seen;
    std::vector<uint64_t> child(bits.size());
    for (size_t s = 0; s < segments && !stop_; ++s) {
      const uint64_t* seg = c.bits.data() + s * static_cast<size_t>(t_.words);
      for (size_t w = 0; w < bits.size(); ++w) child[w] = bits[w] & seg[w];
      if (!seen.insert(child).second) continue;
      example_[column] = c.starts[s];
      if (popcount(child) == 0) {
        if (need_complete_) leaf(column + 1, child);
        continue;
      }
      if (worth_visiting(column + 1, child)) visit(column + 1, child);
    }
  }

  static constexpr long kNodeBudget = 2'000'000;
  FieldReader& r_;
  const Table& t_;
  const std::string& path_;
  bool need_complete_ = false;
  bool need_unique_ = false;
  bool stop_ = false;
  long nodes_ = 0;
  std::vector<std::vector<uint64_t>> any_from_;
  std::vector<Value> example_;
};

}  // namespace

void compile(FieldReader& r, Table& t, const std::string& path) {
  t.words = std::max<int>(1, static_cast<int>((t.rows.size() + 63) / 64));
  t.index.clear();
  for (size_t c = 0; c < t.inputs.size(); ++c) t.index.push_back(index_column(t, c));
  Prover(r, t, path).run();
}

}  // namespace powerdesk::decision::detail
