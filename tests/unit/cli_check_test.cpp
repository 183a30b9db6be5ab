// `kfacts check` end to end: scores as score.py computes them, the diff of
// missed and unexpected facts, contradictions with a facts database, new
// entities, input problems, the three report formats and the exit codes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

#include "output/check_report.h"
#include "output_test_support.h"

using namespace kfacts;
using namespace kfacts::testing;
using nlohmann::json;

namespace {

const std::string kSeeds = std::string(KFACTS_SOURCE_DIR) + "/data/seeds";
const std::string kSeedArticle = kSeeds + "/000_fd57b762e0ac98e8.txt";
// A sentence of the seed article; the contradicting article states another count.
const std::string kSeedSentence = "SK텔레콤의 ‘A.X K1’은 총 5190억개 매개변수로 구성된다.";
const std::string kContradictingSentence = "SK텔레콤의 ‘A.X K1’은 총 6190억개 매개변수로 구성된다.";

std::string kfacts_command(const std::string& args) { return std::string(KFACTS_BINARY) + " " + args; }

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

std::vector<std::string> matching(const std::vector<std::string>& lines, std::string_view prefix,
                                  std::string_view part) {
    std::vector<std::string> out;
    for (const std::string& l : lines) {
        if (starts_with(l, prefix) && contains(l, part)) out.push_back(l);
    }
    return out;
}

// "path:line:col" of a fact of kfacts/1 output.
std::string position_of(const std::string& path, const json& fact) {
    return path + ":" + fact["span"]["line"].dump() + ":" + fact["span"]["col"].dump();
}

json extract_one(const std::string& path) {
    const CommandResult r = run(kfacts_command("extract --format jsonl " + shell_quote(path)));
    REQUIRE(r.out.find('\n') == r.out.size() - 1);
    return json::parse(r.out);
}

// The scorer the figures must agree with, where this machine has it.
std::string score_py() {
    const char* env = std::getenv("KFACTS_SCORE_PY");
    const std::string path = env && *env ? env : "/work/shared/tools/score.py";
    return std::filesystem::exists(path) ? path : "";
}

// The table lines (header, one per type, micro, "micro F1") of check or score.py output.
std::vector<std::string> score_table(const std::string& output) {
    std::vector<std::string> table;
    for (const std::string& line : lines_of(output)) {
        for (const char* head : {"type ", "team ", "model ", "parameter_count ", "benchmark_score ", "quote ",
                                 "micro ", "micro F1 "}) {
            if (starts_with(line, head)) {
                table.push_back(line);
                break;
            }
        }
    }
    return table;
}

void check_same_scores_as_score_py(const std::string& inputs, const std::string& expected_dir,
                                   const std::string& check_output) {
    const std::string scorer = score_py();
    if (scorer.empty()) {
        WARN("score.py not found (set KFACTS_SCORE_PY): figures not compared with it");
        return;
    }
    TempDir dir;
    REQUIRE(run(kfacts_command("extract --format jsonl -o " + shell_quote(dir / "out.jsonl") + " " + inputs)).exit_code == 0);
    const CommandResult scored = run(python() + " " + shell_quote(scorer) + " --pred " + shell_quote(dir / "out.jsonl") +
                                     " --expected " + shell_quote(expected_dir));
    REQUIRE(scored.exit_code == 0);
    const auto theirs = score_table(scored.out);
    REQUIRE(theirs.size() == 8);
    CHECK(score_table(check_output) == theirs);
}

// The scenario of a CI run on new articles: a database built from the seed
// article, and a directory with a clean copy of it, an article that states
// another parameter count for the same model, and a broken file.
struct CheckScenario {
    TempDir dir;
    std::string db = dir / "facts.sqlite";
    std::string articles = dir / "articles";
    std::string clean = articles + "/clean.txt";
    std::string contradicting = articles + "/contradiction.txt";
    std::string broken = articles + "/broken.txt";
    json contradicting_fact;  // the extracted count the check must flag

    CheckScenario() {
        REQUIRE(read_file_bytes(kSeedArticle).find(kSeedSentence) != std::string::npos);
        REQUIRE(run(kfacts_command("extract --db " + shell_quote(db) + " " + shell_quote(kSeedArticle))).exit_code == 0);
        std::filesystem::create_directory(articles);
        std::filesystem::copy_file(kSeedArticle, clean);
        write_file_bytes(contradicting, "---\nid: t_contradiction\ntitle: 시험 기사\nurl: https://example.com/t\n---\n\n" +
                                            kContradictingSentence + "\n");
        write_file_bytes(broken, "---\nid: t_broken\ntitle: 깨진 \xFF 제목\n\n본문 \xC3 끝.\n");
        const json extracted = extract_one(contradicting);
        for (const json& f : extracted["facts"]) {
            if (f["type"] == "parameter_count" && f["value"] == 619000000000LL && f["model"] == "A.X K1") {
                contradicting_fact = f;
            }
        }
        if (contradicting_fact.is_null()) {
            FAIL("the extractor does not find 6190억개 of A.X K1 in \"" << kContradictingSentence
                                                                  << "\": the rules need it for this test");
        }
    }

    CommandResult check(const std::string& report, const std::string& extra = "") const {
        return run(kfacts_command("check " + shell_quote(articles) + " --db " + shell_quote(db) + " --report " + report + " " +
                          extra));
    }
};

}  // namespace

TEST_CASE("check reports the scores score.py computes, with missed and unexpected facts") {
    for (const auto& [articles, expected] : {std::pair{"data/seeds", "data/expected"},
                                             std::pair{"data/articles", "data/articles_expected"}}) {
        INFO(articles);
        const std::string inputs = shell_quote(std::string(KFACTS_SOURCE_DIR) + "/" + articles);
        const std::string expected_dir = std::string(KFACTS_SOURCE_DIR) + "/" + expected;
        const CommandResult r = run(kfacts_command("check " + inputs + " --expected " + shell_quote(expected_dir)));
        CHECK(r.exit_code == 0);  // missed and unexpected facts are warnings
        CHECK(score_table(r.out).size() == 8);
        check_same_scores_as_score_py(inputs, expected_dir, r.out);
    }
}

TEST_CASE("check diff: a missed fact at its document, an unexpected one at its line, and --min-f1") {
    TempDir dir;
    const std::string article = dir / "article.txt";
    std::filesystem::copy_file(kSeedArticle, article);
    const json output = extract_one(article);
    // Expected facts made from the output itself: every team but the first, and one team the article lacks.
    std::vector<std::string> teams;
    json first_team_fact;
    for (const json& f : output["facts"]) {
        if (f["type"] != "team") continue;
        if (std::find(teams.begin(), teams.end(), f["team"]) == teams.end()) teams.push_back(f["team"]);
        if (first_team_fact.is_null()) first_team_fact = f;
    }
    REQUIRE(teams.size() >= 2);
    json expected{{"id", output["doc"]["id"]}, {"teams", json::array()}};
    for (std::size_t i = 1; i < teams.size(); ++i) expected["teams"].push_back({{"names", {teams[i]}}});
    expected["teams"].push_back({{"names", {"없는팀"}}});
    const std::string expected_dir = dir / "expected";
    std::filesystem::create_directory(expected_dir);
    write_file_bytes(expected_dir + "/" + output["doc"]["id"].get<std::string>() + ".json", expected.dump());

    const std::string base = "check " + shell_quote(article) + " --expected " + shell_quote(expected_dir);
    const CommandResult r = run(kfacts_command(base));
    CHECK(r.exit_code == 0);
    const auto lines = lines_of(r.out);
    CHECK(matching(lines, article + ":1: warning: missed team: 없는팀", "[check.missed]").size() == 1);
    const std::string unexpected_at = position_of(article, first_team_fact);
    CHECK(matching(lines, unexpected_at + ": warning: unexpected team: " + first_team_fact["team"].get<std::string>(),
                   "[check.unexpected]")
              .size() == 1);
    const std::size_t n = teams.size();
    CHECK(matching(lines, "team ", std::to_string(n - 1) + "/1").size() == 1);  // correct/wrong
    CHECK(matching(lines, "team ", std::to_string(n - 1) + "/" + std::to_string(n)).size() == 1);  // found/required
    check_same_scores_as_score_py(shell_quote(article), expected_dir, r.out);

    const CommandResult strict = run(kfacts_command(base + " --min-f1 1"));
    CHECK(strict.exit_code == 1);
    CHECK(matching(lines_of(strict.out), "kfacts: error: micro F1", "[check.min-f1]").size() == 1);
    CHECK(run(kfacts_command(base + " --min-f1 0.1")).exit_code == 0);
}

TEST_CASE("check --expected: an article without an expected-facts file is a warning; nothing scored fails --min-f1") {
    TempDir dir;
    const std::string expected = dir / "expected";
    std::filesystem::create_directory(expected);
    std::filesystem::copy_file(std::string(KFACTS_SOURCE_DIR) + "/data/expected/016_0002578287.json",
                               expected + "/016_0002578287.json");  // the expected facts of kSeedArticle
    const std::string unscored = kSeeds + "/002_d8991b5d25716180.txt";

    const CommandResult some = run(kfacts_command("check " + shell_quote(kSeedArticle) + " " + shell_quote(unscored) +
                                                  " --expected " + shell_quote(expected) + " --min-f1 0.9"));
    CHECK(some.exit_code == 0);
    const auto lines = lines_of(some.out);
    CHECK(matching(lines, unscored + ":1: warning: not scored: no expected-facts file with id 002_d8991b5d25716180",
                   "[check.no-expected]")
              .size() == 1);
    CHECK(matching(lines, "", "[check.no-expected]").size() == 1);
    CHECK(matching(lines, "scored 1 of 2 documents", "").size() == 1);

    // The wrong directory: every article unscored, micro F1 1.000 over nothing.
    const std::string articles_expected = std::string(KFACTS_SOURCE_DIR) + "/data/articles_expected";
    const CommandResult none = run(kfacts_command("check " + shell_quote(kSeeds) + " --expected " +
                                                  shell_quote(articles_expected) + " --min-f1 0.9"));
    CHECK(none.exit_code == 1);
    const auto none_lines = lines_of(none.out);
    CHECK(matching(none_lines, "", "[check.no-expected]").size() == 5);
    CHECK(matching(none_lines, "kfacts: error: nothing scored", "[check.nothing-scored]").size() == 1);
    // Without --min-f1 (newly crawled articles have no expected facts yet) it is a warning.
    const CommandResult report_only =
        run(kfacts_command("check " + shell_quote(kSeeds) + " --expected " + shell_quote(articles_expected)));
    CHECK(report_only.exit_code == 0);
    CHECK(matching(lines_of(report_only.out), "kfacts: warning: nothing scored", "[check.nothing-scored]").size() == 1);

    // No article at all, with or without expected facts.
    const std::string empty = dir / "empty";
    std::filesystem::create_directory(empty);
    for (const std::string& extra : {std::string(), " --expected " + shell_quote(expected) + " --min-f1 0.9"}) {
        INFO(extra);
        const CommandResult nothing = run(kfacts_command("check " + shell_quote(empty) + extra));
        CHECK(nothing.exit_code == 1);
        CHECK(matching(lines_of(nothing.out), "kfacts: error: no articles in " + empty, "[check.no-articles]").size() == 1);
    }
}

TEST_CASE("check with --db: a contradiction and a broken file fail the run, in every report format") {
    const CheckScenario scenario;
    const std::string at = position_of(scenario.contradicting, scenario.contradicting_fact);

    SECTION("text") {
        const CommandResult r = scenario.check("text");
        CHECK(r.exit_code == 1);
        const auto lines = lines_of(r.out);
        const auto contradictions = matching(lines, at + ": error: A.X K1 has 619000000000 parameters here, but "
                                                         "519000000000 in 016_0002578287 at " + kSeedArticle,
                                             "[check.contradiction]");
        CHECK(contradictions.size() == 1);
        const auto broken = matching(lines, scenario.broken + ":", ": error: ");
        CHECK(!broken.empty());
        for (const std::string& line : broken) {
            CHECK((contains(line, "[utf8.invalid]") || contains(line, "[frontmatter.unterminated]")));
        }
        CHECK(matching(lines, scenario.broken + ":3:", "[utf8.invalid]").size() == 1);  // the title's bad byte
        CHECK(matching(lines, scenario.clean, "").empty());  // the clean article has nothing to report
    }
    SECTION("github") {
        const CommandResult r = scenario.check("github");
        CHECK(r.exit_code == 1);
        const auto lines = lines_of(r.out);
        const json& span = scenario.contradicting_fact["span"];
        const std::string file = "::error file=" + github_escape_property(scenario.contradicting) +
                                 ",line=" + span["line"].dump() + ",col=" + span["col"].dump() + ",";
        CHECK(matching(lines, file, "title=check.contradiction::A.X K1 has 619000000000 parameters here").size() == 1);
        CHECK(matching(lines, "::error file=" + github_escape_property(scenario.broken) + ",line=3,", "title=utf8.invalid::")
                  .size() == 1);
        CHECK(matching(lines, "::error file=" + github_escape_property(scenario.broken) + ",line=1,",
                       "title=frontmatter.unterminated::")
                  .size() == 1);
        CHECK(matching(lines, "::", scenario.clean).empty());
    }
    SECTION("sarif, written with -o") {
        const std::string report_path = scenario.dir / "report.sarif";
        const CommandResult r = scenario.check("sarif", "-o " + shell_quote(report_path));
        CHECK(r.exit_code == 1);
        CHECK(!contains(r.out, "\"version\""));  // the log went to the file
        const json sarif = json::parse(read_file_bytes(report_path));
        CHECK(sarif["version"] == "2.1.0");
        REQUIRE(sarif["runs"].size() == 1);
        const json& run = sarif["runs"][0];
        CHECK(run["columnKind"] == "unicodeCodePoints");
        CHECK(run["tool"]["driver"]["name"] == "kfacts");
        const json& rules = run["tool"]["driver"]["rules"];
        std::set<std::string> rule_ids;
        for (const json& rule : rules) CHECK(rule_ids.insert(rule["id"].get<std::string>()).second);
        std::size_t contradictions = 0, broken = 0;
        for (const json& result : run["results"]) {
            const std::size_t index = result["ruleIndex"];
            REQUIRE(index < rules.size());
            CHECK(rules[index]["id"] == result["ruleId"]);
            CHECK(std::set<std::string>{"error", "warning", "note"}.count(result["level"].get<std::string>()) == 1);
            CHECK(!result["message"]["text"].get<std::string>().empty());
            const json& where = result["locations"][0]["physicalLocation"];
            CHECK(where["region"]["startLine"].get<int>() >= 1);
            const std::string uri = where["artifactLocation"]["uri"];
            CHECK(uri != sarif_uri(scenario.clean));
            if (result["ruleId"] == "check.contradiction") {
                ++contradictions;
                CHECK(result["level"] == "error");
                CHECK(uri == sarif_uri(scenario.contradicting));
                const json& span = scenario.contradicting_fact["span"];
                CHECK(where["region"]["startLine"] == span["line"]);
                CHECK(where["region"]["startColumn"] == span["col"]);
                CHECK(where["region"]["endLine"] == span["line"]);
                // Columns count code points: the end is the start plus the text's length in code points.
                const std::size_t chars = span["char_end"].get<std::size_t>() - span["char_start"].get<std::size_t>();
                CHECK(where["region"]["endColumn"] == span["col"].get<std::size_t>() + chars);
                const json& earlier = result["relatedLocations"][0]["physicalLocation"];
                CHECK(earlier["artifactLocation"]["uri"] == sarif_uri(kSeedArticle));
                CHECK(earlier["region"]["startLine"].get<int>() >= 1);
            }
            if (uri == sarif_uri(scenario.broken) && result["level"] == "error") ++broken;
        }
        CHECK(contradictions == 1);
        CHECK(broken >= 1);
    }
}

TEST_CASE("check with --db: teams, models and speakers never seen are notices, which do not fail") {
    TempDir dir;
    const std::string db = dir / "facts.sqlite";
    REQUIRE(run(kfacts_command("extract --db " + shell_quote(db) + " " + shell_quote(kSeedArticle))).exit_code == 0);
    // What is new, from the JSON of both articles: names in the second that no fact of the first has.
    const auto names = [](const json& doc, const char* field, std::string_view type) {
        std::set<std::string> out;
        for (const json& f : doc["facts"]) {
            if ((type.empty() || f["type"] == type) && f.contains(field) && f[field].is_string()) out.insert(f[field]);
        }
        return out;
    };
    const json earlier = extract_one(kSeedArticle);
    const std::string article = kSeeds + "/002_d8991b5d25716180.txt";
    const json later = extract_one(article);
    std::set<std::string> expected;
    for (const auto& [kind, field] : {std::pair{"team", "team"}, {"model", "model"}, {"speaker", "speaker"}}) {
        const std::string type = kind == std::string("speaker") ? "quote" : kind;
        const auto known = names(earlier, field, "");
        for (const std::string& name : names(later, field, type)) {
            if (!known.count(name)) expected.insert(std::string(kind) + " " + name);
        }
    }
    REQUIRE(!expected.empty());

    const CommandResult r = run(kfacts_command("check " + shell_quote(article) + " --db " + shell_quote(db)));
    std::set<std::string> noticed;
    bool any_error = false;
    for (const std::string& line : lines_of(r.out)) {
        any_error = any_error || contains(line, ": error: ");
        if (!contains(line, "[check.new-entity]")) continue;
        CHECK(starts_with(line, article + ":"));
        CHECK(contains(line, ": notice: new "));
        const std::size_t kind = line.find(": notice: new ") + std::string_view(": notice: new ").size();
        const std::size_t open = line.find("“", kind), close = line.find("”", open);
        REQUIRE(close != std::string::npos);
        noticed.insert(line.substr(kind, open - 1 - kind) + " " + line.substr(open + 3, close - open - 3));
    }
    CHECK(noticed == expected);
    CHECK(r.exit_code == (any_error ? 1 : 0));
}

TEST_CASE("check reports input problems with file:line") {
    TempDir dir;
    const std::string missing = dir / "missing.txt";
    const std::string empty = dir / "empty.txt";
    const std::string no_facts = dir / "no_facts.txt";
    write_file_bytes(empty, "");
    write_file_bytes(no_facts, "---\nid: t_weather\n---\n\n오늘은 맑고 바람이 분다.\n");

    const CommandResult unreadable = run(kfacts_command("check " + shell_quote(missing)));
    CHECK(unreadable.exit_code == 1);
    CHECK(matching(lines_of(unreadable.out), missing + ":1: error: ", "[io.unreadable]").size() == 1);

    const CommandResult blank = run(kfacts_command("check " + shell_quote(empty)));
    CHECK(blank.exit_code == 1);
    CHECK(matching(lines_of(blank.out), empty + ":1: error: ", "[io.empty]").size() == 1);

    const CommandResult nothing = run(kfacts_command("check " + shell_quote(no_facts)));
    CHECK(nothing.exit_code == 0);  // a warning only
    CHECK(matching(lines_of(nothing.out), no_facts + ":1: warning: ", "[check.no-facts]").size() == 1);
}

TEST_CASE("check usage errors exit with 2") {
    TempDir dir;
    const std::string seed = shell_quote(kSeedArticle);
    write_file_bytes(dir / "not-a-db.sqlite", "plain text\n");
    CHECK(run(kfacts_command("check " + seed + " --min-f1 0.5 2>/dev/null")).exit_code == 2);
    CHECK(run(kfacts_command("check " + seed + " --expected " + shell_quote(dir / "nowhere") + " 2>/dev/null")).exit_code == 2);
    CHECK(run(kfacts_command("check " + seed + " --db " + shell_quote(dir / "not-a-db.sqlite") + " 2>/dev/null")).exit_code == 2);
    CHECK(run(kfacts_command("check " + seed + " --db " + shell_quote(dir / "missing.sqlite") + " 2>/dev/null")).exit_code == 2);
    CHECK(run(kfacts_command("check " + seed + " --report xml 2>/dev/null")).exit_code == 2);
}

TEST_CASE("check: an expected-facts file that is not JSON is an error at its line") {
    TempDir dir;
    const std::string expected = dir / "expected";
    std::filesystem::create_directory(expected);
    write_file_bytes(expected + "/bad.json", "{\n  \"id\": \"x\",\n  \"teams\": [oops]\n}\n");
    const CommandResult r = run(kfacts_command("check " + shell_quote(kSeedArticle) + " --expected " + shell_quote(expected)));
    CHECK(r.exit_code == 1);
    CHECK(matching(lines_of(r.out), expected + "/bad.json:3:", "[check.expected-invalid]").size() == 1);
}

TEST_CASE("check: an expected-facts file that does not follow the format is an error and is not scored") {
    TempDir dir;
    const std::string expected = dir / "expected";
    std::filesystem::create_directory(expected);
    const std::string file = expected + "/016_0002578287.json";  // named after kSeedArticle's id
    write_file_bytes(file, R"({"id":"016_0002578287","teams":"notalist","models":[{"names":[]}],"quotes":[{"speaker":"x"}]})");
    const std::string many = expected + "/002_d8991b5d25716180.json";  // a seed article's id; seven teams without names
    write_file_bytes(many, R"({"teams":[{},{},{},{},{},{},{}]})");
    const CommandResult r = run(kfacts_command("check " + shell_quote(kSeedArticle) + " " +
                                               shell_quote(kSeeds + "/002_d8991b5d25716180.txt") + " --expected " +
                                               shell_quote(expected)));
    CHECK(r.exit_code == 1);
    const auto lines = lines_of(r.out);
    CHECK(matching(lines, file + ":1: error: ",
                   "\"teams\" is not a list; models[0].names is not a non-empty list of names; quotes[0].speaker is not "
                   "a non-empty list of names; quotes[0] has no \"quote\" [check.expected-invalid]")
              .size() == 1);
    CHECK(matching(lines, many + ":1: error: ",
                   "teams[4] has no \"names\"; and 2 more problems [check.expected-invalid]")
              .size() == 1);
    CHECK(matching(lines, "", "[check.missed]").empty());       // not scored
    CHECK(matching(lines, "", "[check.no-expected]").empty());  // each article has a file, an unusable one
    CHECK(matching(lines, "scored 0 of 2 documents against 0 expected-facts files", "").size() == 1);
}
