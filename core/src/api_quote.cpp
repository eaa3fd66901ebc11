// Facade: quotes and plan comparison. The request's "kind" picks the quote;
// every answer carries the quote's figures and its notes (estimate notice,
// packs used, assumptions) — see quote_internal.hpp.
#include <array>
#include <utility>

#include "powerdesk/api.hpp"
#include "api_internal.hpp"
#include "quote_internal.hpp"

namespace powerdesk {
using namespace api_detail;
namespace {

using QuoteFn = Result<quote_detail::Quote> (*)(const Json&, const PackRegistry&);

constexpr std::array<std::pair<std::string_view, QuoteFn>, 8> kKinds = {{
    {"estimate", quote_detail::estimate},
    {"forecast", quote_detail::forecast},
    {"load_shift", quote_detail::load_shift},
    {"contract_demand", quote_detail::contract_demand},
    {"power_factor", quote_detail::power_factor},
    {"substitution", quote_detail::substitution},
    {"pv", quote_detail::pv},
    {"charging", quote_detail::charging},
}};

std::string kind_list() {
  std::string s;
  for (const auto& k : kKinds) s += (s.empty() ? "" : ", ") + std::string(k.first);
  return s;
}

Result<Json> request_object(const Json& j) {
  if (!j.is_object())
    return make_issue(Code::FieldType, "", "请求须为 JSON 对象", "The request must be a JSON object");
  return j;
}

Json finish(quote_detail::Quote q, std::string_view kind) {
  Json out = std::move(q.body);
  out["kind"] = std::string(kind);
  Json notes = q.notes.render();  // named: items() of a temporary would dangle
  for (auto& [k, v] : notes.items()) out[k] = std::move(v);
  return out;
}

// As api_detail::run, but the result moves into the envelope: a quote's
// JSON holds whole bills, and a copy of it costs more than computing them.
template <typename Compute>
Response respond(std::string_view text, Compute compute) {
  return guarded([&]() -> Response {
    auto json = parse_json_exact(text);
    if (!json.ok()) return error_response(json.issues());
    auto req = request_object(json.value());
    if (!req.ok()) return error_response(req.issues());
    auto out = compute(req.value());
    if (!out.ok()) return error_response(out.issues());
    return success(std::move(out.value()));
  });
}

Result<Json> dispatch(const Json& req, const PackRegistry& packs) {
  Issues issues;
  FieldReader r(issues);
  auto kind = r.string(req, "kind", "", true);
  if (!kind) return issues;
  for (const auto& [name, fn] : kKinds) {
    if (name != *kind) continue;
    auto q = fn(req, packs);
    if (!q.ok()) return q.issues();
    return finish(std::move(q.value()), name);
  }
  return make_issue(Code::EnumInvalid, "/kind", "未知试算类型 " + *kind + "（可选：" + kind_list() + "）",
                    "Unknown quote kind " + *kind + " (" + kind_list() + ")");
}

}  // namespace

Response Engine::quote(std::string_view text) const {
  return respond(text, [&](const Json& req) { return dispatch(req, packs_); });
}

Response Engine::compare(std::string_view text) const {
  return respond(text, [&](const Json& req) -> Result<Json> {
    auto q = quote_detail::compare(req, packs_);
    if (!q.ok()) return q.issues();
    return finish(std::move(q.value()), "compare");
  });
}

}  // namespace powerdesk
