// Internal: the rule-pack sections the quotes read. Called by load_pack
// (pack_loader.cpp) like the other sections; each is optional.
#pragma once

#include "powerdesk/json_input.hpp"
#include "powerdesk/rulepack.hpp"

namespace powerdesk::pack_reader {

// "load_profiles": typical daily and yearly load shapes (quote_profiles_loader.cpp).
void load_profiles(FieldReader& r, const Json& root, RulePack& pack);
// "plan_groups" (regional): tariffs that are alternatives (quote_plans_loader.cpp).
void plan_groups(FieldReader& r, const Json& root, RulePack& pack);
// "charging" (national) and "charging_tariffs" (regional) (quote_charging_loader.cpp).
void charging(FieldReader& r, const Json& root, RulePack& pack);
// "substitution" (national): 电能替代 conversion and emission factors
// (quote_substitution_loader.cpp).
void substitution(FieldReader& r, const Json& root, RulePack& pack);
// "pv": distributed PV rules (quote_pv_loader.cpp).
void pv(FieldReader& r, const Json& root, RulePack& pack);

}  // namespace powerdesk::pack_reader
