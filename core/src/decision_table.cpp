// Evaluating compiled decision tables: each input selects one bitset of rows
// per column; the AND of those is the set of matching rows.
#include "powerdesk/decision_table.hpp"

#include <algorithm>
#include <bit>

#include "powerdesk/decimal.hpp"

namespace powerdesk::decision {

std::string_view value_type_name(ValueType t) {
  switch (t) {
    case ValueType::Integer: return "integer";
    case ValueType::Decimal: return "decimal";
    case ValueType::Boolean: return "boolean";
    case ValueType::Enum: return "enum";
    case ValueType::Date: return "date";
    case ValueType::String: return "string";
  }
  return "?";
}

std::string_view hit_policy_name(HitPolicy p) {
  switch (p) {
    case HitPolicy::Unique: return "UNIQUE";
    case HitPolicy::Any: return "ANY";
    case HitPolicy::First: return "FIRST";
    case HitPolicy::Collect: return "COLLECT";
    case HitPolicy::Max: return "MAX";
    case HitPolicy::Min: return "MIN";
  }
  return "?";
}

Field Field::integer(std::string name, Value min, Value max) {
  Field f;
  f.name = std::move(name);
  f.type = ValueType::Integer;
  f.min = min;
  f.max = max;
  return f;
}

Field Field::decimal(std::string name, int scale, Value min_units, Value max_units) {
  Field f = integer(std::move(name), min_units, max_units);
  f.type = ValueType::Decimal;
  f.scale = scale;
  return f;
}

Field Field::boolean(std::string name) {
  Field f = integer(std::move(name), 0, 1);
  f.type = ValueType::Boolean;
  return f;
}

Field Field::enumeration(std::string name, std::vector<std::string> values) {
  Field f = integer(std::move(name), 0, static_cast<Value>(values.size()) - 1);
  f.type = ValueType::Enum;
  f.values = std::move(values);
  return f;
}

Field Field::date(std::string name, Date min, Date max) {
  Field f = integer(std::move(name), min.days(), max.days());
  f.type = ValueType::Date;
  return f;
}

std::optional<Value> Field::enum_index(std::string_view v) const {
  for (size_t i = 0; i < values.size(); ++i)
    if (values[i] == v) return static_cast<Value>(i);
  return std::nullopt;
}

std::string Field::values_text() const {
  std::string list;
  for (const auto& v : values) list += (list.empty() ? "" : ", ") + v;
  return list;
}

std::string Field::render(Value v) const {
  switch (type) {
    case ValueType::Integer: return std::to_string(v);
    case ValueType::Decimal: return format_decimal_units(v, scale, 0);
    case ValueType::Boolean: return v ? "true" : "false";
    case ValueType::Enum:
      return v >= 0 && static_cast<size_t>(v) < values.size() ? values[static_cast<size_t>(v)] : "?";
    case ValueType::Date: return Date::from_days(static_cast<int32_t>(v)).iso();
    case ValueType::String: return std::to_string(v);
  }
  return "?";
}

int InputSchema::index_of(std::string_view field) const {
  for (size_t i = 0; i < fields.size(); ++i)
    if (fields[i].name == field) return static_cast<int>(i);
  return -1;
}

bool Condition::matches(Value v) const {
  if (any) return true;
  for (const auto& [lo, hi] : ranges)
    if (lo <= v && v < hi) return true;
  return false;
}

int Table::output_index(std::string_view name) const {
  for (size_t i = 0; i < outputs.size(); ++i)
    if (outputs[i].name == name) return static_cast<int>(i);
  return -1;
}

std::string Table::render_output(int output, Value v) const {
  const Field& f = outputs[static_cast<size_t>(output)];
  if (f.type == ValueType::String)
    return v >= 0 && static_cast<size_t>(v) < output_strings.size() ? output_strings[static_cast<size_t>(v)] : "";
  return f.render(v);
}

namespace {

// The bitset of rows whose cell in this column accepts `v` (nullptr: none).
const uint64_t* column_bits(const Table& t, const ColumnIndex& c, Value v) {
  size_t segment = 0;
  if (c.direct) {
    if (v < c.direct_base) return nullptr;
    segment = static_cast<size_t>(v - c.direct_base);
    if (segment + 1 >= c.starts.size()) return nullptr;
  } else {
    auto it = std::upper_bound(c.starts.begin(), c.starts.end(), v);
    if (it == c.starts.begin() || it == c.starts.end()) return nullptr;
    segment = static_cast<size_t>(it - c.starts.begin() - 1);
  }
  return c.bits.data() + segment * static_cast<size_t>(t.words);
}

}  // namespace

void match_bits(const Table& t, std::span<const Value> facts, std::span<uint64_t> out) {
  const size_t words = static_cast<size_t>(t.words);
  std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(words), ~uint64_t{0});
  const size_t tail = t.rows.size() % 64;
  if (tail && words) out[words - 1] = (uint64_t{1} << tail) - 1;
  for (const ColumnIndex& c : t.index) {
    const uint64_t* bits = column_bits(t, c, facts[static_cast<size_t>(c.field)]);
    if (!bits) {
      std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(words), uint64_t{0});
      return;
    }
    for (size_t w = 0; w < words; ++w) out[w] &= bits[w];
  }
}

namespace {

// FIRST without materialising the whole bitset: the first word with a hit wins.
int first_match(const Table& t, std::span<const Value> facts) {
  const uint64_t* cols[64];
  const size_t n = t.index.size();
  if (n > 64) return -1;  // the loader refuses tables this wide
  for (size_t i = 0; i < n; ++i) {
    cols[i] = column_bits(t, t.index[i], facts[static_cast<size_t>(t.index[i].field)]);
    if (!cols[i]) return -1;
  }
  const size_t words = static_cast<size_t>(t.words);
  const size_t tail = t.rows.size() % 64;
  for (size_t w = 0; w < words; ++w) {
    uint64_t x = (tail && w + 1 == words) ? (uint64_t{1} << tail) - 1 : ~uint64_t{0};
    for (size_t i = 0; i < n && x; ++i) x &= cols[i][w];
    if (x) return static_cast<int>(w * 64 + static_cast<size_t>(std::countr_zero(x)));
  }
  return -1;
}

template <typename F>
void for_each_bit(std::span<const uint64_t> bits, F f) {
  for (size_t w = 0; w < bits.size(); ++w) {
    for (uint64_t x = bits[w]; x; x &= x - 1) f(static_cast<int>(w * 64 + static_cast<size_t>(std::countr_zero(x))));
  }
}

// MAX/MIN by the first output; the earliest row wins a tie.
int extreme_row(const Table& t, std::span<const uint64_t> bits) {
  int best = -1;
  const bool max = t.policy == HitPolicy::Max;
  for_each_bit(bits, [&](int row) {
    if (best < 0) {
      best = row;
      return;
    }
    const Value v = t.rows[static_cast<size_t>(row)].outputs[0];
    const Value b = t.rows[static_cast<size_t>(best)].outputs[0];
    if (max ? v > b : v < b) best = row;
  });
  return best;
}

}  // namespace

int decide_row(const Table& t, std::span<const Value> facts) {
  if (t.policy == HitPolicy::Collect) return -1;
  if (t.policy != HitPolicy::Max && t.policy != HitPolicy::Min) return first_match(t, facts);
  if (t.words <= 4) {
    uint64_t bits[4];
    match_bits(t, facts, bits);
    return extreme_row(t, std::span<const uint64_t>(bits, static_cast<size_t>(t.words)));
  }
  std::vector<uint64_t> bits(static_cast<size_t>(t.words));
  match_bits(t, facts, bits);
  return extreme_row(t, bits);
}

Evaluation evaluate(const Table& t, std::span<const Value> facts) {
  Evaluation e;
  if (t.policy == HitPolicy::First) {
    // Later rows that also match were never hit: the trace shows the one
    // row that decided.
    e.chosen = first_match(t, facts);
    if (e.chosen >= 0) e.matched.assign(1, e.chosen);
  } else {
    std::vector<uint64_t> bits(static_cast<size_t>(t.words));
    match_bits(t, facts, bits);
    for_each_bit(bits, [&](int row) { e.matched.push_back(row); });
    if (t.policy == HitPolicy::Collect) return e;
    e.chosen = (t.policy == HitPolicy::Max || t.policy == HitPolicy::Min)
                   ? extreme_row(t, bits)
                   : (e.matched.empty() ? -1 : e.matched.front());
  }
  if (e.chosen >= 0) {
    e.outputs = t.rows[static_cast<size_t>(e.chosen)].outputs;
  } else if (t.default_row) {
    e.default_used = true;
    e.outputs = t.default_row->outputs;
  }
  return e;
}

}  // namespace powerdesk::decision
