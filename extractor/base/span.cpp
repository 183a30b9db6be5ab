#include "base/span.h"

#include <algorithm>

namespace kfacts {

std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp, bool& valid) {
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

SourceLocator::SourceLocator(std::string_view source) : source_(source) {
    line_starts_.push_back(0);
    line_char_starts_.push_back(0);
    std::size_t chars = 0;
    char32_t cp;
    bool valid;
    for (std::size_t i = 0; i < source.size();) {
        const unsigned char b = static_cast<unsigned char>(source[i]);
        const std::size_t len = b < 0x80 ? 1 : utf8_sequence(source, i, cp, valid);
        i += len;
        ++chars;
        if (b == '\n') {
            line_starts_.push_back(i);
            line_char_starts_.push_back(chars);
        }
    }
}

SourcePosition SourceLocator::locate(std::size_t byte_offset) const {
    byte_offset = std::min(byte_offset, source_.size());
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
    const std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());  // 1-based
    const std::size_t line_start = line_starts_[line - 1];
    const std::size_t col = count_code_points(source_.substr(line_start, byte_offset - line_start));
    return {line, col + 1, line_char_starts_[line - 1] + col};
}

}  // namespace kfacts
