#include "facts/rule_examples.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace kfacts {
namespace {

// The value of a fact's field as an example writes it.
std::optional<std::string> field_text(const Fact& fact, const std::string& field) {
    const auto number = [](const std::optional<ExactNumber>& n) -> std::optional<std::string> {
        if (!n) return std::nullopt;
        return n->to_string();
    };
    if (field == "team") return fact.team;
    if (field == "model") return fact.model;
    if (field == "value") return number(fact.value);
    if (field == "score") return number(fact.score);
    if (field == "max_score") return number(fact.max_score);
    if (field == "unit") return fact.unit;
    if (field == "benchmark") return fact.benchmark;
    if (field == "speaker") return fact.speaker;
    if (field == "role") return fact.role;
    if (field == "org") return fact.org;
    if (field == "quote") return fact.quote;
    if (field == "approximate") return std::string(fact.approximate ? "true" : "false");
    return std::nullopt;
}

FactType fact_type_of_rule(const std::string& kind) {
    if (kind == "speaker") return FactType::quote;
    return fact_type_from_name(kind).value_or(FactType::team);
}

std::string describe(const std::vector<Fact>& facts, FactType type) {
    std::string out;
    for (const Fact& f : facts) {
        if (f.type != type) continue;
        out += fmt::format(" [{}", f.rule);
        for (const char* k : {"team", "model", "value", "score", "speaker", "quote"}) {
            if (auto v = field_text(f, k)) out += fmt::format(" {}={}", k, *v);
        }
        out += "]";
    }
    return out.empty() ? " nothing" : out;
}

std::vector<Fact> run(const Extractor& extractor, const std::string& text) {
    Document doc = read_document_bytes("example", text);
    ExtractOptions options;
    options.types = FactTypeSet::all();
    return extractor.extract(doc, options);
}

}  // namespace

std::vector<ExampleResult> run_rule_examples(const Extractor& extractor) {
    std::vector<ExampleResult> results;
    for (const auto& rule : extractor.rules().rules()) {
        const FactType type = fact_type_of_rule(rule->fact);
        for (const RuleExample& example : rule->examples) {
            ExampleResult result;
            result.where = fmt::format("{}:{}", rule->file, example.line);
            result.rule = rule->id;
            result.text = example.text;
            const std::vector<Fact> facts = run(extractor, example.text);
            if (example.none) {
                result.passed = std::none_of(facts.begin(), facts.end(), [&](const Fact& f) {
                    return f.type == type && (type != FactType::team && type != FactType::model ? true : f.rule == rule->id);
                });
                if (!result.passed) result.problem = "expected no " + std::string(fact_type_name(type)) + ", got" + describe(facts, type);
            } else {
                result.passed = std::any_of(facts.begin(), facts.end(), [&](const Fact& f) {
                    if (f.type != type) return false;
                    for (const auto& [field, want] : example.expect) {
                        const auto got = field_text(f, field);
                        if (want == "null" ? got.has_value() : (!got || *got != want)) return false;
                    }
                    return true;
                });
                if (!result.passed) result.problem = "no matching " + std::string(fact_type_name(type)) + "; got" + describe(facts, type);
            }
            results.push_back(std::move(result));
        }
    }
    // Gazetteer examples: the canonical name the text names, "-" for none, at
    // the level of units, so that a title or a benchmark needs no fact around it.
    const Lexicon& lexicon = extractor.lexicon();
    for (const DataExample& example : lexicon.examples()) {
        ExampleResult result;
        result.where = fmt::format("{}:{}", example.file, example.line);
        result.rule = std::filesystem::path(example.file).filename().string();
        result.text = example.text;
        const std::vector<UnitClass> classes =
            result.rule == "teams.tsv"        ? std::vector<UnitClass>{UnitClass::team}
            : result.rule == "benchmarks.tsv" ? std::vector<UnitClass>{UnitClass::benchmark}
            : result.rule == "titles.tsv"     ? std::vector<UnitClass>{UnitClass::title, UnitClass::reporter}
                                              : std::vector<UnitClass>{UnitClass::model};
        Document doc = read_document_bytes("example", example.text);
        const Analysis analysis = extractor.analyse(doc);
        std::vector<std::string> named;
        for (const Unit& unit : analysis.units.units) {
            if (std::find(classes.begin(), classes.end(), unit.cls) == classes.end()) continue;
            if (unit.entity < lexicon.entities().size()) {
                named.push_back(analysis.units.name_of(unit, lexicon));  // derived names as written: 엑사원 X 5
            } else {
                const std::string_view word(doc.text.text.data() + unit.norm_start, unit.norm_end - unit.norm_start);
                // A benchmark beyond the gazetteer is named as written; a title by its listed ending.
                named.emplace_back(unit.cls == UnitClass::benchmark ? word : lexicon.title_suffix(word));
            }
        }
        result.passed = example.expected == "-"
                            ? named.empty()
                            : std::find(named.begin(), named.end(), example.expected) != named.end();
        if (!result.passed) {
            std::string got;
            for (const auto& n : named) got += " [" + n + "]";
            result.problem = fmt::format("expected {}; got{}", example.expected, got.empty() ? " nothing" : got);
        }
        results.push_back(std::move(result));
    }
    return results;
}

}  // namespace kfacts
