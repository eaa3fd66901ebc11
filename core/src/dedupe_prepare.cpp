// A record prepared once for all its comparisons: every field normalised,
// names with their pinyin, the address parsed into its tuple.
//
// Each field is read up to kMaxFieldBytes: real names, addresses and numbers
// are far shorter, and the cap keeps the cost of one comparison bounded
// whatever a request holds.
#include <string>
#include <string_view>
#include <vector>

#include "dedupe_internal.hpp"

namespace powerdesk::dedupe::detail {
namespace {

// The first kMaxFieldBytes bytes, cut at a UTF-8 character boundary.
std::string_view clipped(std::string_view s) {
  if (s.size() <= kMaxFieldBytes) return s;
  size_t end = kMaxFieldBytes;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

}  // namespace

NameKey prepare_name(std::string_view raw) {
  NameKey k;
  k.chars = normalize_u32(clipped(raw));
  std::erase_if(k.chars, is_name_separator);  // "阿依·古丽" = "阿依古丽", "张 伟" = "张伟"
  k.sounds = sounds_of(k.chars, true);
  return k;
}

Prepared prepare(const Record& r, const AdminPrefixMatcher& gazetteer) {
  Prepared p;
  p.customer_number = normalize_customer_number(clipped(r.customer_number));
  p.phone = normalize_phone(clipped(r.phone));
  p.name = prepare_name(r.name);
  p.contact = prepare_name(r.contact_name);
  p.address = prepare_address(clipped(r.address), gazetteer);
  return p;
}

std::vector<Prepared> prepare_all(std::span<const Record> records, const AdminPrefixMatcher& gazetteer,
                                  unsigned threads) {
  std::vector<Prepared> out(records.size());
  parallel_chunks(records.size(), 2048, threads, [&](size_t, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) out[i] = prepare(records[i], gazetteer);
  });
  return out;
}

}  // namespace powerdesk::dedupe::detail
