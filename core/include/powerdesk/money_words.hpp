// Chinese uppercase money amounts (中文大写金额), as on a printed bill or
// cheque: 118.50 → 壹佰壹拾捌元伍角整. The integer part is spelled by ICU's
// rule-based number formatter (zh, %spellout-cardinal-financial); the 元角分
// form around it follows 《支付结算办法》 conventions.
#pragma once

#include <string>

#include "powerdesk/decimal.hpp"

namespace powerdesk {

// Negative amounts (refunds) are prefixed with 负. Zero is 零元整.
std::string money_to_chinese_uppercase(Money amount);

namespace detail {
// The same result spelled without ICU: used when the ICU data lacks the zh
// financial rules, and by tests to cross-check the ICU path.
std::string money_to_chinese_uppercase_without_icu(Money amount);
// Whether money_to_chinese_uppercase spells with ICU (so tests comparing the
// two paths are not comparing the fallback with itself).
bool money_words_use_icu();
}  // namespace detail

}  // namespace powerdesk
