#include "document/front_matter.h"

#include <fmt/format.h>

#include "document/normalized_text.h"

namespace kfacts {

namespace {

// Beyond this many malformed lines in one block, the rest are only counted.
constexpr std::size_t kMaxLineDiagnostics = 20;

struct Line {
    std::size_t start = 0;
    std::size_t end = 0;   // without the line end
    std::size_t next = 0;  // start of the following line
};

Line line_at(std::string_view source, std::size_t pos) {
    Line line;
    line.start = pos;
    const std::size_t newline = source.find('\n', pos);
    line.next = newline == std::string_view::npos ? source.size() : newline + 1;
    line.end = newline == std::string_view::npos ? source.size() : newline;
    if (line.end > line.start && source[line.end - 1] == '\r') --line.end;
    return line;
}

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

bool is_delimiter(std::string_view line) { return trim(line) == "---" && line.substr(0, 3) == "---"; }

bool is_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.';
}

// Length of the key before ':' in a `key: value` line, or 0 if it is not one.
std::size_t key_length(std::string_view line) {
    std::size_t n = 0;
    while (n < line.size() && is_key_char(line[n])) ++n;
    if (n == 0 || n >= line.size() || line[n] != ':') return 0;
    return n;
}

// The keys crawlers write. Some indent a key line with a tab as they indent
// continuation lines (`\ttitle: …` under `id: …`); an indented line that
// starts with one of these keys, then ':' and a space or nothing, is a key
// line of its own, not words of the value above.
constexpr std::string_view kCrawlerKeys[] = {"id",     "title",      "publisher",    "published_at", "url", "author",
                                              "category", "crawled_at", "content_hash", "oid",          "aid"};

std::size_t indented_key_length(std::string_view trimmed) {
    const std::size_t n = key_length(trimmed);
    if (n == 0 || (n + 1 < trimmed.size() && !is_space(trimmed[n + 1]))) return 0;
    for (std::string_view key : kCrawlerKeys) {
        if (trimmed.substr(0, n) == key) return n;
    }
    return 0;
}

std::string collapse_whitespace(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (char c : s) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

// Strips one pair of enclosing quotes; in double quotes, \" and \\ are escapes.
std::string unquote(std::string_view value) {
    if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'')
        return std::string(value.substr(1, value.size() - 2));
    if (value.size() < 2 || value.front() != '"' || value.back() != '"') return std::string(value);
    const std::string_view inner = value.substr(1, value.size() - 2);
    std::string out;
    out.reserve(inner.size());
    for (std::size_t i = 0; i < inner.size(); ++i) {
        if (inner[i] == '\\' && i + 1 < inner.size() && (inner[i + 1] == '"' || inner[i + 1] == '\\')) ++i;
        out += inner[i];
    }
    return out;
}

struct RawField {
    std::string key;
    std::string value;  // first line and continuation lines, joined by spaces
    bool multiline = false;
};

}  // namespace

const std::string* FrontMatter::find(std::string_view key) const {
    for (const auto& [name, value] : fields)
        if (name == key) return &value;
    return nullptr;
}

FrontMatter parse_front_matter(std::string_view source, std::vector<Diagnostic>& diagnostics) {
    FrontMatter result;
    const std::size_t start = source.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    const Line opening = line_at(source, start);
    if (!is_delimiter(source.substr(opening.start, opening.end - opening.start))) return result;

    // Line problems are kept only if the block turns out to be front matter.
    std::vector<Diagnostic> found;
    std::size_t malformed_lines = 0;
    const auto malformed = [&](const Line& line, std::size_t number, std::string_view why) {
        if (++malformed_lines > kMaxLineDiagnostics) return;
        found.push_back({Severity::warning, DiagnosticCode::frontmatter_malformed,
                         fmt::format("front matter line {}: {}", number, why), ByteSpan{line.start, line.end}});
    };

    std::vector<RawField> raw;
    constexpr std::size_t kNoField = static_cast<std::size_t>(-1);
    std::size_t current = kNoField;  // index of the field continuation lines extend
    bool ignoring_duplicate = false;
    bool tab_reported = false;
    bool closed = false;
    std::size_t number = 1;
    for (std::size_t pos = opening.next; pos < source.size();) {
        const Line line = line_at(source, pos);
        pos = line.next;
        ++number;
        const std::string_view text = source.substr(line.start, line.end - line.start);
        if (is_delimiter(text)) {
            closed = true;
            result.body_start = line.next;
            break;
        }
        if (trim(text).empty()) continue;
        const bool indented = is_space(text.front());
        // Only a tab: spaces indent a nested YAML map (author:\n  url: …),
        // whose keys are no keys of the document.
        const bool indented_key = text.front() == '\t' && [&] {
            const std::size_t n = indented_key_length(trim(text));
            if (n == 0) return false;
            for (const RawField& field : raw) {
                if (field.key == trim(text).substr(0, n)) return false;
            }
            return true;
        }();
        if (indented && !indented_key) {
            if (text.front() == '\t' && !tab_reported) {
                tab_reported = true;
                found.push_back({Severity::info, DiagnosticCode::frontmatter_tab_indent,
                                 fmt::format("front matter line {}: continuation indented with a tab (not YAML); "
                                             "read as part of the value above",
                                             number),
                                 ByteSpan{line.start, line.end}});
            }
            if (current != kNoField) {
                raw[current].value += ' ';
                raw[current].value += trim(text);
                raw[current].multiline = true;
            } else if (!ignoring_duplicate) {
                malformed(line, number, "indented line without a key above it");
            }
            continue;
        }
        if (indented_key && !tab_reported) {
            tab_reported = true;
            found.push_back({Severity::info, DiagnosticCode::frontmatter_tab_indent,
                             fmt::format("front matter line {}: key indented (not YAML); read as a key of its own",
                                         number),
                             ByteSpan{line.start, line.end}});
        }
        const std::string_view key_line = indented_key ? trim(text) : text;
        const std::size_t key_end = key_length(key_line);
        if (key_end == 0) {
            malformed(line, number, "not a `key: value` line");
            current = kNoField;
            ignoring_duplicate = false;
            continue;
        }
        const std::string_view key = key_line.substr(0, key_end);
        bool duplicate = false;
        for (const RawField& field : raw) duplicate = duplicate || field.key == key;
        if (duplicate) {
            found.push_back({Severity::warning, DiagnosticCode::frontmatter_duplicate_key,
                             fmt::format("front matter line {}: `{}` given again; the first value is kept", number,
                                         key),
                             ByteSpan{line.start, line.end}});
            current = kNoField;
            ignoring_duplicate = true;
            continue;
        }
        ignoring_duplicate = false;
        raw.push_back({std::string(key), std::string(trim(key_line.substr(key_end + 1))), false});
        current = raw.size() - 1;
    }

    if (!closed) {
        diagnostics.push_back({Severity::warning, DiagnosticCode::frontmatter_unterminated,
                               "front matter opened on line 1 is never closed by `---`; the whole input is read as body",
                               ByteSpan{opening.start, opening.end}});
        return result;
    }
    if (raw.empty() && malformed_lines > 0) {
        // A `---` rule around prose, not metadata: keep every line as body.
        diagnostics.push_back({Severity::warning, DiagnosticCode::frontmatter_malformed,
                               "the `---` block at the start holds no `key: value` line; read as body",
                               ByteSpan{opening.start, result.body_start}});
        result.body_start = 0;
        return result;
    }
    if (malformed_lines > kMaxLineDiagnostics) {
        found.push_back({Severity::warning, DiagnosticCode::frontmatter_malformed,
                         fmt::format("{} more malformed front matter lines not reported one by one",
                                     malformed_lines - kMaxLineDiagnostics),
                         std::nullopt});
    }
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));

    result.present = true;
    for (RawField& field : raw) {
        const std::string value = field.multiline ? collapse_whitespace(field.value) : std::move(field.value);
        result.fields.emplace_back(std::move(field.key), decode_entities(unquote(trim(value))));
    }
    return result;
}

}  // namespace kfacts
