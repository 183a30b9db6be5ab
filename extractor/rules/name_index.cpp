#include "rules/name_index.h"

#include <stdexcept>

namespace kfacts {
namespace {

unsigned char key_byte(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c; }

constexpr std::uint32_t kIllFormedByte = 0x110000;

// The trie step of the key character at s[i] (i < s.size(), not a separator)
// and its length in bytes: ASCII lower-cased, a well-formed sequence its code
// point, any other byte a step of its own.
inline std::uint32_t step_at(std::string_view s, std::size_t i, std::size_t& length) {
    const auto b = static_cast<unsigned char>(s[i]);
    length = 1;
    if (b < 0x80) return key_byte(b);
    char32_t cp;
    bool valid;
    const std::size_t sequence = utf8_sequence(s, i, cp, valid);
    if (!valid) return kIllFormedByte + b;
    length = sequence;
    return cp;
}

}  // namespace

std::string match_key(std::string_view name) {
    std::string key;
    key.reserve(name.size());
    for (unsigned char c : name) {
        if (is_key_separator(c)) continue;
        key += static_cast<char>(key_byte(c));
    }
    return key;
}

void NameIndex::grow_edges() {
    std::vector<Edge> old(edges_.empty() ? 64 : edges_.size() * 2, kEmptySlot);
    old.swap(edges_);
    shift_ = 64 - static_cast<unsigned>(__builtin_ctzll(edges_.size()));
    for (const Edge edge : old) {
        if (edge == kEmptySlot) continue;
        std::size_t slot = slot_of(edge >> kNodeBits);
        while (edges_[slot] != kEmptySlot) slot = (slot + 1) & (edges_.size() - 1);
        edges_[slot] = edge;
    }
}

std::uint32_t NameIndex::add_child(std::uint32_t node, std::uint32_t step) {
    const auto created = static_cast<std::uint32_t>(values_.size());
    if (created >= kMaxNodes) throw std::length_error("name index: more than 2^21 trie nodes");
    values_.push_back(kNone);
    if ((edge_count_ + 1) * 2 > edges_.size()) grow_edges();
    const std::uint64_t key = (std::uint64_t{node} << kStepBits) | step;
    std::size_t slot = slot_of(key);
    while (edges_[slot] != kEmptySlot) slot = (slot + 1) & (edges_.size() - 1);
    edges_[slot] = key << kNodeBits | created;
    ++edge_count_;
    return created;
}

std::uint16_t NameIndex::add(std::string_view name, std::uint32_t value) {
    const std::string key = match_key(name);
    if (key.empty()) return kNoFirstChar;
    std::uint32_t node = 0;
    std::size_t length;
    const auto first_char = static_cast<std::uint16_t>(first_char_bit(key, 0));
    first_chars_.set(first_char);
    for (std::size_t i = 0; i < key.size(); i += length) {
        const std::uint32_t step = step_at(key, i, length);
        const std::uint32_t next = child(node, step);
        node = next != kNone ? next : add_child(node, step);
    }
    if (values_[node] == kNone) values_[node] = value;
    return first_char;
}

bool NameIndex::find(std::string_view name, std::uint32_t& value) const {
    std::uint32_t node = 0;
    std::size_t length;
    for (std::size_t i = 0; i < name.size(); i += length) {
        const auto b = static_cast<unsigned char>(name[i]);
        if (is_key_separator(b)) {
            length = 1;
            continue;
        }
        const std::uint32_t step = step_at(name, i, length);
        // Removing a separator can join broken bytes into a sequence: such a
        // name is looked up by its key as add() builds it.
        if (step >= kIllFormedByte) return find_key(match_key(name), value);
        node = child(node, step);
        if (node == kNone) return false;
    }
    value = values_[node];
    return value != kNone;
}

bool NameIndex::starts_name(std::string_view token) const {
    std::uint32_t node = 0;
    bool stepped = false;  // a token of separators alone starts no name
    std::size_t length;
    for (std::size_t i = 0; i < token.size(); i += length) {
        if (is_key_separator(static_cast<unsigned char>(token[i]))) {
            length = 1;
            continue;
        }
        node = child(node, step_at(token, i, length));
        if (node == kNone) return false;
        stepped = true;
    }
    return stepped;
}

bool NameIndex::find_key(std::string_view key, std::uint32_t& value) const {
    std::uint32_t node = 0;
    std::size_t length;
    for (std::size_t i = 0; i < key.size() && node != kNone; i += length) node = child(node, step_at(key, i, length));
    value = node == kNone ? kNone : values_[node];
    return value != kNone;
}

bool NameIndex::longest_match(const NormalizedText& text, const TokenizedText& tokens,
                              std::size_t first, std::size_t limit_token,
                              NameMatch& match) const {
    if (edges_.empty()) return false;
    const std::string_view s = text.text;
    // A name starts with a character of its key: a token of separators alone
    // (`...` before 키미 K2) starts none, or the name's span would hold it.
    // Most tokens start no name: one bit, before the trie's first probe.
    const Token& start = tokens.tokens[first];
    std::size_t first_char = start.norm_start;
    while (first_char < start.norm_end && is_key_separator(static_cast<unsigned char>(s[first_char]))) ++first_char;
    if (first_char == start.norm_end || !first_chars_[first_char_bit(s, first_char)]) return false;
    std::uint32_t node = 0;
    bool found = false;
    std::size_t token = first;
    std::size_t pos = tokens.tokens[first].norm_start;
    std::size_t length;
    while (token < limit_token) {
        const Token& t = tokens.tokens[token];
        if (pos < t.norm_start) {
            // Between tokens only separators may be skipped; a line break ends the name.
            for (std::size_t p = pos; p < t.norm_start; ++p) {
                if (!is_key_separator(static_cast<unsigned char>(s[p]))) return found;
            }
            pos = t.norm_start;
        }
        // A step is never cut by the token's end: the key of the token's bytes alone.
        const std::string_view token_text = s.substr(0, t.norm_end);
        for (; pos < t.norm_end; pos += length) {
            if (is_key_separator(static_cast<unsigned char>(s[pos]))) {
                length = 1;
                continue;
            }
            node = child(node, step_at(token_text, pos, length));
            if (node == kNone) return found;
        }
        ++token;
        if (values_[node] != kNone) {
            match = {first, token, values_[node]};
            found = true;
        }
    }
    return found;
}

}  // namespace kfacts
