// Matching names on tokens: a byte trie over match keys, walked from token
// starts. One RE2 alternation over thousands of names would blow RE2's memory
// budget and crawl; a trie walk costs a few steps per token.
#pragma once

#include <algorithm>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace kfacts {

// The key a name is matched by: ASCII lower-cased, with spaces, hyphens, dots
// and underscores removed, so `솔라-오픈-100B`, `솔라 오픈 100B` and
// `Solar Open 100B`'s Korean spelling meet, and `A.X K1` meets `AX K1`.
std::string match_key(std::string_view name);
inline bool is_key_separator(unsigned char c) {
    return c == ' ' || c == '-' || c == '.' || c == '_' || c == '\t';
}

// A found name: tokens [first_token, end_token) and the value it names.
struct NameMatch {
    std::size_t first_token = 0;
    std::size_t end_token = 0;
    std::uint32_t value = 0;
};

// A trie over the code points of match keys (one step per Hangul syllable,
// not three); bytes that are no well-formed UTF-8 are steps of their own, so
// that any byte string has a key. Edges live in one open-addressing table.
class NameIndex {
public:
    // Adds a name for `value`; a name added twice keeps the first value.
    // Returns the first_char_key of the name (kNoFirstChar for a name of
    // separators alone, which is not added).
    std::uint16_t add(std::string_view name, std::uint32_t value);
    bool empty() const { return values_.size() <= 1; }

    // Longest match starting at token `first`, ending at the end of a token
    // (a name never ends inside a word: `KT` is not found in `KTX`). Matches do
    // not cross `limit_token`, and start at no token of separators alone.
    bool longest_match(const NormalizedText& text, const TokenizedText& tokens,
                       std::size_t first, std::size_t limit_token, NameMatch& match) const;

    // Exact lookup of a whole name (after match_key).
    bool find(std::string_view name, std::uint32_t& value) const;
    // Whether the key of `token` (a token's whole text) starts some name's
    // key. Where it does not, longest_match finds nothing from a token of
    // that text, whatever follows it: a question of the text alone, which a
    // caller may keep for words that recur.
    bool starts_name(std::string_view token) const;

    // Whether a name may start at text[pos], in two steps, for callers that
    // ask at every unit, of several indexes, again and again: the key of the
    // first character at text[pos] (separators skipped, kNoFirstChar at the
    // end), then a bit test, false where no name starts with that character.
    static constexpr std::uint16_t kNoFirstChar = 0xFFFF;
    static std::uint16_t first_char_key(std::string_view text, std::size_t pos) {
        return first_char_key(text, pos, text.size(), kNoFirstChar);
    }
    // The same, knowing the key at a later offset `next` (pos <= next): only
    // separators before `next` are read. Asked from the right, each start
    // knowing the key of the start after it, a run of separators (a line of
    // dashes) is read once, not once for every start in it.
    static std::uint16_t first_char_key(std::string_view text, std::size_t pos, std::size_t next,
                                        std::uint16_t next_key) {
        while (pos < next && is_key_separator(static_cast<unsigned char>(text[pos]))) ++pos;
        return pos < next ? static_cast<std::uint16_t>(first_char_bit(text, pos)) : next_key;
    }
    bool may_start_with(std::uint16_t first_char_key) const {
        return first_char_key != kNoFirstChar && first_chars_[first_char_key];
    }

private:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    static constexpr unsigned kStepBits = 21;  // a code point, or 0x110000 + an ill-formed byte
    // An edge is one word, parent << 42 | step << 21 | child, so that the
    // table takes half the cache it would as a pair: a walk misses it on
    // nearly every first step. Nodes are numbered below 2^21; a document's
    // local names (256 KiB at most) stay far below that.
    static constexpr unsigned kNodeBits = 21;
    static constexpr std::uint32_t kMaxNodes = std::uint32_t{1} << kNodeBits;
    static constexpr std::uint64_t kEmptySlot = ~std::uint64_t{0};
    using Edge = std::uint64_t;

    std::uint32_t child(std::uint32_t node, std::uint32_t step) const {
        if (edges_.empty()) return kNone;
        const std::uint64_t key = (std::uint64_t{node} << kStepBits) | step;
        for (std::size_t slot = slot_of(key);; slot = (slot + 1) & (edges_.size() - 1)) {
            const Edge edge = edges_[slot];
            if (edge >> kNodeBits == key) return static_cast<std::uint32_t>(edge & (kMaxNodes - 1));
            if (edge == kEmptySlot) return kNone;
        }
    }
    std::size_t slot_of(std::uint64_t key) const {
        // Fibonacci hashing: the high bits of the product index the table.
        return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
    }
    std::uint32_t add_child(std::uint32_t node, std::uint32_t step);
    bool find_key(std::string_view key, std::uint32_t& value) const;
    void grow_edges();

    std::vector<std::uint32_t> values_{kNone};  // value per node; node 0 is the root
    std::vector<Edge> edges_;  // open addressing, linear probing, at most half full
    // The bit of the character at s[pos] (no separator) in first_chars_,
    // from its bytes as they are: a name and a text that start with the same
    // character (ASCII lower-cased, else the same valid UTF-8) meet.
    static std::size_t first_char_bit(std::string_view s, std::size_t pos) {
        const auto lead = static_cast<unsigned char>(s[pos]);
        if (lead < 0x80) return lead >= 'A' && lead <= 'Z' ? lead + 32 : lead;
        if (lead >= 0xE0 && pos + 3 <= s.size()) {  // Hangul among them: three bytes at once
            const std::uint32_t bytes = std::uint32_t{lead} << 16 | std::uint32_t{static_cast<unsigned char>(s[pos + 1])} << 8 |
                                        static_cast<unsigned char>(s[pos + 2]);
            return (bytes * 0x9E3779B1u) >> 20;
        }
        std::uint32_t bytes = lead;
        const std::size_t end = std::min(s.size(), pos + (lead < 0xE0 ? 2 : 3));
        for (std::size_t k = pos + 1; k < end; ++k) bytes = (bytes << 8) | static_cast<unsigned char>(s[k]);
        return (bytes * 0x9E3779B1u) >> 20;  // 12 bits
    }

    std::size_t edge_count_ = 0;
    std::bitset<4096> first_chars_;  // first_char_bit of each name's key
    unsigned shift_ = 64;      // 64 - log2(edges_.size())
};

}  // namespace kfacts
