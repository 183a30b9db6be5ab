#include "rules/name_index.h"

#include <stdexcept>

namespace kfacts {
namespace {

unsigned char key_byte(unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + 32) : c; }

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
    std::vector<Edge> old(edges_.empty() ? 64 : edges_.size() * 2);
    old.swap(edges_);
    shift_ = 64 - static_cast<unsigned>(__builtin_ctzll(edges_.size()));
    for (const Edge& edge : old) {
        if (edge.key == 0) continue;
        std::size_t slot = slot_of(edge.key);
        while (edges_[slot].key != 0) slot = (slot + 1) & (edges_.size() - 1);
        edges_[slot] = edge;
    }
}

std::uint32_t NameIndex::add_child(std::uint32_t node, unsigned char byte) {
    if (values_.size() >= kMaxNodes) throw std::length_error("NameIndex: more than 2^24 trie nodes");
    const auto created = static_cast<std::uint32_t>(values_.size());
    values_.push_back(kNone);
    if (node == 0) {
        root_[byte] = created;
        return created;
    }
    if ((edge_count_ + 1) * 2 > edges_.size()) grow_edges();
    const std::uint32_t key = (node << 8) | byte;
    std::size_t slot = slot_of(key);
    while (edges_[slot].key != 0) slot = (slot + 1) & (edges_.size() - 1);
    edges_[slot] = {key, created};
    ++edge_count_;
    return created;
}

void NameIndex::add(std::string_view name, std::uint32_t value) {
    const std::string key = match_key(name);
    if (key.empty()) return;
    if (root_.empty()) root_.assign(256, kNone);
    std::uint32_t node = 0;
    for (unsigned char c : key) {
        const std::uint32_t next = child(node, c);
        node = next != kNone ? next : add_child(node, c);
    }
    if (values_[node] == kNone) values_[node] = value;
}

bool NameIndex::find(std::string_view name, std::uint32_t& value) const {
    std::uint32_t node = 0;
    for (unsigned char c : name) {
        if (is_key_separator(c)) continue;
        node = child(node, key_byte(c));
        if (node == kNone) return false;
    }
    value = values_[node];
    return value != kNone;
}

bool NameIndex::longest_match(const NormalizedText& text, const TokenizedText& tokens,
                              std::size_t first, std::size_t limit_token,
                              NameMatch& match) const {
    if (root_.empty()) return false;
    const std::string& s = text.text;
    std::uint32_t node = 0;
    bool found = false;
    std::size_t token = first;
    std::size_t pos = tokens.tokens[first].norm_start;
    while (token < limit_token) {
        const Token& t = tokens.tokens[token];
        if (pos < t.norm_start) {
            // Between tokens only separators may be skipped; a line break ends the name.
            for (std::size_t p = pos; p < t.norm_start; ++p) {
                if (!is_key_separator(static_cast<unsigned char>(s[p]))) return found;
            }
            pos = t.norm_start;
        }
        for (; pos < t.norm_end; ++pos) {
            const unsigned char c = static_cast<unsigned char>(s[pos]);
            if (is_key_separator(c)) continue;
            node = child(node, key_byte(c));
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
