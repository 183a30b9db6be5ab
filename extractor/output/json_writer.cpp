#include "output/json_writer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstring>
#include <stdexcept>

namespace kfacts {
namespace {

// The output string, written through a pointer: it is grown ahead of the
// writing and cut back to what was written when done, so that a piece costs
// a bounds test and a copy rather than a call into std::string (a fact is
// some forty pieces). It grows in small steps within the capacity reserved
// at first, since growing zero-fills: so it fills about what it writes.
class OutputBuffer {
public:
    OutputBuffer(std::string& out, std::size_t expected) : out_(out) {
        out_.reserve(out_.size() + expected);
        at_ = end_ = out_.data() + out_.size();
    }
    ~OutputBuffer() { out_.resize(static_cast<std::size_t>(at_ - out_.data())); }
    OutputBuffer(const OutputBuffer&) = delete;
    OutputBuffer& operator=(const OutputBuffer&) = delete;

    void put(char c) {
        room(1);
        *at_++ = c;
    }
    void put(std::string_view s) {
        room(s.size());
        at_ = std::copy(s.begin(), s.end(), at_);
    }
    // Where up to `n` bytes may be written; `wrote_to` takes the end of what was.
    char* reserve(std::size_t n) {
        room(n);
        return at_;
    }
    void wrote_to(char* end) { at_ = end; }

private:
    void room(std::size_t n) {
        if (static_cast<std::size_t>(end_ - at_) < n) grow(n);
    }
    void grow(std::size_t n) {
        constexpr std::size_t kStepBytes = 1024;
        const std::size_t used = static_cast<std::size_t>(at_ - out_.data());
        out_.resize(used + std::max(n, kStepBytes));
        at_ = out_.data() + used;
        end_ = out_.data() + out_.size();
    }

    std::string& out_;
    char* at_;
    char* end_;
};

// How many of the eight bytes at `p` JSON strings hold as they are (printable
// ASCII other than '"' and '\\') before the first that is not.
std::size_t plain_ascii_prefix(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    constexpr std::uint64_t highs = 0x8080808080808080ull;
    // Sets the high bit of a byte below `n` (n <= 0x80); a borrow may also set
    // it in bytes after that one, never before, so the first one set is exact.
    const auto below = [&](std::uint64_t x, std::uint64_t n) { return (x - n * ones) & ~x & highs; };
    const std::uint64_t stops = (word & highs) | below(word, 0x20) | below(word ^ ('"' * ones), 1) |
                                below(word ^ ('\\' * ones), 1);
    if (stops == 0) return 8;
    const int first_bit = std::endian::native == std::endian::little ? std::countr_zero(stops) : std::countl_zero(stops);
    return static_cast<std::size_t>(first_bit) / 8;
}

void write_json_string(OutputBuffer& out, std::string_view s) {
    out.put('"');
    // Runs of bytes that need no escaping (printable ASCII, valid UTF-8) are
    // written whole; most strings are one run.
    std::size_t run = 0;
    std::size_t i = 0;
    const auto flush = [&] { out.put(s.substr(run, i - run)); };
    while (i < s.size()) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            if (is_plain_three_byte_sequence(s, i)) {
                i += 3;
                continue;
            }
            char32_t cp;
            bool valid;
            const std::size_t len = utf8_sequence(s, i, cp, valid);
            if (!valid) {
                flush();
                out.put("\xEF\xBF\xBD");
                run = i + len;
            }
            i += len;
            continue;
        }
        if (i + 8 <= s.size()) {
            if (const std::size_t plain = plain_ascii_prefix(s.data() + i); plain > 0) {
                i += plain;
                continue;
            }
        } else if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        flush();
        switch (c) {
            case '"': out.put("\\\""); break;
            case '\\': out.put("\\\\"); break;
            case '\n': out.put("\\n"); break;
            case '\r': out.put("\\r"); break;
            case '\t': out.put("\\t"); break;
            default: {
                constexpr std::string_view hex = "0123456789abcdef";
                const char escape[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
                out.put(std::string_view(escape, sizeof escape));
            }
        }
        run = ++i;
    }
    flush();
    out.put('"');
}

// Minimal streaming JSON emitter: objects, arrays, scalars, optional indenting.
class JsonEmitter {
public:
    JsonEmitter(OutputBuffer& out, bool pretty) : out_(out), pretty_(pretty) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    // Keys are the schema's own short ASCII names, literals: written without
    // escaping, and in compact output with their separator in one piece of a
    // length known when compiling (a document has some twenty keys a fact).
    template <std::size_t N>
    void key(const char (&name)[N]) {
        constexpr std::size_t size = N - 1;  // without the literal's NUL
        if (pretty_) {
            item();
            out_.put('"');
            out_.put(std::string_view(name, size));
            out_.put("\": ");
        } else {
            // What item() writes in compact output, then the key.
            char* p = out_.reserve(size + 4);
            if (depth_ > 0 && !first_[depth_ - 1]) *p++ = ',';
            if (depth_ > 0) first_[depth_ - 1] = false;
            *p++ = '"';
            p = std::copy_n(name, size, p);
            *p++ = '"';
            *p++ = ':';
            out_.wrote_to(p);
        }
        after_key_ = true;
    }
    void string(std::string_view s) {
        item();
        write_json_string(out_, s);
    }
    void raw(std::string_view s) {
        item();
        out_.put(s);
    }
    void number(std::size_t n) {
        item();
        constexpr std::size_t kMaxDigits = 20;
        char* p = out_.reserve(kMaxDigits);
        out_.wrote_to(std::to_chars(p, p + kMaxDigits, n).ptr);
    }
    void boolean(bool b) { raw(b ? "true" : "false"); }
    bool pretty() const { return pretty_; }
    void null() { raw("null"); }
    // A value of at most `n` bytes that `write(p)` writes at p, returning its end.
    template <typename Write>
    void raw_piece(std::size_t n, Write write) {
        item();
        out_.wrote_to(write(out_.reserve(n)));
    }

    template <std::size_t N, typename T, typename F>
    void field(const char (&k)[N], const std::optional<T>& v, F write) {
        key(k);
        if (v) write(*v);
        else null();
    }
    template <std::size_t N>
    void field(const char (&k)[N], const std::optional<std::string>& v) {
        field(k, v, [&](const std::string& s) { string(s); });
    }
    template <std::size_t N>
    void field(const char (&k)[N], const std::optional<ExactNumber>& v) {
        field(k, v, [&](const ExactNumber& n) { raw(n.to_string()); });
    }

private:
    static constexpr std::size_t kMaxDepth = 8;  // the schema nests four deep

    void open(char c) {
        item();
        out_.put(c);
        if (depth_ == kMaxDepth) throw std::logic_error("JSON output nested deeper than the schema");
        first_[depth_++] = true;
    }
    void close(char c) {
        const bool empty = first_[--depth_];
        if (pretty_ && !empty) newline();
        out_.put(c);
    }
    // Separator and indentation before a value or key.
    void item() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (depth_ == 0) return;
        if (!first_[depth_ - 1]) out_.put(',');
        first_[depth_ - 1] = false;
        if (pretty_) newline();
    }
    void newline() {
        char* p = out_.reserve(1 + depth_ * 2);
        *p++ = '\n';
        out_.wrote_to(std::fill_n(p, depth_ * 2, ' '));
    }

    OutputBuffer& out_;
    bool pretty_;
    bool after_key_ = false;
    std::array<bool, kMaxDepth> first_{};  // per open object or array: nothing written in it yet
    std::size_t depth_ = 0;
};

// About what a fact takes in compact output.
constexpr std::size_t kBytesPerFact = 320;

// A span is written in one piece, and on one line in pretty output too (as
// docs/FACTS.md shows it): a fact has one or two, and they hold most of its
// keys and numbers. Writes at most kSpanPieceBytes at `p`; returns the end.
constexpr std::size_t kSpanPieceBytes = 256;  // six keys, six numbers of at most 20 digits, and "field"

template <bool Pretty>
char* span_piece(char* p, ByteSpan span, const SourcePosition& start, std::size_t end_char_offset, bool in_body) {
    constexpr std::string_view colon = Pretty ? ": " : ":";
    constexpr std::string_view comma = Pretty ? ", " : ",";
    constexpr std::size_t kMaxDigits = 20;
    const auto put = [&](std::string_view s) { p = std::copy(s.begin(), s.end(), p); };
    const auto member = [&](std::string_view quoted_key, std::size_t value) {
        put(quoted_key);
        put(colon);
        p = std::to_chars(p, p + kMaxDigits, value).ptr;
    };
    *p++ = '{';
    member("\"start\"", span.start);
    put(comma);
    member("\"end\"", span.end);
    put(comma);
    member("\"char_start\"", start.char_offset);
    put(comma);
    member("\"char_end\"", end_char_offset);
    put(comma);
    member("\"line\"", start.line);
    put(comma);
    member("\"col\"", start.col);
    if (in_body) {
        put(comma);
        put("\"field\"");
        put(colon);
        put("\"body\"");
    }
    *p++ = '}';
    return p;
}

void write_span(JsonEmitter& json, const SourceLocator& locator, ByteSpan span, bool in_body) {
    const SourcePosition start = locator.locate(span.start);
    const std::size_t end_char_offset = locator.char_offset_after(span.start, start, span.end);
    json.raw_piece(kSpanPieceBytes, [&](char* p) {
        return json.pretty() ? span_piece<true>(p, span, start, end_char_offset, in_body)
                             : span_piece<false>(p, span, start, end_char_offset, in_body);
    });
}

void write_fact(JsonEmitter& json, const Document& doc, const SourceLocator& locator, const Fact& fact,
                const JsonStyle& style) {
    const bool in_body = !doc.source_field.empty();
    json.begin_object();
    json.key("type"); json.string(fact_type_name(fact.type));
    json.key("text"); json.string(std::string_view(doc.source).substr(fact.span.start, fact.span.size()));
    json.key("span"); write_span(json, locator, fact.span, in_body);
    json.key("rule"); json.string(fact.rule);
    switch (fact.type) {
        case FactType::team:
            json.field("team", fact.team);
            break;
        case FactType::model:
            json.field("model", fact.model);
            json.field("team", fact.team);
            break;
        case FactType::parameter_count:
            json.field("value", fact.value);
            json.key("approximate"); json.boolean(fact.approximate);
            json.field("model", fact.model);
            json.field("team", fact.team);
            break;
        case FactType::benchmark_score:
            json.field("score", fact.score);
            json.field("max_score", fact.max_score);
            json.field("unit", fact.unit);
            json.field("benchmark", fact.benchmark);
            json.field("model", fact.model);
            json.field("team", fact.team);
            break;
        case FactType::quote:
            json.field("quote", fact.quote);
            json.field("speaker", fact.speaker);
            json.field("role", fact.role);
            json.field("org", fact.org);
            json.field("speaker_span", fact.speaker_span,
                       [&](const ByteSpan& s) { write_span(json, locator, s, in_body); });
            break;
        case FactType::quantity:
            json.field("value", fact.value);
            json.field("unit", fact.unit);
            json.key("approximate"); json.boolean(fact.approximate);
            json.field("min", fact.min);
            json.field("max", fact.max);
            json.field("max_score", fact.max_score);
            json.field("bound", fact.bound);
            break;
    }
    if (style.explain) {
        json.key("matched");
        json.begin_array();
        for (const std::string& m : fact.matched) json.string(m);
        json.end_array();
    }
    json.end_object();
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    OutputBuffer buffer(out, s.size() + 2);
    write_json_string(buffer, s);
}

void append_document_json(std::string& out, const Document& doc, const std::vector<Fact>& facts,
                          const JsonStyle& style) {
    const SourceLocator locator(doc.source, doc.source_valid_utf8);
    OutputBuffer buffer(out, kBytesPerFact * (facts.size() + 2));  // one allocation, not a dozen doublings
    JsonEmitter json(buffer, style.pretty);
    json.begin_object();
    json.key("schema"); json.string("kfacts/1");
    json.key("doc");
    json.begin_object();
    json.key("id"); json.string(doc.meta.id);
    json.key("path"); json.string(doc.meta.path);
    json.field("title", doc.meta.title);
    json.field("publisher", doc.meta.publisher);
    json.field("author", doc.meta.author);
    json.field("published_at", doc.meta.published_at);
    json.field("url", doc.meta.url);
    json.end_object();
    json.key("facts");
    json.begin_array();
    for (const Fact& fact : facts) write_fact(json, doc, locator, fact, style);
    json.end_array();
    json.key("diagnostics");
    json.begin_array();
    for (const Diagnostic& d : doc.diagnostics) {
        json.begin_object();
        json.key("level"); json.string(severity_name(d.level));
        json.key("code"); json.string(code_name(d.code));
        json.key("message"); json.string(d.message);
        if (d.span) {
            json.key("span");
            write_span(json, locator, *d.span, !doc.source_field.empty());
        }
        json.end_object();
    }
    json.end_array();
    json.end_object();
    buffer.put('\n');
}

}  // namespace kfacts
