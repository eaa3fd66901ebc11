// A bill period that crosses a pack's effective date (or a residential tier
// year) is billed in parts; each part is priced by the pack in force, and the
// kWh are shared between parts by days.
#include <algorithm>

#include "bill_internal.hpp"
#include "powerdesk/allocation.hpp"

namespace powerdesk::billing {

Energy PartUsage::total() const {
  Energy t;
  for (const Energy& e : kwh) t += e;
  return t;
}

bool make_parts(const BillRequest& req, const PackRegistry& packs, Bill& bill, Issues& issues) {
  Date day = req.period.start;
  while (day <= req.period.end) {
    const RulePack* pack = packs.find(req.region, day);
    if (!pack) {
      issues.push_back(make_issue(Code::NoPackForDate, "/period",
                                  "没有覆盖 " + day.iso() + " 的 " + req.region + " 规则包",
                                  "No " + req.region + " rule pack covers " + day.iso()));
      return false;
    }
    const Date end = std::min(pack->effective.end, req.period.end);
    bill.parts.push_back(BillPart{pack, Period{day, end}});
    day = end.plus_days(1);
  }
  // Annual residential tiers restart on the tier-year start: split there too.
  std::vector<BillPart> split;
  for (const BillPart& part : bill.parts) {
    int start_month = 0;
    for (const BillBlock& b : bill.blocks) {
      if (auto* r = std::get_if<ResidentialTariff>(&b.tariff->rules);
          r && r->tiers.basis == TierBasis::Annual) {
        start_month = r->tiers.year_start_month;
      }
    }
    Date from = part.period.start;
    if (start_month) {
      for (int y = from.year(); y <= part.period.end.year(); ++y) {
        const Date cut = *Date::from_ymd(y, start_month, 1);
        if (cut > from && cut <= part.period.end) {
          split.push_back(BillPart{part.pack, Period{from, cut.plus_days(-1)}});
          from = cut;
        }
      }
    }
    split.push_back(BillPart{part.pack, Period{from, part.period.end}});
  }
  bill.parts = std::move(split);
  return true;
}

std::vector<std::vector<PartUsage>> usage_by_part(const Bill& bill, int64_t unit) {
  std::vector<int64_t> days;
  for (const BillPart& p : bill.parts) days.push_back(p.period.days());
  std::vector<std::vector<PartUsage>> out;
  for (const BillBlock& b : bill.blocks) {
    std::vector<PartUsage> parts(bill.parts.size());
    if (parts.size() == 1) {  // the usual bill: nothing to share out
      parts[0].kwh = b.usage.kwh;
      out.push_back(std::move(parts));
      continue;
    }
    std::vector<int64_t> cols;
    for (const Energy& e : b.usage.kwh) cols.push_back(e.units());
    auto rows = split_by_weights(b.usage.total().units(), days, unit);
    auto cells = split_proportionally(rows, cols, unit);
    for (size_t j = 0; j < parts.size(); ++j)
      for (size_t p = 0; p < cols.size(); ++p) parts[j].kwh[p] = Energy::from_units(cells[j][p]);
    out.push_back(std::move(parts));
  }
  return out;
}

}  // namespace powerdesk::billing
