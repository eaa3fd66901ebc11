// Eligibility of business requests (业务受理条件): eligible, manual review or
// not eligible, with reason codes and the clause each comes from — and the
// supply decisions that go with a request (supply voltage and phases, whether
// a two-part tariff is required, the power-factor standard, TOU, the EV
// basic-charge exemption, the PV connection voltage).
//
// The rules are decision tables in the pack: `eligibility.<business>` (MAX
// over decision, default eligible) and the supply tables listed below. The
// core only turns a request into facts; it never reads a clock: "today" is
// part of the request.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "powerdesk/decision_table.hpp"
#include "powerdesk/rulepack.hpp"

namespace powerdesk {

// The facts eligibility and supply tables may test, in schema order.
enum class BusinessFact : int {
  Business,
  CustomerClass,
  AccountStatus,
  CapacityKva,
  SupplyVoltageKv,
  TariffStructure,
  HasArrears,
  Industrial,
  IrrigationStation,
  OnLoadTapChanger,
  StatusElapsedDays,
  RequestedCapacityKva,
  CapacityAfterKva,
  CapacityChangeKva,
  RequestedVoltageKv,
  VoltageChanges,
  RequestedPhases,
  DurationDays,
  NoticeDays,
  SuspensionsThisYear,
  SuspensionDaysThisYear,
  WholeTransformers,
  SameAddress,
  SameSupplyPoint,
  Separable,
  SameInstallation,
  NewClass,
  ClassChanges,
  PvCapacityKw,
  PvOwner,
  PvMode,
  EvFacility,
  Today,
  RecommendedVoltageKv,
  VoltageVsRecommended,  // below / equal / above the recommended supply voltage
  Count
};

const decision::InputSchema& business_facts_schema();

// The request field a fact mainly comes from ("/request/phases"), where a
// form shows a rule's verdict on it.
std::string_view business_fact_path(BusinessFact f);

// The supply decisions evaluated with every eligibility request, in order.
inline constexpr const char* kSupplyTables[] = {"supply_voltage",        "tariff_structure",
                                                "power_factor_standard", "tou_applicability",
                                                "ev_basic_charge_exemption", "pv_connection_voltage"};

enum class Decision { Eligible, ManualReview, NotEligible };

// A request as given: every member optional, so that only what a business's
// table actually tests is required (and a missing one is named by its path).
struct EligibilityRequest {
  std::string region;
  Date today;
  std::string business;
  struct Customer {
    std::optional<decision::Value> customer_class, status, tariff;
    std::optional<Date> status_since;
    std::optional<Fixed<3>> capacity_kva, supply_voltage_kv;
    std::optional<bool> has_arrears, industrial, irrigation_station, on_load_tap_changer;
    std::optional<std::vector<Period>> suspensions;  // earlier 暂停 periods
  } customer;
  struct Request {
    std::optional<Fixed<3>> capacity_kva, accounts_capacity_kva, voltage_kv, pv_capacity_kw;
    std::optional<int> phases;
    std::optional<Period> period;
    std::optional<bool> whole_transformers, same_address, same_supply_point, separable, same_installation;
    std::optional<decision::Value> new_class, pv_owner, pv_mode, ev_facility;
  } request;
};

Result<EligibilityRequest> parse_eligibility_request(const Json& j);
// The same, keeping what could be read: fields with problems stay unset and
// their issues go to `issues` (so the facts still missing can be named too).
EligibilityRequest read_eligibility_request(const Json& j, Issues& issues);

// Facts computed so far; a fact that could not be computed names the request
// fields it needs.
struct BusinessFacts {
  std::vector<decision::Value> values;   // per BusinessFact
  std::vector<bool> known;
  std::vector<std::vector<std::string>> missing;  // JSON pointers, per fact
};

struct SupplyDecision {
  const decision::Table* table = nullptr;
  decision::Evaluation evaluation;  // empty when undecided
  std::vector<std::string> missing;  // request fields it still needs
};

struct Eligibility {
  Decision decision = Decision::Eligible;
  const RulePack* pack = nullptr;      // that held the eligibility table
  const decision::Table* table = nullptr;
  decision::Evaluation evaluation;
  BusinessFacts facts;
  std::vector<SupplyDecision> supply;
};

Result<Eligibility> decide_eligibility(const EligibilityRequest& req, const PackRegistry& packs);
// PD_FIELD_MISSING for each request field the business's table needs and the
// request lacks; none when the table itself cannot be found.
Issues missing_facts(const EligibilityRequest& req, const PackRegistry& packs);
Json render_eligibility(const Eligibility& e, const EligibilityRequest& req);
// Every matching row of the business's table: code, decision, message, clause.
Json render_eligibility_reasons(const Eligibility& e);

// Load-time checks on business tables: eligibility.* tables are MAX over a
// decision enum [eligible, manual_review, not_eligible] with a string reason;
// supply_voltage yields voltage_kv; supply_decisions yields table names.
// Problems are refused with a pointer.
void check_table_contracts(FieldReader& r, const std::map<std::string, decision::Table>& tables,
                           const std::string& path);

// Internal but shared with tests: the facts of a request, with the
// recommended voltage from the pack's supply_voltage table.
BusinessFacts business_facts(const EligibilityRequest& req, const decision::Table* supply_voltage);

}  // namespace powerdesk
