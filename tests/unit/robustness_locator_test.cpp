// SourceLocator against the definition it must keep: line and column of a
// byte offset, code points counted as Python's "replace" decoding counts
// them, on random bytes that mix valid Hangul, ASCII, line ends and every
// kind of ill-formed UTF-8, across its internal block boundaries.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <tuple>

#include "base/span.h"

using namespace kfacts;

namespace {

// The definition: count the sequences of source[line start, offset) one by one.
SourcePosition naive_locate(std::string_view source, std::size_t offset) {
    offset = std::min(offset, source.size());
    std::size_t line = 1, line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (source[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    }
    const std::size_t col = count_code_points(source.substr(line_start, offset - line_start));
    return {line, col + 1, count_code_points(source.substr(0, line_start)) + col};
}

std::string random_text(std::mt19937& rng, std::size_t pieces, bool ill_formed) {
    static const char* const kValid[] = {"가", "한국어 ", "a", "bc ", "\n", "\r\n", "😀", "é", "  ", "\xE2\x80\x9C"};
    static const char* const kBroken[] = {"\xEA\xB0", "\x80", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                          "\xC0\xAF", "\xFF", "\xF0\x9F\x98", "\xC3"};
    std::string text;
    for (std::size_t k = 0; k < pieces; ++k) {
        if (ill_formed && rng() % 6 == 0) {
            text += kBroken[rng() % std::size(kBroken)];
        } else {
            text += kValid[rng() % std::size(kValid)];
        }
    }
    return text;
}

void check_every_offset(std::string_view text) {
    const SourceLocator locator(text);
    for (std::size_t offset = 0; offset <= text.size() + 1; ++offset) {
        const SourcePosition got = locator.locate(offset);
        const SourcePosition want = naive_locate(text, offset);
        INFO("offset " << offset << " of " << text.size());
        REQUIRE(got.line == want.line);
        REQUIRE(got.col == want.col);
        REQUIRE(got.char_offset == want.char_offset);
    }
}

}  // namespace

TEST_CASE("SourceLocator agrees with counting from the line start, valid UTF-8", "[robustness][locator]") {
    std::mt19937 rng(6);
    for (int round = 0; round < 40; ++round) check_every_offset(random_text(rng, 20 + rng() % 400, false));
}

TEST_CASE("SourceLocator told that valid UTF-8 is valid locates as when it checks", "[robustness][locator]") {
    std::mt19937 rng(11);
    for (int round = 0; round < 200; ++round) {
        const std::string text = random_text(rng, 1 + rng() % 300, false);
        const SourceLocator checking(text);
        const SourceLocator told(text, true);
        for (std::size_t offset = 0; offset <= text.size(); ++offset) {
            const SourcePosition a = checking.locate(offset);
            const SourcePosition b = told.locate(offset);
            REQUIRE(std::tie(a.line, a.col, a.char_offset) == std::tie(b.line, b.col, b.char_offset));
        }
    }
}

TEST_CASE("SourceLocator agrees with counting from the line start, ill-formed UTF-8", "[robustness][locator]") {
    std::mt19937 rng(7);
    for (int round = 0; round < 40; ++round) check_every_offset(random_text(rng, 20 + rng() % 400, true));
}

TEST_CASE("SourceLocator counts a span's end from its start as from the text's start", "[robustness][locator]") {
    std::mt19937 rng(13);
    for (int round = 0; round < 60; ++round) {
        const std::string text = random_text(rng, 1 + rng() % 300, round % 2 == 1);
        const SourceLocator locator(text);
        for (std::size_t start = 0; start <= text.size() + 1; ++start) {
            const SourcePosition at_start = locator.locate(start);
            for (std::size_t end = start; end <= start + 80 && end <= text.size() + 1; end += 1 + rng() % 7) {
                INFO("span " << start << ".." << end << " of " << text.size());
                REQUIRE(locator.char_offset_after(start, at_start, end) == naive_locate(text, end).char_offset);
            }
        }
    }
}

TEST_CASE("SourceLocator on a long line counts from the line start", "[robustness][locator]") {
    std::string text = "첫 줄\n";
    for (int k = 0; k < 5000; ++k) text += "가나다 abc ";
    text += "\xEA\xB0 끝";
    const SourceLocator locator(text);
    const std::size_t offset = text.size() - 4;  // at 끝's space
    const SourcePosition pos = locator.locate(offset);
    CHECK(pos.line == 2);
    CHECK(pos.col == 5000 * 8 + 1 + 1);
    CHECK(pos.char_offset == 4 + 5000 * 8 + 1);
    CHECK(locator.locate(text.size()).char_offset == naive_locate(text, text.size()).char_offset);
}

TEST_CASE("SourceLocator on empty input", "[robustness][locator]") {
    const SourceLocator locator("");
    CHECK(locator.locate(0).line == 1);
    CHECK(locator.locate(0).col == 1);
    CHECK(locator.locate(5).char_offset == 0);
}
