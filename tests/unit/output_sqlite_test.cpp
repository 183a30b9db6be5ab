// SQLite: the tables and their storage classes, replacing an article's facts
// on a second run, batches, and reading facts back for `kfacts check --db`.
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include "output/fact_database.h"
#include "output/fact_table.h"
#include "output/sqlite_writer.h"
#include "output_test_support.h"

using namespace kfacts;
using namespace kfacts::testing;

namespace {

// A read-only look at a database, as an analyst's tool would have.
class Reader {
public:
    explicit Reader(const std::string& path) { REQUIRE(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK); }
    ~Reader() { sqlite3_close(db_); }

    // Every row of `sql`, each cell as "<storage class>:<text>".
    std::vector<std::vector<std::string>> rows(const std::string& sql) {
        sqlite3_stmt* stmt = nullptr;
        REQUIRE(sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
        std::vector<std::vector<std::string>> out;
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            std::vector<std::string> row;
            for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
                static const char* kClasses[] = {"", "INTEGER", "REAL", "TEXT", "BLOB", "NULL"};
                const int type = sqlite3_column_type(stmt, c);
                const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
                row.push_back(std::string(kClasses[type]) + ":" + (text ? text : ""));
            }
            out.push_back(std::move(row));
        }
        sqlite3_finalize(stmt);
        return out;
    }
    std::string one(const std::string& sql) {
        const auto r = rows(sql);
        REQUIRE(r.size() == 1);
        return r[0][0];
    }
    std::vector<std::string> column_names(const std::string& table) {
        std::vector<std::string> names;
        for (const auto& row : rows("SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid")) {
            names.push_back(row[0].substr(row[0].find(':') + 1));
        }
        return names;
    }

private:
    sqlite3* db_ = nullptr;
};

Document article(const std::string& id, const std::string& body) {
    return read_document_bytes(id + ".txt", "---\nid: " + id + "\nurl: https://example.com/" + id + "\n---\n" + body);
}

Fact count_of(const Document& doc, std::string_view text, const std::string& model, unsigned long long value,
              bool approximate = false) {
    Fact f = fact_at(doc, FactType::parameter_count, text);
    f.model = model;
    f.value = exact(value);
    f.approximate = approximate;
    return f;
}

Fact score_of(const Document& doc, std::string_view text, std::optional<std::string> model,
              std::optional<std::string> team, ExactNumber score, std::string benchmark) {
    Fact f = fact_at(doc, FactType::benchmark_score, text);
    f.model = std::move(model);
    f.team = std::move(team);
    f.score = score;
    f.unit = "점";
    f.benchmark = std::move(benchmark);
    return f;
}

}  // namespace

TEST_CASE("SQLite tables mirror the CSV columns and keep numbers exact") {
    TempDir dir;
    const std::string path = dir / "facts.sqlite";
    const Document doc = article("s1", "A.X K1은 5190억개, 점수 72.03점, 토큰 1e23개, 기온 -3.5도.\n");
    ExactNumber huge = exact(1);
    for (int i = 0; i < 23; ++i) huge.mantissa *= 10;  // beyond 64 bits
    Fact tokens = fact_at(doc, FactType::quantity, "1e23개");
    tokens.value = huge;
    tokens.unit = "개";
    Fact cold = fact_at(doc, FactType::quantity, "-3.5도");
    cold.value = exact(35, 1, true);
    {
        SqliteWriter writer(path);
        writer.add(doc, {count_of(doc, "5190억개", "A.X K1", 519000000000ULL),
                         score_of(doc, "72.03점", "A.X K1", std::nullopt, exact(7203, 2), "평균"), tokens, cold});
        writer.finish();
    }
    Reader db(path);
    CHECK(db.one("SELECT version FROM schema_version") == "INTEGER:1");
    std::vector<std::string> csv_columns;
    for (std::size_t c = 0; c < kFactColumnCount; ++c) csv_columns.emplace_back(column_name(static_cast<FactColumn>(c)));
    CHECK(db.column_names("fact_rows") == csv_columns);
    const auto indexes = db.rows("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'facts' ORDER BY name");
    CHECK(indexes.size() == 5);  // type, model, team, speaker and the (doc_id, seq) key

    const auto rows = db.rows("SELECT type, value, score, approximate, model, team, unit, text, line, url "
                              "FROM fact_rows ORDER BY start");
    REQUIRE(rows.size() == 4);
    CHECK(rows[0] == std::vector<std::string>{"TEXT:parameter_count", "INTEGER:519000000000", "NULL:", "INTEGER:0",
                                              "TEXT:A.X K1", "NULL:", "NULL:", "TEXT:5190억개", "INTEGER:5",
                                              "TEXT:https://example.com/s1"});
    CHECK(rows[1][2] == "REAL:72.03");
    CHECK(rows[1][3] == "NULL:");  // a score has no approximate field
    CHECK(rows[1][6] == "TEXT:점");
    CHECK(rows[2][1] == "TEXT:100000000000000000000000");
    CHECK(rows[3][1] == "REAL:-3.5");
}

TEST_CASE("SQLite: writing an article again replaces its facts, other articles stay") {
    TempDir dir;
    const std::string path = dir / "facts.sqlite";
    const Document first = article("a", "A.X K1은 5190억개.\n");
    const Document other = article("b", "K-EXAONE은 2360억개.\n");
    {
        SqliteWriter writer(path);
        writer.add(first, {count_of(first, "5190억개", "A.X K1", 519000000000ULL)});
        writer.add(other, {count_of(other, "2360억개", "K-EXAONE", 236000000000ULL)});
        writer.finish();
    }
    const Document revised = article("a", "A.X K1은 5190억개, 다시 5190억개와 500B.\n");
    {
        SqliteWriter writer(path);
        writer.add(revised, {count_of(revised, "5190억개", "A.X K1", 519000000000ULL),
                             count_of(revised, "500B", "A.X K1", 500000000000ULL, true)});
        writer.finish();
    }
    Reader db(path);
    CHECK(db.one("SELECT COUNT(*) FROM documents") == "INTEGER:2");
    CHECK(db.one("SELECT facts FROM documents WHERE doc_id = 'a'") == "INTEGER:2");
    CHECK(db.rows("SELECT value FROM facts WHERE doc_id = 'a' ORDER BY seq") ==
          std::vector<std::vector<std::string>>{{"INTEGER:519000000000"}, {"INTEGER:500000000000"}});
    CHECK(db.one("SELECT COUNT(*) FROM facts WHERE doc_id = 'b'") == "INTEGER:1");
}

TEST_CASE("SQLite keeps every document's diagnostics, and a second run replaces them") {
    TempDir dir;
    const std::string path = dir / "facts.sqlite";
    const Document broken = article("a", "A.X K1은 \xC3\x28 5190억개.\n");
    const Document empty = read_document_bytes("empty.txt", "");
    REQUIRE(broken.diagnostics.size() == 1);
    REQUIRE(empty.diagnostics.size() == 1);
    {
        SqliteWriter writer(path);
        writer.add(broken, {});
        writer.add(empty, {});
        writer.finish();
    }
    {
        Reader db(path);
        CHECK(db.column_names("diagnostics") ==
              std::vector<std::string>{"doc_id", "seq", "level", "code", "message", "start", "end", "line", "col"});
        const std::size_t bad_byte = broken.source.find('\xC3');
        const auto rows = db.rows("SELECT * FROM diagnostics ORDER BY doc_id, seq");
        REQUIRE(rows.size() == 2);
        CHECK(rows[0] == std::vector<std::string>{"TEXT:a", "INTEGER:0", "TEXT:warning", "TEXT:utf8.invalid",
                                                  "TEXT:" + broken.diagnostics[0].message,
                                                  "INTEGER:" + std::to_string(bad_byte),
                                                  "INTEGER:" + std::to_string(bad_byte + 1), "INTEGER:5", "INTEGER:9"});
        CHECK(rows[1] == std::vector<std::string>{"TEXT:empty", "INTEGER:0", "TEXT:warning", "TEXT:io.empty",
                                                  "TEXT:the input is empty", "NULL:", "NULL:", "NULL:", "NULL:"});
    }
    const Document repaired = article("a", "A.X K1은 5190억개.\n");
    {
        SqliteWriter writer(path);
        writer.add(repaired, {});
        writer.finish();
    }
    Reader db(path);
    CHECK(db.one("SELECT COUNT(*) FROM diagnostics WHERE doc_id = 'a'") == "INTEGER:0");
    CHECK(db.one("SELECT COUNT(*) FROM diagnostics WHERE doc_id = 'empty'") == "INTEGER:1");
}

TEST_CASE("SQLite commits a batch at a time, and rolls back an unfinished one") {
    TempDir dir;
    const std::string path = dir / "facts.sqlite";
    {
        SqliteWriter writer(path, /*batch_documents=*/2);
        for (const char* id : {"d1", "d2", "d3"}) writer.add(article(id, "본문.\n"), {});
        Reader during(path);
        CHECK(during.one("SELECT COUNT(*) FROM documents") == "INTEGER:2");
    }  // destroyed without finish(), as after an error
    Reader after(path);
    CHECK(after.one("SELECT COUNT(*) FROM documents") == "INTEGER:2");
}

TEST_CASE("FactDatabase finds earlier claims of other articles") {
    TempDir dir;
    const std::string path = dir / "facts.sqlite";
    const Document a = article("a", "A.X K1은 5190억개, 500B급. 점수 72.03점, 팀 점수 60점. 배경훈\n");
    const Document b = article("b", "A.X K1은 6190억개.\n");
    Fact team = fact_at(a, FactType::team, "A.X");
    team.team = "SK텔레콤";
    Fact quote = fact_at(a, FactType::quote, "배경훈");
    quote.speaker = "배경훈";
    {
        SqliteWriter writer(path);
        writer.add(a, {count_of(a, "5190억개", "A.X K1", 519000000000ULL),
                       count_of(a, "500B급", "A.X K1", 500000000000ULL, true),
                       score_of(a, "72.03점", "A.X K1", "SK텔레콤", exact(7203, 2), "평균"),
                       score_of(a, "60점", std::nullopt, "SK텔레콤", exact(60), "평균"), team, quote});
        writer.add(b, {count_of(b, "6190억개", "A.X K1", 619000000000ULL)});
        writer.finish();
    }
    FactDatabase db(path);
    const auto counts = db.parameter_counts("A.X K1", "none");
    REQUIRE(counts.size() == 2);  // the approximate 500B급 is no exact claim
    CHECK(counts[0].number == "519000000000");
    CHECK(counts[0].doc_id == "a");
    CHECK(counts[0].path == "a.txt");
    CHECK(counts[0].line == 5);
    CHECK(counts[0].col == 9);
    CHECK(counts[0].text == "5190억개");
    CHECK(counts[1].number == "619000000000");
    CHECK(db.parameter_counts("A.X K1", "b").size() == 1);  // an article is not its own earlier source
    CHECK(db.parameter_counts("K-EXAONE", "none").empty());

    const auto by_model = db.benchmark_scores("A.X K1", "SK텔레콤", "평균", "점", "none");
    REQUIRE(by_model.size() == 1);
    CHECK(by_model[0].number == "72.03");
    const auto by_team = db.benchmark_scores(std::nullopt, "SK텔레콤", "평균", "점", "none");
    REQUIRE(by_team.size() == 1);
    CHECK(by_team[0].number == "60");
    CHECK(db.benchmark_scores("A.X K1", std::nullopt, "평균", std::nullopt, "none").empty());  // another unit
    CHECK(db.benchmark_scores("A.X K1", std::nullopt, "MMLU", "점", "none").empty());

    CHECK(db.knows_team("SK텔레콤"));
    CHECK_FALSE(db.knows_team("업스테이지"));
    CHECK(db.knows_model("A.X K1"));
    CHECK_FALSE(db.knows_model("Solar Pro"));
    CHECK(db.knows_speaker("배경훈"));
    CHECK_FALSE(db.knows_speaker("하정우"));
}

TEST_CASE("SQLite refuses a database of another schema version, and files that are no kfacts database") {
    TempDir dir;
    const std::string path = dir / "facts.sqlite";
    { SqliteWriter(path).finish(); }
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "UPDATE schema_version SET version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    CHECK_THROWS_WITH(SqliteWriter(path), Catch::Contains("schema version 99"));
    CHECK_THROWS_WITH(FactDatabase(path), Catch::Contains("schema version 99"));

    const std::string other = dir / "other.sqlite";
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(other.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "CREATE TABLE t (x)", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    CHECK_THROWS_WITH(FactDatabase(other), Catch::Contains("not a kfacts database"));
    CHECK_THROWS(FactDatabase(dir / "missing.sqlite"));
    write_file_bytes(dir / "text.sqlite", "not a database at all, just some text\n");
    CHECK_THROWS(SqliteWriter(dir / "text.sqlite"));
}
