#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "text_test_support.h"

using namespace kfacts;
using namespace kfacts::testing;

TEST_CASE("sentences end after a predicate ending even with no space", "[text][sentences]") {
    CHECK(sentence_line("‘옥석 가리기’가 시작됐다.5개 팀 중 ‘첫 탈락팀’이 추려진다.") ==
          "‘옥석 가리기’가 시작됐다. || 5개 팀 중 ‘첫 탈락팀’이 추려진다.");
    CHECK(sentence_line("‘카운트다운’에 들어갔다.SK텔레콤은 공개했다.") ==
          "‘카운트다운’에 들어갔다. || SK텔레콤은 공개했다.");
    CHECK(sentence_line("관심이 집중되고 있다.29일 ICT업계에 따르면") ==
          "관심이 집중되고 있다. || 29일 ICT업계에 따르면");
    CHECK(sentence_line("AI연구원이다.이날 발표회는") == "AI연구원이다. || 이날 발표회는");
    CHECK(sentence_line("정말일까?아니다!그렇다") == "정말일까? || 아니다! || 그렇다");
    // Without a predicate ending, a full stop with no space after it is no end.
    CHECK(sentence_line("버전 v2.다음") == "버전 v2.다음");
}

TEST_CASE("sentences end at newlines and after a full stop and space", "[text][sentences]") {
    CHECK(sentence_line("제목 줄\n\n본문 첫 문장. 둘째 문장\n") == "제목 줄 || 본문 첫 문장. || 둘째 문장");
    CHECK(sentence_line("What is it? It is A.X K1. Done!") == "What is it? || It is A.X K1. || Done!");
    CHECK(sentence_line("그가 말했다.\" 이어서") == "그가 말했다.\" || 이어서");
    CHECK(sentence_line("그는 (추정했다.) 다음") == "그는 (추정했다.) || 다음");
}

TEST_CASE("a numbered list item's number opens its sentence", "[text][sentences]") {
    CHECK(sentence_line("다음과 같다.\n1. 엑사원 4.0 32B – 320억 개\n12. 솔라 미니 – 107억 개\n") ==
          "다음과 같다. || 1. 엑사원 4.0 32B – 320억 개 || 12. 솔라 미니 – 107억 개");
    // A number that ends a sentence mid-line still ends it.
    CHECK(sentence_line("참가 팀은 5. 결과는 다음 달") == "참가 팀은 5. || 결과는 다음 달");
}

TEST_CASE("a long run of marks splits once and in linear time", "[text][sentences]") {
    std::string input = "정말이다";
    for (int i = 0; i < 100000; ++i) input += "?!";
    input += " 다음이다.";
    const NormalizedText text = identity_text(input);
    const TokenizedText tokens = tokenize(text);
    REQUIRE(tokens.sentences.size() == 2);
    CHECK(tokens.tokens[tokens.sentences[1].first_token].text(text) == "다음");
}

TEST_CASE("no sentence ends inside numbers, names, ellipses, addresses or abbreviations", "[text][sentences]") {
    for (const char* whole : {"평균 72.03점을 달성했다.", "'A.X K1'을 공개했다.", "2.5배 빠르고 1.5조원이 든다.",
                              "5개팀 1차 발표회...1월중 탈락팀 결과발표", "베일 벗었다…5개 정예팀 총출동",
                              "Copyright @ NEWSTREE All rights reserved.", "Anthropic Inc. 는 Dr. Kim 과 J. R. 씨를 만났다.",
                              "문의는 sjpark@heraldcorp.com 으로, 원문은 https://n.news.naver.com/a/016 참조.",
                              "지난 2025. 12. 30. 발표했다.", "버전 3.5.1 공개."}) {
        INFO(whole);
        CHECK(sentence_line(whole) == whole);
    }
}

TEST_CASE("a quotation and its attribution stay one sentence", "[text][sentences]") {
    CHECK(sentence_line("그는 \"첫째다. 둘째다.\"라고 말했다. 다음이다.") ==
          "그는 \"첫째다. 둘째다.\"라고 말했다. || 다음이다.");
    CHECK(sentence_line("그는 \"모두가 승자다.\"라며 \"도약할 것이다.\"고 강조했다.이어 말했다.") ==
          "그는 \"모두가 승자다.\"라며 \"도약할 것이다.\"고 강조했다. || 이어 말했다.");
    CHECK(sentence_line("“승자도 패자도 없다. 지원하겠다”라고 말했다.") ==
          "“승자도 패자도 없다. 지원하겠다”라고 말했다.");
    CHECK(sentence_line("\"정예팀 모두가 승자다.'라며 강조했다.") == "\"정예팀 모두가 승자다.'라며 강조했다.");
    // A quotation without an attribution ends its sentence as usual.
    CHECK(sentence_line("그는 \"끝났다. 정말이다.\" 다음이다.") == "그는 \"끝났다. || 정말이다.\" || 다음이다.");
    // An unclosed quotation keeps no sentence together.
    CHECK(sentence_line("그는 \"끝나지 않는다. 다음이다. 또 다음이다.") ==
          "그는 \"끝나지 않는다. || 다음이다. || 또 다음이다.");
}

TEST_CASE("the seed article 002 splits into its sentences", "[text][sentences][seed]") {
    std::ifstream in(KFACTS_SOURCE_DIR "/data/seeds/002_d8991b5d25716180.txt", std::ios::binary);
    REQUIRE(in);
    std::stringstream content;
    content << in.rdbuf();
    const std::string source = content.str();
    const NormalizedText text = identity_text(source);  // plain UTF-8, no entities, no front matter
    const TokenizedText tokens = tokenize(text);

    std::size_t mentions = 0;
    for (std::size_t at = source.find("SK텔레콤"); at != std::string::npos; at = source.find("SK텔레콤", at + 1)) ++mentions;
    std::size_t name_tokens = 0;
    for (const Token& token : tokens.tokens) {
        REQUIRE(source.substr(text.to_source(token.norm_start, token.norm_end).start, token.norm_end - token.norm_start) ==
                token.text(text));
        if (token.text(text) == "SK텔레콤") {
            CHECK(token.kind == TokenKind::hangul);
            ++name_tokens;
        }
    }
    CHECK(mentions == 2);
    CHECK(name_tokens == mentions);

    const auto sentence = [&](std::size_t i) {
        const Sentence& s = tokens.sentences.at(i);
        const ByteSpan span = text.to_source(s.norm_start, s.norm_end);
        return source.substr(span.start, span.size());
    };
    REQUIRE(tokens.sentences.size() == 35);
    CHECK(sentence(0) == "5개팀 1차 발표회...1월중 탈락팀 결과발표");
    CHECK(sentence(5) ==
          "배경훈 부총리는 축사를 통해 \"AI모델 개발에 매진해온 정예팀 모두가 승자'라며 \"이번 도전이 대한민국을 AI "
          "강국으로 도약시키고, 경제·사회 전반의 AX 대전환을 완성하는 데 결정적 동력이 될 것\"이라고 강조했다.");
    CHECK(sentence(6) == "이어 \"정부와 민간이 함께 힘을 모아 지속가능한 AI 생태계를 만들어 나가자\"고 당부했다.");
    CHECK(sentence(11) ==
          "SK텔레콤 정예팀은 매개변수 500B(5000억개) 규모의 초거대 AI 모델 'A.X K1'(에이닷엑스 케이원)을 공개했다.");
    CHECK(sentence(18).starts_with("LG팀은 \"K-엑사원은 1차 평가 벤치마크 13종의 평균점수에서 72.03점을"));
    CHECK(sentence(34) == "Copyright @ NEWSTREE All rights reserved.");
    // The trailing blank lines make no sentence.
    CHECK(tokens.sentences.back().end_token == tokens.tokens.size());
}
