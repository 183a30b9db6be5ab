#include "numbers/number_grammar.h"

#include <array>

#include "numbers/exact_arithmetic.h"

namespace kfacts {
namespace numbers_detail {

namespace {


struct EnglishScale {
    std::string_view text;
    int exponent;
};
// Written glued to the digits (500B, gpt-oss-120b); case matters (5m is not 5M).
constexpr std::array<EnglishScale, 4> kScaleSuffixes{{{"B", 9}, {"b", 9}, {"T", 12}, {"M", 6}}};
// Written as a word after the digits (175 billion); any case.
constexpr std::array<EnglishScale, 4> kScaleWords{
    {{"thousand", 3}, {"million", 6}, {"billion", 9}, {"trillion", 12}}};

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// Digits with optional thousands separators and decimal part: 2,360 or 72.03.
struct DigitRun {
    ExactNumber value;
    std::size_t end = 0;
    bool overflow = false;
    bool bad_grouping = false;
    bool decimal = false;
};

DigitRun read_digit_run(std::string_view s, std::size_t pos) {
    DigitRun run;
    constexpr u128 limit = pow10(kMaxDigits);
    auto push = [&](char c) {
        if (run.overflow) return;
        const u128 next = run.value.mantissa * 10 + static_cast<unsigned>(c - '0');
        if (run.value.mantissa >= limit / 10 || next >= limit) {
            run.overflow = true;
            return;
        }
        run.value.mantissa = next;
    };
    std::size_t p = pos;
    while (p < s.size() && is_ascii_digit(s[p])) push(s[p++]);
    const std::size_t first_group = p - pos;
    // A comma followed by a digit must separate thousands: 1-3 digits first,
    // then groups of exactly three. Anything else is not one number.
    while (p + 1 < s.size() && s[p] == ',' && is_ascii_digit(s[p + 1])) {
        std::size_t q = p + 1;
        while (q < s.size() && is_ascii_digit(s[q])) ++q;
        if (first_group > 3 || q - (p + 1) != 3) {
            run.bad_grouping = true;
            while (p + 1 < s.size() && (s[p] == ',' || is_ascii_digit(s[p])) &&
                   (is_ascii_digit(s[p]) || is_ascii_digit(s[p + 1])))
                ++p;
            if (p < s.size() && is_ascii_digit(s[p])) ++p;
            run.end = p;
            return run;
        }
        for (std::size_t k = p + 1; k < q; ++k) push(s[k]);
        p = q;
    }
    if (p + 1 < s.size() && s[p] == '.' && is_ascii_digit(s[p + 1])) {
        run.decimal = true;
        ++p;
        while (p < s.size() && is_ascii_digit(s[p])) {
            push(s[p++]);
            if (++run.value.scale > kMaxDigits) run.overflow = true;
        }
    }
    run.end = p;
    return run;
}

// Everything below one big multiplier: 2천5백, 5190, 3.5, 이십삼, 천백이십삼.
struct SmallPart {
    ExactNumber value;
    std::size_t end = 0;
    bool any = false;
    bool overflow = false;
    bool bad_grouping = false;
    bool has_digits = false;
    bool decimal = false;
    int syllables = 0;
    std::optional<std::size_t> final_multiplier_at;
};

// Reads a small part at s[pos]. A Sino digit not before a multiplier is read
// only where units_digit_allowed (a number without Arabic digits), so that the
// particle 이 in 1000만이 stays a particle.
SmallPart read_small_part(std::string_view s, std::size_t pos, bool units_digit_allowed) {
    SmallPart part;
    part.end = pos;
    int last_exponent = 4;  // small multipliers must decrease: 천 > 백 > 십
    auto accumulate = [&](const ExactNumber& term) {
        if (!add(part.value, term)) part.overflow = true;
    };
    auto take_digits = [&](const DigitRun& run) {
        part.has_digits = true;
        part.overflow |= run.overflow;
        part.decimal |= run.decimal;
    };
    for (;;) {
        std::size_t p = part.end;
        std::optional<ExactNumber> coefficient;
        bool coefficient_is_syllable = false;
        bool coefficient_is_digits = false;
        DigitRun run;
        if (p < s.size() && is_ascii_digit(s[p])) {
            run = read_digit_run(s, p);
            coefficient_is_digits = true;
            if (run.bad_grouping) {
                part.bad_grouping = true;
                part.end = run.end;
                part.any = true;
                return part;
            }
            coefficient = run.value;
            p = run.end;
        } else if (const SinoNumeral digit = sino_numeral_at(s, p);
                   digit.is_digit() && sino_numeral_at(s, p + kSyllableBytes).exponent != 0) {
            coefficient = integer(static_cast<u128>(digit.digit));
            coefficient_is_syllable = true;
            p += kSyllableBytes;
        }
        const SinoNumeral multiplier = sino_numeral_at(s, p);
        if (multiplier.is_small_multiplier() && multiplier.exponent < last_exponent) {
            ExactNumber term = coefficient ? *coefficient : integer(1);
            if (!scale_up(term, multiplier.exponent)) part.overflow = true;
            accumulate(term);
            last_exponent = multiplier.exponent;
            part.syllables += 1 + (coefficient_is_syllable ? 1 : 0);
            if (coefficient_is_digits) take_digits(run);
            part.end = p + kSyllableBytes;
            part.final_multiplier_at = p;
            part.any = true;
            continue;
        }
        if (coefficient) {
            // Units after small multipliers: 2천500 but not 2천5000 or 2천3.5.
            if (part.any && (coefficient->scale != 0 ||
                             compare(*coefficient, integer(pow10(last_exponent))) >= 0))
                return part;
            accumulate(*coefficient);
            part.syllables += coefficient_is_syllable ? 1 : 0;
            if (coefficient_is_digits) take_digits(run);
            part.end = p;
            part.final_multiplier_at.reset();
            part.any = true;
            return part;
        }
        const SinoNumeral units = sino_numeral_at(s, part.end);
        if (units.is_digit() && units_digit_allowed &&
            !(part.end + kSyllableBytes < s.size() && is_ascii_digit(s[part.end + kSyllableBytes]))) {
            accumulate(integer(static_cast<u128>(units.digit)));
            part.syllables += 1;
            part.end += kSyllableBytes;
            part.final_multiplier_at.reset();
            part.any = true;
        }
        return part;
    }
}

// 500B, 1.5T, 175 billion: the exponent and where the scale ends, or 0.
int read_english_scale(std::string_view s, std::size_t pos, std::size_t& end) {
    auto letter_free = [&](std::size_t at) { return at >= s.size() || !is_ascii_alnum(s[at]); };
    for (const EnglishScale& suffix : kScaleSuffixes) {
        if (s.compare(pos, suffix.text.size(), suffix.text) == 0 && letter_free(pos + suffix.text.size())) {
            end = pos + suffix.text.size();
            return suffix.exponent;
        }
    }
    const std::size_t word_start = pos < s.size() && s[pos] == ' ' ? pos + 1 : pos;
    std::size_t word_end = word_start;
    while (word_end < s.size() && is_ascii_letter(s[word_end])) ++word_end;
    const std::string_view word = s.substr(word_start, word_end - word_start);
    for (const EnglishScale& scale : kScaleWords) {
        if (equals_ignoring_ascii_case(word, scale.text)) {
            end = word_end;
            return scale.exponent;
        }
    }
    return 0;
}

}  // namespace

SinoNumeral sino_numeral(char32_t c) {
    switch (c) {
        case U'일': return {1, 0};
        case U'이': return {2, 0};
        case U'삼': return {3, 0};
        case U'사': return {4, 0};
        case U'오': return {5, 0};
        case U'육': return {6, 0};
        case U'칠': return {7, 0};
        case U'팔': return {8, 0};
        case U'구': return {9, 0};
        case U'십': return {0, 1};
        case U'백': return {0, 2};
        case U'천': return {0, 3};
        case U'만': return {0, 4};
        case U'억': return {0, 8};
        case U'조': return {0, 12};
        case U'경': return {0, 16};
        default: return {};
    }
}

std::string_view sino_digit_chars() { return "일이삼사오육칠팔구"; }
std::string_view sino_multiplier_chars() { return "십백천만억조경"; }

std::optional<NumberCore> parse_number_core(std::string_view s, std::size_t pos) {
    NumberCore core;
    ExactNumber total;
    int last_big = 17;  // big multipliers must decrease: 조 before 억 before 만
    bool first_group = true;
    std::size_t p = pos;
    auto take = [&](const SmallPart& part) {
        core.out_of_range |= part.overflow;
        core.has_digits |= part.has_digits;
        core.syllables += part.syllables;
    };
    for (;;) {
        SmallPart part = read_small_part(s, p, !core.has_digits);
        if (part.bad_grouping) {
            core.bad_grouping = true;
            core.end = part.end;
            return core;
        }
        const std::size_t after_part = part.any ? part.end : p;
        const SinoNumeral big = sino_numeral_at(s, after_part);
        const bool big_follows = big.is_big_multiplier() && big.exponent < last_big;
        if (!part.any) {
            // 만 alone starts a number (만천백 = 11100); 억, 조, 경 need a digit.
            if (!(first_group && big_follows && big.exponent == 4)) break;
            part.value = integer(1);
            part.any = true;
        }
        // Below a big multiplier a group is at most 9999: 1만12345 is not a number.
        if (!first_group && compare(part.value, integer(10000)) >= 0) break;
        take(part);
        if (!big_follows) {
            if (!add(total, part.value)) core.out_of_range = true;
            p = part.end;
            core.final_multiplier_at = part.final_multiplier_at;
            break;
        }
        ExactNumber group = part.value;
        if (!scale_up(group, big.exponent) || !add(total, group)) core.out_of_range = true;
        core.syllables += 1;
        core.big_groups += 1;
        if (big.exponent > core.big_exponent) core.big_exponent = big.exponent;
        last_big = big.exponent;
        core.final_multiplier_at = after_part;
        p = after_part + kSyllableBytes;
        first_group = false;
        if (p < s.size() && s[p] == ' ') {
            // 1조 2천억: a group after a space continues the number if it has a
            // smaller big multiplier; 3만 5000 is a tail the caller may take.
            const SmallPart next = read_small_part(s, p + 1, !core.has_digits);
            if (next.any && !next.bad_grouping && compare(next.value, integer(10000)) < 0) {
                const SinoNumeral next_big = sino_numeral_at(s, next.end);
                if (next_big.is_big_multiplier() && next_big.exponent < last_big) {
                    ++p;
                    continue;
                }
                if (next.has_digits && next.syllables == 0 && !next.decimal && !next.overflow) {
                    NumberCore::SpacedTail tail{total, next.end};
                    if (add(tail.value, next.value)) core.spaced_tail = tail;
                }
            }
            break;
        }
    }
    if (p == pos) return std::nullopt;
    core.value = total;
    if (core.has_digits && core.syllables == 0) {
        std::size_t scale_end = p;
        if (const int exponent = read_english_scale(s, p, scale_end)) {
            core.scale_exponent = exponent;
            if (!scale_up(core.value, exponent)) core.out_of_range = true;
            p = scale_end;
        }
    }
    core.end = p;
    if (!fits(core.value)) core.out_of_range = true;
    return core;
}

}  // namespace numbers_detail

using namespace numbers_detail;

std::optional<ExactNumber> parse_korean_number(std::string_view text) {
    bool negative = false;
    std::size_t start = 0;
    if (text.substr(0, 1) == "-") {
        negative = true;
        start = 1;
    } else if (text.substr(0, 3) == "\u2212") {  // − MINUS SIGN
        negative = true;
        start = 3;
    }
    const auto core = parse_number_core(text, start);
    if (!core || core->out_of_range || core->bad_grouping) return std::nullopt;
    ExactNumber value;
    if (core->end == text.size()) {
        value = core->value;
    } else if (core->spaced_tail && core->spaced_tail->end == text.size()) {
        value = core->spaced_tail->value;
    } else {
        return std::nullopt;
    }
    value.negative = negative;
    return value;
}

std::string format_korean_number(unsigned __int128 value) {
    if (value == 0) return "0";
    static constexpr std::array<std::pair<int, std::string_view>, 4> kGroups{
        {{16, "경"}, {12, "조"}, {8, "억"}, {4, "만"}}};
    std::string out;
    // The 경 group takes everything above it: 10^21 is 100000경.
    const u128 top = value / pow10(16);
    if (top != 0) out += u128_to_string(top) + "경";
    for (std::size_t i = 1; i < kGroups.size(); ++i) {
        const u128 group = value / pow10(kGroups[i].first) % 10000;
        if (group != 0) {
            out += u128_to_string(group);
            out += kGroups[i].second;
        }
    }
    const u128 units = value % 10000;
    if (units != 0) out += u128_to_string(units);
    return out;
}

}  // namespace kfacts
