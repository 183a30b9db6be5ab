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
#include <unordered_map>
#include <unordered_set>
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

    const std::vector<Entity>& entities() const { return entities_; }
    // Entities a name stands for (a name can be a team and a model: 딥시크).
    const std::vector<std::uint32_t>& group(std::uint32_t id) const { return groups_[id]; }
    const NameIndex& names() const { return names_; }
    // Canonical entity of a given kind for a whole name, or nullptr.
    const Entity* find(std::string_view name, EntityKind kind) const;

    // Word class of a word for patterns ("param", "launch", "say" ...), or empty.
    std::string_view word_class(std::string_view word) const;
    // Title that ends `word` (연구원장 ends with 원장), or empty.
    std::string_view title_suffix(std::string_view word) const;
    bool is_surname(std::string_view syllable) const { return surnames_.count(std::string(syllable)) > 0; }
    bool is_not_name(std::string_view word) const { return not_names_.count(std::string(word)) > 0; }

    const std::vector<DataExample>& examples() const { return examples_; }

private:
    void load_gazetteer(const std::string& path, EntityKind default_kind);
    void load_keywords(const std::string& path);
    void load_words(const std::string& path, std::unordered_set<std::string>& into);
    void add_name(std::string_view name, std::uint32_t entity);

    std::vector<Entity> entities_;
    std::vector<std::vector<std::uint32_t>> groups_;
    NameIndex names_;
    std::unordered_map<std::string, std::string> exact_words_;   // word -> class
    std::unordered_map<std::string, std::string> prefix_words_;  // stem prefix -> class
    std::unordered_map<std::string, std::string> suffix_words_;  // compound ending -> class
    std::unordered_set<std::string> title_suffixes_;
    std::unordered_set<std::string> surnames_;
    std::unordered_set<std::string> not_names_;
    std::vector<DataExample> examples_;
};

}  // namespace kfacts
