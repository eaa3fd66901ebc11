// STUB (being written): the power_factor quote.
#include "quote_internal.hpp"

namespace powerdesk::quote_detail {
Result<Quote> power_factor(const Json&, const PackRegistry&) {
  return make_issue(Code::Internal, "/kind", "尚未实现", "not implemented yet");
}
}  // namespace powerdesk::quote_detail
