// kfacts facts as an Excel workbook (libxlsxwriter): one sheet per fact
// type, a `documents` sheet and a `diagnostics` sheet, header rows frozen,
// autofilters on, numbers as numbers, article URLs as links. Rows go to
// temporary files as they are written (libxlsxwriter's constant-memory
// mode), so memory stays bounded.
#pragma once

#include <cstddef>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

#include "document/document.h"
#include "facts/fact.h"

namespace kfacts {

struct XlsxOptions {
    FactTypeSet types = FactTypeSet::defaults();  // a sheet for each
    std::size_t max_rows = 1048576;               // per sheet, header included (Excel's limit)
    // The workbook's creation time, the one thing that would make two runs
    // on the same input differ: fixed, by default at 1980-01-01T00:00:00Z,
    // the date libxlsxwriter gives every file inside the ZIP.
    std::time_t created = kFixedCreated;

    static constexpr std::time_t kFixedCreated = 315532800;
};

class XlsxWriter {
public:
    // Throws std::runtime_error when the workbook cannot be started.
    XlsxWriter(const std::string& path, const XlsxOptions& options);
    ~XlsxWriter();
    XlsxWriter(const XlsxWriter&) = delete;
    XlsxWriter& operator=(const XlsxWriter&) = delete;

    void add(const Document& doc, const std::vector<Fact>& facts);

    // Writes the file (std::runtime_error if that fails) and returns notes on
    // what could not be written as asked: URLs kept as text, text cut at
    // Excel's cell limit, numbers too precise for Excel kept as text, rows
    // beyond a full sheet.
    std::vector<std::string> finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kfacts
