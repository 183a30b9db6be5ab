#include "document/html_entities.h"

#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>

#include <fmt/format.h>

namespace kfacts {

namespace {

// The longest HTML5 name is "CounterClockwiseContourIntegral" (31 letters); a
// longer run of letters cannot be a reference, so scanning stops there.
constexpr std::size_t kMaxNameLength = 32;

bool is_ascii_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) { return is_ascii_alpha(c) || is_ascii_digit(c); }

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Code points a numeric reference may not name: they would smuggle NUL,
// surrogates or control characters into the text.
bool is_forbidden_reference(char32_t cp) {
    if (cp == 0 || cp > 0x10FFFF) return true;
    if (cp >= 0xD800 && cp <= 0xDFFF) return true;
    if (cp == '\t' || cp == '\n' || cp == '\f' || cp == '\r') return false;
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

HtmlEntityTable HtmlEntityTable::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw EntityTableError(fmt::format("{}: cannot open the HTML entity table", path));
    HtmlEntityTable table;
    std::string line;
    std::size_t line_number = 0;
    const auto fail = [&](std::string_view problem) {
        return EntityTableError(fmt::format("{}:{}: {}", path, line_number, problem));
    };
    while (std::getline(in, line)) {
        ++line_number;
        const std::string_view text = trim(line);
        if (text.empty() || text.front() == '#') continue;
        const std::size_t tab = text.find('\t');
        if (tab == std::string_view::npos) throw fail("expected '&reference;<TAB>code points'");
        const std::string_view reference = text.substr(0, tab);
        if (reference.size() < 3 || reference.front() != '&' || reference.back() != ';')
            throw fail("a reference is written &name; or &#number;");

        Value value;
        std::string_view hex_list = trim(text.substr(tab + 1));
        while (!hex_list.empty()) {
            const std::size_t space = hex_list.find(' ');
            const std::string_view hex = hex_list.substr(0, space);
            char32_t cp = 0;
            for (char c : hex) {
                const int digit = hex_value(c);
                if (digit < 0 || cp > 0x10FFFF) throw fail("code points are hexadecimal numbers");
                cp = cp * 16 + static_cast<char32_t>(digit);
            }
            if (hex.empty() || cp > 0x10FFFF) throw fail("code point out of range");
            if (value.count == value.code_points.size()) throw fail("at most two code points");
            value.code_points[value.count++] = cp;
            hex_list = space == std::string_view::npos ? std::string_view{} : trim(hex_list.substr(space));
        }
        if (value.count == 0) throw fail("no code points");

        const std::string_view name = reference.substr(1, reference.size() - 2);
        if (name.front() == '#') {
            char32_t number = 0;
            for (char c : name.substr(1)) {
                if (!is_ascii_digit(c) || number > 0x10FFFF) throw fail("numeric reference out of range");
                number = number * 10 + static_cast<char32_t>(c - '0');
            }
            if (value.count != 1) throw fail("a numeric reference stands for one code point");
            table.numeric_overrides_[number] = value.code_points[0];
        } else {
            if (name.size() > kMaxNameLength) throw fail("name too long");
            for (char c : name)
                if (!is_ascii_alnum(c)) throw fail("names are ASCII letters and digits");
            if (!table.named_.emplace(std::string(name), value).second) throw fail("duplicate name");
        }
    }
    if (table.named_.empty()) throw EntityTableError(fmt::format("{}: no entities", path));
    return table;
}

EntityReference HtmlEntityTable::read(std::string_view text, std::size_t at) const {
    if (at + 1 >= text.size()) return {};
    if (text[at + 1] == '#') return read_numeric(text, at);
    if (!is_ascii_alpha(text[at + 1])) return {};
    std::size_t end = at + 1;
    while (end < text.size() && end - at <= kMaxNameLength && is_ascii_alnum(text[end])) ++end;
    if (end >= text.size() || text[end] != ';') return {};
    EntityReference ref;
    ref.length = end + 1 - at;
    const auto it = named_.find(text.substr(at + 1, end - at - 1));
    if (it == named_.end()) {
        ref.kind = EntityReference::Kind::unknown;
        return ref;
    }
    ref.kind = EntityReference::Kind::decoded;
    ref.code_points = it->second.code_points;
    ref.count = it->second.count;
    return ref;
}

EntityReference HtmlEntityTable::read_numeric(std::string_view text, std::size_t at) const {
    std::size_t pos = at + 2;  // after "&#"
    const bool hex = pos < text.size() && (text[pos] == 'x' || text[pos] == 'X');
    if (hex) ++pos;
    const std::size_t digits_start = pos;
    char32_t value = 0;
    bool too_large = false;
    // Every digit is consumed even past the range, so &#99999999999; is read
    // whole (and reported) rather than split into a reference and digits.
    for (; pos < text.size(); ++pos) {
        const int digit = hex ? hex_value(text[pos]) : (is_ascii_digit(text[pos]) ? text[pos] - '0' : -1);
        if (digit < 0) break;
        if (!too_large) {
            value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
            too_large = value > 0x10FFFF;
        }
    }
    if (pos == digits_start || pos >= text.size() || text[pos] != ';') return {};
    EntityReference ref;
    ref.length = pos + 1 - at;
    if (!too_large) {
        if (const auto it = numeric_overrides_.find(value); it != numeric_overrides_.end()) value = it->second;
    }
    if (too_large || is_forbidden_reference(value)) {
        ref.kind = EntityReference::Kind::invalid;
        ref.code_points[0] = 0xFFFD;
        ref.count = 1;
        return ref;
    }
    ref.kind = EntityReference::Kind::decoded;
    ref.code_points[0] = value;
    ref.count = 1;
    return ref;
}

const HtmlEntityTable& html_entities(const std::string& rules_dir) {
    static std::once_flag once;
    static std::unique_ptr<const HtmlEntityTable> table;
    // call_once lets a later call retry when loading threw.
    std::call_once(once, [&] {
        table = std::make_unique<const HtmlEntityTable>(HtmlEntityTable::load(rules_dir + "/html_entities.tsv"));
    });
    return *table;
}

const HtmlEntityTable& html_entities() {
    // Asked for each field of each document: the environment is read, and a
    // path made of it, once (a first call that throws is retried, as above).
    static const HtmlEntityTable& table = []() -> const HtmlEntityTable& {
        const char* from_environment = std::getenv("KFACTS_RULES");
        return html_entities(from_environment && *from_environment ? from_environment : KFACTS_RULES_DIR);
    }();
    return table;
}

}  // namespace kfacts
