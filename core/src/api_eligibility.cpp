// The eligibility operation: request JSON → decision, reasons, supply decisions.
// A request with problems gets them all in one answer: the fields that are
// wrong and the facts the business still needs.
#include <algorithm>

#include "api_internal.hpp"
#include "powerdesk/eligibility.hpp"

namespace powerdesk {
using namespace api_detail;

Response Engine::eligibility(std::string_view text) const {
  return guarded([&]() -> Response {
    auto json = parse_json_exact(text);
    if (!json.ok()) return error_response(json.issues());
    Issues issues;
    const EligibilityRequest req = read_eligibility_request(json.value(), issues);
    if (has_errors(issues)) {
      if (!req.business.empty() && packs_.knows_region(req.region)) {
        for (Issue& m : missing_facts(req, packs_)) {
          // A field already reported (or a member of it) is not "missing" too.
          const bool reported = std::any_of(issues.begin(), issues.end(), [&](const Issue& i) {
            return i.path == m.path || i.path.rfind(m.path + "/", 0) == 0;
          });
          if (!reported) issues.push_back(std::move(m));
        }
      }
      return error_response(issues);
    }
    auto out = decide_eligibility(req, packs_);
    if (!out.ok()) return error_response(out.issues());
    return success(render_eligibility(out.value(), req));
  });
}

}  // namespace powerdesk
