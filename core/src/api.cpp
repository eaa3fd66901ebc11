#include "powerdesk/api.hpp"

#include "powerdesk/bill_json.hpp"
#include "powerdesk/late_fee.hpp"
#include "api_internal.hpp"

#include <variant>

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

namespace {

// "08:30"; minute 1440 is "24:00", the end of the day.
std::string clock_time(int minute_of_day) {
  const int hours = minute_of_day / 60, minutes = minute_of_day % 60;
  return std::string{char('0' + hours / 10), char('0' + hours % 10), ':', char('0' + minutes / 10), char('0' + minutes % 10)};
}

// The hours of each TOU period, by season: what a portal needs for its 24-hour band.
Json render_tou_schedule(const TouSchedule& schedule) {
  Json seasons = Json::array();
  for (const TouSeason& season : schedule.seasons) {
    Json windows = Json::array();
    for (const TouWindow& w : season.windows)
      windows.push_back({{"period", std::string(tou_period_code(w.period))},
                         {"from", clock_time(w.from_minute)},
                         {"to", clock_time(w.to_minute)}});
    seasons.push_back({{"months", season.months}, {"windows", windows}});
  }
  return Json{{"schedule", schedule.code},
              {"label", {{"zh", schedule.label.zh}, {"en", schedule.label.en}}},
              {"seasons", seasons}};
}

Json render_tariff_info(const RulePack& pack, const std::string& code, const Tariff& t) {
  Json periods = Json::array();
  for (TouPeriod period : t.periods()) periods.push_back(std::string(tou_period_code(period)));
  Json info{{"code", code}, {"label", {{"zh", t.label.zh}, {"en", t.label.en}}}, {"periods", periods}};
  const std::string& schedule = std::visit([](const auto& rules) -> const std::string& { return rules.tou_schedule; }, t.rules);
  if (auto found = pack.tou_schedules.find(schedule); !schedule.empty() && found != pack.tou_schedules.end())
    info["tou"] = render_tou_schedule(found->second);
  return info;
}

}  // namespace

Response Engine::rules_list() const {
  Json packs = Json::array();
  for (const RulePack* p : packs_.all()) {
    Json tariffs = Json::array();
    for (const auto& [code, t] : p->tariffs) tariffs.push_back(render_tariff_info(*p, code, t));
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
