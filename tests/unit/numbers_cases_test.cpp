// Runs every case of rules/numbers/cases.tsv through QuantityFinder::find.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "numbers/numbers.h"
#include "numbers_test_support.h"

using namespace kfacts;

namespace {

std::string shown(std::string_view input) {
    if (input.size() <= 120) return std::string(input);
    return fmt::format("{}… ({} bytes)", input.substr(0, 60), input.size());
}

}  // namespace

TEST_CASE("every case of rules/numbers/cases.tsv", "[numbers][cases]") {
    const QuantityFinder finder = QuantityFinder::load(testing::kRulesDir);
    const auto cases = testing::read_number_cases(testing::kRulesDir + "/numbers/cases.tsv");
    REQUIRE(cases.size() >= 300);
    for (const testing::NumberCase& c : cases) {
        std::vector<Diagnostic> diagnostics;
        const std::vector<Quantity> found = finder.find(c.input, diagnostics);
        INFO(fmt::format("cases.tsv:{}: {}", c.line, shown(c.input)));
        CHECK(testing::describe(c.input, found) == c.expected);
        CHECK(testing::describe(diagnostics) == c.diagnostics);
        testing::check_invariants(c.input, found, diagnostics);
    }
}

TEST_CASE("a case table row that cannot be read names its line", "[numbers][cases]") {
    const std::string path = "/tmp/kfacts_numbers_bad_cases.tsv";
    {
        std::FILE* f = std::fopen(path.c_str(), "w");
        REQUIRE(f);
        std::fputs("# comment\n5\t[5] 5\n5개\t5 개\n", f);
        std::fclose(f);
    }
    CHECK_THROWS_WITH(testing::read_number_cases(path), Catch::Contains(path + ":3"));
    std::remove(path.c_str());
}
