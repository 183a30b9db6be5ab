// A sentence as the rule engine sees it: a sequence of units (a token, or a
// gazetteer name or quantity spanning several tokens), each with a class and
// a label, rendered as a tag string that the patterns in
// rules/patterns/*.rules match with RE2. Patterns read `{class:label}`; the
// tag string spells each unit as a one-byte code for its class (TagAlphabet)
// and one byte per test of its label that it passes (LabelTests).
#pragma once

#include <algorithm>
#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "base/hash.h"
#include "numbers/numbers.h"
#include "rules/document_names.h"
#include "rules/lexicon.h"
#include "text/tokenizer.h"

namespace kfacts {

enum class UnitClass : std::uint8_t {
    team, org, model, benchmark, title, reporter, not_model,
    quantity,   // label: the unit (점, %, 개) or B for English scales (500B)
    person,     // a Korean personal name: a surname and one to three syllables
    surname,    // a surname alone, as in later references (정 CIC장은)
    particle,   // label: the particle (은, 는, 의)
    word,       // label: the word; words in keywords.tsv carry their class instead
    symbol,     // label: the character
    dq_open, dq_close, sq_open, sq_close,  // double and single quotation marks
    other_number,  // dates, times, ordinals: never quantities (the last class)
};
inline constexpr std::size_t kUnitClassCount = static_cast<std::size_t>(UnitClass::other_number) + 1;

std::string_view unit_class_name(UnitClass cls);

// A tag string writes a unit's class code as it is (ASCII) and the codes of
// the label tests it passes with their high bit set: a class code starts
// each unit, so units need no delimiters.
constexpr char test_tag_byte(char test_code) {
    return static_cast<char>(static_cast<unsigned char>(test_code) | 0x80);
}
constexpr bool starts_unit(char tag_byte) { return static_cast<unsigned char>(tag_byte) < 0x80; }

// A set of label tests' codes (0 to 127) as bits, code n in word n / 64.
using TestCodes = std::array<std::uint64_t, 2>;

// A test of a unit's label that a pattern makes ([word:팀|기업], [qty:B개?]):
// a regex that must match the whole label, and the code a unit that passes
// it is written with.
struct LabelTest {
    std::string regex;
    char code;
    std::size_t number;  // in order of first sight over all classes (TagAlphabet)
};

// The tests of one class's labels. A unit is written with the codes of the
// tests its label passes, never with the label itself, so that the patterns
// RE2 runs over the tags stay short and over bytes: programs small enough for
// RE2's fast submatch engines, and tags a byte or two a unit.
class LabelTests {
public:
    void add(LabelTest test) { tests_.push_back(std::move(test)); }
    // Compiles the set that runs the tests in one pass (those that list words
    // or endings go to tables instead); false if it exceeds `max_mem`. Classes compile independently, so the rule loader compiles
    // them on its threads beside the selecting sets and rule RE2s.
    bool compile(std::int64_t max_mem);
    bool empty() const { return tests_.empty(); }
    const std::vector<LabelTest>& tests() const { return tests_; }
    // Appends the codes of the tests `label` passes, in the order they were
    // added, and returns them as bits. `scratch` is working memory, to be
    // reused across calls.
    TestCodes append_passed(std::string_view label, std::string& out, std::vector<int>& scratch) const;

private:
    void run(std::string_view label, std::string& out, std::vector<int>& scratch) const;
    void run_one_by_one(std::string_view label, std::string& out) const;

    // Each test compiled alone, for a label that takes the set past its
    // memory budget: compiled the first time that happens, once.
    struct OneByOne {
        std::once_flag compiled;
        std::vector<std::unique_ptr<const RE2>> tests;
    };

    // Hashes a word without copying it into a std::string (tests_of_word_).
    struct WordHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view word) const { return static_cast<std::size_t>(hash_bytes(word)); }
    };

    std::vector<LabelTest> tests_;
    // The tests that list words (은|는|이|가, 기업|업체|개발사) and words after
    // any text ([^}]*(?:연구소|연구팀), [^}]*테크): a label passes one where it
    // is one of its words, or ends with one of its endings and is all text
    // without `}` (any_text_), which tables tell. In the set they took DFA
    // states that each new label built anew.
    std::unordered_map<std::string, std::vector<int>, WordHash, std::equal_to<>> tests_of_word_;
    std::vector<std::pair<std::string, std::vector<int>>> tests_of_ending_;
    // The last two bytes of the endings (the last byte of those of one), and
    // whether one is empty: a label whose last bytes end none is not
    // compared with each (most labels the set reads end in none).
    std::bitset<65536> ending_last_two_bytes_;
    std::bitset<256> one_byte_endings_;
    bool empty_ending_ = false;
    std::unique_ptr<const RE2> any_text_;  // [^}]*
    // The other tests, run in one pass: set_'s pattern n is tests_[set_tests_[n]].
    std::unique_ptr<RE2::Set> set_;
    std::vector<int> set_tests_;
    std::unique_ptr<OneByOne> one_by_one_;
    std::uint64_t id_ = 0;  // unique to each compile(), for the cache of answers (units.cpp)
};

// How tag strings spell units: the class code, then the codes of the label
// tests it passes (test_tag_byte). RE2 scans the tags once per selecting set
// and once or more per selected rule, so their length is its cost:
// `{team:카카오}` is 15 bytes, its tag 1. Each class that a pattern names
// gets one character; every other class shares kUnnamedClass, since no
// pattern can tell them apart.
class TagAlphabet {
public:
    static constexpr char kUnnamedClass = '_';
    static constexpr std::size_t kMaxClasses = 62;     // one letter or digit each
    // Of one class, with those of every class: a test's tag byte is its code
    // with the high bit set, so codes are the 128 ASCII bytes.
    static constexpr std::size_t kMaxLabelTests = 128;
    static constexpr std::int64_t kLabelTestsMaxMem = std::int64_t{8} << 20;  // per class

    // The code of a class a pattern names, given one on first sight; nothing
    // once kMaxClasses classes have codes.
    std::optional<char> add(std::string_view cls);
    // The code of the test "the label matches `regex`" for units of class
    // `cls` (a class `add` has given a code, or "*" for every class), given
    // one on first sight; nothing, with the reason, when the regex does not
    // parse or the class has kMaxLabelTests tests. Codes tell apart the
    // tests of one class: a test of every class has the same code in each.
    std::optional<char> add_label_test(std::string_view cls, std::string_view regex, std::string& error);
    // The tests of each class, kUnnamedClass's included, to be compiled
    // (LabelTests::compile, kLabelTestsMaxMem each) before tags are written.
    std::vector<LabelTests*> label_tests();
    // Tests are numbered over all classes in order of first sight: the
    // number of the test a macro made, and what a number stands for
    // ("particle:은|는").
    std::optional<std::size_t> test_number(std::string_view cls, std::string_view regex) const;
    std::string test_name(std::size_t number) const { return test_names_[number]; }
    // Calls f(class code, test code, test number) for every test of every
    // class, kUnnamedClass included.
    template <typename F>
    void for_each_test(F f) const {
        for (const auto& [name, c] : classes_) {
            for (const LabelTest& test : c.tests.tests()) f(c.code, test.code, test.number);
        }
        for (const LabelTest& test : unnamed_.tests()) f(kUnnamedClass, test.code, test.number);
    }

    // How a unit of any class is written: its code (kUnnamedClass unless a
    // pattern names the class) and the tests of its label (null if none). One lookup.
    struct Spelling {
        char code;
        const LabelTests* tests;
    };
    Spelling spelling(std::string_view cls) const;
    char code(std::string_view cls) const { return spelling(cls).code; }
    bool reads_labels(std::string_view cls) const { return spelling(cls).tests != nullptr; }
    // The class a code stands for ("" for kUnnamedClass and unknown codes).
    std::string_view name(char code) const;
    std::size_t size() const { return names_.size(); }
    // Classes are numbered in order of first sight: the i-th has code
    // code_at(i), and index() of a code is its number (size() for
    // kUnnamedClass and unknown codes).
    static char code_at(std::size_t index) { return kCodes[index]; }
    std::size_t index(char code) const { return std::min(kCodes.find(code), size()); }

private:
    static constexpr std::string_view kCodes = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static_assert(kCodes.size() == kMaxClasses);
    // Label tests' codes: letters and digits first (readable where tests
    // spell tags), then the other ASCII bytes.
    static constexpr std::array<char, kMaxLabelTests> kTestCodes = [] {
        std::array<char, kMaxLabelTests> codes{};
        std::size_t n = 0;
        for (char c : kCodes) codes[n++] = c;
        for (int c = 0; c < 128; ++c) {
            if (kCodes.find(static_cast<char>(c)) == std::string_view::npos) codes[n++] = static_cast<char>(c);
        }
        return codes;
    }();
    struct NameHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    struct Class {
        char code;
        LabelTests tests;     // its own, then those of every class
        std::size_t own = 0;  // its own tests: codes from the start of kTestCodes
    };
    // The tests already made, by name ("word:팀|기업": a class name holds no
    // ':'), with their code and number; and their names by number.
    struct TestMade {
        char code;
        std::size_t number;
    };
    static std::string test_key(std::string_view cls, std::string_view regex) {
        return std::string(cls) + ':' + std::string(regex);
    }
    std::unordered_map<std::string, TestMade> tests_made_;
    std::vector<std::string> test_names_;
    std::unordered_map<std::string, Class, NameHash, std::equal_to<>> classes_;
    std::vector<std::string> names_;  // by code index
    // Tests of every class ([*:label]), codes from the end of kTestCodes; the
    // classes no pattern names have only these.
    std::vector<LabelTest> every_class_;
    LabelTests unnamed_;
};

struct Unit {
    UnitClass cls = UnitClass::word;
    std::size_t first_token = 0;  // tokens [first_token, end_token)
    std::size_t end_token = 0;
    std::size_t norm_start = 0;
    std::size_t norm_end = 0;
    std::uint32_t entity = 0xFFFFFFFFu;  // Lexicon entity for names
    std::int64_t quantity = -1;          // index into the document's quantities
    std::string_view keyword;            // keyword class of a word, or empty
    std::int64_t pair = -1;              // quotation marks: the partner's unit index
    // A gazetteer model followed by a version, size or variant (Qwen3 4B,
    // DeepSeek-V3.1): index into AnnotatedText::derived_names, or -1.
    std::int64_t derived = -1;
};

// A sentence's units; its tag string is theirs in AnnotatedText::tags.
struct SentenceTags {
    std::size_t first_unit = 0;  // units [first_unit, end_unit)
    std::size_t end_unit = 0;
};

// Units of one document, and the tag strings of its sentences.
struct AnnotatedText {
    std::vector<Unit> units;
    std::vector<std::string> derived_names;  // as written: 카나나 2 나노, DeepSeek-V3.1
    // Derived names written with Hangul variants and the same names in Latin
    // letters (클로드 오퍼스 4.6, Claude Opus 4.6): one model where an article
    // writes both.
    std::vector<std::pair<std::string, std::string>> latin_spellings;
    std::vector<SentenceTags> sentences;
    // Unit index containing each token (for linking tokens back to units).
    std::vector<std::size_t> unit_of_token;
    // The sentences' tag strings one after another, in one string a document
    // rather than one a sentence; unit u's tag is [unit_tags[u], unit_tags[u + 1]).
    std::string tags;
    std::vector<std::size_t> unit_tags;  // one more than units: the last is tags.size()
    // Unit u's test codes (those its tag holds after its class code) as bits,
    // as the rules' conditions and searches read them: taken from the label
    // tests' memo with the codes, not read back from the tags.
    std::vector<TestCodes> unit_tests;

    // Sentence s's tag string (patterns match it alone: ^ and $ are its ends).
    std::string_view sentence_tags(std::size_t s) const {
        const std::size_t start = unit_tags[sentences[s].first_unit];
        return std::string_view(tags).substr(start, unit_tags[sentences[s].end_unit] - start);
    }
    // The names of the document's own that the units were tagged with, if any.
    const DocumentNames* document_names = nullptr;

    // The entity a name unit stands for: the gazetteer's, or the document's own.
    const Entity& entity_of(const Unit& unit, const Lexicon& lexicon) const {
        return document_names && document_names->holds(unit.entity) ? document_names->entity(unit.entity)
                                                                     : lexicon.entities()[unit.entity];
    }
    // The name a name unit stands for: derived, else its entity's canonical name.
    const std::string& name_of(const Unit& unit, const Lexicon& lexicon) const {
        return unit.derived >= 0 ? derived_names[static_cast<std::size_t>(unit.derived)]
                                 : entity_of(unit, lexicon).name;
    }
};

// `document_names`, where given, are tagged as gazetteer names are (the
// gazetteer's win where both start at a token and end at the same one).
AnnotatedText annotate(const NormalizedText& text, const TokenizedText& tokens,
                       const std::vector<Quantity>& quantities, const Lexicon& lexicon,
                       const TagAlphabet& alphabet, const DocumentNames* document_names = nullptr);

// Sentence s's units as `{class:label}…` with every class named and every
// label written, as the patterns read them (for `kfacts rules tags`).
std::string readable_tags(const AnnotatedText& annotated, std::size_t sentence, const NormalizedText& text,
                          const std::vector<Quantity>& quantities, const Lexicon& lexicon);

}  // namespace kfacts
