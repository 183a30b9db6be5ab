// The facts kfacts emits (see docs/FACTS.md, schema kfacts/1).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.h"
#include "numbers/numbers.h"

namespace kfacts {

enum class FactType : std::uint8_t { team, model, parameter_count, benchmark_score, quote, quantity };

inline constexpr FactType kAllFactTypes[] = {FactType::team, FactType::model,
                                             FactType::parameter_count, FactType::benchmark_score,
                                             FactType::quote, FactType::quantity};

std::string_view fact_type_name(FactType type);
std::optional<FactType> fact_type_from_name(std::string_view name);

// A set of fact types, as chosen with --types.
class FactTypeSet {
public:
    static FactTypeSet defaults();  // the five claim types, without quantity
    static FactTypeSet all();
    // "team,model", "all"; nullopt names the first unknown type in `error`.
    static std::optional<FactTypeSet> parse(std::string_view list, std::string& error);
    bool contains(FactType t) const { return bits_ & (1u << static_cast<unsigned>(t)); }
    void add(FactType t) { bits_ |= 1u << static_cast<unsigned>(t); }

private:
    unsigned bits_ = 0;
};

struct Fact {
    FactType type = FactType::team;
    ByteSpan span;     // original bytes
    // Id of the rule that produced it: a view of the rule's id in the
    // Extractor or of a literal, valid as long as the Extractor. Not a string
    // of its own: most ids are too long to be stored inside one, and a fact
    // allocated one for each.
    std::string_view rule;

    // Value fields; which are set depends on the type (see docs/FACTS.md).
    std::optional<std::string> team;
    std::optional<std::string> model;
    std::optional<ExactNumber> value;      // parameter_count, quantity
    std::optional<ExactNumber> score;      // benchmark_score
    std::optional<ExactNumber> max_score;  // benchmark_score, quantity
    std::optional<ExactNumber> min;        // quantity ranges
    std::optional<ExactNumber> max;
    std::optional<std::string> unit;
    bool approximate = false;
    std::optional<std::string> bound;      // quantity: at_least, at_most, more_than, less_than
    std::optional<std::string> benchmark;
    std::optional<std::string> speaker;
    std::optional<std::string> role;
    std::optional<std::string> org;
    std::optional<std::string> quote;
    std::optional<ByteSpan> speaker_span;

    // For --explain: the normalised tokens the rule matched.
    std::vector<std::string> matched;
};

}  // namespace kfacts
