// Exact arithmetic on ExactNumber for the parsers: every operation either
// gives the exact result or says that it does not fit (kMaxIntegerDigits,
// 38 significant digits). Internal to the numbers stage.
#pragma once

#include <array>
#include <cstddef>
#include <string>

#include "numbers/numbers.h"

namespace kfacts::numbers_detail {

using u128 = unsigned __int128;

inline constexpr int kMaxDigits = 38;  // 10^38 < 2^128

namespace detail {
constexpr std::array<u128, kMaxDigits + 1> make_powers() {
    std::array<u128, kMaxDigits + 1> powers{};
    powers[0] = 1;
    for (int i = 1; i <= kMaxDigits; ++i) powers[i] = powers[i - 1] * 10;
    return powers;
}
inline constexpr std::array<u128, kMaxDigits + 1> kPowers = make_powers();
}  // namespace detail

// 10^n for n in 0..38.
constexpr u128 pow10(int n) { return detail::kPowers[static_cast<std::size_t>(n)]; }

// True when the value is representable: integer part below 10^kMaxIntegerDigits,
// mantissa below 10^38, scale within 0..38.
bool fits(const ExactNumber& x);

// x *= 10^exponent (exponent >= 0); false when the result does not fit.
bool scale_up(ExactNumber& x, int exponent);

// x += y for non-negative x and y; false when the result does not fit.
bool add(ExactNumber& x, const ExactNumber& y);

// -1, 0 or 1 as a < b, a == b, a > b (signs included).
int compare(const ExactNumber& a, const ExactNumber& b);

ExactNumber integer(u128 value);

// Decimal digits of v, no sign, no grouping.
std::string u128_to_string(u128 v);

}  // namespace kfacts::numbers_detail
