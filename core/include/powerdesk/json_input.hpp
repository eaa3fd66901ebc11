// Reading JSON input without losing a digit, and reading fields from it with
// JSON-pointer paths in every issue.
//
// nlohmann_json stores non-integers as double, which would turn 0.56328575 into
// a binary approximation. parse_json_exact() keeps each such number as its
// original text (a string value), so decimals are parsed exactly; integers stay
// integers. Field readers accept a decimal as a JSON number or a numeric string.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "powerdesk/calendar.hpp"
#include "powerdesk/decimal.hpp"
#include "powerdesk/issue.hpp"
#include "powerdesk/text.hpp"

namespace powerdesk {

using Json = nlohmann::json;

// Bounds every request reader applies to energy and power: absurd input is
// refused while the largest customers still fit.
inline constexpr Energy kMaxKwh = Energy::from_int(10'000'000'000);  // 10 TWh
inline constexpr Power kMaxPower = Power::from_int(100'000'000);    // 100 GW

// Maximum nesting accepted from outside (requests and packs are shallow).
inline constexpr int kMaxJsonDepth = 64;

Result<Json> parse_json_exact(std::string_view text);

std::string pointer_join(const std::string& base, std::string_view key);
// {"zh": …, "en": …}: how every response shows text for people.
Json bilingual_json(const Bilingual& text);
// {"document", "date", "note"?}: how every response cites a rule (no "note" when empty).
Json citation_json(const Citation& citation);
std::string pointer_join(const std::string& base, size_t index);

// Collects issues while reading one document; every getter reports the path.
class FieldReader {
 public:
  explicit FieldReader(Issues& sink) : issues_(sink) {}

  const Json* object(const Json& parent, std::string_view key, const std::string& path,
                     bool required);
  const Json* array(const Json& parent, std::string_view key, const std::string& path,
                    bool required);
  std::optional<std::string> string(const Json& parent, std::string_view key,
                                    const std::string& path, bool required);
  std::optional<bool> boolean(const Json& parent, std::string_view key, const std::string& path,
                              bool required);
  std::optional<int64_t> integer(const Json& parent, std::string_view key, const std::string& path,
                                 bool required, int64_t min, int64_t max);
  std::optional<Date> date(const Json& parent, std::string_view key, const std::string& path,
                           bool required);
  std::optional<Bilingual> bilingual(const Json& parent, std::string_view key,
                                     const std::string& path, bool required);

  // A decimal at scale S within [min, max] (inclusive), given as number or string.
  template <int S>
  std::optional<Fixed<S>> decimal(const Json& parent, std::string_view key,
                                  const std::string& path, bool required, Fixed<S> min,
                                  Fixed<S> max) {
    const Json* v = member(parent, key, path, required);
    if (!v) return std::nullopt;
    const std::string p = pointer_join(path, key);
    return decimal_value<S>(*v, p, min, max);
  }

  template <int S>
  std::optional<Fixed<S>> decimal_value(const Json& v, const std::string& p, Fixed<S> min,
                                        Fixed<S> max) {
    int64_t units = 0;
    if (!decimal_units(v, p, S, units)) return std::nullopt;
    const Fixed<S> x = Fixed<S>::from_units(units);
    if (x < min || x > max) {
      out_of_range(p, min.str(), max.str());
      return std::nullopt;
    }
    return x;
  }

  // Reports members of `obj` that are not in `known` (typos must not pass silently).
  void reject_unknown(const Json& obj, const std::string& path,
                      std::initializer_list<std::string_view> known);

  void add(Issue issue) { issues_.push_back(std::move(issue)); }
  Issues& issues() { return issues_; }

 private:
  const Json* member(const Json& parent, std::string_view key, const std::string& path,
                     bool required);
  bool decimal_units(const Json& v, const std::string& p, int scale, int64_t& units);
  void out_of_range(const std::string& p, const std::string& min, const std::string& max);
  void wrong_type(const std::string& p, std::string_view expected_zh, std::string_view expected_en);

  Issues& issues_;
};

}  // namespace powerdesk
