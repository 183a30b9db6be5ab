// Numbers and quantities as Korean news writes them: 5190억개, 500B(5000억개),
// 1조 2천억원, 200B급, 40점 만점 중 33.6점, 삼십삼, 세 번째, 100~200B.
// Values are exact (no floating point): integers beyond 10^21 and decimals as
// written.
//
// What the finder decides (rules/numbers/*.tsv hold the words):
// - English scales (7B, 1.5T, 175 billion) give unit "" and scale_suffix; a
//   unit written after them still counts (7B 파라미터 -> 파라미터).
// - Ranges (100~200B, 30~50억원, 3-5%) have value == *min and both min and max;
//   the left end takes the multiplier, scale and unit of the right one.
// - Durations (4개월, 3년간, 30분, 100일) are quantities with the unit without
//   간 (개월, 년, 분, 일); a year from 1000 to 2999 (2027년) is a date.
// - Dates and times are kind date/time, one Quantity per written component
//   (2027년, 1월, 15일, 오후 3시 -> value 15). An ISO date 2025-12-29 is one
//   date with value 20251229, a clock time 04:48:08 one time with value 44808
//   (hhmm or hhmmss as written), both with unit "".
// - Ordinals (1차, 1등급, 1위, 10위권, 톱10, 제1차, 세 번째, 3대 강국) are kind
//   ordinal.
// - Names are not numbers: digits glued to a Latin letter (A100, B200, K1,
//   Qwen3, GPT-4o, B2B), a bare number glued after Hangul (큐웬3) and a bare
//   version after a Latin word (EXAONE 4.0) give nothing. A size with a scale
//   stays a quantity even inside a name (GPT-OSS 120B, gpt-oss-120b).
// - A restatement in parentheses with the same value is one Quantity over
//   both (500B(5000억개) 규모); a different value is a Quantity of its own and
//   qualifiers after the parenthesis apply to both.
// - 40점 만점 alone is value 40 with max_score 40.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
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
    bool is_integer() const;
    // Equal values: 72.30 == 72.3.
    friend bool operator==(const ExactNumber& a, const ExactNumber& b);
};

// Integers below 10^24 and at most 38 significant digits are represented;
// anything larger is out of range (number.out-of-range), never rounded.
inline constexpr int kMaxIntegerDigits = 24;

// What a number is: only `quantity` becomes a quantity fact; dates, times and
// ordinals are recognised so that they never become quantities.
enum class NumberKind : std::uint8_t { quantity, date, time, ordinal };

enum class Bound : std::uint8_t { none, at_least, at_most, more_than, less_than };

std::string_view number_kind_name(NumberKind kind);
std::string_view bound_name(Bound bound);

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
    // Reads rules_dir/numbers/*.tsv; throws std::runtime_error "file:line: problem".
    static QuantityFinder load(const std::string& rules_dir);
    // Quantities in increasing order of norm_start; diagnostics carry normalised
    // offsets in their span (the caller maps them to source bytes).
    std::vector<Quantity> find(std::string_view normalized_text,
                               std::vector<Diagnostic>& diagnostics) const;

    struct Tables;  // the loaded tables and the compiled pattern

private:
    explicit QuantityFinder(std::shared_ptr<const Tables> tables);
    std::shared_ptr<const Tables> tables_;  // immutable, so finders copy cheaply and share across threads
};

}  // namespace kfacts
