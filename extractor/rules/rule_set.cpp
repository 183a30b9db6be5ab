#include "rules/rule_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <charconv>
#include <cctype>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <thread>

#include "rules/lexicon.h"

namespace kfacts {
namespace {

constexpr std::string_view kFactKinds[] = {"parameter_count", "benchmark_score", "model", "team", "speaker"};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// A counted repetition at pattern[i] ('{'): {m,n}, {m,} or {m}, spaces
// inside ignored. Nothing when RE2 reads the '{' as a literal ({,n}, {x}).
struct CountedRepetition {
    bool at_least_once;  // m > 0
    std::size_t close;   // index of its '}'
    std::size_t at_most;  // n; SIZE_MAX for {m,} and past what size_t holds
};
std::optional<CountedRepetition> counted_repetition(std::string_view pattern, std::size_t i) {
    const std::size_t close = pattern.find('}', i);
    if (close == std::string_view::npos) return std::nullopt;
    std::string bounds;
    for (char b : pattern.substr(i + 1, close - i - 1)) {
        if (b != ' ' && b != '\t') bounds += b;
    }
    if (bounds.empty() || bounds.find_first_not_of("0123456789,") != std::string::npos ||
        bounds.front() == ',' || std::count(bounds.begin(), bounds.end(), ',') > 1) {
        return std::nullopt;
    }
    const bool at_least_once = bounds.find_first_not_of('0') != std::string::npos &&
                               bounds.find_first_not_of('0') < bounds.find(',');
    const std::string_view most = std::string_view(bounds).substr(bounds.find(',') + 1);  // all of {m}
    std::size_t at_most = SIZE_MAX;
    if (!most.empty() && std::from_chars(most.data(), most.data() + most.size(), at_most).ec != std::errc()) {
        at_most = SIZE_MAX;
    }
    return CountedRepetition{at_least_once, close, at_most};
}

// Writes the counted repetition at s[i] as written (spaces dropped) or, for
// Counts::relaxed, as + or *, and moves i to its '}'; false, writing
// nothing, where RE2 would read the '{' as text.
bool append_count(std::string& out, std::string_view s, std::size_t& i, bool relaxed) {
    const auto repeat = counted_repetition(s, i);
    if (!repeat) return false;
    if (relaxed) {
        out += repeat->at_least_once ? '+' : '*';
    } else {
        for (char c : s.substr(i, repeat->close - i + 1)) {
            if (c != ' ' && c != '\t') out += c;
        }
    }
    i = repeat->close;
    return true;
}

// The length of the regex syntax at pattern[i], outside macros: an operator,
// or a group's opening with its name or flags ((?:, (?P<name>, (?i)); 0
// where pattern[i] is text.
std::size_t syntax_length(std::string_view pattern, std::size_t i) {
    constexpr std::string_view kOperators = "()|?*+^$";
    if (kOperators.find(pattern[i]) == std::string_view::npos) return 0;
    if (pattern.substr(i, 2) != "(?") return 1;
    const std::size_t end = pattern.find_first_of(pattern.substr(i, 3) == "(?P" ? ">" : ":)", i + 2);
    return end == std::string_view::npos ? 1 : end - i + 1;
}

// In a tag string a class code starts a unit and test codes follow it,
// their high bit set (units.h). Class codes are not the high bytes because
// RE2 2022-06-01 in Latin-1 misses unanchored matches of alternatives that
// share a high-byte literal prefix (`\xC1A|\xC1B` in `x\xC1A`).
constexpr std::string_view kClassByte = "[\\x00-\\x7F]";
constexpr std::string_view kTestByte = "[\\x80-\\xFF]";

// `[team]|[org]|[orgname]` expands to one alternative per class,
// (?:A[\x80-\xFF]*)|(?:B[\x80-\xFF]*)|…, and RE2 does not share their common
// tail: a list of classes repeated {0,6} times takes a pattern past the 512
// instructions below which RE2 finds submatches with BitState instead of
// the NFA, four times slower. A run of alternatives that are each a class
// alone is written as one, (?:[AB…][\x80-\xFF]*): they start with different
// class codes, so no two of them match at one place and their order cannot
// matter.
std::string merge_class_alternatives(const std::string& expanded) {
    const std::string tail = std::string(kTestByte) + "*)";
    const std::size_t unit_length = 4 + tail.size();  // "(?:", the code, the tail
    const auto class_alone_at = [&](std::size_t p) {
        return expanded.compare(p, 3, "(?:") == 0 && p + unit_length <= expanded.size() &&
               std::isalnum(static_cast<unsigned char>(expanded[p + 3])) &&
               expanded.compare(p + 4, tail.size(), tail) == 0 &&
               (p + unit_length == expanded.size() || expanded[p + unit_length] == '|' ||
                expanded[p + unit_length] == ')');
    };
    // An alternative starts the pattern or follows '|' or a group's opening
    // ("(", "(?:", "(?P<name>").
    const auto starts_alternative = [&](std::size_t p) {
        return p == 0 || expanded[p - 1] == '|' || expanded[p - 1] == '(' || expanded[p - 1] == ':' ||
               expanded[p - 1] == '>';
    };
    std::string out;
    for (std::size_t p = 0; p < expanded.size();) {
        if (!starts_alternative(p) || !class_alone_at(p)) {
            out += expanded[p++];
            continue;
        }
        std::string codes(1, expanded[p + 3]);
        std::size_t end = p + unit_length;
        while (end < expanded.size() && expanded[end] == '|' && class_alone_at(end + 1)) {
            codes += expanded[end + 4];
            end += 1 + unit_length;
        }
        out += codes.size() == 1 ? expanded.substr(p, unit_length) : "(?:[" + codes + "]" + tail;
        p = end;
    }
    return out;
}

// In a label alternative, `.` means any character inside the label; in a
// character class (`[\p{L}\d.]`) it is the dot itself, as in RE2.
std::string expand_label(std::string_view label) {
    std::string out;
    bool in_class = false;
    for (std::size_t i = 0; i < label.size(); ++i) {
        if (label[i] == '\\' && i + 1 < label.size()) {
            out += label.substr(i, 2);
            ++i;
        } else if (label[i] == '.' && !in_class) {
            out += "[^}]";
        } else {
            // A ']' right after '[' or '[^' is a member, not the class's end.
            if (label[i] == '[' && !in_class) {
                in_class = true;
                out += label[i];
                if (i + 1 < label.size() && label[i + 1] == '^') out += label[++i];
                if (i + 1 < label.size() && label[i + 1] == ']') out += label[++i];
                continue;
            }
            // A POSIX class inside a class ([[:upper:].]) ends at its own ":]".
            if (in_class && label[i] == '[' && i + 1 < label.size() && label[i + 1] == ':') {
                const std::size_t end = label.find(":]", i + 2);
                if (end != std::string_view::npos) {
                    out += label.substr(i, end + 2 - i);
                    i = end + 1;
                    continue;
                }
            }
            if (label[i] == ']') in_class = false;
            out += label[i];
        }
    }
    return out;
}

// The macro that starts at pattern[i] ('['): its end (the matching ']'), or npos.
std::size_t macro_end(std::string_view pattern, std::size_t i) {
    for (std::size_t k = i + 1, depth = 1; k < pattern.size(); ++k) {
        if (pattern[k] == '\\') {
            ++k;
        } else if (pattern[k] == '[') {
            ++depth;
        } else if (pattern[k] == ']' && --depth == 0) {
            return k;
        }
    }
    return std::string_view::npos;
}

// What both pattern readers below share: the pattern and where they are in
// it, how deep in groups, and the reading of a group's opening, a macro and
// a quantifier.
class PatternReader {
protected:
    explicit PatternReader(std::string_view pattern) : pattern_(pattern) {}

    // Groups nested deeper end the reading with nothing needed, so that no
    // pattern recurses without bound (RE2 itself takes any depth).
    static constexpr std::size_t kMaxDepth = 200;

    // Spaces in patterns are ignored (RuleSet::expand).
    void skip_spaces() {
        while (pos_ < pattern_.size() && (pattern_[pos_] == ' ' || pattern_[pos_] == '\t')) ++pos_;
    }

    // At a group's '(': steps into its body ((…), (?:…), (?P<name>…)) and
    // counts its depth; false, past it, for a flag group (?i) that has no
    // body, and false at the pattern's end when groups nest too deep. A
    // caller that stepped in calls leave_group() after the body.
    bool enter_group() {
        ++pos_;
        if (pos_ < pattern_.size() && pattern_[pos_] == '?') {
            const std::size_t body = pattern_.find_first_of(":>)", pos_);
            if (body == std::string_view::npos || pattern_[body] == ')') {
                pos_ = body == std::string_view::npos ? pattern_.size() : body + 1;
                return false;
            }
            pos_ = body + 1;
        }
        if (++depth_ > kMaxDepth) {
            too_deep_ = true;
            pos_ = pattern_.size();
            return false;
        }
        return true;
    }
    void leave_group() {
        --depth_;
        if (pos_ < pattern_.size() && pattern_[pos_] == ')') ++pos_;
    }

    // At a macro's '[': its class and label ([word:팀|기업]), past its ']';
    // none, at the pattern's end, for one left open.
    struct Macro {
        std::string_view cls;
        std::optional<std::string_view> label;
    };
    std::optional<Macro> read_macro() {
        const std::size_t close = macro_end(pattern_, pos_);
        if (close == std::string_view::npos) {
            pos_ = pattern_.size();
            return std::nullopt;
        }
        const std::string_view macro = pattern_.substr(pos_ + 1, close - pos_ - 1);
        pos_ = close + 1;
        const std::size_t colon = macro.find(':');
        return Macro{trim(macro.substr(0, colon)),
                     colon == std::string_view::npos ? std::nullopt : std::optional(macro.substr(colon + 1))};
    }

    // The quantifier after an atom (?, *, +, {m,n}, each maybe lazy), past
    // it; none where the atom stands once.
    struct Quantifier {
        bool at_least_once;
        std::size_t at_most;  // SIZE_MAX for no bound
    };
    std::optional<Quantifier> read_quantifier() {
        skip_spaces();
        if (pos_ >= pattern_.size()) return std::nullopt;
        Quantifier quantifier{true, 1};
        const char c = pattern_[pos_];
        if (c == '?' || c == '*') {
            quantifier = {false, c == '?' ? std::size_t{1} : SIZE_MAX};
            ++pos_;
        } else if (c == '+') {
            quantifier.at_most = SIZE_MAX;
            ++pos_;
        } else if (const auto counted = c == '{' ? counted_repetition(pattern_, pos_) : std::nullopt) {
            quantifier = {counted->at_least_once, counted->at_most};
            pos_ = counted->close + 1;
        } else {
            return std::nullopt;
        }
        if (pos_ < pattern_.size() && pattern_[pos_] == '?') ++pos_;  // lazy
        return quantifier;
    }

    std::string_view pattern_;
    std::size_t pos_ = 0;
    std::size_t depth_ = 0;
    bool too_deep_ = false;
};

// Reads a pattern for the unit classes every match must contain, as a
// conjunction of clauses (bit masks of classes, one of which must be present).
// A sequence needs what each part needs; an alternation needs, clause by
// clause, one of what either side needs; anything that may match zero times
// needs nothing. Dropping clauses keeps the condition necessary, so what this
// cannot read (a class without a bit, too many clauses) just weakens it.
class ClassConditionReader : PatternReader {
public:
    using Clauses = std::vector<ConditionBits>;
    // The bits of a macro: the test of its label if it has one, else its
    // class; none when neither has a bit.
    using BitsOf = std::function<ConditionBits(std::string_view cls, std::optional<std::string_view> label)>;

    ClassConditionReader(std::string_view pattern, BitsOf bits_of)
        : PatternReader(pattern), bits_of_(std::move(bits_of)) {}

    Clauses read() {
        Clauses clauses = alternation();
        if (too_deep_) clauses.clear();
        return clauses;
    }

private:
    static constexpr std::size_t kMaxClauses = 32;

    static void add(Clauses& clauses, const ConditionBits& clause) {
        if (clauses.size() < kMaxClauses && std::find(clauses.begin(), clauses.end(), clause) == clauses.end()) {
            clauses.push_back(clause);
        }
    }

    Clauses alternation() {
        Clauses result = sequence();
        while (pos_ < pattern_.size() && pattern_[pos_] == '|') {
            ++pos_;
            const Clauses other = sequence();
            Clauses either;
            for (const ConditionBits& a : result) {
                for (const ConditionBits& b : other) add(either, a | b);
            }
            result = std::move(either);
        }
        return result;
    }

    Clauses sequence() {
        Clauses result;
        skip_spaces();
        while (pos_ < pattern_.size() && pattern_[pos_] != '|' && pattern_[pos_] != ')') {
            const Clauses part = atom();
            if (repeated_at_least_once()) {
                for (const ConditionBits& clause : part) add(result, clause);
            }
            skip_spaces();
        }
        return result;
    }

    Clauses atom() {
        const char c = pattern_[pos_];
        if (c == '\\') {
            pos_ += 2;
            return {};
        }
        if (c == '(') {
            if (!enter_group()) return {};  // a flag group (?i) needs nothing
            Clauses body = alternation();
            leave_group();
            return body;
        }
        if (c == '[') {
            const auto macro = read_macro();
            if (!macro || macro->cls == "any") return {};
            const ConditionBits bits = bits_of_(macro->cls, macro->label);
            if (bits.none()) return {};
            return {bits};
        }
        ++pos_;  // a literal, '.', '^', '$': no class
        return {};
    }

    // Reads the quantifier after an atom, if any: false when it allows zero.
    bool repeated_at_least_once() {
        const auto quantifier = read_quantifier();
        return !quantifier || quantifier->at_least_once;
    }

    BitsOf bits_of_;
};

// Reads a pattern for the units every match takes in order (Rule::units_in_order):
// the macros of its sequence, and of the groups in it, that a quantifier does
// not make optional, each with the most units a match may take between it
// and the one before. Alternatives (`[a] [b] | [c]`) give a unit of the kinds
// that each begins with (a or c), or none where one needs no unit: leaving
// units out, or counting more units between them, only weakens the condition.
class OrderedUnitsReader : PatternReader {
public:
    // The kind of unit a macro needs; none for a macro that any unit passes.
    using UnitOf = std::function<std::optional<UnitKind>(std::string_view cls, std::optional<std::string_view> label)>;

    OrderedUnitsReader(std::string_view pattern, UnitOf unit_of) : PatternReader(pattern), unit_of_(std::move(unit_of)) {}

    std::vector<UnitNeeded> read() {
        Piece whole = sequence();
        if (too_deep_) return {};
        if (!whole.units.empty()) whole.units.front().most_before = UnitNeeded::kAnyNumber;
        return whole.units;
    }

private:
    static constexpr std::size_t kAnyNumber = UnitNeeded::kAnyNumber;

    static std::size_t plus(std::size_t a, std::size_t b) { return a >= kAnyNumber - b ? kAnyNumber : a + b; }
    static std::size_t times(std::size_t a, std::size_t n) {
        return a != 0 && n >= kAnyNumber / a ? kAnyNumber : a * n;
    }

    // What part of a pattern needs: its units in order, the most units it
    // takes before the first of them (all it takes where it needs none) and
    // after the last, and in all.
    struct Piece {
        std::vector<UnitNeeded> units;
        std::size_t lead = 0;
        std::size_t trail = 0;
        std::size_t width = 0;
    };

    // `next` after `piece`.
    static void append(Piece& piece, Piece next) {
        piece.width = plus(piece.width, next.width);
        if (next.units.empty()) {
            if (piece.units.empty()) piece.lead = plus(piece.lead, next.lead);
            else piece.trail = plus(piece.trail, next.lead);
            return;
        }
        if (piece.units.empty()) {
            piece.lead = plus(piece.lead, next.lead);
        } else {
            next.units.front().most_before = plus(piece.trail, next.lead);
        }
        piece.units.insert(piece.units.end(), next.units.begin(), next.units.end());
        piece.trail = next.trail;
    }

    // The sequence up to its group's ')' or the pattern's end.
    Piece sequence() {
        std::vector<Piece> alternatives(1);
        skip_spaces();
        while (pos_ < pattern_.size() && pattern_[pos_] != ')') {
            if (pattern_[pos_] == '|') {
                alternatives.emplace_back();
                ++pos_;
            } else {
                Piece part = atom();
                repeat(part);
                append(alternatives.back(), std::move(part));
            }
            skip_spaces();
        }
        if (alternatives.size() == 1) return std::move(alternatives.front());
        // The first unit of whichever alternative matches, with the most
        // units of any before it and after it (all of its others at most).
        Piece either;
        either.units.emplace_back();
        for (const Piece& alternative : alternatives) {
            either.width = std::max(either.width, alternative.width);
            if (alternative.units.empty()) either.units.clear();
            if (either.units.empty()) continue;
            const std::vector<UnitKind>& kinds = alternative.units.front().kinds;
            either.units.front().kinds.insert(either.units.front().kinds.end(), kinds.begin(), kinds.end());
            either.lead = std::max(either.lead, alternative.lead);
            either.trail = std::max(either.trail, alternative.width == kAnyNumber ? kAnyNumber : alternative.width - 1);
        }
        if (either.units.empty()) return Piece{{}, either.width, 0, either.width};
        return either;
    }

    Piece atom() {
        const char c = pattern_[pos_];
        if (c == '\\') {
            pos_ += 2;
            return {};
        }
        if (c == '(') {
            if (!enter_group()) return {};  // a flag group (?i) takes no unit
            Piece body = sequence();
            leave_group();
            return body;
        }
        if (c == '[') {
            const auto macro = read_macro();
            if (!macro) return {};
            const auto unit = unit_of_(macro->cls, macro->label);
            if (!unit) return Piece{{}, 1, 0, 1};
            return Piece{{UnitNeeded{{*unit}}}, 0, 0, 1};
        }
        ++pos_;  // '^', '$': no unit
        return {};
    }

    // Applies the quantifier after an atom, if any: with none, the atom's
    // units stand as they are; with one that allows zero, they are not
    // needed; with one that allows more than one, the units of its first
    // time are, and the others follow them.
    void repeat(Piece& piece) {
        const auto quantifier = read_quantifier();
        if (!quantifier) return;
        const bool at_least_once = quantifier->at_least_once;
        const std::size_t at_most = std::min(quantifier->at_most, kAnyNumber);
        const std::size_t width = times(piece.width, at_most);
        if (!at_least_once) {
            piece = Piece{{}, width, 0, width};
            return;
        }
        if (piece.units.empty()) piece.lead = width;
        else piece.trail = plus(piece.trail, times(piece.width, at_most - 1));
        piece.width = width;
    }

    UnitOf unit_of_;
};

// A sentence's units as bit masks (bit u: unit u) of those of each class and
// of those that pass each label test that rules' units in order name, made
// in one pass over the units: a sentence has some 40 units, and its
// candidate rules ask for a few classes and tests each, most of them the same.
class UnitMasks {
public:
    // For a sentence whose units are `units`; masks only where it has at most
    // 64, of the tests in `tests`.
    void reset(const std::vector<UnitCodes>& units, const TestCodes& tests) {
        units_ = &units;
        ++sentence_;
        if (!fit()) return;
        for (std::size_t u = 0; u < units.size(); ++u) {
            const std::uint64_t bit = std::uint64_t{1} << u;
            const auto code = static_cast<unsigned char>(units[u].class_code);
            if (class_made_[code] != sentence_) {
                class_made_[code] = sentence_;
                class_mask_[code] = 0;
            }
            class_mask_[code] |= bit;
            for (std::size_t w = 0; w < tests.size(); ++w) {
                for (std::uint64_t passed = units[u].tests[w] & tests[w]; passed != 0; passed &= passed - 1) {
                    const auto test = w * 64 + static_cast<std::size_t>(std::countr_zero(passed));
                    if (test_made_[test] != sentence_) {
                        test_made_[test] = sentence_;
                        test_mask_[test] = 0;
                    }
                    test_mask_[test] |= bit;
                }
            }
        }
    }
    bool fit() const { return units_->size() <= 64; }

    // The units of one of `unit`'s kinds.
    std::uint64_t passing(const UnitNeeded& unit) const {
        std::uint64_t passing = 0;
        for (const UnitKind& kind : unit.kinds) {
            std::uint64_t mask = ~std::uint64_t{0};
            if (kind.class_code != 0) {
                const auto code = static_cast<unsigned char>(kind.class_code);
                mask &= class_made_[code] == sentence_ ? class_mask_[code] : 0;
            }
            if (kind.test_code >= 0) {
                const auto code = static_cast<std::size_t>(kind.test_code);
                mask &= test_made_[code] == sentence_ ? test_mask_[code] : 0;
            }
            passing |= mask;
        }
        return passing;
    }

    // Whether the units, from the `first` on, take `needed` in order, each
    // from a unit after the one before's and at most its most_before units
    // after it. Sentences of more than 64 units are asked only for the order.
    bool hold_in_order(std::size_t first, const std::vector<UnitNeeded>& needed) const {
        if (!fit()) return hold_in_order_unmasked(first, needed);
        // Bit u: the needed units so far can end at unit u.
        std::uint64_t ends = 0;
        for (std::size_t i = 0; i < needed.size(); ++i) {
            const UnitNeeded& unit = needed[i];
            std::uint64_t may_end = 0;  // units after an end, within most_before
            if (i == 0) {
                may_end = first < 64 ? ~std::uint64_t{0} << first : 0;
            } else if (unit.most_before >= kFewestShifts) {
                may_end = ~(((ends & -ends) << 1) - 1);
            } else {
                for (std::size_t step = 1; step <= unit.most_before + 1; ++step) may_end |= ends << step;
            }
            ends = passing(unit) & may_end;
            if (ends == 0) return false;
        }
        return true;
    }

private:
    // A gap of this many units or more is checked as any gap: only the order.
    static constexpr std::size_t kFewestShifts = 16;

    bool hold_in_order_unmasked(std::size_t first, const std::vector<UnitNeeded>& needed) const {
        std::size_t u = first;
        for (const UnitNeeded& unit : needed) {
            while (u < units_->size() && !passes((*units_)[u], unit)) ++u;
            if (u == units_->size()) return false;
            ++u;
        }
        return true;
    }
    static bool passes(const UnitCodes& codes, const UnitNeeded& unit) {
        return std::any_of(unit.kinds.begin(), unit.kinds.end(), [&](const UnitKind& kind) {
            if (kind.class_code != 0 && codes.class_code != kind.class_code) return false;
            if (kind.test_code < 0) return true;
            const auto code = static_cast<std::size_t>(kind.test_code);
            return ((codes.tests[code / 64] >> (code % 64)) & 1) != 0;
        });
    }

    const std::vector<UnitCodes>* units_ = nullptr;
    std::uint64_t sentence_ = 0;  // which reset() the masks made are of
    std::array<std::uint64_t, 128> class_made_{};
    std::array<std::uint64_t, 128> test_made_{};
    std::array<std::uint64_t, 128> class_mask_{};
    std::array<std::uint64_t, 128> test_mask_{};
};

// The units' tags with only the test codes in `wanted`, ascending, written
// into `buffer` (as long as the sentence's tags). A pattern reads a unit's
// class code and whether some of its test codes are there, in any order:
// it matches the same units here as in the tags if it reads no other code.
std::string_view tags_reading(const std::vector<UnitCodes>& units, const TestCodes& wanted, std::string& buffer) {
    char* end = buffer.data();
    for (const UnitCodes& unit : units) {
        *end++ = unit.class_code;
        for (std::size_t w = 0; w < wanted.size(); ++w) {
            for (std::uint64_t read = unit.tests[w] & wanted[w]; read != 0; read &= read - 1) {
                const auto code = w * 64 + static_cast<std::size_t>(std::countr_zero(read));
                *end++ = test_tag_byte(static_cast<char>(code));
            }
        }
    }
    return {buffer.data(), static_cast<std::size_t>(end - buffer.data())};
}

// The words of `bits` that have any set, as present_in's words hold them.
std::vector<ConditionWord> present_words(const ConditionBits& bits) {
    std::vector<ConditionWord> words;
    for (std::size_t w = 0; w < kConditionWords; ++w) {
        std::uint64_t word = 0;
        for (std::size_t b = 0; b < 64; ++b) {
            if (bits[w * 64 + b]) word |= std::uint64_t{1} << b;
        }
        if (word != 0) words.push_back({w, word});
    }
    return words;
}

}  // namespace

std::string RuleSet::expand(std::string_view pattern, std::string& error, Counts counts,
                            TestCodes* tests_read) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == ' ' || c == '\t') continue;
        if (c == '{' && append_count(out, pattern, i, counts == Counts::relaxed)) continue;
        if (const std::size_t length = syntax_length(pattern, i)) {
            out += pattern.substr(i, length);
            i += length - 1;
            continue;
        }
        if (c != '[') {
            // Tag strings hold codes, not text: text here could only match
            // codes by accident, never what it says.
            const std::size_t end = pattern.find_first_of(" \t[()|?*+^${", c == '\\' ? i + 2 : i + 1);
            error = fmt::format("'{0}' at column {1} is text outside a unit macro, which matches no text; "
                                "write it as a label ([word:{0}], [*:{0}])",
                                pattern.substr(i, end - i), i + 1);
            return {};
        }
        // The macro ends at its matching ']': labels may hold RE2 classes ([-:\d]).
        const std::size_t close = macro_end(pattern, i);
        if (close == std::string_view::npos) {
            error = fmt::format("unclosed '[' at column {}", i + 1);
            return {};
        }
        const std::string_view macro = pattern.substr(i + 1, close - i - 1);
        i = close;
        const std::size_t colon = macro.find(':');
        const std::string_view cls = trim(macro.substr(0, colon));
        if (cls.empty()) {
            error = "empty unit macro []";
            return {};
        }
        // Each macro is one group, so that a quantifier after it applies to
        // the whole unit: a class code, then test codes.
        if (cls == "any") {
            out += fmt::format("(?:{}{}*)", kClassByte, kTestByte);
            continue;
        }
        if (cls != "*" && cls.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") != std::string_view::npos) {
            error = fmt::format("unit class '{}' is not a lower-case name", cls);
            return {};
        }
        out += "(?:";
        if (cls == "*") {
            out += kClassByte;
        } else if (const auto code = alphabet_.add(cls)) {
            out += *code;
        } else {
            error = fmt::format("unit class '{}' is one more than the {} classes patterns can name", cls,
                                TagAlphabet::kMaxClasses);
            return {};
        }
        if (colon == std::string_view::npos) {
            out += fmt::format("{}*", kTestByte);
        } else {
            // The unit passes the label's test: its code is among the unit's.
            const auto test = alphabet_.add_label_test(cls, expand_label(trim(macro.substr(colon + 1))), error);
            if (!test) return {};
            if (tests_read) {
                const auto code = static_cast<unsigned char>(*test);
                (*tests_read)[code / 64] |= std::uint64_t{1} << (code % 64);
            }
            out += fmt::format("[^\\x00-\\x7F\\x{0:02X}]*\\x{0:02X}{1}*",
                               static_cast<unsigned char>(test_tag_byte(*test)), kTestByte);
        }
        out += ')';
    }
    return merge_class_alternatives(out);
}

void RuleSet::add_file(const std::string& path, std::string_view content) {
    std::istringstream in{std::string(content)};
    std::string raw;
    std::size_t number = 0;
    Rule* rule = nullptr;
    const auto fail = [&](const std::string& why) {
        throw RuleLoadError(fmt::format("{}:{}: {}", path, number, why));
    };
    while (std::getline(in, raw)) {
        ++number;
        const std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#') continue;
        const std::size_t space = line.find_first_of(" \t");
        const std::string_view key = line.substr(0, space);
        const std::string_view value = space == std::string_view::npos ? "" : trim(line.substr(space));
        if (key == "rule") {
            if (value.empty()) fail("a rule needs an id");
            for (const auto& r : rules_) {
                if (r->id == value) fail(fmt::format("rule '{}' is defined twice (first at {}:{})", value, r->file, r->line));
            }
            rules_.push_back(std::make_unique<Rule>());
            rule = rules_.back().get();
            rule->id = std::string(value);
            rule->file = path;
            rule->line = number;
            continue;
        }
        if (rule == nullptr) fail(fmt::format("'{}' before the first 'rule'", key));
        if (key == "fact") {
            if (std::find(std::begin(kFactKinds), std::end(kFactKinds), value) == std::end(kFactKinds)) {
                fail(fmt::format("unknown fact '{}'", value));
            }
            rule->fact = std::string(value);
        } else if (key == "pattern") {
            if (!rule->pattern.empty()) fail("a rule has one pattern");
            std::string error;
            const std::string expanded = expand(value, error, Counts::exact, &rule->tests_read);
            if (!error.empty()) fail(error);
            rule->expanded = expanded;
            rule->pattern = std::string(value);
            rule->pattern_line = number;
        } else if (key == "example") {
            const std::size_t arrow = value.find("=>");
            if (arrow == std::string_view::npos) fail("an example is 'text => field=value; ...' or 'text => none'");
            RuleExample example;
            example.line = number;
            example.text = std::string(trim(value.substr(0, arrow)));
            // ` ¶ ` stands for a paragraph break, which a line of the file cannot hold.
            for (std::size_t at; (at = example.text.find(" ¶ ")) != std::string::npos;) {
                example.text.replace(at, std::string_view(" ¶ ").size(), "\n\n");
            }
            const std::string_view expect = trim(value.substr(arrow + 2));
            if (expect == "none") {
                example.none = true;
            } else {
                std::size_t start = 0;
                while (start <= expect.size()) {
                    std::size_t end = expect.find(';', start);
                    if (end == std::string_view::npos) end = expect.size();
                    const std::string_view item = trim(expect.substr(start, end - start));
                    const std::size_t eq = item.find('=');
                    if (eq == std::string_view::npos) fail(fmt::format("'{}' is not field=value", item));
                    example.expect.emplace(std::string(trim(item.substr(0, eq))), std::string(trim(item.substr(eq + 1))));
                    start = end + 1;
                }
            }
            if (example.text.empty()) fail("an example needs text");
            rule->examples.push_back(std::move(example));
        } else {
            fail(fmt::format("unknown key '{}' (rule, fact, pattern, example)", key));
        }
    }
    for (const auto& r : rules_) {
        if (r->file != path) continue;
        number = r->line;
        if (r->fact.empty()) fail(fmt::format("rule '{}' has no fact", r->id));
        if (r->expanded.empty()) fail(fmt::format("rule '{}' has no pattern", r->id));
        if (r->examples.empty()) fail(fmt::format("rule '{}' has no example", r->id));
    }
}

void RuleSet::compile(std::int64_t set_max_mem) {
    // A class's bit is its number in the alphabet, a label test's follows
    // the classes': every class and test a pattern names got its code when
    // the pattern was read (expand). One without a bit only weakens a
    // condition. A label's test says more than its class: it is the bit.
    const auto test_bit = [](std::size_t number) { return TagAlphabet::kMaxClasses + number; };
    const auto bits_of = [&](std::string_view cls, std::optional<std::string_view> label) {
        ConditionBits bits;
        if (label) {
            const auto number = alphabet_.test_number(cls, expand_label(trim(*label)));
            if (number && test_bit(*number) < bits.size()) return bits.set(test_bit(*number));
        }
        const std::size_t index = alphabet_.index(alphabet_.code(cls));
        if (cls != "*" && index < alphabet_.size()) bits.set(index);
        return bits;
    };
    // A label test's code by its number: a test of every class has one code.
    std::vector<int> test_code_of_number;
    alphabet_.for_each_test([&](char, char test_code, std::size_t number) {
        if (number >= test_code_of_number.size()) test_code_of_number.resize(number + 1, -1);
        test_code_of_number[number] = static_cast<unsigned char>(test_code);
    });
    const auto unit_of = [&](std::string_view cls, std::optional<std::string_view> label) -> std::optional<UnitKind> {
        UnitKind unit;
        if (cls == "any") return std::nullopt;
        if (cls != "*") unit.class_code = alphabet_.code(cls);
        if (label) {
            const auto number = alphabet_.test_number(cls, expand_label(trim(*label)));
            if (!number || *number >= test_code_of_number.size()) return std::nullopt;
            unit.test_code = test_code_of_number[*number];
        }
        if (unit.class_code == 0 && unit.test_code < 0) return std::nullopt;
        return unit;
    };
    tests_in_order_ = {};
    for (const auto& rule : rules_) {
        rule->units_in_order = OrderedUnitsReader(rule->pattern, unit_of).read();
        for (const UnitNeeded& unit : rule->units_in_order) {
            for (const UnitKind& kind : unit.kinds) {
                if (kind.test_code < 0) continue;
                const auto code = static_cast<std::size_t>(kind.test_code);
                tests_in_order_[code / 64] |= std::uint64_t{1} << (code % 64);
            }
        }
        rule->class_clauses = ClassConditionReader(rule->pattern, bits_of).read();
        rule->required.reset();
        rule->one_of_words.clear();
        for (const ConditionBits& clause : rule->class_clauses) {
            if (clause.count() == 1) rule->required |= clause;
            else rule->one_of_words.push_back(present_words(clause));
        }
        rule->required_words = present_words(rule->required);
    }
    class_bit_.fill(kNoBit);
    for (std::size_t index = 0; index < alphabet_.size(); ++index) {
        class_bit_[static_cast<unsigned char>(TagAlphabet::code_at(index))] = static_cast<std::uint16_t>(index);
    }
    test_bit_.assign(128 * 128, kNoBit);
    alphabet_.for_each_test([&](char class_code, char test_code, std::size_t number) {
        if (test_bit(number) < ConditionBits().size()) {
            test_bit_[static_cast<unsigned char>(class_code) * 128 + static_cast<unsigned char>(test_code)] =
                static_cast<std::uint16_t>(test_bit(number));
        }
    });

    // One selecting set per fact type: the DFA of one set over all rules
    // needs the product of their states (some 45 MB); sets of a type's ten
    // or so rules need a fraction of that together, at the cost of one more
    // pass over the tags per set.
    std::vector<std::string> kinds;
    for (const auto& rule : rules_) {
        if (std::find(kinds.begin(), kinds.end(), rule->fact) == kinds.end()) kinds.push_back(rule->fact);
    }
    std::vector<SelectingSet> sets(kinds.size());
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        const auto kind = std::find(kinds.begin(), kinds.end(), rules_[i]->fact) - kinds.begin();
        SelectingSet& set = sets[static_cast<std::size_t>(kind)];
        set.rules.push_back(static_cast<int>(i));
        for (std::size_t w = 0; w < set.tests_read.size(); ++w) set.tests_read[w] |= rules_[i]->tests_read[w];
        const ConditionBits& required = rules_[i]->required;
        std::size_t bit = required.size();
        while (bit > 0 && !required[bit - 1]) --bit;
        if (bit == 0) {
            set.without_required_bit.push_back(static_cast<int>(i));
            continue;
        }
        const auto key = static_cast<std::uint16_t>(bit - 1);
        auto group = std::find_if(set.by_required_bit.begin(), set.by_required_bit.end(),
                                  [&](const auto& g) { return g.first == key; });
        if (group == set.by_required_bit.end()) group = set.by_required_bit.insert(group, {key, {}});
        group->second.push_back(static_cast<int>(i));
    }
    for (SelectingSet& set : sets) {
        std::sort(set.by_required_bit.begin(), set.by_required_bit.end());
        for (const auto& group : set.by_required_bit) {
            set.required_bits[group.first / 64] |= std::uint64_t{1} << (group.first % 64);
        }
    }

    // What went wrong in each set: the rule whose pattern it rejected (or
    // none), RE2's message, and whether it compiled within its budget.
    struct SetOutcome {
        std::size_t rejected = SIZE_MAX;
        std::string error;
        bool compiled = false;
    };
    std::vector<SetOutcome> set_outcomes(sets.size());
    std::vector<std::string> rule_errors(rules_.size());
    // Expanded here, before the threads start, since expand() may add to the
    // alphabet; each pattern expanded when its file was read, so it expands
    // now, in the codes it got then.
    std::vector<std::string> relaxed(rules_.size());
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        std::string no_error;
        relaxed[i] = expand(rules_[i]->pattern, no_error, Counts::relaxed);
    }
    const std::vector<LabelTests*> label_tests = alphabet_.label_tests();
    std::vector<char> label_tests_fit(label_tests.size(), 0);  // not vector<bool>: both threads write to it
    const auto compile_set = [&](std::size_t k) {
        RE2::Options options;
        options.set_log_errors(false);
        options.set_encoding(RE2::Options::EncodingLatin1);  // tags are bytes: one byte, one character
        options.set_max_mem(set_max_mem);
        sets[k].set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
        for (int i : sets[k].rules) {
            const auto index = static_cast<std::size_t>(i);
            if (sets[k].set->Add(relaxed[index], &set_outcomes[k].error) < 0) {
                set_outcomes[k].rejected = index;
                return;
            }
        }
        set_outcomes[k].compiled = sets[k].set->Compile();
    };
    const auto compile_rule = [&](std::size_t i) {
        Rule& rule = *rules_[i];
        if (rule.regex) return;
        RE2::Options options;
        options.set_log_errors(false);
        options.set_encoding(RE2::Options::EncodingLatin1);
        options.set_max_mem(kRuleMaxMem);
        auto regex = std::make_unique<RE2>(rule.expanded, options);
        if (!regex->ok()) {
            rule_errors[i] = regex->error();
            return;
        }
        const auto group_count = static_cast<std::size_t>(regex->NumberOfCapturingGroups()) + 1;
        rule.group_items.assign(group_count, 1);
        rule.group_names.assign(group_count, "");
        for (const auto& [name, index] : regex->NamedCapturingGroups()) {
            const auto g = static_cast<std::size_t>(index);
            rule.group_names[g] = name;
            const std::size_t underscore = name.rfind('_');
            if (underscore != std::string::npos && underscore + 1 < name.size() && name.size() - underscore <= 3 &&
                name.find_first_not_of("0123456789", underscore + 1) == std::string::npos) {
                const auto item = static_cast<std::size_t>(std::stoi(name.substr(underscore + 1)));
                if (item >= 2) {
                    rule.group_items[g] = item;
                    rule.group_names[g] = name.substr(0, underscore);
                    rule.items = std::max(rule.items, item);
                }
            }
        }
        rule.regex = std::move(regex);
    };

    // Two threads take the jobs in turn, longest first so that they end
    // together: each class's label tests (the words' Unicode classes take
    // the longest of all), the selecting sets, then the rules (under 1 ms
    // each). A thread per set was slower: more threads than cores contend
    // in RE2's compiler and the allocator.
    const std::size_t jobs = label_tests.size() + sets.size() + rules_.size();
    std::atomic<std::size_t> next_job{0};
    std::exception_ptr failures[2];
    const auto work = [&](std::exception_ptr& failure) {
        try {
            for (std::size_t j = next_job++; j < jobs; j = next_job++) {
                if (j < label_tests.size()) {
                    label_tests_fit[j] = label_tests[j]->compile(TagAlphabet::kLabelTestsMaxMem);
                } else if (j < label_tests.size() + sets.size()) {
                    compile_set(j - label_tests.size());
                } else {
                    compile_rule(j - label_tests.size() - sets.size());
                }
            }
        } catch (...) {
            failure = std::current_exception();
            next_job = jobs;
        }
    };
    {
        std::jthread helper(work, std::ref(failures[1]));
        work(failures[0]);
    }

    for (const std::exception_ptr& failure : failures) {
        if (failure) std::rethrow_exception(failure);
    }
    for (std::size_t k = 0; k < label_tests.size(); ++k) {
        if (!label_tests_fit[k]) {
            throw RuleLoadError(fmt::format("{}: the label tests of a unit class exceed their memory budget ({} MiB)",
                                            rules_.empty() ? std::string("rules") : rules_.front()->file,
                                            TagAlphabet::kLabelTestsMaxMem >> 20));
        }
    }
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        if (!rule_errors[i].empty()) {
            throw RuleLoadError(
                fmt::format("{}:{}: bad pattern: {}", rules_[i]->file, rules_[i]->pattern_line, rule_errors[i]));
        }
    }
    for (const SetOutcome& outcome : set_outcomes) {
        if (outcome.rejected != SIZE_MAX) {
            const Rule& rule = *rules_[outcome.rejected];
            throw RuleLoadError(fmt::format("{}:{}: bad pattern: {}", rule.file, rule.pattern_line, outcome.error));
        }
    }
    for (const SetOutcome& outcome : set_outcomes) {
        if (!outcome.compiled) {
            throw RuleLoadError(fmt::format(
                "{}: the rules are too large for the selecting sets' memory budget ({} MiB each)",
                rules_.empty() ? std::string("rules") : rules_.front()->file, set_max_mem >> 20));
        }
    }
    sets_ = std::move(sets);
}

RuleSet RuleSet::load(const std::string& dir) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".rules") files.push_back(entry.path());
    }
    if (ec) throw RuleLoadError(fmt::format("{}: {}", dir, ec.message()));
    std::sort(files.begin(), files.end());
    RuleSet set;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream content;
        content << in.rdbuf();
        if (!in) throw RuleLoadError(fmt::format("{}: cannot read", file.string()));
        set.add_file(file.string(), content.str());
    }
    set.compile();
    return set;
}

PresentBits RuleSet::present_in(const AnnotatedText& text, std::size_t sentence,
                                std::vector<UnitCodes>& units) const {
    // The bits as words, one more for kNoBit, so that no code is asked
    // whether it has a bit.
    static_assert(kNoBit / 64 == kConditionWords);
    std::array<std::uint64_t, kConditionWords + 1> words{};
    const auto set = [&](std::uint16_t bit) { words[bit / 64] |= std::uint64_t{1} << (bit % 64); };
    // A test's bit depends on its unit's class: the codes are gathered by
    // class first, so that each class and code is looked up once. Each
    // class's entry is emptied again as it is read.
    thread_local std::array<TestCodes, 128> tests_of_class{};
    TestCodes classes{};
    const std::string& tags = text.tags;
    const SentenceTags& s = text.sentences[sentence];
    units.resize(s.end_unit - s.first_unit);
    for (std::size_t u = s.first_unit; u < s.end_unit; ++u) {
        // A unit's tag is its class code, then its test codes (text.unit_tests).
        const auto code = static_cast<unsigned char>(tags[text.unit_tags[u]]);
        const TestCodes& tests = text.unit_tests[u];
        units[u - s.first_unit] = {static_cast<char>(code), tests};
        classes[code / 64] |= std::uint64_t{1} << (code % 64);
        tests_of_class[code][0] |= tests[0];
        tests_of_class[code][1] |= tests[1];
    }
    for (std::size_t cw = 0; cw < classes.size(); ++cw) {
        for (std::uint64_t class_codes = classes[cw]; class_codes != 0; class_codes &= class_codes - 1) {
            const std::size_t code = cw * 64 + static_cast<std::size_t>(std::countr_zero(class_codes));
            set(class_bit_[code]);
            const std::uint16_t* test_bit = &test_bit_[code * 128];
            for (std::size_t tw = 0; tw < 2; ++tw) {
                for (std::uint64_t tests = tests_of_class[code][tw]; tests != 0; tests &= tests - 1) {
                    set(test_bit[tw * 64 + static_cast<std::size_t>(std::countr_zero(tests))]);
                }
            }
            tests_of_class[code] = {};
        }
    }
    PresentBits present;
    std::copy_n(words.begin(), kConditionWords, present.begin());
    return present;
}

std::vector<std::vector<std::string>> RuleSet::class_condition(const Rule& rule) const {
    std::vector<std::vector<std::string>> out;
    for (const ConditionBits& clause : rule.class_clauses) {
        auto& names = out.emplace_back();
        for (std::size_t bit = 0; bit < clause.size(); ++bit) {
            if (!clause.test(bit)) continue;
            names.emplace_back(bit < TagAlphabet::kMaxClasses
                                   ? std::string(alphabet_.name(TagAlphabet::code_at(bit)))
                                   : alphabet_.test_name(bit - TagAlphabet::kMaxClasses));
        }
    }
    return out;
}

void RuleSet::match_sentence(const AnnotatedText& text, std::size_t sentence,
                             std::vector<RuleMatch>& out) const {
    match_sentence(text, sentence, out, UnitsInOrder::skip);
}

void RuleSet::match_sentence_searching_all(const AnnotatedText& text, std::size_t sentence,
                                           std::vector<RuleMatch>& out) const {
    match_sentence(text, sentence, out, UnitsInOrder::ignore);
}

void RuleSet::match_sentence(const AnnotatedText& text, std::size_t sentence, std::vector<RuleMatch>& out,
                             UnitsInOrder units_in_order) const {
    const bool skip = units_in_order == UnitsInOrder::skip;
    const std::string_view tags = text.sentence_tags(sentence);
    // Scratch space, kept per thread: this runs for every sentence.
    thread_local std::vector<UnitCodes> unit_codes;
    const PresentBits present = present_in(text, sentence, unit_codes);
    const auto possible = [&](int index) {
        const Rule& rule = *rules_[static_cast<std::size_t>(index)];
        for (const ConditionWord& required : rule.required_words) {
            if ((present[required.word] & required.bits) != required.bits) return false;
        }
        for (const std::vector<ConditionWord>& clause : rule.one_of_words) {
            if (std::none_of(clause.begin(), clause.end(),
                             [&](const ConditionWord& any) { return (present[any.word] & any.bits) != 0; })) {
                return false;
            }
        }
        return true;
    };
    thread_local std::vector<int> candidates;
    thread_local std::vector<int> selected;
    thread_local std::vector<re2::StringPiece> groups;
    thread_local std::string read_tags;
    thread_local std::vector<std::size_t> read_unit_starts;
    thread_local UnitMasks unit_masks;
    candidates.clear();
    for (const SelectingSet& set : sets_) {
        // A set's pass builds DFA states of its own for each new kind of
        // sentence, so where the classes leave few rules (kFewestRulesForSet)
        // they run without the set.
        const auto first = candidates.size();
        for (int index : set.without_required_bit) {
            if (possible(index)) candidates.push_back(index);
        }
        // The groups of the bits the sentence holds, found in ascending order.
        auto group = set.by_required_bit.begin();
        for (std::size_t w = 0; w < kConditionWords; ++w) {
            for (std::uint64_t held = present[w] & set.required_bits[w]; held != 0; held &= held - 1) {
                const std::size_t bit = w * 64 + static_cast<std::size_t>(std::countr_zero(held));
                while (group->first != bit) ++group;
                for (int index : group->second) {
                    if (possible(index)) candidates.push_back(index);
                }
            }
        }
        if (candidates.size() - first < kFewestRulesForSet) continue;
        candidates.resize(first);
        RE2::Set::ErrorInfo error{};
        selected.clear();
        read_tags.resize(tags.size());
        if (set.set->Match(tags_reading(unit_codes, set.tests_read, read_tags), &selected, &error)) {
            for (int i : selected) candidates.push_back(set.rules[static_cast<std::size_t>(i)]);
        } else if (error.kind != RE2::Set::kNoError) {
            // Out of DFA memory (a pathological sentence): the set cannot tell
            // which of its rules match, so they all run; the result is the same.
            candidates.insert(candidates.end(), set.rules.begin(), set.rules.end());
        }
    }
    if (candidates.empty()) return;
    std::sort(candidates.begin(), candidates.end());
    unit_masks.reset(unit_codes, tests_in_order_);
    read_tags.resize(tags.size());
    const std::size_t first_unit = text.sentences[sentence].first_unit;
    for (int index : candidates) {
        const Rule& rule = *rules_[static_cast<std::size_t>(index)];
        if (skip && !unit_masks.hold_in_order(0, rule.units_in_order)) continue;
        // Most of the tags' bytes are codes the rule does not read.
        const std::string_view read = tags_reading(unit_codes, rule.tests_read, read_tags);
        // Where each unit starts in `read`: wanted only where the rule matches.
        read_unit_starts.clear();
        // The sentence's unit that starts at or first after an offset of `read`.
        const auto unit_at = [&](std::size_t offset) {
            if (read_unit_starts.empty()) {
                for (std::size_t i = 0; i < read.size(); ++i) {
                    if (starts_unit(read[i])) read_unit_starts.push_back(i);
                }
            }
            const auto next_start = std::lower_bound(read_unit_starts.begin(), read_unit_starts.end(), offset);
            return static_cast<std::size_t>(next_start - read_unit_starts.begin());
        };
        // The units [first, end) that a range of `read` covers.
        const auto units_in = [&](const re2::StringPiece& g) {
            const auto start = static_cast<std::size_t>(g.data() - read.data());
            return Capture{first_unit + unit_at(start), first_unit + unit_at(start + g.size())};
        };
        groups.assign(rule.group_names.size(), re2::StringPiece());
        std::size_t pos = 0;
        while (pos < read.size() &&
               rule.regex->Match(read, pos, read.size(), RE2::UNANCHORED, groups.data(),
                                 static_cast<int>(groups.size()))) {
            const Capture whole = units_in(groups[0]);
            // One match for each of a list's items that matched.
            for (std::size_t item = 1; item <= rule.items; ++item) {
                RuleMatch match;
                match.rule = &rule;
                match.sentence = sentence;
                match.whole = whole;
                match.captures.reserve(groups.size() - 1);  // at once, not by doubling
                for (std::size_t g = 1; g < groups.size(); ++g) {
                    if (rule.group_names[g].empty() || rule.group_items[g] != item || groups[g].data() == nullptr) continue;
                    match.captures.emplace_back(rule.group_names[g], units_in(groups[g]));
                }
                if (item == 1 || !match.captures.empty()) out.push_back(std::move(match));
            }
            const auto end = static_cast<std::size_t>(groups[0].data() + groups[0].size() - read.data());
            // Resume at the next unit after the match start when it matched nothing.
            pos = end > pos ? end
                            : static_cast<std::size_t>(
                                  std::find_if(read.begin() + static_cast<std::ptrdiff_t>(pos) + 1, read.end(),
                                               starts_unit) -
                                  read.begin());
            // A match from pos on takes units from the one that starts there.
            if (skip && pos < read.size() && !unit_masks.hold_in_order(unit_at(pos), rule.units_in_order)) break;
        }
    }
}

}  // namespace kfacts
