// Comparing extracted facts with an expected-facts file (docs/FACTS.md) the
// way /work/shared/tools/score.py does, so that `kfacts check` and the
// scorer report the same precision, recall and F1: the same normalisation,
// optional entries, quote matching on 12 normalised characters, second names
// of one team or model counted wrong, distinct keys per document.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "facts/fact.h"

namespace kfacts::cli {

inline constexpr FactType kScoredTypes[] = {FactType::team, FactType::model, FactType::parameter_count,
                                            FactType::benchmark_score, FactType::quote};

// NFKC, lower case, then spaces, hyphens, dots, underscores, quotation marks,
// middle dots, parentheses, brackets and backticks removed.
std::string normalize_for_scoring(std::string_view s);

struct Tally {
    std::size_t correct = 0;   // distinct extracted keys that match a required entry
    std::size_t wrong = 0;     // distinct extracted keys that match nothing (or a second name)
    std::size_t found = 0;     // required entries matched
    std::size_t required = 0;  // required (not optional) entries

    double precision() const;
    double recall() const;
    double f1() const;
    Tally& operator+=(const Tally& other);
};

struct ScoreDiff {
    enum class Kind { missed, unexpected, second_name };
    Kind kind = Kind::missed;
    FactType type = FactType::team;
    const Fact* fact = nullptr;  // unexpected, second_name: the first fact with that key
    nlohmann::json expected;     // missed: the expected entry
};

// The expected entries of `type` in an expected-facts file ("teams", ...).
const nlohmann::json& expected_entries(const nlohmann::json& expected, FactType type);

// What keeps an expected-facts file from following the format of
// docs/FACTS.md, one phrase per problem ("models[0].names is ..."); empty
// when it follows it. Fields the format does not name are not looked at.
std::vector<std::string> expected_facts_problems(const nlohmann::json& expected);

// Scores the facts of `type` among `facts` against `expected`, adding to
// `tally` and appending what differs to `diffs`.
void score_document(FactType type, const std::vector<Fact>& facts, const nlohmann::json& expected, Tally& tally,
                    std::vector<ScoreDiff>& diffs);

}  // namespace kfacts::cli
