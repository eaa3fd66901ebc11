// Internal: shared pieces of the rule-pack loader.
#pragma once

#include <string>

#include "powerdesk/json_input.hpp"
#include "powerdesk/rulepack.hpp"

namespace powerdesk::pack_reader {

// Adds a PD_PACK_INVALID issue at `path` with a reason in both languages.
void invalid(FieldReader& r, const std::string& path, const std::string& zh,
             const std::string& en);

std::optional<Citation> citation(FieldReader& r, const Json& parent, const std::string& path,
                                 bool required);
std::optional<Price> price(FieldReader& r, const Json& parent, std::string_view key,
                           const std::string& path, bool required);
std::optional<Price> price_value(FieldReader& r, const Json& v, const std::string& path);
std::optional<Ratio> ratio(FieldReader& r, const Json& parent, std::string_view key,
                           const std::string& path, bool required);
std::optional<std::vector<int>> months(FieldReader& r, const Json& parent,
                                       const std::string& path);
std::optional<TouPeriod> period(FieldReader& r, const std::string& code, const std::string& path);

std::optional<Tariff> tariff(FieldReader& r, const Json& node, const std::string& code,
                             const std::string& path, const RulePack& pack);

// The business catalogue section ("businesses"): types, process steps, limits.
void businesses(FieldReader& r, const Json& root, RulePack& pack);
// The application forms section ("application_forms"): documents and what
// each business's form requires.
void application_forms(FieldReader& r, const Json& root, RulePack& pack);
// The star-tier services section ("star_services"): numbers, names, descriptions.
void star_services(FieldReader& r, const Json& root, RulePack& pack);

}  // namespace powerdesk::pack_reader
