#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "numbers/numbers.h"
#include "numbers_test_support.h"

using namespace kfacts;
using u128 = unsigned __int128;

namespace {

std::string parsed(std::string_view text) {
    const auto value = parse_korean_number(text);
    return value ? value->to_string() : "none";
}

u128 power_of_ten(int n) {
    u128 p = 1;
    while (n-- > 0) p *= 10;
    return p;
}

// A random integer below 10^24 with its four-digit groups often zero
// (1억, 1조 2000억), so that skipped groups are exercised.
u128 random_integer(std::mt19937& random) {
    const int groups = std::uniform_int_distribution<int>(1, 6)(random);
    u128 value = 0;
    for (int g = 0; g < groups; ++g) {
        const bool zero = std::uniform_int_distribution<int>(0, 3)(random) == 0;
        value = value * 10000 + (zero ? 0 : std::uniform_int_distribution<unsigned>(0, 9999)(random));
    }
    return value;
}

// The number (below 10^20) spelled out the Sino-Korean way: 1123 -> 천백이십삼, 10000 -> 일만.
std::string spell_sino(u128 value) {
    static const char* const kDigits[] = {"", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"};
    static const char* const kSmall[] = {"", "십", "백", "천"};
    static const char* const kBig[] = {"", "만", "억", "조", "경"};
    std::string out;
    for (int big = 4; big >= 0; --big) {
        const unsigned group = static_cast<unsigned>(value / power_of_ten(4 * big) % 10000);
        if (group == 0) continue;
        for (int small = 3; small >= 0; --small) {
            const unsigned digit = group / static_cast<unsigned>(power_of_ten(small)) % 10;
            if (digit == 0) continue;
            if (digit != 1 || small == 0 || group == 1) out += kDigits[digit];
            out += kSmall[small];
        }
        out += kBig[big];
    }
    return out;
}

}  // namespace

TEST_CASE("parse_korean_number reads one number the Korean way", "[numbers][parse]") {
    CHECK(parsed("5190억") == "519000000000");
    CHECK(parsed("1조 2천억") == "1200000000000");
    CHECK(parsed("1조2000억") == "1200000000000");
    CHECK(parsed("2,360억") == "236000000000");
    CHECK(parsed("3.5만") == "35000");
    CHECK(parsed("2억5천만") == "250000000");
    CHECK(parsed("1.2만345") == "12345");
    CHECK(parsed("3만 5000") == "35000");
    CHECK(parsed("칠천십이억삼천구백팔십만천백이십삼") == "701239801123");
    CHECK(parsed("삼십삼") == "33");
    CHECK(parsed("만") == "10000");
    CHECK(parsed("이") == "2");
    CHECK(parsed("500B") == "500000000000");
    CHECK(parsed("1.5T") == "1500000000000");
    CHECK(parsed("175 billion") == "175000000000");
    CHECK(parsed("72.03") == "72.03");
    CHECK(parsed("-3.5") == "-3.5");
    CHECK(parsed("100000경") == "1000000000000000000000");
}

TEST_CASE("parse_korean_number refuses what is not exactly one number", "[numbers][parse]") {
    CHECK(parsed("") == "none");
    CHECK(parsed("억") == "none");
    CHECK(parsed("5개") == "none");
    CHECK(parsed("1조 2천억원") == "none");
    CHECK(parsed("1,2,3,4") == "none");
    CHECK(parsed("1만12345") == "none");
    CHECK(parsed("A100") == "none");
    CHECK(parsed("5 ") == "none");
    CHECK(parsed("일이삼") == "none");
    CHECK(parsed("999999999999999999조") == "none");  // 10^30: out of range, not rounded
    CHECK(parsed(std::string(10000, '9')) == "none");
    CHECK(parsed("0." + std::string(50, '0') + "1") == "none");
}

TEST_CASE("format_korean_number groups by four digits", "[numbers][parse]") {
    CHECK(format_korean_number(0) == "0");
    CHECK(format_korean_number(7) == "7");
    CHECK(format_korean_number(10000) == "1만");
    CHECK(format_korean_number(1234567890) == "12억3456만7890");
    CHECK(format_korean_number(100000000) == "1억");
    CHECK(format_korean_number(100000001) == "1억1");
    CHECK(format_korean_number(519000000000) == "5190억");
    CHECK(format_korean_number(1200000000000) == "1조2000억");
    CHECK(format_korean_number(power_of_ten(16)) == "1경");
    CHECK(format_korean_number(power_of_ten(21)) == "100000경");
}

TEST_CASE("formatting then parsing gives the number back", "[numbers][parse][property]") {
    std::mt19937 random(20251229);
    const QuantityFinder finder = QuantityFinder::load(testing::kRulesDir);
    for (int i = 0; i < 5000; ++i) {
        const u128 value = random_integer(random);
        ExactNumber expected;
        expected.mantissa = value;
        const std::string korean = format_korean_number(value);
        const std::string spelled = spell_sino(value);
        INFO(korean << " / " << spelled << " / " << expected.to_string());
        const auto from_digits = parse_korean_number(korean);
        REQUIRE(from_digits);
        CHECK(*from_digits == expected);
        if (value != 0 && value < power_of_ten(20)) {  // spelled numbers stop below 10^20 (만 of 경)
            const auto from_spelled = parse_korean_number(spelled);
            REQUIRE(from_spelled);
            CHECK(*from_spelled == expected);
        }
        // The finder reads the same number in a sentence, with its unit.
        const std::string sentence = "총 " + korean + "원을 투자했다";
        std::vector<Diagnostic> diagnostics;
        const auto found = finder.find(sentence, diagnostics);
        REQUIRE(found.size() == 1);
        CHECK(found[0].value == expected);
        CHECK(found[0].unit == "원");
        CHECK(diagnostics.empty());
    }
}
