#include "output/xlsx_writer.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "output/fact_table.h"

namespace kfacts {
namespace {

constexpr std::size_t kMaxUrlLength = 2079;     // Excel's limit for a hyperlink
constexpr std::size_t kMaxCellChars = 32767;    // Excel's limit for a cell's text
constexpr double kWideColumn = 48;
constexpr double kNarrowColumn = 14;

// Only web links become hyperlinks: an article could name `file:` or
// `external:` targets that Excel would open on the reader's machine.
bool linkable_url(std::string_view url) {
    const auto starts_with_ci = [&](std::string_view prefix) {
        if (url.size() < prefix.size()) return false;
        for (std::size_t i = 0; i < prefix.size(); ++i) {
            const char c = url[i];
            if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != prefix[i]) return false;
        }
        return true;
    };
    if (!starts_with_ci("http://") && !starts_with_ci("https://")) return false;
    if (url.size() > kMaxUrlLength) return false;
    for (unsigned char c : url) {
        if (c <= 0x20 || c == 0x7F) return false;
    }
    return true;
}

// `s` cut to Excel's cell limit (in code points) at a character boundary.
std::string_view cut_to_cell_limit(std::string_view s, bool& cut) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (++chars > kMaxCellChars) {
            cut = true;
            return s.substr(0, i);
        }
    }
    return s;
}

}  // namespace

struct XlsxWriter::Impl {
    struct Sheet {
        lxw_worksheet* worksheet = nullptr;
        std::string name;
        std::vector<std::size_t> columns;  // FactColumn, DocumentColumn or DiagnosticColumn indices shown, in order
        lxw_row_t next_row = 1;            // row 0 is the header
        std::size_t links = 0;
        std::size_t rows_left_out = 0;
    };

    lxw_workbook* workbook = nullptr;
    lxw_format* header_format = nullptr;
    XlsxOptions options;
    std::vector<Sheet> fact_sheets;  // indexed by FactType; unused types have no worksheet
    Sheet documents;
    Sheet diagnostics;
    std::size_t urls_as_text = 0;
    std::size_t cells_cut = 0;
    std::size_t numbers_as_text = 0;

    Sheet make_sheet(const std::string& name, std::vector<std::size_t> columns,
                     const std::vector<std::string_view>& headers, const std::vector<bool>& wide) {
        Sheet sheet;
        sheet.name = name;
        sheet.worksheet = workbook_add_worksheet(workbook, name.c_str());
        if (!sheet.worksheet) throw std::runtime_error(fmt::format("cannot add the sheet {}", name));
        sheet.columns = std::move(columns);
        for (std::size_t c = 0; c < headers.size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            worksheet_set_column(sheet.worksheet, col, col, wide[c] ? kWideColumn : kNarrowColumn, nullptr);
            worksheet_write_string(sheet.worksheet, 0, col, std::string(headers[c]).c_str(), header_format);
        }
        worksheet_freeze_panes(sheet.worksheet, 1, 0);
        return sheet;
    }

    void write_cell(Sheet& sheet, lxw_row_t row, lxw_col_t col, const Cell& cell, bool is_url) {
        lxw_worksheet* ws = sheet.worksheet;
        switch (cell.kind) {
            case Cell::Kind::null: return;
            case Cell::Kind::boolean: worksheet_write_boolean(ws, row, col, cell.flag, nullptr); return;
            case Cell::Kind::number:
                if (const auto d = lossless_double(cell.text)) {
                    worksheet_write_number(ws, row, col, *d, nullptr);
                } else {
                    ++numbers_as_text;
                    worksheet_write_string(ws, row, col, cell.text.c_str(), nullptr);
                }
                return;
            case Cell::Kind::text: break;
        }
        if (is_url && sheet.links < LXW_MAX_NUMBER_URLS && linkable_url(cell.text) &&
            worksheet_write_url(ws, row, col, cell.text.c_str(), nullptr) == LXW_NO_ERROR) {
            ++sheet.links;
            return;
        }
        if (is_url) ++urls_as_text;
        bool cut = false;
        const std::string text(cut_to_cell_limit(cell.text, cut));
        cells_cut += cut;
        worksheet_write_string(ws, row, col, text.c_str(), nullptr);
    }

    // Claims the next row of `sheet`; false when the sheet is full.
    bool next_row(Sheet& sheet, lxw_row_t& row) {
        if (sheet.next_row >= options.max_rows) {
            ++sheet.rows_left_out;
            return false;
        }
        row = sheet.next_row++;
        return true;
    }
};

XlsxWriter::XlsxWriter(const std::string& path, const XlsxOptions& options) : impl_(std::make_unique<Impl>()) {
    Impl& x = *impl_;
    x.options = options;
    lxw_workbook_options workbook_options{};
    workbook_options.constant_memory = LXW_TRUE;
    workbook_options.use_zip64 = LXW_TRUE;  // parts beyond 4 GB for very large runs
    // libxlsxwriter creates the file only when closing it: find out now, not after the whole run.
    if (std::FILE* probe = std::fopen(path.c_str(), "wb")) {
        std::fclose(probe);
    } else {
        throw std::runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    }
    x.workbook = workbook_new_opt(path.c_str(), &workbook_options);
    if (!x.workbook) throw std::runtime_error(fmt::format("cannot create the workbook {}", path));
    lxw_doc_properties properties{};
    properties.created = options.created != 0 ? options.created : 1;  // 0 would mean "now" to libxlsxwriter
    if (workbook_set_properties(x.workbook, &properties) != LXW_NO_ERROR) {
        throw std::runtime_error("cannot set the workbook's properties");
    }
    x.header_format = workbook_add_format(x.workbook);
    format_set_bold(x.header_format);

    x.fact_sheets.resize(std::size(kAllFactTypes));
    for (FactType type : kAllFactTypes) {
        if (!options.types.contains(type)) continue;
        std::vector<std::size_t> columns;
        std::vector<std::string_view> headers;
        std::vector<bool> wide;
        for (std::size_t c = 0; c < kFactColumnCount; ++c) {
            const auto column = static_cast<FactColumn>(c);
            if (column == FactColumn::type || !column_applies(column, type)) continue;
            columns.push_back(c);
            headers.push_back(column_name(column));
            wide.push_back(column == FactColumn::quote || column == FactColumn::text || column == FactColumn::url);
        }
        x.fact_sheets[static_cast<std::size_t>(type)] =
            x.make_sheet(std::string(fact_type_name(type)), std::move(columns), headers, wide);
    }
    std::vector<std::size_t> columns;
    std::vector<std::string_view> headers;
    std::vector<bool> wide;
    for (std::size_t c = 0; c < kDocumentColumnCount; ++c) {
        const auto column = static_cast<DocumentColumn>(c);
        columns.push_back(c);
        headers.push_back(column_name(column));
        wide.push_back(column == DocumentColumn::title || column == DocumentColumn::url ||
                       column == DocumentColumn::path);
    }
    x.documents = x.make_sheet("documents", std::move(columns), headers, wide);
    columns.clear();
    headers.clear();
    wide.clear();
    for (std::size_t c = 0; c < kDiagnosticColumnCount; ++c) {
        const auto column = static_cast<DiagnosticColumn>(c);
        columns.push_back(c);
        headers.push_back(column_name(column));
        wide.push_back(column == DiagnosticColumn::message);
    }
    x.diagnostics = x.make_sheet("diagnostics", std::move(columns), headers, wide);
}

XlsxWriter::~XlsxWriter() {
    // A workbook left unfinished by an exception is still closed, which frees
    // it and removes its temporary files.
    if (impl_->workbook) workbook_close(impl_->workbook);
}

void XlsxWriter::add(const Document& doc, const std::vector<Fact>& facts) {
    Impl& x = *impl_;
    const FactRows rows(doc);
    FactRow row;
    for (const Fact& fact : facts) {
        Impl::Sheet& sheet = x.fact_sheets[static_cast<std::size_t>(fact.type)];
        lxw_row_t r;
        if (!sheet.worksheet || !x.next_row(sheet, r)) continue;
        rows.fill(fact, row);
        for (std::size_t c = 0; c < sheet.columns.size(); ++c) {
            const std::size_t column = sheet.columns[c];
            x.write_cell(sheet, r, static_cast<lxw_col_t>(c), row[column],
                         static_cast<FactColumn>(column) == FactColumn::url);
        }
    }
    lxw_row_t r;
    if (x.next_row(x.documents, r)) {
        const DocumentRow doc_row = document_row(doc, facts.size());
        for (std::size_t c = 0; c < x.documents.columns.size(); ++c) {
            const std::size_t column = x.documents.columns[c];
            x.write_cell(x.documents, r, static_cast<lxw_col_t>(c), doc_row[column],
                         static_cast<DocumentColumn>(column) == DocumentColumn::url);
        }
    }
    for (const DiagnosticRow& diagnostic : diagnostic_rows(doc)) {
        if (!x.next_row(x.diagnostics, r)) continue;
        for (std::size_t c = 0; c < x.diagnostics.columns.size(); ++c) {
            x.write_cell(x.diagnostics, r, static_cast<lxw_col_t>(c), diagnostic[x.diagnostics.columns[c]], false);
        }
    }
}

std::vector<std::string> XlsxWriter::finish() {
    Impl& x = *impl_;
    std::vector<std::string> notes;
    const auto close_sheet = [&](Impl::Sheet& sheet) {
        if (!sheet.worksheet) return;
        worksheet_autofilter(sheet.worksheet, 0, 0, sheet.next_row - 1,
                             static_cast<lxw_col_t>(sheet.columns.size() - 1));
        if (sheet.rows_left_out > 0) {
            notes.push_back(fmt::format("sheet {} is full at {} rows: {} more rows left out (use --format csv or "
                                        "sqlite for all of them)",
                                        sheet.name, sheet.next_row, sheet.rows_left_out));
        }
    };
    for (Impl::Sheet& sheet : x.fact_sheets) close_sheet(sheet);
    close_sheet(x.documents);
    close_sheet(x.diagnostics);
    if (x.urls_as_text > 0) {
        notes.push_back(fmt::format("{} URLs written as text, not links (not http(s), longer than {} characters, "
                                    "or beyond Excel's {} links per sheet)",
                                    x.urls_as_text, kMaxUrlLength, LXW_MAX_NUMBER_URLS));
    }
    if (x.cells_cut > 0) {
        notes.push_back(fmt::format("{} texts cut to Excel's limit of {} characters per cell", x.cells_cut,
                                    kMaxCellChars));
    }
    if (x.numbers_as_text > 0) {
        notes.push_back(fmt::format("{} numbers with more digits than Excel keeps written as text, exactly",
                                    x.numbers_as_text));
    }
    lxw_workbook* workbook = x.workbook;
    x.workbook = nullptr;
    if (const lxw_error error = workbook_close(workbook); error != LXW_NO_ERROR) {
        throw std::runtime_error(fmt::format("writing the workbook failed: {}", lxw_strerror(error)));
    }
    return notes;
}

}  // namespace kfacts
