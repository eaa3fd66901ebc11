// Pinyin readings for homophone matching (张伟 / 章伟), from ICU's Han→Latin
// transliterator, cached per code point.
//
// Why a cache: one transliterator call costs about 5 µs and runs the whole
// rule set, far too slow for a million names; a name has few distinct
// characters, so each character is transliterated once, on first sight, and
// its syllable kept in a table (an atomic per code point of the CJK blocks
// U+3400–U+9FFF, a map under the lock for the rarer ones). Readers take no
// lock; a miss takes the lock, transliterates and publishes the result.
//
// Readings are toneless ASCII (tone marks removed, ü kept as v, so 吕 "lv"
// and 路 "lu" stay apart). A name's first character takes its reading as a
// family name (ICU's Han-Latin/Names: 单 shan, 曾 zeng, 解 xie, 仇 qiu).
//
// In WASM the rules are in the lazily loaded text data file; creating the
// transliterator before it is installed fails, so a failure is not cached:
// the next entry point (dedupe, match, score_pair, pinyin) tries again.
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "dedupe_internal.hpp"

namespace powerdesk::dedupe {
namespace detail {
namespace {

constexpr char32_t kTableFirst = 0x3400;  // CJK Extension A … Unified Ideographs
constexpr char32_t kTableLast = 0x9FFF;
constexpr size_t kTableSize = kTableLast - kTableFirst + 1;
constexpr uint32_t kUnknown = 0;    // not looked up yet
constexpr uint32_t kNoReading = 1;  // the transliterator left it alone
constexpr uint32_t kFirstId = 2;    // syllable id + kFirstId

class Readings {
 public:
  static Readings& instance() {
    static Readings readings;
    return readings;
  }

  bool ensure() {
    if (available_.load(std::memory_order_acquire)) return true;
    std::lock_guard<std::mutex> lock(mutex_);
    if (!common_) {
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::Transliterator> t(
          icu::Transliterator::createInstance("Han-Latin", UTRANS_FORWARD, status));
      if (U_FAILURE(status) || !t) return false;
      common_ = std::move(t);
      status = U_ZERO_ERROR;
      std::unique_ptr<icu::Transliterator> n(
          icu::Transliterator::createInstance("Han-Latin/Names", UTRANS_FORWARD, status));
      if (U_SUCCESS(status) && n) names_ = std::move(n);  // else family names take the common reading
    }
    available_.store(true, std::memory_order_release);
    return true;
  }

  bool available() const { return available_.load(std::memory_order_acquire); }

  // The token of a Han character: kSyllableBase + syllable id, or c itself.
  char32_t token(char32_t c, bool family_name) {
    uint32_t v = kUnknown;
    if (c >= kTableFirst && c <= kTableLast) {
      std::atomic<uint32_t>& slot = (family_name ? names_table_ : common_table_)[c - kTableFirst];
      v = slot.load(std::memory_order_acquire);
      if (v == kUnknown) {
        std::lock_guard<std::mutex> lock(mutex_);
        v = slot.load(std::memory_order_relaxed);
        if (v == kUnknown) {
          v = look_up(c, family_name);
          slot.store(v, std::memory_order_release);
        }
      }
    } else {
      std::lock_guard<std::mutex> lock(mutex_);
      auto& rare = rare_[family_name ? 1 : 0];
      auto it = rare.find(c);
      v = it != rare.end() ? it->second : rare.emplace(c, look_up(c, family_name)).first->second;
    }
    return v == kNoReading ? c : kSyllableBase + (v - kFirstId);
  }

  std::string syllable(char32_t token) {
    std::lock_guard<std::mutex> lock(mutex_);
    const size_t id = token - kSyllableBase;
    return id < syllables_.size() ? syllables_[id] : std::string();
  }

 private:
  Readings() = default;

  // Transliterates one character (lock held): toneless ASCII syllable id.
  uint32_t look_up(char32_t c, bool family_name) {
    icu::Transliterator* t = family_name && names_ ? names_.get() : common_.get();
    if (!t) return kNoReading;
    icu::UnicodeString text(static_cast<UChar32>(c));
    t->transliterate(text);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) return kNoReading;
    const icu::UnicodeString decomposed = nfd->normalize(text, status);
    if (U_FAILURE(status)) return kNoReading;
    std::string ascii;
    for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
      const UChar32 ch = decomposed.char32At(i);
      if (ch >= 'a' && ch <= 'z') ascii.push_back(static_cast<char>(ch));
      else if (ch >= 'A' && ch <= 'Z') ascii.push_back(static_cast<char>(ch - 'A' + 'a'));
      else if (ch == 0x0308 && !ascii.empty() && ascii.back() == 'u') ascii.back() = 'v';  // ü
      else if ((ch >= 0x0300 && ch <= 0x036F) || ch == ' ' || ch == '\'') continue;  // tone marks
      else return kNoReading;  // not transliterated
    }
    if (ascii.empty()) return kNoReading;
    auto it = ids_.find(ascii);
    if (it != ids_.end()) return it->second;
    const auto v = static_cast<uint32_t>(syllables_.size()) + kFirstId;
    syllables_.push_back(ascii);
    ids_.emplace(std::move(ascii), v);
    return v;
  }

  std::mutex mutex_;
  std::atomic<bool> available_{false};
  std::unique_ptr<icu::Transliterator> common_;
  std::unique_ptr<icu::Transliterator> names_;
  std::array<std::atomic<uint32_t>, kTableSize> common_table_{};
  std::array<std::atomic<uint32_t>, kTableSize> names_table_{};
  std::unordered_map<char32_t, uint32_t> rare_[2];
  std::vector<std::string> syllables_;
  std::unordered_map<std::string, uint32_t> ids_;
};

}  // namespace

bool is_name_separator(char32_t c) {
  return c == ' ' || c == 0x00B7 || c == 0x2022 || c == 0x2027 || c == 0x2219 || c == 0x22C5 ||
         c == 0x30FB || c == 0xFF65 || c == '.';
}

bool ensure_pinyin() { return Readings::instance().ensure(); }

std::u32string sounds_of(std::u32string_view chars, bool name) {
  Readings& readings = Readings::instance();
  const bool available = readings.available();
  std::u32string out;
  out.reserve(chars.size());
  bool first_han = true;
  for (char32_t c : chars) {
    if (is_name_separator(c)) continue;
    if (available && is_han(c)) {
      out.push_back(readings.token(c, name && first_han));
      first_han = false;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string syllable_text(char32_t token) { return Readings::instance().syllable(token); }

}  // namespace detail

bool pinyin_available() { return detail::ensure_pinyin(); }

std::string pinyin(std::string_view normalized_text, bool name) {
  detail::ensure_pinyin();
  const std::u32string chars = detail::normalize_u32(normalized_text);
  const std::u32string sounds = detail::sounds_of(chars, name);
  // Words: each syllable, and each run of other characters.
  std::string out;
  std::u32string run;
  auto word = [&out](const std::string& w) {
    if (!out.empty()) out += ' ';
    out += w;
  };
  auto flush = [&] {
    if (run.empty()) return;
    word(detail::to_utf8(run));
    run.clear();
  };
  for (char32_t t : sounds) {
    if (t >= detail::kSyllableBase) {
      flush();
      word(detail::syllable_text(t));
    } else {
      run.push_back(t);
    }
  }
  flush();
  return out;
}

}  // namespace powerdesk::dedupe
