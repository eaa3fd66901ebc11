// Pack data for the distributed-PV (分布式光伏) quote. The national pack's
// "pv" section holds the project categories of 国能发新能规〔2025〕7号 with the
// consumption modes each may use and its size/voltage limits, and the typical
// grid-connection voltage by capacity; a regional pack's "pv" holds the
// feed-in price (燃煤发电基准价) and a typical annual yield.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "powerdesk/decimal.hpp"
#include "powerdesk/text.hpp"

namespace powerdesk {

struct PvMode {
  std::string mode;                // full_export, surplus_export, full_self_use
  std::optional<Bilingual> condition;  // when set, the mode is open only under it (a warning)
};

struct PvCategory {
  Bilingual name;
  std::vector<PvMode> modes;
  std::optional<Power> max_capacity_kw;  // above: not this category (error)
  std::optional<int> max_voltage_v;      // typical connection above it: warning
  std::optional<int> min_voltage_v;      // typical connection below it: warning
  Citation citation;
};

struct PvVoltageStep {
  Power up_to_kw;  // inclusive
  int voltage_v = 0;
  Bilingual name;  // 交流380V / AC 380 V
};

struct PvRules {
  // National.
  std::map<std::string, PvCategory> categories;
  std::vector<PvVoltageStep> voltages;  // ascending up_to_kw
  Citation voltages_citation;
  // Regional.
  std::optional<Price> feed_in_price;  // 元/kWh
  Citation feed_in_citation;
  std::optional<Energy> yield_kwh_per_kw;  // first-year kWh per kW installed
  Citation yield_citation;
};

}  // namespace powerdesk
