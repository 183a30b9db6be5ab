// Models and teams that a document names and no gazetteer lists, as its
// first reading's rules found them. A second reading tags their mentions as
// it tags gazetteer names, so that the rules that read [model] and [team]
// (a score after its model, a size in its model's sentence) see them too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rules/lexicon.h"
#include "rules/name_index.h"

namespace kfacts {

class DocumentNames {
public:
    // Ids follow the lexicon's entities, so that one id space holds both.
    explicit DocumentNames(const Lexicon& lexicon)
        : first_id_(static_cast<std::uint32_t>(lexicon.entities().size())) {}

    // `written` names the entity of `kind` called `canonical` (made on its
    // first name, with `team` for a model). A spelling already added keeps
    // its first entity.
    void add(EntityKind kind, std::string_view written, const std::string& canonical, const std::string& team);
    bool empty() const { return entities_.empty(); }
    bool holds(std::uint32_t id) const { return id >= first_id_; }
    const Entity& entity(std::uint32_t id) const { return entities_[id - first_id_]; }
    // The entity of that kind (team or model) called `canonical`, or null.
    const Entity* find(const std::string& canonical, EntityKind kind) const;
    // The names, matched on tokens as the gazetteer's are; values are ids.
    const NameIndex& names() const { return names_; }
    // Where the first reading's rules found a model (or a team): the end of
    // the span that starts at that byte of the source, and the rule's id. A
    // mention found so keeps its span and rule in the second reading (`rule`
    // must outlive these names, as rule ids do).
    struct Found {
        std::size_t source_end;
        std::string_view rule;
    };
    void note_found(bool model, std::size_t source_start, Found found) {
        found_[model].try_emplace(source_start, found);
    }
    const Found* found_at(bool model, std::size_t source_start) const {
        const auto it = found_[model].find(source_start);
        return it == found_[model].end() ? nullptr : &it->second;
    }
    // Each spelling added, with the id it names.
    const std::vector<std::pair<std::string, std::uint32_t>>& spellings() const { return spellings_; }

private:
    std::uint32_t first_id_;
    std::vector<Entity> entities_;
    std::unordered_map<std::string, std::uint32_t> id_of_canonical_[2];  // teams, models
    NameIndex names_;
    std::vector<std::pair<std::string, std::uint32_t>> spellings_;
    std::unordered_map<std::size_t, Found> found_[2];  // teams, models
};

}  // namespace kfacts
