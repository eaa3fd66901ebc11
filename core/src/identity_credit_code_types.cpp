// Lookups in the USCC registration authority / entity type table (pack data;
// about 50 rows, so a linear search).
#include "powerdesk/identity.hpp"

namespace powerdesk {

const CreditCodeTypes::Authority* CreditCodeTypes::authority(char code) const {
  for (const Authority& a : authorities)
    if (a.code == code) return &a;
  return nullptr;
}

const CreditCodeTypes::EntityType* CreditCodeTypes::entity_type(char authority_code,
                                                                char type) const {
  const Authority* a = authority(authority_code);
  if (a == nullptr) return nullptr;
  for (const EntityType& t : a->types)
    if (t.code == type) return &t;
  return nullptr;
}

}  // namespace powerdesk
