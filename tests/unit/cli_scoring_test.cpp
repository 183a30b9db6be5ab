// Scoring against expected-facts files: the normalisation and the counting
// rules of docs/FACTS.md, as /work/shared/tools/score.py applies them.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "cli/scoring.h"
#include "output_test_support.h"

using namespace kfacts;
using namespace kfacts::cli;
using namespace kfacts::testing;
using nlohmann::json;

namespace {

Fact named(FactType type, std::string name, std::optional<std::string> team = std::nullopt) {
    Fact f;
    f.type = type;
    if (type == FactType::team) f.team = std::move(name);
    else f.model = std::move(name);
    if (team) f.team = std::move(team);
    return f;
}

Fact count(std::optional<std::string> model, std::optional<std::string> team, unsigned long long value) {
    Fact f;
    f.type = FactType::parameter_count;
    f.model = std::move(model);
    f.team = std::move(team);
    f.value = exact(value);
    return f;
}

Fact quote(std::string speaker, std::string words) {
    Fact f;
    f.type = FactType::quote;
    f.speaker = std::move(speaker);
    f.quote = std::move(words);
    return f;
}

struct Scored {
    Tally tally;
    std::vector<ScoreDiff> diffs;
};

Scored score(FactType type, const std::vector<Fact>& facts, const json& expected) {
    Scored s;
    score_document(type, facts, expected, s.tally, s.diffs);
    return s;
}

std::size_t diffs_of(const Scored& s, ScoreDiff::Kind kind) {
    return static_cast<std::size_t>(
        std::count_if(s.diffs.begin(), s.diffs.end(), [&](const ScoreDiff& d) { return d.kind == kind; }));
}

}  // namespace

TEST_CASE("Scoring normalisation: NFKC, lower case, separators and quotation marks removed") {
    CHECK(normalize_for_scoring("A.X K1") == "axk1");
    CHECK(normalize_for_scoring("ＳＫ텔레콤") == "sk텔레콤");       // full-width letters
    CHECK(normalize_for_scoring("‘K-엑사원’") == "k엑사원");
    CHECK(normalize_for_scoring("“Solar (Pro) 2”") == "solarpro2");
    CHECK(normalize_for_scoring("LG·AI_연구원") == "lgai연구원");
    CHECK(normalize_for_scoring("ＫＴ　믿：음") == "kt믿:음");      // ideographic space is a space after NFKC
    CHECK(normalize_for_scoring("") == "");
}

TEST_CASE("Scoring normalisation agrees with Python's unicodedata on hard cases") {
    const std::vector<std::string> samples = {
        "A.X K1", "에이닷엑스 K1", "ＳＫ텔레콤", "ΣΑΣ", "İstanbul", "ß", "ﬁne-tuned", "Ⅻ번째", "㈜카카오",
        "K-EXAONE", "`HyperCLOVA X`", "정예팀 ‘모두의 AI’", "한\u200B국", "가\u0301", "x´y", "\t탭\r\n"};
    TempDir dir;
    write_file_bytes(dir / "in.json", json(samples).dump());
    const CommandResult r = run(python() + " " + python_helper("scoring_norm.py") + " < " + shell_quote(dir / "in.json"));
    REQUIRE(r.exit_code == 0);
    const auto expected = json::parse(r.out).get<std::vector<std::string>>();
    REQUIRE(expected.size() == samples.size());
    for (std::size_t i = 0; i < samples.size(); ++i) {
        INFO(samples[i]);
        CHECK(normalize_for_scoring(samples[i]) == expected[i]);
    }
}

TEST_CASE("Tally: precision, recall and F1 as score.py computes them") {
    Tally t;
    CHECK(t.precision() == 1.0);  // nothing extracted, nothing required
    CHECK(t.recall() == 1.0);
    CHECK(t.f1() == 1.0);
    t.correct = 3;
    t.wrong = 1;
    t.found = 3;
    t.required = 6;
    CHECK(t.precision() == Approx(0.75));
    CHECK(t.recall() == Approx(0.5));
    CHECK(t.f1() == Approx(0.6));
    Tally zero;
    zero.wrong = 2;
    zero.required = 1;
    CHECK(zero.f1() == 0.0);
    Tally sum = t;
    sum += zero;
    CHECK(sum.wrong == 3);
    CHECK(sum.required == 7);
}

TEST_CASE("Teams: any spelling matches, optional entries neither count nor hurt, distinct keys count once") {
    const json expected = json::parse(R"({"teams": [
        {"names": ["SK텔레콤", "SKT"]},
        {"names": ["업스테이지"]},
        {"names": ["LG CNS"], "optional": true}]})");
    const Scored s = score(FactType::team, {named(FactType::team, "SKT"), named(FactType::team, "skt"),
                                            named(FactType::team, "LG CNS"), named(FactType::team, "없는팀")},
                           expected);
    CHECK(s.tally.correct == 1);   // SKT and skt are one key
    CHECK(s.tally.wrong == 1);     // 없는팀
    CHECK(s.tally.found == 1);
    CHECK(s.tally.required == 2);  // the optional LG CNS is not required
    CHECK(diffs_of(s, ScoreDiff::Kind::unexpected) == 1);
    REQUIRE(diffs_of(s, ScoreDiff::Kind::missed) == 1);
    const auto missed = std::find_if(s.diffs.begin(), s.diffs.end(),
                                     [](const ScoreDiff& d) { return d.kind == ScoreDiff::Kind::missed; });
    CHECK(missed->expected == json::parse(R"({"names": ["업스테이지"]})"));
}

TEST_CASE("Models: a second name of an entity already found is wrong") {
    const json expected = json::parse(R"({"models": [{"names": ["K-EXAONE", "K-엑사원"], "team": "LG"}]})");
    const Scored s = score(FactType::model, {named(FactType::model, "K-엑사원"), named(FactType::model, "K-EXAONE")},
                           expected);
    CHECK(s.tally.correct == 1);
    CHECK(s.tally.wrong == 1);
    CHECK(s.tally.found == 1);
    CHECK(diffs_of(s, ScoreDiff::Kind::second_name) == 1);
}

TEST_CASE("Parameter counts: the value within 1e-6 and the model or the team as subject") {
    const json expected = json::parse(R"({"parameter_counts": [
        {"subject": ["A.X K1", "SK텔레콤"], "value": 519000000000},
        {"value": 200000000000}]})");
    const Scored s = score(FactType::parameter_count,
                           {count(std::nullopt, "SK텔레콤", 519000000000ULL), count("NC AI", std::nullopt, 200000000000ULL),
                            count("A.X K1", std::nullopt, 500000000000ULL), count("Other", std::nullopt, 519000000000ULL)},
                           expected);
    CHECK(s.tally.correct == 2);  // the team names the subject; no subject list accepts any
    CHECK(s.tally.wrong == 2);    // a different value; the right value of another subject
    CHECK(s.tally.found == 2);
    CHECK(s.tally.required == 2);
}

TEST_CASE("Quotes: the speaker and the first 12 normalised characters of either quotation") {
    const json expected = json::parse(R"({"quotes": [
        {"speaker": ["배경훈"], "quote": "AI모델 개발에 매진해온 정예팀 모두가 승자"},
        {"speaker": ["하정우"], "quote": "글로벌 수준의 독자 AI모델"}]})");
    const Scored s = score(FactType::quote,
                           {quote("배경훈", "AI 모델 개발에 매진해 온 정예팀 모두가 승자라고"),  // spaces do not count
                            quote("하정우", "전혀 다른 말"),                                     // other words
                            quote("임문영", "글로벌 수준의 독자 AI모델")},                       // another speaker
                           expected);
    CHECK(s.tally.correct == 1);
    CHECK(s.tally.wrong == 2);
    CHECK(s.tally.found == 1);
    CHECK(s.tally.required == 2);
}

TEST_CASE("Scoring ignores what an expected-facts file does not hold") {
    const Scored s = score(FactType::benchmark_score, {}, json::parse(R"({"id": "x"})"));
    CHECK(s.tally.required == 0);
    CHECK(s.diffs.empty());
    CHECK(expected_entries(json::parse(R"({"teams": "not a list"})"), FactType::team).empty());
}

TEST_CASE("Expected-facts files are checked against the format of docs/FACTS.md") {
    SECTION("the example of docs/FACTS.md, nulls where the format allows them, and fields it does not name") {
        const json expected = json::parse(R"({"id": "016_0002578287",
            "teams":  [{"names": ["SK텔레콤", "SKT"]}, {"names": ["NC AI"], "optional": true}],
            "models": [{"names": ["A.X K1"], "team": "SK텔레콤"}, {"names": ["K-EXAONE"], "team": null}],
            "parameter_counts": [{"subject": ["A.X K1", "SK텔레콤"], "value": 519000000000},
                                 {"subject": null, "value": 7000000000, "approximate": true}],
            "benchmark_scores": [{"subject": ["K-EXAONE"], "score": 72.03, "max_score": null, "span": {}}],
            "quotes": [{"speaker": ["배경훈"], "quote": "AI모델 개발에 매진해온 정예팀 모두가 승자", "role": null}]})");
        CHECK(expected_facts_problems(expected).empty());
        CHECK(expected_facts_problems(json::parse(R"({"id": "x"})")).empty());
    }
    SECTION("each problem, named") {
        const json expected = json::parse(R"({"id": 7, "teams": "notalist",
            "models": [{"names": []}, {"names": ["A", ""]}, {"names": ["B"], "team": 3}, "C"],
            "parameter_counts": [{"subject": ["A"], "value": "5"}, {"subject": [], "value": 5}, {"subject": ["A"]}],
            "benchmark_scores": [{"score": 72, "optional": "yes"}],
            "quotes": [{"speaker": "x"}, {"speaker": ["x"], "quote": ""}, {"quote": "말"}]})");
        CHECK(expected_facts_problems(expected) ==
              std::vector<std::string>{"\"id\" is not a non-empty string",
                                       "\"teams\" is not a list",
                                       "models[0].names is not a non-empty list of names",
                                       "models[1].names is not a non-empty list of names",
                                       "models[2].team is neither a name nor null",
                                       "models[3] is not an object",
                                       "parameter_counts[0].value is not a number",
                                       "parameter_counts[1].subject is not a non-empty list of names",
                                       "parameter_counts[2] has no \"value\"",
                                       "benchmark_scores[0].optional is neither true nor false",
                                       "quotes[0].speaker is not a non-empty list of names",
                                       "quotes[0] has no \"quote\"",
                                       "quotes[1].quote is not a non-empty string",
                                       "quotes[2] has no \"speaker\""});
    }
    SECTION("not an object") {
        CHECK(expected_facts_problems(json::array()) ==
              std::vector<std::string>{"an expected-facts file holds one JSON object"});
    }
}
