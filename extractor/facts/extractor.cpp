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

std::vector<Fact> Extractor::extract(Document& doc, const ExtractOptions& options) const {
    const Analysis analysis = analyse(doc);
    const auto& matches = analysis.matches;
    FactBuilder builder(lexicon_, *particles_, doc, analysis.tokens, analysis.quantities, analysis.units, options);
    builder.add_gazetteer_entities();
    builder.apply_rules(matches);
    builder.add_table_facts();
    builder.add_quotes(matches);
    builder.add_quantities();
    std::vector<Fact> facts = builder.take();
    if (builder.reached_max_facts()) {
        doc.diagnostics.push_back({Severity::warning, DiagnosticCode::limit_facts,
                                   fmt::format("stopped at {} facts for this document", options.max_facts),
                                   std::nullopt});
    }
    return facts;
}

}  // namespace kfacts
