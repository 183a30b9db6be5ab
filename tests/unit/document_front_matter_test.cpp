#define CATCH_CONFIG_ENABLE_OPTIONAL_STRINGMAKER
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "document/document.h"
#include "document/front_matter.h"

using namespace kfacts;

namespace {

std::string seed_path(const std::string& name) { return KFACTS_SOURCE_DIR "/data/seeds/" + name + ".txt"; }

Document read_seed(const std::string& name) {
    std::ifstream in(seed_path(name), std::ios::binary);
    REQUIRE(in);
    std::stringstream content;
    content << in.rdbuf();
    return read_document_bytes(seed_path(name), content.str());
}

std::size_t count_at_least(const Document& doc, Severity level) {
    std::size_t n = 0;
    for (const Diagnostic& d : doc.diagnostics) n += d.level >= level;
    return n;
}

const Diagnostic* find(const Document& doc, DiagnosticCode code) {
    for (const Diagnostic& d : doc.diagnostics)
        if (d.code == code) return &d;
    return nullptr;
}

}  // namespace

TEST_CASE("front matter of the seeds", "[document][frontmatter]") {
    struct Expected {
        const char* file;
        const char* id;
        const char* title;
        const char* publisher;
        const char* author;
        const char* url;
    };
    const Expected seeds[] = {
        {"000_fd57b762e0ac98e8", "016_0002578287", "국가대표\u2009AI ‘옥석 가리기’ 30일 첫 탈락 카운트다운", "헤럴드경제",
         "박세정 sjpark@heraldcorp.com", "https://n.news.naver.com/mnews/article/016/0002578287"},
        {"001_15f6b37683b40829", "015_0005230666", "'국가대표 AI' 프로젝트 베일 벗었다…5개 정예팀 '총출동'", "한국경제",
         "박수빈 한경닷컴 기자 waterbean@hankyung.com", "https://n.news.naver.com/mnews/article/015/0005230666"},
        {"003_b882bdb92e705718", "018_0006192217",
         "국가대표 AI, LG는 '성능' 네이버는 '추론' SKT는 '범용성' 초점", "이데일리", "김아름(autumn@edaily.co.kr)",
         "https://n.news.naver.com/mnews/article/018/0006192217"},
        {"004_909e29f04e392b0c", "030_0003385389",
         "독자 AI 파운데이션 모델 5종 공개…'글로벌 톱10 도약' 민·관 모든 역량 집중", "전자신문",
         "박종진 truth@etnews.com", "https://n.news.naver.com/mnews/article/030/0003385389"},
    };
    for (const Expected& e : seeds) {
        INFO(e.file);
        const Document doc = read_seed(e.file);
        CHECK(doc.meta.id == e.id);
        CHECK(doc.meta.title == std::optional<std::string>(e.title));
        CHECK(doc.meta.publisher == std::optional<std::string>(e.publisher));
        CHECK(doc.meta.author == std::optional<std::string>(e.author));
        CHECK(doc.meta.url == std::optional<std::string>(e.url));
        CHECK(doc.meta.published_at.has_value());
        CHECK(doc.meta.path == seed_path(e.file));
        // The body starts right after the closing line, and front matter is never analysed.
        REQUIRE(doc.body_start > 4);
        CHECK(doc.source.substr(doc.body_start - 4, 4) == "---\n");
        CHECK(doc.text.text.rfind("\n# ", 0) == 0);
        CHECK(doc.text.text.find("content_hash") == std::string::npos);
        CHECK(doc.text.to_source(0, 1).start == doc.body_start);
        // The crawler's tab-indented author block is worth a note, not a warning.
        CHECK(find(doc, DiagnosticCode::frontmatter_tab_indent) != nullptr);
        CHECK(count_at_least(doc, Severity::warning) == 0);
    }
}

TEST_CASE("a seed without front matter is all body, named after its file", "[document][frontmatter]") {
    const Document doc = read_seed("002_d8991b5d25716180");
    CHECK(doc.meta.id == "002_d8991b5d25716180");
    CHECK_FALSE(doc.meta.title.has_value());
    CHECK_FALSE(doc.meta.url.has_value());
    CHECK(doc.body_start == 0);
    CHECK(doc.text.text.rfind("5개팀 1차 발표회", 0) == 0);
    CHECK(doc.diagnostics.empty());
}

TEST_CASE("published_at and publisher of a seed", "[document][frontmatter]") {
    const Document doc = read_seed("000_fd57b762e0ac98e8");
    CHECK(doc.meta.published_at == std::optional<std::string>("2025-12-29 00:00"));
}

TEST_CASE("an unterminated block is reported and the whole file is body", "[document][frontmatter]") {
    const Document doc = read_document_bytes("dir/article.txt", "---\nid: x\ntitle: y\n본문입니다\n");
    CHECK(doc.meta.id == "article");
    CHECK_FALSE(doc.meta.title.has_value());
    CHECK(doc.body_start == 0);
    CHECK(doc.text.text == doc.source);
    const Diagnostic* d = find(doc, DiagnosticCode::frontmatter_unterminated);
    REQUIRE(d);
    CHECK(d->level == Severity::warning);
    CHECK(doc.diagnostics.size() == 1);  // no line-by-line noise about the body
    CHECK_FALSE(doc.has_error());
}

TEST_CASE("garbage lines are reported with their line, the rest is read", "[document][frontmatter]") {
    const std::string source =
        "---\n"
        "id: abc\n"
        "this line is no key value\n"
        "title: \"a &amp; b &quot;q&quot; \\\"esc\\\"\"\n"
        "category: \n"
        "publisher:헤럴드\n"
        "id: second\n"
        "\tcontinued duplicate\n"
        "author:\n"
        "\t\t\n"
        "\t\t\t박세정   기자\n"
        "  \tsjpark@heraldcorp.com  \n"
        "---\n"
        "본문\n";
    const Document doc = read_document_bytes("x.txt", source);
    CHECK(doc.meta.id == "abc");
    CHECK(doc.meta.title == std::optional<std::string>("a & b \"q\" \"esc\""));
    CHECK(doc.meta.publisher == std::optional<std::string>("헤럴드"));
    CHECK(doc.meta.author == std::optional<std::string>("박세정 기자 sjpark@heraldcorp.com"));
    CHECK(doc.text.text == "본문\n");

    const Diagnostic* malformed = find(doc, DiagnosticCode::frontmatter_malformed);
    REQUIRE(malformed);
    CHECK_THAT(malformed->message, Catch::Contains("line 3"));
    REQUIRE(malformed->span);
    CHECK(source.substr(malformed->span->start, malformed->span->size()) == "this line is no key value");
    const Diagnostic* duplicate = find(doc, DiagnosticCode::frontmatter_duplicate_key);
    REQUIRE(duplicate);
    CHECK_THAT(duplicate->message, Catch::Contains("line 7"));
    CHECK_FALSE(doc.has_error());

    std::vector<Diagnostic> diagnostics;
    const FrontMatter front = parse_front_matter(source, diagnostics);
    REQUIRE(front.find("category"));
    CHECK(front.find("category")->empty());
    CHECK(front.fields.size() == 5);
}

TEST_CASE("a crawler's key indented with a tab is a key, its continuation lines are not", "[document][frontmatter]") {
    const std::string source =
        "---\nid: h01\n\ttitle: \"가람 2 공개\"\n\tpublisher:\t넥스트데일리\nauthor: \n\t\t\n\t\t\t오 기자\n"
        "\turl: https://example.com/a\n\tid: again\n\t14:40 note: seen\n---\nbody\n";
    const Document doc = read_document_bytes("h.txt", source);
    CHECK(doc.meta.id == "h01");
    CHECK(doc.meta.title == std::optional<std::string>("가람 2 공개"));
    CHECK(doc.meta.publisher == std::optional<std::string>("넥스트데일리"));
    // A key given before, or a line that is no crawler's key, continues the value above.
    CHECK(doc.meta.url == std::optional<std::string>("https://example.com/a id: again 14:40 note: seen"));
    CHECK(doc.meta.author == std::optional<std::string>("오 기자"));
    const Diagnostic* note = find(doc, DiagnosticCode::frontmatter_tab_indent);
    REQUIRE(note);
    CHECK(note->level == Severity::info);
    // Spaces indent a nested map, whose keys stay words of the value above.
    const Document nested = read_document_bytes(
        "n.txt", "---\nid: fm1\nauthor:\n  url: https://example.com/oh\nurl: https://example.com/a\n---\nbody\n");
    CHECK(nested.meta.url == std::optional<std::string>("https://example.com/a"));
}

TEST_CASE("front matter with CRLF line ends and a BOM", "[document][frontmatter]") {
    const std::string source = "\xEF\xBB\xBF---\r\nid: crlf\r\ntitle: 'single quoted'\r\n---\r\nbody\r\n";
    const Document doc = read_document_bytes("c.txt", source);
    CHECK(doc.meta.id == "crlf");
    CHECK(doc.meta.title == std::optional<std::string>("single quoted"));
    CHECK(doc.source.substr(doc.body_start) == "body\r\n");
    CHECK(doc.text.text == "body\n");
}

TEST_CASE("a --- rule around prose is not front matter", "[document][frontmatter]") {
    const Document doc = read_document_bytes("rule.txt", "---\n그냥 문장입니다.\n---\n다음 문단\n");
    CHECK(doc.body_start == 0);
    CHECK(doc.meta.id == "rule");
    CHECK(doc.text.text.find("그냥 문장입니다.") != std::string::npos);
    CHECK(find(doc, DiagnosticCode::frontmatter_malformed) != nullptr);
}

TEST_CASE("a --- line that is not the first line starts no front matter", "[document][frontmatter]") {
    const Document doc = read_document_bytes("late.txt", "제목\n---\nid: x\n---\n");
    CHECK(doc.body_start == 0);
    CHECK(doc.meta.id == "late");
    CHECK(doc.diagnostics.empty());
}
