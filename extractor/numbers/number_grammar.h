// The grammar of one written number, without context: Arabic digits with
// thousands separators and a decimal point, the Sino-Korean digits and
// multipliers (일..구, 십 백 천, 만 억 조 경) alone or mixed with digits, and
// English scales (500B, 175 billion). These are the number system itself, so
// they are built in; the words around numbers are tables in rules/numbers/.
// Internal to the numbers stage.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "base/span.h"
#include "numbers/numbers.h"

namespace kfacts::numbers_detail {

// The code point of the three-byte UTF-8 sequence at s[i], or 0 if there is none
// (every Hangul syllable is three bytes long).
inline char32_t three_byte_char_at(std::string_view s, std::size_t i) {
    if (i + 3 > s.size()) return 0;
    const auto b0 = static_cast<unsigned char>(s[i]);
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
    return (char32_t{b0 & 0x0Fu} << 12) | (char32_t{b1 & 0x3Fu} << 6) | char32_t{b2 & 0x3Fu};
}

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
inline bool is_ascii_alnum(char c) { return is_ascii_digit(c) || is_ascii_letter(c); }

// A Sino-Korean numeral syllable: a digit 1..9, or a multiplier with its
// exponent (십 1, 백 2, 천 3 are small; 만 4, 억 8, 조 12, 경 16 are big).
struct SinoNumeral {
    int digit = 0;
    int exponent = 0;
    bool is_digit() const { return digit != 0; }
    bool is_small_multiplier() const { return exponent >= 1 && exponent <= 3; }
    bool is_big_multiplier() const { return exponent >= 4; }
};

SinoNumeral sino_numeral(char32_t c);
inline SinoNumeral sino_numeral_at(std::string_view s, std::size_t i) {
    return sino_numeral(three_byte_char_at(s, i));
}

// The characters of the Sino-Korean numerals, for building patterns.
std::string_view sino_digit_chars();       // "일이삼사오육칠팔구"
std::string_view sino_multiplier_chars();  // "십백천만억조경"

// One number read from s[pos]: digits and numerals with their multipliers.
struct NumberCore {
    std::size_t end = 0;  // just after the number and its English scale
    ExactNumber value;
    bool out_of_range = false;  // too large or too precise to be exact
    bool bad_grouping = false;  // 1,2,3,4: commas that do not separate thousands
    bool has_digits = false;    // written with Arabic digits
    int syllables = 0;      // Hangul numeral syllables read (3.5만 has one)
    int big_exponent = 0;   // largest of 만 억 조 경 written (4..16), 0 if none
    int big_groups = 0;     // how many of 만 억 조 경 were written
    int scale_exponent = 0; // English scale: 9 for B and billion, 0 if none
    // Offset of the multiplier syllable the number ends with, if it ends with one.
    std::optional<std::size_t> final_multiplier_at;
    // 3만 5000: a last group after a space belongs to the number only where a
    // unit follows it (3만 5000명). value and end include it.
    struct SpacedTail {
        ExactNumber value;
        std::size_t end = 0;
    };
    std::optional<SpacedTail> spaced_tail;
};

// Reads the longest number at s[pos] (an Arabic digit or a Sino-Korean
// numeral); nullopt if there is none. Never reads past s.size(): callers cut s
// to stop a number early.
std::optional<NumberCore> parse_number_core(std::string_view s, std::size_t pos);

}  // namespace kfacts::numbers_detail
