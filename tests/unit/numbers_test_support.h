// Shared by the numbers tests: the case table of rules/numbers/cases.tsv,
// Quantities written in its notation (so that a failing case shows expected
// and actual side by side), the invariants every result must keep, and the
// seed articles.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "numbers/numbers.h"

namespace kfacts::testing {

struct NumberCase {
    std::size_t line = 0;
    std::string input;
    std::string expected;     // canonical notation; "-" for no quantity
    std::string diagnostics;  // diagnostic codes, space separated
};

// Throws std::runtime_error naming file:line for a malformed row.
std::vector<NumberCase> read_number_cases(const std::string& path);

// "[1000여명] 1000 명 approximate ; [2027년] 2027 년 kind=date", "-" when empty.
std::string describe(std::string_view text, const std::vector<Quantity>& quantities);
std::string describe(const std::vector<Diagnostic>& diagnostics);

// Checks (with Catch) what holds for every result whatever the input: spans
// in order, not overlapping, on UTF-8 boundaries; ranges and scores consistent.
void check_invariants(std::string_view text, const std::vector<Quantity>& quantities,
                      const std::vector<Diagnostic>& diagnostics);

inline const std::string kRulesDir = KFACTS_SOURCE_DIR "/rules";

// The body of a seed article: the file without its front matter.
std::string seed_body(const std::string& file_name);

}  // namespace kfacts::testing
