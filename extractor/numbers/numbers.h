// Numbers and quantities as Korean news writes them: 5190억개, 500B(5000억개),
// 1조 2천억원, 200B급, 40점 만점 중 33.6점, 삼십삼, 세 번째, 100~200B.
// Values are exact (no floating point): integers beyond 10^21 and decimals as
// written.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

namespace kfacts {

// mantissa × 10^-scale, exactly. 72.03 is {7203, 2}; 5190억 is {519000000000, 0}.
struct ExactNumber {
    unsigned __int128 mantissa = 0;
    int scale = 0;  // digits after the decimal point, 0..38
    bool negative = false;

    // Shortest exact decimal text: "519000000000", "72.03", "0.5". Never exponent form.
    std::string to_string() const;
    double to_double() const;
    friend bool operator==(const ExactNumber& a, const ExactNumber& b);
};

// What a number is: only `quantity` becomes a quantity fact; dates, times and
// ordinals are recognised so that they never become quantities.
enum class NumberKind : std::uint8_t { quantity, date, time, ordinal };

enum class Bound : std::uint8_t { none, at_least, at_most, more_than, less_than };

struct Quantity {
    std::size_t norm_start = 0;  // range in the normalised text, unit and qualifiers included
    std::size_t norm_end = 0;
    NumberKind kind = NumberKind::quantity;
    ExactNumber value;
    std::optional<ExactNumber> min;        // ranges: 100~200B
    std::optional<ExactNumber> max;
    std::optional<ExactNumber> max_score;  // 40점 만점 중 33.6점
    std::string unit;                      // "%", "배", "점", "개", "명", "원", "달러", "토큰", "파라미터", ... or ""
    bool approximate = false;              // 약, 여, 급, 규모, 수준, 가량, 안팎
    Bound bound = Bound::none;             // 이상, 이하, 초과, 미만, 최대, 최소
    bool scale_suffix = false;             // written with an English scale (500B, 1.5T, 175 billion)
};

// Parses one number written the Korean way, alone: "5190억", "1조 2천억",
// "2,360억", "3.5만", "칠천십이억삼천구백팔십만천백이십삼", "500B".
// nullopt when the text is not a number or does not fit exactly.
std::optional<ExactNumber> parse_korean_number(std::string_view text);

// Formats an integer the Korean way: 1234567890 → "12억3456만7890".
std::string format_korean_number(unsigned __int128 value);

// Finds every number in normalised text, with unit, qualifiers and kind.
// Tables (counters, units, qualifiers) are loaded once from rules/; patterns
// are compiled once, in load().
class QuantityFinder {
public:
    static QuantityFinder load(const std::string& rules_dir);
    // Quantities in increasing order of norm_start; diagnostics carry normalised
    // offsets in their span (the caller maps them to source bytes).
    std::vector<Quantity> find(std::string_view normalized_text,
                               std::vector<Diagnostic>& diagnostics) const;
};

}  // namespace kfacts
