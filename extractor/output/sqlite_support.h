// Internal to the output stage: RAII for SQLite handles and statements,
// shared by the writer (sqlite_writer.cpp) and the reader (fact_database.cpp).
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "output/fact_table.h"

namespace kfacts::sqlite {

// The layout of the tables (see docs/analysts.md); stored in schema_version.
inline constexpr int kSchemaVersion = 1;

struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Handle = std::unique_ptr<sqlite3, Closer>;

// Opens `path` with `flags`; throws std::runtime_error with SQLite's message.
Handle open(const std::string& path, int flags);

// Runs statements that return no rows.
void exec(sqlite3* db, const char* sql);

// The schema version recorded in `db`, or nullopt if it has no schema_version table.
std::optional<int> schema_version(sqlite3* db);

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters count from 1, as in SQLite.
    void bind_null(int i);
    void bind_text(int i, std::string_view s);
    void bind_int(int i, std::int64_t v);
    // INTEGER when the value fits 64 bits, REAL when a double carries it
    // exactly, TEXT (exact) otherwise; booleans as 0 or 1.
    void bind_cell(int i, const Cell& cell);

    bool step();   // true while there is a row
    void reset();  // for the next execution, keeping no bindings

    bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    std::string text(int col) const;
    std::optional<std::string> optional_text(int col) const;
    std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
    // A number column as exact decimal text, whatever its storage class.
    std::optional<std::string> number(int col) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace kfacts::sqlite
