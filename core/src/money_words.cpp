// Chinese uppercase money amounts (中文大写金额).
//
// Conventions (《支付结算办法》附件《正确填写票据和结算凭证的基本规定》):
//  - 整 after 元 when there are no 角/分, and after 角 when there is no 分
//    (optional there; we always write it so a printed amount cannot be
//    extended); never after 分.
//  - 零 after 元 when 角 is 0 and 分 is not (100.05 → 壹佰元零伍分). When only
//    the 元 digit is 0 and 角 is not, the rules allow either form; we write none
//    (1000.50 → 壹仟元伍角整), matching ICU's choice inside the integer, where
//    a zero 万 digit before a non-zero 千 digit also gets none (壹拾万柒仟).
//  - Below 1 元 the 元 is omitted (0.50 → 伍角整, 0.05 → 伍分): a leading
//    零元 says nothing. Zero itself is 零元整.
//  - 10–19 at the head of a number or section is 壹拾, not 拾: the bill form
//    writes every digit so that none can be added in front.
//  - Above 亿 we use the mainland form 万亿 / 亿亿, never 兆 or 京 (兆 is
//    10^6 in GB 3101 and 10^12 elsewhere; a bill must not be ambiguous).
//  - Refunds are prefixed with 负. The 人民币 prefix is the caller's layout.
#include "powerdesk/money_words.hpp"

#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <string>

namespace powerdesk {
namespace {

constexpr const char* kDigits[] = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
constexpr uint64_t kYi = 100'000'000;

// Digit by digit, in 4-digit sections. A zero is spoken (once) only when it
// sits between two spoken digits, and a section marker (万, 亿) absorbs the
// trailing zeros of its own section — which is what the bill rules ask for.
std::string spell_integer_by_hand(uint64_t n) {
  if (n == 0) return kDigits[0];
  constexpr const char* kInSection[] = {"", "拾", "佰", "仟"};
  int digits[20];
  int count = 0;
  for (uint64_t v = n; v != 0; v /= 10) digits[count++] = static_cast<int>(v % 10);
  std::string out;
  bool pending_zero = false;
  bool any_higher = false;  // a non-zero digit at or above the current position
  bool section_nonzero = false;
  for (int p = count - 1; p >= 0; --p) {
    const int d = digits[p];
    if (d == 0) {
      pending_zero = !out.empty();
    } else {
      if (pending_zero) out += kDigits[0];
      pending_zero = false;
      out += kDigits[d];
      out += kInSection[p % 4];
      any_higher = section_nonzero = true;
    }
    if (p % 4 == 0 && p > 0) {
      // 万 for odd sections when they hold a digit; 亿 at every 8-digit step
      // once anything above it is non-zero (so 10^12 is 壹万亿, 10^16 壹亿亿).
      const bool odd = (p / 4) % 2 == 1;
      if (odd ? section_nonzero : any_higher) {
        out += odd ? "万" : "亿";
        pending_zero = false;
      }
      section_nonzero = false;
    }
  }
  return out;
}

// ICU's zh %spellout-cardinal-financial (ICU 72 / CLDR 42) is right below
// 亿 except that it writes 10–19 as 拾…, 拾万… without the leading 壹. At and
// above 亿 its rules drop required zeros (100010000 → 壹亿壹万, 100100000 →
// 壹亿拾万) and switch to 兆 at 10^12. So ICU spells each 8-digit group and we
// join the groups with 亿 ourselves.
class IcuSpeller {
 public:
  // Null when the ICU data (for example a WASM data subset) lacks the zh
  // financial rules; callers then spell by hand. Exceptions are not used.
  static const IcuSpeller* get() {
    // Built once, thread-safe by static initialisation; it is never mutated
    // afterwards and the core is used single-threaded per instance.
    static const std::unique_ptr<IcuSpeller> instance = create();
    return instance.get();
  }

  std::string spell(uint64_t n) const {
    if (n < kYi) return group(n);
    std::string out = spell(n / kYi) + "亿";
    const uint64_t rest = n % kYi;
    if (rest == 0) return out;
    if (rest < kYi / 10) out += kDigits[0];  // the 千万 digit is 0
    return out + group(rest);
  }

 private:
  static std::unique_ptr<IcuSpeller> create() {
    UErrorCode status = U_ZERO_ERROR;
    auto speller = std::unique_ptr<IcuSpeller>(new IcuSpeller(status));
    if (U_FAILURE(status)) return nullptr;
    speller->format_.setDefaultRuleSet(u"%spellout-cardinal-financial", status);
    if (U_FAILURE(status)) return nullptr;
    // Data from another ICU/CLDR release could change the rules; a few probes
    // with zeros in and between sections and a leading 拾 catch that before
    // any bill does.
    for (uint64_t probe : {10'203'040'506ULL, 1'010'010'010ULL, 100'100'000ULL}) {
      if (speller->spell(probe) != spell_integer_by_hand(probe)) return nullptr;
    }
    return speller;
  }

  explicit IcuSpeller(UErrorCode& status)
      : format_(icu::URBNF_SPELLOUT, icu::Locale("zh"), status) {}

  std::string group(uint64_t n) const {
    icu::UnicodeString text;
    format_.format(static_cast<int64_t>(n), text);
    std::string out;
    text.toUTF8String(out);
    if (out.rfind("拾", 0) == 0) out.insert(0, "壹");
    return out;
  }

  icu::RuleBasedNumberFormat format_;
};

// The 元角分 frame around the spelled integer, shared by both spellers.
template <typename SpellInteger>
std::string compose(Money amount, SpellInteger spell_integer) {
  const int64_t units = amount.units();
  if (units == 0) return "零元整";
  // Unsigned magnitude, so INT64_MIN fen is spelled too.
  const uint64_t fen_total =
      units < 0 ? 0 - static_cast<uint64_t>(units) : static_cast<uint64_t>(units);
  const uint64_t yuan = fen_total / 100;
  const int jiao = static_cast<int>(fen_total / 10 % 10);
  const int fen = static_cast<int>(fen_total % 10);
  std::string out = units < 0 ? "负" : "";
  if (yuan != 0) out += spell_integer(yuan) + "元";
  if (jiao != 0) {
    out += std::string(kDigits[jiao]) + "角";
  } else if (fen != 0 && yuan != 0) {
    out += kDigits[0];
  }
  if (fen != 0) {
    out += std::string(kDigits[fen]) + "分";
  } else {
    out += "整";
  }
  return out;
}

}  // namespace

namespace detail {
std::string money_to_chinese_uppercase_without_icu(Money amount) {
  return compose(amount, spell_integer_by_hand);
}

bool money_words_use_icu() { return IcuSpeller::get() != nullptr; }
}  // namespace detail

std::string money_to_chinese_uppercase(Money amount) {
  const IcuSpeller* icu = IcuSpeller::get();
  if (icu == nullptr) return detail::money_to_chinese_uppercase_without_icu(amount);
  return compose(amount, [icu](uint64_t n) { return icu->spell(n); });
}

}  // namespace powerdesk
