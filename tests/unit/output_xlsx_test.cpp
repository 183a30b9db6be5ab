// XLSX: sheets, frozen headers, autofilters, typed cells, links and the
// notes for what Excel cannot hold, read back with openpyxl.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "output/xlsx_writer.h"
#include "output_test_support.h"

using namespace kfacts;
using namespace kfacts::testing;

namespace {

Document article(const std::string& id, const std::string& url, const std::string& body) {
    return read_document_bytes(id + ".txt", "---\nid: " + id + "\npublisher: 테스트일보\nurl: " + url + "\n---\n" + body);
}

nlohmann::json read_back(const std::string& path) {
    const CommandResult r = run(python() + " " + python_helper("xlsx_dump.py") + " " + shell_quote(path));
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out);
}

// The cell of `column` (by header) in data row `row` (1 = first after the header).
const nlohmann::json& cell(const nlohmann::json& sheet, std::size_t row, std::string_view column) {
    const auto& header = sheet["rows"][0];
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (header[c]["value"] == column) return sheet["rows"][row][c];
    }
    FAIL("no column " << column);
    return sheet;
}

bool any_note_contains(const std::vector<std::string>& notes, std::string_view text) {
    return std::any_of(notes.begin(), notes.end(), [&](const std::string& n) { return n.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("XLSX has a sheet per chosen fact type and a documents sheet, typed and linked") {
    TempDir dir;
    const std::string path = dir / "facts.xlsx";
    const Document doc = article("x1", "https://n.news.naver.com/mnews/article/016/0002578287",
                                 "SK텔레콤의 A.X K1은 5190억개 매개변수, 점수 72.03점.\n");
    std::vector<Fact> facts;
    Fact count = fact_at(doc, FactType::parameter_count, "5190억개");
    count.value = exact(519000000000ULL);
    count.approximate = true;
    count.model = "A.X K1";
    count.team = "SK텔레콤";
    facts.push_back(count);
    Fact score = fact_at(doc, FactType::benchmark_score, "72.03점");
    score.score = exact(7203, 2);
    score.unit = "점";
    score.model = "A.X K1";
    facts.push_back(score);

    XlsxOptions options;
    std::string error;
    options.types = *FactTypeSet::parse("parameter_count,benchmark_score", error);
    XlsxWriter writer(path, options);
    writer.add(doc, facts);
    CHECK(writer.finish().empty());

    const nlohmann::json book = read_back(path);
    CHECK(book["sheets"] == nlohmann::json::array({"parameter_count", "benchmark_score", "documents", "diagnostics"}));
    for (const char* name : {"parameter_count", "benchmark_score", "documents"}) {
        INFO(name);
        const auto& sheet = book[name];
        CHECK(sheet["freeze"] == "A2");
        CHECK(sheet["rows"].size() == 2);
        const std::size_t columns = sheet["rows"][0].size();
        const std::string last_column(1, static_cast<char>('A' + columns - 1));
        CHECK(sheet["autofilter"] == "A1:" + last_column + "2");
    }
    const auto& counts = book["parameter_count"];
    CHECK(cell(counts, 1, "value")["value"] == 519000000000LL);
    CHECK(cell(counts, 1, "value")["type"] == "n");
    CHECK(cell(counts, 1, "approximate")["value"] == true);
    CHECK(cell(counts, 1, "approximate")["type"] == "b");
    CHECK(cell(counts, 1, "team")["value"] == "SK텔레콤");
    CHECK(cell(counts, 1, "text")["value"] == "5190억개");
    CHECK(cell(counts, 1, "line")["value"] == 6);
    CHECK(cell(counts, 1, "url")["link"] == "https://n.news.naver.com/mnews/article/016/0002578287");

    const auto& scores = book["benchmark_score"];
    CHECK(cell(scores, 1, "score")["value"] == Approx(72.03));
    CHECK(cell(scores, 1, "score")["type"] == "n");
    CHECK(cell(scores, 1, "unit")["value"] == "점");
    CHECK(cell(scores, 1, "max_score")["value"].is_null());

    const auto& documents = book["documents"];
    CHECK(cell(documents, 1, "doc_id")["value"] == "x1");
    CHECK(cell(documents, 1, "publisher")["value"] == "테스트일보");
    CHECK(cell(documents, 1, "facts")["value"] == 2);
    CHECK(cell(documents, 1, "diagnostics")["value"] == doc.diagnostics.size());
    CHECK(cell(documents, 1, "url")["link"] == "https://n.news.naver.com/mnews/article/016/0002578287");
}

TEST_CASE("XLSX lists every document's diagnostics on the diagnostics sheet, with their place") {
    TempDir dir;
    const std::string path = dir / "diagnostics.xlsx";
    const Document broken = article("broken", "https://example.com/broken", "A.X K1은 \xC3\x28 5190억개.\n");
    const Document empty = read_document_bytes("empty.txt", "");
    const Document clean = article("clean", "https://example.com/clean", "A.X K1.\n");
    REQUIRE(broken.diagnostics.size() == 1);
    REQUIRE(empty.diagnostics.size() == 1);
    REQUIRE(clean.diagnostics.empty());

    XlsxWriter writer(path, XlsxOptions{});
    writer.add(broken, {});
    writer.add(clean, {});
    writer.add(empty, {});
    CHECK(writer.finish().empty());

    const nlohmann::json book = read_back(path);
    const auto& sheet = book["diagnostics"];
    CHECK(sheet["freeze"] == "A2");
    CHECK(sheet["autofilter"] == "A1:H3");
    REQUIRE(sheet["rows"].size() == 3);
    std::vector<std::string> header;
    for (const auto& c : sheet["rows"][0]) header.push_back(c["value"]);
    CHECK(header == std::vector<std::string>{"doc_id", "level", "code", "message", "start", "end", "line", "col"});
    const std::size_t bad_byte = broken.source.find('\xC3');
    CHECK(cell(sheet, 1, "doc_id")["value"] == "broken");
    CHECK(cell(sheet, 1, "level")["value"] == "warning");
    CHECK(cell(sheet, 1, "code")["value"] == "utf8.invalid");
    CHECK(cell(sheet, 1, "message")["value"] == broken.diagnostics[0].message);
    CHECK(cell(sheet, 1, "start")["value"] == bad_byte);
    CHECK(cell(sheet, 1, "end")["value"] == bad_byte + 1);
    CHECK(cell(sheet, 1, "line")["value"] == 6);
    CHECK(cell(sheet, 1, "col")["value"] == 9);
    CHECK(cell(sheet, 2, "doc_id")["value"] == "empty");
    CHECK(cell(sheet, 2, "code")["value"] == "io.empty");
    CHECK(cell(sheet, 2, "line")["value"].is_null());  // no span, no place
    CHECK(cell(book["documents"], 3, "diagnostics")["value"] == 1);
}

TEST_CASE("XLSX keeps as text, with a note, what Excel cannot hold as asked") {
    TempDir dir;
    const std::string path = dir / "limits.xlsx";
    const std::string long_url = "https://example.com/" + std::string(2100, 'a');
    const Document local = article("local", "file:///etc/passwd", "팀 하나.\n");
    const Document too_long = article("long", long_url, "팀 둘.\n");
    Fact team = fact_at(local, FactType::team, "팀 하나");
    team.team = "=cmd()";  // stays a string: a workbook cell written as text is never a formula
    Fact precise = fact_at(too_long, FactType::quantity, "둘");
    precise.value = exact(1234567890123456789ULL);
    Fact huge_text = fact_at(too_long, FactType::team, "팀");
    huge_text.team = std::string(40000, 'y');

    XlsxOptions options;
    options.types = FactTypeSet::all();
    XlsxWriter writer(path, options);
    writer.add(local, {team});
    writer.add(too_long, {precise, huge_text});
    const std::vector<std::string> notes = writer.finish();
    CHECK(any_note_contains(notes, "5 URLs written as text"));  // every row of both documents
    CHECK(any_note_contains(notes, "1 texts cut"));
    CHECK(any_note_contains(notes, "1 numbers"));

    const nlohmann::json book = read_back(path);
    const auto& teams = book["team"];
    CHECK(cell(teams, 1, "team")["value"] == "=cmd()");
    CHECK(cell(teams, 1, "team")["type"] == "s");
    CHECK(cell(teams, 1, "url")["value"] == "file:///etc/passwd");
    CHECK(cell(teams, 1, "url")["link"].is_null());
    CHECK(cell(teams, 2, "url")["value"] == long_url);
    CHECK(cell(teams, 2, "url")["link"].is_null());
    CHECK(cell(teams, 2, "team")["value"].get<std::string>().size() == 32767);
    CHECK(cell(book["quantity"], 1, "value")["value"] == "1234567890123456789");
}

TEST_CASE("XLSX leaves out rows beyond a full sheet and says how many") {
    TempDir dir;
    const std::string path = dir / "full.xlsx";
    const Document doc = article("full", "https://example.com/", "A B C D E\n");
    std::vector<Fact> facts;
    for (const char* name : {"A", "B", "C", "D", "E"}) {
        Fact f = fact_at(doc, FactType::model, name);
        f.model = name;
        facts.push_back(f);
    }
    XlsxOptions options;
    options.max_rows = 3;  // the header and two rows
    XlsxWriter writer(path, options);
    writer.add(doc, facts);
    const std::vector<std::string> notes = writer.finish();
    CHECK(any_note_contains(notes, "sheet model is full at 3 rows: 3 more rows left out"));
    const nlohmann::json book = read_back(path);
    REQUIRE(book["model"]["rows"].size() == 3);
    CHECK(cell(book["model"], 2, "model")["value"] == "B");
    CHECK(book["documents"]["rows"].size() == 2);
}

TEST_CASE("XLSX is the same, byte for byte, on every run: its creation time is fixed") {
    TempDir dir;
    const Document doc = article("same", "https://example.com/same", "A.X K1.\n");
    Fact model = fact_at(doc, FactType::model, "A.X K1");
    model.model = "A.X K1";
    const auto write = [&](const std::string& path, const XlsxOptions& options) {
        XlsxWriter writer(path, options);
        writer.add(doc, {model});
        writer.finish();
        return read_file_bytes(path);
    };
    const std::string first = write(dir / "first.xlsx", XlsxOptions{});
    CHECK(read_back(dir / "first.xlsx")["created"] == "1980-01-01T00:00:00");
    CHECK(write(dir / "second.xlsx", XlsxOptions{}) == first);

    XlsxOptions dated;
    dated.created = 1700000000;
    write(dir / "dated.xlsx", dated);
    CHECK(read_back(dir / "dated.xlsx")["created"] == "2023-11-14T22:13:20");
}

TEST_CASE("XLSX says at once when its file cannot be created") {
    TempDir dir;
    CHECK_THROWS_WITH(XlsxWriter(dir / "missing-dir/facts.xlsx", XlsxOptions{}),
                      Catch::Contains("cannot write") && Catch::Contains("missing-dir/facts.xlsx"));
}
