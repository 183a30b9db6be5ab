#include <catch2/catch.hpp>


#include "text/segmentation.h"
#include "text_test_support.h"

using namespace kfacts;
using namespace kfacts::testing;

namespace {

struct QuoteView {
    std::string text;
    std::int64_t pair;
    bool opens;
    friend bool operator==(const QuoteView&, const QuoteView&) = default;
};

std::ostream& operator<<(std::ostream& out, const QuoteView& quote) {
    return out << quote.text << (quote.opens ? " opens " : " closes ") << quote.pair;
}

// The quotation marks of `input`, numbered among quotation marks only.
std::vector<QuoteView> quotes_of(std::string_view input) {
    const NormalizedText text = identity_text(input);
    const TokenizedText tokens = tokenize(text);
    std::vector<std::size_t> quote_number(tokens.tokens.size(), 0);
    std::size_t count = 0;
    for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
        if (tokens.tokens[i].kind == TokenKind::quote) quote_number[i] = count++;
    }
    std::vector<QuoteView> quotes;
    for (const Token& token : tokens.tokens) {
        if (token.kind != TokenKind::quote) continue;
        const std::int64_t pair =
            token.pair < 0 ? -1 : static_cast<std::int64_t>(quote_number[static_cast<std::size_t>(token.pair)]);
        quotes.push_back({std::string(token.text(text)), pair, token.opens});
    }
    return quotes;
}

std::size_t paired_count(const TokenizedText& tokens) {
    std::size_t paired = 0;
    for (const Token& token : tokens.tokens) paired += token.kind == TokenKind::quote && token.pair >= 0;
    return paired;
}

}  // namespace

TEST_CASE("balanced quotation marks pair both ways", "[text][quotes]") {
    CHECK(quotes_of("그는 \"좋다\"고 말했다") ==
          std::vector<QuoteView>{{"\"", 1, true}, {"\"", 0, false}});
    CHECK(quotes_of("“AI 글로벌 3대 강국”이라며 “지원하겠다”라고") ==
          std::vector<QuoteView>{{"“", 1, true}, {"”", 0, false}, {"“", 3, true}, {"”", 2, false}});
    // Single marks nest inside double ones.
    CHECK(quotes_of("\"대한민국을 '아시아의 AI 수도'로 도약시키고\"고") ==
          std::vector<QuoteView>{{"\"", 3, true}, {"'", 2, true}, {"'", 1, false}, {"\"", 0, false}});
    CHECK(quotes_of("‘옥석 가리기’가") == std::vector<QuoteView>{{"‘", 1, true}, {"’", 0, false}});
    CHECK(quotes_of("「가」 『나』 《다》 〈라〉 «마»") ==
          std::vector<QuoteView>{{"「", 1, true}, {"」", 0, false}, {"『", 3, true}, {"』", 2, false},
                                 {"《", 5, true}, {"》", 4, false}, {"〈", 7, true}, {"〉", 6, false},
                                 {"«", 9, true}, {"»", 8, false}});
    // Directional marks nest.
    CHECK(quotes_of("《가 《나》 다》") ==
          std::vector<QuoteView>{{"《", 3, true}, {"《", 2, true}, {"》", 1, false}, {"》", 0, false}});
}

TEST_CASE("a double quotation closed by a single mark before an attribution pairs", "[text][quotes]") {
    const std::string input = "축사를 통해 \"정예팀 모두가 승자'라며 \"이번 도전이 동력이 될 것\"이라고 강조했다.";
    CHECK(quotes_of(input) ==
          std::vector<QuoteView>{{"\"", 1, true}, {"'", 0, false}, {"\"", 3, true}, {"\"", 2, false}});
    // Without an attribution after it, the single mark closes nothing.
    CHECK(quotes_of("\"정예팀 모두가 승자' 그리고") ==
          std::vector<QuoteView>{{"\"", -1, true}, {"'", -1, false}});
    // A double mark that closes the quotation wins over the single one.
    CHECK(quotes_of("\"모두가 'AI'라며 승자\"라고") ==
          std::vector<QuoteView>{{"\"", 3, true}, {"'", 2, true}, {"'", 1, false}, {"\"", 0, false}});
}

TEST_CASE("a curly double quotation closed by a straight one before an attribution pairs", "[text][quotes]") {
    CHECK(quotes_of("국장은 “기업 부담을 줄이도록 지원하겠다\"고 밝혔다. “먼저 상담하라”라는 설명이다.") ==
          std::vector<QuoteView>{{"“", 1, true}, {"\"", 0, false}, {"“", 3, true}, {"”", 2, false}});
    // Without an attribution after it, the straight mark closes nothing.
    CHECK(quotes_of("“부담을 줄이도록 지원하겠다\" 그리고") ==
          std::vector<QuoteView>{{"“", -1, true}, {"\"", -1, false}});
    // Unless a Hangul word, a particle or a parenthesis follows it right away.
    CHECK(quotes_of("답은 “약 600억 개가 활성화된다\"는 것이었다.") ==
          std::vector<QuoteView>{{"“", 1, true}, {"\"", 0, false}});
    CHECK(quotes_of("“두 마리 토끼를 모두 잡겠다.\"(이연수 NC AI 대표)") ==
          std::vector<QuoteView>{{"“", 1, true}, {"\"", 0, false}});
    CHECK(quotes_of("“모델 이름은 \"Orion\"이다”라고") ==
          std::vector<QuoteView>{{"“", 3, true}, {"\"", 2, true}, {"\"", 1, false}, {"”", 0, false}});
}

TEST_CASE("glyphs used the wrong way round are read by their neighbours", "[text][quotes]") {
    CHECK(quotes_of("그는 ”좋다”고 했다") == std::vector<QuoteView>{{"”", 1, true}, {"”", 0, false}});
}

TEST_CASE("unpaired marks stay unpaired and cross a paragraph only to close a quotation", "[text][quotes]") {
    // A quotation over two paragraphs: closed, with its attribution, in the second.
    CHECK(quotes_of("\"열린 따옴표\n닫는 따옴표\"라고") ==
          std::vector<QuoteView>{{"\"", 1, true}, {"\"", 0, false}});
    CHECK(quotes_of("“열린 따옴표\n닫는 따옴표”라고 말했다") == std::vector<QuoteView>{{"“", 1, true}, {"”", 0, false}});
    // No attribution, a paragraph that opens a quotation first, or a second
    // paragraph break: the marks stay apart.
    CHECK(quotes_of("\"열린 따옴표\n닫는 따옴표\" 다음") ==
          std::vector<QuoteView>{{"\"", -1, true}, {"\"", -1, false}});
    CHECK(quotes_of("“첫 문단이다.\n“둘째 문단이다”라고") ==
          std::vector<QuoteView>{{"“", -1, true}, {"“", 2, true}, {"”", 1, false}});
    CHECK(quotes_of("\"가 나\n다 라\n마 바\"라고") ==
          std::vector<QuoteView>{{"\"", -1, true}, {"\"", -1, false}});
    // The next paragraph's first mark is a single one: its quotation is its own.
    CHECK(quotes_of("\"내년에는 내겠다며 밝혔다.\n교수는 ‘규제는 최소한이어야 한다\"고 지적했다") ==
          std::vector<QuoteView>{{"\"", -1, true}, {"‘", -1, true}, {"\"", -1, false}});
    CHECK(quotes_of("“열기만 하고") == std::vector<QuoteView>{{"“", -1, true}});
    CHECK(quotes_of("닫기만 한다”") == std::vector<QuoteView>{{"”", -1, false}});
    CHECK(quotes_of("가 \" 나") == std::vector<QuoteView>{{"\"", -1, false}});
    // A stray mark does not shift the pairs after it.
    CHECK(quotes_of("\"가 \"나\"고") ==
          std::vector<QuoteView>{{"\"", -1, true}, {"\"", 2, true}, {"\"", 1, false}});
    // No apostrophe in a Latin word is a quotation mark.
    CHECK(quotes_of("Humanity's Last Exam").empty());
}

TEST_CASE("an unterminated quotation does not swallow the text after it", "[text][quotes]") {
    std::string input = "그는 \"끝나지 않는 인용이다. ";
    for (int i = 0; i < 500; ++i) input += "문장이다. ";  // 5,000 more characters
    input += "끝\"이라고";
    const NormalizedText text = identity_text(input);
    const TokenizedText tokens = tokenize(text);
    CHECK(paired_count(tokens) == 0);  // the closing mark is too far away
    CHECK(tokens.sentences.size() == 502);
}

TEST_CASE("ten thousand unclosed quotation marks stay unpaired", "[text][quotes]") {
    for (const char* mark : {"\"", "“", "「", "'"}) {
        std::string input;
        for (int i = 0; i < 10000; ++i) input += std::string(" ") + mark + "인용";
        input += "\n다음 문단이다.";
        const NormalizedText text = identity_text(input);
        const TokenizedText tokens = tokenize(text);
        INFO(mark);
        CHECK(paired_count(tokens) == 0);
        CHECK(tokens.sentences.size() == 2);
    }
}

TEST_CASE("unclosed quotation marks take linear time", "[text][quotes]") {
    // 200,000 marks: quadratic pairing would take minutes and run into the
    // test's time limit (tests/CMakeLists.txt); linear takes milliseconds.
    std::string input;
    for (int i = 0; i < 200000; ++i) input += " “인용";
    const NormalizedText text = identity_text(input);
    const TokenizedText tokens = tokenize(text);
    CHECK(paired_count(tokens) == 0);
}

TEST_CASE("pair_quotes pairs each paragraph on its own", "[text][quotes]") {
    const NormalizedText text = identity_text("\"가\"\n\"나");
    text::ScannedText scanned = text::scan_tokens(text.text, particle_lexicon());
    text::pair_quotes(text.text, scanned, particle_lexicon());
    REQUIRE(scanned.tokens.size() == 5);
    CHECK(scanned.paragraph_start == std::vector<std::uint8_t>{1, 0, 0, 1, 0});
    CHECK(scanned.tokens[0].pair == 2);
    CHECK(scanned.tokens[2].pair == 0);
    CHECK(scanned.tokens[3].pair == -1);
}
