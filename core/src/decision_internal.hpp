// Internal: pieces shared by the decision-table loader and compiler.
#pragma once

#include <string>

#include "powerdesk/decision_table.hpp"

namespace powerdesk::decision::detail {

using Ranges = std::vector<std::pair<Value, Value>>;  // half-open, sorted, disjoint

Ranges intersect(const Ranges& a, const Ranges& b);
Ranges complement(const Ranges& a, Value lo, Value hi);  // within [lo, hi)

// Builds the per-column bitset index and checks completeness and overlaps.
// Problems go to `r` at `path` (the table's pointer).
void compile(FieldReader& r, Table& t, const std::string& path);

}  // namespace powerdesk::decision::detail
