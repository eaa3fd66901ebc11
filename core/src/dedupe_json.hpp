// Internal: the dedupe and match operations' requests and JSON rendering
// (the facade, api_dedupe.cpp, wires them to dedupe() and match()).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "powerdesk/dedupe.hpp"
#include "powerdesk/json_input.hpp"

namespace powerdesk {

// Requests are capped so one call cannot hold the facade for long or build a
// response of hundreds of megabytes; batch callers use the typed API.
inline constexpr size_t kMaxDedupeRecords = 10000;
inline constexpr size_t kMaxMatchCandidates = 10000;
inline constexpr int64_t kMaxMatchLimit = 100;
inline constexpr int64_t kDefaultMatchLimit = 10;

struct DedupeRequest {
  std::vector<dedupe::Record> records;
  int threshold = dedupe::kDefaultThreshold;
};

struct MatchRequest {
  dedupe::Record record;
  std::vector<dedupe::Record> candidates;
  int threshold = dedupe::kDefaultThreshold;
  int min_score = dedupe::kDefaultMinScore;
  size_t limit = kDefaultMatchLimit;
};

Result<DedupeRequest> parse_dedupe_request(const Json& root);
Result<MatchRequest> parse_match_request(const Json& root);
Json render_dedupe(const dedupe::DedupeResult& result, const DedupeRequest& req);
Json render_match(const dedupe::MatchResult& result, const MatchRequest& req);

}  // namespace powerdesk
