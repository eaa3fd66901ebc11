// The validate operation: an application (报装) → every issue at once. Only
// malformed JSON or a non-object fails the call; everything else, however
// wrong, is a report (`valid: false` with its issues), so a form can show
// each problem next to its field.
#include "api_internal.hpp"
#include "powerdesk/application.hpp"

namespace powerdesk {
using namespace api_detail;

Response Engine::validate_application(std::string_view text) const {
  return guarded([&]() -> Response {
    auto json = parse_json_exact(text);
    if (!json.ok()) return error_response(json.issues());
    auto report = powerdesk::validate_application(json.value(), packs_);
    if (!report.ok()) return error_response(report.issues());
    return success(render_application_report(report.value()));
  });
}

}  // namespace powerdesk
