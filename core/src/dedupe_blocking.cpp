// Blocking: which pairs are compared at all. Comparing every pair of a
// million records is 5·10¹¹ comparisons; instead each record gets a few keys
// and only records sharing a key are compared, so the work grows with the
// number of records times the (capped) block size.
//
// Keys, each surviving different kinds of damage to the other fields:
//   phone           the line (mobile, or the local number of a landline)
//   customer_number the normalised 户号
//   name + room     the name's pinyin and the room (else the house number):
//                   homophone names in the same flat, 户号 and phone missing
//   address tuple   road (by pinyin, last three syllables), number, building,
//                   unit, room: any name, however mistyped, at the same flat
//   contact + room  as name + room for the contact, when it is another name
// A block of more than Options::max_block records (a switchboard number, a
// common name without an address) is too common to be evidence by itself
// and too big to compare all pairs of: its records are sorted by a second key
// (the name's pinyin, or the address) and each is compared with its
// Options::window neighbours either side — records that also agree on the
// second key stay adjacent.
//
// A pair reached through several keys is compared once: record i gathers its
// partners j > i from all its blocks and de-duplicates them. Records are
// handed out to threads in chunks and results kept per chunk, so the output
// does not depend on the thread count.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "dedupe_internal.hpp"

namespace powerdesk::dedupe::detail {
namespace {

constexpr size_t kKeyKinds = 5;
constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

// FNV-1a with a final avalanche (splitmix64); collisions only cost an extra
// comparison, never a wrong answer.
class Hasher {
 public:
  explicit Hasher(uint8_t kind) { byte(kind); }
  void byte(uint8_t b) {
    h_ ^= b;
    h_ *= 0x100000001B3ULL;
  }
  void add(std::string_view s) {
    for (char c : s) byte(static_cast<uint8_t>(c));
    byte(0xFF);  // field separator
  }
  void add(std::u32string_view s) {
    for (char32_t c : s)
      for (int k = 0; k < 4; ++k) byte(static_cast<uint8_t>(c >> (8 * k)));
    byte(0xFF);
  }
  uint64_t done() const {
    uint64_t z = h_ + 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

 private:
  uint64_t h_ = 0xCBF29CE484222325ULL;
};

struct Entry {
  uint64_t key;
  uint32_t secondary;
  uint32_t record;
  bool operator<(const Entry& o) const {
    if (key != o.key) return key < o.key;
    if (secondary != o.secondary) return secondary < o.secondary;
    return record < o.record;
  }
};

std::u32string_view last(std::u32string_view s, size_t n) { return s.size() > n ? s.substr(s.size() - n) : s; }

const std::string& room_or_number(const AddressKey& a) { return a.room.empty() ? a.number : a.room; }

// The keys of one record, by kind; 0 for none.
struct Keys {
  uint64_t key[kKeyKinds] = {};
  uint32_t secondary[kKeyKinds] = {};
};

Keys keys_of(const Prepared& p) {
  Keys k;
  Hasher by_name(0);
  by_name.add(p.name.sounds);
  const auto name_secondary = static_cast<uint32_t>(by_name.done());
  Hasher by_place(0);
  by_place.add(last(p.address.road_sounds, 3));
  by_place.add(p.address.building);
  by_place.add(p.address.unit);
  const auto place_secondary = static_cast<uint32_t>(by_place.done());

  if (p.phone.kind != PhoneKey::Kind::None) {
    Hasher h(1);
    h.add(p.phone.number);  // the local number: a landline matches without its area code
    k.key[0] = h.done();
    k.secondary[0] = name_secondary;
  }
  if (p.customer_number.size() >= 4) {
    Hasher h(2);
    h.add(p.customer_number);
    k.key[1] = h.done();
    k.secondary[1] = name_secondary;
  }
  if (!p.name.empty()) {
    Hasher h(3);
    h.add(p.name.sounds);
    h.add(room_or_number(p.address));
    k.key[2] = h.done();
    k.secondary[2] = place_secondary;
  }
  const AddressKey& a = p.address;
  if (!a.empty() && !(a.room.empty() && a.number.empty())) {
    Hasher h(4);
    h.add(last(a.road_sounds, 3));
    h.add(a.number);
    h.add(a.building);
    h.add(a.unit);
    h.add(a.room);
    k.key[3] = h.done();
    k.secondary[3] = name_secondary;
  }
  if (!p.contact.empty() && p.contact.sounds != p.name.sounds) {
    Hasher h(5);
    h.add(p.contact.sounds);
    h.add(room_or_number(p.address));
    k.key[4] = h.done();
    k.secondary[4] = place_secondary;
  }
  return k;
}

// std::sort of each thread's share, then merges.
void sort_entries(std::vector<Entry>& entries, unsigned threads) {
  const size_t n = entries.size();
  const size_t parts = std::min<size_t>(threads, n / 65536 + 1);
  if (parts <= 1) {
    std::sort(entries.begin(), entries.end());
    return;
  }
  const size_t share = (n + parts - 1) / parts;
  parallel_chunks(n, share, threads, [&](size_t, size_t begin, size_t end) {
    std::sort(entries.begin() + static_cast<ptrdiff_t>(begin), entries.begin() + static_cast<ptrdiff_t>(end));
  });
  for (size_t merged = share; merged < n; merged += share) {
    const size_t end = std::min(n, merged + share);
    std::inplace_merge(entries.begin(), entries.begin() + static_cast<ptrdiff_t>(merged),
                       entries.begin() + static_cast<ptrdiff_t>(end));
  }
}

}  // namespace

BlockingOutcome compare_within_blocks(const std::vector<Prepared>& prepared, const Options& options,
                                      unsigned threads) {
  BlockingOutcome out;
  const size_t n = prepared.size();
  const size_t max_block = std::max<size_t>(options.max_block, 2);
  const size_t window = std::max<size_t>(options.window, 1);

  // Every record's keys, then all of them sorted: a block is a run of equal keys.
  std::vector<Keys> keys(n);
  parallel_chunks(n, 4096, threads, [&](size_t, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) keys[i] = keys_of(prepared[i]);
  });
  std::vector<Entry> entries;
  entries.reserve(n * 3);
  for (size_t i = 0; i < n; ++i)
    for (size_t k = 0; k < kKeyKinds; ++k)
      if (keys[i].key[k] != 0) entries.push_back({keys[i].key[k], keys[i].secondary[k], static_cast<uint32_t>(i)});
  sort_entries(entries, threads);

  // Where each record's keys sit, and each position's block.
  std::vector<uint32_t> slot(n * kKeyKinds, kNone);
  std::vector<uint32_t> block_begin(entries.size()), block_end(entries.size());
  for (size_t b = 0; b < entries.size();) {
    size_t e = b + 1;
    while (e < entries.size() && entries[e].key == entries[b].key) ++e;
    if (e - b >= 2) ++out.blocks;
    if (e - b > max_block) ++out.oversized_blocks;
    for (size_t p = b; p < e; ++p) {
      block_begin[p] = static_cast<uint32_t>(b);
      block_end[p] = static_cast<uint32_t>(e);
    }
    b = e;
  }
  // Each entry's position, found back through its record and key.
  for (size_t p = 0; p < entries.size(); ++p) {
    const Entry& en = entries[p];
    for (size_t kind = 0; kind < kKeyKinds; ++kind) {
      if (keys[en.record].key[kind] == en.key && slot[en.record * kKeyKinds + kind] == kNone) {
        slot[en.record * kKeyKinds + kind] = static_cast<uint32_t>(p);
        break;
      }
    }
  }
  keys = {};

  // Compare each record with its partners after it in the input.
  constexpr size_t kChunk = 1024;
  const size_t chunks = (n + kChunk - 1) / kChunk;
  std::vector<std::vector<CandidatePair>> found(chunks);
  std::vector<size_t> compared(chunks, 0);
  parallel_chunks(n, kChunk, threads, [&](size_t c, size_t begin, size_t end) {
    std::vector<uint32_t> partners;
    for (size_t i = begin; i < end; ++i) {
      partners.clear();
      for (size_t kind = 0; kind < kKeyKinds; ++kind) {
        const uint32_t p = slot[i * kKeyKinds + kind];
        if (p == kNone) continue;
        size_t from = block_begin[p], to = block_end[p];
        if (to - from > max_block) {  // oversized: the window around the record
          from = std::max<size_t>(from, p >= window ? p - window : 0);
          to = std::min<size_t>(to, p + window + 1);
        }
        for (size_t q = from; q < to; ++q)
          if (entries[q].record > i) partners.push_back(entries[q].record);
      }
      std::sort(partners.begin(), partners.end());
      partners.erase(std::unique(partners.begin(), partners.end()), partners.end());
      compared[c] += partners.size();
      for (uint32_t j : partners) {
        const int total = score(prepared[i], prepared[j]).total;
        if (total >= options.threshold) found[c].push_back({static_cast<uint32_t>(i), j, total});
      }
    }
  });
  for (size_t c = 0; c < chunks; ++c) {
    out.compared += compared[c];
    out.matched.insert(out.matched.end(), found[c].begin(), found[c].end());
  }
  return out;
}

}  // namespace powerdesk::dedupe::detail
