// Power factor (功率因数) arithmetic used by bills and, later, by quotes.
#pragma once

#include "powerdesk/decimal.hpp"

namespace powerdesk {

// cos φ = P / √(P² + Q²) rounded half-up to hundredths (0..100), computed
// exactly in integers. No energy at all counts as 1.00.
int power_factor_hundredths(Energy kwh, Energy kvarh);

// The adjustment: base × percent / 100, rounded once to the fen.
Money power_factor_adjustment(Money base, Ratio percent, Rounding mode);

}  // namespace powerdesk
