// Duplicate detection of customer records and applications (issue 5): the
// potential projects arriving from nine channels are fuzzy-matched on
// customer number (户号), name, address, contact name and phone so that
// duplicates are merged. See docs/dedupe.md for the model and its figures.
//
//   dedupe(records)          → clusters of likely duplicates
//   match(record, candidates) → the candidates ranked by how well they match
//
// Every pair gets a score per field (0–100 points) and a weighted total in
// per-mille (‰), integers throughout, with the reason in Chinese and English.
//
// PERSONAL DATA. Results name records only by index (the facade by `id`);
// nothing here returns a name, phone or account number. The explanation text
// names fields and how they agreed, never their values; where a value must
// be shown use the mask_* functions of identity.hpp.
//
// Nothing throws (beyond std::bad_alloc). Natively the work is spread over
// `Options::threads` std::threads; the WASM build runs single-threaded. The
// output is the same for any thread count.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "powerdesk/text.hpp"

namespace powerdesk::dedupe {

// ───────────────────────────────── records ─────────────────────────────────

// Every field but `id` may be empty (unknown).
struct Record {
  std::string id;               // the caller's key (the facade requires it unique)
  std::string customer_number;  // 户号
  std::string name;             // the customer: a person or an organisation
  std::string address;
  std::string contact_name;
  std::string phone;
};

enum class Field { CustomerNumber, Phone, Name, Address, ContactName };
inline constexpr size_t kFieldCount = 5;
inline constexpr std::array<Field, kFieldCount> kFields = {
    Field::CustomerNumber, Field::Phone, Field::Name, Field::Address, Field::ContactName};

std::string_view field_name(Field f);  // "customer_number", "phone", "name", "address", "contact_name"
Bilingual field_label(Field f);        // 户号 / customer number, …

// ─────────────────────────────── normalisation ───────────────────────────────

// ICU NFKC with case folding (NFKC_Casefold: full-width → ASCII, ideographic
// space → space, "Ａ" → "a"), white-space runs collapsed to one space and
// trimmed, and a space between two Han characters dropped ("张 伟" → "张伟").
// Without ICU's data: normalize_identifier_text and ASCII lower case.
std::string normalize_text(std::string_view input);

// 户号: normalize_identifier_text, then only letters and digits kept (spaces,
// '-' and other separators dropped), letters upper case.
std::string normalize_customer_number(std::string_view input);

// A phone number reduced to what identifies the line. Mobile: the 11 digits
// (a +86 / 0086 prefix dropped). Landline: area code and local number, the
// extension dropped. Local: 7–8 digits written without an area code. Other:
// whatever digits there are (compared only for equality).
struct PhoneKey {
  enum class Kind { None, Mobile, Landline, Local, Other };
  Kind kind = Kind::None;
  std::string area;    // landline: "0571"
  std::string number;  // mobile: 11 digits; landline/local: the local number; other: the digits
  bool operator==(const PhoneKey&) const = default;
};
PhoneKey normalize_phone(std::string_view input);

// ─────────────────────────────────── pinyin ───────────────────────────────────

// Whether ICU's Han→Latin transliterator could be created (natively always;
// in WASM once the text data file is installed). Without it names are
// compared character by character and results say `pinyin: false`. A failed
// attempt is retried by the next call, so installing the data later works.
bool pinyin_available();

// Toneless pinyin of normalised text, one syllable per Han character, words
// separated by one space, ü written v: "张伟" → "zhang wei", "吕" → "lv".
// With `name`, the first character takes its reading as a family name (ICU's
// Han-Latin/Names: 单 → shan, 曾 → zeng, 解 → xie); elsewhere the common
// reading (简单 → "jian dan"). Runs of other characters are kept as words.
// Readings are per character (cached per code point), so a word-level
// reading (重庆 chong qing) is not used — both sides of a comparison get the
// same reading, which is what matching needs.
std::string pinyin(std::string_view normalized_text, bool name);

// ───────────────────────────────── addresses ─────────────────────────────────

enum class AdminLevel : uint8_t { Province, City, District };

// A division recognised at the start of an address: its length in bytes of
// the UTF-8 text given, its level and a canonical name (two divisions agree
// when their names are equal or one ends with the other).
struct AdminPrefix {
  size_t length = 0;
  AdminLevel level = AdminLevel::District;
  std::string name;
};

// Optional gazetteer hook (e.g. GB/T 2260 divisions): given normalised
// address text, the division it starts with, or nullopt to fall back to the
// generic rules. Called concurrently from several threads: must be
// thread-safe.
using AdminPrefixMatcher = std::function<std::optional<AdminPrefix>(std::string_view text)>;

// An address as a canonical tuple. The leading province / city / district
// segments (…省 …自治区 …市 …自治州 …地区 …盟 …区 …县 …旗, or one of the 34
// provincial short names at the very start) are split off into `divisions`;
// then 号/栋/幢/座/号楼/单元/层/楼/室/房/弄 markers are read in any order,
// Chinese numerals as Arabic (三单元 → unit "3", 一〇一室 → room "101",
// 二十三号 → "23"), letters in lower case ("A座" → building "a"), leading
// zeros dropped, and 1-2-301 as building-unit-room. So "1栋2单元301室",
// "2单元1栋301室" and "一幢二单元301" give the same tuple.
struct Address {
  struct Division {
    AdminLevel level;
    std::string name;  // with its suffix: "浙江省", "西湖区"
  };
  std::vector<Division> divisions;
  std::string road;      // "文三路" (text ending in 路/街/大道/道/巷/胡同)
  std::string number;    // 门牌号: "478", "12-1"
  std::string building;  // 栋/幢/座/号楼
  std::string unit;      // 单元
  std::string floor;     // 层 (and 楼 after a building)
  std::string room;      // 室/房/户
  std::string place;     // other text: compound, village, building name
  std::string body;      // the normalised address after the divisions
};
Address parse_address(std::string_view text, const AdminPrefixMatcher& gazetteer = {});

// ────────────────────────────────── scoring ──────────────────────────────────

// How a field of two records compares (the `how` of the JSON output).
enum class How {
  Missing,                // empty on one side or both: not counted at all
  Equal,                  // equal after normalisation
  SamePinyin,             // names: different characters, same pinyin (homophones)
  OneEdit,                // one character inserted, deleted, replaced or two swapped
  TwoEdits,               // two such edits (long values only)
  SameLocalNumber,        // phone: same local number, area code on one side only
  SameAddress,            // address: the same tuple (road, number, building, unit, room)
  SameAddressLessDetail,  // address: no part disagrees, one side gives fewer parts
  SameBuildingOtherRoom,  // address: same building, a different room (a neighbour)
  SameRoadOtherNumber,    // address: same road, a different house number
  OtherDivision,          // address: a different province, city or district
  Different,
};
std::string_view how_name(How h);  // "missing", "equal", "same_pinyin", "one_edit", …

struct FieldScore {
  How how = How::Missing;
  int points = 0;  // 0–100
  bool compared() const { return how != How::Missing; }
};

// The model (docs/dedupe.md gives the reasons). Weights per field:
inline constexpr int kWeightCustomerNumber = 30;  // an account number identifies the customer
inline constexpr int kWeightPhone = 25;           // mobiles are registered to one person
inline constexpr int kWeightName = 20;            // names repeat (张伟 …)
inline constexpr int kWeightAddress = 15;         // a household, not a person
inline constexpr int kWeightContactName = 10;     // often the customer's own name again
int field_weight(Field f);
// total‰ = 10 × Σ weight·points / max(Σ weight of compared fields, kMinEvidence
// + the contact name's weight when it is compared): a lone agreeing field is
// not enough (a phone alone gives 714‰), the customer number or two fields
// are; the contact name confirms but does not count towards the minimum.
inline constexpr int kMinEvidence = 35;
// A pair at or above the threshold is a duplicate; match() lists candidates
// from kDefaultMinScore ("possible") up.
inline constexpr int kDefaultThreshold = 800;
inline constexpr int kDefaultMinScore = 500;

struct PairScore {
  std::array<FieldScore, kFieldCount> fields;  // in kFields order
  int total = 0;                               // per mille, 0–1000
  const FieldScore& operator[](Field f) const { return fields[static_cast<size_t>(f)]; }
};

// Scores two records (normalising both; the batch functions prepare each
// record once instead).
PairScore score_pair(const Record& a, const Record& b, const AdminPrefixMatcher& gazetteer = {});

// Why two records match (or not): each compared field, how, and the total
// against the threshold, in Chinese and English. Names no values.
Bilingual explain(const PairScore& score, int threshold);

// ─────────────────────────────── dedupe / match ───────────────────────────────

struct Options {
  int threshold = kDefaultThreshold;  // per mille: a pair at or above is a duplicate
  unsigned threads = 0;               // 0: std::thread::hardware_concurrency(); at most 64; WASM: always 1
  // Blocking: records sharing a key are compared; a block of more than
  // `max_block` records is too common a key to compare all pairs of, so its
  // records (sorted by a second key such as the name's pinyin) are compared
  // only with their `window` neighbours on each side.
  size_t max_block = 64;
  size_t window = 8;
  AdminPrefixMatcher gazetteer;  // optional, see AdminPrefixMatcher
};

// A pair of records at or above the threshold; a < b are input indices.
struct Link {
  size_t a = 0;
  size_t b = 0;
  PairScore score;
};

// Records that are duplicates of each other (union-find over the links): the
// members in input order, and the links that joined them — each record's
// strongest link into the cluster (a maximum spanning tree), strongest first.
struct Cluster {
  std::vector<size_t> members;
  std::vector<Link> links;
};

struct DedupeStats {
  size_t records = 0;
  size_t blocks = 0;            // distinct blocking keys shared by two or more records
  size_t oversized_blocks = 0;  // of those, compared only within the window
  size_t compared_pairs = 0;    // distinct pairs scored
  size_t matched_pairs = 0;     // of those, at or above the threshold
};

struct DedupeResult {
  std::vector<Cluster> clusters;  // two or more members each, by first member
  bool pinyin = true;             // false: names compared by characters only
  DedupeStats stats;
};

// Up to 2³² − 1 records. Each field is compared on its first 256 bytes.
DedupeResult dedupe(std::span<const Record> records, const Options& options = {});

struct Candidate {
  size_t index = 0;  // into the candidates
  PairScore score;
};

struct MatchResult {
  std::vector<Candidate> candidates;  // score ≥ min_score, best first (ties: input order), at most `limit`
  bool pinyin = true;
  size_t compared = 0;
};

// Scores `record` against every candidate (no blocking: the list is the
// caller's shortlist).
MatchResult match(const Record& record, std::span<const Record> candidates, size_t limit,
                  int min_score = kDefaultMinScore, const Options& options = {});

}  // namespace powerdesk::dedupe
