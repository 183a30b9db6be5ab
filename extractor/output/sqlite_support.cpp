#include "output/sqlite_support.h"

#include <fmt/format.h>

#include <charconv>

namespace kfacts::sqlite {
namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
    throw std::runtime_error(fmt::format("{}: {}", what, db ? sqlite3_errmsg(db) : "out of memory"));
}

std::optional<std::int64_t> as_int64(std::string_view decimal) {
    std::int64_t v = 0;
    const auto [end, error] = std::from_chars(decimal.data(), decimal.data() + decimal.size(), v);
    if (error != std::errc() || end != decimal.data() + decimal.size()) return std::nullopt;
    return v;
}

}  // namespace

Handle open(const std::string& path, int flags) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Handle db(raw);
    if (rc != SQLITE_OK) fail(raw, fmt::format("cannot open {}", path));
    sqlite3_busy_timeout(raw, 10000);  // another kfacts writing the same file
    return db;
}

void exec(sqlite3* db, const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) fail(db, "SQLite");
}

std::optional<int> schema_version(sqlite3* db) {
    Statement exists(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
    if (!exists.step()) return std::nullopt;
    Statement version(db, "SELECT MAX(version) FROM schema_version");
    if (!version.step() || version.is_null(0)) return std::nullopt;
    return static_cast<int>(version.integer(0));
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
        fail(db, "SQLite");
    }
}

void Statement::bind_null(int i) { sqlite3_bind_null(stmt_, i); }

void Statement::bind_text(int i, std::string_view s) {
    sqlite3_bind_text64(stmt_, i, s.data(), s.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void Statement::bind_int(int i, std::int64_t v) { sqlite3_bind_int64(stmt_, i, v); }

void Statement::bind_cell(int i, const Cell& cell) {
    switch (cell.kind) {
        case Cell::Kind::null: bind_null(i); return;
        case Cell::Kind::text: bind_text(i, cell.text); return;
        case Cell::Kind::boolean: bind_int(i, cell.flag ? 1 : 0); return;
        case Cell::Kind::number: break;
    }
    if (const auto v = as_int64(cell.text)) {
        bind_int(i, *v);
    } else if (const auto d = cell.text.find('.') != std::string::npos ? lossless_double(cell.text) : std::nullopt) {
        sqlite3_bind_double(stmt_, i, *d);
    } else {
        bind_text(i, cell.text);
    }
}

bool Statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, "SQLite");
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}

std::optional<std::string> Statement::optional_text(int col) const {
    if (is_null(col)) return std::nullopt;
    return text(col);
}

std::optional<std::string> Statement::number(int col) const {
    switch (sqlite3_column_type(stmt_, col)) {
        case SQLITE_NULL: return std::nullopt;
        case SQLITE_INTEGER: return std::to_string(sqlite3_column_int64(stmt_, col));
        case SQLITE_FLOAT: {
            char buffer[512];
            const auto written =
                std::to_chars(buffer, buffer + sizeof buffer, sqlite3_column_double(stmt_, col), std::chars_format::fixed);
            return std::string(buffer, written.ptr);
        }
        default: return text(col);
    }
}

}  // namespace kfacts::sqlite
