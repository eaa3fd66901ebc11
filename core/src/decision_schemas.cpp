// The fact schemas decision tables may use, by name: each domain defines its
// own next to the code that fills it.
#include "powerdesk/decision_table.hpp"
#include "powerdesk/eligibility.hpp"
#include "powerdesk/tier.hpp"

namespace powerdesk::decision {

const InputSchema* find_schema(std::string_view name) {
  for (const InputSchema* s : {&star_customer_schema(), &business_facts_schema()})
    if (s->name == name) return s;
  return nullptr;
}

}  // namespace powerdesk::decision
