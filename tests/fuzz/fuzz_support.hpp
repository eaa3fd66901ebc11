// Shared by every PowerDesk fuzz target: engines built once from the repo's
// packs, and the invariants every facade response must satisfy. A violated
// invariant prints what was wrong and aborts, so libFuzzer records the input
// as a crash artifact like any sanitizer finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "powerdesk/api.hpp"
#include "powerdesk/issue.hpp"

namespace powerdesk::fuzz {

// The input bytes as text (any bytes: ill-formed UTF-8 and NULs included).
inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// An engine with the frozen test packs (tests/packs/), as the billing golden
// cases use (optionally without the national one), and one with the real packs
// (rules/), as the business-rule golden cases use. Both abort if a pack fails
// to load.
Engine frozen_packs_engine(bool with_national = true);
Engine real_rules_engine();

// Reports a violated invariant for `target` and aborts.
[[noreturn]] void fail(std::string_view target, std::string_view what,
                       std::string_view detail = {});

// The facade contract: `json` is canonical JSON (compact, keys sorted, what
// parse-then-dump gives back), an object with api_version "1" and a boolean
// `ok` equal to r.ok; with ok a `result` and no `errors`; without, a non-empty
// `errors` array of issues with at least one error. Each issue (in `errors`
// or a result's `warnings`) has a code ^PD_[A-Z_]+$, a path "" or starting
// with '/', a severity error, warning or info and both messages non-empty.
// Never internal_error, never PD_INTERNAL.
void check_response(std::string_view target, const Response& r);

// Runs `op` twice on the same engine: both answers must be identical (the
// core promises deterministic output) and satisfy check_response. Returns the
// answer for further checks.
template <typename Op>
Response check_operation(std::string_view target, Op op) {
  Response first = op();
  check_response(target, first);
  const Response second = op();
  if (second.ok != first.ok || second.json != first.json)
    fail(target, "the same request gave two different answers",
         first.json + "\n---\n" + second.json);
  return first;
}

// A bill that was computed (docs/billing.md §1): every amount a decimal
// string with 2 decimals; the total is the sum of the lines and of the
// subtotals, each subtotal the sum of its kind's lines; the period's days are
// its dates' and the parts' days add up to them.
void check_bill_result(std::string_view target, const Response& r);

// A late fee that was computed (docs/billing.md §9): 2-decimal amounts; each
// line's days are its dates'; `computed` is the sum of the lines; the total
// is `computed`, or, with minimum_applied, the larger minimum of a positive
// computed amount.
void check_late_fee_result(std::string_view target, const Response& r);

// Dedupe and match (docs/dedupe.md, PERSONAL DATA in dedupe.hpp): an answer
// names records by id and shows phones and customer numbers only masked, so
// no string of the answer holds 7 consecutive digits of a record's phone or
// customer number (its digits after normalising, separators dropped), unless
// some record's id holds them too.
void check_no_personal_digits(std::string_view target, std::string_view request, const Response& r);

// One Issue as the typed API returns it: code ^PD_[A-Z_]+$ and not
// PD_INTERNAL, path "" or a JSON pointer starting with '/', messages in both
// languages non-empty.
void check_issue(std::string_view target, const Issue& issue);

// Whether `code` (e.g. "PD_USAGE_MISSING") matches ^PD_[A-Z_]+$.
bool is_issue_code(std::string_view code);

}  // namespace powerdesk::fuzz
