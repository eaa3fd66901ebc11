// STUB (being written): the "substitution" pack section.
#include "quote_pack_sections.hpp"

namespace powerdesk::pack_reader {
void substitution(FieldReader&, const Json&, RulePack&) {}
}  // namespace powerdesk::pack_reader
