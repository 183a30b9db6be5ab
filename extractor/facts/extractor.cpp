#include "facts/extractor.h"

#include <fmt/format.h>

#include <cstdlib>

#include "document/html_entities.h"
#include "facts/fact_builder.h"

namespace kfacts {

std::string default_rules_dir() {
    if (const char* env = std::getenv("KFACTS_RULES"); env && *env) return env;
    return KFACTS_RULES_DIR;
}

Extractor::Extractor(ParticleLexicon particles, QuantityFinder quantities, Lexicon lexicon, RuleSet rules)
    : particles_(std::make_unique<ParticleLexicon>(std::move(particles))),
      tokenizer_(std::make_unique<Tokenizer>(*particles_)),
      quantities_(std::move(quantities)),
      lexicon_(std::move(lexicon)),
      rules_(std::move(rules)) {}

std::unique_ptr<Extractor> Extractor::load(const std::string& rules_dir) {
    html_entities(rules_dir);  // the reader decodes with this table from now on
    return std::unique_ptr<Extractor>(new Extractor(ParticleLexicon::load(rules_dir + "/particles.tsv"),
                                                    QuantityFinder::load(rules_dir), Lexicon::load(rules_dir),
                                                    RuleSet::load(rules_dir + "/patterns")));
}

Analysis Extractor::analyse(Document& doc) const {
    Analysis analysis;
    analysis.tokens = tokenizer_->tokenize(doc.text);
    std::vector<Diagnostic> number_diagnostics;
    analysis.quantities = quantities_.find(doc.text.text, number_diagnostics);
    for (Diagnostic& d : number_diagnostics) {
        if (d.span) d.span = doc.text.to_source(d.span->start, d.span->end);
        doc.diagnostics.push_back(std::move(d));
    }
    analysis.units = annotate(doc.text, analysis.tokens, analysis.quantities, lexicon_, rules_.alphabet());
    for (std::size_t s = 0; s < analysis.units.sentences.size(); ++s) {
        rules_.match_sentence(analysis.units, s, analysis.matches);
    }
    return analysis;
}

std::vector<Fact> Extractor::build_facts(Document& doc, const Analysis& analysis, const ExtractOptions& options,
                                         DocumentNames* names_found, bool& reached_max_facts) const {
    FactBuilder builder(lexicon_, *particles_, doc, analysis.tokens, analysis.quantities, analysis.units, options);
    builder.add_gazetteer_entities();
    builder.apply_rules(analysis.matches);
    builder.add_table_facts();
    builder.add_quotes(analysis.matches);
    builder.add_quantities();
    std::vector<Fact> facts = builder.take(names_found);
    reached_max_facts = builder.reached_max_facts();
    return facts;
}

void Extractor::read_again(const Document& doc, const DocumentNames& names, Analysis& analysis) const {
    const AnnotatedText first = std::move(analysis.units);
    std::vector<RuleMatch> first_matches = std::move(analysis.matches);
    analysis.units = annotate(doc.text, analysis.tokens, analysis.quantities, lexicon_, rules_.alphabet(), &names);
    analysis.matches.clear();
    // Rules read a sentence's tags alone: where they did not change, neither
    // did its matches, which only move with the units before them.
    std::size_t next = 0;  // first_matches are in sentence order
    for (std::size_t s = 0; s < analysis.units.sentences.size(); ++s) {
        const std::size_t begin = next;
        while (next < first_matches.size() && first_matches[next].sentence == s) ++next;
        if (first.sentence_tags(s) != analysis.units.sentence_tags(s)) {
            rules_.match_sentence(analysis.units, s, analysis.matches);
            continue;
        }
        const std::size_t from = first.sentences[s].first_unit;
        const std::size_t to = analysis.units.sentences[s].first_unit;
        const auto moved = [&](Capture c) { return Capture{c.first - from + to, c.end - from + to}; };
        for (std::size_t m = begin; m < next; ++m) {
            RuleMatch& match = analysis.matches.emplace_back(std::move(first_matches[m]));
            match.whole = moved(match.whole);
            for (auto& [group, capture] : match.captures) capture = moved(capture);
        }
    }
}

DocumentNames Extractor::names_beyond_gazetteer(Document& doc, const Analysis& analysis) const {
    // Models and teams alone, whatever types and however few facts a run
    // asks for, so that the names do not depend on those (the facts of a
    // run with fewer are the first of a run with more); counts, scores and
    // quotes are linked once, in the reading that gives the facts.
    ExtractOptions names_only;
    names_only.types = FactTypeSet{};
    names_only.types.add(FactType::team);
    names_only.types.add(FactType::model);
    DocumentNames names(lexicon_);
    bool reached_max_facts = false;
    build_facts(doc, analysis, names_only, &names, reached_max_facts);
    return names;
}

std::vector<Fact> Extractor::extract(Document& doc, const ExtractOptions& options) const {
    Analysis analysis = analyse(doc);
    const DocumentNames names = names_beyond_gazetteer(doc, analysis);
    if (!names.empty()) read_again(doc, names, analysis);
    bool reached_max_facts = false;
    std::vector<Fact> facts = build_facts(doc, analysis, options, nullptr, reached_max_facts);
    if (reached_max_facts) {
        doc.diagnostics.push_back({Severity::warning, DiagnosticCode::limit_facts,
                                   fmt::format("stopped at {} facts for this document", options.max_facts),
                                   std::nullopt});
    }
    return facts;
}

}  // namespace kfacts
