// The star_customer facts schema and the typed customer → table values.
#include "powerdesk/tier.hpp"

namespace powerdesk {
namespace {

using decision::Field;
using decision::ValueType;

Field field(std::string name, ValueType type, Bilingual label) {
  Field f;
  f.name = std::move(name);
  f.type = type;
  f.label = std::move(label);
  if (type == ValueType::Boolean) {
    f.min = 0;
    f.max = 1;
  }
  return f;
}

Field enumeration(std::string name, Bilingual label,
                  std::initializer_list<std::pair<const char*, Bilingual>> values) {
  Field f = field(std::move(name), ValueType::Enum, std::move(label));
  for (const auto& [code, l] : values) {
    f.values.emplace_back(code);
    f.labels.push_back(l);
  }
  f.min = 0;
  f.max = static_cast<decision::Value>(f.values.size()) - 1;
  return f;
}

Field kilo(std::string name, Bilingual label, int64_t max_whole) {
  Field f = field(std::move(name), ValueType::Decimal, std::move(label));
  f.scale = 3;
  f.min = 0;
  f.max = max_whole * 1000;
  return f;
}

Field level(std::string name, Bilingual label) {
  return enumeration(std::move(name), std::move(label),
                     {{"none", {"无", "None"}},
                      {"municipal", {"市级", "Municipal"}},
                      {"provincial", {"省级", "Provincial"}},
                      {"national", {"国家级", "National"}}});
}

decision::InputSchema make_schema() {
  decision::InputSchema s;
  s.name = "star_customer";
  s.fields = {
      field("existing_customer", ValueType::Boolean, {"存量客户", "Existing customer"}),
      // Bounded like bill quantities (10 TWh a year); exact to the Wh.
      kilo("annual_kwh", {"全年用电总量（千瓦时）", "Annual consumption (kWh)"}, 10'000'000'000),
      field("has_arrears", ValueType::Boolean, {"发生过欠费", "Has had arrears"}),
      enumeration("credit_rating", {"信用评价等级", "Credit rating"},
                  {{"excellent", {"优", "Excellent"}},
                   {"good", {"良", "Good"}},
                   {"fair", {"中", "Fair"}},
                   {"poor", {"差", "Poor"}}}),
      level("project_level", {"重点项目级别", "Key-project level"}),
      level("park_level", {"园区级别", "Park level"}),
      kilo("supply_voltage_kv", {"供电电压等级（千伏）", "Supply voltage (kV)"}, 1000),
      enumeration("special_category", {"特殊类别", "Special category"},
                  {{"none", {"无", "None"}},
                   {"military", {"部队", "Military"}},
                   {"airport", {"机场", "Airport"}},
                   {"high_risk_other", {"其他高危行业", "Other high-risk industry"}},
                   {"affordable_housing", {"保障房安居工程", "Affordable-housing project"}},
                   {"hope_school", {"希望小学", "Hope Primary School"}},
                   {"livelihood_other", {"其他民心工程", "Other public-welfare project"}},
                   {"flood_relief", {"抗洪救灾工程", "Flood-relief project"}}}),
      // Filled with star_tier's answer for the tables that follow it.
      enumeration("tier", {"星级", "Star tier"},
                  {{"ordinary", {"普通客户", "Ordinary customer"}},
                   {"one_star", {"一星级优质客户", "One-star premium customer"}},
                   {"two_star", {"二星级优质客户", "Two-star premium customer"}},
                   {"three_star", {"三星级优质客户", "Three-star premium customer"}}}),
  };
  return s;
}

}  // namespace

const decision::InputSchema& star_customer_schema() {
  static const decision::InputSchema schema = make_schema();
  return schema;
}

std::string_view star_tier_code(StarTier t) {
  switch (t) {
    case StarTier::Ordinary: return "ordinary";
    case StarTier::OneStar: return "one_star";
    case StarTier::TwoStar: return "two_star";
    case StarTier::ThreeStar: return "three_star";
  }
  return "?";
}

StarFacts star_facts(const StarCustomer& c, StarTier tier) {
  using V = decision::Value;
  StarFacts f{};
  f[kExistingCustomer] = c.existing_customer ? 1 : 0;
  f[kAnnualKwh] = c.annual_kwh.units();
  f[kHasArrears] = c.has_arrears ? 1 : 0;
  f[kCreditRating] = static_cast<V>(c.credit_rating);
  f[kProjectLevel] = static_cast<V>(c.project_level);
  f[kParkLevel] = static_cast<V>(c.park_level);
  f[kSupplyVoltageKv] = c.supply_voltage_kv.units();
  f[kSpecialCategory] = static_cast<V>(c.special_category);
  f[kTierField] = static_cast<V>(tier);
  return f;
}

}  // namespace powerdesk
