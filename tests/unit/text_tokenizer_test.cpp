#include <catch2/catch.hpp>

#include <vector>

#include "text_test_support.h"

using namespace kfacts;
using namespace kfacts::testing;

namespace {

struct KindAndText {
    TokenKind kind;
    std::string text;
    friend bool operator==(const KindAndText&, const KindAndText&) = default;
};

std::vector<KindAndText> kinds_and_texts(std::string_view input) {
    const NormalizedText text = identity_text(input);
    std::vector<KindAndText> result;
    for (const Token& token : tokenize(text).tokens) result.push_back({token.kind, std::string(token.text(text))});
    return result;
}

// Checks what every tokenisation must satisfy.
void check_invariants(const NormalizedText& text, const TokenizedText& tokens) {
    std::size_t previous_end = 0;
    for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
        const Token& token = tokens.tokens[i];
        INFO("token " << i << " " << token.text(text));
        REQUIRE(token.norm_start < token.norm_end);
        REQUIRE(token.norm_end <= text.text.size());
        REQUIRE(token.norm_start >= previous_end);
        // Only whitespace lies between tokens, and space_before says whether any does.
        const std::string_view gap = std::string_view(text.text).substr(previous_end, token.norm_start - previous_end);
        CHECK(gap.find_first_not_of(" \t\n") == std::string_view::npos);
        if (i > 0) CHECK(token.space_before == !gap.empty());
        previous_end = token.norm_end;
        // Words, numbers and particles hold no brace: annotate labels them
        // with their text as it is (a brace in a label is written '?').
        if (token.kind != TokenKind::symbol && token.kind != TokenKind::quote) {
            CHECK(token.text(text).find_first_of("{}") == std::string_view::npos);
        }
        const Eojeol& eojeol = tokens.eojeols.at(token.eojeol);
        CHECK(eojeol.first_token <= i);
        CHECK(i < eojeol.end_token);
    }
    CHECK(std::string_view(text.text).substr(previous_end).find_first_not_of(" \t\n") == std::string_view::npos);
    std::size_t next_token = 0;
    for (const Sentence& sentence : tokens.sentences) {
        CHECK(sentence.first_token == next_token);
        REQUIRE(sentence.first_token < sentence.end_token);
        CHECK(sentence.norm_start == tokens.tokens[sentence.first_token].norm_start);
        CHECK(sentence.norm_end == tokens.tokens[sentence.end_token - 1].norm_end);
        next_token = sentence.end_token;
    }
    CHECK(next_token == tokens.tokens.size());
}

}  // namespace

TEST_CASE("a name mixing Latin and Hangul is one stem token", "[text][tokens]") {
    CHECK(kinds_and_texts("SK텔레콤은") ==
          std::vector<KindAndText>{{TokenKind::hangul, "SK텔레콤"}, {TokenKind::particle, "은"}});
    CHECK(kinds_and_texts("LG AI연구원만의") == std::vector<KindAndText>{{TokenKind::latin, "LG"},
                                                                          {TokenKind::hangul, "AI연구원"},
                                                                          {TokenKind::particle, "만의"}});
    CHECK(kinds_and_texts("업스테이지팀은") == std::vector<KindAndText>{{TokenKind::hangul, "업스테이지"},
                                                                          {TokenKind::hangul, "팀"},
                                                                          {TokenKind::particle, "은"}});
    CHECK(kinds_and_texts("챗GPT를") ==
          std::vector<KindAndText>{{TokenKind::hangul, "챗GPT"}, {TokenKind::particle, "를"}});
}

TEST_CASE("numbers keep digits, separators, decimals and multipliers together", "[text][tokens]") {
    CHECK(kinds_and_texts("5190억개") ==
          std::vector<KindAndText>{{TokenKind::number, "5190억"}, {TokenKind::hangul, "개"}});
    CHECK(kinds_and_texts("2,360억") == std::vector<KindAndText>{{TokenKind::number, "2,360억"}});
    CHECK(kinds_and_texts("72.03점") ==
          std::vector<KindAndText>{{TokenKind::number, "72.03"}, {TokenKind::hangul, "점"}});
    CHECK(kinds_and_texts("500B(5000억개)") ==
          std::vector<KindAndText>{{TokenKind::number, "500B"}, {TokenKind::symbol, "("},
                                   {TokenKind::number, "5000억"}, {TokenKind::hangul, "개"},
                                   {TokenKind::symbol, ")"}});
    CHECK(kinds_and_texts("1조 2천억") ==
          std::vector<KindAndText>{{TokenKind::number, "1조"}, {TokenKind::number, "2천억"}});
    CHECK(kinds_and_texts("1조2천억원") ==
          std::vector<KindAndText>{{TokenKind::number, "1조2천억"}, {TokenKind::hangul, "원"}});
    CHECK(kinds_and_texts("95%") == std::vector<KindAndText>{{TokenKind::number, "95"}, {TokenKind::symbol, "%"}});
    // A comma that groups no thousands separates.
    CHECK(token_line("1,2차") == "1|,|2|차");
    CHECK(token_line("1,0000") == "1|,|0000");
    // Latin letters after digits make a name, not a number with a multiplier.
    CHECK(kinds_and_texts("3D") == std::vector<KindAndText>{{TokenKind::latin, "3D"}});
    CHECK(kinds_and_texts("2025-12-29") == std::vector<KindAndText>{{TokenKind::number, "2025-12-29"}});
}

TEST_CASE("Latin names with dots, hyphens and colons stay whole", "[text][tokens]") {
    for (const char* name : {"A.X", "K1", "GPT-OSS", "GPT-4o", "HyperCLOVA", "Mi:dm", "gpt-oss-120b", "Qwen3", "B200",
                             "Mixture-of-Expert", "Humanity's", "Humanity’s"}) {
        INFO(name);
        CHECK(kinds_and_texts(name) == std::vector<KindAndText>{{TokenKind::latin, name}});
    }
    // Joiners need a letter or digit on both sides.
    CHECK(token_line("A.") == "A|.");
    CHECK(token_line("-A-") == "-|A|-");
    CHECK(token_line("AI-") == "AI|-");
    CHECK(token_line("10:30분") == "10:30|분");
    // An ampersand between Latin letters is part of the word.
    CHECK(token_line("H&B랩스는 R&D와 A & B") == "H&B랩스+는|R&D+와|A|&|B");
    // An apostrophe between Hangul and Latin is a quotation mark.
    CHECK(kinds_and_texts("'SKT'는").at(0).kind == TokenKind::quote);
}

TEST_CASE("URLs and e-mail addresses are one token", "[text][tokens]") {
    CHECK(token_line("박세정 sjpark@heraldcorp.com") == "박세정|sjpark@heraldcorp.com");
    CHECK(token_line("[원문 보기](https://n.news.naver.com/mnews/article/016/0002578287)*") ==
          "[|원문|보기|]|(|https://n.news.naver.com/mnews/article/016/0002578287|)|*");
    CHECK(token_line("www.etnews.com.") == "www.etnews.com|.");
    CHECK(token_line("Copyright @ NEWSTREE") == "Copyright|@|NEWSTREE");
}

TEST_CASE("particles split only where the lexicon's rules allow", "[text][tokens]") {
    CHECK(token_line("국가는 평가를 마쳤다") == "국가+는|평가+를|마쳤다");
    CHECK(token_line("K-엑사원은 성능과 효율성을") == "K-엑사원+은|성능+과|효율성+을");
    CHECK(token_line("'K-엑사원'(EXAONE)을") == "'|K-엑사원|'|(|EXAONE|)+을");
    CHECK(token_line("GPT-OSS 120B(69.79점)와의") == "GPT-OSS|120B|(|69.79|점|)+와의");
    CHECK(token_line("\"…했다\"며 \"…\"고") == "\"|…|했다|\"+며|\"|…|\"+고");
    // A plus closes a name as a parenthesis does (HumanEval+, LG U+), not a
    // word after it (KT+마이크로소프트).
    CHECK(token_line("HumanEval+에서 LG U+는 KT+마이크로소프트") == "HumanEval|++에서|LG|U|++는|KT|+|마이크로소프트");
    // 고 and 며 are particles only after a closing mark.
    CHECK(token_line("최고 강조하며") == "최고|강조하며");
}

TEST_CASE("a short single-quoted name keeps the syllables that look like particles", "[text][tokens]") {
    // A version or a size after the word, or the word alone between the marks.
    CHECK(token_line("'노노나 1.5 8B'는") == "'|노노나|1.5|8B|'+는");
    CHECK(token_line("‘미라이’를") == "‘|미라이|’+를");
    // The last word of a name of a few words, no other particle in it.
    CHECK(token_line("'가람 오메가'를") == "'|가람|오메가|'+를");
    CHECK(token_line("'모두의 오메가'를") == "'|모두+의|오메+가|'+를");
    // One syllable that opens a name of more words.
    CHECK(token_line("'베가 옴니(VEGA Omni)'가") == "'|베가|옴니|(|VEGA|Omni|)|'+가");
    CHECK(token_line("'내가 만든 모델이'") == "'|내+가|만든|모델+이|'");
    // A phrase keeps its particles, and so does an unpaired mark.
    CHECK(token_line("'한국어를 잘하는' 모델") == "'|한국어+를|잘하는|'|모델");
    CHECK(token_line("'노노나 1.5") == "'|노노+나|1.5");
    // A double quotation is speech, not a name.
    CHECK(token_line("\"노노나 2\"를") == "\"|노노+나|2|\"+를");
    const NormalizedText text = identity_text("'노노나 1.5 8B'는 '미라이'와 겨룬다");
    const TokenizedText tokens = tokenize(text);
    check_invariants(text, tokens);
    for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
        const Token& token = tokens.tokens[i];
        if (token.kind != TokenKind::quote) continue;
        INFO("mark " << i);
        REQUIRE(token.pair >= 0);
        CHECK(tokens.tokens[static_cast<std::size_t>(token.pair)].pair == static_cast<std::int64_t>(i));
        CHECK(tokens.tokens[static_cast<std::size_t>(token.pair)].kind == TokenKind::quote);
    }
}

TEST_CASE("eojeols break at whitespace and at sentence starts", "[text][tokens]") {
    const NormalizedText text = identity_text("시작됐다.5개 팀 중 'A.X K1'을");
    const TokenizedText tokens = tokenize(text);
    check_invariants(text, tokens);
    REQUIRE(tokens.eojeols.size() == 6);
    const auto eojeol_text = [&](std::size_t e) {
        return std::string_view(text.text).substr(tokens.eojeols[e].norm_start,
                                                  tokens.eojeols[e].norm_end - tokens.eojeols[e].norm_start);
    };
    CHECK(eojeol_text(0) == "시작됐다.");
    CHECK(eojeol_text(1) == "5개");
    CHECK(eojeol_text(4) == "'A.X");
    CHECK(eojeol_text(5) == "K1'을");
    const Eojeol& last = tokens.eojeols[5];
    CHECK(tokens.tokens[last.stem_first_token].text(text) == "K1");
    CHECK(last.stem_end_token == last.stem_first_token + 1);
    CHECK(tokens.tokens[last.end_token - 1].kind == TokenKind::particle);
    const Eojeol& quoted = tokens.eojeols[4];
    CHECK(tokens.tokens[quoted.stem_first_token].text(text) == "A.X");
    CHECK(quoted.stem_end_token == quoted.end_token);
}

TEST_CASE("eojeol spans map stem and whole eojeol to source bytes", "[text][tokens]") {
    // source: `&quot;SK텔레콤&quot;은 말했다`, normalised: `"SK텔레콤"은 말했다`
    const std::string source = "&quot;SK텔레콤&quot;은 말했다";
    NormalizedText text;
    text.text = "\"SK텔레콤\"은 말했다";
    const std::size_t name = std::string_view("SK텔레콤").size();
    text.map.add_replacement(0, 1, 0, 6);
    text.map.add_copy(1, 6, name);
    text.map.add_replacement(1 + name, 2 + name, 6 + name, 12 + name);
    text.map.add_copy(2 + name, 12 + name, text.text.size() - (2 + name));
    const TokenizedText tokens = tokenize(text);
    check_invariants(text, tokens);
    const EojeolSpans spans = eojeol_source_spans(text, tokens, 0);
    CHECK(source.substr(spans.stem.start, spans.stem.size()) == "SK텔레콤");
    CHECK(source.substr(spans.whole.start, spans.whole.size()) == "&quot;SK텔레콤&quot;은");
    const EojeolSpans verb = eojeol_source_spans(text, tokens, 1);
    CHECK(source.substr(verb.stem.start, verb.stem.size()) == "말했다");
    CHECK(verb.stem == verb.whole);
}

TEST_CASE("odd input tokenises without losing a byte", "[text][tokens]") {
    for (const std::string& input : {std::string(), std::string(" \n\t "), std::string("\xFF\xFE 깨진\xE0\x80 바이트"),
                                    std::string("e\xCC\x81t\xC3\xA9 ☺\xEF\xB8\x8F 한국어"),
                                    std::string("中國語와 日本語の テキスト"), std::string(".....!!!???"),
                                    std::string("\"\"''“”‘’「」『』《》〈〉«»"),
                                    std::string("{A}는 a{b}c 3{4}점 {한국}{어}를 http://x.kr/{id}가 www.a{b} a@b{c}")}) {
        INFO(input);
        const NormalizedText text = identity_text(input);
        check_invariants(text, tokenize(text));
    }
    CHECK(token_line("e\xCC\x81t") == "e\xCC\x81t");  // a combining mark stays in its word
    CHECK(kinds_and_texts("中國語와").at(0).kind == TokenKind::hangul);
    CHECK(token_line("中國語와") == "中國語+와");
}

TEST_CASE("a seed article tokenises with spans that match the file", "[text][tokens][seed]") {
    const NormalizedText text = identity_text(R"(SK텔레콤 정예팀은 매개변수 500B(5000억개) 규모의 초거대 AI 모델 'A.X K1'(에이닷엑스 케이원)을 공개했다.)");
    const TokenizedText tokens = tokenize(text);
    check_invariants(text, tokens);
    CHECK(token_line(text, tokens) ==
          "SK텔레콤|정예|팀+은|매개변수|500B|(|5000억|개|)|규모+의|초거대|AI|모델|'|A.X|K1|'|(|에이닷엑스|케이원|)+을|공개했다|.");
}

TEST_CASE("token kinds have names", "[text][tokens]") {
    CHECK(token_kind_name(TokenKind::hangul) == "hangul");
    CHECK(token_kind_name(TokenKind::latin) == "latin");
    CHECK(token_kind_name(TokenKind::number) == "number");
    CHECK(token_kind_name(TokenKind::symbol) == "symbol");
    CHECK(token_kind_name(TokenKind::quote) == "quote");
    CHECK(token_kind_name(TokenKind::particle) == "particle");
}

TEST_CASE("the token listing shows sentences, tokens and spans", "[text][listing]") {
    const NormalizedText text = identity_text("SKT는 \"좋다\"고 했다.\n끝");
    const TokenizedText tokens = tokenize(text);
    std::string listing;
    write_token_listing(listing, text, tokens);
    CHECK(listing ==
          "sentence 0 [0,26) SKT는 \"좋다\"고 했다.\n"
          "  t0 latin    SKT            [0,3) e0\n"
          "  t1 particle +는            [3,6) e0\n"
          "  t2 quote    _\"             [7,8) e1 opens pair=t4\n"
          "  t3 hangul   좋다           [8,14) e1\n"
          "  t4 quote    \"              [14,15) e1 closes pair=t2\n"
          "  t5 particle +고            [15,18) e1\n"
          "  t6 hangul   _했다          [19,25) e2\n"
          "  t7 symbol   .              [25,26) e2\n"
          "sentence 1 [27,30) 끝\n"
          "  t8 hangul   _끝            [27,30) e3\n");
}
