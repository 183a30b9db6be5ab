// Reading a database written by `kfacts extract --format sqlite`, for
// `kfacts check --db`: earlier claims to compare new articles with.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kfacts {

// A fact stored earlier, with where it came from.
struct StoredFact {
    std::string doc_id;
    std::string path;
    std::size_t line = 0;
    std::size_t col = 0;
    std::string text;
    std::string number;  // the value or score as exact decimal text
};

class FactDatabase {
public:
    // Opens read-only; throws std::runtime_error when the file is missing or
    // not a kfacts database of the schema version this kfacts writes.
    explicit FactDatabase(const std::string& path);
    ~FactDatabase();
    FactDatabase(const FactDatabase&) = delete;
    FactDatabase& operator=(const FactDatabase&) = delete;

    // Exact (not approximate) parameter counts of `model` stated in documents
    // other than `except_doc`: one per distinct value, its first source.
    std::vector<StoredFact> parameter_counts(std::string_view model, std::string_view except_doc);

    // Scores on `benchmark` (with the same unit, null matching null) stated in
    // documents other than `except_doc`, one per distinct score: of `model`
    // when given, else of `team` for facts without a model.
    std::vector<StoredFact> benchmark_scores(const std::optional<std::string>& model,
                                             const std::optional<std::string>& team, std::string_view benchmark,
                                             const std::optional<std::string>& unit, std::string_view except_doc);

    // Whether any stored fact names this team, model or speaker.
    bool knows_team(std::string_view name);
    bool knows_model(std::string_view name);
    bool knows_speaker(std::string_view name);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace kfacts
