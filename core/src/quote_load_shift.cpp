// STUB (being written): the load_shift quote.
#include "quote_internal.hpp"

namespace powerdesk::quote_detail {
Result<Quote> load_shift(const Json&, const PackRegistry&) {
  return make_issue(Code::Internal, "/kind", "尚未实现", "not implemented yet");
}
}  // namespace powerdesk::quote_detail
