#include <catch2/catch.hpp>

#include "base/span.h"

using namespace kfacts;

TEST_CASE("utf8_sequence follows the maximal-subpart rule", "[base]") {
    char32_t cp;
    bool valid;
    CHECK(utf8_sequence("\xEA\xB0\x80", 0, cp, valid) == 3);
    CHECK(valid);
    CHECK(cp == U'가');
    // Truncated 3-byte sequence: both bytes are one maximal subpart.
    CHECK(utf8_sequence("\xEA\xB0", 0, cp, valid) == 2);
    CHECK_FALSE(valid);
    // Overlong and surrogate lead-ins stop after the lead byte.
    CHECK(utf8_sequence("\xE0\x80\x80", 0, cp, valid) == 1);
    CHECK(utf8_sequence("\xED\xA0\x80", 0, cp, valid) == 1);
    CHECK(utf8_sequence("\xF4\x90\x80\x80", 0, cp, valid) == 1);
    CHECK(utf8_sequence("\xC0\xAF", 0, cp, valid) == 1);
    CHECK(utf8_sequence("\x80", 0, cp, valid) == 1);
}

TEST_CASE("count_code_points counts as Python's replace decoding does", "[base]") {
    CHECK(count_code_points("abc") == 3);
    CHECK(count_code_points("한국어") == 3);
    // b"\xe0\x80\x80".decode("utf-8", "replace") has three U+FFFD.
    CHECK(count_code_points("\xE0\x80\x80") == 3);
    // b"\xea\xb0a" -> U+FFFD, 'a'
    CHECK(count_code_points("\xEA\xB0" "a") == 2);
}

TEST_CASE("SourceLocator gives 1-based line and code-point column", "[base]") {
    const std::string text = "첫 줄\n둘째 줄에서 여기";
    SourceLocator loc(text);
    const auto at = text.find("여기");
    const auto pos = loc.locate(at);
    CHECK(pos.line == 2);
    CHECK(pos.col == 8);
    CHECK(pos.char_offset == 4 + 7);
    CHECK(loc.locate(0).line == 1);
    CHECK(loc.locate(0).col == 1);
}
