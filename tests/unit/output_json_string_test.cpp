// JSON string escaping (append_json_string): what a reader gets back, for
// every kind of byte, whole runs and single characters alike.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"
#include "output/json_writer.h"

using namespace kfacts;

namespace {

std::string quoted(std::string_view s) {
    std::string out;
    append_json_string(out, s);
    return out;
}

std::string read_back(std::string_view s) { return nlohmann::json::parse(quoted(s)).get<std::string>(); }

}  // namespace

TEST_CASE("JSON strings escape quotes, backslashes and control characters and keep the rest") {
    CHECK(quoted("") == "\"\"");
    CHECK(quoted("카카오 '카나나 2'") == "\"카카오 '카나나 2'\"");
    CHECK(quoted("a\"b\\c") == "\"a\\\"b\\\\c\"");
    CHECK(quoted("\n\r\t") == "\"\\n\\r\\t\"");
    CHECK(quoted(std::string_view("\x00\x01\x1f", 3)) == "\"\\u0000\\u0001\\u001f\"");
    CHECK(quoted("\x7f") == "\"\x7f\"");
    CHECK(quoted("모델\"은\"") == "\"모델\\\"은\\\"\"");
}

TEST_CASE("JSON strings show ill-formed UTF-8 as U+FFFD, one for each maximal subpart") {
    CHECK(read_back("a\xff" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(read_back("\xed\xa0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
    CHECK(read_back("\xea\xb0") == "\xEF\xBF\xBD");                             // 가 cut short
    CHECK(read_back("가\xea\xb0나") == "가\xEF\xBF\xBD나");
    CHECK(read_back("\xc0\xaf\"") == "\xEF\xBF\xBD\xEF\xBF\xBD\"");              // overlong '/'
}

TEST_CASE("JSON strings read back as written, for random well-formed text") {
    // Characters of every kind the escaping treats differently, in random mixes.
    const std::vector<std::string> pieces = {"a", " ", "\"", "\\", "\n", "\t", std::string(1, '\0'), "\x1f", "\x7f",
                                             "é", "가", "\xE2\x80\x9C", "\xF0\x9F\x98\x80", "{", "}"};
    std::mt19937 random(20261205);
    for (int round = 0; round < 2000; ++round) {
        std::string s;
        const int length = static_cast<int>(random() % 24);
        for (int k = 0; k < length; ++k) s += pieces[random() % pieces.size()];
        INFO(nlohmann::json(s).dump());
        REQUIRE(read_back(s) == s);
    }
}

TEST_CASE("Pretty JSON holds the same document as JSON Lines, each span on one line") {
    const Document doc = read_document_bytes("pretty.txt", "---\ntitle: t\n---\n첫 줄\nSK텔레콤은 \"모델\"을 공개했다.\n");
    Fact team;
    team.type = FactType::team;
    team.span = {doc.source.find("SK텔레콤"), doc.source.find("SK텔레콤") + std::string_view("SK텔레콤").size()};
    team.rule = "test.rule";
    team.team = "SK텔레콤";
    Fact quote;
    quote.type = FactType::quote;
    quote.span = {doc.source.find('"'), doc.source.rfind('"') + 1};
    quote.rule = "test.rule";
    quote.quote = "모델";
    quote.speaker_span = team.span;
    std::string compact, pretty;
    append_document_json(compact, doc, {team, quote}, JsonStyle{false, false});
    append_document_json(pretty, doc, {team, quote}, JsonStyle{true, false});
    REQUIRE(std::count(compact.begin(), compact.end(), '\n') == 1);
    const nlohmann::json read = nlohmann::json::parse(compact);
    CHECK(nlohmann::json::parse(pretty) == read);
    const nlohmann::json& span = read["facts"][0]["span"];
    CHECK(span["start"] == doc.source.find("SK텔레콤"));
    CHECK(span["char_start"] == 21);  // "---\ntitle: t\n---\n" is 17 code points, "첫 줄\n" 4 more
    CHECK(span["line"] == 5);
    CHECK(span["col"] == 1);
    CHECK(read["facts"][1]["speaker_span"] == span);
    CHECK(pretty.find("\"span\": {\"start\": " + std::to_string(team.span.start) + ", \"end\": ") != std::string::npos);
    CHECK(compact.find("\"span\":{\"start\":" + std::to_string(team.span.start) + ",\"end\":") != std::string::npos);
}
