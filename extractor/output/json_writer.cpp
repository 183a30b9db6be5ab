#include "output/json_writer.h"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cstring>
#include <iterator>
#include <stdexcept>

namespace kfacts {
namespace {

// Minimal streaming JSON emitter: objects, arrays, scalars, optional indenting.
class JsonEmitter {
public:
    JsonEmitter(std::string& out, bool pretty) : out_(out), pretty_(pretty) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    // Keys are the schema's own short ASCII names: written without escaping,
    // and in compact output with their separator in one append (a document
    // has some twenty keys a fact).
    void key(std::string_view k) {
        if (pretty_ || k.size() > kMaxKey) {
            item();
            out_ += '"';
            out_ += k;
            out_ += pretty_ ? "\": " : "\":";
        } else {
            // What item() writes in compact output, then the key.
            char piece[kMaxKey + 4];
            std::size_t n = 0;
            if (depth_ > 0 && !first_[depth_ - 1]) piece[n++] = ',';
            if (depth_ > 0) first_[depth_ - 1] = false;
            piece[n++] = '"';
            std::memcpy(piece + n, k.data(), k.size());
            n += k.size();
            piece[n++] = '"';
            piece[n++] = ':';
            out_.append(piece, n);
        }
        after_key_ = true;
    }
    void string(std::string_view s) { item(); append_json_string(out_, s); }
    void raw(std::string_view s) { item(); out_ += s; }
    void number(std::size_t n) {
        item();
        char digits[24];
        const auto written = std::to_chars(std::begin(digits), std::end(digits), n);
        out_.append(digits, written.ptr);
    }
    void boolean(bool b) { raw(b ? "true" : "false"); }
    bool pretty() const { return pretty_; }
    void null() { raw("null"); }

    template <typename T, typename F>
    void field(std::string_view k, const std::optional<T>& v, F write) {
        key(k);
        if (v) write(*v);
        else null();
    }
    void field(std::string_view k, const std::optional<std::string>& v) {
        field(k, v, [&](const std::string& s) { string(s); });
    }
    void field(std::string_view k, const std::optional<ExactNumber>& v) {
        field(k, v, [&](const ExactNumber& n) { raw(n.to_string()); });
    }

private:
    static constexpr std::size_t kMaxKey = 32;
    static constexpr std::size_t kMaxDepth = 8;  // the schema nests four deep

    void open(char c) {
        item();
        out_ += c;
        if (depth_ == kMaxDepth) throw std::logic_error("JSON output nested deeper than the schema");
        first_[depth_++] = true;
    }
    void close(char c) {
        const bool empty = first_[--depth_];
        if (pretty_ && !empty) newline();
        out_ += c;
    }
    // Separator and indentation before a value or key.
    void item() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (depth_ == 0) return;
        if (!first_[depth_ - 1]) out_ += ',';
        first_[depth_ - 1] = false;
        if (pretty_) newline();
    }
    void newline() {
        out_ += '\n';
        out_.append(depth_ * 2, ' ');
    }

    std::string& out_;
    bool pretty_;
    bool after_key_ = false;
    std::array<bool, kMaxDepth> first_{};  // per open object or array: nothing written in it yet
    std::size_t depth_ = 0;
};

// About what a fact takes in compact output.
constexpr std::size_t kBytesPerFact = 320;

// A span is written in one piece, and on one line in pretty output too (as
// docs/FACTS.md shows it): a fact has one or two, and they hold most of its
// keys and numbers. Returns the end of what it wrote into `piece`.
template <bool Pretty>
char* span_piece(char (&piece)[256], ByteSpan span, const SourcePosition& start, const SourcePosition& end,
                 bool in_body) {
    constexpr std::string_view colon = Pretty ? ": " : ":";
    constexpr std::string_view comma = Pretty ? ", " : ",";
    char* p = piece;
    const auto put = [&](std::string_view s) { p = std::copy(s.begin(), s.end(), p); };
    const auto member = [&](std::string_view quoted_key, std::size_t value) {
        put(quoted_key);
        put(colon);
        p = std::to_chars(p, piece + sizeof piece, value).ptr;
    };
    *p++ = '{';
    member("\"start\"", span.start);
    put(comma);
    member("\"end\"", span.end);
    put(comma);
    member("\"char_start\"", start.char_offset);
    put(comma);
    member("\"char_end\"", end.char_offset);
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
    const SourcePosition end = locator.locate(span.end);
    char piece[256];  // six keys, six numbers of at most 20 digits, and "field"
    const char* written = json.pretty() ? span_piece<true>(piece, span, start, end, in_body)
                                        : span_piece<false>(piece, span, start, end, in_body);
    json.raw(std::string_view(piece, static_cast<std::size_t>(written - piece)));
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
    out += '"';
    // Runs of bytes that need no escaping (printable ASCII, valid UTF-8) are
    // appended whole; most strings are one run.
    std::size_t run = 0;
    std::size_t i = 0;
    const auto flush = [&] { out.append(s.substr(run, i - run)); };
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
                out += "\xEF\xBF\xBD";
                run = i + len;
            }
            i += len;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        flush();
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: fmt::format_to(std::back_inserter(out), "\\u{:04x}", c);
        }
        run = ++i;
    }
    flush();
    out += '"';
}

void append_document_json(std::string& out, const Document& doc, const std::vector<Fact>& facts,
                          const JsonStyle& style) {
    const SourceLocator locator(doc.source, doc.source_valid_utf8);
    out.reserve(out.size() + kBytesPerFact * (facts.size() + 2));  // one allocation, not a dozen doublings
    JsonEmitter json(out, style.pretty);
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
    out += '\n';
}

}  // namespace kfacts
