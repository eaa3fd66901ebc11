// The eligibility operation: request JSON → decision, reasons, supply decisions.
#include "api_internal.hpp"
#include "powerdesk/eligibility.hpp"

namespace powerdesk {
using namespace api_detail;

Response Engine::eligibility(std::string_view text) const {
  return run(text, parse_eligibility_request,
             [&](const EligibilityRequest& r) { return decide_eligibility(r, packs_); },
             [](const Eligibility& e, const EligibilityRequest& r) { return render_eligibility(e, r); });
}

}  // namespace powerdesk
