// STUB (being written): the estimate quote.
#include "quote_internal.hpp"

namespace powerdesk::quote_detail {
Result<Quote> estimate(const Json&, const PackRegistry&) {
  return make_issue(Code::Internal, "/kind", "尚未实现", "not implemented yet");
}
Result<Fixed<4>> average_price(const PackRegistry&, const std::string&, const std::string&, const std::string&, int,
                               Energy, QuoteNotes&, const std::string& path) {
  return make_issue(Code::Internal, path, "尚未实现", "not implemented yet");
}
}  // namespace powerdesk::quote_detail
