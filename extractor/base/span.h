// Byte spans into the original input, and the positions people and
// spreadsheets use (line, column, code-point offsets).
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kfacts {

// Half-open range of bytes [start, end) in the original input (the file, or
// the decoded `body` string of a JSON Lines record).
struct ByteSpan {
    std::size_t start = 0;
    std::size_t end = 0;

    std::size_t size() const { return end - start; }
    bool empty() const { return start == end; }
    friend bool operator==(const ByteSpan&, const ByteSpan&) = default;
};

// Where a byte offset is for a reader: 1-based line, 1-based column in code
// points, and the 0-based code-point offset from the start of the input.
struct SourcePosition {
    std::size_t line = 1;
    std::size_t col = 1;
    std::size_t char_offset = 0;
};

// Turns byte offsets of one input into SourcePositions. Code points are
// counted as Python's `bytes.decode("utf-8", "replace")` counts them: every
// maximal ill-formed subsequence is one replacement character. A position
// inside a sequence counts that sequence (the code points that start before
// it). Building is linear in the input; each locate() costs a binary search
// over the lines and a count over at most one block of bytes, however long
// the line.
class SourceLocator {
public:
    // `known_valid_utf8`: the caller has checked that the source is
    // well-formed UTF-8 (decoding does), so the locator need not check again.
    explicit SourceLocator(std::string_view source, bool known_valid_utf8 = false);
    SourcePosition locate(std::size_t byte_offset) const;
    // The code-point offset of `byte_offset`, given the position `from` of an
    // earlier byte offset `from_byte` (a span's start, for its end): in valid
    // UTF-8 a short span is counted alone, without a search over the lines.
    std::size_t char_offset_after(std::size_t from_byte, const SourcePosition& from, std::size_t byte_offset) const;

private:
    static constexpr std::size_t kBlockBytes = 64;
    // Number of code points (sequences) that start before `byte_offset`.
    std::size_t chars_before(std::size_t byte_offset) const;

    std::string_view source_;
    bool valid_utf8_ = true;                  // then every byte but a continuation byte starts a code point
    std::vector<std::size_t> line_starts_;    // byte offset of each line
    std::vector<std::size_t> line_chars_;     // code points before each line, so a column costs one count
    // Per block of kBlockBytes bytes, block k starting at byte k * kBlockBytes:
    // for valid UTF-8 the code points before the block; otherwise the first
    // sequence that starts in or after the block (block_sequence_starts_) and
    // the code points before that sequence.
    std::vector<std::size_t> block_chars_;
    std::vector<std::size_t> block_sequence_starts_;
};

// A precomposed Hangul syllable (가 … 힣), the unit of Korean words.
inline bool is_hangul_syllable(char32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }
// The final consonant of a Hangul syllable by its index among the 28 finals:
// 0 none, 1 ㄱ, 4 ㄴ, 8 ㄹ, 19 ㅅ, 20 ㅆ … 27 ㅎ.
inline unsigned syllable_final_index(char32_t syllable) { return (syllable - 0xAC00) % 28; }
// The bytes of a precomposed Hangul syllable in UTF-8.
inline constexpr std::size_t kSyllableBytes = 3;

// Whether `s`, well-formed UTF-8, is Hangul syllables only (and not empty).
bool is_hangul_syllable_run(std::string_view s);

// Whether every byte of `s` is ASCII (true for an empty string).
inline bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Whether s[i] starts a three-byte sequence that is well-formed whatever its
// two continuation bytes hold (a lead of E1..EC or EE..EF: all of Hangul),
// so that a scan of text known to be mostly Korean steps over it undecoded.
inline bool is_plain_three_byte_sequence(std::string_view s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    return byte(i) >= 0xE1 && byte(i) != 0xED && byte(i) <= 0xEF && i + 2 < s.size() &&
           (byte(i + 1) & 0xC0) == 0x80 && (byte(i + 2) & 0xC0) == 0x80;
}

// Length of the UTF-8 sequence at `s[i]`, following the "maximal subpart"
// rule of Unicode (chapter 3, U+FFFD substitution): 1..4 for a well-formed
// sequence; for an ill-formed one, the number of bytes one U+FFFD replaces.
// `valid` tells which it was; `cp` receives the code point (U+FFFD if ill-formed).
inline std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp, bool& valid) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b0 = byte(i);
    valid = false;
    cp = 0xFFFD;
    if (b0 < 0x80) {
        valid = true;
        cp = b0;
        return 1;
    }
    std::size_t need;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        if (b0 == 0xE0) lo = 0xA0;  // overlong
        if (b0 == 0xED) hi = 0x9F;  // surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        if (b0 == 0xF0) lo = 0x90;  // overlong
        if (b0 == 0xF4) hi = 0x8F;  // > U+10FFFF
    } else {
        return 1;  // continuation byte or never-valid lead byte
    }
    char32_t value = b0 & (0x3F >> need);
    for (std::size_t k = 1; k <= need; ++k) {
        if (i + k >= s.size()) return k;
        const unsigned char b = byte(i + k);
        const unsigned char min = k == 1 ? lo : 0x80;
        const unsigned char max = k == 1 ? hi : 0xBF;
        if (b < min || b > max) return k;  // maximal subpart ends before b
        value = (value << 6) | (b & 0x3F);
    }
    valid = true;
    cp = value;
    return need + 1;
}

// The Hangul syllable that `s` is, whole, or 0 when it is anything else.
inline char32_t hangul_syllable(std::string_view s) {
    if (s.size() != kSyllableBytes) return 0;
    char32_t cp;
    bool valid;
    return utf8_sequence(s, 0, cp, valid) == kSyllableBytes && valid && is_hangul_syllable(cp) ? cp : 0;
}

// Number of code points in `s`, ill-formed subsequences counting one each.
std::size_t count_code_points(std::string_view s);

// Whether `s` is well-formed UTF-8 throughout.
bool is_valid_utf8(std::string_view s);

void append_utf8(std::string& out, char32_t cp);

}  // namespace kfacts
