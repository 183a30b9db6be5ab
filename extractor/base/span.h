// Byte spans into the original input, and the positions people and
// spreadsheets use (line, column, code-point offsets).
#pragma once

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
// maximal ill-formed subsequence is one replacement character.
class SourceLocator {
public:
    explicit SourceLocator(std::string_view source);
    SourcePosition locate(std::size_t byte_offset) const;

private:
    std::string_view source_;
    std::vector<std::size_t> line_starts_;       // byte offset of each line
    std::vector<std::size_t> line_char_starts_;  // code-point offset of each line
};

// Length of the UTF-8 sequence at `s[i]`, following the "maximal subpart"
// rule of Unicode (chapter 3, U+FFFD substitution): 1..4 for a well-formed
// sequence; for an ill-formed one, the number of bytes one U+FFFD replaces.
// `valid` tells which it was; `cp` receives the code point (U+FFFD if ill-formed).
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp, bool& valid);

// Number of code points in `s`, ill-formed subsequences counting one each.
std::size_t count_code_points(std::string_view s);

void append_utf8(std::string& out, char32_t cp);

}  // namespace kfacts
