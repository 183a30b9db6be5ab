// Reports of `kfacts check`: text lines, GitHub workflow commands with their
// escaping, and SARIF 2.1.0.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

#include "output/check_report.h"

using namespace kfacts;

namespace {

Finding contradiction() {
    Finding f;
    f.level = FindingLevel::error;
    f.code = std::string(check_code::contradiction);
    f.message = "A.X K1 has 619000000000 parameters here, but 519000000000 in a, b: 100%\nsecond line\r";
    f.location = FindingLocation{"articles/새 기사,1.txt", 6, 20, 6, 31};
    f.related = FindingLocation{"/data/seeds/000.txt", 25, 859, 0, 0};
    return f;
}

Finding notice_without_column() {
    Finding f;
    f.level = FindingLevel::notice;
    f.code = std::string(check_code::new_entity);
    f.message = "new team “업스테이지”";
    f.location = FindingLocation{"b.txt", 3, 0, 0, 0};
    return f;
}

Finding run_level_error() {
    Finding f;
    f.level = FindingLevel::error;
    f.code = std::string(check_code::min_f1);
    f.message = "micro F1 0.400 is below --min-f1 0.6";
    return f;
}

std::string report(ReportFormat format, const std::vector<Finding>& findings,
                   const nlohmann::json& properties = nullptr) {
    std::ostringstream out;
    const auto writer = make_report_writer(format, out, "0.1.0");
    for (const Finding& f : findings) writer->add(f);
    writer->finish(properties);
    return out.str();
}

}  // namespace

TEST_CASE("GitHub escaping: % CR LF in messages, also : and , in properties") {
    CHECK(github_escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b");
    CHECK(github_escape_property("C:\\a,b%\n") == "C%3A\\a%2Cb%25%0A");
    CHECK(github_escape_data("한글") == "한글");
}

TEST_CASE("Text report: one line per finding with file, line, column, level, message and code") {
    const std::string text = report(ReportFormat::text, {contradiction(), notice_without_column(), run_level_error()});
    CHECK(text ==
          "articles/새 기사,1.txt:6:20: error: A.X K1 has 619000000000 parameters here, but 519000000000 in a, b: "
          "100% second line  [check.contradiction]\n"  // one line per finding
          "b.txt:3: notice: new team “업스테이지” [check.new-entity]\n"
          "kfacts: error: micro F1 0.400 is below --min-f1 0.6 [check.min-f1]\n");
}

TEST_CASE("GitHub report: one workflow command per finding") {
    const std::string text = report(ReportFormat::github, {contradiction(), notice_without_column(), run_level_error()});
    std::istringstream lines(text);
    std::string line;
    std::vector<std::string> commands;
    while (std::getline(lines, line)) commands.push_back(line);
    REQUIRE(commands.size() == 3);  // messages with line ends stay on one line
    CHECK(commands[0] ==
          "::error file=articles/새 기사%2C1.txt,line=6,col=20,endLine=6,endColumn=31,title=check.contradiction::"
          "A.X K1 has 619000000000 parameters here, but 519000000000 in a, b: 100%25%0Asecond line%0D");
    CHECK(commands[1] == "::notice file=b.txt,line=3,title=check.new-entity::new team “업스테이지”");
    CHECK(commands[2] == "::error title=check.min-f1::micro F1 0.400 is below --min-f1 0.6");
}

TEST_CASE("SARIF report: 2.1.0 with rules, results, code-point regions and related locations") {
    const nlohmann::json properties{{"documents", 2}};
    const auto sarif = nlohmann::json::parse(
        report(ReportFormat::sarif, {contradiction(), notice_without_column(), contradiction(), run_level_error()},
               properties));
    CHECK(sarif["version"] == "2.1.0");
    CHECK(sarif["$schema"].get<std::string>().find("sarif-2.1.0") != std::string::npos);
    REQUIRE(sarif["runs"].size() == 1);
    const auto& run = sarif["runs"][0];
    CHECK(run["columnKind"] == "unicodeCodePoints");
    CHECK(run["tool"]["driver"]["name"] == "kfacts");
    CHECK(run["tool"]["driver"]["version"] == "0.1.0");
    CHECK(run["properties"] == properties);

    const auto& rules = run["tool"]["driver"]["rules"];
    REQUIRE(rules.size() == 3);  // each rule once, in order of first use
    CHECK(rules[0]["id"] == "check.contradiction");
    CHECK(rules[1]["id"] == "check.new-entity");
    CHECK(rules[2]["id"] == "check.min-f1");
    for (const auto& rule : rules) CHECK(!rule["shortDescription"]["text"].get<std::string>().empty());

    const auto& results = run["results"];
    REQUIRE(results.size() == 4);
    const auto& first = results[0];
    CHECK(first["ruleId"] == "check.contradiction");
    CHECK(first["ruleIndex"] == 0);
    CHECK(first["level"] == "error");
    CHECK(first["message"]["text"] == contradiction().message);
    const auto& location = first["locations"][0]["physicalLocation"];
    CHECK(location["artifactLocation"]["uri"] == "articles/%EC%83%88%20%EA%B8%B0%EC%82%AC%2C1.txt");
    CHECK(location["region"] ==
          nlohmann::json{{"startLine", 6}, {"startColumn", 20}, {"endLine", 6}, {"endColumn", 31}});
    const auto& related = first["relatedLocations"][0]["physicalLocation"];
    CHECK(related["artifactLocation"]["uri"] == "file:///data/seeds/000.txt");
    CHECK(related["region"] == nlohmann::json{{"startLine", 25}, {"startColumn", 859}});

    CHECK(results[1]["level"] == "note");
    CHECK(results[1]["ruleIndex"] == 1);
    CHECK(results[1]["locations"][0]["physicalLocation"]["region"] == nlohmann::json{{"startLine", 3}});
    CHECK(results[2]["ruleIndex"] == 0);
    CHECK_FALSE(results[3].contains("locations"));
}

TEST_CASE("SARIF report without findings is still a valid log") {
    const auto sarif = nlohmann::json::parse(report(ReportFormat::sarif, {}));
    CHECK(sarif["runs"][0]["results"].empty());
    CHECK(sarif["runs"][0]["tool"]["driver"]["rules"].empty());
    CHECK_FALSE(sarif["runs"][0].contains("properties"));
}

TEST_CASE("SARIF URIs: relative paths stay relative, absolute ones are file URIs") {
    CHECK(sarif_uri("data/seeds/a b.txt") == "data/seeds/a%20b.txt");
    CHECK(sarif_uri("/tmp/x#1.txt") == "file:///tmp/x%231.txt");
    CHECK(sarif_uri("한.txt") == "%ED%95%9C.txt");
}
