#include "rules/name_index.h"

namespace kfacts {

std::string match_key(std::string_view name) {
    std::string key;
    key.reserve(name.size());
    for (unsigned char c : name) {
        if (is_key_separator(c)) continue;
        key += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return key;
}

std::uint32_t NameIndex::child(std::uint32_t node, unsigned char byte) const {
    const auto it = edges_.find((static_cast<std::uint64_t>(node) << 8) | byte);
    return it == edges_.end() ? kNone : it->second;
}

void NameIndex::add(std::string_view name, std::uint32_t value) {
    const std::string key = match_key(name);
    if (key.empty()) return;
    std::uint32_t node = 0;
    for (unsigned char c : key) {
        const std::uint64_t edge = (static_cast<std::uint64_t>(node) << 8) | c;
        auto it = edges_.find(edge);
        if (it == edges_.end()) {
            nodes_.push_back(kNone);
            it = edges_.emplace(edge, static_cast<std::uint32_t>(nodes_.size() - 1)).first;
        }
        node = it->second;
    }
    if (nodes_[node] == kNone) nodes_[node] = value;
}

bool NameIndex::find(std::string_view name, std::uint32_t& value) const {
    std::uint32_t node = 0;
    for (unsigned char c : match_key(name)) {
        node = child(node, c);
        if (node == kNone) return false;
    }
    value = nodes_[node];
    return value != kNone;
}

bool NameIndex::longest_match(const NormalizedText& text, const TokenizedText& tokens,
                              std::size_t first, std::size_t limit_token,
                              NameMatch& match) const {
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
            node = child(node, static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
            if (node == kNone) return found;
        }
        ++token;
        if (nodes_[node] != kNone) {
            match = {first, token, nodes_[node]};
            found = true;
        }
    }
    return found;
}

}  // namespace kfacts
