// kfacts facts as CSV (RFC 4180): one row per fact, the columns of
// fact_table.h, for spreadsheets. Written per document into a string, like
// the JSON writer, so that documents can be formatted in parallel.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"
#include "facts/fact.h"
#include "output/fact_table.h"

namespace kfacts {

struct CsvStyle {
    // A UTF-8 byte order mark first, so that Excel (on Korean Windows too)
    // reads the file as UTF-8 rather than in the system code page.
    bool bom = true;
};

// Appends the BOM (if asked) and the header row.
void append_csv_header(std::string& out, const CsvStyle& style);

// Appends one row per fact of `doc`.
void append_document_csv(std::string& out, const Document& doc, const std::vector<Fact>& facts);

// Appends one cell: quoted when it holds a comma, a quotation mark or a line
// end; text that a spreadsheet would run as a formula (starting with =, +, -,
// @, tab or CR) gets a leading apostrophe. Numbers are written as they are.
void append_csv_cell(std::string& out, const Cell& cell);

}  // namespace kfacts
