// STUB (being written): pack data for the pv quote.
#pragma once

namespace powerdesk {
struct PvRules {};
}  // namespace powerdesk
