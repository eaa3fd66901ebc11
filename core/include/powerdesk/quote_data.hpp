// Rule-pack data the quotes read: typical load profiles, the plans a customer
// may choose between, and the tariffs charging facilities take. The
// substitution (电能替代) factors and the PV rules have headers of their own.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "powerdesk/calendar.hpp"
#include "powerdesk/decimal.hpp"
#include "powerdesk/text.hpp"

namespace powerdesk {

// 典型负荷曲线: how a customer type's kWh spread over the hours of a day and
// the months of a year, as integer weights (only their ratios matter).
struct LoadProfile {
  std::string code;
  Bilingual label;
  std::array<int64_t, 24> hourly{};   // hour h covers [h:00, h+1:00)
  std::array<int64_t, 12> monthly{};  // January … December
  Citation citation;
};

// One tariff a plan group offers, and who may take it by installed capacity.
struct PlanOption {
  std::string tariff;
  std::optional<Power> min_kva;  // inclusive; none = no lower bound
  std::optional<Power> max_kva;  // exclusive; none = no upper bound
};

// Tariffs that are alternatives for the same use (居民 TOU or not; 工商业
// single-part or two-part), with the profile used when only a total is known.
struct PlanGroup {
  std::string code;
  Bilingual label;
  std::string default_profile;
  std::vector<PlanOption> options;
  Citation citation;
};

// 充换电设施: the kind of site decides the price category (national rule);
// the regional pack names the tariff each kind takes there.
struct ChargingSite {
  std::string code;
  Bilingual label;
  std::string profile;        // typical charging profile
  bool basic_exempt = false;  // two-part basic charge waived (集中式充换电设施)
  bool shared_meter = false;  // on a residential tariff, billed at the 合表 price
  Citation citation;
};

struct ChargingRules {  // national
  std::map<std::string, ChargingSite> sites;
  Date basic_exempt_until;  // the waiver's last day
  Citation exemption_citation;
};

}  // namespace powerdesk
