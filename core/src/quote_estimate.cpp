// STUB (being written): the estimate quote.
#include "quote_internal.hpp"

namespace powerdesk::quote_detail {
Result<Quote> estimate(const Json&, const PackRegistry&) {
  return make_issue(Code::Internal, "/kind", "尚未实现", "not implemented yet");
}
}  // namespace powerdesk::quote_detail
