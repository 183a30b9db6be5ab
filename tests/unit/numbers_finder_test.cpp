#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include "numbers/number_tables.h"
#include "numbers/numbers.h"
#include "numbers_test_support.h"

using namespace kfacts;
namespace fs = std::filesystem;

namespace {

const QuantityFinder& finder() {
    static const QuantityFinder loaded = QuantityFinder::load(testing::kRulesDir);
    return loaded;
}

std::vector<Quantity> find(std::string_view text) {
    std::vector<Diagnostic> diagnostics;
    auto found = finder().find(text, diagnostics);
    testing::check_invariants(text, found, diagnostics);
    return found;
}

// Calls check on `count` texts of 1 to max_pieces pieces drawn at random.
template <std::size_t N, class Check>
void for_random_mixtures(const char* const (&pieces)[N], unsigned seed, int count, int max_pieces, Check check) {
    std::mt19937 random(seed);
    std::uniform_int_distribution<std::size_t> piece(0, N - 1);
    std::uniform_int_distribution<int> length(1, max_pieces);
    for (int i = 0; i < count; ++i) {
        std::string text;
        for (int n = length(random); n > 0; --n) text += pieces[piece(random)];
        INFO(text);
        check(text);
    }
}

std::string_view span_text(std::string_view text, const Quantity& q) {
    return text.substr(q.norm_start, q.norm_end - q.norm_start);
}

// Values of the quantities that can be parameter counts: a size with an
// English scale, or a count of 10^9 and more in 개 or 파라미터 or with no unit.
std::set<std::string> model_sizes(std::string_view text) {
    std::set<std::string> sizes;
    for (const Quantity& q : find(text)) {
        const bool big = q.value.to_double() >= 1e9;
        if (q.kind == NumberKind::quantity &&
            (q.scale_suffix || (big && (q.unit.empty() || q.unit == "개" || q.unit == "파라미터"))))
            sizes.insert(q.value.to_string());
    }
    return sizes;
}

std::set<std::string> values_with_unit(std::string_view text, std::string_view unit) {
    std::set<std::string> values;
    for (const Quantity& q : find(text))
        if (q.kind == NumberKind::quantity && q.unit == unit) values.insert(q.value.to_string());
    return values;
}

// A private copy of rules/numbers/ with one line appended to one table,
// removed again when it goes out of scope.
class BrokenRules {
public:
    BrokenRules(const std::string& file, const std::string& line)
        : dir_(fs::temp_directory_path() / ("kfacts_numbers_rules_test_" + file)) {
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "numbers");
        for (const auto& entry : fs::directory_iterator(fs::path(testing::kRulesDir) / "numbers"))
            fs::copy_file(entry.path(), dir_ / "numbers" / entry.path().filename());
        std::ofstream(dir_ / "numbers" / file, std::ios::app) << line << "\n";
    }
    ~BrokenRules() { fs::remove_all(dir_); }  // only the directory made above
    BrokenRules(const BrokenRules&) = delete;
    BrokenRules& operator=(const BrokenRules&) = delete;
    std::string dir() const { return dir_.string(); }

private:
    fs::path dir_;
};

}  // namespace

TEST_CASE("the seed articles give the model sizes and scores a reader finds", "[numbers][seeds]") {
    // data/expected/*.json: the parameter counts and benchmark scores of each article.
    CHECK(model_sizes(testing::seed_body("000_fd57b762e0ac98e8.txt")) ==
          std::set<std::string>{"500000000000", "519000000000", "200000000000"});
    CHECK(model_sizes(testing::seed_body("001_15f6b37683b40829.txt")) ==
          std::set<std::string>{"500000000000"});
    CHECK(model_sizes(testing::seed_body("002_d8991b5d25716180.txt")) ==
          std::set<std::string>{"500000000000", "236000000000", "200000000000", "8000000000", "32000000000",
                                "235000000000", "120000000000"});
    CHECK(model_sizes(testing::seed_body("003_b882bdb92e705718.txt")) ==
          std::set<std::string>{"500000000000", "235000000000", "100000000000"});
    CHECK(model_sizes(testing::seed_body("004_909e29f04e392b0c.txt")) ==
          std::set<std::string>{"500000000000", "100000000000", "8000000000", "32000000000"});
    CHECK(values_with_unit(testing::seed_body("002_d8991b5d25716180.txt"), "점") ==
          std::set<std::string>{"72.03", "69.37", "69.79"});
    CHECK(values_with_unit(testing::seed_body("003_b882bdb92e705718.txt"), "%") ==
          std::set<std::string>{"104", "103"});
}

TEST_CASE("no quantity is read inside a name in the seeds", "[numbers][seeds]") {
    for (const char* seed : {"000_fd57b762e0ac98e8.txt", "001_15f6b37683b40829.txt", "002_d8991b5d25716180.txt",
                             "003_b882bdb92e705718.txt", "004_909e29f04e392b0c.txt"}) {
        const std::string body = testing::seed_body(seed);
        for (const Quantity& q : find(body)) {
            const std::string_view text = span_text(body, q);
            INFO(seed << ": " << text);
            for (const char* name : {"K1", "A100", "B2", "큐웬3", "@", "/"})
                CHECK(text.find(name) == std::string_view::npos);
        }
    }
}

TEST_CASE("spans are byte offsets into the normalised text", "[numbers]") {
    const std::string text = "SK텔레콤은 약 500B 규모의 모델을, 엔씨는 200B(2000억개)급을 공개했다.";
    const auto found = find(text);
    REQUIRE(found.size() == 2);
    CHECK(found[0].norm_start == text.find("약 500B"));
    CHECK(span_text(text, found[0]) == "약 500B 규모");
    CHECK(span_text(text, found[1]) == "200B(2000억개)급");
    CHECK(found[1].unit == "개");
    CHECK(found[1].approximate);
}

TEST_CASE("a number too large is a diagnostic at its normalised offsets, never a wrong value", "[numbers]") {
    const std::string digits(10000, '9');
    const std::string text = "앞에 " + digits + "개, 그리고 5개";
    std::vector<Diagnostic> diagnostics;
    const auto found = finder().find(text, diagnostics);
    REQUIRE(found.size() == 1);
    CHECK(found[0].value.to_string() == "5");
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].code == DiagnosticCode::number_out_of_range);
    CHECK(diagnostics[0].level == Severity::warning);
    REQUIRE(diagnostics[0].span);
    CHECK(diagnostics[0].span->start == text.find('9'));
    CHECK(diagnostics[0].span->end == text.find('9') + digits.size());
    CHECK(diagnostics[0].message.size() < 200);  // the number is shortened
}

TEST_CASE("empty and number-free texts give nothing", "[numbers]") {
    CHECK(find("").empty());
    CHECK(find("한국어로 학습하도록 설계된 것도 특징이다.").empty());
    CHECK(find(std::string(1000, ' ')).empty());
}

TEST_CASE("finders share their tables when copied", "[numbers]") {
    const QuantityFinder copy = finder();
    std::vector<Diagnostic> diagnostics;
    CHECK(copy.find("5190억개", diagnostics).size() == 1);
}

TEST_CASE("loading names the file and line of a bad table row", "[numbers][load]") {
    CHECK_THROWS_WITH(QuantityFinder::load("/nonexistent-kfacts-rules"), Catch::Contains("units.tsv"));
    const BrokenRules bad_kind("units.tsv", "척\t척\tvessels\t-");
    CHECK_THROWS_WITH(QuantityFinder::load(bad_kind.dir()),
                      Catch::Contains("units.tsv:") && Catch::Contains("unknown kind 'vessels'"));
    const BrokenRules short_row("qualifiers.tsv", "약\tbefore");
    CHECK_THROWS_WITH(QuantityFinder::load(short_row.dir()), Catch::Contains("qualifiers.tsv:"));
    const BrokenRules bad_value("native_numerals.tsv", "백\tmany\tunit");
    CHECK_THROWS_WITH(QuantityFinder::load(bad_value.dir()), Catch::Contains("'many' is not a number"));
}

TEST_CASE("random mixtures of number pieces keep every invariant", "[numbers][property]") {
    static const char* const kPieces[] = {
        "1",  "0",  "9",  "5",    ",",  ".",  "-",    "~",    "만", "억",   "조",   "천",  "십",  "이",
        "일", "삼", "명", "개",   "%",  "B",  "T",    " ",    "(",  ")",    "약",   "이상", "급", "점",
        "만점", "중", "년", "월", "일", "시", "분",   "오후", "한", "두",   "번째", "톱",  "제",  "$",
        "−",  "가", "A",  "_",    "/",  ":",  "여",   "간",   "대", "강국", "억원", "\n", "분의", "파라미터",
        "개 매개변수"};
    for_random_mixtures(kPieces, 42, 20000, 30, [](const std::string& text) { find(text); });  // invariants checked inside
}

// The finder runs its pattern anchored only where CandidateStarts lets it;
// an offset it skipped where the pattern matches would lose a number.
TEST_CASE("the candidate filter skips no offset where a number starts", "[numbers][property]") {
    const auto tables = QuantityFinder::Tables::load(testing::kRulesDir + "/numbers");
    const auto starts_here = [&](std::string_view text, std::size_t pos) {
        re2::StringPiece match;
        return (text[pos] >= '0' && text[pos] <= '9') ||
               tables->candidates->Match(re2::StringPiece(text.data(), text.size()), pos, text.size(),
                                         RE2::ANCHOR_START, &match, 1);
    };
    const auto check = [&](std::string_view text) {
        std::size_t first_start = text.size();
        for (std::size_t pos = text.size(); pos-- > 0;) {
            if (starts_here(text, pos)) first_start = pos;
            INFO("offset " << pos);
            REQUIRE(tables->candidate_starts->next(text, pos) <= first_start);
        }
    };
    static const char* const kPieces[] = {
        "일", "이", "삼", "사", "오", "육", "칠", "팔", "구", "십", "백", "천", "만", "억", "조", "경",
        "한", "두", "세", "석", "네", "넉", "다섯", "열", "스물", "스무", "서른", "첫", "명", "개", "번째",
        "가지", "살", "시간", " ", "7", "42", "다", "연구", "회사", "이사", "\xED\xA0\x80", "\xFF",
        "\xEC\x9D", "A", "(", "\n"};
    for_random_mixtures(kPieces, 7, 5000, 24, check);
    for (const auto& seed : fs::directory_iterator(KFACTS_SOURCE_DIR "/data/seeds")) {
        check(testing::seed_body(seed.path().filename().string()));
    }
}
