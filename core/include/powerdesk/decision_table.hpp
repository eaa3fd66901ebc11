// Decision tables (in the sense of DMN): typed input columns, one condition
// per cell, typed outputs, a hit policy, and an explanation and citation per
// row. Tables are data in rule packs; the core validates and compiles them
// when the pack loads and evaluates them with an index, not a row scan.
//
// Every value is an int64: a decimal in units of its column's scale, a
// boolean 0/1, an enum its position in the declared list (so enums compare
// by that order), a date its day number. Money and energy stay exact.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "powerdesk/calendar.hpp"
#include "powerdesk/issue.hpp"
#include "powerdesk/json_input.hpp"
#include "powerdesk/text.hpp"

namespace powerdesk {

namespace decision {

using Value = int64_t;

enum class ValueType { Integer, Decimal, Boolean, Enum, Date, String };
std::string_view value_type_name(ValueType t);

// One typed field: an input the core supplies, or an output a table yields.
struct Field {
  std::string name;
  ValueType type = ValueType::Integer;
  int scale = 0;                     // Decimal only
  std::vector<std::string> values;   // Enum only, in order
  std::vector<Bilingual> labels;     // Enum only, optional, parallel to values
  Value min = INT64_MIN / 4;         // inclusive domain, for gap checks
  Value max = INT64_MAX / 4;
  Bilingual label;

  // Schema fields with their domains (bounds are in the field's units).
  static Field integer(std::string name, Value min, Value max);
  static Field decimal(std::string name, int scale, Value min_units, Value max_units);
  static Field boolean(std::string name);
  static Field enumeration(std::string name, std::vector<std::string> values);
  static Field date(std::string name, Date min, Date max);

  std::optional<Value> enum_index(std::string_view v) const;
  std::string values_text() const;  // "a, b, c": the enum values, for messages
  std::string render(Value v) const;  // "2000000", "true", "three_star", "2025-06-01"
};

// The facts a domain offers its tables, e.g. the star-tier customer facts.
struct InputSchema {
  std::string name;
  std::vector<Field> fields;
  int index_of(std::string_view field) const;  // −1 when unknown
};

// Schemas the core knows, by name (tables name theirs in "facts").
const InputSchema* find_schema(std::string_view name);

enum class HitPolicy { Unique, Any, First, Collect, Max, Min };
std::string_view hit_policy_name(HitPolicy p);

// A cell: the value lies in one of `ranges` (half-open [lo, hi), sorted,
// disjoint) — every test form (=, ≠, <, ≤, >, ≥, between, in, not in) becomes
// such a set. `any` when the cell is empty.
struct Condition {
  bool any = true;
  std::vector<std::pair<Value, Value>> ranges;
  std::string text;  // as written, for traces: "≥ 200000000", "in [national, provincial]"
  bool matches(Value v) const;
};

struct Row {
  std::string id;
  std::vector<Condition> when;   // one per table input, in input order
  std::vector<Value> outputs;    // one per table output
  Bilingual explanation;
  Citation citation;
};

// Bitsets over rows, one per segment of each input's domain.
struct ColumnIndex {
  int field = 0;                  // index in the schema
  std::vector<Value> starts;      // segment k covers [starts[k], starts[k+1])
  std::vector<uint64_t> bits;     // segments × words
  Value direct_base = 0;          // small domains: segment = value − base
  bool direct = false;
};

struct Table {
  std::string name;
  Bilingual label;
  const InputSchema* schema = nullptr;
  HitPolicy policy = HitPolicy::First;
  std::vector<int> inputs;        // schema field indexes, in column order
  std::vector<Field> outputs;
  std::vector<std::string> output_strings;  // String outputs hold an index here
  std::vector<Row> rows;
  std::optional<Row> default_row; // used when nothing matches (MAX, MIN, FIRST …)

  // Compiled when the pack loads.
  int words = 0;
  std::vector<ColumnIndex> index;

  int output_index(std::string_view name) const;  // −1 when unknown
  std::string render_output(int output, Value v) const;
};

// Rows matching `facts` (one Value per schema field), ascending, as a bitset
// (`words` words). Never allocates when `out` has room.
void match_bits(const Table& t, std::span<const Value> facts, std::span<uint64_t> out);

// Single-row answers by hit policy: FIRST → first match; UNIQUE/ANY → the
// match; MAX/MIN → the row with the largest/smallest first output (earliest on
// ties). −1 when none matched (the default row then applies, if any).
int decide_row(const Table& t, std::span<const Value> facts);

struct Evaluation {
  std::vector<int> matched;      // row indexes, ascending (FIRST: only the row that decided)
  int chosen = -1;               // for single-result policies; −1 = default / none
  bool default_used = false;
  std::vector<Value> outputs;    // of the chosen row (or default); empty for COLLECT
};

Evaluation evaluate(const Table& t, std::span<const Value> facts);

// The trace a person reads: inputs as evaluated, every matched row with the
// cells that made it match, and the outcome.
Json render_trace(const Table& t, std::span<const Value> facts, const Evaluation& e);
Json render_outputs(const Table& t, const std::vector<Value>& outputs);

// Named pack parameters ("suspension.min_days": 15) that conditions refer to
// as "$suspension.min_days", so a figure lives in one place.
struct Parameter {
  std::string text;  // exact source text ("15", "0.9", "true", "2030-12-31", "two_star")
  Bilingual label;
  Citation citation;
};
using Parameters = std::map<std::string, Parameter>;

// Reads, validates and compiles the tables of a pack section. Problems go to
// `r` with JSON pointers under `path` (e.g. /decision_tables/star_tier/rows/3).
// `schemas` resolves a table's "facts" name (tests pass their own).
using SchemaLookup = const InputSchema* (*)(std::string_view);
std::map<std::string, Table> read_tables(FieldReader& r, const Json& node, const std::string& path,
                                         const Parameters& params, SchemaLookup schemas = find_schema);
Parameters read_parameters(FieldReader& r, const Json& node, const std::string& path);

}  // namespace decision
}  // namespace powerdesk
