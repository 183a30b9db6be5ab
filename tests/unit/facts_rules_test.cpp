// The rule engine end to end: every example beside the rules, and names that
// no gazetteer holds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <memory>
#include <set>

#include <fmt/format.h>
#include <re2/re2.h>
#include <unistd.h>

#include "facts/extractor.h"
#include "facts/rule_examples.h"

using namespace kfacts;

namespace {

const Extractor& extractor() {
    static const std::unique_ptr<Extractor> instance = Extractor::load(KFACTS_SOURCE_DIR "/rules");
    return *instance;
}

std::vector<Fact> extract_with(const Extractor& with, const std::string& text) {
    Document doc = read_document_bytes("test.txt", text);
    ExtractOptions options;
    options.types = FactTypeSet::all();
    return with.extract(doc, options);
}

std::vector<Fact> extract(const std::string& text) { return extract_with(extractor(), text); }

std::vector<std::string> team_names(const std::string& text) {
    std::vector<std::string> names;
    for (const Fact& f : extract(text)) {
        if (f.type == FactType::team) names.push_back(*f.team);
    }
    return names;
}

const Fact* find(const std::vector<Fact>& facts, FactType type) {
    const auto it = std::find_if(facts.begin(), facts.end(), [&](const Fact& f) { return f.type == type; });
    return it == facts.end() ? nullptr : &*it;
}

using ModelScores = std::vector<std::pair<std::string, std::string>>;

// Each benchmark score's model ("" for none) and score, in order.
ModelScores model_scores(const std::vector<Fact>& facts) {
    ModelScores scores;
    for (const Fact& f : facts) {
        if (f.type == FactType::benchmark_score && f.score) scores.emplace_back(f.model.value_or(""), f.score->to_string());
    }
    return scores;
}

// The teams (with the rule that found each) and models (with their team)
// of a text, in order: `team 가람텍 team.releases-named-model`, `model 가람-1 가람텍`.
std::vector<std::string> model_teams(const std::string& text) {
    std::vector<std::string> found;
    for (const Fact& f : extract(text)) {
        if (f.type == FactType::team) found.push_back("team " + *f.team + " " + std::string(f.rule));
        if (f.type == FactType::model) found.push_back("model " + *f.model + " " + f.team.value_or("-"));
    }
    return found;
}

// The models named, each once, in the order first named.
std::vector<std::string> distinct_models(const std::vector<Fact>& facts) {
    std::vector<std::string> models;
    for (const Fact& f : facts) {
        if (f.type == FactType::model && std::find(models.begin(), models.end(), *f.model) == models.end()) {
            models.push_back(*f.model);
        }
    }
    return models;
}

}  // namespace

TEST_CASE("every example written beside the rules and gazetteers passes", "[rules][examples]") {
    const auto results = run_rule_examples(extractor());
    REQUIRE(results.size() > 40);
    for (const ExampleResult& r : results) {
        INFO(r.where << " " << r.rule << ": " << r.text << "\n" << r.problem);
        CHECK(r.passed);
    }
}

TEST_CASE("a team, model and speaker that no gazetteer holds are still found", "[rules][unknown]") {
    // None of 벼리소프트, 벼리-7, 남궁도윤 is in rules/gazetteer.
    const std::string text =
        "벼리소프트는 27일 자체 개발한 언어모델 '벼리-7'을 공개했다. '벼리-7'은 매개변수 700억 개 규모다. "
        "남궁도윤 벼리소프트 대표는 \"한국어 추론에서 세계 최고 수준을 보여주겠다\"고 말했다.";
    const auto facts = extract(text);

    const auto has = [&](FactType type, auto pred) {
        return std::any_of(facts.begin(), facts.end(), [&](const Fact& f) { return f.type == type && pred(f); });
    };
    CHECK(has(FactType::team, [](const Fact& f) { return f.team == "벼리소프트"; }));
    CHECK(has(FactType::model, [](const Fact& f) { return f.model == "벼리-7" && f.team == "벼리소프트"; }));
    CHECK(has(FactType::parameter_count, [](const Fact& f) {
        return f.value && f.value->to_string() == "70000000000" && f.model == "벼리-7";
    }));
    CHECK(has(FactType::quote, [](const Fact& f) {
        return f.speaker == "남궁도윤" && f.quote && f.quote->rfind("한국어 추론에서", 0) == 0;
    }));
}

// Topics are computed again after model rules, only for sentences where a
// name found since may start: here the model found in the first sentence is
// the next sentence's topic, which carries the score in the third.
TEST_CASE("a model found by a rule becomes the topic that later scores link to", "[rules][topics]") {
    const auto facts = extract("벼리랩스는 29일 새 언어모델 '하늬-7B'를 공개했다.\n\n"
                               "하늬-7B는 KMMLU에서 61.2점을 받았다. HAE-RAE 벤치에서는 70.1점을 기록했다.");
    const auto score = std::find_if(facts.begin(), facts.end(), [](const Fact& f) {
        return f.type == FactType::benchmark_score && f.score && f.score->to_string() == "70.1";
    });
    REQUIRE(score != facts.end());
    CHECK(score->model == "하늬-7B");
}

// 로마 3.3 70B is found by a rule in the sentence with its score; only once
// it is tagged as a name (the second reading) does the rule that reads
// `[model]는 … N%였다` give it that score.
TEST_CASE("a second reading tags the names that rules found, and rules that read names see them",
          "[rules][unknown]") {
    const std::string text =
        "라온랩은 의료 특화 언어모델 '하유온 34B'를 개발했다고 9일 밝혔다. 한국어 의학 객관식 평가인 "
        "KorMedMCQA에서 하유온 34B는 정답률 78.2%를 기록했다. 같은 평가에서 비타의 '로마 3.3 70B'는 69.8%였다.";
    const auto facts = extract(text);
    CHECK(model_scores(facts) == ModelScores{{"하유온 34B", "78.2"}, {"로마 3.3 70B", "69.8"}});
    // Its mention in the second sentence is a fact of its own; the first keeps the rule that found it.
    std::vector<std::string> mentions;
    for (const Fact& f : facts) {
        if (f.type == FactType::model && f.model == "하유온 34B") mentions.emplace_back(f.rule);
    }
    CHECK(mentions == std::vector<std::string>{"model.quoted-released", "document.model"});

    // A size's stem of two Hangul syllables or fewer is no name elsewhere: 하늘 is the sky.
    const auto sky = extract("라온랩은 새 언어모델 '하늘 7B'를 공개했다. 이날 서울 하늘은 맑았다.");
    CHECK(std::count_if(sky.begin(), sky.end(), [](const Fact& f) { return f.type == FactType::model; }) == 1);

    // The first reading finds names whatever types are asked for.
    Document doc = read_document_bytes("test.txt", text);
    ExtractOptions scores_only;
    scores_only.types = FactTypeSet{};
    scores_only.types.add(FactType::benchmark_score);
    const auto scores = extractor().extract(doc, scores_only);
    CHECK(model_scores(scores) == model_scores(facts));
    CHECK(std::all_of(scores.begin(), scores.end(), [](const Fact& f) { return f.type == FactType::benchmark_score; }));
}

// param.size-before-quoted-model reads `N개로 [model]`; the model is one
// measured against where 보다, 대비 or 의 N배 follows it.
TEST_CASE("a count is not the model it is compared with", "[rules][count]") {
    const auto counted_models = [](const std::string& text) {
        std::vector<std::string> models;
        for (const Fact& f : extract(text)) {
            if (f.type == FactType::parameter_count) models.push_back(f.model.value_or("-"));
        }
        return models;
    };
    CHECK(counted_models("카카오의 '카나나 나노 2.1B'는 매개변수 21억 개로 카나나 2보다 작다.") ==
          std::vector<std::string>{"카나나 나노 2.1B"});
    CHECK(counted_models("한결AI는 자체 모델 '한결-8B'를 공개했다. 같은 회사의 '한결-2B'는 매개변수 20억 개로 한결-8B보다 작다.") ==
          std::vector<std::string>{"한결-2B"});
    CHECK(counted_models("'딥시크-V3.2'는 매개변수가 6710억 개로 '카나나 2'의 3배가 넘는다.") ==
          std::vector<std::string>{"DeepSeek-V3.2"});
}

// Once 센-2 is tagged as a name, model.hyphenated-name-in-context reads the
// next hyphenated word: the name of the test it was scored in.
TEST_CASE("a hyphenated name in quotation marks with a benchmark word after it names the test", "[rules][unknown]") {
    const auto facts = extract("로터스마인드에 따르면 센-2는 이해도를 측정하는 'ASEAN-CU 벤치'에서 72.4점을 받았다. "
                               "스코어링크가 구성한 'KSAT-리즈닝' 평가에서 GPT-5는 100점 만점에 91점을 받았다.");
    CHECK(distinct_models(facts) == std::vector<std::string>{"센-2", "GPT-5"});
    CHECK(model_scores(facts) == ModelScores{{"센-2", "72.4"}, {"GPT-5", "91"}});
}

TEST_CASE("a document's own names: one entity per canonical name and kind, ids after the lexicon's", "[rules][unknown]") {
    const Lexicon& lexicon = extractor().lexicon();
    DocumentNames names(lexicon);
    CHECK(names.empty());
    names.add(EntityKind::model, "하유온 34B", "하유온 34B", "라온랩");
    names.add(EntityKind::model, "Hayuon 34B", "하유온 34B", "");
    names.add(EntityKind::team, "라온랩", "라온랩", "");
    names.add(EntityKind::team, "하유온 34B", "하유온", "");  // a spelling already added keeps its entity, and makes none

    const auto first = static_cast<std::uint32_t>(lexicon.entities().size());
    REQUIRE(names.spellings().size() == 3);
    CHECK(names.spellings()[0].second == first);
    CHECK(names.spellings()[1].second == first);
    CHECK(names.spellings()[2].second == first + 1);
    CHECK_FALSE(names.holds(first - 1));
    CHECK(names.entity(first).name == "하유온 34B");
    CHECK(names.entity(first).team == "라온랩");
    CHECK(names.find("하유온", EntityKind::team) == nullptr);
    REQUIRE(names.find("라온랩", EntityKind::team) != nullptr);
    CHECK(names.find("라온랩", EntityKind::model) == nullptr);
    std::uint32_t id = 0;
    CHECK(names.names().find("hayuon-34b", id));  // matched as gazetteer names are
    CHECK(id == first);
}

// A sentence set in the same test (같은 평가에서) or at the same size (같은
// 규모인) names a baseline: the next score that names nobody is not the baseline's.
TEST_CASE("a baseline named in the same test is no topic for the next score", "[rules][topics]") {
    const std::string baseline = GENERATE(as<std::string>{}, "같은 평가에서 알리바바의 큐웬3 32B는 65.1점을 받았다.",
                                          "같은 규모인 알리바바의 큐웬3 32B가 65.1점이다.",
                                          "알리바바의 '큐웬3 32B'는 같은 조건에서 65.1점이었다.");
    const auto facts = extract("누리랩스는 새 언어모델 '가람-13B'를 공개했다.\n\n"
                               "가람-13B는 KMMLU에서 70.2점을 받았다. " + baseline + " HAE-RAE 벤치에서는 80.3점을 기록했다.");
    const auto model_of = [&](std::string_view score) -> std::optional<std::string> {
        for (const Fact& f : facts) {
            if (f.type == FactType::benchmark_score && f.score && f.score->to_string() == score) return f.model;
        }
        return std::string("(no such score)");
    };
    CHECK(model_of("65.1") == "Qwen3 32B");
    CHECK(model_of("80.3") == "가람-13B");
}

TEST_CASE("the topic model compared in the same test stays the topic", "[rules][topics]") {
    const auto facts = extract("누리랩스의 '가람-13B'는 KMMLU에서 75.1점을 받았다. '가람-13B'는 같은 조건에서 GPT-4o보다 "
                               "3점 높았다. HAE-RAE 벤치에서는 80.3점을 기록했다.\n");
    const Fact* later = nullptr;
    for (const Fact& f : facts) {
        if (f.type == FactType::benchmark_score && f.score && f.score->to_string() == "80.3") later = &f;
    }
    REQUIRE(later != nullptr);
    CHECK(later->model == std::optional<std::string>("가람-13B"));
}

TEST_CASE("a later reference by surname and title resolves to the full name", "[rules][speaker]") {
    const std::string text =
        "윤서진 한결AI 연구소장은 \"데이터가 먼저다\"라고 말했다. 다른 참석자들도 의견을 냈다. "
        "윤 소장은 \"공개는 내년 초\"라고 밝혔다.";
    const auto facts = extract(text);
    std::vector<std::string> speakers;
    for (const Fact& f : facts) {
        if (f.type == FactType::quote) speakers.push_back(f.speaker.value_or(""));
    }
    CHECK(speakers == std::vector<std::string>{"윤서진", "윤서진"});
}

TEST_CASE("a verb in 한 after an object is no name, whoever it modifies", "[rules][speaker]") {
    const auto facts = extract(
        "키오스크를 이용한 대만 관광객 린위팅(28) 씨는 \"다음 버스 시간까지 알려줘서 편했다\"고 말했다.\n");
    const auto verb_speaks = std::count_if(facts.begin(), facts.end(), [](const Fact& f) {
        return f.type == FactType::quote && f.speaker == std::optional<std::string>("이용한");
    });
    CHECK(verb_speaks == 0);
    // A name in 한 right before its title stays a name.
    const auto named = extract("이번 상을 김성한 대표가 받았다. 김 대표는 \"모두의 노력 덕분이다\"라고 말했다.\n");
    const auto name_speaks = std::count_if(named.begin(), named.end(), [](const Fact& f) {
        return f.type == FactType::quote && f.speaker == std::optional<std::string>("김성한");
    });
    CHECK(name_speaks == 1);
}

TEST_CASE("a quotation continued with 이어 belongs to the last speaker", "[rules][speaker]") {
    const std::string text =
        "장하람 과기정통부 차관은 \"평가는 공정했다\"고 말했다. 이어 \"다음 단계도 엄정하게 진행하겠다\"고 덧붙였다.";
    const auto facts = extract(text);
    std::size_t quotes = 0;
    for (const Fact& f : facts) {
        if (f.type != FactType::quote) continue;
        ++quotes;
        CHECK(f.speaker == "장하람");
    }
    CHECK(quotes == 2);
}

TEST_CASE("a quotation that somebody unnamed said, as the next sentence tells, is nobody's", "[rules][speaker]") {
    // 스타트업 대표는 reads as a family name and title, 대표는 이렇게 말했다 as
    // somebody unnamed naming the quotation before: the two together stop
    // the last speaker from carrying over.
    const std::string text =
        "오하늘 벼리랩스 대표는 \"준비를 모두 마쳤다\"고 말했다. "
        "“남은 4%가 가장 어려운 문제라는 뜻입니다.” 국내 한 AI 스타트업 대표는 이렇게 말했다.";
    std::vector<std::string> quotes;
    for (const Fact& f : extract(text)) {
        if (f.type == FactType::quote) quotes.push_back(f.quote.value_or(""));
    }
    CHECK(quotes == std::vector<std::string>{"준비를 모두 마쳤다"});
}

TEST_CASE("a university is a team where it is the subject of a model's development, elsewhere none",
          "[rules][lexicon]") {
    using Names = std::vector<std::string>;
    CHECK(team_names("KAIST(한국과학기술원)는 전산학부 윤서진 교수 연구팀이 언어모델 'K-SciLM 7B'를 개발해 "
                "공개했다고 밝혔다.\n") == Names{"KAIST"});
    // Its spelling in parentheses inside the marks stands between the name and 을.
    CHECK(team_names("KAIST(한국과학기술원)는 윤서진 교수 연구팀이 언어모델 '누리셈-R(NuriSem-R)'을 개발하고, "
                "논문이 학회에 채택됐다고 밝혔다.\n") == Names{"KAIST"});
    // So does a count of the models it developed ('…' 2종을 개발해).
    CHECK(team_names("KAIST 윤서진 교수 연구팀은 의료 특화 LLM '화타-메드(Hwata-Med)' 2종을 개발해 공개했다.\n") ==
          Names{"KAIST"});
    // The model it developed is its model.
    const std::vector<Fact> kaist = extract("KAIST는 언어모델 'K-SciLM 7B'를 개발해 공개했다.\n");
    const Fact* kaist_model = find(kaist, FactType::model);
    REQUIRE(kaist_model != nullptr);
    CHECK(kaist_model->team == std::optional<std::string>("KAIST"));
    CHECK(team_names("서울대·포스텍, 번역모델 '다리-MT' 개발\n") == Names{"서울대", "포스텍"});
    // Named in a clause before the subject, at an event, or with no model: no team.
    CHECK(team_names("서울대 출신 연구자들이 세운 노바AI가 언어모델 '노바-7B'를 개발했다.\n") == Names{"노바AI"});
    CHECK(team_names("KAIST는 다음 달 AI 학회를 열고 모델 개발 방향을 논의한다.\n").empty());
    CHECK(team_names("윤태경 서울대 데이터사이언스대학원 교수는 \"'V4' 같은 공개 모델을 다시 봐야 한다\"고 말했다.\n").empty());
    CHECK(team_names("고려대는 'GPT-5'를 수업에 쓴다.\n").empty());
    CHECK(team_names("연세대·고려대, 추론 벤치마크 '한결벤치' 공개…GPT-5 1위\n").empty());
    // A lab that compares, uses or builds on another's model develops none.
    CHECK(team_names("서울대 연구팀은 'GPT-5'와 '제미나이 2.5 프로'를 비교 평가한 논문을 공개했다.\n").empty());
    CHECK(team_names("KAIST는 'GPT-5'를 활용해 신약 개발에 나선다.\n").empty());
    CHECK(team_names("포스텍은 업스테이지 '솔라 프로 2'를 기반으로 한 교육용 챗봇 개발 계획을 밝혔다.\n") ==
          Names{"업스테이지"});
    // Its own model named after 자체 개발한, in a clause of its own, or beside another lab.
    CHECK(team_names("카이스트는 자체 개발한 언어모델 '샤인-13B'를 공개했다.\n") == Names{"KAIST"});
    CHECK(team_names("UNIST가 개발한 언어모델 '미리내-1.5B'는 62.4점을 받았다.\n") == Names{"UNIST"});
    CHECK(team_names("카이스트는 'K-SciLM 7B'를 개발해 공개했고, 서울대 교수진이 평가에 참여했다.\n") == Names{"KAIST"});
    CHECK(team_names("고려대 자연어처리연구실이 운영하는 '오픈 리더보드'는 'GPT-5' 결과를 공개했다.\n").empty());
    // 연구팀은 in a later sentence: the research group named before.
    CHECK(team_names("KAIST 윤서진 교수 연구팀은 과학추론 벤치마크 논문이 학회에 채택됐다고 밝혔다.\n"
                "연구팀은 과학추론에 특화한 언어모델 '노을-R 14B'도 공개했다.\n") == Names{"KAIST"});
    // Not where another group was named between, nor where the model was used,
    // not developed (개발에 활용했다 is 개발 and a particle).
    CHECK(team_names("KAIST 윤서진 교수 연구팀은 과학추론 벤치마크 논문이 학회에 채택됐다고 밝혔다.\n"
                "네이버 연구팀도 같은 학회에서 논문 2편을 발표했다.\n"
                "연구팀은 과학추론에 특화한 언어모델 '노을-R 14B'도 공개했다.\n") == Names{"네이버클라우드"});
    CHECK(team_names("KAIST 윤서진 교수 연구팀은 과학추론 벤치마크 논문이 학회에 채택됐다고 밝혔다.\n"
                "연구팀은 'GPT-4o'를 개발에 활용했다.\n").empty());
    // A lab is an organisation in teams.tsv: a kind other than team, org or lab is an error.
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("kfacts_labs_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::copy(KFACTS_SOURCE_DIR "/rules", dir, fs::copy_options::recursive);
    std::ofstream(dir / "gazetteer" / "teams.tsv", std::ios::app) << "한빛대\tuniversity\n";
    CHECK_THROWS_WITH(Lexicon::load(dir.string()), Catch::Contains("teams.tsv:") && Catch::Contains("team, org or lab"));
    fs::remove_all(dir);
}

TEST_CASE("a title listed as a whole word is the end of no other word", "[rules][lexicon]") {
    const Lexicon& lexicon = extractor().lexicon();
    CHECK(lexicon.find("씨", EntityKind::title) != nullptr);
    CHECK(lexicon.title_suffix("날씨").empty());
    CHECK(lexicon.title_suffix("엑사원랩장") == "랩장");

    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("kfacts_titles_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::copy(KFACTS_SOURCE_DIR "/rules", dir, fs::copy_options::recursive);
    std::ofstream(dir / "gazetteer" / "titles.tsv", std::ios::app) << "군\tperson_title\twhole word\n";
    try {
        (void)Lexicon::load(dir.string());
        FAIL("a bad third column loaded");
    } catch (const RuleLoadError& e) {
        CHECK_THAT(e.what(), Catch::Contains("titles.tsv:") && Catch::Contains("`whole`"));
    }
    fs::remove_all(dir);
}

TEST_CASE("a company's head under any of its titles, and surnames that read as determiners, come from the data",
          "[rules][lexicon]") {
    const Lexicon& lexicon = extractor().lexicon();
    CHECK(lexicon.is_company_head_title("CEO"));
    CHECK(lexicon.is_company_head_title("대표"));
    CHECK_FALSE(lexicon.is_company_head_title("CTO"));
    CHECK(lexicon.names_company_head("누리랩스 최고경영자(CEO)"));
    CHECK_FALSE(lexicon.names_company_head("누리랩스 최고기술책임자"));
    CHECK(lexicon.names_company_head("누리랩스 공동대표"));
    CHECK_FALSE(lexicon.names_company_head("누리랩스 부사장"));
    CHECK(lexicon.surname_reads_as_determiner("한"));
    CHECK_FALSE(lexicon.surname_reads_as_determiner("김"));

    // The data decides: marking 김 a determiner makes 김 개발자는 some
    // developer, nobody named, where it referred back to 김도윤 CEO; 김 대표
    // is still him, a company's head under another title.
    const std::string text =
        "누리랩스 김도윤 CEO는 \"모델을 공개한다\"고 말했다.\n김 대표는 \"성능은 경쟁 모델보다 앞선다\"고 말했다.\n"
        "김 개발자는 \"오늘 처음으로 이 모델을 써 봤는데 놀라웠다\"고 말했다.\n";
    const auto speakers_of = [&](const Extractor& with) {
        std::vector<std::string> speakers;
        for (const Fact& fact : extract_with(with, text)) {
            if (fact.type == FactType::quote) speakers.push_back(fact.speaker.value_or("-"));
        }
        return speakers;
    };
    CHECK(speakers_of(extractor()) == std::vector<std::string>{"김도윤", "김도윤", "김도윤"});
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("kfacts_determiners_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::copy(KFACTS_SOURCE_DIR "/rules", dir, fs::copy_options::recursive);
    const fs::path surnames = dir / "lexicon" / "surnames.txt";
    std::string listed;
    {
        std::ifstream in(surnames);
        listed.assign(std::istreambuf_iterator<char>(in), {});
    }
    const std::size_t kim = listed.find("\n김\n");
    REQUIRE(kim != std::string::npos);
    listed.replace(kim, std::string_view("\n김\n").size(), "\n김\tdeterminer\n");
    std::ofstream(surnames, std::ios::trunc) << listed;
    CHECK(speakers_of(*Extractor::load(dir.string())) == std::vector<std::string>{"김도윤", "김도윤"});
    std::ofstream(dir / "lexicon" / "surnames.txt", std::ios::app) << "남\tdeterminer word\n";
    CHECK_THROWS_WITH(Lexicon::load(dir.string()),
                      Catch::Contains("surnames.txt:") && Catch::Contains("surname[<TAB>determiner|alone]"));
    fs::remove_all(dir);
}

TEST_CASE("a listed team's name that is a person's family name, glossed in Latin letters, is no team",
          "[rules][lexicon]") {
    CHECK(team_names("그린셀AI의 라지브 메타(Rajiv Mehta) 연구책임자는 \"작은 모델도 충분히 쓸모 있다\"고 강조했다.\n").empty());
    // The company glossed with its own name stays a team.
    for (const std::string text : {"메타(Meta Platforms)는 새 모델을 공개했다.\n", "미국 메타(Meta AI)는 새 모델을 공개했다.\n"}) {
        const std::vector<std::string> named = team_names(text);
        CHECK(!named.empty());
        CHECK(std::all_of(named.begin(), named.end(), [](const std::string& t) { return t == "메타"; }));
    }
}

TEST_CASE("a listed model's variant in Hangul and in Latin letters is one model where both are written",
          "[rules][lexicon]") {
    CHECK(distinct_models(extract("앤트로픽의 클로드 오퍼스 4.6이 1위였다. Claude Opus 4.6은 코딩에서도 앞섰다.\n")) ==
          std::vector<std::string>{"Claude Opus 4.6"});
    CHECK(distinct_models(extract("파이-4 미니는 작다. 표에서는 Phi-4-mini로 적었다.\n")) ==
          std::vector<std::string>{"Phi-4-mini"});
    // Written in Hangul only, it keeps its spelling.
    CHECK(distinct_models(extract("앤트로픽의 클로드 오퍼스 4.6이 1위였다.\n")) ==
          std::vector<std::string>{"클로드 오퍼스 4.6"});

    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("kfacts_spellings_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::copy(KFACTS_SOURCE_DIR "/rules", dir, fs::copy_options::recursive);
    std::ofstream(dir / "lexicon" / "keywords.tsv", std::ios::app) << "공개\tlaunch\tprefix\tRelease\n";
    CHECK_THROWS_WITH(Lexicon::load(dir.string()),
                      Catch::Contains("keywords.tsv:") && Catch::Contains("only an exact variant word has a spelling"));
    fs::remove_all(dir);
}

TEST_CASE("an organisation's ending after a hyphen is a model name's part, a benchmark's is not", "[rules][lexicon]") {
    const Lexicon& lexicon = extractor().lexicon();
    CHECK(lexicon.word_class("온마인드") == "orgname");
    CHECK(lexicon.word_class("AF-마인드").empty());
    CHECK(lexicon.word_class("K-리더보드") == "benchword");
    CHECK(lexicon.word_class("KJ-Bench") == "benchword");
}

TEST_CASE("a numbered item that names a model alone heads the lines after it", "[rules][topics]") {
    const std::string text =
        "1. 제미나이 3 프로(Gemini 3 Pro)\n▲개발사: 구글 딥마인드\n▲성능: SWE-bench Verified 76.2%\n\n"
        "2. 클로드 오퍼스 4.5(Claude Opus 4.5)\n▲개발사: 앤스로픽\n▲성능: SWE-bench Verified 80.9%\n";
    CHECK(model_scores(extract(text)) == ModelScores{{"Gemini 3 Pro", "76.2"}, {"Claude Opus 4.5", "80.9"}});
    // Its developer and quotation marks may stand around the name.
    const std::string with_developers =
        "1. LG AI연구원 'EXAONE 4.0 32B'\n- 주요 벤치마크: MMLU-Redux 92.3\n\n"
        "2. 미스트랄AI의 'Mistral Small 3.1'\n- 주요 벤치마크: MMLU 80.6\n";
    CHECK(model_scores(extract(with_developers)) ==
          ModelScores{{"EXAONE 4.0 32B", "92.3"}, {"Mistral Small 3.1", "80.6"}});
    // So do a marked heading's.
    const std::string marked =
        "이번 주 공개된 모델은 두 종이다.\n\n▷ LG AI연구원 'EXAONE 4.0 32B'\n- 매개변수: 320억 개\n- 대표 점수: KMMLU 67.2점\n\n"
        "▷ 앤스로픽 '클로드 하이쿠 4.5'\n- 대표 점수: SWE-bench Verified 73.3%\n";
    CHECK(model_scores(extract(marked)) == ModelScores{{"EXAONE 4.0 32B", "67.2"}, {"클로드 하이쿠 4.5", "73.3"}});
    // Items one after another are a list: the last heads nothing.
    const std::string list =
        "선정된 명단은 다음과 같다.\n\n1. LG AI연구원 'EXAONE 4.0 32B'\n2. 업스테이지 '솔라 프로 2'\n\n"
        "이번 평가의 KMMLU 평균 점수는 65.2점이었다.\n";
    CHECK(model_scores(extract(list)).empty());
}

TEST_CASE("a rank's model with 로 is what the next sentences are about, a target model is not", "[rules][topics]") {
    const auto sizes = [](const std::string& text) {
        std::vector<std::string> found;
        for (const Fact& f : extract(text)) {
            if (f.type == FactType::parameter_count) found.push_back(f.model.value_or("") + " " + f.value->to_string());
        }
        return found;
    };
    CHECK(sizes("네, 1위는 아라테크의 '아라-R 70B'로 91.2점을 받았습니다.\n\n"
                "매개변수 700억 개 규모의 모델인데요, 세금 문의에서 강점을 보였습니다.\n") ==
          std::vector<std::string>{"아라-R 70B 70000000000"});
    // A broadcast's rank with no verb: 1위는 … '세움 LM 3 프로'.
    CHECK(model_scores(extract("1위는 세움에이아이의 '세움 LM 3 프로'.\n\n9개 영역 평균 78.42점을 받았습니다.\n")) ==
          ModelScores{{"세움 LM 3 프로", "78.42"}});
    CHECK(model_scores(extract("3차 목표 모델은 딥시크-V4로, 평균에서 이 모델을 넘어야 한다. "
                               "업계에서는 80점 안팎이 통과선이 될 것으로 본다.\n"))
              .empty());
}

TEST_CASE("a ranked item on a line of its own heads the paragraphs after it, a list's last item does not", "[rules][topics]") {
    const auto scores_of = [](const std::string& text) { return model_scores(extract(text)); };
    CHECK(scores_of("올해의 모델을 골랐다.\n\n▲2위 앤스로픽 ‘클로드 오퍼스 4.5’(Claude Opus 4.5)\n\n"
                    "코딩 능력을 재는 SWE-벤치 베리파이드에서 80.9%를 기록했다.\n\n"
                    "▲3위 오픈AI ‘GPT-5’\n\n도구 없이 푼 AIME 2025에서 94.6%를 기록했다.\n") ==
          ModelScores{{"Claude Opus 4.5", "80.9"}, {"GPT-5", "94.6"}});
    const std::string list_end = "후보는 다음과 같다.\n▲앤스로픽 ‘클로드 오퍼스 4.5’\n▲오픈AI ‘GPT-5’\n\n국산 모델은 평균 70.2점에 그쳤다.\n";
    CHECK(scores_of(list_end).empty());
    CHECK(scores_of("후보는 다음과 같다.\n\n▲오픈AI ‘GPT-5’\n\n국산 모델은 평균 70.2점에 그쳤다.\n") ==
          ModelScores{{"GPT-5", "70.2"}});
    // A photo caption between paragraphs names no model and ends no section.
    CHECK(scores_of("# 국산 AI 모델 3종 성능 비교\n\n모델 셋을 살펴봤다.\n\n◆ 누리-7B\n\n누리랩스가 만든 누리-7B는 작은 모델이다.\n\n"
                    "▲누리랩스 연구진이 판교 본사에서 모델을 시연하고 있다.\n\n"
                    "한국어 지식 평가 KMMLU에서는 61.2점을 기록했다.\n") ==
          ModelScores{{"누리-7B", "61.2"}});
}

TEST_CASE("a quotation left open runs to its paragraph's end, never beyond max_quotation_bytes", "[rules][speaker][limits]") {
    // The mark, then `inner_bytes` bytes to the paragraph's end; a closed
    // quotation in the next paragraph.
    const auto quotes_after_unclosed = [](std::size_t inner_bytes) {
        std::string inner = "이것은 닫히지 않은 인용문";
        while (inner.size() + 30 < inner_bytes) inner += " 가나다라마바사";
        inner += " ";
        while (inner.size() + 1 < inner_bytes) inner += 'a';
        inner += '.';
        const std::string opening = "배경훈 부총리는 \"";
        std::vector<std::pair<ByteSpan, std::string>> quotes;
        for (const Fact& f : extract(opening + inner + "\n\n장하람 차관은 \"평가는 공정했다\"고 말했다.\n")) {
            if (f.type == FactType::quote) quotes.emplace_back(f.span, f.speaker.value_or(""));
        }
        return quotes;
    };
    const std::size_t opening_bytes = std::string_view("배경훈 부총리는 ").size();
    const auto longest = quotes_after_unclosed(max_quotation_bytes);
    REQUIRE(longest.size() == 2);
    CHECK(longest[0].first == ByteSpan{opening_bytes, opening_bytes + 1 + max_quotation_bytes});
    CHECK(longest[0].second == "배경훈");
    CHECK(longest[1].second == "장하람");
    // A byte more, and the mark is a stray that opens nothing.
    const auto too_long = quotes_after_unclosed(max_quotation_bytes + 1);
    REQUIRE(too_long.size() == 1);
    CHECK(too_long[0].second == "장하람");
}

TEST_CASE("single-quoted names and slogans are no quotations", "[rules][speaker]") {
    const auto facts = extract("정부는 '모두의 AI'를 내걸었다. 박은별 대표는 'AI 3대 강국'을 언급했다.");
    CHECK(find(facts, FactType::quote) == nullptr);
}

TEST_CASE("a person's name in 대 before a hospital or an institute and a title stays a person", "[rules][speaker]") {
    const std::vector<Fact> facts =
        extract("김용대 서울대병원 교수는 \"인공지능 진단이 한결 빨라졌다\"고 말했다. 윤영대 한빛AI연구소 소장은 "
                "\"모델이 무엇보다 중요하다\"고 말했다.\n");
    std::vector<std::string> speakers;
    for (const Fact& f : facts) {
        if (f.type == FactType::quote) speakers.push_back(f.speaker.value_or(""));
    }
    CHECK(speakers == std::vector<std::string>{"김용대", "윤영대"});
    CHECK(find(facts, FactType::team) == nullptr);
}

TEST_CASE("what a model runs on, and a chip's other spelling, are no models", "[rules][model]") {
    for (const std::string text : {"스텔라큐브가 딥엑스의 신경망처리장치(NPU) ‘DX-M1’에서 돌아가는 30억 파라미터 모델을 내놨다.",
                                   "온결AI는 딥엑스 ‘DX-M1’ 위에서 돌아가는 로봇용 모델 ‘온결-V 2B’를 선보였다.",
                                   "참여사는 리벨리온의 차세대 칩 ‘리벨 쿼드(REBEL-Quad)’에 맞춰 모델을 최적화한다."}) {
        const std::vector<std::string> models = distinct_models(extract(text));
        CHECK(std::find(models.begin(), models.end(), "DX-M1") == models.end());
        CHECK(std::find(models.begin(), models.end(), "REBEL-Quad") == models.end());
    }
    CHECK(distinct_models(extract("온결AI는 딥엑스 ‘DX-M1’ 위에서 돌아가는 로봇용 모델 ‘온결-V 2B’를 선보였다.")) ==
          std::vector<std::string>{"온결-V 2B"});
    // An app runs on a model named as one.
    CHECK(distinct_models(extract("누리랩이 개발한 비서 앱은 자체 언어모델 '누리-7B'에서 구동된다.")) ==
          std::vector<std::string>{"누리-7B"});
}

TEST_CASE("chips, budgets and user targets are no parameter counts", "[rules][param]") {
    const auto facts = extract(
        "카카오는 B200 768장을 확보했다. 정부는 5000억원 규모의 예산을 편성했다. 사용자 1000만명 이상을 목표로 한다.");
    CHECK(find(facts, FactType::parameter_count) == nullptr);
    CHECK(find(facts, FactType::benchmark_score) == nullptr);
    const auto models = std::count_if(facts.begin(), facts.end(), [](const Fact& f) { return f.type == FactType::model; });
    CHECK(models == 0);
}

TEST_CASE("spans re-read their text from the original bytes", "[rules][spans]") {
    const std::string text = "SK텔레콤은 &#x27;A.X K1&#x27;을 공개했다. 매개변수는 5190억개다.";
    Document doc = read_document_bytes("spans.txt", text);
    ExtractOptions options;
    options.types = FactTypeSet::all();
    const auto facts = extractor().extract(doc, options);
    REQUIRE_FALSE(facts.empty());
    for (const Fact& f : facts) {
        REQUIRE(f.span.end <= text.size());
        REQUIRE(f.span.start < f.span.end);
    }
    const Fact* model = find(facts, FactType::model);
    REQUIRE(model != nullptr);
    CHECK(text.substr(model->span.start, model->span.size()) == "A.X K1");
}

TEST_CASE("리더보드 alone takes the benchmark's name written next to it", "[rules][bench]") {
    const auto benchmark_of = [](const std::string& text) {
        const std::vector<Fact> facts = extract(text);
        const Fact* score = find(facts, FactType::benchmark_score);
        return score && score->benchmark ? *score->benchmark : std::string("-");
    };
    // Before it, with words between, around it, after it, and a gloss dropped.
    CHECK(benchmark_of("LM아레나 텍스트 부문 리더보드에서 구글 '제미나이 3 프로'가 1492점으로 1위를 했다.") == "LMArena");
    CHECK(benchmark_of("블라인드 대화 평가 '한누리 리더보드'에서 구글 '제미나이 3 프로'는 Elo 1,263점을 받았다.") ==
          "한누리 리더보드");
    CHECK(benchmark_of("아랍어 모델 성능을 겨루는 공개 리더보드 ‘OALL’에서 '팰컨 H1'은 평균 68.9점으로 1위였다.") == "OALL");
    CHECK(benchmark_of("선호도를 겨루는 '코-아레나(Ko-Arena)' 리더보드에서는 '가람 2 맥스'가 1,312점을 받았다.") == "코-아레나");
    // Named nowhere near: the kind is all the article says; a model or a
    // plain word quoted after it names no benchmark.
    CHECK(benchmark_of("구글 '제미나이 3 프로'는 리더보드에서 1,312점을 받았다.") == "리더보드");
    CHECK(benchmark_of("이번 한국어 리더보드 ‘K-엑사원’은 88.2점으로 1위였다.") == "리더보드");
    CHECK(benchmark_of("허깅페이스 리더보드 ‘상위권’에 오른 마루-7B는 71.2점이었다.") == "리더보드");
    // A score that opens its sentence looks for its benchmark there, not in the sentence before.
    const std::vector<Fact> facts = extract("가람-7B는 KMMLU에서 70.2점을 받았다.\n\n85점. 마루-7B의 기록이다.\n");
    for (const Fact& f : facts) {
        if (f.type == FactType::benchmark_score && f.score && f.score->to_string() == "85") CHECK_FALSE(f.benchmark);
    }
}

TEST_CASE("a quoted model's span with its other spelling in parentheses closes them", "[rules][spans]") {
    const std::string text = "한빛AI는 '한빛-1(Hanbit-1)'을 공개했다. 로아랩스는 '로아(LoA) 32B'를 선보였다.";
    Document doc = read_document_bytes("spans.txt", text);
    ExtractOptions options;
    options.types = FactTypeSet::all();
    std::vector<std::string> spans;
    for (const Fact& f : extractor().extract(doc, options)) {
        if (f.type == FactType::model) spans.push_back(text.substr(f.span.start, f.span.size()));
    }
    CHECK(std::count(spans.begin(), spans.end(), "한빛-1(Hanbit-1)") == 1);
    CHECK(std::count(spans.begin(), spans.end(), "로아(LoA) 32B") == 1);
    for (const std::string& span : spans) CHECK(std::count(span.begin(), span.end(), '(') == std::count(span.begin(), span.end(), ')'));
}

TEST_CASE("skipping rules by the units they take in order loses no match", "[rules][selection]") {
    // Real articles, and the same with their full stops taken out, so that
    // sentences run past the 64 units the masks hold.
    std::vector<std::string> texts;
    for (const char* set : {"data/seeds", "data/heldout200", "data/heldout201", "data/heldout205", "data/heldout208"}) {
        for (const auto& entry : std::filesystem::directory_iterator(std::string(KFACTS_SOURCE_DIR) + "/" + set)) {
            if (entry.path().extension() != ".txt") continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            std::string run_on = text;
            std::replace(run_on.begin(), run_on.end(), '.', ' ');
            texts.push_back(std::move(text));
            texts.push_back(std::move(run_on));
        }
    }
    REQUIRE(texts.size() >= 40);
    const auto written = [](const std::vector<RuleMatch>& matches) {
        std::vector<std::string> out;
        for (const RuleMatch& m : matches) {
            std::string line = fmt::format("{} {}-{}", m.rule->id, m.whole.first, m.whole.end);
            for (const auto& [group, capture] : m.captures) line += fmt::format(" {}={}-{}", group, capture.first, capture.end);
            out.push_back(std::move(line));
        }
        return out;
    };
    std::size_t matches = 0;
    std::size_t long_sentences = 0;
    for (const std::string& text : texts) {
        Document doc = read_document_bytes("article.txt", text);
        const Analysis analysis = extractor().analyse(doc);
        for (std::size_t s = 0; s < analysis.units.sentences.size(); ++s) {
            const auto& tags = analysis.units.sentences[s];
            if (tags.end_unit - tags.first_unit > 64) ++long_sentences;
            std::vector<RuleMatch> skipping, searching_all;
            extractor().rules().match_sentence(analysis.units, s, skipping);
            extractor().rules().match_sentence_searching_all(analysis.units, s, searching_all);
            CHECK(written(skipping) == written(searching_all));
            matches += skipping.size();
        }
    }
    CHECK(matches > 1000);
    CHECK(long_sentences > 50);
}

TEST_CASE("the rule-selecting set gives the same matches on a small memory budget", "[rules][limits]") {
    // The smallest budget (within an eighth) that the rules compile in
    // leaves the sets' DFAs flushing their caches again and again on the
    // seeds; selection must still find every rule that matches.
    RuleSet small = RuleSet::load(KFACTS_SOURCE_DIR "/rules/patterns");
    std::int64_t budget = 8 << 10;
    for (; budget <= std::int64_t{16} << 20; budget += budget / 8) {
        try {
            small.compile(budget);
            break;
        } catch (const RuleLoadError&) {
        }
    }
    INFO("compiled with " << budget << " bytes");
    REQUIRE(budget < std::int64_t{16} << 20);
    namespace fs = std::filesystem;
    std::size_t compared = 0;
    for (const auto& entry : fs::directory_iterator(KFACTS_SOURCE_DIR "/data/seeds")) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream content;
        content << in.rdbuf();
        Document doc = read_document_bytes(entry.path().string(), content.str());
        const Analysis analysis = extractor().analyse(doc);
        std::vector<RuleMatch> matches;
        for (std::size_t s = 0; s < analysis.units.sentences.size(); ++s) small.match_sentence(analysis.units, s, matches);
        REQUIRE(matches.size() == analysis.matches.size());
        for (std::size_t i = 0; i < matches.size(); ++i) {
            CHECK(matches[i].rule->id == analysis.matches[i].rule->id);
            CHECK(matches[i].whole.first == analysis.matches[i].whole.first);
            CHECK(matches[i].whole.end == analysis.matches[i].whole.end);
        }
        compared += matches.size();
    }
    CHECK(compared > 50);
}

namespace {

// The class condition of the one rule in a rule file holding `pattern`, as sorted class names per clause.
std::vector<std::vector<std::string>> condition_of(const std::string& pattern) {
    RuleSet set;
    set.add_file("test.rules", "rule test.rule\n  fact model\n  pattern " + pattern + "\n  example x => none\n");
    set.compile();
    auto condition = set.class_condition(*set.rules().front());
    for (auto& clause : condition) std::sort(clause.begin(), clause.end());
    std::sort(condition.begin(), condition.end());
    return condition;
}

using Condition = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("a pattern's class condition names the unit classes and label tests every match needs",
          "[rules][selection]") {
    // A label's test says more than its class, so it stands for it.
    CHECK(condition_of("(?P<value>[qty:B개?~?]) [scale]? [particle:의]? [param]") ==
          Condition{{"param"}, {"qty:B개?~?"}});
    CHECK(condition_of("[qty] (?:[launch]|[modelword])") == Condition{{"launch", "modelword"}, {"qty"}});
    CHECK(condition_of("[any]{0,4}? [title]{1,2} [word]{0,3} [sym:\\(]* [person]+") ==
          Condition{{"person"}, {"title"}});
    CHECK(condition_of("(?P<name>[word] | [person] [title])") == Condition{{"person", "word"}, {"title", "word"}});
    CHECK(condition_of("[*:점] [any] [model]{0,2}") == Condition{{"*:점"}});
    CHECK(condition_of("[*] [any] [model]{0,2}") == Condition{});
    CHECK(condition_of("[word:팀|기업] | [team]") == Condition{{"team", "word:팀|기업"}});
    // Counts read as RE2 reads them: {01,2} is at least once, {0} never ({,2}
    // is text to RE2: a bad pattern, see below).
    CHECK(condition_of("[qty]{01,2} [model]{0}") == Condition{{"qty"}});
    CHECK(condition_of("^ (?:[reporter] [sym:\\]])? (?P<name>[orgname]) [particle:은|는]") ==
          Condition{{"orgname"}, {"particle:은|는"}});
    // Groups nested 5,000 deep: no condition, and no recursion that deep.
    CHECK(condition_of(std::string(5000, '(') + "[qty]" + std::string(5000, ')')) == Condition{});
    CHECK(condition_of("(((([qty]))))") == Condition{{"qty"}});
}

TEST_CASE("a pattern's units in order are the macros every match takes, left to right, with the most units between "
          "(the first of each alternative)",
          "[rules][selection]") {
    RuleSet set;
    // Each unit as its kinds, each its class (* for any) and ":test" where it
    // needs a label test, joined by "|"; after the first "+" and the most
    // units before it (* for any).
    const auto units_of = [&](const std::string& pattern) {
        set = RuleSet();
        set.add_file("test.rules", "rule test.rule\n  fact model\n  pattern " + pattern + "\n  example x => none\n");
        set.compile();
        std::vector<std::string> units;
        for (const UnitNeeded& unit : set.rules().front()->units_in_order) {
            std::string name;
            for (const UnitKind& kind : unit.kinds) {
                if (!name.empty()) name += '|';
                name += kind.class_code == 0 ? "*" : std::string(set.alphabet().name(kind.class_code));
                if (kind.test_code >= 0) name += ":test";
            }
            if (!units.empty()) {
                name += '+';
                name += unit.most_before == UnitNeeded::kAnyNumber ? std::string("*") : std::to_string(unit.most_before);
            }
            units.push_back(name);
        }
        return units;
    };
    using Units = std::vector<std::string>;
    CHECK(units_of("(?P<value>[qty:B개?~?]) [scale]? [particle:의]? [param]") == Units{"qty:test", "param+2"});
    CHECK(units_of("[qty] (?:[launch]|[modelword] [word]) [model]") ==
          Units{"qty", "launch|modelword+0", "model+1"});
    CHECK(units_of("[qty] (?:[launch]|[any] [word]{0,2}) [model]") == Units{"qty", "model+3"});
    CHECK(units_of("(?:[any]{0,2} [word] | [qty] (?:[person]|[title]))+ [model]") ==
          Units{"word|qty", "model+*"});
    CHECK(units_of("(?:[any]{0,2} [word] | [qty] (?:[person]|[title])) [model]") == Units{"word|qty", "model+2"});
    CHECK(units_of("[any]{0,4}? [title]{1,2} [word]{0,3} [sym:\\(]* [person]+") == Units{"title", "person+*"});
    CHECK(units_of("[title]{1,2} [word]{0,3} [person]") == Units{"title", "person+4"});
    CHECK(units_of("[title] (?:[sym:\\(] (?:[title]|[word]){1,2} [sym:\\)])? [particle:은|는]") ==
          Units{"title", "particle:test+4"});
    CHECK(units_of("(?P<name>[word] | [person] [title]) [particle]") == Units{"word|person", "particle+1"});
    CHECK(units_of("(?P<name>[word] | [title]?) [particle]") == Units{"particle"});
    CHECK(units_of("[*:점] [any] [*] [model]{0,2}") == Units{"*:test"});
    CHECK(units_of("^ (?:[reporter] [sym:\\]])? (?P<name>[orgname] [title]) [particle:은|는]") ==
          Units{"orgname", "title+0", "particle:test+0"});
    CHECK(units_of(std::string(5000, '(') + "[qty]" + std::string(5000, ')')) == Units{});
    CHECK(units_of("(((([qty]))))") == Units{"qty"});
}

TEST_CASE("text outside unit macros is a bad pattern: tags hold no text", "[rules][selection]") {
    RuleSet set;
    std::string error;
    const auto expand_error = [&](std::string_view pattern) {
        error.clear();
        set.expand(pattern, error);
        return error;
    };
    CHECK(expand_error("[qty] 모델") ==
          "'모델' at column 7 is text outside a unit macro, which matches no text; "
          "write it as a label ([word:모델], [*:모델])");
    CHECK(expand_error("[qty]{,2}").find("'{,2}' at column 6") == 0);
    CHECK(expand_error("\\( [qty] \\)").find("'\\(' at column 1") == 0);
    CHECK(expand_error("[qty] . [model]").find("'.' at column 7") == 0);
    CHECK(expand_error("[qty] ]").find("']' at column 7") == 0);
    // Syntax is no text: groups with names and flags, operators, anchors, counts.
    CHECK(expand_error("^(?P<value>[qty]){1, 2}? (?:[model]|[team])* (?i)[word]+ $").empty());
    // A rule file names the line.
    RuleSet file;
    CHECK_THROWS_WITH(file.add_file("t.rules", "rule t.one\n  fact team\n  pattern [team] 팀\n"),
                      Catch::Contains("t.rules:3: '팀' at column 8 is text outside a unit macro"));
}

TEST_CASE("the selecting sets' patterns count no units", "[rules][selection]") {
    RuleSet set;
    std::string error;
    // Classes get their codes in order of first sight: word A, title B, particle C, sym D.
    const std::string exact = set.expand("[any]{0,20}? [word]{2, 3} [title]{1} [particle]{3,}", error);
    const std::string relaxed =
        set.expand("[any]{0,20}? [word]{2, 3} [title]{1} [particle]{3,}", error, RuleSet::Counts::relaxed);
    CHECK(error.empty());
    // A unit: a class code (ASCII), then test codes (high bytes).
    CHECK(exact == "(?:[\\x00-\\x7F][\\x80-\\xFF]*){0,20}?(?:A[\\x80-\\xFF]*){2,3}(?:B[\\x80-\\xFF]*){1}"
                   "(?:C[\\x80-\\xFF]*){3,}");
    CHECK(relaxed == "(?:[\\x00-\\x7F][\\x80-\\xFF]*)*?(?:A[\\x80-\\xFF]*)+(?:B[\\x80-\\xFF]*)+(?:C[\\x80-\\xFF]*)+");
    // A label is a test with a code of its own (the first of a class is A);
    // counts inside it stay as written, since the test runs on the label alone.
    CHECK(set.expand("[word:\\p{Hangul}{2,8}대]{0,2}", error, RuleSet::Counts::relaxed) ==
          "(?:A[^\\x00-\\x7F\\xC1]*\\xC1[\\x80-\\xFF]*)*");
    CHECK(set.expand("[sym:[{]{2}]", error, RuleSet::Counts::relaxed) ==
          "(?:D[^\\x00-\\x7F\\xC1]*\\xC1[\\x80-\\xFF]*)");
    CHECK(error.empty());
}

TEST_CASE("alternatives that are each a class alone expand to one", "[rules][selection]") {
    RuleSet set;
    std::string error;
    // team A, org B, word C, model D, bench E. A class with a label, a
    // quantifier or anything else beside it stays an alternative of its own,
    // and so does a class that opens no alternative (after ^).
    CHECK(set.expand("(?P<x>[team]|[org]|[word:a]|[word]|[model]) (?:[bench]|[team]?|[org]|[word] [model])", error) ==
          "(?P<x>(?:[AB][\\x80-\\xFF]*)|(?:C[^\\x00-\\x7F\\xC1]*\\xC1[\\x80-\\xFF]*)|(?:[CD][\\x80-\\xFF]*))"
          "(?:(?:E[\\x80-\\xFF]*)|(?:A[\\x80-\\xFF]*)?|(?:B[\\x80-\\xFF]*)|(?:C[\\x80-\\xFF]*)(?:D[\\x80-\\xFF]*))");
    CHECK(set.expand("^ [team] | [org] | [bench]", error) ==
          "^(?:A[\\x80-\\xFF]*)|(?:[BE][\\x80-\\xFF]*)");
    CHECK(error.empty());
}

namespace {

// `text` annotated in the alphabet of `rules`.
AnnotatedText annotated_in(const RuleSet& rules, const std::string& text) {
    Document doc = read_document_bytes("test.txt", text);
    const Analysis analysis = extractor().analyse(doc);
    return annotate(doc.text, analysis.tokens, analysis.quantities, extractor().lexicon(), rules.alphabet());
}

// The tag string of the first sentence of `text`, annotated in the alphabet of `rules`.
std::string tags_in(const RuleSet& rules, const std::string& text) {
    const AnnotatedText annotated = annotated_in(rules, text);
    REQUIRE_FALSE(annotated.sentences.empty());
    return std::string(annotated.sentence_tags(0));
}

// The matches of `rules` in the first sentence of `text`.
std::vector<RuleMatch> matches_in(const RuleSet& rules, const std::string& text) {
    std::vector<RuleMatch> matches;
    rules.match_sentence(annotated_in(rules, text), 0, matches);
    return matches;
}

// Tags as the tests write them: `{AB}` is the unit of class A that passes its
// test B, spelled `A` and B with its high bit set (test_tag_byte).
std::string spelled(std::string_view units) {
    std::string tags;
    bool class_code = false;
    for (char c : units) {
        if (c == '{') {
            class_code = true;
        } else if (c != '}') {
            tags += class_code ? c : test_tag_byte(c);
            class_code = false;
        }
    }
    return tags;
}

RuleSet rules_with(const std::string& pattern) {
    RuleSet set;
    set.add_file("t.rules", "rule t.one\n  fact team\n  pattern " + pattern + "\n  example 가 => none\n");
    set.compile();
    return set;
}

}  // namespace

TEST_CASE("tag strings spell each class a pattern names in one character, and only the label tests patterns make",
          "[rules][selection]") {
    const RuleSet set = rules_with("(?P<name>[team]) [particle:은|는] [any]* [launch]");
    const TagAlphabet& alphabet = set.alphabet();
    CHECK(alphabet.size() == 3);
    CHECK(alphabet.code("team") == 'A');
    CHECK(alphabet.code("particle") == 'B');
    CHECK(alphabet.code("launch") == 'C');
    CHECK(alphabet.name('B') == "particle");
    CHECK(alphabet.code("model") == TagAlphabet::kUnnamedClass);
    CHECK(alphabet.name(TagAlphabet::kUnnamedClass).empty());
    CHECK(alphabet.reads_labels("particle"));
    CHECK_FALSE(alphabet.reads_labels("team"));
    CHECK_FALSE(alphabet.reads_labels("model"));
    // 는 passes the particle's test (code A), 를 does not; no label is written.
    CHECK(tags_in(set, "카카오는 '카나나 2'를 공개했다.\n") == spelled("{A}{BA}{_}{_}{_}{B}{C}{_}"));

    // Over the bundled rules: a team's name is no label any pattern reads,
    // a particle is, each unit starts with its class code, and `rules tags`
    // still shows every class and label.
    Document doc = read_document_bytes("test.txt", "카카오는 '카나나 2'를 공개했다.\n");
    const Analysis analysis = extractor().analyse(doc);
    REQUIRE(analysis.units.sentences.size() == 1);
    const TagAlphabet& bundled = extractor().rules().alphabet();
    CHECK_FALSE(bundled.reads_labels("team"));
    CHECK_FALSE(bundled.reads_labels("model"));
    CHECK(bundled.reads_labels("particle"));
    const std::string_view tags = analysis.units.sentence_tags(0);
    CHECK(tags.starts_with(std::string{bundled.code("team"), bundled.code("particle")}));
    const auto& sentence = analysis.units.sentences[0];
    CHECK(static_cast<std::size_t>(std::count_if(tags.begin(), tags.end(), starts_unit)) ==
          sentence.end_unit - sentence.first_unit);
    CHECK(readable_tags(analysis.units, 0, doc.text, analysis.quantities, extractor().lexicon())
              .starts_with("{team:카카오}{particle:는}{sqopen:'}{model:Kanana 2}{sqclose:'}{particle:를}"));
}

TEST_CASE("a label test matches the whole label, one code for each distinct test of a class", "[rules][selection]") {
    RuleSet set;
    std::string error;
    // word A; its tests: 나래 A, \p{Hangul}{1,2}솔 B; the same test again keeps its code.
    CHECK(set.expand("[word:나래] [word:\\p{Hangul}{1,2}솔] [word:나래]", error) ==
          "(?:A[^\\x00-\\x7F\\xC1]*\\xC1[\\x80-\\xFF]*)(?:A[^\\x00-\\x7F\\xC2]*\\xC2[\\x80-\\xFF]*)"
          "(?:A[^\\x00-\\x7F\\xC1]*\\xC1[\\x80-\\xFF]*)");
    // Another class numbers its tests afresh: particle B, its test 은 A (\\xC1 in tags).
    CHECK(set.expand("[particle:은]", error) == "(?:B[^\\x00-\\x7F\\xC1]*\\xC1[\\x80-\\xFF]*)");
    CHECK(error.empty());
    set.add_file("t.rules", "rule t.one\n  fact team\n  pattern [word:나래] [word:\\p{Hangul}{1,2}솔]\n"
                            "  example 가 => none\n");
    set.compile();
    // 나래솔 is not 나래; 가람솔 passes, 가나다라솔 has two syllables too many
    // (counts in labels are exact: the test never runs relaxed).
    CHECK(tags_in(set, "나래 나래솔 가람솔 가나다라솔\n") == spelled("{AA}{AB}{AB}{A}"));

    // A label test that RE2 cannot compile: the rule file names the macro.
    RuleSet bad;
    bad.expand("[word:(팀]", error);
    CHECK(error.find("bad pattern") != std::string::npos);
    CHECK(error.find("[word:(팀]") != std::string::npos);
}

TEST_CASE("a label test of every class has one code in each, also in classes no pattern names",
          "[rules][selection]") {
    RuleSet set;
    set.add_file("t.rules", "rule t.any\n  fact team\n  pattern (?P<name>[*:카카오]) [particle:는]\n"
                            "  example 카카오는 => name=카카오\n");
    set.compile();
    CHECK(set.alphabet().reads_labels("team"));
    CHECK(set.alphabet().reads_labels("model"));
    // particle A, its own test 는 A; the test of every class takes codes from the end: 0x7F.
    CHECK(tags_in(set, "카카오는 공개했다\n") == spelled("{_\x7F}{AA}{_}"));
    const std::vector<RuleMatch> matches = matches_in(set, "카카오는 공개했다\n");
    REQUIRE(matches.size() == 1);
    CHECK(matches[0].whole.first == 0);
    CHECK(matches[0].whole.end == 2);
}

TEST_CASE("alternatives that start with the same class match past the sentence's first unit", "[rules][selection]") {
    // RE2 2022-06-01 in Latin-1 misses unanchored matches of alternatives
    // that share a high-byte literal prefix: were class codes the high bytes,
    // this rule would find nothing.
    RuleSet set;
    set.add_file("t.rules", "rule t.either\n  fact team\n  pattern (?P<name>[particle:은] [any] | [particle:는] [any])\n"
                            "  example 카카오는 공개했다 => none\n");
    set.compile();
    const std::vector<RuleMatch> matches = matches_in(set, "카카오는 공개했다\n");
    REQUIRE(matches.size() == 1);
    CHECK(matches[0].whole.first == 1);
    CHECK(matches[0].whole.end == 3);
}

TEST_CASE("groups named name_N make one match of each list item that matched", "[rules][selection]") {
    RuleSet set;
    set.add_file("t.rules",
                 "rule t.list\n  fact team\n"
                 "  pattern (?P<name>[word]) [particle] (?:[sym:,] (?P<name_2>[word]) [particle] (?:[sym:,] "
                 "(?P<name_3>[word]) [particle])?)? (?P<role_1>[word])? (?P<org_0>[sym:.])?\n"
                 "  example 가 => none\n");
    set.compile();
    const std::vector<RuleMatch> two = matches_in(set, "나래는, 가람은 좋다.\n");
    REQUIRE(two.size() == 2);
    // The first item keeps the names without a number, `_1` and `_0` among them.
    REQUIRE(two[0].get("name") != nullptr);
    CHECK(two[0].get("name")->first == 0);
    CHECK(two[0].get("role_1") != nullptr);
    CHECK(two[0].get("org_0") != nullptr);
    // The second is named `name` too, and both cover the whole list.
    REQUIRE(two[1].get("name") != nullptr);
    CHECK(two[1].get("name")->first == 3);
    CHECK(two[1].get("name_2") == nullptr);
    CHECK(two[1].whole.first == two[0].whole.first);
    CHECK(two[1].whole.end == two[0].whole.end);
    // A third item that did not match makes no match.
    CHECK(matches_in(set, "나래는 좋다.\n").size() == 1);
}

TEST_CASE("answers of label tests are never mixed up between rule sets", "[rules][selection]") {
    // Both sets give the word class code A and its one test code A: only
    // what each set's test says may decide the word's code.
    const RuleSet garam = rules_with("[word:가람]");
    const RuleSet narae = rules_with("[word:나래]");
    for (int round = 0; round < 3; ++round) {
        CHECK(tags_in(garam, "가람 나래\n") == spelled("{AA}{A}"));
        CHECK(tags_in(narae, "가람 나래\n") == spelled("{A}{AA}"));
    }
}

TEST_CASE("a class has at most 128 label tests, those of every class included", "[rules][selection]") {
    RuleSet set;
    std::string error;
    for (std::size_t i = 0; i < TagAlphabet::kMaxLabelTests - 1; ++i) {
        set.expand("[word:w" + std::to_string(i) + "]", error);
    }
    set.expand("[*:every]", error);
    CHECK(error.empty());
    set.expand("[word:onemore]", error);
    CHECK(error.find("onemore") != std::string::npos);
    CHECK(error.find("128") != std::string::npos);
}

TEST_CASE("label tests past the letters and digits select and match their rules", "[rules][selection]") {
    // Tests 62 and on are coded with ASCII punctuation and control bytes.
    RuleSet set;
    std::string rules;
    for (int i = 0; i < 100; ++i) {
        rules += fmt::format("rule t.w{0}\n  fact team\n  pattern (?P<name>[word:w{0}]) [particle:는]\n"
                             "  example w{0}는 => name=w{0}\n",
                             i);
    }
    set.add_file("t.rules", rules);
    set.compile();
    for (int i : {0, 61, 62, 70, 99}) {
        const std::string text = fmt::format("w{}는 공개했다\n", i);
        const std::vector<RuleMatch> matches = matches_in(set, text);
        INFO(text);
        REQUIRE(matches.size() == 1);
        CHECK(matches[0].rule->id == fmt::format("t.w{}", i));
    }
}

TEST_CASE("a label passes the tests that list words as it does those in RE2", "[rules][selection]") {
    // 카라미|미르 lists words (a table answers it), \p{Hangul}{2} is RE2's.
    RuleSet set;
    set.add_file("t.rules", "rule t.listed\n  fact team\n  pattern (?P<name>[word:카라미|미르]) [particle:는]\n"
                            "  example 미르는 => name=미르\n"
                            "rule t.regex\n  fact team\n  pattern (?P<name>[word:\\p{Hangul}{2}]) [particle:는]\n"
                            "  example 미르는 => name=미르\n");
    set.compile();
    const auto rules_matching = [&](std::string_view text) {
        std::vector<std::string> ids;
        for (const RuleMatch& match : matches_in(set, std::string(text))) ids.push_back(match.rule->id);
        return ids;
    };
    CHECK(rules_matching("미르는 공개했다\n") == std::vector<std::string>{"t.listed", "t.regex"});
    CHECK(rules_matching("카라미는 공개했다\n") == std::vector<std::string>{"t.listed"});
    CHECK(rules_matching("누리는 공개했다\n") == std::vector<std::string>{"t.regex"});
    CHECK(rules_matching("카라는 공개했다\n") == std::vector<std::string>{"t.regex"});
}

TEST_CASE("label tests answered by words and endings pass what RE2 passes", "[rules][selection]") {
    LabelTests tests;
    const std::vector<std::string> regexes = {"[^}]*(?:연구소|소)|연구소", "[^}]*테크", "\\p{Hangul}{2}", "기업|",
                                              "[^}]*(?:a|b)c"};
    for (std::size_t i = 0; i < regexes.size(); ++i) tests.add({regexes[i], static_cast<char>('a' + i), i});
    REQUIRE(tests.compile(std::int64_t{8} << 20));
    std::vector<int> scratch;
    for (std::string_view label : {"연구소", "누리연구소", "소", "테크", "누리테크", "x}테크", "기업", "", "bc", "abc", "b"}) {
        std::string expected;
        for (std::size_t i = 0; i < regexes.size(); ++i) {
            if (RE2::FullMatch(label, RE2(regexes[i]))) expected += test_tag_byte(static_cast<char>('a' + i));
        }
        std::string passed;
        tests.append_passed(label, passed, scratch);
        INFO(label);
        CHECK(passed == expected);
    }
}

TEST_CASE("a dot in a label is any character, but the dot itself in a character class", "[rules][selection]") {
    RuleSet set;
    std::string error;
    set.expand("[word:A.B] [word:[\\p{L}\\d.]+] [word:[[:upper:].]+[0-9]]", error);
    INFO(error);
    REQUIRE(error.empty());
    const TagAlphabet& alphabet = set.alphabet();
    CHECK(alphabet.test_number("word", "A[^}]B"));
    CHECK(alphabet.test_number("word", "[\\p{L}\\d.]+"));
    CHECK(alphabet.test_number("word", "[[:upper:].]+[0-9]"));
}

TEST_CASE("patterns name at most 62 unit classes", "[rules][selection]") {
    RuleSet set;
    std::string error;
    std::string pattern;
    for (std::size_t i = 0; i < TagAlphabet::kMaxClasses; ++i) {
        const char first = static_cast<char>('a' + i / 26);
        const char second = static_cast<char>('a' + i % 26);
        pattern += std::string("[c") + first + second + "]";
    }
    set.expand(pattern, error);
    CHECK(error.empty());
    set.expand("[onemore]", error);
    CHECK(error.find("onemore") != std::string::npos);
    CHECK(error.find("62") != std::string::npos);
    error.clear();
    set.expand("[wo*rd]", error);
    CHECK(error.find("not a lower-case name") != std::string::npos);
}

TEST_CASE("a brace in a label is '?': labels never open or close a unit", "[rules][selection]") {
    const std::string text = "벼리{7}은 좋다. 모델 {벼리}는 {{공개}}됐다.\n";
    Document doc = read_document_bytes("test.txt", text);
    const Analysis analysis = extractor().analyse(doc);
    REQUIRE(analysis.units.sentences.size() == 2);
    for (std::size_t s = 0; s < analysis.units.sentences.size(); ++s) {
        const SentenceTags& sentence = analysis.units.sentences[s];
        const std::string_view tags = analysis.units.sentence_tags(s);
        INFO(tags);
        const auto units = sentence.end_unit - sentence.first_unit;
        CHECK(static_cast<std::size_t>(std::count_if(tags.begin(), tags.end(), starts_unit)) == units);
        CHECK(tags.find_first_of("{}?") == std::string_view::npos);
        CHECK(readable_tags(analysis.units, s, doc.text, analysis.quantities, extractor().lexicon()).find("{sym:?}") !=
              std::string::npos);
    }
    // A label test sees the brace as '?' too.
    CHECK(tags_in(rules_with("[sym:\\?]"), text).find(spelled("{AA}")) != std::string::npos);
}

TEST_CASE("every rule that matches a sentence is selected for it", "[rules][selection]") {
    // Selection (class conditions, then the sets) only skips work: over the
    // bundled articles, the rules match_sentence reports in a sentence are
    // exactly those whose own RE2 matches its tags somewhere.
    namespace fs = std::filesystem;
    const RuleSet& rules = extractor().rules();
    std::size_t sentences = 0;
    std::size_t matched = 0;
    for (const char* dir : {KFACTS_SOURCE_DIR "/data/seeds", KFACTS_SOURCE_DIR "/data/articles"}) {
        for (const auto& entry : fs::directory_iterator(dir)) {
            std::ifstream in(entry.path(), std::ios::binary);
            std::stringstream content;
            content << in.rdbuf();
            Document doc = read_document_bytes(entry.path().string(), content.str());
            const Analysis analysis = extractor().analyse(doc);
            for (std::size_t s = 0; s < analysis.units.sentences.size(); ++s) {
                std::vector<RuleMatch> matches;
                rules.match_sentence(analysis.units, s, matches);
                std::set<std::string> selected;
                for (const RuleMatch& m : matches) selected.insert(m.rule->id);
                std::set<std::string> matching;
                for (const auto& rule : rules.rules()) {
                    if (RE2::PartialMatch(analysis.units.sentence_tags(s), *rule->regex)) matching.insert(rule->id);
                }
                INFO(entry.path().string() << ": " << analysis.units.sentence_tags(s));
                CHECK(selected == matching);
                ++sentences;
                matched += matching.size();
            }
        }
    }
    CHECK(sentences > 500);
    CHECK(matched > 300);
}

TEST_CASE("a rule set too large for its memory budget is a load error", "[rules][limits]") {
    RuleSet tiny = RuleSet::load(KFACTS_SOURCE_DIR "/rules/patterns");
    CHECK_THROWS_AS(tiny.compile(std::int64_t{16} << 10), RuleLoadError);
}

namespace {

std::vector<const Fact*> of_type(const std::vector<Fact>& facts, FactType type) {
    std::vector<const Fact*> out;
    for (const Fact& f : facts) {
        if (f.type == type) out.push_back(&f);
    }
    return out;
}

// Each team fact's team, in the order of the facts.
std::vector<std::string> teams_of(const std::vector<Fact>& facts) {
    std::vector<std::string> out;
    for (const Fact* f : of_type(facts, FactType::team)) out.push_back(*f->team);
    return out;
}

std::vector<std::string> models_of(const std::vector<Fact>& facts) {
    std::vector<std::string> out;
    for (const Fact* f : of_type(facts, FactType::model)) out.push_back(*f->model);
    return out;
}

// Each of `once` is a team of `facts` once, and none of `never` is.
void check_teams(const std::vector<Fact>& facts, std::initializer_list<const char*> once,
                 std::initializer_list<const char*> never) {
    const std::vector<std::string> teams = teams_of(facts);
    for (const char* name : once) {
        CAPTURE(name);
        CHECK(std::count(teams.begin(), teams.end(), name) == 1);
    }
    for (const char* name : never) {
        CAPTURE(name);
        CHECK(std::count(teams.begin(), teams.end(), name) == 0);
    }
}

// Each quotation's speaker, in the order of the quotations.
std::vector<std::string> speakers_of(const std::vector<Fact>& facts) {
    std::vector<std::string> out;
    for (const Fact* f : of_type(facts, FactType::quote)) out.push_back(f->speaker.value_or(""));
    return out;
}

}  // namespace

TEST_CASE("a sentence opening on a subject no rule knows and its quotation is not the last speaker's",
          "[rules][speaker]") {
    // 클라우드온은 "…": somebody else speaks, though nothing says who it is;
    // 유씨는 "…" refers to the person named before and goes on with them.
    const std::string text =
        "장하람 과기정통부 차관은 \"평가는 공정했다\"고 말했다. 클라우드온은 \"국산 모델 점수는 높다\"고 설명했다. "
        "커뮤니티를 만든 사람은 유한별(34)씨다. 유씨는 \"처음에는 혼자 시작했다\"고 말했다.";
    std::vector<std::string> quotes;
    for (const Fact& f : extract(text)) {
        if (f.type == FactType::quote) quotes.push_back(f.speaker.value_or("") + ": " + f.quote.value_or(""));
    }
    CHECK(quotes == std::vector<std::string>{"장하람: 평가는 공정했다", "유한별: 처음에는 혼자 시작했다"});
    // A person named before, written alone, goes on too.
    CHECK(speakers_of(extract("정우진 노바브레인 대표는 \"모델을 처음부터 만들었다\"고 말했다. "
                              "정우진은 \"내년에 700억 개 모델을 낸다\"고 덧붙였다.\n")) ==
          std::vector<std::string>{"정우진", "정우진"});
}

TEST_CASE("benchmark tables give a score per row and column", "[rules][tables]") {
    const std::string text =
        "벤치마크 결과는 다음과 같다.\n"
        "모델\tKMMLU\tGPQA\t파라미터\n"
        "ZETA-9 Pro\t71.2\t48.5%\t12B\n"
        "평균\t60.0\t40.0\t-\n"
        "자료: 제타랩\n"
        "KMMLU\t70.0\n";
    const std::vector<Fact> facts = extract(text);
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 2);
    CHECK(*scores[0]->model == "ZETA-9 Pro");
    CHECK(*scores[0]->benchmark == "KMMLU");
    CHECK(scores[0]->score->to_string() == "71.2");
    CHECK(text.substr(scores[0]->span.start, scores[0]->span.end - scores[0]->span.start) == "71.2");
    CHECK(scores[1]->benchmark->rfind("GPQA", 0) == 0);  // the gazetteer's canonical name
    CHECK(scores[1]->score->to_string() == "48.5");
    CHECK(*scores[1]->unit == "%");
    const auto sizes = of_type(facts, FactType::parameter_count);
    REQUIRE(sizes.size() == 1);
    CHECK(sizes[0]->value->to_string() == "12000000000");
    CHECK(*sizes[0]->model == "ZETA-9 Pro");
}

TEST_CASE("Markdown tables are tables, and a row's known model keeps its team", "[rules][tables]") {
    const std::vector<Fact> facts = extract(
        "| 모델 | MMLU |\n"
        "|---|---:|\n"
        "| EXAONE 4.0 | 83.2 |\n");
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 1);
    CHECK(*scores[0]->benchmark == "MMLU");
    CHECK(scores[0]->score->to_string() == "83.2");
    CHECK(scores[0]->team.has_value());
}

TEST_CASE("cells separated by ' | ' without Markdown's edges make a table", "[rules][tables]") {
    const std::vector<Fact> facts = extract(
        "모델 | 개발사 | 매개변수 | 점수\n"
        "Kestrel | 브레인웍스 | 300억 | 68.2\n"
        "바로미 | 도담AI | 80억 | 61.4\n"
        "팀장 | 노트 하나 | 노래\n");
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 2);
    CHECK(scores[0]->model == std::optional<std::string>("Kestrel"));
    CHECK(scores[0]->score->to_string() == "68.2");
    const auto counts = of_type(facts, FactType::parameter_count);
    REQUIRE(counts.size() == 2);
    CHECK(counts[1]->model == std::optional<std::string>("바로미"));
    CHECK(counts[1]->value->to_string() == "8000000000");
}

TEST_CASE("a table's team and model cells that nothing knows are a team and a model of their own",
          "[rules][tables]") {
    const std::vector<Fact> facts = extract(
        "| 순위 | 팀 | 모델 | 매개변수 | 종합 점수 |\n"
        "|---|---|---|---|---|\n"
        "| 1 | 가온소프트 | 가온-R | 32B | 76.9 |\n"
        "| 2 | 다솜대 컨소시엄 | 다솜-LM | 12B | 66.3 |\n"
        "| 3 | 평균 | - | - | - |\n"
        "| 4 | 누리랩 | PL-Assist-30B (ours) | 30B | 71.5 |\n");
    std::vector<std::string> teams, models;
    for (const Fact* f : of_type(facts, FactType::team)) teams.push_back(*f->team);
    for (const Fact* f : of_type(facts, FactType::model)) models.push_back(*f->model);
    CHECK(teams == std::vector<std::string>{"가온소프트", "다솜대 컨소시엄", "누리랩"});
    // `(ours)`, the writer's mark of their own row, is no part of the name.
    CHECK(models == std::vector<std::string>{"가온-R", "다솜-LM", "PL-Assist-30B"});
    const auto model_facts = of_type(facts, FactType::model);
    REQUIRE(model_facts.size() == 3);
    CHECK(model_facts[0]->team == std::optional<std::string>("가온소프트"));
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 3);
    CHECK(scores[0]->model == std::optional<std::string>("가온-R"));
    CHECK(scores[2]->model == std::optional<std::string>("PL-Assist-30B"));
}

TEST_CASE("a name never ends inside a number, and a band of scores is no score", "[rules]") {
    const std::vector<Fact> facts = extract("평가에서 GPT-5 1위를 차지했고 카나나 2는 처음으로 80점대에 진입했다.\n");
    const auto models = of_type(facts, FactType::model);
    REQUIRE(models.size() == 2);
    CHECK(*models[0]->model == "GPT-5");
    CHECK(of_type(facts, FactType::benchmark_score).empty());
}

TEST_CASE("tables without a benchmark or size column give nothing", "[rules][tables]") {
    const std::vector<Fact> facts = extract(
        "구분\t2025년\t2026년\n"
        "예산\t500억원\t700억원\n"
        "GPU-2 도입\t1000\t2000\n");
    CHECK(of_type(facts, FactType::benchmark_score).empty());
    CHECK(of_type(facts, FactType::parameter_count).empty());
}

TEST_CASE("a score stated in prose and again in a table is one fact", "[rules][tables]") {
    const std::vector<Fact> facts = extract(
        "ZETA-9는 KMMLU에서 71.2점을 받았다.\n"
        "모델\tKMMLU\n"
        "ZETA-9\t71.2\n");
    CHECK(of_type(facts, FactType::benchmark_score).size() == 1);
}

TEST_CASE("tables flattened with ' / ' name team and model in cells of their own", "[rules][tables]") {
    const std::vector<Fact> facts = extract(
        "[평가 세부 결과] (단위: 점)\n"
        "팀 / 모델 / 매개변수 / 정확성(50) / 안전성(20)\n"
        "새봄랩 / Saebom-X 9B / 90억 / 41.5 / 17.0\n");
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 2);
    CHECK(scores[0]->model == std::optional<std::string>("Saebom-X 9B"));
    CHECK(scores[0]->team == std::optional<std::string>("새봄랩"));
    CHECK(scores[0]->benchmark == std::optional<std::string>("정확성"));
    CHECK(scores[0]->score->to_string() == "41.5");
    CHECK(scores[0]->max_score->to_string() == "50");
    CHECK(scores[1]->max_score->to_string() == "20");
    const auto sizes = of_type(facts, FactType::parameter_count);
    REQUIRE(sizes.size() == 1);
    CHECK(sizes[0]->value->to_string() == "9000000000");
}

TEST_CASE("a list of items with their figures after a colon is a table under its header's parentheses",
          "[rules][tables]") {
    const std::vector<Fact> facts = extract(
        "[검증 결과] (KMMLU / MMLU / 공공행정 QA 정답률)\n"
        "▲푸른숲데이터 숲-LM 14B : 61.4 / 78.2 / 87.5%\n"
        "▲(비교) 구글 젬마 3 12B : 55.9 / 74.5 / 79.0%\n");
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 6);
    CHECK(scores[0]->model == std::optional<std::string>("숲-LM 14B"));
    CHECK(scores[0]->team == std::optional<std::string>("푸른숲데이터"));
    CHECK(scores[0]->benchmark == std::optional<std::string>("KMMLU"));
    CHECK(scores[0]->score->to_string() == "61.4");
    CHECK(scores[2]->benchmark == std::optional<std::string>("공공행정 QA 정답률"));
    // A known model after its developer names the row, not the whole item.
    CHECK(scores[3]->model == std::optional<std::string>("Gemma 3 12B"));
    CHECK(scores[3]->team == std::optional<std::string>("구글"));
    CHECK(scores[3]->score->to_string() == "55.9");
    // Parentheses inside a header's or a row's cells are no list header.
    const std::vector<Fact> table = extract(
        "모델 (개발사) / KMMLU / HAE-RAE / 종합 (평균)\n"
        "누리-7B (누리랩) / 61.2 / 70.1 / 65.6\n");
    const auto table_scores = of_type(table, FactType::benchmark_score);
    REQUIRE(table_scores.size() == 3);
    CHECK(table_scores[0]->benchmark == std::optional<std::string>("KMMLU"));
    CHECK(table_scores[0]->score->to_string() == "61.2");
    CHECK(table_scores[0]->team == std::optional<std::string>("누리랩"));
}

TEST_CASE("a column of models with each developer in parentheses is two columns", "[rules][tables]") {
    const std::vector<Fact> facts = extract(
        "순위 / 모델(개발사) / 매개변수 / 금융지식 / 종합\n"
        "1 / 여울-Fin 72B(여울데이터) / 720억 / 86.4 / 87.0\n"
        "2 / 바름-F 32B(바름AI) / 320억 / 82.7 / 82.4\n");
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 4);
    CHECK(scores[0]->model == std::optional<std::string>("여울-Fin 72B"));
    CHECK(scores[0]->team == std::optional<std::string>("여울데이터"));
    CHECK(scores[0]->benchmark == std::optional<std::string>("금융지식"));
    CHECK(scores[3]->model == std::optional<std::string>("바름-F 32B"));
    CHECK(scores[3]->team == std::optional<std::string>("바름AI"));
    const auto sizes = of_type(facts, FactType::parameter_count);
    REQUIRE(sizes.size() == 2);
    CHECK(sizes[1]->model == std::optional<std::string>("바름-F 32B"));
    const std::vector<std::string> teams = teams_of(facts);
    CHECK(teams == std::vector<std::string>{"여울데이터", "바름AI"});
}

TEST_CASE("columns of teams and models are known by their label's last word", "[rules][tables]") {
    const std::vector<Fact> facts = extract(
        "| 분야 | 주관기관 | 제출 모델 | 종합(100) |\n"
        "| 제조 | 한울정밀 | 한울-MFG 32B | 86.4 |\n"
        "| 국방 | 누리방위기술 | 방패-D 13B | 77.3 |\n");
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 2);
    CHECK(scores[0]->model == std::optional<std::string>("한울-MFG 32B"));
    CHECK(scores[0]->team == std::optional<std::string>("한울정밀"));
    CHECK(scores[1]->team == std::optional<std::string>("누리방위기술"));
}

TEST_CASE("a table's names, its 정예팀 column and remarks after figures serve the prose around it",
          "[rules][tables]") {
    const std::vector<Fact> facts = extract(
        "순위 / 정예팀(주관사) / 모델 / 벤치마크(50) / 종합\n"
        "1 / 다온시그마 컨소시엄 / 다온 옴니 / 41.90 / 85.07\n"
        "2 / 새결 / 새결-Pro / 33.60 / 74.62 (탈락)\n"
        "\n"
        "벤치마크 평균은 ▲다온 옴니 75.1점 ▲새결-Pro 66.9점이었다.\n");
    const std::vector<std::string> teams = teams_of(facts);
    CHECK(teams == std::vector<std::string>{"다온시그마 컨소시엄", "새결"});
    std::vector<std::string> scores;
    for (const Fact* f : of_type(facts, FactType::benchmark_score)) {
        scores.push_back(f->score->to_string() + " " + f->model.value_or("-") + " " + f->team.value_or("-"));
    }
    CHECK(scores == std::vector<std::string>{"41.9 다온 옴니 다온시그마 컨소시엄", "85.07 다온 옴니 다온시그마 컨소시엄",
                                             "33.6 새결-Pro 새결", "74.62 새결-Pro 새결",
                                             "75.1 다온 옴니 다온시그마 컨소시엄", "66.9 새결-Pro 새결"});
}

TEST_CASE("a team whose name ends in AI is the same team with AI spelled in Hangul", "[rules][unknown]") {
    const std::vector<Fact> facts = extract(
        "파도AI 컨소시엄은 새 모델을 공개했다.\n"
        "컨소시엄에는 주관사 파도에이아이와 9개 기관이 참여한다.\n");
    const std::vector<std::string> teams = teams_of(facts);
    CHECK(teams == std::vector<std::string>{"파도AI", "파도AI"});
}

TEST_CASE("a team no list knows speaks a quotation as its sentence's subject", "[rules][quotes]") {
    const std::vector<Fact> facts = extract(
        "AI 스타트업 코드베리는 코딩 모델 '베리-코더 14B'를 공개했다. 우지훈 코드베리 대표는 \"국내 개발자가 쓸 모델\"이라고 말했다.\n"
        "한편 코드베리는 \"기업 내부 코드가 외부로 유출되지 않는다\"고 강조했다.\n");
    std::vector<std::string> speakers;
    for (const Fact* f : of_type(facts, FactType::quote)) speakers.push_back(f->speaker.value_or(""));
    CHECK(speakers == std::vector<std::string>{"우지훈", "코드베리"});
}

TEST_CASE("a listed team named as a former employer is no team; a studio is named with its name", "[rules][unknown]") {
    const std::vector<Fact> facts = extract(
        "중견 게임 개발사 미리내 스튜디오가 게임 속 비플레이어 캐릭터(NPC) 대화 모델 '미리내-톡 7B'를 공개했다. "
        "네이버와 카카오 출신 개발자들이 창업했다.\n"
        "한국 법인장은 LG CNS 출신 한지수 상무가 맡는다.\n");
    const std::vector<std::string> teams = teams_of(facts);
    CHECK(teams == std::vector<std::string>{"미리내 스튜디오"});
}

TEST_CASE("a corrected score is the new figure only", "[rules][scores]") {
    const std::vector<Fact> facts = extract(
        "카카오는 카나나 2의 점수를 당초 81.2점에서 79.8점으로 정정했다.\n"
        "카나나 2의 수학 점수도 74.6→71.0점으로 바로잡았다.\n"
        "카나나 2는 1차 70.5점에서 2차 80.1점으로 올라섰다.\n"
        "카나나 2는 65.4점→70.9점을 기록했다.\n");
    std::vector<std::string> scores;
    for (const Fact* f : of_type(facts, FactType::benchmark_score)) scores.push_back(f->score->to_string());
    CHECK(scores == std::vector<std::string>{"79.8", "71", "70.5", "80.1", "65.4", "70.9"});
}

TEST_CASE("cells separated by runs of spaces make a table", "[rules][tables]") {
    const std::vector<Fact> facts = extract(
        "모델(개발사)  한국어 MT-Bench  LogicKor\n"
        "마루 70B(KT)    8.77  9.05\n"
        "글벗 13B(한글과컴퓨터)  7.41  7.88\n");
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 4);
    CHECK(scores[0]->model == std::optional<std::string>("마루 70B"));
    CHECK(scores[0]->team == std::optional<std::string>("KT"));
    CHECK(scores[0]->score->to_string() == "8.77");
    CHECK(scores[3]->model == std::optional<std::string>("글벗 13B"));
    CHECK(scores[3]->score->to_string() == "7.88");
    // One run of spaces a line makes no table.
    CHECK(of_type(extract("모델  KMMLU\n마루 70B  8.77\n"), FactType::benchmark_score).empty());
}

TEST_CASE("a sentence with one slash is no table", "[rules][tables]") {
    const std::vector<Fact> facts = extract("정확도 / 속도 모두 개선돼 Saebom-X 9B는 41.5점을 받았다.\n");
    for (const Fact& f : facts) CHECK(f.rule.rfind("table.", 0) != 0);
}

TEST_CASE("the Korean words before a model's name in parentheses name it later", "[rules][unknown]") {
    const std::vector<Fact> facts = extract(
        "누리젠의 소형 모델은 ‘누리 미니(NURI-Mini-2B)’로 휴대폰에서 3B 규모 모델보다 빠르다. "
        "KMMLU에서 카나나 2는 45.0점, 누리 미니는 48.1점을 받았다.\n");
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 2);
    CHECK(scores[0]->model == std::optional<std::string>("Kanana 2"));
    CHECK(scores[1]->model == std::optional<std::string>("NURI-Mini-2B"));
}

TEST_CASE("a model outperformed is a baseline, and the topic's score stays the topic's", "[rules][linking]") {
    const std::vector<Fact> facts = extract(
        "카나나 2는 KMMLU에서 61.2점을 받았다. "
        "자체 평가에서는 100점 만점에 88점을 얻어 비교 대상인 오픈AI ‘GPT-4o’(81점)를 앞섰다.\n");
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 3);
    CHECK(scores[1]->score->to_string() == "88");
    CHECK(scores[1]->model == std::optional<std::string>("Kanana 2"));
    CHECK(scores[2]->model == std::optional<std::string>("GPT-4o"));
}

TEST_CASE("a team inside a longer team's name is that team", "[rules][unknown]") {
    const std::vector<Fact> facts = extract("서해대 AI연구소는 매개변수 30억 개 규모의 언어모델을 개발했다.\n");
    const auto teams = of_type(facts, FactType::team);
    REQUIRE(teams.size() == 1);
    CHECK(teams[0]->team == std::optional<std::string>("서해대 AI연구소"));
}

TEST_CASE("a table about models scores its numeric columns even when no header names a benchmark", "[rules][tables]") {
    const std::vector<Fact> facts = extract(
        "| 순위 | 모델 | 개발사 | 국어 | 종합 |\n"
        "|---|---|---|---|---|\n"
        "| 1 | GPT-5 | 오픈AI | 92.0 | 89.7 |\n"
        "| 2 | 카나나 2 | 카카오 | 88.5 | 86.1 |\n");
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 4);  // not the ranks
    CHECK(scores[0]->benchmark == std::optional<std::string>("국어"));
    CHECK(scores[3]->model == std::optional<std::string>("Kanana 2"));
    CHECK(scores[3]->score->to_string() == "86.1");
}

TEST_CASE("a bare digit after a Latin name is its version, not a score", "[rules][scores]") {
    const std::vector<Fact> facts = extract(
        "한빛지능연구소는 새 모델 'NOVA.K 3'를 공개했다. 수학 추론 벤치마크 HRM8K에서는 NOVA.K 3가 82.6점으로 가장 높았다.\n");
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 1);
    CHECK(scores[0]->score->to_string() == "82.6");
    CHECK(scores[0]->benchmark == std::optional<std::string>("HRM8K"));
}

TEST_CASE("rows of number formats or sizes in files name no models", "[rules][tables]") {
    const std::vector<Fact> facts = extract(
        "| 양자화 | 비트/가중치 | 파일 크기 | KMMLU | 속도(tok/s) |\n"
        "|---|---|---|---|---|\n"
        "| BF16(원본) | 16 | 64.0GB | 63.7 | 11.2 |\n"
        "| Q4_K_M | 4.8 | 19.8GB | 62.1 | 34.7 |\n");
    CHECK(of_type(facts, FactType::model).empty());
    CHECK(of_type(facts, FactType::benchmark_score).empty());
}

TEST_CASE("a numeric table about something else than models gives no scores", "[rules][tables]") {
    const std::vector<Fact> facts = extract(
        "구분\t1분기\t2분기\n"
        "매출\t120.5\t130.2\n"
        "영업이익\t10.1\t12.4\n");
    CHECK(of_type(facts, FactType::benchmark_score).empty());
}

TEST_CASE("items of a list of teams are teams", "[rules][unknown]") {
    const std::vector<Fact> facts =
        extract("정부는 KT, NC AI, 누리메드, 바른법AI 등 4개 팀을 선정했다. 회사를 운영하고 있고, 가람전자, 나래화학 등 관계사와 협업한다.\n");
    const std::vector<std::string> teams = teams_of(facts);
    CHECK(std::count(teams.begin(), teams.end(), "누리메드") == 1);
    CHECK(std::count(teams.begin(), teams.end(), "바른법AI") == 1);
    CHECK(std::count(teams.begin(), teams.end(), "있고") == 0);
    CHECK(std::count(teams.begin(), teams.end(), "가람전자") == 0);
}

TEST_CASE("a list counted in teams names teams though none is known, also as 주식회사 X and X 컨소시엄",
          "[rules][unknown]") {
    const std::vector<Fact> facts = extract(
        "심사 결과 가온랩스, 다솜소프트, 별무리테크 컨소시엄, 주식회사 하람 등 4개 팀이 본선에 올랐다. "
        "행사에는 나무상사, 바다물산 등 여러 곳이 참석했다.\n");
    const std::vector<std::string> teams = teams_of(facts);
    for (const char* name : {"가온랩스", "다솜소프트", "별무리테크", "하람"}) {
        CHECK(std::count(teams.begin(), teams.end(), name) == 1);
    }
    CHECK(std::count(teams.begin(), teams.end(), "주식회사") == 0);
    CHECK(std::count(teams.begin(), teams.end(), "나무상사") == 0);
}

TEST_CASE("a list is of teams when 정예팀 comes as two words or its count of teams counts the items",
          "[rules][unknown]") {
    const std::vector<Fact> facts = extract(
        "# 2차 평가...가온·다솜·별무리 3팀 진출\n\n"
        "심사 결과 하람, 누리, 바다 등 3개 정예팀이 본선에 올랐다. "
        "행사에는 나무, 구름 2팀 선수가 왔고, 하늘, 바람, 구슬 2팀이 뛰었다.\n");
    const std::vector<std::string> teams = teams_of(facts);
    for (const char* name : {"가온", "다솜", "별무리", "하람", "누리", "바다", "나무", "구름"}) {
        CHECK(std::count(teams.begin(), teams.end(), name) == 1);
    }
    // Three items and a count of two: the count is of something else.
    for (const char* name : {"하늘", "바람", "구슬"}) CHECK(std::count(teams.begin(), teams.end(), name) == 0);
    // A verb joining clauses before the count is no item (…진행되며, 최종 2개 팀은).
    const std::vector<Fact> clause = extract("3단계 평가는 2027년 1월 진행되며, 최종 2개 팀은 하반기에 확정된다.\n");
    CHECK(find(clause, FactType::team) == nullptr);
    // Items marked ▲, then the word for them before their count; a count of
    // other things names none.
    check_teams(extract("나머지 9곳은 ▲메디쿼리 ▲소리결 ▲그린로직 ▲디노랩 등 스타트업 4곳과 대학 연구팀 2곳이다. "
                        "협력사는 ▲가람물산 ▲누리유통 ▲세움상사 등 기업 3곳이다.\n"),
                {"메디쿼리", "소리결", "그린로직", "디노랩"}, {"가람물산", "누리유통", "세움상사"});
}

TEST_CASE("a list ending 등 정예팀 or counted in consortia names teams though none is known", "[rules][unknown]") {
    const std::vector<Fact> facts = extract(
        "프로젝트에는 다온 AI연구원, 누리텔레콤, 별무리 등 정예팀이 참여하고 있다. "
        "이 사업에는 하람테크, 누리비전, 세움에이아이 등 3개 컨소시엄이 참여한다. "
        "대회에는 방산업체, 대학 연구실 등 팀이 참가했다. 공모에는 제조·물류·헬스케어 등 6개 컨소시엄이 지원했다. "
        "법률, 세무, 교육 등 정예팀이 새로 꾸려졌다.\n");
    // 팀 alone after 등 is no team's name's sign; fields and kinds are no companies.
    check_teams(facts, {"다온 AI연구원", "누리텔레콤", "별무리", "하람테크", "누리비전", "세움에이아이"},
                {"방산업체", "대학 연구실", "연구실", "물류", "헬스케어", "세무"});
}

TEST_CASE("a family's member named alone is the model the article named whole", "[rules][links]") {
    const std::vector<Fact> facts = extract(
        "메타는 중형 모델 '라마 4 매버릭(Maverick)'을 먼저 내놨다. 메타는 매버릭이 오픈AI의 'GPT-4o'와 구글 "
        "'제미나이 2.0 플래시'를 앞섰다고 밝혔다. 매버릭은 MMLU에서 80.5%를 기록했다.\n");
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 1);
    CHECK(scores[0]->model == std::optional<std::string>("Llama 4 Maverick"));
}

TEST_CASE("a question put to the person named next is the asker's, not the answerer's", "[rules][quotes]") {
    const std::vector<Fact> facts = extract(
        "정하윤 CTO가 발표했다. 한 기자가 \"자체 벤치마크에서 1등을 했다면 믿기 어렵지 않으냐\"고 묻자 정 CTO는 "
        "\"평가 세트를 다음 달 모두 공개하겠다\"고 답했다. \"대기업이 같은 기능을 내놓으면 어떻게 버틸 거냐\"는 "
        "질문이 나오자 정 CTO는 \"대기업은 작은 모델에 관심이 없다\"고 받아넘겼다. 박민수 의원이 \"정부가 GPU만 "
        "사 주면 되느냐\"고 묻자 정 CTO는 \"데이터도 함께 풀어야 한다\"고 답했다.\n");
    // The reporter and the question from the floor are nobody named; the
    // member of parliament is.
    CHECK(speakers_of(facts) == std::vector<std::string>{"정하윤", "정하윤", "박민수", "정하윤"});
    // Words that answer the question are the speaker's.
    const std::vector<Fact> answered = extract(
        "박지훈 노바브레인 대표는 \"GPU가 부족하다고 본다\"고 말했다. 이어 \"데이터센터는 내년에 짓는다\"고 "
        "기자들의 질문에 답했다.\n");
    CHECK(speakers_of(answered) == std::vector<std::string>{"박지훈", "박지훈"});
}

TEST_CASE("developers' quoted names listed with a known model are models", "[rules][unknown]") {
    const std::vector<Fact> facts = extract(
        "비교한 모델은 업스테이지의 '솔라 프로 2', 새봄데이터의 '새봄 LLM 3', 세무 특화 스타트업 리브라택스의 '리브라 T2'다. "
        "시험 대상은 오픈AI의 'GPT-5', 구글의 '제미나이 2.5 플래시', 그리고 국내 스타트업 아라온인텔리전스의 "
        "'아라온 X2(Araon X2)'다.\n");
    const std::vector<std::string> models = models_of(facts);
    for (const char* name : {"새봄 LLM 3", "리브라 T2", "아라온 X2"}) {
        CAPTURE(name);
        CHECK(std::count(models.begin(), models.end(), name) == 1);
    }
    check_teams(facts, {"새봄데이터", "리브라택스", "아라온인텔리전스"}, {"세무", "스타트업"});
    // One known model beside a phone, and no model word near: a list of products.
    const std::vector<std::string> products =
        models_of(extract("삼성전자의 '갤럭시 S26'과 구글의 '제미나이 2.5 플래시'가 나란히 팔렸다.\n"));
    CHECK(std::count(products.begin(), products.end(), "갤럭시 S26") == 0);
    // Services built on models, though two are known models.
    const std::vector<std::string> services = models_of(extract(
        "가장 많이 쓰인 AI 모델 기반 서비스는 오픈AI의 'GPT-5', 구글의 '제미나이 2.5 프로', 삼성전자의 '빅스비 2'였다.\n"));
    CHECK(std::count(services.begin(), services.end(), "빅스비 2") == 0);
}

TEST_CASE("a count in an interview answer that names nobody is the interviewee's company", "[rules][links]") {
    const std::string answers =
        "세븐브릿지AI는 법률 특화 언어모델 '로사'를 공개했다. 변호사 7명이 일한다. 김 대표를 만났다.\n"
        "Q. 다음 계획은.\n"
        "A. 지난해 매출은 15억 원입니다. 투자금 대부분은 GPU에 씁니다. "
        "내년 상반기에는 700억 파라미터급 후속 모델을 내놓을 계획입니다.\n";
    const std::vector<Fact> facts = extract("# 김도윤 세븐브릿지AI 대표 \"환각 1%가 곧 소송\"\n\n" + answers);
    const Fact* count = find(facts, FactType::parameter_count);
    REQUIRE(count != nullptr);
    CHECK(count->team == std::optional<std::string>("세븐브릿지AI"));
    // Not in a question, nor about competitors in an answer.
    const std::vector<Fact> asked = extract(
        "# 김도윤 세븐브릿지AI 대표 \"환각 1%가 곧 소송\"\n\n"
        "세븐브릿지AI는 법률 특화 언어모델 '로사'를 공개했다. 변호사 7명이 일한다. 사무실은 서초동에 있다. "
        "직원은 30명이다. 김 대표를 만났다.\n"
        "Q. 요즘은 1조 파라미터 모델도 흔한데요.\n"
        "A. 지난해 매출은 15억 원입니다. 투자금 대부분은 GPU에 씁니다. 경쟁사들은 대부분 700억 파라미터 이상 모델을 씁니다.\n");
    for (const Fact* other : of_type(asked, FactType::parameter_count)) CHECK(!other->team);
    // Not in a report: the headline's company is not all it speaks of.
    const std::vector<Fact> report = extract(
        "# 세븐브릿지AI, 법률 AI 공개\n\n투자금 대부분은 GPU에 쓰인다. 업계에서는 700억 파라미터급 모델이 나올 것으로 본다.\n");
    const Fact* unclaimed = find(report, FactType::parameter_count);
    CHECK((unclaimed == nullptr || !unclaimed->team));
}

TEST_CASE("이 회사 releasing a model is the company the sentence before named", "[rules][unknown]") {
    const std::vector<Fact> facts = extract(
        "누리온랩스(Nurion Labs)는 음성 AI 스타트업이다. 연구자 4명이 창업한 이 회사는 지난달 음성 모델 '소리결'을 공개했다. "
        "서초동에 자리 잡은 세븐브릿지AI 얘기다. 이 회사는 법률 특화 언어모델 '로사'를 만든다. "
        "반도체 기업과 손잡은 퀀텀리프랩스(QuantumLeaf Labs)도 후보로 거론된다. 이 회사의 'Lyra-K 72B'는 "
        "매개변수 720억 개다.\n");
    check_teams(facts, {"누리온랩스", "세븐브릿지AI", "퀀텀리프랩스"}, {});
    const Fact* model = find(facts, FactType::model);
    REQUIRE(model != nullptr);
    CHECK(model->team == std::optional<std::string>("누리온랩스"));
    // Two companies and neither the subject, or a developer named in the
    // sentence itself: nobody from the sentence before.
    const std::vector<Fact> unclear = extract(
        "행사에는 가람소프트와 다솜텍이 참석했다. 이 회사는 언어모델 '하늘'을 공개했다. "
        "바람지능(Baram AI)은 작은 회사다. 이 회사는 누리랩스가 만든 모델 '구름'을 공개했다. "
        "투자는 한빛벤처스(Hanbit Ventures)가 주도했다. 이 회사는 음성 모델 '소리결'을 공개했다. "
        "창업자 도윤희(Doyun Hee)가 회사를 이끈다. 이 회사는 음성 모델 '바람결'을 공개했다. "
        "초기 투자는 구글이 맡았다. 이 회사는 음성 모델 '물결'을 공개했다.\n");
    // Not an investor, a founder or a listed company acting in the sentence before.
    check_teams(unclear, {}, {"가람소프트", "다솜텍", "바람지능", "한빛벤처스", "도윤희"});
    for (const Fact* model : of_type(unclear, FactType::model)) {
        CAPTURE(*model->model);
        CHECK(model->team != std::optional<std::string>("구글"));
    }
}

TEST_CASE("a closed list of companies a programme selected names teams though none is known", "[rules][unknown]") {
    const std::vector<Fact> facts = extract(
        "이 밖에 바주라데이터, 비로노라AI, 나아로보틱스 등 7개 기업이 선정됐다. "
        "이번 라운드에는 온누리캐피탈, 마루아이파트너스 등 5곳이 참여했다. "
        "전시에는 하람전자, 가온소프트 등 3개 기업이 참가했다. "
        "누리캐피탈, 한결파트너스 등 5개 기업이 투자에 참여했으며 선정된 기업에는 10억원이 지원된다. "
        "다솜전자, 바람소프트 등 10개 기업이 올해의 일하기 좋은 기업으로 선정됐다.\n");
    // Not investors that took part, companies at a fair, an award named past
    // other words: no programme selected them.
    check_teams(facts, {"바주라데이터", "비로노라AI", "나아로보틱스"},
                {"온누리캐피탈", "마루아이파트너스", "하람전자", "가온소프트", "누리캐피탈", "한결파트너스", "다솜전자",
                 "바람소프트"});
}

TEST_CASE("a list with a company's name as subject of a programme's outcome names teams", "[rules][unknown]") {
    const std::vector<Fact> facts = extract(
        "1차 평가에서는 다온 AI연구원, 누리텔레콤, 별무리가 2단계에 진출했다. "
        "네, 가람랩스는 첫날 올랐고, 다솜소프트는 선정된 뒤 곧 합류했다. "
        "행사에는 하람텔레콤, 구름, 바다가 참석했다. 주가는 누리전자, 하늘차, 강철이 나란히 올랐다.\n");
    // An interjection, verbs that join clauses, attending and a rise with no stage are no outcomes' items.
    check_teams(facts, {"다온 AI연구원", "누리텔레콤", "별무리"}, {"네", "올랐고", "구름", "바다", "하늘차", "강철"});
}

TEST_CASE("a company's kind word alone (시스템즈, 인텔리전스) belongs to the name before it", "[rules][unknown]") {
    const std::vector<Fact> facts = extract("2위는 코나크 시스템즈의 '바니 2'로 81.2점을 받았다.\n");
    const auto teams = of_type(facts, FactType::team);
    REQUIRE(teams.size() == 1);
    CHECK(teams[0]->team == std::optional<std::string>("코나크 시스템즈"));
}

TEST_CASE("a Latin name and a company's Latin ending are one team, not inside a gloss", "[rules][unknown]") {
    const std::vector<Fact> facts = extract(
        "Kestrel Labs의 'Kestrel-9B'는 71.2점을 받았다. 중국 Qilin Intelligence는 비전 모델 'Qilin-VL 72B'를 공개했다. "
        "AI 스타트업 윤슬AI(Yunseul AI)는 새 모델 'Yunseul-2'를 공개했다.\n");
    const std::vector<std::string> teams = teams_of(facts);
    for (const char* name : {"Kestrel Labs", "Qilin Intelligence", "윤슬AI"}) {
        CHECK(std::count(teams.begin(), teams.end(), name) >= 1);
    }
    for (const char* name : {"Labs", "Intelligence", "Yunseul AI"}) CHECK(std::count(teams.begin(), teams.end(), name) == 0);
    // An English adjective before AI makes no company.
    const std::vector<Fact> generic = extract(
        "Physical AI는 로봇에 언어모델을 결합한 기술이다. 업계는 Generative AI가 새 모델을 잇달아 공개했다고 전했다.\n");
    CHECK(of_type(generic, FactType::team).empty());
}

TEST_CASE("a foreign company's Hangul words glossed word for word in Latin are one name wherever written",
          "[rules][unknown]") {
    const std::vector<Fact> facts = extract(
        "노이다의 야무나 랩스(Yamuna Labs)는 초거대 모델 '쿠수마'를 개발하고 있다. "
        "라훌 메흐타 야무나 랩스 창업자는 \"인도 안에서 만들어야 한다\"고 말했다. "
        "AI 스타트업 파랑지능(Parang Intelligence)은 새 모델을 공개했다.\n");
    const std::vector<std::string> teams = teams_of(facts);
    CHECK(std::count(teams.begin(), teams.end(), "야무나 랩스") >= 1);
    const auto quotes = of_type(facts, FactType::quote);
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0]->speaker == std::optional<std::string>("라훌 메흐타"));
    // The ending must be written apart: the kind word before a one-word name is none of it.
    CHECK(std::count(teams.begin(), teams.end(), "파랑지능") == 1);
    CHECK(std::count(teams.begin(), teams.end(), "스타트업 파랑지능") == 0);
}

TEST_CASE("a list of industries counted in teams names no team", "[rules][unknown]") {
    const std::vector<Fact> facts = extract("올해 대회에는 은행·증권·보험·핀테크 등 27개 팀이 참가했다.\n");
    CHECK(of_type(facts, FactType::team).empty());
}

TEST_CASE("a predecessor named in passing (전작) is no topic the next sentence goes on about", "[rules][linking]") {
    const std::vector<Fact> facts = extract(
        "누리랩은 새 모델 '누리 2'를 공개했다. 누리 2는 상담 평가에서 91.4점을 받았다. "
        "전작 '누리 1'은 84.2점이었다. 지식 평가에서는 66.3점으로 앞섰다.\n");
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 3);
    CHECK(scores[1]->model == std::optional<std::string>("누리 1"));
    CHECK(scores[2]->model == std::optional<std::string>("누리 2"));
}

TEST_CASE("the size of a successor (후속작, 차기 모델) is the team's, not the model's named before", "[rules][linking]") {
    const std::vector<Fact> facts = extract(
        "업스테이지는 경량 모델 'Solar-Mini 14B'도 함께 선보였고, 하반기 3000억 파라미터급 후속작을 내놓는다.\n");
    const auto counts = of_type(facts, FactType::parameter_count);
    REQUIRE(counts.size() == 1);
    CHECK(counts[0]->value->to_string() == "300000000000");
    CHECK_FALSE(counts[0]->model.has_value());
    CHECK(counts[0]->team == std::optional<std::string>("업스테이지"));
}

TEST_CASE("in a ▲ list a count belongs to its own item, not to the next item's model", "[rules][linking]") {
    const std::vector<Fact> facts = extract(
        "코어랩은 'Core-K 2'를, 누리랩은 'Nuri-M 3'를 공개했다. "
        "모델 규모는 ▲Core-K 2 1150억 파라미터 ▲Nuri-M 3 320억 파라미터다.\n");
    const auto counts = of_type(facts, FactType::parameter_count);
    REQUIRE(counts.size() == 2);
    CHECK(counts[0]->model == std::optional<std::string>("Core-K 2"));
    CHECK(counts[1]->model == std::optional<std::string>("Nuri-M 3"));
}

TEST_CASE("a pronoun after a reference by surname and title is that person's", "[rules][speaker]") {
    const std::vector<Fact> facts = extract(
        "한서진 코어랩 대표는 \"오픈소스로 풀어야 생태계가 산다\"고 말했다. "
        "정민호 서울대 교수는 \"범용 성능까지 잡기는 쉽지 않다\"고 평가했다. "
        "\"가중치를 상반기 중 모두 공개하겠다\"라고 한 대표는 말했다. "
        "그는 \"국내 기업 천 곳이 쓰게 하는 게 목표\"라고 했다.\n");
    CHECK(speakers_of(facts) == std::vector<std::string>{"한서진", "정민호", "한서진", "한서진"});
}

TEST_CASE("a quotation over two paragraphs is of who 'said this' after it, unless another opens between",
          "[rules][speaker]") {
    const std::vector<Fact> facts = extract(
        "“에이전트의 승부는 모델 크기가 아니라 일을 얼마나 대신 하느냐에서 갈립니다.\n\n"
        "플랫폼 위에서 이를 증명하겠습니다.”\n\n"
        "한도윤 누리랩 부사장은 협약식에서 이렇게 말했습니다.\n\n"
        "“작은 모델이 큰 모델을 이기는 때가 곧 옵니다.\n\n"
        "“다음 달에 결과를 공개합니다.”\n\n"
        "오세린 가람랩 대표는 이렇게 말했다.\n");
    REQUIRE(speakers_of(facts) == std::vector<std::string>{"한도윤", "오세린"});
    CHECK(of_type(facts, FactType::quote)[1]->quote->starts_with("다음 달에"));
}

TEST_CASE("a quotation its sentence calls what was said (\"…\"는 것이다) is the speaker's named before",
          "[rules][speaker]") {
    const std::vector<Fact> facts = extract(
        "서지안 누리랩 최고기술책임자(CTO)는 추론 효율을 강점으로 꼽았다. "
        "\"서버 한 대면 충분히 돌아가는 모델을 만들었다\"는 것이다. "
        "\"작은 모델이 큰 모델을 이기는 시대\"는 흔한 구호가 됐다.\n");
    REQUIRE(speakers_of(facts) == std::vector<std::string>{"서지안"});
    CHECK(of_type(facts, FactType::quote)[0]->quote->starts_with("서버 한 대면"));
}

TEST_CASE("an unnamed speaker's quotation is nobody's, not the organisation's that spoke before",
          "[rules][speaker]") {
    const std::vector<Fact> facts = extract(
        "과기정통부는 \"세부 점수는 다음 달 중 공개할 예정\"이라고 밝혔다. "
        "업계 관계자는 \"규모 경쟁이 국내에서도 본격화했다\"고 말했다.\n");
    const auto quotes = of_type(facts, FactType::quote);
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0]->speaker == std::optional<std::string>("과학기술정보통신부"));
    CHECK(quotes[0]->quote->starts_with("세부 점수는"));
}

TEST_CASE("a known organisation's spokesperson speaks for it, but is nobody a later quotation goes on with",
          "[rules][speaker]") {
    const std::vector<Fact> facts = extract(
        "오하늘 벼리랩스 대표는 \"다음 공모에도 참여하겠다\"고 말했다. "
        "LG AI연구원 관계자는 \"추론 효율에 집중한 모델\"이라며 \"하반기 중 공개할 계획\"이라고 밝혔다. "
        "이어 \"결론은 다음 달에 난다\"고 말했다.\n");
    REQUIRE(speakers_of(facts) == std::vector<std::string>{"오하늘", "LG AI연구원", "LG AI연구원"});
    CHECK(of_type(facts, FactType::quote)[2]->quote->starts_with("하반기 중"));
}

TEST_CASE("a quotation standing alone goes to who 'said this' next, and interview answers to the interviewee",
          "[rules][speaker]") {
    const std::vector<Fact> facts = extract(
        "“한국어 모델을 내년에 반드시 공개하겠습니다.”\n\n"
        "오하늘 벼리랩스 대표는 지난 3일 본사에서 기자와 만나 이렇게 말했다.\n\n"
        "―경쟁 상대는 누구입니까.\n"
        "“해외 오픈소스 모델이 진짜 경쟁자입니다. 가격으로 이기겠습니다.”\n");
    const auto quotes = of_type(facts, FactType::quote);
    REQUIRE(quotes.size() == 2);
    CHECK(quotes[0]->speaker == std::optional<std::string>("오하늘"));
    CHECK(quotes[1]->speaker == std::optional<std::string>("오하늘"));
}

TEST_CASE("interview answers go to the interviewee though the answers name someone else; 교수님 is a title",
          "[rules][speaker]") {
    const std::vector<Fact> facts = extract(
        "오하늘 벼리랩스 대표는 지난 3일 기자와 만났다.\n\n"
        "―창업 계기는.\n"
        "지도교수였던 한민수 누리대 교수님이 “작게 시작해서 깊게 파라”고 조언했습니다.\n\n"
        "―경쟁 상대는.\n"
        "“해외 오픈소스 모델이 진짜 경쟁자입니다. 가격으로 이기겠습니다.”\n");
    const auto quotes = of_type(facts, FactType::quote);
    REQUIRE(quotes.size() == 2);
    CHECK(quotes[0]->speaker == std::optional<std::string>("한민수"));
    CHECK(quotes[1]->speaker == std::optional<std::string>("오하늘"));
}

TEST_CASE("a subheading's quotation does not go on from the last speaker", "[rules][speaker]") {
    const std::string text =
        "김재원 KAIST 교수는 \"한국 고유 지식을 묻는 문항에서는 약점이 뚜렷하다\"고 말했다.\n\n"
        "■ 전문가 \"성능보다 라이선스·데이터 주권 따져야\"\n\n중국 모델의 점유율은 17%를 넘었다.\n";
    CHECK(speakers_of(extract(text)) == std::vector<std::string>{"김재원"});
    // A bullet before a quotation alone lists what the last speaker said.
    CHECK(speakers_of(extract("김재원 KAIST 교수는 과제를 다음과 같이 꼽았다.\n● \"한국어 데이터가 부족하다.\"\n"
                              "● \"평가 인력도 모자란다.\"\n")) == std::vector<std::string>{"김재원", "김재원"});
}

TEST_CASE("an interview's answers are not of a person named in passing before the first question", "[rules][speaker]") {
    const std::string text =
        "센터를 이끄는 강민혁 고려대 교수는 지난달 모델을 공개했다. 컴퓨터학과 윤재섭 교수 연구실이 학습을 맡았다.\n\n"
        "―법률 특화 모델을 따로 만든 이유는.\n\n"
        "\"범용 모델은 그럴듯한 판례 번호를 지어내는 경우가 많습니다.\"\n";
    CHECK(speakers_of(extract(text)) == std::vector<std::string>{"강민혁"});
}

TEST_CASE("a title inside a quotation names no speaker of it or of the next", "[rules][speaker]") {
    const std::vector<Fact> facts = extract(
        "차가온 누리리걸AI 대표는 회사를 세웠다. 차 대표는 \"변호사가 AI 답변을 믿지 못하는 이유가 분명하다\"라며 "
        "\"모든 답변에 판례 원문 링크를 달았다\"고 말했다.\n");
    const auto quotes = of_type(facts, FactType::quote);
    REQUIRE(quotes.size() == 2);
    CHECK(quotes[0]->speaker == std::optional<std::string>("차가온"));
    CHECK(quotes[1]->speaker == std::optional<std::string>("차가온"));
}

TEST_CASE("a quotation a paragraph break cuts open is its speaker's up to the paragraph's end", "[rules][speaker]") {
    const std::vector<Fact> facts = extract(
        "오가온 누리랩스 대표는 간담회에서 \"누리-3는 한 장의 GPU에서 도는 모델 가운데 가장 빠르다.\n\n"
        "▲ 오가온 누리랩스 대표가 발표하고 있다.\n\n"
        "그는 \"내년에는 더 큰 모델을 내놓겠다\"고 말했다.\n"
        "한편 \"정부 지원이 필요하다는 목소리도 있다.\n");
    const auto quotes = of_type(facts, FactType::quote);
    REQUIRE(quotes.size() == 2);
    CHECK(quotes[0]->speaker == std::optional<std::string>("오가온"));
    CHECK(quotes[0]->quote->starts_with("누리-3는"));
    CHECK(quotes[1]->quote->starts_with("내년에는"));
}

TEST_CASE("회사 (측) speaks for the company the article is about", "[rules][speaker]") {
    const std::vector<Fact> facts = extract(
        "가온랩스는 새 모델 '가온-2'를 공개했다. 가격은 전작과 같다. "
        "회사 측은 \"한국어 성능은 국내 최고 수준\"이라고 밝혔다.\n");
    const auto quotes = of_type(facts, FactType::quote);
    REQUIRE(quotes.size() == 1);
    CHECK(quotes[0]->speaker == std::optional<std::string>("가온랩스"));
}

TEST_CASE("a benchmark score nothing else claims is the article's main model's", "[rules][scores]") {
    const std::vector<Fact> facts = extract(
        "가온랩스는 새 모델 '가온-R 7B'를 공개했다. 가온-R 7B는 한국어에 강하다. 가온-R 7B는 수학에도 강하다. "
        "연구팀은 \"GPT-4o와 견줘도 손색이 없는 수준\"이라고 설명했다. 다른 평가에서도 결과가 좋았다. "
        "KMMLU에서는 61.2점을 받았다. 점수의 신뢰구간은 ±6점 안팎이다.\n");
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 1);
    CHECK(scores[0]->score->to_string() == "61.2");
    CHECK(scores[0]->model == std::optional<std::string>("가온-R 7B"));
}

TEST_CASE("of the headline team's models, the one most often a topic is the main model", "[rules][scores]") {
    // 가온-R 7B is a topic three times (the headline too), 가온-R 2B once,
    // the baseline GPT-4o three times: the headline team's model wins.
    const std::vector<Fact> facts = extract(
        "# 가온랩스, '가온-R 7B' 공개\n\n가온랩스는 새 모델 '가온-R 7B'를 공개했다. 가온-R 7B는 한국어에 강하다. "
        "가온랩스는 작은 '가온-R 2B'도 내놓았다. GPT-4o는 비교 대상이다. GPT-4o는 오픈AI의 모델이다. GPT-4o는 유료다. "
        "회사는 서울에 있다. 직원은 많지 않다. 사무실은 조용했다. 다른 평가에서도 결과가 좋았다.\n\n"
        "―성능은 어떤가.\nKMMLU에서 61.2점을 받았다.\n");
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 1);
    CHECK(scores[0]->model == std::optional<std::string>("가온-R 7B"));
}

TEST_CASE("a model of another team said to fall short is no topic to carry", "[rules][scores]") {
    const std::vector<Fact> facts = extract(
        "# 업스테이지, '솔라 오픈 2' 출시\n\n업스테이지는 새 모델 '솔라 오픈 2'를 공개했다. 솔라 오픈 2는 9종 평균 "
        "72.6점을 받았다. 알리바바의 'Qwen3-Next-80B-A3B'는 66.4점에 머물렀다. 한국어 지시 이행 능력을 보는 "
        "Ko-IFEval에서는 89.4점을 받았다.\n");
    CHECK(model_scores(facts) ==
          ModelScores{{"Solar Open 2", "72.6"}, {"Qwen3-Next-80B-A3B", "66.4"}, {"Solar Open 2", "89.4"}});
}

TEST_CASE("the names of one university's team in an article are one team", "[rules][unknown]") {
    const std::vector<Fact> facts = extract("누리대학교 컴퓨터공학과 자연어처리연구실은 새 모델을 공개했다. "
                                            "누리대 연구팀은 언어모델을 개발했다.\n");
    const std::vector<std::string> teams = teams_of(facts);
    CHECK(teams == std::vector<std::string>{"누리대학교 컴퓨터공학과 자연어처리연구실",
                                            "누리대학교 컴퓨터공학과 자연어처리연구실"});
    // Two labs with names of their own are two teams.
    const std::vector<Fact> two = extract("누리대 자연어처리연구실은 새 모델을 공개했다. "
                                          "누리대 컴퓨터비전연구실은 영상 모델을 공개했다.\n");
    std::vector<std::string> labs;
    for (const Fact* f : of_type(two, FactType::team)) labs.push_back(*f->team);
    CHECK(labs == std::vector<std::string>{"누리대 자연어처리연구실", "누리대 컴퓨터비전연구실"});
}

TEST_CASE("a model found with and without its only size is one model, named with its size", "[rules][unknown]") {
    CHECK(distinct_models(extract("누리AI는 새 모델 'NRX-Pro 2.1'을 출시했다. NRX-Pro 2.1 72B는 매개변수 720억 개로 "
                            "커졌다.\n")) == std::vector<std::string>{"NRX-Pro 2.1 72B"});
    // Two sizes: the family stays a name of its own.
    CHECK(distinct_models(extract("누리AI는 새 모델 'NRX-Pro 2.1'을 출시했다. NRX-Pro 2.1 72B는 매개변수 720억 개, "
                            "NRX-Pro 2.1 7B는 매개변수 70억 개 모델이다.\n")) ==
          std::vector<std::string>{"NRX-Pro 2.1", "NRX-Pro 2.1 72B", "NRX-Pro 2.1 7B"});
}

TEST_CASE("a quoted name and its spelling in parentheses after the marks are one model", "[rules][unknown]") {
    CHECK(distinct_models(extract("소리결AI는 지난달 '소리결-옴니 32B'(Sorigyeol-Omni 32B)를 공개했다.\n")) ==
          std::vector<std::string>{"소리결-옴니 32B"});
}

TEST_CASE("a quoted name and its reading in the other script after the marks are one model, however named first",
          "[rules][unknown]") {
    // The headline names the reading first; its scores and the later
    // mentions in either script are of one model.
    const std::vector<Fact> facts = extract(
        "# 외산 모델 비교…'톈충-2' 종합 1위\n\n"
        "종합 1위는 싱야오테크(Xingyao Tech)의 'Tianqiong-2'(톈충-2)였다. 720억 개 매개변수의 밀집 모델이다.\n\n"
        "톈충-2는 KMMLU 64.8점을 받았다. Tianqiong-2는 작문에서도 앞섰다.\n");
    CHECK(distinct_models(facts) == std::vector<std::string>{"톈충-2"});
    // A size or another name in parentheses is no reading.
    CHECK(distinct_models(extract("누리랩의 '누리-7B'(70억 개)는 작다. '누리-7B'(Nuri-8B)도 나왔다.\n")) ==
          std::vector<std::string>{"누리-7B"});
}

TEST_CASE("a size after a quoted name's spelling in parentheses goes on both names", "[rules][unknown]") {
    // Its spelling without the size, later, names the same model.
    CHECK(distinct_models(extract("아라테크는 보안 특화 모델 '아라가드(ARA-Guard) 3B'를 공개했다. "
                                  "ARA-Guard는 관제 업무에 쓰인다. 아라가드 3B는 30억 개 매개변수로 가볍다.\n")) ==
          std::vector<std::string>{"아라가드 3B"});
}

TEST_CASE("the last words of a listed model's name the article names are that model", "[rules][unknown]") {
    const std::vector<Fact> facts = extract("# 국산 sLLM 격전…코난 'ENT-12' 맞불\n\n코난테크놀로지는 차세대 LLM "
                                            "'코난 LLM ENT-12'(Konan LLM ENT-12)를 출시했다.\n");
    CHECK(distinct_models(facts) == std::vector<std::string>{"Konan LLM ENT-12"});
}

TEST_CASE("a model a rule finds is known at once, though its sentence was looked at before", "[rules][unknown]") {
    // 딥시크-V3.1 makes V3.1 a local name from the start, so linking looks up
    // local names at every unit before the rules run; 벼리-32B, found by a rule
    // afterwards, must still be the subject of its own sentence's size.
    const auto facts = extract("4위 딥시크-V3.1(딥시크) 점수 1341\n"
                               "매개변수 320억 개의 벼리-32B는 10위권 안에 든 모델 가운데 가장 작다.\n");
    const Fact* size = find(facts, FactType::parameter_count);
    REQUIRE(size != nullptr);
    REQUIRE(size->value);
    CHECK(size->value->to_string() == "32000000000");
    REQUIRE(size->model);
    CHECK(*size->model == "벼리-32B");
}

TEST_CASE("links to other stories give no facts of this article", "[rules]") {
    const std::vector<Fact> facts = extract(
        "가온랩스는 새 모델 '가온-2'를 공개했다.\n\n"
        "▶ 관련기사\n"
        "· 누리AI, '누리-9' 공개…KMMLU 80점\n"
        "· 다솜랩, 매개변수 720억 개 모델 출시\n\n"
        "☞ 벼리랩스 '벼리-3' 1위…MMLU 90점\n"
        "▶ 누리일보 구독하고 카카오 소식 받아보기\n");
    for (const Fact& f : facts) {
        CHECK(f.span.start < 60);
    }
    CHECK_FALSE(of_type(facts, FactType::model).empty());
    // A bullet of the story itself stays.
    const std::vector<Fact> bullets = extract("가온랩스는 모델 두 종을 공개했다.\n▶가온-2 매개변수 320억 개\n");
    CHECK(of_type(bullets, FactType::parameter_count).size() == 1);
}

TEST_CASE("a table with models across and benchmarks down is read the other way round", "[rules][tables]") {
    const std::vector<Fact> facts = extract(
        "벤치마크\tGPT-5\t카나나 2\n"
        "KMMLU\t81.2\t70.4\n"
        "사내 코딩 평가(%)\t64.0\t55.5\n");
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 4);
    CHECK(scores[1]->model == std::optional<std::string>("Kanana 2"));
    CHECK(scores[1]->benchmark == std::optional<std::string>("KMMLU"));
    CHECK(scores[3]->benchmark == std::optional<std::string>("사내 코딩 평가"));
    CHECK(scores[3]->score->to_string() == "55.5");
}

TEST_CASE("a transposed table's benchmarks are no models, whatever its first header cell says", "[rules][tables]") {
    const std::vector<Fact> facts = extract(
        "모델\tGPT-5\t카나나 2\n"
        "KMMLU\t81.2\t70.4\n"
        "MMLU-Pro\t64.0\t55.5\n");
    std::vector<std::string> models;
    for (const Fact* f : of_type(facts, FactType::model)) models.push_back(*f->model);
    CHECK(models == std::vector<std::string>{"GPT-5", "Kanana 2"});
    CHECK(of_type(facts, FactType::benchmark_score).size() == 4);
}

TEST_CASE("a size and a model word name the model of that size named before", "[rules][linking]") {
    const std::vector<Fact> facts = extract(
        "누리젠은 'NURI-Law-8B'와 'NURI-Law-32B'를 공개했다. 같은 평가에서 카나나 2는 85점이었다. "
        "사례형 문제에서는 32B 모델이 40점 만점 중 29.5점을 얻었다.\n");
    const auto scores = of_type(facts, FactType::benchmark_score);
    REQUIRE(scores.size() == 2);
    CHECK(scores[1]->score->to_string() == "29.5");
    CHECK(scores[1]->model == std::optional<std::string>("NURI-Law-32B"));
}

// A size in a speaker's words that names no model is the size of a model of
// the team they speak for; the team of an unknown company found by the rules
// is the speaker's organisation.
TEST_CASE("a count in a quotation that names nobody is the speaker's team's", "[rules][quote][parameter_count]") {
    const auto facts = extract(
        "AI 스타트업 새빛인텔리전스는 새 언어모델 '새빛-R 32B'를 공개했다.\n\n"
        "정다온 새빛인텔리전스 대표는 \"연말에는 700억 개 규모의 후속 모델을 공개하겠다\"고 밝혔다.\n\n"
        "업계 관계자는 \"1000억 개 규모의 모델이 곧 나올 것\"이라고 말했다.");
    std::vector<std::pair<std::string, std::string>> counts;  // value, team
    for (const Fact& f : facts) {
        if (f.type == FactType::parameter_count) counts.emplace_back(f.value->to_string(), f.team.value_or(""));
    }
    CHECK(counts == std::vector<std::pair<std::string, std::string>>{{"70000000000", "새빛인텔리전스"}});
    const auto quote = std::find_if(facts.begin(), facts.end(), [](const Fact& f) { return f.type == FactType::quote; });
    REQUIRE(quote != facts.end());
    CHECK(quote->org == "새빛인텔리전스");
}

// The developer a model rule names with its model is a team, found by that
// rule: no team rule repeats the model rule's pattern.
TEST_CASE("a model's developer named by a model rule is a team", "[rules][team][model]") {
    const auto teams_in = [](const std::string& text) {
        std::vector<std::string> teams;
        for (const Fact& f : extract(text)) {
            if (f.type == FactType::team) teams.push_back(*f.team + " " + std::string(f.rule));
        }
        return teams;
    };
    CHECK(teams_in("▲NOVA-K Pro 2(딥노바) 79.0점 ▲MARU-LM 2.5(마루테크) 77.6점") ==
          std::vector<std::string>{"딥노바 model.before-developer-in-parentheses",
                                   "마루테크 model.before-developer-in-parentheses"});
    CHECK(teams_in("5위 누리샘(모아이랩스) 74.1점") ==
          std::vector<std::string>{"모아이랩스 model.ranked-with-developer"});
    CHECK(teams_in("대표적인 사례가 해온소프트의 '해온-S 8B'다") ==
          std::vector<std::string>{"해온소프트 model.quoted-with-size"});
    CHECK(teams_in("오리온랩스(Orion Labs)의 'Orion-7B-Instruct'와 세이지웍스(SageWorks)의 'K-Sage 2.0 Pro'다") ==
          std::vector<std::string>{"오리온랩스 model.quoted-of-spelled-developer",
                                   "세이지웍스 model.quoted-of-spelled-developer"});
    for (const char* none : {"국어 평균(전체) 80점", "1위 평균(전체) 80점", "업계는 '100B'를 기준으로 본다",
                             "오리온랩스(Orion Labs)의 '오픈 데이'에 참석했다"}) {
        CAPTURE(none);
        CHECK(teams_in(none).empty());
    }
}

TEST_CASE("a plain word with 의 before a quoted model develops it", "[rules][team][model]") {
    CHECK(model_teams("티리리능의 ‘미울-7B’가 70억 파라미터로 69.8점을 받았다") ==
          std::vector<std::string>{"team 티리리능 team.developer-before-quoted-model", "model 미울-7B 티리리능"});
    // Past the words that describe it, a model word last; and before a name not quoted.
    CHECK(model_teams("비교 대상은 노사크의 추론 모델 '노사크-R1'이다") ==
          std::vector<std::string>{"team 노사크 team.developer-before-quoted-model", "model 노사크-R1 노사크"});
    CHECK(model_teams("나사닷의 VO-Azab 72B는 HRM8K에서 79.3%에 그쳤다") ==
          std::vector<std::string>{"team 나사닷 team.developer-before-model", "model VO-Azab 72B 나사닷"});
    // A company of words glossed in Latin, its gloss before 의.
    CHECK(model_teams("독일 슈바르츠발트 AI(Schwarzwald AI)의 ‘탄네-MoE(Tanne-MoE)’(85.2%)에 못 미쳤다") ==
          std::vector<std::string>{"team 슈바르츠발트 AI team.developer-before-quoted-model",
                                   "model 탄네-MoE 슈바르츠발트 AI"});
    // Past a description only where the developer heads its phrase.
    CHECK(model_teams("반면 도담캐피탈의 자동차 금융 특화 모델 'DODAM-Auto 7B'는 54.3점에 그쳤다") ==
          std::vector<std::string>{"team 도담캐피탈 team.developer-before-quoted-model", "model DODAM-Auto 7B 도담캐피탈"});
    CHECK(model_teams("루미넥스는 한국어 특화의 경량 모델 '소리-3'를 공개했다") ==
          std::vector<std::string>{"team 루미넥스 team.releases-named-model", "model 소리-3 루미넥스"});
    CHECK(model_teams("두 배 덩치의 BAROM-14B를 5.5%포인트 차이로 추격했다") ==
          std::vector<std::string>{"model BAROM-14B -"});
    // A word that names no developer (listed in not_names) or a word of a class.
    CHECK(model_teams("오픈소스 진영의 '노바-4'는 100억 개다") == std::vector<std::string>{"model 노바-4 -"});
    CHECK(model_teams("올해의 '노바-6'이 1위다") == std::vector<std::string>{"model 노바-6 -"});
    // A compound of a common kind (경쟁사, 후속작) develops nothing.
    CHECK(model_teams("경쟁사의 '루미-7B'는 70억 개 파라미터로 65.1점을 받았다") ==
          std::vector<std::string>{"model 루미-7B -"});
}

TEST_CASE("a plain word right before a quoted model, heading an item or a phrase, develops it", "[rules][team][model]") {
    CHECK(model_teams("비교 대상은 ▲라라크 '아소-V3.1' ▲라리네바 '그므-235B'이다") ==
          std::vector<std::string>{"team 라라크 team.word-before-quoted-model", "model 아소-V3.1 라라크",
                                   "team 라리네바 team.word-before-quoted-model", "model 그므-235B 라리네바"});
    // Not a word modifying the name (금융 특화 '…'), nor one ending as a verb
    // that modifies it (줄인), a connective (따라) or a kind of version (경량판).
    for (const char* none : {"금융 특화 '노바-3B'는 70억 개다", "크기를 줄인 '노바-3B'는 70억 개다",
                             "이에 따라 '노바-3B'는 70억 개다", "이번 경량판 '노바-3B'는 70억 개다",
                             "2차 평가에 나선 '노바-3B'는 75.1점을 받았다", "춘천 '노바-3B' 모델로 상담한다",
                             "강원도 민원 AI, 춘천 '노바-3B' 모델로 간다"}) {
        CAPTURE(none);
        CHECK(model_teams(none) == std::vector<std::string>{"model 노바-3B -"});
    }
    // Nor one that is no list's item, where the sentence names the developer.
    CHECK(model_teams("루미넥스는 음성 '소리-2'를 공개했다") ==
          std::vector<std::string>{"team 루미넥스 team.releases-named-model", "model 소리-2 루미넥스"});
    // A headline's short name is the body's team whose name begins with it.
    const std::vector<std::string> found =
        model_teams("# 폴라리스 '가디언-K' 공개\n\n폴라리스인텔리전스는 수사 지원 모델을 공개했다.\n");
    CHECK(std::count(found.begin(), found.end(), "model 가디언-K 폴라리스인텔리전스") == 1);
    CHECK(std::none_of(found.begin(), found.end(), [](const std::string& f) { return f.starts_with("team 폴라리스 "); }));
}

TEST_CASE("a plain word that starts a clause releasing a quoted model develops it", "[rules][team][model]") {
    CHECK(model_teams("가람텍은 '가람-1'을, 젠벤나바는 '아스테라-3B'를 공개했다") ==
          std::vector<std::string>{"team 가람텍 team.releases-named-model", "model 가람-1 가람텍",
                                   "team 젠벤나바 team.subject-releasing-quoted-model", "model 아스테라-3B 젠벤나바"});
    // Its spellings in parentheses name the same team later (PFN은 …).
    CHECK(model_teams("프리퍼드네트웍스(Preferred Networks·PFN)가 자체 개발한 '플라모 3'를 공개했다. "
                      "PFN은 경량 모델 '플라모 3 라이트'도 공개했다") ==
          std::vector<std::string>{"team 프리퍼드네트웍스 team.subject-releasing-quoted-model",
                                   "model 플라모 3 프리퍼드네트웍스", "team 프리퍼드네트웍스 document.team",
                                   "model 플라모 3 라이트 프리퍼드네트웍스"});
    // Not a word inside its clause (일상 대화는), nor without a launch word.
    CHECK(model_teams("일상 대화는 자체 개발한 '스텔라-7B'가 처리한다") == std::vector<std::string>{"model 스텔라-7B -"});
    CHECK(model_teams("젠벤나바는 '아스테라-3B'를 자주 쓴다") == std::vector<std::string>{"model 아스테라-3B -"});
    // Nor a subject in the plural, past a developer named nearer, or before a passive launch word.
    CHECK(model_teams("투자자들은 구글이 공개한 '젬-2B'에 주목했다") ==
          std::vector<std::string>{"team 구글 gazetteer.team", "model 젬-2B 구글"});
    CHECK(model_teams("평가는 새로 공개된 '노바-3B'를 대상으로 진행됐다") == std::vector<std::string>{"model 노바-3B -"});
    // After a kind or a date, a subject marked with 이/가 whose launch word
    // modifies the name's noun or takes the name as its object.
    CHECK(model_teams("업계에 따르면 유네미바가 지난달 공개한 안전 필터 모델 '로웬-3B'는 67.0%를 기록했다") ==
          std::vector<std::string>{"team 유네미바 team.subject-releasing-quoted-model", "model 로웬-3B 유네미바"});
    CHECK(model_teams("포털 나바모온이 자체 모델 '파도-2.5' 제품군을 17일 공개했다") ==
          std::vector<std::string>{"team 나바모온 team.subject-releasing-quoted-model", "model 파도-2.5 나바모온"});
    // Not a word the particle split cut (중저|가), where the launch word is no
    // object's verb, nor a kind of body (센터).
    CHECK(model_teams("연구소는 이와 함께 중저가 기기용 경량 모델 '빛누리-2 라이트'도 공개했다") ==
          std::vector<std::string>{"model 빛누리-2 라이트 -"});
    CHECK(model_teams("강 교수는 지난달 센터가 개발한 법률 모델 '로아-32B'의 결과를 냈다") ==
          std::vector<std::string>{"model 로아-32B -"});
    // Nor after a word that modifies no name (신형 중저|가, 함께 제자가).
    CHECK(model_teams("이 회사는 올해 신형 중저가 모델 '소리-3'를 공개했다") == std::vector<std::string>{"model 소리-3 -"});
    CHECK(model_teams("학생들과 함께 제자가 개발한 '소리-3'는 1위였다") == std::vector<std::string>{"model 소리-3 -"});
    // A kind alone after the name that starts the clause: the two are the
    // developer, and the model's team (not 시스템즈).
    CHECK(model_teams("세바 시스템즈가 개발한 '세바-7B'는 1위였다") ==
          std::vector<std::string>{"team 세바 시스템즈 team.subject-releasing-quoted-model", "model 세바-7B 세바 시스템즈"});
    // A word in Hangul in the parentheses (a place) names no team later.
    CHECK(model_teams("프리퍼드네트웍스(일본)는 '플라모-3B'를 공개했다. 일본의 '후지-7B'는 70억 개 파라미터다") ==
          std::vector<std::string>{"team 프리퍼드네트웍스 team.releases-named-model",
                                   "model 플라모-3B 프리퍼드네트웍스", "model 후지-7B -"});
}

// A heading that names a model (`◆ X: …`) says what its section is about: a
// figure in a sentence that names nobody, however far into the section, is
// that model's, and the next heading starts another section.
TEST_CASE("a figure that names nobody under a heading is the heading's model's", "[rules][topics]") {
    const auto facts = extract(
        "누리랩스는 'Gara-7B'를, 새결테크는 'Saegyeol-70B'를 공개했다.\n\n"
        "◆ Gara-7B: 작지만 강하다\n\n"
        "노트북에서도 돈다. 학습 데이터는 3조 토큰이다. 라이선스는 아파치 2.0이다. 문서도 공개했다. "
        "KMMLU에서 49.8점을 기록했다.\n\n"
        "◆ Saegyeol-70B: 크고 느리다\n\n"
        "서버가 필요하다. 학습에는 석 달이 걸렸다. KMMLU에서 63.5점을 받았다.");
    std::vector<std::string> scores;
    for (const Fact& f : facts) {
        if (f.type == FactType::benchmark_score) scores.push_back(f.score->to_string() + " " + f.model.value_or(""));
    }
    CHECK(scores == std::vector<std::string>{"49.8 Gara-7B", "63.5 Saegyeol-70B"});
}

// A team marked as the subject after the last model named is the figure's
// subject; the model before it is another item of the list.
TEST_CASE("a team marked as subject after a model takes its own score", "[rules][subject]") {
    const auto facts = extract("2차 평가에서 SK텔레콤의 'A.X K1'은 84.0점, 업스테이지는 80.2점을 받았다.");
    std::vector<std::string> scores;
    for (const Fact& f : facts) {
        if (f.type == FactType::benchmark_score) {
            scores.push_back(f.score->to_string() + " " + f.model.value_or("-") + " " + f.team.value_or("-"));
        }
    }
    CHECK(scores == std::vector<std::string>{"84 A.X K1 SK텔레콤", "80.2 - 업스테이지"});
}

// A broadcast transcript names its speaker on a line of its own and quotes
// them on the next: `[인터뷰 : 이름 / 직함]`, `[인터뷰] 이름/직함 : "…"`.
TEST_CASE("a transcript's speaker lines speak the quotations after them", "[rules][speaker]") {
    const auto facts = extract(
        "[앵커]\n\n국산 모델의 2차 평가 결과가 나왔습니다.\n\n"
        "[인터뷰 : 한도윤 / SK텔레콤 파운데이션모델 담당]\n"
        "\"한국어로 처음부터 학습시킨 건 저희가 처음입니다.\"\n\n"
        "[인터뷰 : 이수민 / 대학원생]\n"
        "\"같은 질문을 넣어 봤는데 국산 모델이 더 잘 알아듣는 것 같았어요.\"\n\n"
        "[인터뷰] 오현정/고려대 인공지능학과 교수 : \"규모만으로는 격차를 메우기 어렵습니다.\"");
    CHECK(speakers_of(facts) == std::vector<std::string>{"한도윤", "이수민", "오현정"});
}
