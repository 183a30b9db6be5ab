#include <algorithm>

#include <fmt/format.h>

#include "base/span.h"
#include "numbers/exact_arithmetic.h"
#include "numbers/number_grammar.h"
#include "numbers/number_tables.h"
#include "numbers/numbers.h"

namespace kfacts {
namespace {

using namespace numbers_detail;

constexpr std::size_t kShownBytes = 40;  // of an out-of-range number, in its diagnostic

// What is written just before a number's first digit.
enum class LeftContext : std::uint8_t {
    boundary,    // start, space, punctuation
    hangul,      // glued to a Hangul word: 큐웬3 is a name unless a unit follows
    latin_word,  // after a Latin word and a space: EXAONE 4.0 is a version unless a unit follows
    name,        // glued to a Latin letter: A100, K1, Qwen3
    name_dash,   // after letter-hyphen: GPT-4o is a name, gpt-oss-120b a size
    identifier,  // inside a path, an address or a file name
};

struct Left {
    LeftContext context = LeftContext::boundary;
    std::size_t start = 0;  // where the Quantity starts: prefixes included
    bool ordinal = false;   // 제1차, 톱10
    bool negative = false;
    std::string_view unit;  // $30
};

// One number and what is written around it, before it becomes a Quantity.
struct Reading {
    std::size_t start = 0;
    std::size_t end = 0;
    std::size_t unit_end = 0;
    NumberKind kind = NumberKind::quantity;
    bool kind_known = false;  // dates and times written with digits only: 2025-12-29, 04:48
    ExactNumber value;
    NumberCore core;
    const Unit* unit = nullptr;
    std::string_view prefix_unit;
    bool approximate = false;
    Bound bound = Bound::none;
    bool ordinal_prefix = false;
    bool scale_suffix = false;
    bool duration = false;  // 3년간
    std::optional<ExactNumber> min, max, max_score;
    bool standalone_max_score = false;  // 40점 만점, no score after it

    std::string_view unit_name() const { return unit ? std::string_view(unit->unit) : prefix_unit; }
    void take_qualifier(const Qualifier& q) {
        approximate |= q.approximate;
        if (q.bound != Bound::none) bound = q.bound;
    }
    void take_qualifier_flags(const Reading& other) {
        approximate |= other.approximate;
        if (other.bound != Bound::none) bound = other.bound;
    }
    // Nothing but digits: such a number next to a name is part of the name.
    bool bare() const {
        return kind == NumberKind::quantity && !unit && prefix_unit.empty() && core.syllables == 0 &&
               !scale_suffix && !approximate && bound == Bound::none && !min && !max_score;
    }
};

struct Outcome {
    std::optional<Reading> reading;
    std::size_t resume = 0;
    bool out_of_range = false;
};

enum class RangeResult : std::uint8_t { none, range, dash_without_unit };

bool is_word_char(char32_t c) { return is_hangul_syllable(c) || (c < 0x80 && is_ascii_alnum(static_cast<char>(c))); }

class Scanner {
public:
    Scanner(const QuantityFinder::Tables& tables, std::string_view text, std::vector<Quantity>& out,
            std::vector<Diagnostic>& diagnostics)
        : tables_(tables), text_(text), out_(out), diagnostics_(diagnostics) {}

    // Reads what starts at a candidate match [start, end); returns where to look next.
    std::size_t at(std::size_t start, std::size_t end) {
        if (is_ascii_digit(text_[start])) return at_digits(start);
        if (const auto resume = at_spelled(start, end)) return *resume;
        return at_native(start, end);
    }

private:
    // --- characters ---------------------------------------------------------

    struct Char {
        char32_t c = 0;  // 0 at either end of the text
        std::size_t start = 0;
    };

    Char char_before(std::size_t end) const {
        if (end == 0) return {};
        std::size_t start = end - 1;
        while (start > 0 && end - start < 4 && (static_cast<unsigned char>(text_[start]) & 0xC0) == 0x80) --start;
        char32_t c;
        bool valid;
        if (start + utf8_sequence(text_, start, c, valid) != end) return {0xFFFD, end - 1};
        return {c, start};
    }

    char32_t char_at(std::size_t pos) const {
        if (pos >= text_.size()) return 0;
        char32_t c;
        bool valid;
        utf8_sequence(text_, pos, c, valid);
        return c;
    }

    char byte_at(std::size_t pos) const { return pos < text_.size() ? text_[pos] : '\0'; }
    bool digit_at(std::size_t pos) const { return is_ascii_digit(byte_at(pos)); }

    // A word may start at pos: nothing of a word before it, nothing already read.
    bool word_starts_at(std::size_t pos) const { return pos >= last_end_ && !is_word_char(char_before(pos).c); }

    // What may follow a counter or a qualifier: not a Hangul syllable, or a
    // particle or another word the finder reads (한 명이, 규모의; not 한 명확한).
    bool follows_ok(std::size_t pos) const {
        if (!is_hangul_syllable(char_at(pos))) return true;
        if (tables_.particles.starting_at(text_, pos)) return true;
        return tables_.qualifiers.starting_at(text_, pos, [](const Qualifier& q) {
                   return q.glued && (q.role == QualifierRole::after || q.role == QualifierRole::infix ||
                                      q.role == QualifierRole::duration || q.role == QualifierRole::max_score);
               }) != nullptr;
    }

    // A unit ending in a Latin letter must not run on into a word (5Gbps).
    bool unit_ends_word(const Unit& unit, std::size_t end) const {
        return !is_ascii_letter(unit.text.back()) || !is_ascii_alnum(byte_at(end));
    }

    // Skips the rest of a name or identifier written with Latin letters and digits.
    std::size_t skip_word(std::size_t pos) const {
        while (pos < text_.size()) {
            const char c = text_[pos];
            if (is_ascii_alnum(c) || ((c == '.' || c == '_' || c == ':' || c == '/' || c == '@' || c == ',') &&
                                      is_ascii_alnum(byte_at(pos + 1))))
                ++pos;
            else
                break;
        }
        return pos;
    }

    std::size_t skip_hyphen_chain(std::size_t pos) const {
        while (pos < text_.size() && (is_ascii_alnum(text_[pos]) || (text_[pos] == '-' && digit_at(pos + 1)))) ++pos;
        return pos;
    }

    // --- words around numbers -----------------------------------------------

    struct Found {
        const Qualifier* qualifier = nullptr;
        std::size_t start = 0;
        std::size_t end = 0;
    };

    // A qualifier of one of `roles` written just before `end`, glued or after one space.
    template <class Roles>
    Found qualifier_before(std::size_t end, Roles roles) const {
        auto ending_at = [&](std::size_t word_end, bool spaced) -> Found {
            const Qualifier* q = tables_.qualifiers.ending_at(text_, word_end, [&](const Qualifier& q) {
                return roles(q.role) && (spaced ? q.spaced : q.glued) && word_starts_at(word_end - q.text.size());
            });
            return q ? Found{q, word_end - q->text.size(), word_end} : Found{};
        };
        if (Found found = ending_at(end, false); found.qualifier) return found;
        if (end > 0 && text_[end - 1] == ' ') return ending_at(end - 1, true);
        return {};
    }

    // A qualifier of one of `roles` written at pos, glued or after one space,
    // and followed by what may follow it.
    template <class Roles>
    Found qualifier_after(std::size_t pos, Roles roles, bool check_follower = true) const {
        auto starting_at = [&](std::size_t at, bool spaced) -> Found {
            const Qualifier* q = tables_.qualifiers.starting_at(text_, at, [&](const Qualifier& q) {
                return roles(q.role) && (spaced ? q.spaced : q.glued) &&
                       (!check_follower || follows_ok(at + q.text.size()));
            });
            return q ? Found{q, at, at + q->text.size()} : Found{};
        };
        if (Found found = starting_at(pos, false); found.qualifier) return found;
        if (byte_at(pos) == ' ') return starting_at(pos + 1, true);
        return {};
    }

    static bool is_after_role(QualifierRole role) {
        return role == QualifierRole::after || role == QualifierRole::infix;
    }

    // --- digits -------------------------------------------------------------

    Left left_of(std::size_t s) const {
        Left left{.context = LeftContext::boundary, .start = s};
        if (const Found prefix = qualifier_before(s, [](QualifierRole r) {
                return r == QualifierRole::ordinal_prefix || r == QualifierRole::unit_prefix;
            });
            prefix.qualifier) {
            left.start = prefix.start;
            left.ordinal = prefix.qualifier->role == QualifierRole::ordinal_prefix;
            left.unit = prefix.qualifier->unit;
            return left;
        }
        const Char before = char_before(s);
        const char32_t c = before.c;
        if (c < 0x80 && is_ascii_letter(static_cast<char>(c))) {
            left.context = LeftContext::name;
        } else if (c == '_' || c == '/' || c == '@' || c == '#' || c == '\\') {
            left.context = LeftContext::identifier;
        } else if (c == '.' || c == ',' || c == ':') {
            const char32_t c2 = char_before(before.start).c;
            if (c2 < 0x80 && is_ascii_alnum(static_cast<char>(c2))) left.context = LeftContext::identifier;
        } else if (c == '-' || c == U'\u2212') {
            const char32_t c2 = char_before(before.start).c;
            if (c2 < 0x80 && is_ascii_alnum(static_cast<char>(c2))) {
                left.context = LeftContext::name_dash;
            } else if (is_hangul_syllable(c2)) {
                left.context = LeftContext::hangul;  // 솔라-오픈-100B
            } else if (c == '-' && (c2 == 0 || c2 == '\n')) {
                // A hyphen that opens a line is a dash before a question or
                // an item (`-1.2조 파라미터 모델 계획은`), not a minus sign.
            } else if (before.start >= last_end_) {
                left.negative = true;
                left.start = before.start;
            }
        } else if (is_hangul_syllable(c)) {
            left.context = LeftContext::hangul;
        } else if (c == ' ') {
            const char32_t c2 = char_before(before.start).c;
            if (c2 < 0x80 && is_ascii_letter(static_cast<char>(c2))) left.context = LeftContext::latin_word;
        }
        return left;
    }

    // The number at s, stopped before a word that only looks like a multiplier (10만큼).
    std::optional<NumberCore> read_core(std::size_t s) const {
        std::optional<NumberCore> core = parse_number_core(text_, s);
        while (core && core->final_multiplier_at &&
               tables_.not_multipliers.starting_at(text_, *core->final_multiplier_at))
            core = parse_number_core(text_.substr(0, *core->final_multiplier_at), s);
        return core;
    }

    std::size_t at_digits(std::size_t s) {
        const Left left = left_of(s);
        if (left.context == LeftContext::name || left.context == LeftContext::identifier) return skip_word(s);
        Outcome outcome = read_number_at(s, left, true);
        if (outcome.out_of_range) report_out_of_range(s, outcome.resume);
        if (!outcome.reading) return outcome.resume;
        Reading& reading = *outcome.reading;
        if (reading.bare() && (left.context == LeftContext::hangul || left.context == LeftContext::latin_word))
            return reading.end;
        return finish(reading);
    }

    // Reads the number whose first digit is at s, with its unit and
    // qualifiers, and decides its kind. No reading when it is not a number.
    Outcome read_number_at(std::size_t s, const Left& left, bool allow_range) const {
        // Dates and clock times first: 2025.12.29 is no decimal.
        std::size_t digits_end = s;
        while (digit_at(digits_end)) ++digits_end;
        if (auto date = read_iso_date(s, digits_end)) return {date, date->end};
        if (auto time = read_clock_time(s, digits_end)) return {time, time->end};

        const std::optional<NumberCore> core = read_core(s);
        if (core->bad_grouping) return {std::nullopt, core->end, false};
        if (core->out_of_range) return {std::nullopt, core->end, true};
        if (left.context == LeftContext::name_dash && core->scale_exponent == 0) return {std::nullopt, skip_word(s)};

        const std::size_t p = core->end;
        const char next = byte_at(p);
        if (is_ascii_digit(next)) return {std::nullopt, skip_word(s)};  // 1만12345
        const char after = byte_at(p + 1);
        if ((next == '.' || next == '_' || next == ':' || next == '/' || next == '@') && is_ascii_alnum(after))
            return {std::nullopt, skip_word(s)};  // 4.0.1, 24/7, file_1
        if (is_ascii_letter(next) &&
            !tables_.units.starting_at(text_, p, [&](const Unit& u) { return unit_ends_word(u, p + u.text.size()); }))
            return {std::nullopt, skip_word(s)};  // 4o, 3D, 5G

        // 3분의 1 is a fraction: neither number is a quantity.
        if (const Qualifier* fraction = tables_.qualifiers.starting_at(
                text_, p, [](const Qualifier& q) { return q.role == QualifierRole::fraction; })) {
            std::size_t q = p + fraction->text.size();
            if (byte_at(q) == ' ') ++q;
            if (digit_at(q)) return {std::nullopt, read_core(q)->end};
        }

        Reading reading;
        reading.start = left.start;
        reading.core = *core;
        reading.value = core->value;
        reading.value.negative = left.negative;
        reading.ordinal_prefix = left.ordinal;
        reading.prefix_unit = left.unit;
        reading.scale_suffix = core->scale_exponent != 0;
        std::size_t end = read_unit(reading, p, false);
        const RangeResult range = allow_range && !left.ordinal ? read_range(reading, end) : RangeResult::none;
        if (range == RangeResult::dash_without_unit) return {std::nullopt, skip_hyphen_chain(s)};
        if (range == RangeResult::none) end = read_suffixes(reading, end);
        else end = reading.end;
        reading.end = end;
        if (!classify(reading)) return {std::nullopt, end};
        return {reading, end};
    }

    // 2025-12-29, 2025.12.29, 2025. 12. 29: one date, value yyyymmdd.
    std::optional<Reading> read_iso_date(std::size_t s, std::size_t p) const {
        const char separator = byte_at(p);
        if (p - s != 4 || (separator != '-' && separator != '.' && separator != '/')) return std::nullopt;
        unsigned year = 0;
        for (std::size_t i = s; i < p; ++i) year = year * 10 + static_cast<unsigned>(text_[i] - '0');
        auto read_part = [&](std::size_t& at, int max) -> int {
            if (separator == '.' && byte_at(at) == ' ') ++at;
            int value = 0, digits = 0;
            while (digit_at(at) && digits < 3) value = value * 10 + (text_[at++] - '0'), ++digits;
            return digits >= 1 && digits <= 2 && value >= 1 && value <= max ? value : 0;
        };
        std::size_t at = p + 1;
        const int month = read_part(at, 12);
        if (month == 0 || byte_at(at) != separator) return std::nullopt;
        ++at;
        const int day = read_part(at, 31);
        if (day == 0 || is_ascii_alnum(byte_at(at))) return std::nullopt;
        if (year < 1000 || year > 2999) return std::nullopt;
        Reading reading;
        reading.start = s;
        reading.end = at;
        reading.kind = NumberKind::date;
        reading.kind_known = true;
        reading.value = integer(year * 10000u + static_cast<unsigned>(month) * 100u + static_cast<unsigned>(day));
        return reading;
    }

    // 04:48 or 04:48:08: one time, value hhmm or hhmmss.
    std::optional<Reading> read_clock_time(std::size_t s, std::size_t p) const {
        if (p - s > 2 || byte_at(p) != ':') return std::nullopt;
        unsigned value = 0;
        for (std::size_t i = s; i < p; ++i) value = value * 10 + static_cast<unsigned>(text_[i] - '0');
        if (value > 24) return std::nullopt;
        std::size_t at = p;
        for (int part = 0; part < 2 && byte_at(at) == ':'; ++part) {
            if (!digit_at(at + 1) || !digit_at(at + 2) || digit_at(at + 3)) break;
            const unsigned two = static_cast<unsigned>((text_[at + 1] - '0') * 10 + (text_[at + 2] - '0'));
            if (two > 59) break;
            value = value * 100 + two;
            at += 3;
        }
        if (at == p || is_ascii_alnum(byte_at(at))) return std::nullopt;
        Reading reading;
        reading.start = s;
        reading.end = at;
        reading.kind = NumberKind::time;
        reading.kind_known = true;
        reading.value = integer(value);
        return reading;
    }

    // The unit after a number (and 여 before it): returns where the reading goes on.
    std::size_t read_unit(Reading& reading, std::size_t p, bool strict) const {
        auto unit_at = [&](std::size_t at, bool spaced) {
            return tables_.units.starting_at(text_, at, [&](const Unit& u) {
                const std::size_t end = at + u.text.size();
                return (!spaced || u.spaced) && unit_ends_word(u, end) &&
                       (!(strict || spaced || u.ends_word) || follows_ok(end));
            });
        };
        // 3만 5000명 is one number; 5190억 8월 is two.
        const auto counts = [](const Unit* u) {
            return u && (u->kind == UnitKind::quantity || u->kind == UnitKind::score);
        };
        if (reading.core.spaced_tail && counts(unit_at(reading.core.spaced_tail->end, false))) {
            const bool negative = reading.value.negative;
            reading.value = reading.core.spaced_tail->value;
            reading.value.negative = negative;
            p = reading.core.spaced_tail->end;
        }
        if (const Qualifier* infix = tables_.qualifiers.starting_at(
                text_, p, [](const Qualifier& q) { return q.role == QualifierRole::infix && q.glued; })) {
            const std::size_t after = p + infix->text.size();
            if (unit_at(after, false) || byte_at(after) == ' ' || follows_ok(after)) {
                reading.take_qualifier(*infix);
                p = after;
            }
        }
        if (const Unit* unit = unit_at(p, false)) {
            reading.unit = unit;
            return reading.unit_end = p + unit->text.size();
        }
        if (byte_at(p) == ' ') {
            if (const Unit* unit = unit_at(p + 1, true)) {
                reading.unit = unit;
                return reading.unit_end = p + 1 + unit->text.size();
            }
        }
        return reading.unit_end = p;
    }

    // 100~200B, 30~50억원, 3-5%: the left end takes the right end's
    // multiplier, scale and unit.
    RangeResult read_range(Reading& left, std::size_t p) const {
        std::size_t q = p;
        bool dash = false;
        if (byte_at(q) == ' ') ++q;
        std::size_t separator = 0;
        for (std::string_view tilde : {"~", "\u223C", "\u301C"})
            if (text_.compare(q, tilde.size(), tilde) == 0) separator = tilde.size();
        if (separator == 0 && q == p) {
            for (std::string_view hyphen : {"-", "\u2013"})
                if (text_.compare(q, hyphen.size(), hyphen) == 0) separator = hyphen.size(), dash = true;
        }
        if (separator == 0) return RangeResult::none;
        q += separator;
        if (!dash && byte_at(q) == ' ') ++q;
        if (!digit_at(q)) return RangeResult::none;
        const RangeResult failed = dash ? RangeResult::dash_without_unit : RangeResult::none;
        const Outcome right_outcome = read_number_at(q, Left{.context = LeftContext::boundary, .start = q}, false);
        if (!right_outcome.reading || right_outcome.reading->kind_known) return failed;
        const Reading& right = *right_outcome.reading;

        ExactNumber low = left.value;
        bool scale_suffix = left.scale_suffix || right.scale_suffix;
        if (left.core.big_groups == 0 && left.core.scale_exponent == 0) {
            if (right.core.big_groups == 1 && !scale_up(low, right.core.big_exponent)) return failed;
            if (left.core.syllables == 0 && right.core.scale_exponent != 0 &&
                !scale_up(low, right.core.scale_exponent))
                return failed;
        }
        if (left.unit && right.unit && left.unit->unit != right.unit->unit) return failed;
        if (dash && !left.unit && !right.unit && right.core.big_groups == 0 && right.core.scale_exponent == 0)
            return RangeResult::dash_without_unit;
        if (compare(low, right.value) >= 0) return failed;

        left.value = low;
        left.min = low;
        left.max = right.value;
        left.scale_suffix = scale_suffix;
        if (!left.unit) {
            left.unit = right.unit;
            left.unit_end = right.unit_end;
        }
        left.approximate |= right.approximate;
        if (right.bound != Bound::none) left.bound = right.bound;
        left.duration |= right.duration;
        left.end = right.end;
        return RangeResult::range;
    }

    // After the unit: 간, a date suffix, 만점, then qualifiers (규모, 이상).
    std::size_t read_suffixes(Reading& reading, std::size_t p) const {
        const Unit* unit = reading.unit;
        if (unit && unit->duration) {
            if (const Found found = qualifier_after(
                    p, [](QualifierRole r) { return r == QualifierRole::duration; });
                found.qualifier && found.start == p) {
                reading.duration = true;
                p = found.end;
            }
        }
        if (unit && unit->date_suffix) {
            if (const Found found = qualifier_after(
                    p, [](QualifierRole r) { return r == QualifierRole::date_suffix; });
                found.qualifier)
                p = found.end;
        }
        if (unit && unit->kind == UnitKind::score) p = read_max_score(reading, p);
        return read_qualifiers_after(reading, p);
    }

    std::size_t read_qualifiers_after(Reading& reading, std::size_t p) const {
        for (int i = 0; i < 3; ++i) {  // 30% 수준 이상
            const Found found = qualifier_after(p, is_after_role);
            if (!found.qualifier) break;
            reading.take_qualifier(*found.qualifier);
            p = found.end;
        }
        return p;
    }

    // 40점 만점 중 33.6점, 100점 만점에 85점; 40점 만점 alone is 40 of 40.
    std::size_t read_max_score(Reading& reading, std::size_t p) const {
        const Found marker = qualifier_after(
            p, [](QualifierRole r) { return r == QualifierRole::max_score; }, false);
        if (!marker.qualifier) return p;
        std::size_t q = marker.end;
        if (const Found link = qualifier_after(
                q, [](QualifierRole r) { return r == QualifierRole::max_score_link; }, false);
            link.qualifier)
            q = link.end;
        if (byte_at(q) == ',') ++q;
        if (byte_at(q) == ' ') ++q;
        if (digit_at(q)) {
            const Outcome score = read_number_at(q, Left{.context = LeftContext::boundary, .start = q}, false);
            if (score.reading && score.reading->unit && score.reading->unit->kind == UnitKind::score &&
                !score.reading->max_score && !score.reading->min) {
                reading.max_score = reading.value;
                reading.value = score.reading->value;
                reading.approximate |= score.reading->approximate;
                return score.reading->end;
            }
        }
        if (!follows_ok(marker.end)) return p;
        reading.max_score = reading.value;
        reading.standalone_max_score = true;
        return marker.end;
    }

    // Decides the kind from the unit and checks dates and times; false when
    // the reading is no number at all (13월, 이천시).
    bool classify(Reading& reading) const {
        if (reading.kind_known) return true;
        if (reading.ordinal_prefix) {
            reading.kind = NumberKind::ordinal;
            return true;
        }
        const Unit* unit = reading.unit;
        if (!unit) return true;
        const ExactNumber& low = reading.value;
        const ExactNumber& high = reading.max ? *reading.max : reading.value;
        auto within = [&](unsigned lowest, unsigned highest) {
            return low.is_integer() && high.is_integer() && !low.negative &&
                   compare(low, integer(lowest)) >= 0 && compare(high, integer(highest)) <= 0;
        };
        switch (unit->kind) {
            case UnitKind::quantity:
            case UnitKind::score: reading.kind = NumberKind::quantity; return true;
            case UnitKind::ordinal: reading.kind = NumberKind::ordinal; return true;
            case UnitKind::date: reading.kind = NumberKind::date; return true;
            case UnitKind::year:
                reading.kind = !reading.duration && within(1000, 2999) ? NumberKind::date : NumberKind::quantity;
                return true;
            case UnitKind::month:
                reading.kind = NumberKind::date;
                return within(1, 12);
            case UnitKind::day:
                reading.kind = !reading.duration && within(1, 31) ? NumberKind::date : NumberKind::quantity;
                return true;
            case UnitKind::hour:
                reading.kind = NumberKind::time;
                return within(0, 24);
            case UnitKind::minute:
            case UnitKind::second: {
                const std::string_view previous = unit->kind == UnitKind::minute ? "시" : "분";
                const bool clock = !out_.empty() && out_.back().kind == NumberKind::time &&
                                   out_.back().unit == previous &&
                                   (out_.back().norm_end == reading.start ||
                                    (out_.back().norm_end + 1 == reading.start && text_[reading.start - 1] == ' '));
                if (!clock) {
                    reading.kind = NumberKind::quantity;
                    return true;
                }
                reading.kind = NumberKind::time;
                return within(0, 59);
            }
            case UnitKind::rank_or_count: {
                // 3대 강국 ranks; GPU 100대를, 100대 규모 count.
                const std::size_t after = reading.unit_end;
                const bool noun_follows = byte_at(after) == ' ' && reading.end == after &&
                                          is_hangul_syllable(char_at(after + 1)) && !follows_ok(after + 1);
                reading.kind = noun_follows ? NumberKind::ordinal : NumberKind::quantity;
                return true;
            }
        }
        return true;
    }

    // --- Sino-Korean and native numerals ------------------------------------

    // 삼십삼, 칠천십이억…, 이십대, 오천 원. nullopt when no Sino-Korean number starts here.
    std::optional<std::size_t> at_spelled(std::size_t s, std::size_t match_end) {
        const std::optional<NumberCore> core = parse_number_core(text_, s);
        if (!core || core->has_digits) return std::nullopt;
        if (core->syllables < 2 || is_word_char(char_before(s).c) || s < last_end_) return match_end;
        if (core->out_of_range) {
            report_out_of_range(s, core->end);
            return core->end;
        }
        Reading reading;
        reading.start = s;
        reading.core = *core;
        reading.value = core->value;
        std::size_t end = read_unit(reading, core->end, true);
        // Two syllables are often a word (구조, 이천, 일조): only before a unit.
        if (!reading.unit && (core->syllables < 3 || !follows_ok(end))) return match_end;
        reading.end = read_suffixes(reading, end);
        if (!classify(reading)) return std::max(reading.end, match_end);
        return finish(reading);
    }

    // 두 팀, 세 번째, 스물다섯 명, 첫번째.
    std::size_t at_native(std::size_t s, std::size_t match_end) {
        if (is_word_char(char_before(s).c) || s < last_end_) return match_end;
        const NativeNumeral* first = tables_.native_numerals.starting_at(text_, s);
        if (!first) return match_end;
        int value = first->value;
        NativeForm form = first->form;
        std::size_t p = s + first->text.size();
        if (form == NativeForm::tens) {
            if (const NativeNumeral* units = tables_.native_numerals.starting_at(
                    text_, p, [](const NativeNumeral& n) { return n.form == NativeForm::unit; })) {
                value += units->value;
                p += units->text.size();
            }
        }
        const bool one_syllable = p - s == kSyllableBytes;
        const bool spaced = byte_at(p) == ' ';
        const std::size_t at = p + (spaced ? 1 : 0);
        const Unit* unit = tables_.units.starting_at(text_, at, [](const Unit& u) { return u.native; });
        if (!unit) return match_end;
        const bool ordinal = unit->kind == UnitKind::ordinal;
        // 한번, 한층, 세대: a one-syllable numeral glued to a word is part of it.
        if ((form == NativeForm::ordinal && !ordinal) || (one_syllable && !spaced && !ordinal)) return match_end;
        const std::size_t unit_end = at + unit->text.size();
        if (!follows_ok(unit_end)) return match_end;
        Reading reading;
        reading.start = s;
        reading.value = integer(static_cast<unsigned>(value));
        reading.core.syllables = static_cast<int>((p - s) / kSyllableBytes);
        reading.unit = unit;
        reading.unit_end = unit_end;
        reading.end = read_suffixes(reading, unit_end);
        if (!classify(reading)) return std::max(reading.end, match_end);
        return finish(reading);
    }

    // --- emitting -------------------------------------------------------------

    // Prefixes before the reading, a parenthesised restatement after it, then
    // the Quantity (or two). Returns where to look next.
    std::size_t finish(Reading& reading) {
        const auto is_before = [](QualifierRole r) { return r == QualifierRole::before; };
        if (const Found before = qualifier_before(reading.start, is_before); before.qualifier) {
            reading.start = before.start;
            reading.take_qualifier(*before.qualifier);
        }
        if (reading.kind == NumberKind::time && reading.unit && reading.unit->kind == UnitKind::hour) {
            const auto is_time_prefix = [](QualifierRole r) { return r == QualifierRole::time_prefix; };
            if (const Found prefix = qualifier_before(reading.start, is_time_prefix); prefix.qualifier) {
                reading.start = prefix.start;
                if (compare(reading.value, integer(12)) < 0 && prefix.qualifier->hour_offset != 0) {
                    ExactNumber offset = integer(static_cast<unsigned>(prefix.qualifier->hour_offset));
                    add(reading.value, offset);
                }
            }
        }
        std::optional<Reading> inner = read_parenthesis(reading);
        emit(reading);
        if (inner) emit(*inner);
        return std::max(reading.end, inner ? inner->end : reading.end);
    }

    // 500B(5000억개) 규모, 큐웬3 235B(69.37점), 85점(100점 만점). Returns the
    // parenthesised number when it is a Quantity of its own.
    std::optional<Reading> read_parenthesis(Reading& outer) {
        const std::size_t open = outer.end;
        if (byte_at(open) != '(' || !digit_at(open + 1)) return std::nullopt;
        Outcome outcome = read_number_at(open + 1, Left{.context = LeftContext::boundary, .start = open + 1}, true);
        if (!outcome.reading || byte_at(outcome.reading->end) != ')') return std::nullopt;
        Reading& inner = *outcome.reading;
        const std::size_t close = inner.end + 1;
        const bool both_quantities = outer.kind == NumberKind::quantity && inner.kind == NumberKind::quantity;
        bool merged = false;
        if (both_quantities && outer.unit && outer.unit->kind == UnitKind::score && inner.standalone_max_score &&
            !outer.max_score) {
            outer.max_score = inner.value;
            merged = true;
        } else if (both_quantities && !outer.min && !inner.min && outer.value == inner.value) {
            if (!outer.unit && outer.prefix_unit.empty()) {
                outer.unit = inner.unit;
                outer.prefix_unit = inner.prefix_unit;
            }
            outer.scale_suffix |= inner.scale_suffix;
            outer.approximate |= inner.approximate;
            if (inner.bound != Bound::none) outer.bound = inner.bound;
            merged = true;
        }
        Reading qualifiers;
        const std::size_t end = read_qualifiers_after(qualifiers, close);
        if (merged) {
            outer.end = end;
            outer.take_qualifier_flags(qualifiers);
            return std::nullopt;
        }
        outer.take_qualifier_flags(qualifiers);
        inner.take_qualifier_flags(qualifiers);
        return inner;
    }

    void emit(const Reading& reading) {
        Quantity quantity;
        quantity.norm_start = reading.start;
        quantity.norm_end = reading.end;
        quantity.kind = reading.kind;
        quantity.value = reading.value;
        quantity.min = reading.min;
        quantity.max = reading.max;
        quantity.max_score = reading.max_score;
        quantity.unit = std::string(reading.unit_name());
        quantity.approximate = reading.approximate || (reading.unit && reading.unit->approximate);
        quantity.bound = reading.bound;
        quantity.scale_suffix = reading.scale_suffix;
        out_.push_back(std::move(quantity));
        last_end_ = std::max(last_end_, reading.end);
    }

    void report_out_of_range(std::size_t start, std::size_t end) {
        std::size_t shown_end = std::min(end, start + kShownBytes);
        while (shown_end < end && (static_cast<unsigned char>(text_[shown_end]) & 0xC0) == 0x80) --shown_end;
        const std::string_view shown = text_.substr(start, shown_end - start);
        diagnostics_.push_back(Diagnostic{
            Severity::warning, DiagnosticCode::number_out_of_range,
            fmt::format("number '{}{}' ({} bytes) is too large to represent exactly and is not read", shown,
                        shown_end < end ? "…" : "", end - start),
            ByteSpan{start, end}});
    }

    const QuantityFinder::Tables& tables_;
    std::string_view text_;
    std::vector<Quantity>& out_;
    std::vector<Diagnostic>& diagnostics_;
    std::size_t last_end_ = 0;  // nothing before it is read again
};

}  // namespace

QuantityFinder::QuantityFinder(std::shared_ptr<const Tables> tables) : tables_(std::move(tables)) {}

QuantityFinder QuantityFinder::load(const std::string& rules_dir) {
    return QuantityFinder(Tables::load(rules_dir + "/numbers"));
}

std::vector<Quantity> QuantityFinder::find(std::string_view normalized_text,
                                           std::vector<Diagnostic>& diagnostics) const {
    std::vector<Quantity> quantities;
    Scanner scanner(*tables_, normalized_text, quantities, diagnostics);
    const re2::StringPiece input(normalized_text.data(), normalized_text.size());
    re2::StringPiece match;
    std::size_t pos = 0;
    const auto is_digit = [&](std::size_t i) { return normalized_text[i] >= '0' && normalized_text[i] <= '9'; };
    while ((pos = tables_->candidate_starts->next(normalized_text, pos)) < normalized_text.size()) {
        std::size_t end = pos;
        if (is_digit(pos)) {
            while (end < normalized_text.size() && is_digit(end)) ++end;
        } else if (tables_->candidates->Match(input, pos, input.size(), RE2::ANCHOR_START, &match, 1)) {
            end = pos + match.size();
        } else {
            ++pos;
            continue;
        }
        pos = std::max(scanner.at(pos, end), std::max(end, pos + 1));
    }
    return quantities;
}

}  // namespace kfacts
