// NameIndex against its definition: a name matches when the match keys
// (ASCII lower-cased, separators removed) of the name and of the tokens are
// the same bytes; the longest match ending at a token end wins. Random names
// mix Hangul, Latin, separators and ill-formed bytes.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "rules/name_index.h"

using namespace kfacts;

namespace {

std::string random_name(std::mt19937& rng) {
    static const char* const kPieces[] = {"가", "나", "한국", "A", "x", "K1", "-", ".", " ", "_", "\xEA\xB0", "\xB0",
                                          "\xFF", "엑사원", "GPT", "oss"};
    std::string name;
    const std::size_t pieces = 1 + rng() % 4;
    for (std::size_t k = 0; k < pieces; ++k) name += kPieces[rng() % std::size(kPieces)];
    return name;
}

// A few random names made of `pieces`, and text of 30 pieces split into
// tokens at spaces: what the random tests of the first-character checks
// compare with longest_match.
struct RandomNamesAndText {
    NameIndex names;
    NormalizedText text;
    TokenizedText tokens;
};

template <std::size_t N>
RandomNamesAndText random_names_and_text(std::mt19937& rng, const char* const (&pieces)[N]) {
    RandomNamesAndText r;
    for (std::uint32_t v = 0; v < 1 + rng() % 6; ++v) {
        std::string name;
        for (std::size_t k = 0; k < 1 + rng() % 3; ++k) name += pieces[rng() % N];
        r.names.add(name, v);
    }
    for (int k = 0; k < 30; ++k) r.text.text += pieces[rng() % N];
    for (std::size_t i = 0; i < r.text.text.size();) {
        if (r.text.text[i] == ' ') {
            ++i;
            continue;
        }
        Token t;
        t.norm_start = i;
        while (i < r.text.text.size() && r.text.text[i] != ' ') ++i;
        t.norm_end = i;
        r.tokens.tokens.push_back(t);
    }
    return r;
}


// Checks a quick test of whether a name may start at a token (`may_start`,
// asked with the index, the text and the token) against longest_match on
// 200 random texts: it may say yes where no name starts, never no where one
// does. Returns how often it said no.
template <std::size_t N, typename MayStart>
std::size_t rejections_beside_longest_match(unsigned seed, const char* const (&pieces)[N], MayStart may_start) {
    std::mt19937 rng(seed);
    std::size_t rejected = 0;
    for (int round = 0; round < 200; ++round) {
        const auto [names, text, tokens] = random_names_and_text(rng, pieces);
        for (std::size_t first = 0; first < tokens.tokens.size(); ++first) {
            NameMatch match;
            const bool may = may_start(names, text, tokens.tokens[first]);
            INFO(text.text << " at token " << first);
            if (names.longest_match(text, tokens, first, tokens.tokens.size(), match)) REQUIRE(may);
            if (!may) ++rejected;
        }
    }
    return rejected;
}

}  // namespace

TEST_CASE("NameIndex::find is a lookup of the match key", "[robustness][names]") {
    std::mt19937 rng(11);
    NameIndex index;
    std::map<std::string, std::uint32_t> by_key;
    for (std::uint32_t v = 0; v < 300; ++v) {
        const std::string name = random_name(rng);
        index.add(name, v);
        const std::string key = match_key(name);
        if (!key.empty()) by_key.emplace(key, v);  // the first value of a key stays
    }
    for (int probe = 0; probe < 3000; ++probe) {
        const std::string name = random_name(rng);
        const auto it = by_key.find(match_key(name));
        std::uint32_t value = 0;
        INFO("name of " << name.size() << " bytes");
        REQUIRE(index.find(name, value) == (it != by_key.end()));
        if (it != by_key.end()) REQUIRE(value == it->second);
    }
    // A separator between broken bytes joins them into one character of the key.
    NameIndex joined;
    joined.add("가", 7);
    std::uint32_t value = 0;
    CHECK(joined.find("\xEA-\xB0\x80", value));
    CHECK(value == 7);
}

TEST_CASE("NameIndex::longest_match ends at the longest name that ends a token", "[robustness][names]") {
    NameIndex index;
    index.add("SK텔레콤", 1);
    index.add("A.X K1", 2);
    index.add("A.X", 3);
    index.add("KT", 4);

    NormalizedText text;
    text.text = "sk텔레콤 AX K1 KTX kt";
    TokenizedText tokens;
    // sk텔레콤 | AX | K1 | KTX | kt
    for (const auto& [start, end] : std::vector<std::pair<std::size_t, std::size_t>>{
             {0, 11}, {12, 14}, {15, 17}, {18, 21}, {22, 24}}) {
        Token t;
        t.norm_start = start;
        t.norm_end = end;
        tokens.tokens.push_back(t);
    }
    NameMatch match;
    REQUIRE(index.longest_match(text, tokens, 0, tokens.tokens.size(), match));
    CHECK(match.value == 1);
    CHECK(match.end_token == 1);
    REQUIRE(index.longest_match(text, tokens, 1, tokens.tokens.size(), match));
    CHECK(match.value == 2);  // A.X K1 over A.X: the separators between tokens are skipped
    CHECK(match.end_token == 3);
    REQUIRE(index.longest_match(text, tokens, 1, 2, match));
    CHECK(match.value == 3);  // the limit cuts K1 off
    CHECK_FALSE(index.longest_match(text, tokens, 3, tokens.tokens.size(), match));  // KT is not in KTX
    REQUIRE(index.longest_match(text, tokens, 4, tokens.tokens.size(), match));
    CHECK(match.value == 4);
    CHECK_FALSE(NameIndex().longest_match(text, tokens, 0, tokens.tokens.size(), match));

    // `...` before a name is a token of its own, and no part of the name.
    NormalizedText dotted;
    dotted.text = "...KT";
    TokenizedText dotted_tokens;
    for (const auto& [start, end] : std::vector<std::pair<std::size_t, std::size_t>>{{0, 3}, {3, 5}}) {
        Token t;
        t.norm_start = start;
        t.norm_end = end;
        dotted_tokens.tokens.push_back(t);
    }
    CHECK_FALSE(index.longest_match(dotted, dotted_tokens, 0, 2, match));
    REQUIRE(index.longest_match(dotted, dotted_tokens, 1, 2, match));
    CHECK(match.value == 4);
}

TEST_CASE("NameIndex::may_start_with is false only where no name starts", "[robustness][names]") {
    const auto may_start_at = [](const NameIndex& index, std::string_view text, std::size_t pos) {
        return index.may_start_with(NameIndex::first_char_key(text, pos));
    };
    NameIndex index;
    CHECK(index.add("SK텔레콤", 1) == NameIndex::first_char_key("sk텔레콤", 0));  // add tells the key it set
    CHECK(index.add("-A.X", 2) == NameIndex::first_char_key("a", 0));
    CHECK(index.add(" .-", 3) == NameIndex::kNoFirstChar);  // separators alone: no name
    CHECK(may_start_at(index, "sk텔레콤", 0));
    CHECK(may_start_at(index, ". a", 0));  // separators skipped, ASCII lower-cased
    CHECK_FALSE(may_start_at(index, "KT", 0));
    CHECK_FALSE(may_start_at(index, "텔레콤", 0));
    CHECK_FALSE(may_start_at(index, "sk -", 3));
    CHECK_FALSE(may_start_at(NameIndex(), "SK", 0));

    // Against longest_match, on random well-formed text split into tokens at spaces.
    static const char* const kPieces[] = {"가", "나", "한국", "A", "x", "K1", "-", ".", " ", "_", "엑사원", "GPT", "oss", "é"};
    const std::size_t rejected =
        rejections_beside_longest_match(5, kPieces, [&](const NameIndex& names, const NormalizedText& text, const Token& token) {
            return may_start_at(names, text.text, token.norm_start);
        });
    CHECK(rejected > 200);  // and it does reject
}

TEST_CASE("NameIndex::starts_name is false only where longest_match finds nothing", "[robustness][names]") {
    NameIndex index;
    index.add("SK텔레콤", 1);
    index.add("A.X K1", 2);
    CHECK(index.starts_name("SK"));
    CHECK(index.starts_name("sk텔레콤"));
    CHECK(index.starts_name("A.X"));  // separators skipped, as in the key
    CHECK_FALSE(index.starts_name("SKT"));
    CHECK_FALSE(index.starts_name("-."));  // separators alone start no name
    CHECK_FALSE(NameIndex().starts_name("SK"));

    // Against longest_match, on random text (ill-formed bytes too) split into tokens at spaces.
    static const char* const kPieces[] = {"가", "나", "한국", "A", "x", "K1", "-", ".", " ", "_", "엑사원", "GPT", "\xEA", "\xB0"};
    const std::size_t rejected =
        rejections_beside_longest_match(7, kPieces, [](const NameIndex& names, const NormalizedText& text, const Token& token) {
            return names.starts_name(token.text(text));
        });
    CHECK(rejected > 200);  // and it does reject
}

TEST_CASE("NameIndex::first_char_key asked from the right agrees with asking at each start", "[robustness][names]") {
    // Long runs of separators between characters, and at the end: what a line
    // of dashes or of '. ' gives, where each separator is a unit of its own.
    std::string text = "-- a";
    for (int k = 0; k < 3000; ++k) text += "-";
    text += "Kt";
    for (int k = 0; k < 2000; ++k) text += ". ";
    text += "한국_\t…";
    for (int k = 0; k < 1000; ++k) text += "_";
    for (const std::size_t step : {std::size_t{1}, std::size_t{7}}) {
        std::vector<std::size_t> starts;
        for (std::size_t pos = 0; pos < text.size(); pos += step) starts.push_back(pos);
        std::size_t next = text.size();
        std::uint16_t next_key = NameIndex::kNoFirstChar;
        for (std::size_t i = starts.size(); i-- > 0;) {
            next_key = NameIndex::first_char_key(text, starts[i], next, next_key);
            next = starts[i];
            INFO("step " << step << ", offset " << starts[i]);
            REQUIRE(next_key == NameIndex::first_char_key(text, starts[i]));
        }
    }
    CHECK(NameIndex::first_char_key(text, 0) == NameIndex::first_char_key("a", 0));
    CHECK(NameIndex::first_char_key(text, 5) == NameIndex::first_char_key("k", 0));
    CHECK(NameIndex::first_char_key(text, text.size() - 1) == NameIndex::kNoFirstChar);
}

TEST_CASE("NameIndex refuses a name past its node limit and keeps what it holds", "[robustness][names]") {
    // An edge packs parent, step and child into one word: 2^21 nodes at most.
    NameIndex index;
    index.add("kt", 1);
    std::string long_name;
    for (std::size_t i = 0; i < (std::size_t{1} << 21); ++i) long_name += static_cast<char>('a' + i % 26);
    CHECK_THROWS_AS(index.add(long_name, 2), std::length_error);
    std::uint32_t value = 0;
    CHECK(index.find("KT", value));
    CHECK(value == 1);
    // Below the limit every node is reachable: a name of 2^20 characters is found whole.
    NameIndex large;
    const std::string half(long_name, 0, std::size_t{1} << 20);
    large.add(half, 3);
    CHECK(large.find(half, value));
    CHECK(value == 3);
    CHECK_FALSE(large.find(half.substr(0, half.size() - 1), value));
}
