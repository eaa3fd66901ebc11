// Internal: what every quote shares. A quote is one facade operation
// (Engine::quote) with a "kind"; each kind reads its own request members,
// computes from the packs in force and returns its figures plus the notes
// every quote must carry: that it is an estimate, which packs (version and
// effective dates) it used, and the assumptions behind it.
#pragma once

#include <array>
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
// members; problems carry the request's own pointers.
Result<BillRequest> customer_bill_request(const Json& request, Period period, const Usage& usage);

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

// A bill's figures for a quote: total, energy, subtotals by kind and the
// lines as the bill renders them.
Json bill_summary(const Bill& bill, const BillRequest& request);

}  // namespace powerdesk::quote_detail
