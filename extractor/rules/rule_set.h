// Pattern rules over units (rules/patterns/*.rules), compiled once to RE2.
//
// A rule file is a list of blocks:
//
//   rule param.size-before-scale-model
//     fact     parameter_count
//     pattern  (?P<value>[qty:B|개]) [scale]? [particle:의]? [any]{0,4}? [modelword]
//     example  매개변수 300B 규모의 대형 언어 모델 => value=300000000000
//     example  매출 500억원 규모의 사업 => none
//
// Patterns are RE2 over the tag string of a sentence (see units.h) with
// unit macros: [class] any unit of a class, [class:a|b] one whose label is a
// or b (RE2 alternatives; `.` stands for any character but a unit boundary),
// [*:label] a unit of any class with that label, [any] any unit. Spaces in
// patterns are ignored. Named groups say which units fill which field of the
// fact. Each pattern implies unit classes and label tests a sentence must
// have for it to match (`[qty] [param]?` needs a qty, `[particle:은|는]` a
// particle that passes 은|는); rules whose classes or tests are missing are
// not tried. Where many rules of a fact type are left, one RE2::Set pass
// selects the rules that can match; only those run their own RE2. The
// sets hold the patterns with their counts relaxed (see Counts): they only
// select, and each selected rule's own RE2 decides.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/units.h"

namespace kfacts {

struct RuleExample {
    std::string text;
    // Expected fields ("value" -> "500000000000"); empty with `none` for "must yield nothing".
    std::map<std::string, std::string> expect;
    bool none = false;
    std::size_t line = 0;
};

// Unit classes and label tests as bits: a class's bit is its number in the
// tag alphabet, a label test's kMaxClasses + its number (TagAlphabet).
// Tests numbered beyond the bits get none, which only weakens a condition:
// with 256 bits the rules' last 12 of 206 tests had none, and
// team.startup-hangul-name, needing a company word only through them, was
// tried in most sentences (50,000 searches over 2,000 articles, 105 matches).
using ConditionBits = std::bitset<320>;
// ConditionBits as 64-bit words, bit b in word b / 64: what a sentence holds
// is tested against each rule's condition a word at a time.
constexpr std::size_t kConditionWords = ConditionBits().size() / 64;
using PresentBits = std::array<std::uint64_t, kConditionWords>;
// One word of a condition that has some of its bits: a rule's condition is
// a bit or two, of some 130 rules tested for each sentence.
struct ConditionWord {
    std::size_t word = 0;
    std::uint64_t bits = 0;
};

// A unit of a sentence's tags: its class code and the codes of the label
// tests it passes.
struct UnitCodes {
    char class_code = 0;
    TestCodes tests{};
};

// A kind of unit a macro reads: of class `class_code` (0 for any class)
// and, unless `test_code` is negative, passing that label test.
struct UnitKind {
    char class_code = 0;
    int test_code = -1;
};

// A unit that every match of a pattern takes: of one of `kinds` (several
// where alternatives begin with different macros), at most `most_before`
// units after the unit needed before it.
struct UnitNeeded {
    static constexpr std::size_t kAnyNumber = SIZE_MAX;
    std::vector<UnitKind> kinds;
    std::size_t most_before = kAnyNumber;
};

struct Rule {
    std::string id;
    std::string fact;     // parameter_count, benchmark_score, model, team, speaker
    std::string pattern;   // as written
    std::string expanded;  // RE2 syntax, macros expanded
    std::string file;
    std::size_t line = 0;          // of the `rule` line
    std::size_t pattern_line = 0;  // of the `pattern` line
    std::unique_ptr<RE2> regex;    // compiled by RuleSet::compile()
    // By group index (1-based; [0] unused), the group's name, empty for a
    // group without one. A list's items (`(?P<score>…) , (?P<subject_2>…)
    // (?P<score_2>…)`): a group named `name_N` is `name` of the list's Nth
    // item, and each item is a match of its own; its name here is without
    // `_N`, and group_items holds its item (1 for plain names).
    std::vector<std::string> group_names;
    std::vector<std::size_t> group_items;
    std::size_t items = 1;
    std::vector<RuleExample> examples;
    // What a sentence must hold for the pattern to match, in unit classes
    // and label tests: each clause is a set of them (ConditionBits), and
    // every clause needs one of them present. Derived from the pattern by
    // RuleSet::compile(); empty means no condition.
    std::vector<ConditionBits> class_clauses;
    // The same, as matching tests them for every sentence: the clauses of
    // one member (most) all at once, then those of several one by one, each
    // by the words of its bits that have any (present_words). `required`
    // as bits too: the selecting sets group rules by its highest bit.
    ConditionBits required;
    std::vector<ConditionWord> required_words;
    std::vector<std::vector<ConditionWord>> one_of_words;
    // The codes of the label tests the pattern names: its RE2 searches the
    // tags without the others (match_sentence), most of a sentence's bytes.
    TestCodes tests_read{};
    // Units every match takes, in the order it takes them and as near each
    // other (from the pattern's macros that are not optional, and the first
    // of each alternative): a sentence, or the rest of one after a match, without
    // them so has no match, which a look at its units tells for less than a
    // search.
    std::vector<UnitNeeded> units_in_order;
};

// Units that one named group of a match covers: [first, end).
struct Capture {
    std::size_t first = 0;
    std::size_t end = 0;
    bool empty() const { return first == end; }
};

struct RuleMatch {
    const Rule* rule = nullptr;
    std::size_t sentence = 0;
    Capture whole;
    // By group name (the rule's own strings); a pattern has a few groups.
    std::vector<std::pair<std::string_view, Capture>> captures;

    const Capture* get(std::string_view name) const {
        for (const auto& [group, capture] : captures) {
            if (group == name) return capture.empty() ? nullptr : &capture;
        }
        return nullptr;
    }
};

class RuleSet {
public:
    // Memory budgets (docs/limits.md): of each RE2::Set that selects rules
    // (one per fact type), and of each rule's own RE2. DFA caches grow up to
    // them over a long run.
    static constexpr std::int64_t kSetMaxMem = std::int64_t{32} << 20;
    static constexpr std::int64_t kRuleMaxMem = std::int64_t{4} << 20;

    // Loads every *.rules file in `dir` (sorted). Errors: RuleLoadError "file:line: problem".
    static RuleSet load(const std::string& dir);
    // Parses one rule file's text (for tests and `kfacts rules lint`).
    void add_file(const std::string& path, std::string_view content);
    // Compiles each rule's RE2 and the RE2::Sets that select rules (a bad
    // pattern: RuleLoadError "file:line: bad pattern: …"). A sentence that
    // needs more than `set_max_mem` of a set's DFA runs all of that set's
    // rules instead: slower, same matches.
    void compile(std::int64_t set_max_mem = kSetMaxMem);

    const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }

    // All matches in one sentence, in rule order, then left to right.
    void match_sentence(const AnnotatedText& text, std::size_t sentence,
                        std::vector<RuleMatch>& out) const;
    // The same, with every candidate rule's RE2 run over the whole sentence
    // though the sentence lacks the units the rule takes in order: for tests
    // that the skipping loses no match.
    void match_sentence_searching_all(const AnnotatedText& text, std::size_t sentence,
                                      std::vector<RuleMatch>& out) const;

    // How expand() writes counted repetitions of units: as written, or
    // relaxed to * and + (`[any]{0,20}` as `[any]*`, `[word]{2,3}` as
    // `[word]+`). A relaxed pattern matches wherever the pattern does, and
    // its DFA need not count: a set of unanchored patterns with {0,20} tracks
    // every start within the last 20 units and builds states without end.
    // Counts inside labels stay exact: a label test runs on one label alone.
    enum class Counts { exact, relaxed };

    // RE2 text of a pattern after macro expansion, in the tag alphabet of
    // the patterns read so far; classes and label tests it names for the
    // first time get their codes (see TagAlphabet). For tests.
    // `tests_read`, if given, gets the codes of the label tests it reads.
    std::string expand(std::string_view pattern, std::string& error, Counts counts = Counts::exact,
                       TestCodes* tests_read = nullptr);

    // How annotate() must spell the classes and labels these patterns read.
    const TagAlphabet& alphabet() const { return alphabet_; }

    // The unit classes and label tests a pattern implies (see
    // Rule::class_clauses), written as class names and as class:test:
    // {{"qty"}, {"launch", "modelword"}, {"particle:은|는"}}. For tests.
    std::vector<std::vector<std::string>> class_condition(const Rule& rule) const;

private:
    enum class UnitsInOrder { skip, ignore };
    void match_sentence(const AnnotatedText& text, std::size_t sentence, std::vector<RuleMatch>& out,
                        UnitsInOrder units_in_order) const;
    std::vector<std::unique_ptr<Rule>> rules_;
    TagAlphabet alphabet_;
    // The sets that select candidate rules, one per fact type, with the
    // index in rules_ of each set's patterns.
    struct SelectingSet {
        std::unique_ptr<RE2::Set> set;
        std::vector<int> rules;
        // The codes of the label tests its patterns read (Rule::tests_read).
        TestCodes tests_read{};
        // The same rules by the highest of their required bits (a label
        // test's where they need one, rarer than a class), and those that
        // need no bit: a sentence tests only the rules whose bit it holds
        // (some 130 rules a sentence, most of which it cannot match).
        std::vector<std::pair<std::uint16_t, std::vector<int>>> by_required_bit;  // ascending by bit
        PresentBits required_bits{};  // the bits of by_required_bit
        std::vector<int> without_required_bit;
    };
    std::vector<SelectingSet> sets_;
    // A set's pass runs only where the classes leave this many of its rules
    // (fewer run their own searches). A pass over a sentence the set has not
    // seen the like of builds DFA states, some 15,000 instructions each: over
    // real articles (data/heldout1*) 4 spent 3.01 G instructions, 8 2.66 G,
    // 16 2.19 G, no set at all 2.04 G. The bench corpus, whose sentences
    // recur (87% of them within 2,000 articles), keeps the sets' DFAs warm:
    // over all of it 4 took 35.79 G, 8 36.12 G, 16 37.12 G, no set 37.18 G,
    // yet no more user time (8.4, 8.3, 8.2, 8.0 s: building states touches
    // new memory) and less memory (27.6, 26.9, 22.7, 21.9 MB). Since each
    // rule searches only the codes it reads (match_sentence), its search is
    // cheaper still: 16 took 2.540 G over data/heldout1* and 5.570 G over
    // the 2,000 bench articles, 24 2.294 G and 5.488 G, 32 2.282 G and
    // 5.477 G, no set 2.282 G and 5.476 G; so a pass is for the sentences
    // where most of a type's rules are left.
    static constexpr std::size_t kFewestRulesForSet = 32;
    // The condition bit of each class code, and of each test code after a
    // class code (class code * 128 + test code); kNoBit for none, a bit past
    // ConditionBits that present_in sets and drops, so that it never asks.
    static constexpr std::uint16_t kNoBit = ConditionBits().size();
    std::array<std::uint16_t, 128> class_bit_{};
    std::vector<std::uint16_t> test_bit_;
    static_assert(TagAlphabet::kMaxClasses < ConditionBits().size());
    // The codes of the label tests that the rules' units in order name.
    TestCodes tests_in_order_{};

    // The classes and label tests that a sentence's units have; `units`
    // gets each unit's codes.
    PresentBits present_in(const AnnotatedText& text, std::size_t sentence, std::vector<UnitCodes>& units) const;
};

}  // namespace kfacts
