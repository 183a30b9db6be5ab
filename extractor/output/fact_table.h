// The tabular view of kfacts/1 shared by the CSV, XLSX and SQLite writers:
// one row per fact with the same columns, in the same order, everywhere, one
// row per document, and one row per diagnostic of a document (XLSX and
// SQLite; CSV has no place for them). docs/analysts.md documents the columns.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.h"
#include "document/document.h"
#include "facts/fact.h"

namespace kfacts {

enum class FactColumn : std::uint8_t {
    doc_id, publisher, published_at, url, type, model, team, value, unit, approximate, score, max_score,
    benchmark, speaker, role, org, quote, text, start, end, line, col, rule,
};
inline constexpr std::size_t kFactColumnCount = static_cast<std::size_t>(FactColumn::rule) + 1;

enum class DocumentColumn : std::uint8_t {
    doc_id, path, title, publisher, author, published_at, url, facts, diagnostics, errors,
};
inline constexpr std::size_t kDocumentColumnCount = static_cast<std::size_t>(DocumentColumn::errors) + 1;

enum class DiagnosticColumn : std::uint8_t { doc_id, level, code, message, start, end, line, col };
inline constexpr std::size_t kDiagnosticColumnCount = static_cast<std::size_t>(DiagnosticColumn::col) + 1;

std::string_view column_name(FactColumn column);
std::string_view column_name(DocumentColumn column);
std::string_view column_name(DiagnosticColumn column);

// One cell: absent, text, an exact decimal number, or a truth value.
struct Cell {
    enum class Kind : std::uint8_t { null, text, number, boolean };
    Kind kind = Kind::null;
    std::string text;   // text: valid UTF-8; number: exact decimal, never exponent form
    bool flag = false;  // boolean

    static Cell of_text(std::string_view s);
    static Cell of_text_or_null(const std::optional<std::string>& s);
    static Cell of_number(const ExactNumber& n) { return {Kind::number, n.to_string(), false}; }
    static Cell of_number_or_null(const std::optional<ExactNumber>& n);
    static Cell of_count(std::size_t n);
    static Cell of_bool(bool b) { return {Kind::boolean, {}, b}; }
};

using FactRow = std::array<Cell, kFactColumnCount>;
using DocumentRow = std::array<Cell, kDocumentColumnCount>;
using DiagnosticRow = std::array<Cell, kDiagnosticColumnCount>;

// Whether a column holds a value for facts of `type` (the document columns,
// type, text, span and rule always do). A sheet per type shows only these.
bool column_applies(FactColumn column, FactType type);

// Rows of one document's facts. Keeps a SourceLocator so that line and
// column lookups do not rescan the document.
class FactRows {
public:
    explicit FactRows(const Document& doc);
    void fill(const Fact& fact, FactRow& row) const;

private:
    const Document& doc_;
    SourceLocator locator_;
};

DocumentRow document_row(const Document& doc, std::size_t fact_count);

// A row per diagnostic of `doc`, in the order of its JSON output; start,
// end, line and col are those of the diagnostic's span, null without one.
std::vector<DiagnosticRow> diagnostic_rows(const Document& doc);

// `s` with every ill-formed UTF-8 sequence replaced by U+FFFD, as the JSON
// writer does, so that every format shows the same text.
std::string valid_utf8_text(std::string_view s);

// The double that an exact decimal reads back as, when it does so without
// loss (its shortest decimal form is the same text): "72.03", "519000000000".
// nullopt for values a double cannot carry exactly, which writers keep as text.
std::optional<double> lossless_double(std::string_view decimal);

}  // namespace kfacts
