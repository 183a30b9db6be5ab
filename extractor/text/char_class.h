// Character classes for the tokenizer. ASCII and Hangul syllables, nearly
// all of a Korean news text, are classified without calling ICU; everything
// else asks ICU for its general category and script.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/span.h"

namespace kfacts::text {

enum class CharClass : std::uint8_t {
    space,
    newline,  // \n and the Unicode line and paragraph separators: a paragraph ends
    hangul,   // syllables and jamo
    latin,
    digit,    // ASCII digits only; other decimal digits count as letters
    han,      // Han, Hiragana, Katakana
    letter,   // a letter of any other script
    mark,     // combining marks and format characters: they join the preceding character
    quote,    // a quotation mark (see quote_mark)
    punct,    // punctuation and symbols
};

struct CodePoint {
    char32_t cp = 0;
    std::uint8_t length = 1;  // bytes
    CharClass cls = CharClass::punct;
};

CodePoint classify_non_ascii(std::string_view s, std::size_t i);

constexpr std::array<CharClass, 128> make_ascii_classes() {
    std::array<CharClass, 128> classes{};
    for (int c = 0; c < 128; ++c) {
        CharClass cls = CharClass::punct;
        if (c < 0x20 || c == 0x7F || c == ' ') cls = CharClass::space;  // few controls survive normalisation
        if (c == '\n') cls = CharClass::newline;
        if (c >= '0' && c <= '9') cls = CharClass::digit;
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) cls = CharClass::latin;
        if (c == '"' || c == '\'') cls = CharClass::quote;
        classes[static_cast<std::size_t>(c)] = cls;
    }
    return classes;
}

inline constexpr std::array<CharClass, 128> ascii_classes = make_ascii_classes();

// The code point at s[i] (i < s.size()) and its class.
inline CodePoint code_point_at(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) return {b0, 1, ascii_classes[b0]};
    if (b0 >= 0xEA && b0 <= 0xED && i + 2 < s.size()) {
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        const auto b2 = static_cast<unsigned char>(s[i + 2]);
        if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
            const char32_t cp = (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | (b2 & 0x3F);
            if (is_hangul_syllable(cp)) return {cp, 3, CharClass::hangul};
        }
    }
    return classify_non_ascii(s, i);
}

// The code point that ends at s[end] (exclusive), for looking one character back.
CodePoint code_point_before(std::string_view s, std::size_t end);

// Quotation marks come in families; a mark pairs only within its family.
enum class QuoteFamily : std::uint8_t {
    none,
    ascii_double,  // "   used for opening and closing alike
    ascii_single,  // '
    curly_double,  // “ ”
    curly_single,  // ‘ ’
    corner,        // 「 」
    white_corner,  // 『 』
    double_angle,  // 《 》
    angle,         // 〈 〉
    guillemet,     // « »
};

struct QuoteMark {
    QuoteFamily family = QuoteFamily::none;
    // For directional marks: which way the glyph points. Symmetric marks are both.
    bool can_open = false;
    bool can_close = false;
};

QuoteMark quote_mark(char32_t cp);

// Final consonant of a Hangul syllable, as the particle rules need it.
enum class SyllableFinal : std::uint8_t { vowel, rieul, consonant };

inline SyllableFinal syllable_final(char32_t syllable) {
    const unsigned jong = syllable_final_index(syllable);
    if (jong == 0) return SyllableFinal::vowel;
    if (jong == 8) return SyllableFinal::rieul;
    return SyllableFinal::consonant;
}

}  // namespace kfacts::text
