#include "powerdesk/api.hpp"

#include "powerdesk/bill_json.hpp"
#include "powerdesk/late_fee.hpp"
#include "api_internal.hpp"

namespace powerdesk {
using namespace api_detail;

Response error_response(const Issues& issues) {
  Json errors = Json::array();
  for (const Issue& i : issues) errors.push_back(render_issue(i));
  Json env{{"api_version", std::string(kApiVersion)}, {"ok", false}, {"errors", errors}};
  return Response{false, false, canonical(env)};
}

Issues Engine::add_pack(std::string_view json_text, const std::string& name) {
  Issues issues;
  const Response r = guarded([&]() -> Response {
    auto pack = load_pack(json_text, name);
    issues = pack.ok() ? packs_.add(pack.value()) : pack.issues();
    return Response{true, false, {}};
  });
  if (r.internal_error) {
    issues = {make_issue(Code::Internal, "", "加载规则包时发生内部错误", "Internal error while loading a rule pack")};
  }
  return issues;
}

Response Engine::bill(std::string_view text) const {
  return run(text, parse_bill_request,
             [&](const BillRequest& r) { return compute_bill(r, packs_); },
             [](const Bill& b, const BillRequest& r) { return render_bill(b, r); });
}

Response Engine::late_fee(std::string_view text) const {
  return run(text, parse_late_fee_request,
             [&](const LateFeeRequest& r) { return compute_late_fee(r, packs_); },
             [](const LateFee& f, const LateFeeRequest& r) { return render_late_fee(f, r); });
}

Response Engine::rules_list() const {
  Json packs = Json::array();
  for (const RulePack* p : packs_.all()) {
    Json tariffs = Json::array();
    for (const auto& [code, t] : p->tariffs)
      tariffs.push_back({{"code", code}, {"label", {{"zh", t.label.zh}, {"en", t.label.en}}}});
    packs.push_back({{"id", p->id},
                     {"region", p->region},
                     {"region_name", {{"zh", p->region_name.zh}, {"en", p->region_name.en}}},
                     {"version", p->version},
                     {"effective", {{"from", p->effective.start.iso()}, {"to", p->effective.end.iso()}}},
                     {"content_hash", p->content_hash},
                     {"file", p->file},
                     {"tariffs", tariffs}});
  }
  return success(Json{{"packs", packs}});
}

}  // namespace powerdesk
