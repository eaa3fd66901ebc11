// Pack data for the 电能替代 (electric substitution) quote: the national
// pack's "substitution" section — fuels with their heating values, standard-
// coal and CO2 factors; the electric and incumbent technologies with default
// efficiencies (COP for heat pumps); electricity's standard-coal factor
// (当量值) and the grid-average CO2 factor. Every figure carries its citation.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "powerdesk/decimal.hpp"
#include "powerdesk/text.hpp"

namespace powerdesk {

// Factors keep 6 decimals (MJ per unit, kgce per unit, kg CO2 per unit).
using ConversionFactor = Fixed<6>;

struct SubstitutionFuel {
  Bilingual name;        // 原煤 / raw coal
  std::string unit;      // "kg", "m3"
  Bilingual unit_name;   // 千克 / kg
  ConversionFactor lhv_mj;         // net calorific value, MJ per unit
  ConversionFactor kgce;           // kg standard coal per unit (GB/T 2589-2020 table)
  ConversionFactor co2_kg;         // kg CO2 per unit
  Citation citation;
};

struct SubstitutionTechnology {
  Bilingual name;
  bool electric = false;
  std::string use;                    // what it serves: "heat" (boilers, heat pumps) or "kiln"
  std::string fuel;                   // incumbents: a key of SubstitutionData::fuels
  bool heat_pump = false;             // efficiency is a COP (may exceed 1)
  std::optional<Ratio> efficiency;    // default; none: the request must give one
  Citation citation;
};

struct SubstitutionData {
  ConversionFactor electricity_kgce_per_kwh;    // 0.1229 (当量值, 3.6 MJ/kWh)
  Citation electricity_kgce_citation;
  ConversionFactor grid_co2_kg_per_kwh;         // 0.5703 (tCO2/MWh = kg/kWh)
  Citation grid_co2_citation;
  std::map<std::string, SubstitutionFuel> fuels;
  std::map<std::string, SubstitutionTechnology> technologies;
};

}  // namespace powerdesk
