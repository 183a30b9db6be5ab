// CSV: columns, RFC 4180 quoting, the BOM, formula-injection escaping and
// exact numbers, read back with Python's csv module.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "output/csv_writer.h"
#include "output_test_support.h"

using namespace kfacts;
using namespace kfacts::testing;

namespace {

const std::string kArticle =
    "---\nid: csv_case\npublisher: 테스트일보\npublished_at: 2026-01-02 09:00\nurl: https://example.com/a?b=1,2\n---\n\n"
    "SK텔레콤의 A.X K1은 5190억개 매개변수다. 점수는 -3.5점, 그리고 \"인용, \"\"따옴표\"\" 포함\"이다.\n"
    "=SUM(A1) +cmd -minus @at\tTAB 2번째 줄\n";

Document article() { return read_document_bytes("csv_case.txt", kArticle); }

std::vector<Fact> facts_of(const Document& doc) {
    std::vector<Fact> facts;
    Fact team = fact_at(doc, FactType::team, "SK텔레콤");
    team.team = "SK텔레콤";
    facts.push_back(team);
    Fact count = fact_at(doc, FactType::parameter_count, "5190억개");
    count.value = exact(519000000000ULL);
    count.model = "A.X K1";
    count.team = "SK텔레콤";
    facts.push_back(count);
    Fact score = fact_at(doc, FactType::benchmark_score, "-3.5점");
    score.score = exact(35, 1, /*negative=*/true);
    score.unit = "점";
    score.model = "=HYPERLINK(\"http://evil\")";
    score.team = "+cmd";
    score.benchmark = "-minus";
    facts.push_back(score);
    Fact quote = fact_at(doc, FactType::quote, "\"인용, \"\"따옴표\"\" 포함\"");
    quote.quote = "인용, \"따옴표\" 포함\n둘째 줄";
    quote.speaker = "@at";
    quote.role = "\tTAB";
    quote.org = "\rCR";
    facts.push_back(quote);
    return facts;
}

nlohmann::json read_back(const std::string& csv) {
    TempDir dir;
    write_file_bytes(dir / "out.csv", csv);
    const CommandResult r = run(python() + " " + python_helper("csv_rows.py") + " " + shell_quote(dir / "out.csv"));
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out);
}

std::string cell(const nlohmann::json& table, std::size_t row, std::string_view column) {
    const auto& header = table["header"];
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (header[c] == column) return table["rows"][row][c].get<std::string>();
    }
    FAIL("no column " << column);
    return {};
}

}  // namespace

TEST_CASE("CSV header lists the documented columns in order, after a BOM unless asked otherwise") {
    std::string with_bom, without_bom;
    append_csv_header(with_bom, CsvStyle{});
    append_csv_header(without_bom, CsvStyle{false});
    const std::string columns =
        "doc_id,publisher,published_at,url,type,model,team,value,unit,approximate,score,max_score,benchmark,"
        "speaker,role,org,quote,text,start,end,line,col,rule\r\n";
    CHECK(with_bom == "\xEF\xBB\xBF" + columns);
    CHECK(without_bom == columns);
}

TEST_CASE("CSV read back by Python's csv module holds the facts, quoted per RFC 4180") {
    const Document doc = article();
    const std::vector<Fact> facts = facts_of(doc);
    std::string csv;
    append_csv_header(csv, CsvStyle{});
    append_document_csv(csv, doc, facts);
    const nlohmann::json table = read_back(csv);

    CHECK(table["bom"] == true);
    std::size_t record_ends = 0;
    for (std::size_t at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2)) ++record_ends;
    CHECK(record_ends == facts.size() + 1);  // CRLF after each record; the LF inside a quoted cell stays as written
    REQUIRE(table["rows"].size() == facts.size());
    for (const auto& row : table["rows"]) CHECK(row.size() == kFactColumnCount);

    CHECK(cell(table, 0, "doc_id") == "csv_case");
    CHECK(cell(table, 0, "publisher") == "테스트일보");
    CHECK(cell(table, 0, "url") == "https://example.com/a?b=1,2");
    CHECK(cell(table, 0, "type") == "team");
    CHECK(cell(table, 0, "team") == "SK텔레콤");
    CHECK(cell(table, 0, "approximate").empty());  // no such field for a team

    CHECK(cell(table, 1, "value") == "519000000000");  // exact, never 5.19e+11
    CHECK(cell(table, 1, "approximate") == "false");
    CHECK(cell(table, 1, "text") == "5190억개");
    const std::size_t start = kArticle.find("5190억개");
    CHECK(cell(table, 1, "start") == std::to_string(start));
    CHECK(cell(table, 1, "end") == std::to_string(start + std::string_view("5190억개").size()));
    CHECK(cell(table, 1, "line") == "8");
    CHECK(cell(table, 1, "col") == "16");  // code points, not bytes
    CHECK(cell(table, 1, "rule") == "test.rule");

    CHECK(cell(table, 3, "quote") == "인용, \"따옴표\" 포함\n둘째 줄");
    CHECK(cell(table, 3, "text") == "\"인용, \"\"따옴표\"\" 포함\"");
}

TEST_CASE("CSV escapes text that a spreadsheet would run as a formula, never numbers") {
    const Document doc = article();
    std::string csv;
    append_csv_header(csv, CsvStyle{false});
    append_document_csv(csv, doc, facts_of(doc));
    const nlohmann::json table = read_back(csv);
    CHECK(table["bom"] == false);

    CHECK(cell(table, 2, "model") == "'=HYPERLINK(\"http://evil\")");
    CHECK(cell(table, 2, "team") == "'+cmd");
    CHECK(cell(table, 2, "benchmark") == "'-minus");
    CHECK(cell(table, 2, "score") == "-3.5");  // a negative number stays a number
    CHECK(cell(table, 2, "text") == "'-3.5점");  // the source text is text
    CHECK(cell(table, 3, "speaker") == "'@at");
    CHECK(cell(table, 3, "role") == "'\tTAB");
    CHECK(cell(table, 3, "org") == "'\rCR");
    CHECK(cell(table, 0, "team") == "SK텔레콤");  // ordinary text untouched
}

TEST_CASE("CSV cells: quoting and escaping of single values") {
    const auto csv_cell = [](const Cell& c) {
        std::string out;
        append_csv_cell(out, c);
        return out;
    };
    CHECK(csv_cell(Cell{}).empty());
    CHECK(csv_cell(Cell::of_text("plain")) == "plain");
    CHECK(csv_cell(Cell::of_text("a,b")) == "\"a,b\"");
    CHECK(csv_cell(Cell::of_text("say \"hi\"")) == "\"say \"\"hi\"\"\"");
    CHECK(csv_cell(Cell::of_text("=1+1")) == "'=1+1");
    CHECK(csv_cell(Cell::of_text("=1,2")) == "\"'=1,2\"");
    CHECK(csv_cell(Cell::of_text("\r\n")) == "\"'\r\n\"");
    CHECK(csv_cell(Cell::of_number(exact(5, 0, true))) == "-5");
    CHECK(csv_cell(Cell::of_number(exact(7203, 2))) == "72.03");
    CHECK(csv_cell(Cell::of_bool(true)) == "true");
    CHECK(csv_cell(Cell::of_text("bad \xFF byte")) == "bad \xEF\xBF\xBD byte");  // as the JSON writer shows it
}
