// The facade: every operation JSON in, JSON out, over the typed API. The
// WASM bindings, C ABI, CLI and HTTP server are thin shells around this; none
// holds business logic. Nothing throws out of it.
//
// Response envelope: {"api_version": "1", "ok": true, "result": {...}} or
// {"api_version": "1", "ok": false, "errors": [issue, ...]}, where an issue is
// {"code", "path", "severity", "message": {"zh", "en"}, "file"?}.
#pragma once

#include <string>
#include <string_view>

#include "powerdesk/issue.hpp"
#include "powerdesk/rulepack.hpp"

namespace powerdesk {

inline constexpr std::string_view kApiVersion = "1";

struct Response {
  bool ok = false;
  bool internal_error = false;  // a defect, not bad input
  std::string json;             // canonical: compact, keys sorted
};

class Engine {
 public:
  // Adds a pack from its JSON text; `name` is the file name used in messages.
  // On any issue nothing is added.
  Issues add_pack(std::string_view json_text, const std::string& name);
  const PackRegistry& packs() const { return packs_; }

  Response bill(std::string_view request_json) const;
  Response late_fee(std::string_view request_json) const;
  Response rules_list() const;
  // Business rules (decision tables): star tier with the services owed,
  // eligibility of a business request, a process's steps and due dates.
  Response star_tier(std::string_view request_json) const;
  Response eligibility(std::string_view request_json) const;
  Response process(std::string_view request_json) const;
  // Applications (报装): every issue of an application at once (identity,
  // text, address, documents, eligibility and supply decisions) — docs/applications.md.
  Response validate_application(std::string_view request_json) const;
  // Duplicate detection over customer number, name, address, contact name
  // and phone: clusters of likely duplicates in a set of records, or the
  // candidates that match one record, with per-field scores — docs/dedupe.md.
  Response dedupe(std::string_view request_json) const;
  Response match(std::string_view request_json) const;
  // Instant quotes from the same rules as the bill (docs/quotes.md): one
  // operation whose "kind" is estimate, forecast, load_shift, contract_demand,
  // power_factor, substitution, pv or charging; and the comparison of the
  // plans a customer may choose between, with a recommendation.
  Response quote(std::string_view request_json) const;
  Response compare(std::string_view request_json) const;

 private:
  PackRegistry packs_;
};

// Issues as a facade error response (used for pack problems by the shells).
Response error_response(const Issues& issues);

}  // namespace powerdesk
