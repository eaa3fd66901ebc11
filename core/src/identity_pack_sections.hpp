// Internal: the rule-pack sections the identity checks read. Called by
// load_pack (pack_loader.cpp) like the other sections.
#pragma once

#include "powerdesk/json_input.hpp"
#include "powerdesk/rulepack.hpp"

namespace powerdesk::pack_reader {

// "divisions" (national pack only): the GB/T 2260 code list
// (divisions_loader.cpp).
void divisions(FieldReader& r, const Json& root, RulePack& pack);
// "division" (regional packs, optional): the region's province-level GB/T
// 2260 code, e.g. "330000" (divisions_loader.cpp).
void division(FieldReader& r, const Json& root, RulePack& pack);
// "credit_code_types" (national pack only): the USCC registration authorities
// and entity types (identity_credit_code_types_loader.cpp).
void credit_code_types(FieldReader& r, const Json& root, RulePack& pack);

}  // namespace powerdesk::pack_reader
