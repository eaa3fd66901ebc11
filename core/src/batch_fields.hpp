// The fields of batch input records, shared by the CSV header check and the
// record readers so both formats accept exactly the same names.
#pragma once

#include <array>
#include <string_view>

namespace powerdesk::batch {

struct FieldSpec {
  std::string_view name;
  char type;  // 's' string, 'd' decimal, 'b' boolean, 'i' integer, 't' date (read as string)
  bool required;
};

inline constexpr std::array<FieldSpec, 10> kReadingFields = {{
    {"customer", 's', true},
    {"start", 't', true},
    {"end", 't', true},
    {"kwh", 'd', false},
    {"kwh_sharp", 'd', false},
    {"kwh_peak", 'd', false},
    {"kwh_flat", 'd', false},
    {"kwh_valley", 'd', false},
    {"kwh_deep_valley", 'd', false},
    {"carry_in_kwh", 'd', false},
}};

inline constexpr std::array<FieldSpec, 8> kCustomerFields = {{
    {"customer", 's', true},
    {"region", 's', true},
    {"tariff", 's', true},
    {"cycle", 's', true},
    {"household_size", 'i', false},
    {"low_income", 'b', false},
    {"shared_meter", 'b', false},
    {"elect_shared_meter_price", 'b', false},
}};

}  // namespace powerdesk::batch
