#include "output/sqlite_writer.h"

#include <fmt/format.h>

#include "output/fact_table.h"
#include "output/sqlite_support.h"

namespace kfacts {
namespace {

// The fact columns stored in `facts` besides doc_id: those of a fact itself;
// the document's (publisher, published_at, url) live in `documents`.
constexpr FactColumn kFirstStoredColumn = FactColumn::type;
// The diagnostic columns stored in `diagnostics` besides doc_id.
constexpr auto kFirstStoredDiagnosticColumn = static_cast<std::size_t>(DiagnosticColumn::level);

// The type and constraint of a column of `facts`. Value columns have no
// declared type, so that SQLite keeps each value in the storage class it was
// bound with (a numeric affinity would turn an exact TEXT integer beyond 64
// bits into an inexact REAL).
std::string_view column_declaration(FactColumn column) {
    switch (column) {
        case FactColumn::value:
        case FactColumn::score:
        case FactColumn::max_score: return "";
        case FactColumn::approximate: return " INTEGER";
        case FactColumn::start:
        case FactColumn::end:
        case FactColumn::line:
        case FactColumn::col: return " INTEGER NOT NULL";
        case FactColumn::type:
        case FactColumn::text:
        case FactColumn::rule: return " TEXT NOT NULL";
        default: return " TEXT";
    }
}

// The columns of `diagnostics` after doc_id and seq; the place columns are
// null for a diagnostic without a span.
std::string diagnostic_columns_sql() {
    std::string columns;
    for (std::size_t c = kFirstStoredDiagnosticColumn; c < kDiagnosticColumnCount; ++c) {
        const auto column = static_cast<DiagnosticColumn>(c);
        const bool text = column == DiagnosticColumn::level || column == DiagnosticColumn::code ||
                          column == DiagnosticColumn::message;
        columns += fmt::format(",\n  \"{}\" {}", column_name(column), text ? "TEXT NOT NULL" : "INTEGER");
    }
    return columns;
}

std::string schema_sql() {
    std::string fact_columns;
    for (auto c = static_cast<std::size_t>(kFirstStoredColumn); c < kFactColumnCount; ++c) {
        const auto column = static_cast<FactColumn>(c);
        fact_columns += fmt::format(",\n  \"{}\"{}", column_name(column), column_declaration(column));
    }
    std::string view_columns;
    for (std::size_t c = 0; c < kFactColumnCount; ++c) {
        const auto column = static_cast<FactColumn>(c);
        const bool from_documents = c < static_cast<std::size_t>(kFirstStoredColumn) && column != FactColumn::doc_id;
        view_columns += fmt::format("{}{}.\"{}\"", c ? ", " : "", from_documents ? "d" : "f", column_name(column));
    }
    return fmt::format(R"(
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version (version) SELECT {0} WHERE NOT EXISTS (SELECT 1 FROM schema_version);
CREATE TABLE IF NOT EXISTS documents (
  doc_id TEXT PRIMARY KEY,
  path TEXT NOT NULL,
  title TEXT, publisher TEXT, author TEXT, published_at TEXT, url TEXT,
  facts INTEGER NOT NULL, diagnostics INTEGER NOT NULL, errors INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS facts (
  doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
  seq INTEGER NOT NULL{1},
  PRIMARY KEY (doc_id, seq));
CREATE TABLE IF NOT EXISTS diagnostics (
  doc_id TEXT NOT NULL REFERENCES documents (doc_id) ON DELETE CASCADE,
  seq INTEGER NOT NULL{3},
  PRIMARY KEY (doc_id, seq));
CREATE INDEX IF NOT EXISTS facts_type ON facts (type);
CREATE INDEX IF NOT EXISTS facts_model ON facts (model);
CREATE INDEX IF NOT EXISTS facts_team ON facts (team);
CREATE INDEX IF NOT EXISTS facts_speaker ON facts (speaker);
CREATE VIEW IF NOT EXISTS fact_rows AS
  SELECT {2} FROM facts f JOIN documents d ON d.doc_id = f.doc_id ORDER BY d.rowid, f.seq;
)",
                       sqlite::kSchemaVersion, fact_columns, view_columns, diagnostic_columns_sql());
}

std::string insert_fact_sql() {
    std::string names = "doc_id, seq";
    std::string values = "?1, ?2";
    int parameter = 3;
    for (auto c = static_cast<std::size_t>(kFirstStoredColumn); c < kFactColumnCount; ++c) {
        names += fmt::format(", \"{}\"", column_name(static_cast<FactColumn>(c)));
        values += fmt::format(", ?{}", parameter++);
    }
    return fmt::format("INSERT INTO facts ({}) VALUES ({})", names, values);
}

std::string insert_diagnostic_sql() {
    std::string names = "doc_id, seq";
    std::string values = "?1, ?2";
    int parameter = 3;
    for (std::size_t c = kFirstStoredDiagnosticColumn; c < kDiagnosticColumnCount; ++c) {
        names += fmt::format(", \"{}\"", column_name(static_cast<DiagnosticColumn>(c)));
        values += fmt::format(", ?{}", parameter++);
    }
    return fmt::format("INSERT INTO diagnostics ({}) VALUES ({})", names, values);
}

std::string upsert_document_sql() {
    std::string names, values, updates;
    for (std::size_t c = 0; c < kDocumentColumnCount; ++c) {
        const std::string_view name = column_name(static_cast<DocumentColumn>(c));
        names += fmt::format("{}\"{}\"", c ? ", " : "", name);
        values += fmt::format("{}?{}", c ? ", " : "", c + 1);
        if (c > 0) updates += fmt::format("{}\"{}\" = excluded.\"{}\"", c > 1 ? ", " : "", name, name);
    }
    return fmt::format("INSERT INTO documents ({}) VALUES ({}) ON CONFLICT (doc_id) DO UPDATE SET {}", names, values,
                       updates);
}

}  // namespace

struct SqliteWriter::Impl {
    sqlite::Handle db;
    std::size_t batch_documents;
    std::size_t in_batch = 0;
    bool in_transaction = false;
    std::unique_ptr<sqlite::Statement> delete_facts, delete_diagnostics, upsert_document, insert_fact,
        insert_diagnostic;
};

SqliteWriter::SqliteWriter(const std::string& path, std::size_t batch_documents) : impl_(std::make_unique<Impl>()) {
    Impl& x = *impl_;
    x.batch_documents = batch_documents > 0 ? batch_documents : 1;
    x.db = sqlite::open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite::exec(x.db.get(), "PRAGMA foreign_keys = ON");
    if (const auto version = sqlite::schema_version(x.db.get()); version && *version != sqlite::kSchemaVersion) {
        throw std::runtime_error(fmt::format("{} holds kfacts facts of schema version {}; this kfacts writes version {}",
                                             path, *version, sqlite::kSchemaVersion));
    }
    sqlite::exec(x.db.get(), "BEGIN IMMEDIATE");
    sqlite::exec(x.db.get(), schema_sql().c_str());
    sqlite::exec(x.db.get(), "COMMIT");
    x.delete_facts = std::make_unique<sqlite::Statement>(x.db.get(), "DELETE FROM facts WHERE doc_id = ?1");
    x.upsert_document = std::make_unique<sqlite::Statement>(x.db.get(), upsert_document_sql());
    x.insert_fact = std::make_unique<sqlite::Statement>(x.db.get(), insert_fact_sql());
    x.delete_diagnostics = std::make_unique<sqlite::Statement>(x.db.get(), "DELETE FROM diagnostics WHERE doc_id = ?1");
    x.insert_diagnostic = std::make_unique<sqlite::Statement>(x.db.get(), insert_diagnostic_sql());
}

SqliteWriter::~SqliteWriter() {
    if (impl_->in_transaction) sqlite3_exec(impl_->db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqliteWriter::add(const Document& doc, const std::vector<Fact>& facts) {
    Impl& x = *impl_;
    if (!x.in_transaction) {
        sqlite::exec(x.db.get(), "BEGIN IMMEDIATE");
        x.in_transaction = true;
    }
    const DocumentRow doc_row = document_row(doc, facts.size());
    for (sqlite::Statement* earlier : {x.delete_facts.get(), x.delete_diagnostics.get()}) {
        earlier->bind_cell(1, doc_row[static_cast<std::size_t>(DocumentColumn::doc_id)]);
        earlier->step();
        earlier->reset();
    }

    for (std::size_t c = 0; c < kDocumentColumnCount; ++c) x.upsert_document->bind_cell(static_cast<int>(c + 1), doc_row[c]);
    x.upsert_document->step();
    x.upsert_document->reset();

    const FactRows rows(doc);
    FactRow row;
    for (std::size_t seq = 0; seq < facts.size(); ++seq) {
        rows.fill(facts[seq], row);
        x.insert_fact->bind_cell(1, row[static_cast<std::size_t>(FactColumn::doc_id)]);
        x.insert_fact->bind_int(2, static_cast<std::int64_t>(seq));
        int parameter = 3;
        for (auto c = static_cast<std::size_t>(kFirstStoredColumn); c < kFactColumnCount; ++c) {
            x.insert_fact->bind_cell(parameter++, row[c]);
        }
        x.insert_fact->step();
        x.insert_fact->reset();
    }
    const std::vector<DiagnosticRow> diagnostics = diagnostic_rows(doc);
    for (std::size_t seq = 0; seq < diagnostics.size(); ++seq) {
        x.insert_diagnostic->bind_cell(1, diagnostics[seq][static_cast<std::size_t>(DiagnosticColumn::doc_id)]);
        x.insert_diagnostic->bind_int(2, static_cast<std::int64_t>(seq));
        int parameter = 3;
        for (std::size_t c = kFirstStoredDiagnosticColumn; c < kDiagnosticColumnCount; ++c) {
            x.insert_diagnostic->bind_cell(parameter++, diagnostics[seq][c]);
        }
        x.insert_diagnostic->step();
        x.insert_diagnostic->reset();
    }
    if (++x.in_batch >= x.batch_documents) {
        sqlite::exec(x.db.get(), "COMMIT");
        x.in_transaction = false;
        x.in_batch = 0;
    }
}

void SqliteWriter::finish() {
    Impl& x = *impl_;
    if (!x.in_transaction) return;
    sqlite::exec(x.db.get(), "COMMIT");
    x.in_transaction = false;
    x.in_batch = 0;
}

}  // namespace kfacts
