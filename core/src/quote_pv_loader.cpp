// STUB (being written): the "pv" pack section.
#include "quote_pack_sections.hpp"

namespace powerdesk::pack_reader {
void pv(FieldReader&, const Json&, RulePack&) {}
}  // namespace powerdesk::pack_reader
