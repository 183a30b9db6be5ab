#include "output/fact_table.h"

#include <algorithm>
#include <charconv>

namespace kfacts {

std::string_view column_name(FactColumn column) {
    switch (column) {
        case FactColumn::doc_id: return "doc_id";
        case FactColumn::publisher: return "publisher";
        case FactColumn::published_at: return "published_at";
        case FactColumn::url: return "url";
        case FactColumn::type: return "type";
        case FactColumn::model: return "model";
        case FactColumn::team: return "team";
        case FactColumn::value: return "value";
        case FactColumn::unit: return "unit";
        case FactColumn::approximate: return "approximate";
        case FactColumn::score: return "score";
        case FactColumn::max_score: return "max_score";
        case FactColumn::benchmark: return "benchmark";
        case FactColumn::speaker: return "speaker";
        case FactColumn::role: return "role";
        case FactColumn::org: return "org";
        case FactColumn::quote: return "quote";
        case FactColumn::text: return "text";
        case FactColumn::start: return "start";
        case FactColumn::end: return "end";
        case FactColumn::line: return "line";
        case FactColumn::col: return "col";
        case FactColumn::rule: return "rule";
    }
    return "unknown";
}

std::string_view column_name(DocumentColumn column) {
    switch (column) {
        case DocumentColumn::doc_id: return "doc_id";
        case DocumentColumn::path: return "path";
        case DocumentColumn::title: return "title";
        case DocumentColumn::publisher: return "publisher";
        case DocumentColumn::author: return "author";
        case DocumentColumn::published_at: return "published_at";
        case DocumentColumn::url: return "url";
        case DocumentColumn::facts: return "facts";
        case DocumentColumn::diagnostics: return "diagnostics";
        case DocumentColumn::errors: return "errors";
    }
    return "unknown";
}

std::string_view column_name(DiagnosticColumn column) {
    switch (column) {
        case DiagnosticColumn::doc_id: return "doc_id";
        case DiagnosticColumn::level: return "level";
        case DiagnosticColumn::code: return "code";
        case DiagnosticColumn::message: return "message";
        case DiagnosticColumn::start: return "start";
        case DiagnosticColumn::end: return "end";
        case DiagnosticColumn::line: return "line";
        case DiagnosticColumn::col: return "col";
    }
    return "unknown";
}

Cell Cell::of_text(std::string_view s) { return {Kind::text, valid_utf8_text(s), false}; }

Cell Cell::of_text_or_null(const std::optional<std::string>& s) { return s ? of_text(*s) : Cell{}; }

Cell Cell::of_number_or_null(const std::optional<ExactNumber>& n) { return n ? of_number(*n) : Cell{}; }

Cell Cell::of_count(std::size_t n) { return {Kind::number, std::to_string(n), false}; }

bool column_applies(FactColumn column, FactType type) {
    using C = FactColumn;
    switch (column) {
        case C::model: return type == FactType::model || type == FactType::parameter_count ||
                              type == FactType::benchmark_score;
        case C::team: return type == FactType::team || type == FactType::model ||
                             type == FactType::parameter_count || type == FactType::benchmark_score;
        case C::value:
        case C::approximate: return type == FactType::parameter_count || type == FactType::quantity;
        case C::unit:
        case C::max_score: return type == FactType::benchmark_score || type == FactType::quantity;
        case C::score:
        case C::benchmark: return type == FactType::benchmark_score;
        case C::speaker:
        case C::role:
        case C::org:
        case C::quote: return type == FactType::quote;
        default: return true;
    }
}

FactRows::FactRows(const Document& doc) : doc_(doc), locator_(doc.source, doc.source_valid_utf8) {}

void FactRows::fill(const Fact& fact, FactRow& row) const {
    const auto set = [&](FactColumn c, Cell cell) {
        row[static_cast<std::size_t>(c)] = column_applies(c, fact.type) ? std::move(cell) : Cell{};
    };
    const SourcePosition start = locator_.locate(fact.span.start);
    set(FactColumn::doc_id, Cell::of_text(doc_.meta.id));
    set(FactColumn::publisher, Cell::of_text_or_null(doc_.meta.publisher));
    set(FactColumn::published_at, Cell::of_text_or_null(doc_.meta.published_at));
    set(FactColumn::url, Cell::of_text_or_null(doc_.meta.url));
    set(FactColumn::type, Cell::of_text(fact_type_name(fact.type)));
    set(FactColumn::model, Cell::of_text_or_null(fact.model));
    set(FactColumn::team, Cell::of_text_or_null(fact.team));
    set(FactColumn::value, Cell::of_number_or_null(fact.value));
    set(FactColumn::unit, Cell::of_text_or_null(fact.unit));
    set(FactColumn::approximate, Cell::of_bool(fact.approximate));
    set(FactColumn::score, Cell::of_number_or_null(fact.score));
    set(FactColumn::max_score, Cell::of_number_or_null(fact.max_score));
    set(FactColumn::benchmark, Cell::of_text_or_null(fact.benchmark));
    set(FactColumn::speaker, Cell::of_text_or_null(fact.speaker));
    set(FactColumn::role, Cell::of_text_or_null(fact.role));
    set(FactColumn::org, Cell::of_text_or_null(fact.org));
    set(FactColumn::quote, Cell::of_text_or_null(fact.quote));
    set(FactColumn::text, Cell::of_text(std::string_view(doc_.source).substr(fact.span.start, fact.span.size())));
    set(FactColumn::start, Cell::of_count(fact.span.start));
    set(FactColumn::end, Cell::of_count(fact.span.end));
    set(FactColumn::line, Cell::of_count(start.line));
    set(FactColumn::col, Cell::of_count(start.col));
    set(FactColumn::rule, Cell::of_text(fact.rule));
}

DocumentRow document_row(const Document& doc, std::size_t fact_count) {
    const auto errors = std::count_if(doc.diagnostics.begin(), doc.diagnostics.end(),
                                      [](const Diagnostic& d) { return d.level == Severity::error; });
    DocumentRow row;
    const auto set = [&](DocumentColumn c, Cell cell) { row[static_cast<std::size_t>(c)] = std::move(cell); };
    set(DocumentColumn::doc_id, Cell::of_text(doc.meta.id));
    set(DocumentColumn::path, Cell::of_text(doc.meta.path));
    set(DocumentColumn::title, Cell::of_text_or_null(doc.meta.title));
    set(DocumentColumn::publisher, Cell::of_text_or_null(doc.meta.publisher));
    set(DocumentColumn::author, Cell::of_text_or_null(doc.meta.author));
    set(DocumentColumn::published_at, Cell::of_text_or_null(doc.meta.published_at));
    set(DocumentColumn::url, Cell::of_text_or_null(doc.meta.url));
    set(DocumentColumn::facts, Cell::of_count(fact_count));
    set(DocumentColumn::diagnostics, Cell::of_count(doc.diagnostics.size()));
    set(DocumentColumn::errors, Cell::of_count(static_cast<std::size_t>(errors)));
    return row;
}

std::vector<DiagnosticRow> diagnostic_rows(const Document& doc) {
    std::vector<DiagnosticRow> rows;
    if (doc.diagnostics.empty()) return rows;
    const SourceLocator locator(doc.source, doc.source_valid_utf8);
    for (const Diagnostic& d : doc.diagnostics) {
        DiagnosticRow& row = rows.emplace_back();
        const auto set = [&](DiagnosticColumn c, Cell cell) { row[static_cast<std::size_t>(c)] = std::move(cell); };
        set(DiagnosticColumn::doc_id, Cell::of_text(doc.meta.id));
        set(DiagnosticColumn::level, Cell::of_text(severity_name(d.level)));
        set(DiagnosticColumn::code, Cell::of_text(code_name(d.code)));
        set(DiagnosticColumn::message, Cell::of_text(d.message));
        if (!d.span) continue;
        const SourcePosition start = locator.locate(d.span->start);
        set(DiagnosticColumn::start, Cell::of_count(d.span->start));
        set(DiagnosticColumn::end, Cell::of_count(d.span->end));
        set(DiagnosticColumn::line, Cell::of_count(start.line));
        set(DiagnosticColumn::col, Cell::of_count(start.col));
    }
    return rows;
}

std::string valid_utf8_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    char32_t cp;
    bool valid;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t length = utf8_sequence(s, i, cp, valid);
        if (valid) out.append(s.substr(i, length));
        else out += "\xEF\xBF\xBD";
        i += length;
    }
    return out;
}

std::optional<double> lossless_double(std::string_view decimal) {
    double d = 0;
    const auto [end, error] = std::from_chars(decimal.data(), decimal.data() + decimal.size(), d);
    if (error != std::errc() || end != decimal.data() + decimal.size()) return std::nullopt;
    char buffer[512];
    const auto written = std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::fixed);
    if (written.ec != std::errc()) return std::nullopt;
    if (std::string_view(buffer, static_cast<std::size_t>(written.ptr - buffer)) != decimal) return std::nullopt;
    return d;
}

}  // namespace kfacts
