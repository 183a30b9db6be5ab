#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "document/html_entities.h"
#include "document/normalized_text.h"

using namespace kfacts;

namespace {

struct Normalized {
    std::string source;
    NormalizedText text;
    std::vector<Diagnostic> diagnostics;

    // The original bytes behind the first occurrence of `needle` in the normalised text.
    std::string source_of(std::string_view needle) const {
        const std::size_t at = text.text.find(needle);
        REQUIRE(at != std::string::npos);
        const ByteSpan span = text.to_source(at, at + needle.size());
        return source.substr(span.start, span.size());
    }

    std::size_t count(DiagnosticCode code) const {
        std::size_t n = 0;
        for (const Diagnostic& d : diagnostics) n += d.code == code;
        return n;
    }
};

Normalized normalize(std::string source) {
    Normalized result;
    result.source = std::move(source);
    result.text = normalize_text(result.source, 0, result.source.size(), result.diagnostics);
    return result;
}

std::size_t count_replacement_characters(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t at = text.find("\xEF\xBF\xBD"); at != std::string_view::npos; at = text.find("\xEF\xBF\xBD", at + 3))
        ++n;
    return n;
}

}  // namespace

TEST_CASE("ASCII and Hangul are copied in one piece", "[document][normalize]") {
    const auto n = normalize("LG AI연구원은 K-엑사원을 공개했다.\n둘째 줄");
    CHECK(n.text.text == n.source);
    CHECK(n.diagnostics.empty());
    REQUIRE(n.text.map.pieces().size() == 1);
    CHECK(n.text.map.pieces()[0].copy);
}

TEST_CASE("an entity is one replacement piece, so spans cover it whole", "[document][normalize][entity]") {
    const auto n = normalize("SKT는 &#x27;A.X K1&#x27;을 &quot;공개&quot;했다 &amp; 끝");
    CHECK(n.text.text == "SKT는 'A.X K1'을 \"공개\"했다 & 끝");
    CHECK(n.source_of("'A.X K1'") == "&#x27;A.X K1&#x27;");
    CHECK(n.source_of("\"공개\"") == "&quot;공개&quot;");
    CHECK(n.source_of("&") == "&amp;");
    CHECK(n.source_of("A.X") == "A.X");
    CHECK(n.diagnostics.empty());
}

TEST_CASE("numeric references, decimal and hex", "[document][normalize][entity]") {
    CHECK(normalize("&#39;&#x27;&#X27;&#0000039;").text.text == "''''");
    CHECK(normalize("&#54620;&#xAE00;").text.text == "한글");
    CHECK(normalize("&#128512;").text.text == "\xF0\x9F\x98\x80");
    // HTML maps &#128;..&#159; to windows-1252.
    CHECK(normalize("&#150;&#x80;").text.text == "\xE2\x80\x93\xE2\x82\xAC");
}

TEST_CASE("&amp;amp; decodes once", "[document][normalize][entity]") {
    const auto n = normalize("&amp;amp;");
    CHECK(n.text.text == "&amp;");
    CHECK(n.source_of("&amp;") == "&amp;amp;");
}

TEST_CASE("references naming no character become U+FFFD with a diagnostic", "[document][normalize][entity]") {
    for (const std::string reference : {"&#0;", "&#1114112;", "&#x110000;", "&#xD800;", "&#55296;", "&#xDFFF;",
                                        "&#99999999999;", "&#x99999999999999999999;", "&#1;", "&#x7F;", "&#x81;"}) {
        INFO(reference);
        const auto n = normalize("a" + reference + "b");
        CHECK(n.text.text == "a\xEF\xBF\xBD" "b");
        REQUIRE(n.diagnostics.size() == 1);
        CHECK(n.diagnostics[0].code == DiagnosticCode::entity_invalid);
        CHECK(n.diagnostics[0].level == Severity::warning);
        CHECK(n.diagnostics[0].span == ByteSpan{1, 1 + reference.size()});
        CHECK(n.source_of("\xEF\xBF\xBD") == reference);
    }
}

TEST_CASE("unknown and incomplete references stay as written", "[document][normalize][entity]") {
    const auto unknown = normalize("x &bogus; y");
    CHECK(unknown.text.text == "x &bogus; y");
    REQUIRE(unknown.diagnostics.size() == 1);
    CHECK(unknown.diagnostics[0].code == DiagnosticCode::entity_unknown);
    CHECK(unknown.diagnostics[0].level == Severity::info);
    CHECK(unknown.diagnostics[0].span == ByteSpan{2, 9});

    for (const std::string text : {"AT&T", "a & b", "&", "&#", "&#;", "&#x;", "&#12", "&amp", "&#x27 x", "R&D;"}) {
        INFO(text);
        const auto n = normalize(text);
        CHECK(n.text.text == text);
        CHECK(n.count(DiagnosticCode::entity_invalid) == 0);
    }
}

TEST_CASE("the whole HTML5 table is loaded", "[document][normalize][entity]") {
    CHECK(normalize("&CounterClockwiseContourIntegral;").text.text == "\xE2\x88\xB3");
    CHECK(normalize("&hellip;&nbsp;&middot;&lsquo;&rsquo;").text.text == "... \xC2\xB7\xE2\x80\x98\xE2\x80\x99");
    // Two code points in one reference: U+2242 U+0338.
    const auto two = normalize("&NotEqualTilde;");
    CHECK(two.text.text == "\xE2\x89\x82\xCC\xB8");
    CHECK(two.text.map.pieces().size() == 1);
}

TEST_CASE("a broken entity table is refused with its line", "[document][entity]") {
    const std::string path =
        (std::filesystem::temp_directory_path() / ("kfacts_entities_" + std::to_string(::getpid()) + ".tsv")).string();
    {
        std::ofstream out(path);
        out << "# comment\n&amp;\t0026\n&bad\t0041\n";
    }
    CHECK_THROWS_WITH(HtmlEntityTable::load(path), Catch::Contains(path + ":3:"));
    {
        std::ofstream out(path);
        out << "&amp;\t0026\n&x;\tZZ\n";
    }
    CHECK_THROWS_AS(HtmlEntityTable::load(path), EntityTableError);
    std::remove(path.c_str());
    CHECK_THROWS_AS(HtmlEntityTable::load(path), EntityTableError);
}

TEST_CASE("CRLF and lone CR become LF", "[document][normalize]") {
    const auto n = normalize("a\r\nb\rc\n&#13;d");
    CHECK(n.text.text == "a\nb\nc\n\nd");
    CHECK(n.text.to_source(1, 2) == ByteSpan{1, 3});
    CHECK(n.text.to_source(3, 4) == ByteSpan{4, 5});
    CHECK(n.diagnostics.empty());
}

TEST_CASE("a BOM at the start is skipped, one mid-text is reported", "[document][normalize]") {
    const auto start = normalize("\xEF\xBB\xBF" "abc");
    CHECK(start.text.text == "abc");
    CHECK(start.diagnostics.empty());
    CHECK(start.text.to_source(0, 3) == ByteSpan{3, 6});

    const auto mid = normalize("ab\xEF\xBB\xBF" "cd");
    CHECK(mid.text.text == "abcd");
    REQUIRE(mid.diagnostics.size() == 1);
    CHECK(mid.diagnostics[0].code == DiagnosticCode::utf8_bom);
    CHECK(mid.diagnostics[0].span == ByteSpan{2, 5});
    CHECK(mid.text.to_source(2, 4) == ByteSpan{5, 7});
    CHECK(mid.text.to_source(0, 4) == ByteSpan{0, 7});

    // The start of the source, not the start of the normalised range.
    std::vector<Diagnostic> diagnostics;
    const std::string body = "x\xEF\xBB\xBF" "y";
    CHECK(normalize_text(body, 1, body.size(), diagnostics).text == "y");
    CHECK(diagnostics.size() == 1);
}

TEST_CASE("NFKC folds compatibility characters, one piece each", "[document][normalize][nfkc]") {
    const auto n = normalize("ＳＫＴ １２３점 ㎏ … ﬁ ① x\xC2\xA0y");
    CHECK(n.text.text == "SKT 123점 kg ... fi 1 x y");
    CHECK(n.source_of("SKT") == "ＳＫＴ");
    CHECK(n.source_of("2") == "２");
    CHECK(n.source_of("g") == "㎏");  // inside a replacement: the whole of it
    CHECK(n.source_of("...") == "…");
    CHECK(n.diagnostics.empty());
}

TEST_CASE("decomposed Hangul is composed", "[document][normalize][nfkc]") {
    // 각 as conjoining jamo L V T, then 가 + T, then compatibility jamo.
    const auto n = normalize("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8|\xEA\xB0\x80\xE1\x86\xA8|ㄱㅏ|한국");
    CHECK(n.text.text == "각|각|가|한국");
    CHECK(n.source_of("각") == "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8");
    CHECK(n.source_of("각|가") == "\xEA\xB0\x80\xE1\x86\xA8|ㄱㅏ");
}

TEST_CASE("combining marks join the letter before them", "[document][normalize][nfkc]") {
    const auto n = normalize("Cafe\xCC\x81 e&#x301;");
    CHECK(n.text.text == "Caf\xC3\xA9 \xC3\xA9");
    CHECK(n.source_of("\xC3\xA9") == "e\xCC\x81");
    CHECK(n.source_of("Caf") == "Caf");
    CHECK(n.source_of(" \xC3\xA9") == " e&#x301;");
}

TEST_CASE("zero-width characters are dropped silently", "[document][normalize]") {
    const auto n = normalize("A\xE2\x80\x8BI \xEA\xB5\xAD\xC2\xAD\xEA\xB0\x80 a\xE2\x81\xA0" "b&#x200B;c\xE2\x80\x8D");
    CHECK(n.text.text == "AI 국가 abc");
    CHECK(n.diagnostics.empty());
    CHECK(n.source_of("AI") == "A\xE2\x80\x8BI");
    CHECK(n.source_of("I") == "I");
    CHECK(n.source_of("국가") == "\xEA\xB5\xAD\xC2\xAD\xEA\xB0\x80");
}

TEST_CASE("bidi controls are dropped with a warning per run", "[document][normalize]") {
    const auto n = normalize("abc\xE2\x80\xAE\xE2\x81\xA6" "def&lrm;g\xE2\x80\x8F");
    CHECK(n.text.text == "abcdefg");
    REQUIRE(n.count(DiagnosticCode::text_bidi_control) == 3);
    CHECK(n.diagnostics[0].level == Severity::warning);
    CHECK(n.diagnostics[0].span == ByteSpan{3, 9});
    CHECK_THAT(n.diagnostics[0].message, Catch::Contains("2 bidirectional"));
}

TEST_CASE("NUL bytes become spaces with a diagnostic", "[document][normalize]") {
    const auto n = normalize(std::string("a\0\0b", 4));
    CHECK(n.text.text == "a  b");
    REQUIRE(n.diagnostics.size() == 1);
    CHECK(n.diagnostics[0].code == DiagnosticCode::text_nul);
    CHECK(n.diagnostics[0].span == ByteSpan{1, 3});
}

TEST_CASE("invalid UTF-8 becomes U+FFFD as Python's 'replace' counts it", "[document][normalize][utf8]") {
    // Counts from bytes.decode("utf-8", "replace").
    const std::vector<std::pair<std::string, std::size_t>> cases = {
        {"\xFF", 1}, {"\xE2\x82" "A", 1}, {"\xF0\x80\x80", 3}, {"\xED\xA0\x80", 3}, {"\xF4\x90\x80\x80", 4},
        {"\xC0\xAF", 2}, {"\xE0\x80\xAF", 3}, {"\xF0\x9F\x98", 1}, {"a\x80\x80\x80" "b", 3},
    };
    for (const auto& [bytes, expected] : cases) {
        INFO(Catch::Detail::stringify(bytes));
        const auto n = normalize(bytes);
        CHECK(count_replacement_characters(n.text.text) == expected);
        // One diagnostic for the run, naming where it starts.
        REQUIRE(n.count(DiagnosticCode::utf8_invalid) == 1);
        CHECK(n.diagnostics[0].level == Severity::warning);
        CHECK_THAT(n.diagnostics[0].message, Catch::Contains("at byte " + std::to_string(bytes[0] == 'a' ? 1 : 0)));
    }
    const auto n = normalize("ok \xE2\x82 ok");
    CHECK(n.text.text == "ok \xEF\xBF\xBD ok");
    CHECK(n.source_of("\xEF\xBF\xBD") == "\xE2\x82");
    CHECK(n.diagnostics[0].span == ByteSpan{3, 5});
}

TEST_CASE("diagnostics per code are capped, with a count of the rest", "[document][normalize][utf8]") {
    std::string source;
    for (int k = 0; k < 1000; ++k) source += "a\xFF";
    const auto n = normalize(source);
    CHECK(count_replacement_characters(n.text.text) == 1000);
    REQUIRE(n.diagnostics.size() == 21);
    CHECK_FALSE(n.diagnostics.back().span.has_value());
    CHECK_THAT(n.diagnostics.back().message, Catch::Contains("980 more utf8.invalid"));
}

TEST_CASE("offsets are offsets into the whole source", "[document][normalize]") {
    const std::string source = "front: x\n&#x27;AI&#x27;";
    std::vector<Diagnostic> diagnostics;
    const NormalizedText text = normalize_text(source, 9, source.size(), diagnostics);
    CHECK(text.text == "'AI'");
    CHECK(text.to_source(0, 4) == ByteSpan{9, source.size()});
    CHECK(text.to_source(1, 3) == ByteSpan{15, 17});
}

TEST_CASE("decode_entities decodes metadata values once", "[document][entity]") {
    CHECK(decode_entities("&#x27;국가대표 AI&#x27; 프로젝트") == "'국가대표 AI' 프로젝트");
    CHECK(decode_entities("&amp;amp; &bogus; AT&T &#0;") == "&amp; &bogus; AT&T \xEF\xBF\xBD");
    CHECK(decode_entities("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
    CHECK(decode_entities("") == "");
}
