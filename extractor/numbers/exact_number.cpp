#include <array>
#include <cstdlib>
#include <limits>

#include "numbers/exact_arithmetic.h"
#include "numbers/numbers.h"

namespace kfacts {
namespace numbers_detail {

namespace {

constexpr u128 kMantissaLimit = pow10(kMaxDigits);  // mantissas stay below 10^38

// Removes trailing zeros of the fraction, so that equal values compare equal.
ExactNumber trimmed(ExactNumber x) {
    while (x.scale > 0 && x.mantissa % 10 == 0) {
        x.mantissa /= 10;
        --x.scale;
    }
    return x;
}

// Compares magnitudes of two normalised, representable numbers.
int compare_magnitude(ExactNumber a, ExactNumber b) {
    a = trimmed(a);
    b = trimmed(b);
    bool swapped = false;
    if (a.scale > b.scale) {
        std::swap(a, b);
        swapped = true;
    }
    // Bring a to b's scale; if that overflows, a is the larger one.
    const int shift = b.scale - a.scale;
    int result;
    if (shift > kMaxDigits) {  // b < 2^128 * 10^-(a.scale + 39) < 10^-a.scale
        result = a.mantissa != 0 ? 1 : (b.mantissa != 0 ? -1 : 0);
    } else if (b.mantissa < kMantissaLimit && a.mantissa >= pow10(kMaxDigits - shift)) {
        result = 1;  // a * 10^shift >= 10^38 > b
    } else if (a.mantissa > ~u128{0} / pow10(shift)) {
        result = 1;  // a * 10^shift >= 2^128 > b
    } else {
        const u128 am = a.mantissa * pow10(shift);
        result = am < b.mantissa ? -1 : (am > b.mantissa ? 1 : 0);
    }
    return swapped ? -result : result;
}

}  // namespace

bool fits(const ExactNumber& x) {
    if (x.scale < 0 || x.scale > kMaxDigits || x.mantissa >= kMantissaLimit) return false;
    const int integer_digits_limit = kMaxIntegerDigits + x.scale;
    return integer_digits_limit >= kMaxDigits || x.mantissa < pow10(integer_digits_limit);
}

bool scale_up(ExactNumber& x, int exponent) {
    if (x.scale < 0 || x.scale > kMaxDigits) return false;
    if (x.mantissa == 0) {
        x.scale = 0;
        return true;
    }
    if (x.scale >= exponent) {
        x.scale -= exponent;
        return fits(x);
    }
    const int shift = exponent - x.scale;
    if (shift > kMaxDigits || x.mantissa >= pow10(kMaxDigits - shift)) return false;
    x.mantissa *= pow10(shift);
    x.scale = 0;
    return fits(x);
}

bool add(ExactNumber& x, const ExactNumber& y) {
    if (!fits(x) || !fits(y)) return false;
    ExactNumber a = x, b = y;
    const int scale = a.scale > b.scale ? a.scale : b.scale;
    for (ExactNumber* n : {&a, &b}) {
        const int shift = scale - n->scale;
        if (n->mantissa >= pow10(kMaxDigits - shift)) return false;
        n->mantissa *= pow10(shift);
        n->scale = scale;
    }
    a.mantissa += b.mantissa;
    if (!fits(a)) return false;
    x = a;
    return true;
}

int compare(const ExactNumber& a, const ExactNumber& b) {
    const bool a_negative = a.negative && a.mantissa != 0;
    const bool b_negative = b.negative && b.mantissa != 0;
    if (a_negative != b_negative) return a_negative ? -1 : 1;
    const int magnitude = compare_magnitude(a, b);
    return a_negative ? -magnitude : magnitude;
}

ExactNumber integer(u128 value) {
    ExactNumber x;
    x.mantissa = value;
    return x;
}

std::string u128_to_string(u128 v) {
    char buffer[40];
    char* end = buffer + sizeof buffer;
    char* p = end;
    // Dividing a 128-bit number is a library call; most numbers fit in 64 bits.
    while (v > std::numeric_limits<std::uint64_t>::max()) {
        *--p = static_cast<char>('0' + static_cast<int>(v % 10));
        v /= 10;
    }
    auto low = static_cast<std::uint64_t>(v);
    do {
        *--p = static_cast<char>('0' + static_cast<int>(low % 10));
        low /= 10;
    } while (low != 0);
    return std::string(p, end);
}

}  // namespace numbers_detail

using namespace numbers_detail;

std::string ExactNumber::to_string() const {
    const ExactNumber x = trimmed(*this);
    std::string digits = u128_to_string(x.mantissa);
    if (x.scale > 0) {
        const std::size_t scale = static_cast<std::size_t>(x.scale);
        if (digits.size() <= scale) digits.insert(0, scale + 1 - digits.size(), '0');
        digits.insert(digits.size() - scale, 1, '.');
    }
    if (negative && x.mantissa != 0) digits.insert(0, 1, '-');
    return digits;
}

double ExactNumber::to_double() const {
    // A mantissa below 2^53 and a power of ten up to 10^22 are exact doubles,
    // and IEEE division rounds their exact quotient as strtod rounds the
    // decimal text: the same double, without writing and reading the text.
    // (Zero goes the long way: its text has no sign.)
    static constexpr std::array<double, 23> kExactPowersOfTen = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                                 1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                                                 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (mantissa != 0 && mantissa < (u128{1} << 53) && scale >= 0 &&
        static_cast<std::size_t>(scale) < kExactPowersOfTen.size()) {
        const double value = static_cast<double>(static_cast<std::uint64_t>(mantissa)) / kExactPowersOfTen[static_cast<std::size_t>(scale)];
        return negative ? -value : value;
    }
    return std::strtod(to_string().c_str(), nullptr);
}

bool ExactNumber::is_integer() const {
    if (scale <= 0) return true;
    if (scale > kMaxDigits) return mantissa == 0;  // any other mantissa is below 10^39
    return mantissa % pow10(scale) == 0;
}

bool operator==(const ExactNumber& a, const ExactNumber& b) { return compare(a, b) == 0; }

std::string_view number_kind_name(NumberKind kind) {
    switch (kind) {
        case NumberKind::quantity: return "quantity";
        case NumberKind::date: return "date";
        case NumberKind::time: return "time";
        case NumberKind::ordinal: return "ordinal";
    }
    return "unknown";
}

std::string_view bound_name(Bound bound) {
    switch (bound) {
        case Bound::none: return "none";
        case Bound::at_least: return "at_least";
        case Bound::at_most: return "at_most";
        case Bound::more_than: return "more_than";
        case Bound::less_than: return "less_than";
    }
    return "unknown";
}

}  // namespace kfacts
