// Internal: the prepared (normalised, parsed) form of a record that pair
// scoring and blocking work on, and the helpers the dedupe_*.cpp files share.
// Text is held as code points so comparisons and edit distances count
// characters, not bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "powerdesk/dedupe.hpp"

namespace powerdesk::dedupe::detail {

std::u32string to_u32(std::string_view utf8);  // ill-formed sequences become U+FFFD
std::string to_utf8(std::u32string_view text);

bool is_han(char32_t c);

// normalize_text in code points.
std::u32string normalize_u32(std::string_view input);

// Optimal string alignment distance (insert, delete, replace, swap two
// neighbours), or cap + 1 once it exceeds cap.
int edit_distance(std::u32string_view a, std::u32string_view b, int cap);

// ─── pinyin (dedupe_pinyin.cpp) ───

// A Han character with a reading becomes a syllable token (kSyllableBase +
// id, outside Unicode, so it never equals a character); anything else stays
// itself. Spaces and middle dots are dropped: "阿依·古丽" sounds like "阿依古丽".
inline constexpr char32_t kSyllableBase = 0x110000;
std::u32string sounds_of(std::u32string_view chars, bool name);
// Makes sure the transliterators exist (retrying a failed creation once per
// call); false: sounds_of returns the characters.
bool ensure_pinyin();
std::string syllable_text(char32_t token);
// Spaces and middle dots (·, •, ・ …), which names are compared without.
bool is_name_separator(char32_t c);

// ─── names ───
struct NameKey {
  std::u32string chars;   // normalize_text without spaces and middle dots, in code points
  std::u32string sounds;  // sounds_of(chars)
  bool empty() const { return chars.empty(); }
};
NameKey prepare_name(std::string_view raw);

// ─── addresses (dedupe_address.cpp) ───
struct AddressKey {
  struct Division {
    AdminLevel level;
    std::u32string name;     // without its suffix, for comparison: 西湖, 杭州西湖
    std::u32string written;  // as written: 西湖区
  };
  std::vector<Division> divisions;
  std::u32string road;
  std::u32string road_sounds;
  std::u32string place;
  std::u32string body;
  std::string number, building, unit, floor, room;
  bool empty() const { return body.empty(); }
};
AddressKey prepare_address(std::string_view raw, const AdminPrefixMatcher& gazetteer);
// Splits the leading divisions off normalised address text (no spaces) into
// `out`; returns how many code points they take (dedupe_address_divisions.cpp).
size_t strip_divisions(std::u32string_view text, const AdminPrefixMatcher& gazetteer,
                       std::vector<AddressKey::Division>& out);
// Two division names or roads agree: equal, or the shorter (≥ min_length
// code points) ends the longer ("西湖区" / "杭州西湖区").
bool same_or_suffix(std::u32string_view a, std::u32string_view b, size_t min_length);

// ─── a prepared record (dedupe_prepare.cpp) ───
// Each field is compared on its first 256 bytes (an address of 85 Chinese
// characters): bounds the work of one comparison for any input.
inline constexpr size_t kMaxFieldBytes = 256;
struct Prepared {
  std::string customer_number;
  PhoneKey phone;
  NameKey name;
  NameKey contact;
  AddressKey address;
};
Prepared prepare(const Record& r, const AdminPrefixMatcher& gazetteer);

// ─── scoring (dedupe_score.cpp) ───
PairScore score(const Prepared& a, const Prepared& b);
FieldScore score_name(const NameKey& a, const NameKey& b);
FieldScore score_phone(const PhoneKey& a, const PhoneKey& b);
FieldScore score_customer_number(const std::string& a, const std::string& b);
FieldScore score_address(const AddressKey& a, const AddressKey& b);
int total_of(const std::array<FieldScore, kFieldCount>& fields);

// ─── threads (dedupe_parallel.cpp) ───
inline constexpr unsigned kMaxThreads = 64;
unsigned thread_count(unsigned requested);  // 0: hardware concurrency; at most kMaxThreads
// Calls body(begin, end) for consecutive chunks of [0, n) of at most `chunk`
// items on up to `threads` threads; chunk k is [k·chunk, …). Returns when all
// are done. Single-threaded under Emscripten.
void parallel_chunks(size_t n, size_t chunk, unsigned threads,
                     const std::function<void(size_t chunk_index, size_t begin, size_t end)>& body);
std::vector<Prepared> prepare_all(std::span<const Record> records, const AdminPrefixMatcher& gazetteer,
                                  unsigned threads);

// ─── blocking (dedupe_blocking.cpp) ───
struct CandidatePair {
  uint32_t a;
  uint32_t b;
  int total;
};
struct BlockingOutcome {
  std::vector<CandidatePair> matched;  // total ≥ threshold, sorted by (a, b)
  size_t blocks = 0;
  size_t oversized_blocks = 0;
  size_t compared = 0;
};
BlockingOutcome compare_within_blocks(const std::vector<Prepared>& prepared, const Options& options,
                                      unsigned threads);

}  // namespace powerdesk::dedupe::detail
