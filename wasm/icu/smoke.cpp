// Smoke test for PowerDesk's ICU build (see docs/icu-wasm.md).
//
//   smoke DATFILE...   load each DATFILE with udata_setCommonData (the WASM way) and run
//                   every check against it;
//   smoke --system  use whatever data the ICU library was linked with (the native
//                   check against Debian's libicu-dev), no data file:
//     g++ -std=c++17 wasm/icu/smoke.cpp $(pkg-config --cflags --libs icu-i18n icu-uc) -o /tmp/smoke
//     /tmp/smoke --system
//
// Never calls u_init(): it wants converter alias data (cnvalias.icu) that the
// filtered data file does not ship. Exits 0 only if every check matches.
#include <unicode/brkiter.h>
#include <unicode/coll.h>
#include <unicode/currunit.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/numberformatter.h>
#include <unicode/rbnf.h>
#include <unicode/translit.h>
#include <unicode/udata.h>
#include <unicode/unistr.h>
#include <unicode/uvernum.h>

#include <chrono>
#include <initializer_list>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

namespace {

int failures = 0;

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void check(const char* name, UErrorCode status, const std::string& got, const std::string& want,
           double ms) {
  const bool ok = U_SUCCESS(status) && got == want;
  std::printf("%-4s %-10s got \"%s\" want \"%s\" (%s, %.1f ms)\n", ok ? "ok" : "FAIL", name,
              got.c_str(), want.c_str(), u_errorName(status), ms);
  if (!ok) ++failures;
}

// Reads the whole file into 16-byte-aligned memory that lives until exit
// (ICU keeps pointers into it). Returns nullptr on error.
const void* load_aligned(const char* path, long* size_out) {
  std::FILE* f = std::fopen(path, "rb");
  if (!f) return nullptr;
  std::fseek(f, 0, SEEK_END);
  const long size = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  const size_t rounded = (static_cast<size_t>(size) + 15) & ~static_cast<size_t>(15);
  void* mem = std::aligned_alloc(16, rounded > 0 ? rounded : 16);
  const bool ok = mem && std::fread(mem, 1, static_cast<size_t>(size), f) == static_cast<size_t>(size);
  std::fclose(f);
  if (!ok) {
    std::free(mem);
    return nullptr;
  }
  *size_out = size;
  return mem;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DATFILE... | --system\n", argv[0]);
    return 2;
  }
  std::printf("ICU %s, data: %s%s\n", U_ICU_VERSION, argv[1], argc > 2 ? " and more" : "");
  if (std::strcmp(argv[1], "--system") != 0) {
    UErrorCode status = U_ZERO_ERROR;
    // Never look for loose files or other .dat files on disk (with NODERAWFS that
    // would be real file system probes for every item the data files lack).
    udata_setFileAccess(UDATA_NO_FILES, &status);
    // Each file is one more block of common data; ICU searches them in turn.
    for (int i = 1; i < argc; ++i) {
      auto t0 = std::chrono::steady_clock::now();
      long size = 0;
      const void* data = load_aligned(argv[i], &size);
      if (!data) {
        std::fprintf(stderr, "cannot read %s\n", argv[i]);
        return 2;
      }
      udata_setCommonData(data, &status);
      if (U_FAILURE(status)) {
        std::fprintf(stderr, "udata_setCommonData(%s): %s\n", argv[i], u_errorName(status));
        return 2;
      }
      std::printf("loaded %s: %ld bytes (%.1f ms)\n", argv[i], size, ms_since(t0));
    }
  }

  // Locale-dependent checks run for "zh" and for "zh_CN" (an alias of zh_Hans_CN,
  // what a browser set to Chinese reports), so the alias/parent items are covered.
  for (const char* loc : {"zh", "zh_CN"}) {
    const icu::Locale locale(loc);
    const std::string tag = std::string("/") + loc;

    // 1. Number formatting (grouping and decimal symbols from the locale data).
    {
      auto t0 = std::chrono::steady_clock::now();
      UErrorCode status = U_ZERO_ERROR;
      icu::UnicodeString out = icu::number::NumberFormatter::withLocale(locale)
                                   .formatDouble(1234567.891, status)
                                   .toString(status);
      check(("number" + tag).c_str(), status, utf8(out), "1,234,567.891", ms_since(t0));
    }

    // 2. Currency: symbol and default fraction digits for CNY.
    {
      auto t0 = std::chrono::steady_clock::now();
      UErrorCode status = U_ZERO_ERROR;
      icu::CurrencyUnit cny(u"CNY", status);
      icu::UnicodeString out = icu::number::NumberFormatter::withLocale(locale)
                                   .unit(cny)
                                   .formatDouble(1234.5, status)
                                   .toString(status);
      check(("currency" + tag).c_str(), status, utf8(out), "¥1,234.50", ms_since(t0));
    }

    // 3. RBNF: Chinese financial numerals.
    {
      auto t0 = std::chrono::steady_clock::now();
      UErrorCode status = U_ZERO_ERROR;
      icu::RuleBasedNumberFormat rbnf(icu::URBNF_SPELLOUT, locale, status);
      icu::UnicodeString out;
      if (U_SUCCESS(status)) {
        icu::FieldPosition pos;
        rbnf.format(static_cast<int32_t>(118), icu::UnicodeString(u"%spellout-cardinal-financial"),
                    out, pos, status);
      }
      check(("rbnf" + tag).c_str(), status, utf8(out), "壹佰壹拾捌", ms_since(t0));
    }

    // 4. zh collation is pinyin: 李 (lǐ) < 张 (zhāng), the opposite of code point order.
    {
      auto t0 = std::chrono::steady_clock::now();
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::Collator> coll(icu::Collator::createInstance(locale, status));
      std::string got;
      if (U_SUCCESS(status) && coll) {
        const UCollationResult r =
            coll->compare(icu::UnicodeString(u"李"), icu::UnicodeString(u"张"), status);
        got = r == UCOL_LESS ? "李<张" : r == UCOL_GREATER ? "李>张" : "李=张";
      }
      check(("collate" + tag).c_str(), status, got, "李<张", ms_since(t0));
    }

    // 5. Grapheme clusters: a ZWJ family emoji is one user-perceived character.
    {
      auto t0 = std::chrono::steady_clock::now();
      UErrorCode status = U_ZERO_ERROR;
      std::unique_ptr<icu::BreakIterator> bi(icu::BreakIterator::createCharacterInstance(locale, status));
      int count = 0;
      if (U_SUCCESS(status) && bi) {
        const icu::UnicodeString s(u"👨\u200D👩\u200D👧");
        bi->setText(s);
        for (int32_t p = bi->next(); p != icu::BreakIterator::DONE; p = bi->next()) ++count;
      }
      check(("grapheme" + tag).c_str(), status, std::to_string(count), "1", ms_since(t0));
    }
  }

  // 6. NFKC (and NFKC_Casefold, whose data is shipped too).
  {
    auto t0 = std::chrono::steady_clock::now();
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    icu::UnicodeString out;
    if (U_SUCCESS(status)) out = nfkc->normalize(icu::UnicodeString(u"ＡＢＣ１２３"), status);
    check("nfkc", status, utf8(out), "ABC123", ms_since(t0));

    t0 = std::chrono::steady_clock::now();
    status = U_ZERO_ERROR;
    const icu::Normalizer2* cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    out.remove();
    if (U_SUCCESS(status)) out = cf->normalize(icu::UnicodeString(u"ＡＢＣ１２３"), status);
    check("nfkc_cf", status, utf8(out), "abc123", ms_since(t0));
  }

  // 7. Han -> Latin (pinyin with tone marks). The first instance compiles its
  // rules (slow); the second use shows the steady-state cost.
  {
    auto t0 = std::chrono::steady_clock::now();
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(
        icu::Transliterator::createInstance("Han-Latin", UTRANS_FORWARD, status));
    icu::UnicodeString s(u"张三");
    if (U_SUCCESS(status) && t) t->transliterate(s);
    check("han-latin", status, U_SUCCESS(status) ? utf8(s) : "", "zhāng sān", ms_since(t0));

    t0 = std::chrono::steady_clock::now();
    s = u"李四";
    if (U_SUCCESS(status) && t) t->transliterate(s);
    check("han-latin", status, U_SUCCESS(status) ? utf8(s) : "", "lǐ sì", ms_since(t0));

    // Compound ID: pinyin without tone marks, e.g. for search keys and slugs.
    t0 = std::chrono::steady_clock::now();
    status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> ascii(
        icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    s = u"张三";
    if (U_SUCCESS(status) && ascii) ascii->transliterate(s);
    check("han-ascii", status, U_SUCCESS(status) ? utf8(s) : "", "zhang san", ms_since(t0));
  }

  std::printf("%s\n", failures == 0 ? "smoke: all checks passed" : "smoke: FAILED");
  return failures == 0 ? 0 : 1;
}
