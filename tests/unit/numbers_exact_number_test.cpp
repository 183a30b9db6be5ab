#include <catch2/catch.hpp>

#include <cstdlib>
#include <cstring>
#include <random>

#include "numbers/numbers.h"

using namespace kfacts;

namespace {
ExactNumber exact(unsigned __int128 mantissa, int scale = 0, bool negative = false) {
    ExactNumber x;
    x.mantissa = mantissa;
    x.scale = scale;
    x.negative = negative;
    return x;
}
}  // namespace

TEST_CASE("ExactNumber::to_string writes the shortest exact decimal", "[numbers][exact]") {
    CHECK(exact(7203, 2).to_string() == "72.03");
    CHECK(exact(519000000000).to_string() == "519000000000");
    CHECK(exact(5, 1).to_string() == "0.5");
    CHECK(exact(5, 3).to_string() == "0.005");
    CHECK(exact(7230, 2).to_string() == "72.3");  // trailing zeros of the fraction go
    CHECK(exact(35000, 0).to_string() == "35000");  // integer zeros stay
    CHECK(exact(1000, 3).to_string() == "1");
    CHECK(exact(0).to_string() == "0");
    CHECK(exact(0, 4).to_string() == "0");
    CHECK(exact(35, 1, true).to_string() == "-3.5");
    CHECK(exact(0, 0, true).to_string() == "0");  // no negative zero
    CHECK(exact(1, 38).to_string() == "0.00000000000000000000000000000000000001");
    const unsigned __int128 ten_to_21 = static_cast<unsigned __int128>(1000000000000000000ULL) * 1000;
    CHECK(exact(ten_to_21).to_string() == "1000000000000000000000");
    CHECK(exact(~static_cast<unsigned __int128>(0)).to_string() == "340282366920938463463374607431768211455");
    // Either side of the 64-bit boundary, where the digits come from 64-bit division.
    const unsigned __int128 two_to_64 = static_cast<unsigned __int128>(1) << 64;
    CHECK(exact(two_to_64 - 1).to_string() == "18446744073709551615");
    CHECK(exact(two_to_64).to_string() == "18446744073709551616");
    CHECK(exact(two_to_64 * 10 + 7, 1).to_string() == "18446744073709551616.7");
}

TEST_CASE("ExactNumber compares values, not spellings", "[numbers][exact]") {
    CHECK(exact(723, 1) == exact(7230, 2));
    CHECK(exact(35000) == exact(350000, 1));
    CHECK_FALSE(exact(7203, 2) == exact(7230, 2));
    CHECK(exact(0, 0, true) == exact(0));
    CHECK_FALSE(exact(5, 0, true) == exact(5));
    CHECK_FALSE(exact(1, 38) == exact(0));
}

TEST_CASE("ExactNumber::to_double and is_integer", "[numbers][exact]") {
    CHECK(exact(7203, 2).to_double() == 72.03);
    CHECK(exact(519000000000).to_double() == 519000000000.0);
    CHECK(exact(35, 1, true).to_double() == -3.5);
    CHECK(exact(35000, 1).is_integer());
    CHECK_FALSE(exact(35001, 1).is_integer());
    CHECK(exact(0, 40).is_integer());
}

TEST_CASE("ExactNumber::to_double is strtod of its text bit for bit", "[numbers][exact]") {
    // Short mantissas and scales take a division instead of the text; both
    // must round alike, for every size of mantissa and scale on each side of
    // where the division stops being exact.
    std::mt19937_64 random(20261207);
    for (int i = 0; i < 200000; ++i) {
        const int bits = static_cast<int>(random() % 64) + 1;
        const std::uint64_t mantissa = bits == 64 ? random() : random() & ((std::uint64_t{1} << bits) - 1);
        const ExactNumber x = exact(mantissa, static_cast<int>(random() % 30), random() % 2 == 0);
        const double expected = std::strtod(x.to_string().c_str(), nullptr);
        const double got = x.to_double();
        INFO(x.to_string());
        CHECK(std::memcmp(&expected, &got, sizeof(double)) == 0);
    }
}
