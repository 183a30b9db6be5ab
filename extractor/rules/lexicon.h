// The data the rule engine knows names and words by, all loaded once from
// rules/: gazetteers of teams, organisations, models, benchmarks and titles
// (rules/gazetteer/*.tsv), word classes for patterns (rules/lexicon/keywords.tsv)
// and Korean surnames (rules/lexicon/surnames.txt).
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "rules/name_index.h"

namespace kfacts {

// A data file that cannot be used: what() is "file:line: problem".
class RuleLoadError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class EntityKind : std::uint8_t {
    team,        // develops models or takes part in a programme as a team
    org,         // ministries, agencies, media: never a team
    model,
    benchmark,
    title,       // a person's title or position (부총리, 대표, CIC장)
    reporter,    // 기자: names before it are bylines, not speakers
    not_model,   // looks like a model name but is not (A100, B200)
};

std::string_view entity_kind_name(EntityKind kind);

struct Entity {
    EntityKind kind = EntityKind::team;
    std::string name;  // canonical
    std::string team;  // models: canonical team name, or empty
    // An org that is a team where the article says it developed a model
    // (teams.tsv kind `lab`: universities, research institutes).
    bool lab = false;
};

// An example written beside the data ("#example<TAB>text<TAB>expected").
struct DataExample {
    std::string file;
    std::size_t line = 0;
    std::string text;
    std::string expected;  // canonical name, or "-" for nothing
};

class Lexicon {
public:
    static Lexicon load(const std::string& rules_dir);
    // Answers are memoised per thread as views into this lexicon's tables,
    // which a move keeps and a copy would not.
    Lexicon() = default;
    Lexicon(Lexicon&&) = default;
    Lexicon& operator=(Lexicon&&) = default;
    Lexicon(const Lexicon&) = delete;
    Lexicon& operator=(const Lexicon&) = delete;

    const std::vector<Entity>& entities() const { return entities_; }
    // Entities a name stands for (a name can be a team and a model: 딥시크).
    const std::vector<std::uint32_t>& group(std::uint32_t id) const { return groups_[id]; }
    const NameIndex& names() const { return names_; }
    // Canonical entity of a given kind for a whole name, or nullptr.
    const Entity* find(std::string_view name, EntityKind kind) const;

    // Word class of a word for patterns ("param", "launch", "say" ...), or empty.
    std::string_view word_class(std::string_view word) const;
    // A benchmark's kind listed as a whole word (리더보드): a benchmark unit
    // with no name of its own.
    bool is_benchmark_kind(std::string_view word) const {
        const std::string* cls = exact_words_.find(word);
        return cls && *cls == "benchword";
    }
    // Title that ends `word` (연구원장 ends with 원장), or empty.
    std::string_view title_suffix(std::string_view word) const;
    bool is_surname(std::string_view syllables) const;
    // A one-syllable surname written only as a word of its own, alone or
    // after a foreign given name (리 of 제이슨 리; surnames.txt option
    // `alone`): no Korean name begins with it, and 리서치 is no name.
    bool surname_only_alone(std::string_view syllable) const;
    // A surname that is also a determiner before a noun (한 개발자: one
    // developer; surnames.txt option `determiner`).
    bool surname_reads_as_determiner(std::string_view surname) const;
    // Titles of a company's head, one office under several names (대표, CEO;
    // titles.tsv option `company_head`): whether `title` is one, and whether
    // `text` (a role such as 누리랩스 최고경영자(CEO)) holds one.
    bool is_company_head_title(std::string_view title) const;
    bool names_company_head(std::string_view text) const;
    // The Latin spelling of a variant word in Hangul (오퍼스 -> Opus), or empty.
    std::string_view variant_spelling(std::string_view word) const;
    bool is_not_name(std::string_view word) const {
        return not_name_filter_.may_match(word, /*at_end=*/false) && not_names_.contains(word);
    }

    const std::vector<DataExample>& examples() const { return examples_; }
    // This lexicon's id for per-thread memos of its answers (RecentAnswers); 0 until loaded.
    std::uint64_t answer_owner() const { return answer_owner_; }

private:
    // A hash table of words that looks up a string_view without building a
    // string, with a hash of a few multiplications for the short words it
    // holds. A word inserted twice keeps its first value.
    class WordTable {
    public:
        void insert(std::string_view word, std::string_view value);
        // The value of `word`, or nullptr.
        const std::string* find(std::string_view word) const;
        bool contains(std::string_view word) const { return find(word) != nullptr; }
        const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }

    private:
        struct Slot {
            std::uint32_t hash = 0;
            std::uint32_t entry = 0;  // index into entries_ + 1; 0: empty
        };
        std::vector<std::pair<std::string, std::string>> entries_;  // word, value
        std::vector<Slot> slots_;  // open addressing, linear probing, at most half full
    };

    void load_gazetteer(const std::string& path, EntityKind default_kind);
    void load_keywords(const std::string& path);
    void load_words(const std::string& path, WordTable& into);
    void load_surnames(const std::string& path);
    std::string_view compute_word_class(std::string_view word) const;
    void add_name(std::string_view name, std::uint32_t entity);
    // The fast indexes over surnames and not-names, once both are loaded.
    void index_words();

    std::vector<Entity> entities_;
    std::vector<std::vector<std::uint32_t>> groups_;
    NameIndex names_;
    // The affixes of one kind (prefixes, suffixes, titles): most words end (or
    // start) with a character that no affix ends (starts) with, and are
    // turned away by one bit test before any hashing.
    class AffixFilter {
    public:
        void add(std::string_view affix, bool at_end);
        // Whether some affix ends (at_end) or starts with the character at that end of `word`.
        bool may_match(std::string_view word, bool at_end) const;
        std::size_t max_bytes() const { return max_bytes_; }

    private:
        static std::size_t bit_of(std::string_view s, bool at_end);
        std::vector<bool> bits_ = std::vector<bool>(1u << 16);
        std::size_t max_bytes_ = 0;  // the longest affix
    };

    WordTable exact_words_;   // word -> class
    WordTable prefix_words_;  // stem prefix -> class
    WordTable suffix_words_;  // compound ending -> class
    WordTable title_suffixes_;  // title -> title
    WordTable variant_spellings_;  // variant word in Hangul -> its Latin spelling
    AffixFilter prefix_filter_;
    AffixFilter suffix_filter_;
    AffixFilter title_filter_;
    WordTable surnames_;  // surname -> option (`determiner`, `alone` or empty)
    std::vector<std::string> company_head_titles_;
    // One-syllable surnames by syllable index (U+AC00 is 0): a name check
    // costs a bit test per Hangul word.
    std::vector<bool> one_syllable_surnames_ = std::vector<bool>(11172);
    std::vector<bool> surnames_only_alone_ = std::vector<bool>(11172);
    WordTable not_names_;
    AffixFilter not_name_filter_;
    std::vector<DataExample> examples_;
    std::uint64_t answer_owner_ = 0;  // for the per-thread memo of word classes; set when loaded
};

}  // namespace kfacts
