// Matching names on tokens: a byte trie over match keys, walked from token
// starts. One RE2 alternation over thousands of names would blow RE2's memory
// budget and crawl; a trie walk costs a few steps per token.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
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
    void add(std::string_view name, std::uint32_t value);
    bool empty() const { return nodes_.size() <= 1; }

    // Longest match starting at token `first`, ending at the end of a token
    // (a name never ends inside a word: `KT` is not found in `KTX`). Matches do
    // not cross `limit_token`.
    bool longest_match(const NormalizedText& text, const TokenizedText& tokens,
                       std::size_t first, std::size_t limit_token, NameMatch& match) const;

    // Exact lookup of a whole name (after match_key).
    bool find(std::string_view name, std::uint32_t& value) const;

private:
    static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
    std::uint32_t child(std::uint32_t node, unsigned char byte) const;
    std::vector<std::uint32_t> nodes_{kNone};  // value per node
    std::unordered_map<std::uint64_t, std::uint32_t> edges_;  // (node << 8 | byte) -> node
};

}  // namespace kfacts
