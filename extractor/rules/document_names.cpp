#include "rules/document_names.h"

namespace kfacts {

void DocumentNames::add(EntityKind kind, std::string_view written, const std::string& canonical,
                        const std::string& team) {
    std::uint32_t known;
    if (names_.find(written, known)) return;
    auto& ids = id_of_canonical_[kind == EntityKind::model];
    auto [it, made] = ids.try_emplace(canonical, first_id_ + static_cast<std::uint32_t>(entities_.size()));
    if (made) entities_.push_back(Entity{kind, canonical, kind == EntityKind::model ? team : std::string(), false});
    names_.add(written, it->second);
    spellings_.emplace_back(written, it->second);
}

const Entity* DocumentNames::find(const std::string& canonical, EntityKind kind) const {
    const auto& ids = id_of_canonical_[kind == EntityKind::model];
    const auto it = ids.find(canonical);
    return it == ids.end() ? nullptr : &entity(it->second);
}

}  // namespace kfacts
