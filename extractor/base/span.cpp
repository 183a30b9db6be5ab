#include "base/span.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace kfacts {
namespace {

constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

// Bytes of valid UTF-8 that start a code point: all but the continuation
// bytes (10xxxxxx), counted eight at a time.
std::size_t lead_bytes(std::string_view s) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
    std::size_t continuation = 0;
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, bytes + i, 8);
        // Bit 7 set and bit 6 clear: shifting left by one brings bit 6 under bit 7.
        const std::uint64_t marks = (word & ~(word << 1) & kHighBits) >> 7;  // one bit per byte
        continuation += static_cast<std::size_t>((marks * 0x0101010101010101ull) >> 56);  // their sum
    }
    for (; i < s.size(); ++i) continuation += (bytes[i] & 0xC0) == 0x80;
    return s.size() - continuation;
}

}  // namespace

std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    char32_t cp;
    bool valid;
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char b = static_cast<unsigned char>(s[i]);
        i += b < 0x80 ? 1 : utf8_sequence(s, i, cp, valid);
        ++n;
    }
    return n;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_hangul_syllable_run(std::string_view s) {
    if (s.empty() || s.size() % 3 != 0) return false;
    for (std::size_t i = 0; i < s.size(); i += 3) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        const auto b2 = static_cast<unsigned char>(s[i + 2]);
        if ((b0 & 0xF0) != 0xE0 || !is_hangul_syllable(((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F))) {
            return false;
        }
    }
    return true;
}

bool is_valid_utf8(std::string_view s) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
    char32_t cp;
    bool valid = true;
    for (std::size_t i = 0; i < s.size();) {
        if (bytes[i] < 0x80 && i + 8 <= s.size()) {
            std::uint64_t word;
            std::memcpy(&word, bytes + i, 8);
            if ((word & kHighBits) == 0) {  // eight ASCII bytes
                i += 8;
                continue;
            }
        }
        if (bytes[i] < 0x80) {
            ++i;
            continue;
        }
        if (is_plain_three_byte_sequence(s, i)) {
            i += 3;
            continue;
        }
        i += utf8_sequence(s, i, cp, valid);
        if (!valid) return false;
    }
    return true;
}

SourceLocator::SourceLocator(std::string_view source, bool known_valid_utf8) : source_(source) {
    line_starts_.push_back(0);
    for (const char* p = source.data(), *end = source.data() + source.size();
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr;) {
        ++p;
        line_starts_.push_back(static_cast<std::size_t>(p - source.data()));
    }
    const std::size_t blocks = source.size() / kBlockBytes + 1;
    block_chars_.reserve(blocks);
    valid_utf8_ = known_valid_utf8 || is_valid_utf8(source);
    if (valid_utf8_) {
        std::size_t chars = 0;
        for (std::size_t k = 0; k < blocks; ++k) {
            block_chars_.push_back(chars);
            const std::size_t start = k * kBlockBytes;
            chars += lead_bytes(source.substr(start, std::min(kBlockBytes, source.size() - start)));
        }
    } else {
        // Ill-formed input: walk the sequences as the decoder does.
        block_sequence_starts_.reserve(blocks);
        std::size_t chars = 0;
        char32_t cp;
        bool valid;
        for (std::size_t i = 0; i < source.size(); ++chars) {
            while (block_chars_.size() < blocks && i >= block_chars_.size() * kBlockBytes) {
                block_sequence_starts_.push_back(i);
                block_chars_.push_back(chars);
            }
            i += utf8_sequence(source, i, cp, valid);
        }
        while (block_chars_.size() < blocks) {
            block_sequence_starts_.push_back(source.size());
            block_chars_.push_back(chars);
        }
    }
    line_chars_.reserve(line_starts_.size());
    for (std::size_t start : line_starts_) line_chars_.push_back(chars_before(start));
}

std::size_t SourceLocator::chars_before(std::size_t byte_offset) const {
    std::size_t block = byte_offset / kBlockBytes;
    if (valid_utf8_) {
        const std::size_t start = block * kBlockBytes;
        return block_chars_[block] + lead_bytes(source_.substr(start, byte_offset - start));
    }
    // The sequence that holds the block's first byte may have started in the block before.
    if (block_sequence_starts_[block] > byte_offset) --block;
    std::size_t chars = block_chars_[block];
    char32_t cp;
    bool valid;
    for (std::size_t i = block_sequence_starts_[block]; i < byte_offset; ++chars) {
        i += utf8_sequence(source_, i, cp, valid);
    }
    return chars;
}

std::size_t SourceLocator::char_offset_after(std::size_t from_byte, const SourcePosition& from,
                                             std::size_t byte_offset) const {
    from_byte = std::min(from_byte, source_.size());
    byte_offset = std::min(byte_offset, source_.size());
    if (!valid_utf8_ || byte_offset < from_byte || byte_offset - from_byte > kBlockBytes) {
        return chars_before(byte_offset);
    }
    return from.char_offset + lead_bytes(source_.substr(from_byte, byte_offset - from_byte));
}

SourcePosition SourceLocator::locate(std::size_t byte_offset) const {
    byte_offset = std::min(byte_offset, source_.size());
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
    const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());  // 1-based
    const std::size_t chars = chars_before(byte_offset);
    return {line, chars - line_chars_[line - 1] + 1, chars};
}

}  // namespace kfacts
