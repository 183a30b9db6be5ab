#include "cli/scoring.h"

#include <fmt/format.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "base/span.h"

namespace kfacts::cli {
namespace {

using nlohmann::json;

bool stripped(char32_t c) {
    static constexpr std::u32string_view kStripped = U" \t\r\n-._'\"\u2018\u2019\u201C\u201D\u00B7()[]`\u00B4";
    return kStripped.find(c) != std::u32string_view::npos;
}

std::optional<std::string> normalized(const std::optional<std::string>& s) {
    if (!s) return std::nullopt;
    return normalize_for_scoring(*s);
}

// A JSON value as Python's str() would give it, for names written as numbers.
std::string as_text(const json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "True" : "False";
    if (v.is_null()) return "None";
    return v.dump();
}

// The normalised spellings in g[field]; nullopt when there is no such list.
std::optional<std::vector<std::string>> names_of(const json& g, std::string_view field) {
    const auto it = g.find(field);
    if (it == g.end() || it->is_null()) return std::nullopt;
    std::vector<std::string> names;
    if (it->is_array()) {
        for (const json& name : *it) names.push_back(normalize_for_scoring(as_text(name)));
    } else {
        names.push_back(normalize_for_scoring(as_text(*it)));
    }
    return names;
}

bool contains(const std::vector<std::string>& names, const std::optional<std::string>& name) {
    return name && std::find(names.begin(), names.end(), *name) != names.end();
}

std::optional<double> parse_double(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    double d = 0;
    const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (error != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return d;
}

// Python's float() of an expected value: numbers, numeric strings, booleans.
std::optional<double> expected_number(const json& g, std::string_view field) {
    const auto it = g.find(field);
    if (it == g.end()) return std::nullopt;
    if (it->is_number()) return it->get<double>();
    if (it->is_boolean()) return it->get<bool>() ? 1.0 : 0.0;
    if (it->is_string()) return parse_double(it->get<std::string>());
    return std::nullopt;
}

// The double a JSON reader gets for an output number (correctly rounded, as Python's float()).
std::optional<double> fact_number(const std::optional<ExactNumber>& n) {
    if (!n) return std::nullopt;
    return parse_double(n->to_string());
}

// The first `n` code points of UTF-8 `s`.
std::string_view prefix_chars(std::string_view s, std::size_t n) {
    std::size_t i = 0;
    for (std::size_t chars = 0; i < s.size() && chars < n; ++chars) {
        char32_t cp;
        bool valid;
        i += utf8_sequence(s, i, cp, valid);
    }
    return s.substr(0, i);
}

std::optional<std::string> fact_name(FactType type, const Fact& f) {
    return type == FactType::team ? f.team : f.model;
}

bool matches(FactType type, const Fact& f, const json& g) {
    switch (type) {
        case FactType::team:
        case FactType::model: {
            const auto names = names_of(g, "names");
            return names && contains(*names, normalized(fact_name(type, f)));
        }
        case FactType::parameter_count:
        case FactType::benchmark_score: {
            const bool count = type == FactType::parameter_count;
            const auto predicted = fact_number(count ? f.value : f.score);
            const auto expected = expected_number(g, count ? "value" : "score");
            if (!predicted || !expected || std::fabs(*predicted - *expected) > 1e-6) return false;
            const auto subject = names_of(g, "subject");
            if (!subject) return true;
            for (const auto& name : {f.model, f.team}) {
                if (name && !name->empty() && contains(*subject, normalized(name))) return true;
            }
            return false;
        }
        case FactType::quote: {
            const auto speakers = names_of(g, "speaker");
            if (!speakers || !contains(*speakers, normalized(f.speaker))) return false;
            const auto it = g.find("quote");
            if (it == g.end() || it->is_null()) return false;
            const std::string p = f.quote ? normalize_for_scoring(*f.quote) : std::string();
            const std::string q = normalize_for_scoring(as_text(*it));
            return !p.empty() && (p.find(prefix_chars(q, 12)) != std::string::npos ||
                                  q.find(prefix_chars(p, 12)) != std::string::npos);
        }
        case FactType::quantity: return false;
    }
    return false;
}

// A fact's key: facts with equal keys in a document count once.
std::string key_of(FactType type, const Fact& f) {
    std::string key;
    const auto add = [&](const std::optional<std::string>& part) {
        key += part ? "\x01" + *part : std::string("\x02");
    };
    switch (type) {
        case FactType::team:
        case FactType::model: add(normalized(fact_name(type, f))); break;
        case FactType::parameter_count:
        case FactType::benchmark_score: {
            const auto& number = type == FactType::parameter_count ? f.value : f.score;
            add(normalized(f.model));
            add(normalized(f.team));
            add(number ? std::optional<std::string>(number->to_string()) : std::nullopt);
            break;
        }
        case FactType::quote:
            add(normalized(f.speaker));
            add(normalized(f.quote));
            break;
        case FactType::quantity: break;  // not scored
    }
    return key;
}

bool optional_entry(const json& g) {
    const auto it = g.find("optional");
    return it != g.end() && it->is_boolean() && it->get<bool>();
}

const char* entries_key(FactType type) {
    switch (type) {
        case FactType::team: return "teams";
        case FactType::model: return "models";
        case FactType::parameter_count: return "parameter_counts";
        case FactType::benchmark_score: return "benchmark_scores";
        case FactType::quote: return "quotes";
        case FactType::quantity: break;
    }
    return nullptr;
}

bool nonempty_string(const json& v) { return v.is_string() && !v.get_ref<const std::string&>().empty(); }

// The problems of one entry of an expected-facts list, `where` naming it ("models[0]").
void entry_problems(FactType type, const json& entry, const std::string& where, std::vector<std::string>& problems) {
    if (!entry.is_object()) {
        problems.push_back(fmt::format("{} is not an object", where));
        return;
    }
    // names, speaker, subject: a non-empty list of spellings; subject may also be null or left out (any subject).
    const auto names = [&](const char* field, bool required) {
        const auto it = entry.find(field);
        if (it == entry.end() || it->is_null()) {
            if (required) problems.push_back(fmt::format("{} has no \"{}\"", where, field));
            return;
        }
        if (!it->is_array() || it->empty() || !std::all_of(it->begin(), it->end(), nonempty_string)) {
            problems.push_back(fmt::format("{}.{} is not a non-empty list of names", where, field));
        }
    };
    const auto number = [&](const char* field) {
        const auto it = entry.find(field);
        if (it == entry.end()) {
            problems.push_back(fmt::format("{} has no \"{}\"", where, field));
        } else if (!it->is_number()) {
            problems.push_back(fmt::format("{}.{} is not a number", where, field));
        }
    };
    switch (type) {
        case FactType::team: names("names", true); break;
        case FactType::model: {
            names("names", true);
            const auto team = entry.find("team");
            if (team != entry.end() && !team->is_null() && !nonempty_string(*team)) {
                problems.push_back(fmt::format("{}.team is neither a name nor null", where));
            }
            break;
        }
        case FactType::parameter_count:
        case FactType::benchmark_score:
            number(type == FactType::parameter_count ? "value" : "score");
            names("subject", false);
            break;
        case FactType::quote: {
            names("speaker", true);
            const auto quote = entry.find("quote");
            if (quote == entry.end()) {
                problems.push_back(fmt::format("{} has no \"quote\"", where));
            } else if (!nonempty_string(*quote)) {
                problems.push_back(fmt::format("{}.quote is not a non-empty string", where));
            }
            break;
        }
        case FactType::quantity: break;
    }
    const auto optional = entry.find("optional");
    if (optional != entry.end() && !optional->is_boolean()) {
        problems.push_back(fmt::format("{}.optional is neither true nor false", where));
    }
}

}  // namespace

std::vector<std::string> expected_facts_problems(const json& expected) {
    if (!expected.is_object()) return {"an expected-facts file holds one JSON object"};
    std::vector<std::string> problems;
    const auto id = expected.find("id");
    if (id != expected.end() && !nonempty_string(*id)) problems.push_back("\"id\" is not a non-empty string");
    for (const FactType type : kScoredTypes) {
        const char* key = entries_key(type);
        const auto entries = expected.find(key);
        if (entries == expected.end()) continue;
        if (!entries->is_array()) {
            problems.push_back(fmt::format("\"{}\" is not a list", key));
            continue;
        }
        for (std::size_t i = 0; i < entries->size(); ++i) {
            entry_problems(type, (*entries)[i], fmt::format("{}[{}]", key, i), problems);
        }
    }
    return problems;
}

std::string normalize_for_scoring(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    if (U_SUCCESS(status)) text = nfkc->normalize(text, status);
    text.toLower(icu::Locale::getRoot());
    std::string utf8;
    text.toUTF8String(utf8);
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        char32_t cp;
        bool valid;
        const std::size_t length = utf8_sequence(utf8, i, cp, valid);
        if (!stripped(cp)) out.append(utf8, i, length);
        i += length;
    }
    return out;
}

double Tally::precision() const {
    return correct + wrong > 0 ? static_cast<double>(correct) / static_cast<double>(correct + wrong) : 1.0;
}

double Tally::recall() const {
    return required > 0 ? static_cast<double>(found) / static_cast<double>(required) : 1.0;
}

double Tally::f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

Tally& Tally::operator+=(const Tally& other) {
    correct += other.correct;
    wrong += other.wrong;
    found += other.found;
    required += other.required;
    return *this;
}

const json& expected_entries(const json& expected, FactType type) {
    static const json kNone = json::array();
    const char* key = entries_key(type);
    if (!key) return kNone;
    const auto it = expected.find(key);
    return it != expected.end() && it->is_array() ? *it : kNone;
}

void score_document(FactType type, const std::vector<Fact>& facts, const json& expected, Tally& tally,
                    std::vector<ScoreDiff>& diffs) {
    const json& golds = expected_entries(expected, type);
    std::vector<const json*> entries;
    for (const json& g : golds) {
        if (g.is_object()) entries.push_back(&g);
    }
    const auto required = [&](std::size_t i) { return !optional_entry(*entries[i]); };
    for (std::size_t i = 0; i < entries.size(); ++i) tally.required += required(i);

    std::set<std::string> seen;
    std::set<std::size_t> claimed;
    for (const Fact& f : facts) {
        if (f.type != type || !seen.insert(key_of(type, f)).second) continue;
        std::optional<std::size_t> hit;
        for (std::size_t i = 0; i < entries.size() && !hit; ++i) {
            if (required(i) && matches(type, f, *entries[i])) hit = i;
        }
        if (!hit) {
            const bool optional_match = std::any_of(entries.begin(), entries.end(), [&](const json* g) {
                return optional_entry(*g) && matches(type, f, *g);
            });
            if (optional_match) continue;
            ++tally.wrong;
            diffs.push_back({ScoreDiff::Kind::unexpected, type, &f, {}});
        } else if (claimed.count(*hit) && (type == FactType::team || type == FactType::model)) {
            ++tally.wrong;  // the same entity under a second name: canonicalisation failed
            diffs.push_back({ScoreDiff::Kind::second_name, type, &f, {}});
        } else {
            claimed.insert(*hit);
            ++tally.correct;
        }
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (!required(i)) continue;
        const bool found = std::any_of(facts.begin(), facts.end(), [&](const Fact& f) {
            return f.type == type && matches(type, f, *entries[i]);
        });
        if (found) {
            ++tally.found;
        } else {
            json entry = *entries[i];
            entry.erase("optional");
            diffs.push_back({ScoreDiff::Kind::missed, type, nullptr, std::move(entry)});
        }
    }
}

}  // namespace kfacts::cli
