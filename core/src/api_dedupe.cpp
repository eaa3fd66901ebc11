// Facade: duplicate detection (dedupe) and ranking candidates (match) over
// customer number, name, address, contact name and phone — docs/dedupe.md.
#include "api_internal.hpp"
#include "dedupe_json.hpp"

namespace powerdesk {
using namespace api_detail;

Response Engine::dedupe(std::string_view text) const {
  return run(
      text, parse_dedupe_request,
      [](const DedupeRequest& req) -> Result<powerdesk::dedupe::DedupeResult> {
        powerdesk::dedupe::Options options;
        options.threshold = req.threshold;
        return powerdesk::dedupe::dedupe(req.records, options);
      },
      render_dedupe);
}

Response Engine::match(std::string_view text) const {
  return run(
      text, parse_match_request,
      [](const MatchRequest& req) -> Result<powerdesk::dedupe::MatchResult> {
        powerdesk::dedupe::Options options;
        options.threshold = req.threshold;
        return powerdesk::dedupe::match(req.record, req.candidates, req.limit, req.min_score, options);
      },
      render_match);
}

}  // namespace powerdesk
