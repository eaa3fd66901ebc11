// STUB (being written)
#include "quote_pack_sections.hpp"

namespace powerdesk::pack_reader {
void charging(FieldReader&, const Json&, RulePack&) {}
}  // namespace powerdesk::pack_reader
