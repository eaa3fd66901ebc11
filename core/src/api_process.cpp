// Facade: the business catalogue and one application's steps and due dates.
// The packs are those in force on the accepted date: the region's pack must
// exist, the national pack supplies the calendar and the catalogue, and a
// regional entry replaces the national entry of the same business.
#include <algorithm>

#include "powerdesk/api.hpp"
#include "api_internal.hpp"
#include "process_json.hpp"

namespace powerdesk {
using namespace api_detail;
namespace {

std::string business_ids(const ProcessAnswer& a) {
  std::string out;
  for (const auto& [b, pack] : a.catalogue) out += (out.empty() ? "" : ", ") + b->id;
  return out;
}

// Holidays are known only for the national pack's dates; later due dates
// count Monday–Friday and may be early by the holidays not yet published.
void calendar_warning(ProcessAnswer& a) {
  std::optional<Date> latest;
  auto see = [&](const std::optional<Date>& d) {
    if (d && (!latest || *d > *latest)) latest = d;
  };
  for (const StepProgress& s : a.progress.steps) see(s.due);
  if (a.progress.overall) see(a.progress.overall->due);
  const Date end = a.national->effective.end;
  if (!latest || *latest <= end) return;
  a.warnings.push_back(make_issue(Code::NoPackForDate, "",
                                  "节假日数据只到 " + end.iso() + "（" + a.national->id + "）；此后的到期日只除去周末，可能偏早",
                                  "Holidays are known only up to " + end.iso() + " (" + a.national->id +
                                      "); later due dates skip weekends only and may be early",
                                  Severity::Warning));
}

}  // namespace

Result<ProcessAnswer> compute_process(const ProcessRequest& req, const PackRegistry& packs) {
  if (!packs.knows_region(req.region))
    return make_issue(Code::RegionUnknown, "/region", "未知地区 " + req.region, "Unknown region " + req.region);
  const std::string date_path = req.business.empty() ? "/date" : "/accepted";
  ProcessAnswer a;
  a.regional = packs.find(req.region, req.date);
  a.national = packs.national(req.date);
  if (!a.regional || !a.national) {
    const std::string which = a.regional ? "national" : req.region;
    return make_issue(Code::NoPackForDate, date_path, "没有覆盖 " + req.date.iso() + " 的 " + which + " 规则包",
                      "No " + which + " rule pack covers " + req.date.iso());
  }
  for (const auto& [id, b] : a.national->businesses) {
    auto own = a.regional->businesses.find(id);
    if (own != a.regional->businesses.end()) a.catalogue.emplace_back(&own->second, a.regional);
    else a.catalogue.emplace_back(&b, a.national);
  }
  for (const auto& [id, b] : a.regional->businesses) {
    if (!a.national->businesses.count(id)) a.catalogue.emplace_back(&b, a.regional);
  }
  std::sort(a.catalogue.begin(), a.catalogue.end(),
            [](const auto& x, const auto& y) { return x.first->id < y.first->id; });
  if (req.business.empty()) return a;
  for (const auto& [b, pack] : a.catalogue) {
    if (b->id == req.business) {
      a.business = b;
      a.business_pack = pack;
    }
  }
  if (!a.business)
    return make_issue(Code::BusinessUnknown, "/business", "未知业务类型 " + req.business + "；可选：" + business_ids(a),
                      "Unknown business " + req.business + "; one of: " + business_ids(a));
  auto progress = process_progress(*a.business, req.input, a.national->calendar);
  if (!progress.ok()) return progress.issues();
  a.progress = std::move(progress.value());
  calendar_warning(a);
  return a;
}

Response Engine::process(std::string_view text) const {
  return run(text, parse_process_request,
             [&](const ProcessRequest& r) { return compute_process(r, packs_); },
             [](const ProcessAnswer& a, const ProcessRequest& r) { return render_process(a, r); });
}

}  // namespace powerdesk
