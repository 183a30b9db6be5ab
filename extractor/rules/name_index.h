// Matching names on tokens: a byte trie over match keys, walked from token
// starts. One RE2 alternation over thousands of names would blow RE2's memory
// budget and crawl; a trie walk costs a few steps per token.
#pragma once

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

class NameIndex {
public:
    // Adds a name for `value`; a name added twice keeps the first value.
    // Throws std::length_error beyond 2^24 trie nodes.
    void add(std::string_view name, std::uint32_t value);
    bool empty() const { return values_.size() <= 1; }

    // Longest match starting at token `first`, ending at the end of a token
    // (a name never ends inside a word: `KT` is not found in `KTX`). Matches do
    // not cross `limit_token`.
    bool longest_match(const NormalizedText& text, const TokenizedText& tokens,
                       std::size_t first, std::size_t limit_token, NameMatch& match) const;

    // Exact lookup of a whole name (after match_key).
    bool find(std::string_view name, std::uint32_t& value) const;

private:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    static constexpr std::uint32_t kMaxNodes = 1u << 24;  // an edge key holds the parent in 24 bits

    // An edge below the root: key (parent << 8 | byte, never 0 since the
    // parent is not the root) and the child node. Key 0 marks an empty slot.
    struct Edge {
        std::uint32_t key = 0;
        std::uint32_t node = 0;
    };

    std::uint32_t child(std::uint32_t node, unsigned char byte) const {
        if (node == 0) return root_.empty() ? kNone : root_[byte];
        if (edges_.empty()) return kNone;
        const std::uint32_t key = (node << 8) | byte;
        for (std::size_t slot = slot_of(key);; slot = (slot + 1) & (edges_.size() - 1)) {
            const Edge& edge = edges_[slot];
            if (edge.key == key) return edge.node;
            if (edge.key == 0) return kNone;
        }
    }
    std::size_t slot_of(std::uint32_t key) const {
        // Fibonacci hashing: the high bits of the product index the table.
        return static_cast<std::size_t>((static_cast<std::uint64_t>(key) * 0x9E3779B97F4A7C15ull) >> shift_);
    }
    std::uint32_t add_child(std::uint32_t node, unsigned char byte);
    void grow_edges();

    std::vector<std::uint32_t> values_{kNone};  // value per node; node 0 is the root
    // The root's children by byte (256 entries once a name is added): every
    // lookup starts there, and nearly every Hangul token gets past it.
    std::vector<std::uint32_t> root_;
    std::vector<Edge> edges_;  // open addressing, linear probing, at most half full
    std::size_t edge_count_ = 0;
    unsigned shift_ = 64;      // 64 - log2(edges_.size())
};

}  // namespace kfacts
