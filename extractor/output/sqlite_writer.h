// kfacts facts into a SQLite database: a `documents` table, a `facts` table
// whose columns mirror the CSV (the `fact_rows` view joins them into exactly
// the CSV's columns), a `diagnostics` table (each document's diagnostics, as
// the JSON output has them) and a `schema_version` table. Writing an article
// again replaces its facts and diagnostics: a document is keyed by its id.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "document/document.h"
#include "facts/fact.h"

namespace kfacts {

class SqliteWriter {
public:
    // Opens or creates the database and its tables; throws std::runtime_error
    // (for a file that is not a kfacts database of this schema version too).
    // Documents are committed `batch_documents` at a time.
    explicit SqliteWriter(const std::string& path, std::size_t batch_documents = 500);
    // Rolls back a batch not committed by finish() (after an exception).
    ~SqliteWriter();
    SqliteWriter(const SqliteWriter&) = delete;
    SqliteWriter& operator=(const SqliteWriter&) = delete;

    // Replaces what the database holds for doc.meta.id by this document, its facts and its diagnostics.
    void add(const Document& doc, const std::vector<Fact>& facts);
    // Commits the last batch.
    void finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kfacts
