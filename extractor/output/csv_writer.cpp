#include "output/csv_writer.h"

namespace kfacts {
namespace {

constexpr std::string_view kRecordEnd = "\r\n";  // RFC 4180

bool starts_formula(std::string_view s) {
    return !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r');
}

void append_quoted_if_needed(std::string& out, std::string_view prefix, std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += prefix;
        out += s;
        return;
    }
    out += '"';
    out += prefix;
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

}  // namespace

void append_csv_cell(std::string& out, const Cell& cell) {
    switch (cell.kind) {
        case Cell::Kind::null: break;
        case Cell::Kind::number: out += cell.text; break;
        case Cell::Kind::boolean: out += cell.flag ? "true" : "false"; break;
        case Cell::Kind::text: append_quoted_if_needed(out, starts_formula(cell.text) ? "'" : "", cell.text); break;
    }
}

void append_csv_header(std::string& out, const CsvStyle& style) {
    if (style.bom) out += "\xEF\xBB\xBF";
    for (std::size_t c = 0; c < kFactColumnCount; ++c) {
        if (c > 0) out += ',';
        out += column_name(static_cast<FactColumn>(c));
    }
    out += kRecordEnd;
}

void append_document_csv(std::string& out, const Document& doc, const std::vector<Fact>& facts) {
    const FactRows rows(doc);
    FactRow row;
    for (const Fact& fact : facts) {
        rows.fill(fact, row);
        for (std::size_t c = 0; c < kFactColumnCount; ++c) {
            if (c > 0) out += ',';
            append_csv_cell(out, row[c]);
        }
        out += kRecordEnd;
    }
}

}  // namespace kfacts
