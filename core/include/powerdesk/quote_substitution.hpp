// STUB (being written): pack data for the substitution quote.
#pragma once

namespace powerdesk {
struct SubstitutionData {};
}  // namespace powerdesk
