#include "facts/fact.h"

namespace kfacts {

std::string_view fact_type_name(FactType type) {
    switch (type) {
        case FactType::team: return "team";
        case FactType::model: return "model";
        case FactType::parameter_count: return "parameter_count";
        case FactType::benchmark_score: return "benchmark_score";
        case FactType::quote: return "quote";
        case FactType::quantity: return "quantity";
    }
    return "unknown";
}

std::optional<FactType> fact_type_from_name(std::string_view name) {
    for (FactType t : kAllFactTypes) {
        if (fact_type_name(t) == name) return t;
    }
    return std::nullopt;
}

FactTypeSet FactTypeSet::defaults() {
    FactTypeSet set;
    for (FactType t : kAllFactTypes) {
        if (t != FactType::quantity) set.add(t);
    }
    return set;
}

FactTypeSet FactTypeSet::all() {
    FactTypeSet set;
    for (FactType t : kAllFactTypes) set.add(t);
    return set;
}

std::optional<FactTypeSet> FactTypeSet::parse(std::string_view list, std::string& error) {
    FactTypeSet set;
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t end = list.find(',', start);
        if (end == std::string_view::npos) end = list.size();
        const std::string_view name = list.substr(start, end - start);
        if (name == "all") {
            set = all();
        } else if (const auto t = fact_type_from_name(name)) {
            set.add(*t);
        } else {
            error = std::string(name);
            return std::nullopt;
        }
        start = end + 1;
    }
    return set;
}

}  // namespace kfacts
