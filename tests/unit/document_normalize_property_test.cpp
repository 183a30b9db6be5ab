// Properties of normalize_text on generated inputs: whatever the mix of
// entities, jamo, full-width forms, line ends, BOMs, invalid bytes and
// invisible characters, every normalised code point maps back to original
// bytes that normalise to exactly it.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "document/normalized_text.h"

using namespace kfacts;

namespace {

const std::vector<std::string>& atoms() {
    static const std::vector<std::string> list = {
        "a", "Z", "7", " ", ".", "\n", "(", "'", "\"", "-",
        "가", "국", "각", "한", "\xEC\x9B\x90",                          // precomposed syllables
        "\xE1\x84\x80", "\xE1\x85\xA1", "\xE1\x86\xA8", "\xE1\x84\x92",  // conjoining jamo L V T L
        "ㄱ", "ㅏ",                                                      // compatibility jamo
        "&amp;", "&#x27;", "&#39;", "&quot;", "&lt;", "&nbsp;", "&NotEqualTilde;", "&#x301;", "&#x1161;",
        "&#0;", "&#99999999999;", "&#xD800;", "&bogus;", "&", "&#", "amp;", "#39;",
        "Ａ", "１", "㎏", "…", "ﬁ", "①", "\xC2\xA0", "\xC2\xB7", "\xE2\x80\x98", "\xE2\x80\x9C",
        "e", "\xCC\x81", "\xCC\xA3",                                     // combining acute, dot below
        "\r\n", "\r", "\xEF\xBB\xBF",                                    // CRLF, CR, BOM
        "\xE2\x80\x8B", "\xC2\xAD", "\xE2\x81\xA0", "\xE2\x80\x8D",      // zero width
        "\xE2\x80\xAE", "\xE2\x80\x8F", "\xE2\x81\xA6",                  // bidi
        std::string(1, '\0'),
        "\xFF", "\xC3", "\xE2\x82", "\xF0\x9F", "\xED\xA0\x80", "\x80",   // invalid
        "\xF0\x9F\x98\x80",                                               // emoji
    };
    return list;
}

std::string generate(std::mt19937& rng, std::size_t max_atoms) {
    std::uniform_int_distribution<std::size_t> length(0, max_atoms);
    std::uniform_int_distribution<std::size_t> pick(0, atoms().size() - 1);
    std::string s;
    for (std::size_t n = length(rng); n > 0; --n) s += atoms()[pick(rng)];
    return s;
}

bool is_valid_utf8(std::string_view s) {
    char32_t cp;
    bool valid = true;
    for (std::size_t i = 0; i < s.size() && valid;) i += utf8_sequence(s, i, cp, valid);
    return valid;
}

std::vector<std::size_t> code_point_starts(std::string_view s) {
    std::vector<std::size_t> starts;
    char32_t cp;
    bool valid;
    for (std::size_t i = 0; i < s.size();) {
        starts.push_back(i);
        i += utf8_sequence(s, i, cp, valid);
    }
    starts.push_back(s.size());
    return starts;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    std::string replaced;
    std::size_t rest = 0;
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, rest)) {
        replaced.append(s, rest, at - rest).append(to);
        rest = at + from.size();
    }
    s = replaced.append(s, rest);
}

// What normalize_text must produce, computed the slow way: decode, fold,
// drop, then NFKC over the whole text at once.
std::string reference_normalization(const std::string& source, std::size_t begin) {
    std::string body = source.substr(begin);
    if (begin == 0 && body.rfind("\xEF\xBB\xBF", 0) == 0) body.erase(0, 3);
    std::string s = decode_entities(body);
    replace_all(s, "\r\n", "\n");
    replace_all(s, "\r", "\n");
    replace_all(s, std::string_view("\0", 1), " ");
    for (const char* dropped : {"\xE2\x80\x8B", "\xE2\x80\x8C", "\xE2\x80\x8D", "\xE2\x81\xA0", "\xC2\xAD",
                                "\xEF\xBB\xBF", "\xE2\x80\x8E", "\xE2\x80\x8F", "\xE2\x80\xAA", "\xE2\x80\xAB",
                                "\xE2\x80\xAC", "\xE2\x80\xAD", "\xE2\x80\xAE", "\xE2\x81\xA6", "\xE2\x81\xA7",
                                "\xE2\x81\xA8", "\xE2\x81\xA9"})
        replace_all(s, dropped, "");
    UErrorCode status = U_ZERO_ERROR;
    std::string out;
    icu::Normalizer2::getNFKCInstance(status)->normalize(icu::UnicodeString::fromUTF8(s), status).toUTF8String(out);
    return out;
}

// [a, b) widened to whole replacement pieces: what its source bytes normalise to.
std::pair<std::size_t, std::size_t> widen(const OffsetMap& map, std::size_t a, std::size_t b) {
    for (const OffsetMap::Piece& p : map.pieces()) {
        if (!p.copy && p.norm_start < a && a < p.norm_end) a = p.norm_start;
        if (!p.copy && p.norm_start < b && b < p.norm_end) b = p.norm_end;
    }
    return {a, b};
}

void check_properties(const std::string& source, std::size_t begin, std::mt19937& rng) {
    std::vector<Diagnostic> diagnostics;
    const NormalizedText n = normalize_text(source, begin, source.size(), diagnostics);
    INFO("source: " << Catch::Detail::stringify(source) << " begin " << begin);
    INFO("text: " << Catch::Detail::stringify(n.text));

    REQUIRE(is_valid_utf8(n.text));
    REQUIRE(n.text == reference_normalization(source, begin));
    for (const char* gone : {"\r", "\xE2\x80\x8B", "\xC2\xAD", "\xE2\x80\xAE", "\xE2\x80\x8F", "\xEF\xBB\xBF"})
        REQUIRE(n.text.find(gone) == std::string::npos);
    REQUIRE(n.text.find('\0') == std::string::npos);

    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    REQUIRE(nfkc->isNormalized(icu::UnicodeString::fromUTF8(n.text), status));

    // The pieces tile the normalised text and climb through the source.
    std::size_t norm = 0, src = begin;
    for (const OffsetMap::Piece& p : n.map.pieces()) {
        REQUIRE(p.norm_start == norm);
        REQUIRE(p.source_start >= src);
        REQUIRE(p.source_end <= source.size());
        if (p.copy) REQUIRE(n.text.compare(p.norm_start, p.norm_end - p.norm_start, source, p.source_start,
                                           p.source_end - p.source_start) == 0);
        norm = p.norm_end;
        src = p.source_end;
    }
    REQUIRE(norm == n.text.size());
    for (const Diagnostic& d : diagnostics)
        if (d.span) REQUIRE((d.span->start >= begin && d.span->end <= source.size()));

    const auto renormalized = [&](std::size_t a, std::size_t b) {
        const ByteSpan span = n.to_source(a, b);
        std::vector<Diagnostic> ignored;
        return normalize_text(source, span.start, span.end, ignored).text;
    };
    const std::vector<std::size_t> starts = code_point_starts(n.text);
    for (std::size_t k = 0; k + 1 < starts.size(); ++k) {
        const auto [a, b] = widen(n.map, starts[k], starts[k + 1]);
        INFO("code point at " << starts[k]);
        REQUIRE(renormalized(starts[k], starts[k + 1]) == n.text.substr(a, b - a));
    }
    if (starts.size() > 2) {
        std::uniform_int_distribution<std::size_t> index(0, starts.size() - 1);
        for (int k = 0; k < 8; ++k) {
            std::size_t i = index(rng), j = index(rng);
            if (i > j) std::swap(i, j);
            if (i == j) continue;
            const auto [a, b] = widen(n.map, starts[i], starts[j]);
            INFO("range " << starts[i] << ".." << starts[j]);
            REQUIRE(renormalized(starts[i], starts[j]) == n.text.substr(a, b - a));
        }
    }
}

}  // namespace

TEST_CASE("every normalised code point maps back to bytes that normalise to it", "[document][normalize][property]") {
    std::mt19937 rng(20251230);
    for (int round = 0; round < 4000; ++round) {
        const std::string prefix = generate(rng, 3);
        const std::string source = prefix + generate(rng, 24);
        // Sometimes start after a prefix, as the body starts after front matter.
        check_properties(source, round % 3 == 0 ? prefix.size() : 0, rng);
    }
}

TEST_CASE("the seeds map back code point by code point", "[document][normalize][property]") {
    std::mt19937 rng(7);
    for (const char* name : {"000_fd57b762e0ac98e8", "001_15f6b37683b40829", "002_d8991b5d25716180",
                             "003_b882bdb92e705718", "004_909e29f04e392b0c"}) {
        std::ifstream in(std::string(KFACTS_SOURCE_DIR "/data/seeds/") + name + ".txt", std::ios::binary);
        REQUIRE(in);
        std::stringstream content;
        content << in.rdbuf();
        check_properties(content.str(), 0, rng);
    }
}
