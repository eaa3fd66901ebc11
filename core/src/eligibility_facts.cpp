// The business_facts schema and how a request becomes facts. Derived facts
// (days, counts this year, capacity after the change) are computed here so
// that tables compare plain values; each fact that cannot be computed names
// the request fields it needs.
#include <algorithm>

#include "powerdesk/eligibility.hpp"

namespace powerdesk {
namespace {

using decision::Field;
using decision::Value;

constexpr Value kMaxKva = int64_t{10000000} * 1000;  // 10 GVA in 0.001 kVA
constexpr Value kMaxDays = 36600;

std::vector<std::string> class_values() { return {"residential", "commercial_industrial", "agricultural"}; }

// How a business changes the contracted capacity.
enum class CapacityEffect { Set, Reduce, Keep };

CapacityEffect capacity_effect(const std::string& business) {
  for (const char* b : {"reduction_permanent", "reduction_temporary", "suspension"})
    if (business == b) return CapacityEffect::Reduce;
  for (const char* b : {"new_lv_residential", "new_lv_non_residential", "new_hv", "capacity_increase",
                        "voltage_change", "merge", "relocation", "split", "temporary_swap",
                        "temporary_supply_metered", "temporary_supply_unmetered", "ev_charging_connection",
                        "substitution_project"})
    if (business == b) return CapacityEffect::Set;
  return CapacityEffect::Keep;
}

bool is_new_connection(const std::string& business) { return business.rfind("new_", 0) == 0; }

class FactBuilder {
 public:
  FactBuilder(const EligibilityRequest& req) : req_(req) {
    const size_t n = static_cast<size_t>(BusinessFact::Count);
    f_.values.assign(n, 0);
    f_.known.assign(n, false);
    f_.missing.assign(n, {});
  }

  void set(BusinessFact k, Value v) {
    f_.values[static_cast<size_t>(k)] = v;
    f_.known[static_cast<size_t>(k)] = true;
  }
  void need(BusinessFact k, std::vector<std::string> paths) { f_.missing[static_cast<size_t>(k)] = std::move(paths); }

  // Sets k from an optional, or records the path it needs.
  template <typename T, typename F>
  void from(BusinessFact k, const std::optional<T>& v, const char* path, F convert) {
    if (v) set(k, convert(*v));
    else need(k, {path});
  }

  BusinessFacts build(const decision::Table* supply_voltage) {
    const auto& c = req_.customer;
    const auto& r = req_.request;
    auto id = [](Value v) { return v; };
    auto units = [](Fixed<3> x) { return x.units(); };
    auto flag = [](bool b) { return Value{b ? 1 : 0}; };
    if (auto b = business_facts_schema().fields[0].enum_index(req_.business)) set(BusinessFact::Business, *b);
    set(BusinessFact::Today, req_.today.days());
    from(BusinessFact::CustomerClass, c.customer_class, "/customer/class", id);
    if (c.status) set(BusinessFact::AccountStatus, *c.status);
    else if (is_new_connection(req_.business)) set(BusinessFact::AccountStatus, 0);  // none yet
    else need(BusinessFact::AccountStatus, {"/customer/status"});
    capacity_now();
    // A new customer is supplied at the voltage it asks for.
    if (!c.supply_voltage_kv && is_new_connection(req_.business) && r.voltage_kv)
      set(BusinessFact::SupplyVoltageKv, r.voltage_kv->units());
    else
      from(BusinessFact::SupplyVoltageKv, c.supply_voltage_kv, "/customer/supply_voltage_kv", units);
    from(BusinessFact::TariffStructure, c.tariff, "/customer/tariff", id);
    from(BusinessFact::HasArrears, c.has_arrears, "/customer/has_arrears", flag);
    from(BusinessFact::Industrial, c.industrial, "/customer/industrial", flag);
    from(BusinessFact::IrrigationStation, c.irrigation_station, "/customer/irrigation_station", flag);
    from(BusinessFact::OnLoadTapChanger, c.on_load_tap_changer, "/customer/on_load_tap_changer", flag);
    from(BusinessFact::StatusElapsedDays, c.status_since, "/customer/status_since",
         [&](Date d) { return Value{req_.today.days() - d.days()}; });
    from(BusinessFact::RequestedCapacityKva, r.capacity_kva, "/request/capacity_kva", units);
    capacity_after();
    from(BusinessFact::RequestedVoltageKv, r.voltage_kv, "/request/voltage_kv", units);
    both(BusinessFact::VoltageChanges, BusinessFact::RequestedVoltageKv, BusinessFact::SupplyVoltageKv);
    from(BusinessFact::RequestedPhases, r.phases, "/request/phases", [](int p) { return Value{p}; });
    from(BusinessFact::DurationDays, r.period, "/request/period", [](const Period& p) { return Value{p.days()}; });
    from(BusinessFact::NoticeDays, r.period, "/request/period",
         [&](const Period& p) { return Value{p.start.days() - req_.today.days()}; });
    suspensions();
    from(BusinessFact::WholeTransformers, r.whole_transformers, "/request/whole_transformers", flag);
    from(BusinessFact::SameAddress, r.same_address, "/request/same_address", flag);
    from(BusinessFact::SameSupplyPoint, r.same_supply_point, "/request/same_supply_point", flag);
    from(BusinessFact::Separable, r.separable, "/request/separable", flag);
    from(BusinessFact::SameInstallation, r.same_installation, "/request/same_installation", flag);
    from(BusinessFact::NewClass, r.new_class, "/request/new_class", id);
    both(BusinessFact::ClassChanges, BusinessFact::NewClass, BusinessFact::CustomerClass);
    from(BusinessFact::PvCapacityKw, r.pv_capacity_kw, "/request/pv/capacity_kw", units);
    from(BusinessFact::PvOwner, r.pv_owner, "/request/pv/owner", id);
    from(BusinessFact::PvMode, r.pv_mode, "/request/pv/mode", id);
    from(BusinessFact::EvFacility, r.ev_facility, "/request/ev_facility", id);
    recommended_voltage(supply_voltage);
    if (known(BusinessFact::RequestedVoltageKv) && known(BusinessFact::RecommendedVoltageKv)) {
      const Value a = value(BusinessFact::RequestedVoltageKv), b = value(BusinessFact::RecommendedVoltageKv);
      set(BusinessFact::VoltageVsRecommended, a < b ? 0 : (a == b ? 1 : 2));
    } else {
      need(BusinessFact::VoltageVsRecommended, missing_of({BusinessFact::RequestedVoltageKv, BusinessFact::RecommendedVoltageKv}));
    }
    return std::move(f_);
  }

 private:
  bool known(BusinessFact k) const { return f_.known[static_cast<size_t>(k)]; }
  Value value(BusinessFact k) const { return f_.values[static_cast<size_t>(k)]; }
  std::vector<std::string> missing_of(std::initializer_list<BusinessFact> ks) const {
    std::vector<std::string> out;
    for (BusinessFact k : ks)
      for (const auto& p : f_.missing[static_cast<size_t>(k)])
        if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
    return out;
  }

  // A boolean fact: do two known facts differ?
  void both(BusinessFact k, BusinessFact a, BusinessFact b) {
    if (known(a) && known(b)) set(k, value(a) != value(b) ? 1 : 0);
    else need(k, missing_of({a, b}));
  }

  void capacity_now() {
    if (req_.customer.capacity_kva) set(BusinessFact::CapacityKva, req_.customer.capacity_kva->units());
    else if (is_new_connection(req_.business)) set(BusinessFact::CapacityKva, 0);
    else need(BusinessFact::CapacityKva, {"/customer/capacity_kva"});
  }

  void capacity_after() {
    const auto& r = req_.request;
    const CapacityEffect effect = capacity_effect(req_.business);
    const bool have_now = known(BusinessFact::CapacityKva);
    const Value now = value(BusinessFact::CapacityKva);
    if (effect == CapacityEffect::Keep) {
      if (have_now) set(BusinessFact::CapacityAfterKva, now);
      else need(BusinessFact::CapacityAfterKva, missing_of({BusinessFact::CapacityKva}));
    } else if (effect == CapacityEffect::Set && r.capacity_kva) {
      set(BusinessFact::CapacityAfterKva, r.capacity_kva->units());  // the request states the new total
    } else if (!r.capacity_kva || !have_now) {
      need(BusinessFact::CapacityAfterKva, missing_of({BusinessFact::RequestedCapacityKva, BusinessFact::CapacityKva}));
    } else {
      set(BusinessFact::CapacityAfterKva, std::max<Value>(0, now - r.capacity_kva->units()));
    }
    // The change against the capacity it replaces (for 并户, the accounts merged).
    if (r.capacity_kva && r.accounts_capacity_kva && req_.business == "merge") {
      set(BusinessFact::CapacityChangeKva, r.capacity_kva->units() - r.accounts_capacity_kva->units());
    } else if (req_.business == "merge") {
      need(BusinessFact::CapacityChangeKva, r.capacity_kva ? std::vector<std::string>{"/request/accounts_capacity_kva"}
                                                           : std::vector<std::string>{"/request/capacity_kva", "/request/accounts_capacity_kva"});
    } else if (r.capacity_kva && have_now) {
      set(BusinessFact::CapacityChangeKva, r.capacity_kva->units() - now);
    } else {
      need(BusinessFact::CapacityChangeKva, missing_of({BusinessFact::RequestedCapacityKva, BusinessFact::CapacityKva}));
    }
  }

  // Earlier suspensions in the calendar year the requested one starts, and
  // the year's total days with the requested one.
  void suspensions() {
    const auto& history = req_.customer.suspensions;
    const auto& period = req_.request.period;
    std::vector<std::string> paths;
    if (!history) paths.push_back("/customer/suspensions");
    if (!period) paths.push_back("/request/period");
    if (!paths.empty()) {
      need(BusinessFact::SuspensionsThisYear, paths);
      need(BusinessFact::SuspensionDaysThisYear, paths);
      return;
    }
    const int y = period->start.year();
    const Period year{*Date::from_ymd(y, 1, 1), *Date::from_ymd(y, 12, 31)};
    Value count = 0, days = 0;
    for (const Period& s : *history) {
      if (auto in = intersect(s, year)) {
        ++count;
        days += in->days();
      }
    }
    if (auto in = intersect(*period, year)) days += in->days();
    set(BusinessFact::SuspensionsThisYear, count);
    set(BusinessFact::SuspensionDaysThisYear, days);
  }

  void recommended_voltage(const decision::Table* table) {
    const auto k = BusinessFact::RecommendedVoltageKv;
    if (!table) {
      need(k, {"/region"});
      return;
    }
    std::vector<std::string> missing;
    for (int field : table->inputs) {
      for (const auto& p : f_.missing[static_cast<size_t>(field)])
        if (std::find(missing.begin(), missing.end(), p) == missing.end()) missing.push_back(p);
    }
    const int out = table->output_index("voltage_kv");
    if (!missing.empty() || out < 0) {
      need(k, missing);
      return;
    }
    const decision::Evaluation e = decision::evaluate(*table, f_.values);
    if (e.outputs.empty()) need(k, {"/request/capacity_kva"});
    else set(k, e.outputs[static_cast<size_t>(out)]);
  }

  const EligibilityRequest& req_;
  BusinessFacts f_;
};

}  // namespace

const decision::InputSchema& business_facts_schema() {
  static const decision::InputSchema schema = [] {
    decision::InputSchema s{"business_facts", {}};
    const Date first = *Date::from_ymd(2000, 1, 1), last = *Date::from_ymd(2100, 12, 31);
    s.fields = {
        Field::enumeration("business", {"new_lv_residential", "new_lv_non_residential", "new_hv", "capacity_increase",
                                        "reduction_permanent", "reduction_temporary", "reduction_restore", "suspension",
                                        "suspension_restore", "temporary_swap", "temporary_swap_restore", "relocation",
                                        "meter_relocation", "temporary_removal", "reinstallation", "rename", "transfer",
                                        "split", "merge", "closure", "voltage_change", "class_change",
                                        "temporary_supply_metered", "temporary_supply_unmetered",
                                        "temporary_supply_extension", "temporary_supply_termination", "pv_connection",
                                        "ev_charging_connection", "substitution_project"}),
        Field::enumeration("customer_class", class_values()),
        Field::enumeration("account_status", {"none", "active", "suspended", "reduced", "swapped", "removed", "temporary", "closed"}),
        Field::decimal("capacity_kva", 3, 0, kMaxKva),
        Field::decimal("supply_voltage_kv", 3, 0, 1000000),
        Field::enumeration("tariff_structure", {"none", "residential", "single_part", "two_part"}),
        Field::boolean("has_arrears"),
        Field::boolean("industrial"),
        Field::boolean("irrigation_station"),
        Field::boolean("on_load_tap_changer"),
        Field::integer("status_elapsed_days", 0, kMaxDays),
        Field::decimal("requested_capacity_kva", 3, 0, kMaxKva),
        Field::decimal("capacity_after_kva", 3, 0, kMaxKva),
        Field::decimal("capacity_change_kva", 3, -kMaxKva, kMaxKva),
        Field::decimal("requested_voltage_kv", 3, 0, 1000000),
        Field::boolean("voltage_changes"),
        Field::integer("requested_phases", 1, 3),
        Field::integer("duration_days", 1, kMaxDays),
        Field::integer("notice_days", -kMaxDays, kMaxDays),
        Field::integer("suspensions_this_year", 0, 366),
        Field::integer("suspension_days_this_year", 0, 800),
        Field::boolean("whole_transformers"),
        Field::boolean("same_address"),
        Field::boolean("same_supply_point"),
        Field::boolean("separable"),
        Field::boolean("same_installation"),
        Field::enumeration("new_class", class_values()),
        Field::boolean("class_changes"),
        Field::decimal("pv_capacity_kw", 3, 0, int64_t{1000000} * 1000),
        Field::enumeration("pv_owner", {"natural_person", "non_natural_person", "general_ci", "large_ci"}),
        Field::enumeration("pv_mode", {"full_export", "surplus_export", "full_self_use"}),
        Field::enumeration("ev_facility", {"centralized_station", "host_site", "residential_compound"}),
        Field::date("today", first, last),
        Field::decimal("recommended_voltage_kv", 3, 0, 1000000),
        Field::enumeration("voltage_vs_recommended", {"below", "equal", "above"}),
    };
    return s;
  }();
  return schema;
}

BusinessFacts business_facts(const EligibilityRequest& req, const decision::Table* supply_voltage) {
  return FactBuilder(req).build(supply_voltage);
}

std::string_view business_fact_path(BusinessFact f) {
  switch (f) {
    case BusinessFact::Business: return "/business";
    case BusinessFact::CustomerClass: return "/customer/class";
    case BusinessFact::AccountStatus: return "/customer/status";
    case BusinessFact::CapacityKva: return "/customer/capacity_kva";
    case BusinessFact::SupplyVoltageKv: return "/customer/supply_voltage_kv";
    case BusinessFact::TariffStructure: return "/customer/tariff";
    case BusinessFact::HasArrears: return "/customer/has_arrears";
    case BusinessFact::Industrial: return "/customer/industrial";
    case BusinessFact::IrrigationStation: return "/customer/irrigation_station";
    case BusinessFact::OnLoadTapChanger: return "/customer/on_load_tap_changer";
    case BusinessFact::StatusElapsedDays: return "/customer/status_since";
    case BusinessFact::RequestedCapacityKva:
    case BusinessFact::CapacityAfterKva:
    case BusinessFact::CapacityChangeKva:
    case BusinessFact::RecommendedVoltageKv: return "/request/capacity_kva";
    case BusinessFact::RequestedVoltageKv:
    case BusinessFact::VoltageChanges:
    case BusinessFact::VoltageVsRecommended: return "/request/voltage_kv";
    case BusinessFact::RequestedPhases: return "/request/phases";
    case BusinessFact::DurationDays:
    case BusinessFact::SuspensionsThisYear:
    case BusinessFact::SuspensionDaysThisYear: return "/request/period";
    case BusinessFact::NoticeDays: return "/request/period/from";
    case BusinessFact::WholeTransformers: return "/request/whole_transformers";
    case BusinessFact::SameAddress: return "/request/same_address";
    case BusinessFact::SameSupplyPoint: return "/request/same_supply_point";
    case BusinessFact::Separable: return "/request/separable";
    case BusinessFact::SameInstallation: return "/request/same_installation";
    case BusinessFact::NewClass:
    case BusinessFact::ClassChanges: return "/request/new_class";
    case BusinessFact::PvCapacityKw: return "/request/pv/capacity_kw";
    case BusinessFact::PvOwner: return "/request/pv/owner";
    case BusinessFact::PvMode: return "/request/pv/mode";
    case BusinessFact::EvFacility: return "/request/ev_facility";
    case BusinessFact::Today: return "/today";
    case BusinessFact::Count: break;
  }
  return "";
}

}  // namespace powerdesk
