// Internal: what every quote shares. A quote is one facade operation
// (Engine::quote) with a "kind"; each kind reads its own request members,
// computes from the packs in force and returns its figures plus the notes
// every quote must carry: that it is an estimate, which packs (version and
// effective dates) it used, and the assumptions behind it.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "powerdesk/bill.hpp"
#include "powerdesk/json_input.hpp"
#include "powerdesk/rulepack.hpp"

namespace powerdesk::quote_detail {

// The packs and assumptions a quote rests on, in the order first used.
class QuoteNotes {
 public:
  void use(const RulePack* pack);
  void assume(std::string zh, std::string en);
  void assume(const Bilingual& text);
  // {"estimate": true, "notice": {zh, en}, "packs": [...], "assumptions": [...]}
  Json render() const;

 private:
  std::vector<const RulePack*> packs_;
  std::vector<Bilingual> assumptions_;
};

struct Quote {
  Json body;  // the kind's figures (an object)
  QuoteNotes notes;
};

// One function per kind. Each receives the whole request object (with
// "kind"), rejects members it does not know, and reports every problem with
// its JSON pointer.
Result<Quote> estimate(const Json& request, const PackRegistry& packs);         // quote_estimate.cpp
Result<Quote> forecast(const Json& request, const PackRegistry& packs);         // quote_forecast.cpp
Result<Quote> load_shift(const Json& request, const PackRegistry& packs);       // quote_load_shift.cpp
Result<Quote> charging(const Json& request, const PackRegistry& packs);         // quote_charging.cpp
Result<Quote> contract_demand(const Json& request, const PackRegistry& packs);  // quote_contract_demand.cpp
Result<Quote> power_factor(const Json& request, const PackRegistry& packs);     // quote_power_factor.cpp
Result<Quote> substitution(const Json& request, const PackRegistry& packs);     // quote_substitution.cpp
Result<Quote> pv(const Json& request, const PackRegistry& packs);               // quote_pv.cpp
// Plan comparison (Engine::compare): quote_compare.cpp.
Result<Quote> compare(const Json& request, const PackRegistry& packs);

// ---- the customer part shared by bill-like quotes (quote_customer.cpp) ----

// Members a quote request may carry with the meaning they have in a bill
// request (docs/api.md): region, tariff, capacity_kva, residential, demand,
// power_factor.
inline constexpr std::array<std::string_view, 6> kCustomerMembers = {
    "region", "tariff", "capacity_kva", "residential", "demand", "power_factor"};

// A bill request for `period` and `usage` from the request's customer
// members, on `tariff` when given (else the request's own); problems carry
// the request's own pointers.
Result<BillRequest> customer_bill_request(const Json& request, Period period, const Usage& usage,
                                          const std::string& tariff = {});

// The regional pack in force on `day`, or PD_REGION_UNKNOWN / PD_NO_PACK_FOR_DATE at `path`.
Result<const RulePack*> regional_pack(const PackRegistry& packs, const std::string& region, Date day,
                                      const std::string& path);

// The average price (元/kWh, to 4 decimals) of `annual_kwh` used over
// `year` on `tariff`, spread over months and TOU periods by the load
// profile `profile` (the plan group's default when empty), from the same
// monthly bills an estimate computes. Adds the packs and assumptions used to
// `notes`; problems are reported at `path` (the request member naming the tariff).
Result<Fixed<4>> average_price(const PackRegistry& packs, const std::string& region, const std::string& tariff,
                               const std::string& profile, int year, Energy annual_kwh, QuoteNotes& notes,
                               const std::string& path);

// ---- usage and monthly bills shared by estimate, forecast, load_shift,
// charging and compare (quote_usage.cpp, quote_months.cpp) ----

// "YYYY-MM" → the month's first day, or an issue at `path`.
std::optional<Date> read_month(FieldReader& r, const Json& parent, std::string_view key, const std::string& path,
                               bool required);

// A load profile by name: the regional pack's first, then the national one.
Result<const LoadProfile*> find_profile(const PackRegistry& packs, const RulePack& regional, Date day,
                                        const std::string& code, const std::string& path);
// The plan group holding `tariff` in the pack, or nullptr.
const PlanGroup* plan_group_of(const RulePack& pack, const std::string& tariff);

// kWh of one month split over the tariff's TOU periods in proportion to the
// profile's hourly weights that fall in each period (every quarter hour of
// the month's schedule), to the pack's allocation unit. Non-TOU: all Flat.
Usage split_by_profile(Energy kwh, const LoadProfile& profile, const Tariff& tariff, const RulePack& pack,
                       int month);

// How a quote describes consumption ("usage"): a total with an optional
// profile, kWh by TOU period, or (a year) kWh by month; kvarh optional.
struct QuoteUsage {
  std::optional<Energy> kwh;
  std::optional<Usage> by_period;
  std::vector<Energy> by_month;  // 12 values, year quotes only
  std::string profile;           // empty: the plan group's default, else "flat"
  std::optional<Energy> kvarh;
};
std::optional<QuoteUsage> read_usage(FieldReader& r, const Json& request, bool year);

// What the monthly bills of a quote are computed for.
struct MonthsSpec {
  std::string region;
  std::string tariff;
  std::optional<Date> month;  // a one-month quote …
  std::optional<int> year;    // … or a calendar year
  QuoteUsage usage;
  std::string default_profile;  // used before the plan group's default
  std::string period_path;      // "/month" or "/year": where date problems point
};

struct MonthBill {
  Usage usage;
  BillRequest request;
  Bill bill;
};

struct MonthsRun {
  const RulePack* pack = nullptr;  // in force on the first day
  const Tariff* tariff = nullptr;
  std::vector<MonthBill> months;
  Money total;
  Energy energy;
};

// compute_bill's pointers name a bill request; a quote has "month", "year"
// or its own period member where the bill has "period".
Issues at_quote_paths(Issues issues, const std::string& period_path);
// Reads "month" or "year" (exactly one) into spec.
void read_when(FieldReader& r, const Json& request, MonthsSpec& spec);
// Bills every month of the spec. `adjust` may change each bill request
// (a plan's demand basis, a 合表 flag) before it is priced. Annual tier
// carry-in accumulates month by month from residential.carry_in_kwh.
using AdjustRequest = void (*)(BillRequest&, const void* context);
Result<MonthsRun> bill_months(const Json& request, const MonthsSpec& spec, const PackRegistry& packs,
                              QuoteNotes& notes, AdjustRequest adjust = nullptr, const void* context = nullptr);
// {"code", "label"}: how quotes name a tariff.
Json tariff_ref(const Tariff& tariff);
// {"by_period": {"peak": "…"}, "total": "…"} of a usage.
Json usage_json(const Usage& usage);
// A run's figures as estimate and charging show them: tariff, total,
// energy, average price, and the bill (one month) or the months (a year).
Json months_json(const MonthsRun& run);

// A bill as a quote shows it: as the bill renders it, with "estimate": true
// and without each rule's verification note.
Json bill_summary(const Bill& bill, const BillRequest& request);
// {"usage", "total", "bill"} of one month's bill. Built by assignment: a
// nested initializer list would copy the whole bill at every level.
Json month_part(const MonthBill& month);

}  // namespace powerdesk::quote_detail
