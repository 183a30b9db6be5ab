// `kfacts extract` end to end: the same facts in JSON, CSV, XLSX and SQLite
// for the same input, output independent of -j, the BOM, usage errors. The
// tests compare formats with each other, never with extraction results.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "document/document.h"
#include "output_test_support.h"

using namespace kfacts::testing;
using nlohmann::json;

namespace {

const std::vector<std::string> kColumns = {
    "doc_id", "publisher", "published_at", "url", "type", "model", "team", "value", "unit", "approximate", "score",
    "max_score", "benchmark", "speaker", "role", "org", "quote", "text", "start", "end", "line", "col", "rule"};

std::string kfacts_command(const std::string& args) { return std::string(KFACTS_BINARY) + " " + args; }

std::string source_path(std::string_view relative) {
    return shell_quote(std::string(KFACTS_SOURCE_DIR) + "/" + std::string(relative));
}

// A JSON Lines input with two records made from seed articles.
std::string write_jsonl_input(const TempDir& dir, bool with_broken_line) {
    std::string jsonl;
    const std::string seeds = std::string(KFACTS_SOURCE_DIR) + "/data/seeds/";
    jsonl += json{{"id", "jsonl_a"}, {"publisher", "제이슨"}, {"url", "https://example.com/a"},
                  {"body", read_file_bytes(seeds + "000_fd57b762e0ac98e8.txt")}}.dump() + "\n";
    if (with_broken_line) jsonl += "{this is no JSON\n";
    jsonl += json{{"id", "jsonl_b"}, {"body", read_file_bytes(seeds + "002_d8991b5d25716180.txt")}}.dump() + "\n";
    const std::string path = dir / "records.jsonl";
    write_file_bytes(path, jsonl);
    return path;
}

std::string all_inputs(const TempDir& dir) {
    return source_path("data/seeds") + " " + source_path("data/articles") + " " +
           shell_quote(write_jsonl_input(dir, false));
}

// One row per fact of a kfacts/1 JSON Lines output: column -> value (null where the fact has no such field).
using Row = std::map<std::string, json>;

std::vector<Row> rows_of(const std::string& jsonl, std::string_view only_type = {}) {
    std::vector<Row> rows;
    std::istringstream lines(jsonl);
    std::string line;
    while (std::getline(lines, line)) {
        const json d = json::parse(line);
        for (const json& f : d["facts"]) {
            if (!only_type.empty() && f["type"] != only_type) continue;
            Row row;
            for (const std::string& c : kColumns) row[c] = f.value(c, json(nullptr));
            row["doc_id"] = d["doc"]["id"];
            for (const char* c : {"publisher", "published_at", "url"}) row[c] = d["doc"][c];
            for (const char* c : {"start", "end", "line", "col"}) row[c] = f["span"][c];
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

// What the CSV shows for a JSON value.
std::string csv_text(const json& v) {
    if (v.is_null()) return "";
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_number()) return v.dump();
    const std::string s = v.get<std::string>();
    const bool formula = !s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos;
    return formula ? "'" + s : s;
}

std::string extract_json(const std::string& inputs) {
    const CommandResult r = run(kfacts_command("extract --format jsonl --types all -j 2 " + inputs));
    REQUIRE(r.exit_code == 0);
    return r.out;
}

}  // namespace

TEST_CASE("CSV output holds the facts of the JSON output") {
    TempDir dir;
    const std::string inputs = all_inputs(dir);
    const std::vector<Row> expected = rows_of(extract_json(inputs));
    REQUIRE(!expected.empty());
    REQUIRE(run(kfacts_command("extract --format csv --types all -o " + shell_quote(dir / "facts.csv") + " " + inputs))
                .exit_code == 0);
    const CommandResult r = run(python() + " " + python_helper("csv_rows.py") + " " + shell_quote(dir / "facts.csv"));
    REQUIRE(r.exit_code == 0);
    const json table = json::parse(r.out);
    CHECK(table["bom"] == true);
    CHECK(table["header"] == kColumns);
    REQUIRE(table["rows"].size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        for (std::size_t c = 0; c < kColumns.size(); ++c) {
            INFO("fact " << i << ", column " << kColumns[c]);
            CHECK(table["rows"][i][c].get<std::string>() == csv_text(expected[i].at(kColumns[c])));
        }
    }
}

TEST_CASE("XLSX output holds the facts of the JSON output, a sheet per type") {
    TempDir dir;
    const std::string inputs = all_inputs(dir);
    const std::string jsonl = extract_json(inputs);
    const std::string xlsx = dir / "facts.xlsx";
    const CommandResult written = run(kfacts_command("extract --types all -o " + shell_quote(xlsx) + " " + inputs));
    REQUIRE(written.exit_code == 0);
    const CommandResult r = run(python() + " " + python_helper("xlsx_dump.py") + " " + shell_quote(xlsx));
    REQUIRE(r.exit_code == 0);
    const json book = json::parse(r.out);
    CHECK(book["sheets"] == json::array({"team", "model", "parameter_count", "benchmark_score", "quote", "quantity",
                                         "documents", "diagnostics"}));

    for (const char* type : {"team", "model", "parameter_count", "benchmark_score", "quote", "quantity"}) {
        const std::vector<Row> expected = rows_of(jsonl, type);
        const json& sheet = book[type];
        REQUIRE(sheet["rows"].size() == expected.size() + 1);
        const json& header = sheet["rows"][0];
        for (std::size_t i = 0; i < expected.size(); ++i) {
            for (std::size_t c = 0; c < header.size(); ++c) {
                const std::string column = header[c]["value"];
                const json& cell = sheet["rows"][i + 1][c];
                const json& want = expected[i].at(column);
                INFO(type << " fact " << i << ", column " << column);
                if (want.is_number() && cell["type"] == "n") CHECK(cell["value"].get<double>() == Approx(want.get<double>()));
                else if (want.is_number()) CHECK(cell["value"] == want.dump());  // beyond what Excel keeps exactly
                else if (want == "") CHECK(cell["value"].is_null());  // Excel has no empty text: the cell is blank
                else CHECK(cell["value"] == want);
                if (column == "url" && want.is_string()) CHECK(cell["link"] == want);
            }
        }
    }
    std::istringstream lines(jsonl);
    std::string line;
    std::size_t row = 1;
    const json& documents = book["documents"];
    while (std::getline(lines, line)) {
        const json d = json::parse(line);
        REQUIRE(row < documents["rows"].size());
        CHECK(documents["rows"][row][0]["value"] == d["doc"]["id"]);
        CHECK(documents["rows"][row][7]["value"] == d["facts"].size());
        CHECK(documents["rows"][row][8]["value"] == d["diagnostics"].size());
        ++row;
    }
    CHECK(row == documents["rows"].size());
}

TEST_CASE("SQLite output holds the facts of the JSON output, and a second run replaces them") {
    TempDir dir;
    const std::string inputs = all_inputs(dir);
    const std::vector<Row> expected = rows_of(extract_json(inputs));
    const std::string db_path = dir / "facts.sqlite";
    for (int run_number = 0; run_number < 2; ++run_number) {
        REQUIRE(run(kfacts_command("extract --types all --db " + shell_quote(db_path) + " " + inputs)).exit_code == 0);
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT * FROM fact_rows", -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_column_count(stmt) == static_cast<int>(kColumns.size()));
    std::size_t i = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        REQUIRE(i < expected.size());
        for (std::size_t c = 0; c < kColumns.size(); ++c) {
            const int col = static_cast<int>(c);
            const json& want = expected[i].at(kColumns[c]);
            INFO("fact " << i << ", column " << kColumns[c]);
            CHECK(sqlite3_column_name(stmt, col) == kColumns[c]);
            switch (sqlite3_column_type(stmt, col)) {
                case SQLITE_NULL: CHECK(want.is_null()); break;
                case SQLITE_INTEGER:
                    if (want.is_boolean()) CHECK(sqlite3_column_int(stmt, col) == (want.get<bool>() ? 1 : 0));
                    else CHECK(json(sqlite3_column_int64(stmt, col)) == want);
                    break;
                case SQLITE_FLOAT: CHECK(sqlite3_column_double(stmt, col) == want.get<double>()); break;
                default: {
                    const std::string text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, col));
                    CHECK(text == (want.is_string() ? want.get<std::string>() : want.dump()));  // numbers kept exact as TEXT
                }
            }
        }
        ++i;
    }
    CHECK(i == expected.size());  // the second run replaced, not duplicated
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

TEST_CASE("Output with -j N is byte-identical to -j 1, for inputs mixed and repeated") {
    TempDir dir;
    const std::string inputs = source_path("data/seeds") + " " + shell_quote(write_jsonl_input(dir, true)) + " " +
                               source_path("data/articles") + " " + source_path("data/seeds/000_fd57b762e0ac98e8.txt") +
                               " " + source_path("data/seeds");
    for (const char* format : {"jsonl", "json", "csv"}) {
        INFO(format);
        const std::string quiet = " 2>/dev/null";  // the broken record's error line
        const CommandResult one =
            run(kfacts_command(std::string("extract --types all -j 1 --format ") + format + " " + inputs + quiet));
        CHECK(one.exit_code == 1);  // the broken JSON Lines record is reported, and written
        CHECK(!one.out.empty());
        for (const char* jobs : {"2", "4"}) {
            const CommandResult many =
                run(kfacts_command(std::string("extract --types all -j ") + jobs + " --format " + format + " " + inputs + quiet));
            CHECK(many.exit_code == one.exit_code);
            CHECK(many.out == one.out);
        }
    }
}

TEST_CASE("CSV, which has no place for them, reports every document's diagnostics on standard error") {
    TempDir dir;
    const std::string empty = dir / "empty.txt";
    const std::string too_large = dir / "too_large.txt";
    const std::string broken = dir / "broken.txt";
    write_file_bytes(empty, "");
    std::string big;
    while (big.size() <= kfacts::ReadLimits{}.max_document_bytes) big += "SK텔레콤의 A.X K1은 5190억개 매개변수.\n";
    write_file_bytes(too_large, big);
    write_file_bytes(broken, "---\nid: broken\n---\nA.X K1은 \xC3\x28 5190억개 매개변수.\n");
    const std::string inputs = shell_quote(empty) + " " + shell_quote(too_large) + " " + shell_quote(broken);
    const std::string stderr_file = dir / "stderr.txt";

    const CommandResult jsonl = run(kfacts_command("extract --format jsonl " + inputs + " 2>" + shell_quote(stderr_file)));
    CHECK(read_file_bytes(stderr_file).empty());  // JSON holds the diagnostics itself
    const CommandResult csv = run(kfacts_command("extract --format csv " + inputs + " 2>" + shell_quote(stderr_file)));
    CHECK(csv.exit_code == jsonl.exit_code);  // warnings only: 0, as for JSON
    CHECK(csv.exit_code == 0);

    std::vector<std::string> expected;
    std::istringstream records(jsonl.out);
    std::string record;
    while (std::getline(records, record)) {
        const json d = json::parse(record);
        for (const json& diagnostic : d["diagnostics"]) {
            std::string place = d["doc"]["path"].get<std::string>() + ":";
            place += diagnostic.contains("span") ? diagnostic["span"]["line"].dump() + ":" + diagnostic["span"]["col"].dump()
                                                 : "1";
            const std::string level = diagnostic["level"] == "info" ? "notice" : diagnostic["level"].get<std::string>();
            expected.push_back(place + ": " + level + ": " + diagnostic["message"].get<std::string>() + " [" +
                               diagnostic["code"].get<std::string>() + "]");
        }
    }
    std::vector<std::string> reported;
    std::istringstream lines(read_file_bytes(stderr_file));
    std::string line;
    while (std::getline(lines, line)) reported.push_back(line);
    CHECK(reported == expected);
    const auto reports = [&](const std::string& path, std::string_view code) {
        return std::count_if(reported.begin(), reported.end(), [&](const std::string& l) {
            return l.rfind(path + ":", 0) == 0 && l.find(code) != std::string::npos;
        });
    };
    CHECK(reports(empty, "[io.empty]") == 1);
    CHECK(reports(too_large, "[io.too-large]") == 1);
    CHECK(reports(broken, "[utf8.invalid]") == 1);
}

TEST_CASE("XLSX output is the same, byte for byte, on every run; SOURCE_DATE_EPOCH sets its creation time") {
    TempDir dir;
    const std::string inputs = source_path("data/seeds");
    const std::string first = dir / "first.xlsx", second = dir / "second.xlsx", dated = dir / "dated.xlsx";
    const std::string unset = "env -u SOURCE_DATE_EPOCH ";
    REQUIRE(run(unset + kfacts_command("extract -o " + shell_quote(first) + " " + inputs)).exit_code == 0);
    REQUIRE(run(unset + kfacts_command("extract -j 1 -o " + shell_quote(second) + " " + inputs)).exit_code == 0);
    CHECK(read_file_bytes(first) == read_file_bytes(second));
    const auto created = [](const std::string& path) {
        const CommandResult r = run(python() + " " + python_helper("xlsx_dump.py") + " " + shell_quote(path));
        REQUIRE(r.exit_code == 0);
        return json::parse(r.out)["created"].get<std::string>();
    };
    CHECK(created(first) == "1980-01-01T00:00:00");
    REQUIRE(run("SOURCE_DATE_EPOCH=1700000000 " + kfacts_command("extract -o " + shell_quote(dated) + " " + inputs))
                .exit_code == 0);
    CHECK(created(dated) == "2023-11-14T22:13:20");
    CHECK(run("SOURCE_DATE_EPOCH=yesterday " + kfacts_command("extract -o " + shell_quote(dated) + " " + inputs +
                                                              " 2>/dev/null"))
              .exit_code == 2);
}

TEST_CASE("CSV starts with a BOM unless --no-bom") {
    const std::string seed = source_path("data/seeds/000_fd57b762e0ac98e8.txt");
    const CommandResult with_bom = run(kfacts_command("extract --format csv " + seed));
    const CommandResult without = run(kfacts_command("extract --format csv --no-bom " + seed));
    REQUIRE(with_bom.exit_code == 0);
    REQUIRE(without.exit_code == 0);
    CHECK(with_bom.out.rfind("\xEF\xBB\xBF" "doc_id,publisher,", 0) == 0);
    CHECK(without.out.rfind("doc_id,publisher,", 0) == 0);
    CHECK(with_bom.out.substr(3) == without.out);
}

TEST_CASE("JSON output is one JSON array of the documents, the records of JSON Lines output") {
    TempDir dir;
    const std::string inputs = source_path("data/seeds") + " " + shell_quote(write_jsonl_input(dir, false));
    const CommandResult jsonl = run(kfacts_command("extract --format jsonl " + inputs));
    REQUIRE(jsonl.exit_code == 0);
    std::vector<json> records;
    std::istringstream lines(jsonl.out);
    std::string line;
    while (std::getline(lines, line)) records.push_back(json::parse(line));
    REQUIRE(records.size() > 1);

    const CommandResult several = run(kfacts_command("extract --format json " + inputs));
    CHECK(several.exit_code == 0);
    const json array = json::parse(several.out);  // one value: trailing data would throw
    REQUIRE(array.is_array());
    CHECK(std::vector<json>(array.begin(), array.end()) == records);
    write_file_bytes(dir / "several.json", several.out);
    CHECK(run(python() + " -c 'import json, sys; print(len(json.load(open(sys.argv[1], encoding=\"utf-8\"))))' " +
              shell_quote(dir / "several.json"))
              .out == std::to_string(records.size()) + "\n");

    const CommandResult one = run(kfacts_command("extract --format json " + source_path("data/seeds/000_fd57b762e0ac98e8.txt")));
    const json single = json::parse(one.out);
    REQUIRE(single.is_array());
    REQUIRE(single.size() == 1);
    CHECK(single[0] == records[0]);

    std::filesystem::create_directory(dir / "nothing");  // however many records an empty directory gives
    const json none = json::parse(run(kfacts_command("extract --format json " + shell_quote(dir / "nothing"))).out);
    CHECK(none.is_array());
}

TEST_CASE("Standard input is read like a file") {
    const std::string seed = source_path("data/seeds/000_fd57b762e0ac98e8.txt");
    const CommandResult from_file = run(kfacts_command("extract --format jsonl " + seed));
    const CommandResult from_stdin = run(kfacts_command("extract --format jsonl - < " + seed));
    REQUIRE(from_stdin.exit_code == 0);
    const json a = json::parse(from_file.out), b = json::parse(from_stdin.out);
    CHECK(b["doc"]["path"] == "-");
    CHECK(b["doc"]["id"] == a["doc"]["id"]);
    CHECK(b["facts"] == a["facts"]);
}

TEST_CASE("Standard input is JSON Lines only when its first line is a JSON object, after a BOM") {
    const CommandResult braced = run("printf '%s\\n' '{속보} SKT가 A.X K1을 공개했다.' | " + kfacts_command("extract -"));
    CHECK(braced.exit_code == 0);
    const json text = json::parse(braced.out);
    CHECK(text["doc"]["id"] == "stdin");
    CHECK(text["diagnostics"].empty());
    CHECK_FALSE(text["facts"].empty());

    TempDir dir;
    const std::string records = write_jsonl_input(dir, false);
    write_file_bytes(dir / "bom.jsonl", "\xEF\xBB\xBF" + read_file_bytes(records));
    const CommandResult plain = run(kfacts_command("extract --format jsonl - < " + shell_quote(records)));
    const CommandResult bom = run(kfacts_command("extract --format jsonl - < " + shell_quote(dir / "bom.jsonl")));
    CHECK(bom.exit_code == 0);
    CHECK(bom.out == plain.out);
    CHECK(std::count(bom.out.begin(), bom.out.end(), '\n') == 2);
}

TEST_CASE("The output file's extension chooses the format when --format does not") {
    TempDir dir;
    const std::string seed = source_path("data/seeds/000_fd57b762e0ac98e8.txt");
    REQUIRE(run(kfacts_command("extract -o " + shell_quote(dir / "a.csv") + " " + seed)).exit_code == 0);
    REQUIRE(run(kfacts_command("extract -o " + shell_quote(dir / "a.xlsx") + " " + seed)).exit_code == 0);
    REQUIRE(run(kfacts_command("extract -o " + shell_quote(dir / "a.sqlite") + " " + seed)).exit_code == 0);
    REQUIRE(run(kfacts_command("extract -o " + shell_quote(dir / "a.out") + " " + seed)).exit_code == 0);
    REQUIRE(run(kfacts_command("extract -o " + shell_quote(dir / "a.json") + " " + seed)).exit_code == 0);
    REQUIRE(run(kfacts_command("extract -o " + shell_quote(dir / "a.jsonl") + " " + seed)).exit_code == 0);
    CHECK(read_file_bytes(dir / "a.json") == run(kfacts_command("extract --format json " + seed)).out);
    CHECK(read_file_bytes(dir / "a.jsonl") == read_file_bytes(dir / "a.out"));
    CHECK(read_file_bytes(dir / "a.csv").rfind("\xEF\xBB\xBF" "doc_id,", 0) == 0);
    CHECK(read_file_bytes(dir / "a.xlsx").rfind("PK\x03\x04", 0) == 0);
    CHECK(read_file_bytes(dir / "a.sqlite").rfind("SQLite format 3", 0) == 0);
    CHECK(json::parse(read_file_bytes(dir / "a.out"))["schema"] == "kfacts/1");  // one JSON line
}

TEST_CASE("Usage errors exit with 2") {
    TempDir dir;
    const std::string seed = source_path("data/seeds/000_fd57b762e0ac98e8.txt");
    CHECK(run(kfacts_command("extract --format xlsx " + seed + " 2>/dev/null")).exit_code == 2);
    CHECK(run(kfacts_command("extract --format sqlite " + seed + " 2>/dev/null")).exit_code == 2);
    CHECK(run(kfacts_command("extract --format jsonl --no-bom " + seed + " 2>/dev/null")).exit_code == 2);
    CHECK(run(kfacts_command("extract --format csv --db " + shell_quote(dir / "x.sqlite") + " " + seed + " 2>/dev/null"))
              .exit_code == 2);
    CHECK(run(kfacts_command("extract -j 0 " + seed + " 2>/dev/null")).exit_code == 2);
    CHECK(run(kfacts_command("extract --format xlsx -o " + shell_quote(dir / "no/such/dir.xlsx") + " " + seed + " 2>/dev/null"))
              .exit_code == 2);
}

TEST_CASE("An output that is one of the inputs is refused before it is opened") {
    TempDir dir;
    const std::string records = write_jsonl_input(dir, false);
    const std::string original = read_file_bytes(records);
    std::filesystem::create_hard_link(records, dir / "same.jsonl");
    const std::string quiet = " 2>/dev/null";
    for (const std::string& output : {"-o " + shell_quote(records), "-o " + shell_quote(dir / "same.jsonl"),
                                      "--format csv -o " + shell_quote(records), "--db " + shell_quote(records)}) {
        INFO(output);
        const CommandResult r = run(kfacts_command("extract " + output + " " + shell_quote(records) + " 2>&1"));
        CHECK(r.exit_code == 2);
        CHECK(r.out.find("is the input " + records) != std::string::npos);
        CHECK(read_file_bytes(records) == original);
    }
    // Standard output appended to an input would be read while it grows.
    CHECK(run(kfacts_command("extract " + shell_quote(records) + " >> " + shell_quote(records) + quiet)).exit_code == 2);
    CHECK(read_file_bytes(records) == original);
    CHECK(run(kfacts_command("check -o " + shell_quote(records) + " " + shell_quote(records) + quiet)).exit_code == 2);
    CHECK(read_file_bytes(records) == original);
    // A file not there yet would be created empty, then read as the input.
    const std::string absent = dir / "absent.txt";
    CHECK(run(kfacts_command("extract -o " + shell_quote(absent) + " " + shell_quote(dir / "./absent.txt") + quiet))
              .exit_code == 2);
    CHECK_FALSE(std::filesystem::exists(absent));
}

TEST_CASE("A directory walk skips the file the run writes") {
    TempDir dir;
    std::filesystem::create_directories(dir / "corpus");
    write_file_bytes(dir / "corpus/a.txt", "SK텔레콤은 A.X K1을 공개했다.");
    const std::string corpus = shell_quote(dir / "corpus");
    const auto ids_in = [](const std::string& jsonl) {
        std::vector<std::string> ids;
        std::istringstream lines(jsonl);
        std::string line;
        while (std::getline(lines, line)) ids.push_back(json::parse(line)["doc"]["id"]);
        return ids;
    };
    for (const char* jobs : {"1", "2"}) {
        INFO(jobs);
        // Twice: created by the run, then there before it.
        for (int pass = 0; pass < 2; ++pass) {
            REQUIRE(run(kfacts_command(std::string("extract --format jsonl -j ") + jobs + " -o " +
                                       shell_quote(dir / "corpus/out.txt") + " " + corpus)).exit_code == 0);
            CHECK(ids_in(read_file_bytes(dir / "corpus/out.txt")) == std::vector<std::string>{"a"});
        }
        std::filesystem::remove(dir / "corpus/out.txt");
        REQUIRE(run(kfacts_command(std::string("extract --format jsonl -j ") + jobs + " " + corpus + " > " +
                                   shell_quote(dir / "corpus/stdout.jsonl"))).exit_code == 0);
        CHECK(ids_in(read_file_bytes(dir / "corpus/stdout.jsonl")) == std::vector<std::string>{"a"});
        std::filesystem::remove(dir / "corpus/stdout.jsonl");
    }
}

TEST_CASE("rules tags shows each sentence's tag string and the rules that matched") {
    const CommandResult r = run("printf '%s\\n' '매개변수 500B 규모의 초거대 AI 모델을 공개했다.' | " +
                                kfacts_command("rules tags -"));
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("sentence 1: 매개변수 500B 규모의 초거대 AI 모델을 공개했다.") != std::string::npos);
    CHECK(r.out.find("  tags: {param:매개변수}{qty:B~}{particle:의}") != std::string::npos);
    CHECK(r.out.find("  match param.keyword-then-size: 매개변수 500B 규모\n") != std::string::npos);
}

TEST_CASE("rules test, lint and tags take --rules before or after the subcommand") {
    const std::string rules = source_path("rules");
    for (const std::string& command : {"rules --rules " + rules + " lint", "rules lint --rules " + rules}) {
        INFO(command);
        const CommandResult r = run(kfacts_command(command));
        CHECK(r.exit_code == 0);
        CHECK(r.out.find(": ok\n") != std::string::npos);
    }
    const CommandResult test = run(kfacts_command("rules test --rules " + rules));
    CHECK(test.exit_code == 0);
    CHECK(test.out.find(" passed, 0 failed\n") != std::string::npos);
    const CommandResult tags = run("printf '%s\\n' '매개변수 500B 규모의 모델' | " + kfacts_command("rules tags - --rules " + rules));
    CHECK(tags.exit_code == 0);
    CHECK(tags.out.find("  tags: {param:매개변수}") != std::string::npos);
    // The directory given after the subcommand is the one loaded.
    TempDir dir;
    const std::string missing = dir / "no-rules";
    const CommandResult wrong = run(kfacts_command("rules lint --rules " + shell_quote(missing) + " 2>&1"));
    CHECK(wrong.exit_code == 2);
    CHECK(wrong.out.find("kfacts: " + missing + "/") == 0);
}
