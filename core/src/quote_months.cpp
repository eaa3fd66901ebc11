// The monthly bills behind estimate, forecast, load_shift, charging and
// compare: one bill per month from the same compute_bill the bill uses, with
// the usage spread by a load profile where only a total is known.
#include "powerdesk/allocation.hpp"
#include "quote_internal.hpp"

namespace powerdesk::quote_detail {
namespace {

Result<const LoadProfile*> profile_for(const MonthsSpec& spec, const PackRegistry& packs, const RulePack& pack,
                                       Date day, QuoteNotes& notes) {
  std::string code = spec.usage.profile;
  std::string path = "/usage/profile";
  if (code.empty()) {
    path = "/usage";
    code = spec.default_profile;
    if (code.empty()) {
      const PlanGroup* g = plan_group_of(pack, spec.tariff);
      code = g ? g->default_profile : "flat";
    }
  }
  auto p = find_profile(packs, pack, day, code, path);
  if (p.ok()) {
    const LoadProfile& lp = *p.value();
    notes.assume("用电在各时段、各月的分布按典型负荷曲线“" + lp.label.zh + "”（" + lp.code + "）推算。",
                 "kWh are spread over TOU periods and months by the typical load profile \"" + lp.label.en + "\" (" +
                     lp.code + ").");
  }
  return p;
}

bool needs_profile(const MonthsSpec& spec, const Tariff& tariff) {
  if (spec.usage.by_period) return false;
  return spec.year ? spec.usage.by_month.empty() || tariff.periods().size() > 1 : tariff.periods().size() > 1;
}

}  // namespace

Issues at_quote_paths(Issues issues, const std::string& period_path) {
  for (Issue& i : issues)
    if (i.path.rfind("/period", 0) == 0) i.path = period_path;
  return issues;
}

void read_when(FieldReader& r, const Json& request, MonthsSpec& spec) {
  const bool has_month = request.contains("month"), has_year = request.contains("year");
  if (has_month == has_year) {
    r.add(make_issue(has_month ? Code::UsageConflict : Code::FieldMissing, "/month",
                     "请给出 month（YYYY-MM）或 year 之一", "Give either month (YYYY-MM) or year"));
    return;
  }
  if (has_month) {
    spec.month = read_month(r, request, "month", "", true);
    spec.period_path = "/month";
  } else {
    if (auto y = r.integer(request, "year", "", true, 1900, 2199)) spec.year = static_cast<int>(*y);
    spec.period_path = "/year";
  }
}

Result<MonthsRun> bill_months(const Json& request, const MonthsSpec& spec, const PackRegistry& packs,
                              QuoteNotes& notes, AdjustRequest adjust, const void* context) {
  const Date first = spec.month ? *spec.month : *Date::from_ymd(*spec.year, 1, 1);
  auto pack = regional_pack(packs, spec.region, first, spec.period_path);
  if (!pack.ok()) return pack.issues();
  MonthsRun run;
  run.pack = pack.value();
  run.tariff = run.pack->tariff(spec.tariff);
  if (!run.tariff)
    return make_issue(Code::TariffUnknown, "/tariff", "规则包 " + run.pack->id + " 中没有电价 " + spec.tariff,
                      "Tariff " + spec.tariff + " is not in rule pack " + run.pack->id);
  notes.use(run.pack);
  notes.use(packs.national(first));

  const LoadProfile* profile = nullptr;
  if (needs_profile(spec, *run.tariff)) {
    auto p = profile_for(spec, packs, *run.pack, first, notes);
    if (!p.ok()) return p.issues();
    profile = p.value();
  }
  const int count = spec.year ? 12 : 1;
  const int64_t unit = run.pack->rounding.allocation_unit();
  std::vector<Energy> monthly;  // year: kWh per month
  if (spec.year) {
    if (!spec.usage.by_month.empty()) {
      monthly = spec.usage.by_month;
    } else {
      const std::vector<int64_t> w(profile->monthly.begin(), profile->monthly.end());
      for (int64_t u : split_by_weights(spec.usage.kwh->units(), w, unit)) monthly.push_back(Energy::from_units(u));
    }
  }
  Energy year_kwh;
  for (const Energy& e : monthly) year_kwh += e;

  Energy carry;
  const ResidentialTariff* res = std::get_if<ResidentialTariff>(&run.tariff->rules);
  const bool annual_tiers = res && res->tiers.basis == TierBasis::Annual;
  for (int i = 0; i < count; ++i) {
    const Date start = *Date::from_ymd(first.year(), first.month() + i, 1);
    const Period period{start, *Date::from_ymd(start.year(), start.month(), days_in_month(start.year(), start.month()))};
    MonthBill mb;
    if (spec.usage.by_period) {
      mb.usage = *spec.usage.by_period;
    } else {
      const Energy kwh = spec.year ? monthly[static_cast<size_t>(i)] : *spec.usage.kwh;
      mb.usage = profile ? split_by_profile(kwh, *profile, *run.tariff, *run.pack, start.month()) : Usage{};
      if (!profile) mb.usage.kwh[static_cast<size_t>(TouPeriod::Flat)] = kwh;
    }
    if (spec.usage.kvarh) {
      mb.usage.kvarh = (spec.year && !year_kwh.is_zero())
                           ? scale_by(*spec.usage.kvarh, monthly[static_cast<size_t>(i)].units(), year_kwh.units(), Rounding::HalfUp)
                           : *spec.usage.kvarh;
    }
    if (i == 0) {
      auto br = customer_bill_request(request, period, mb.usage, spec.tariff);
      if (!br.ok()) return at_quote_paths(br.issues(), spec.period_path);
      mb.request = std::move(br.value());
      carry = mb.request.residential.carry_in_kwh;
    } else {
      mb.request = run.months.front().request;
      mb.request.period = period;
      mb.request.usage = mb.usage;
      if (annual_tiers && start.month() == res->tiers.year_start_month) carry = Energy{};
      mb.request.residential.carry_in_kwh = carry;
    }
    if (adjust) adjust(mb.request, context);
    auto bill = compute_bill(mb.request, packs);
    if (!bill.ok()) return at_quote_paths(bill.issues(), spec.period_path);
    mb.bill = std::move(bill.value());
    carry += mb.usage.total();
    run.total += mb.bill.total;
    run.energy += mb.bill.energy_kwh;
    run.months.push_back(std::move(mb));
  }
  if (spec.year && annual_tiers) {
    notes.assume("全年阶梯累计从 residential.carry_in_kwh（默认 0）起逐月累加，在阶梯年度起始月清零。",
                 "Annual tier usage starts from residential.carry_in_kwh (default 0), adds each month and resets "
                 "in the tier year's first month.");
  }
  return run;
}

}  // namespace powerdesk::quote_detail
