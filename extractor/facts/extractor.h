// The pipeline from a read Document to its facts: tokens, quantities, units,
// rule matches, then linking (a parameter count to its model, a model to its
// team, a quote to its speaker).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "document/document.h"
#include "facts/fact.h"
#include "numbers/numbers.h"
#include "rules/lexicon.h"
#include "rules/rule_set.h"
#include "rules/units.h"
#include "text/tokenizer.h"

namespace kfacts {

struct ExtractOptions {
    FactTypeSet types = FactTypeSet::defaults();
    bool explain = false;              // fill Fact::matched
    std::size_t max_facts = 20000;     // per document; more gives a limit.facts warning
};

// What the stages before linking made of one document (for `kfacts rules`
// tools and tests; extract() is the way to facts).
struct Analysis {
    TokenizedText tokens;
    std::vector<Quantity> quantities;
    AnnotatedText units;
    std::vector<RuleMatch> matches;
};

class Extractor {
public:
    // Loads and compiles everything under `rules_dir` once. Throws RuleLoadError
    // ("file:line: problem") or std::runtime_error for a file it cannot use.
    static std::unique_ptr<Extractor> load(const std::string& rules_dir);

    // Facts of one document, in order of their spans. Problems found on the
    // way are appended to doc.diagnostics (with source spans). A document
    // whose rules find models or teams no gazetteer lists is read twice: the
    // second reading tags their other mentions as names (DocumentNames).
    std::vector<Fact> extract(Document& doc, const ExtractOptions& options) const;

    // Tokens, quantities, units and rule matches of a document (its first reading).
    Analysis analyse(Document& doc) const;

    // The stages, for `kfacts tokens` and the rule tests.
    TokenizedText tokenize(const NormalizedText& text) const { return tokenizer_->tokenize(text); }
    const QuantityFinder& quantities() const { return quantities_; }
    const Lexicon& lexicon() const { return lexicon_; }
    const RuleSet& rules() const { return rules_; }

private:
    Extractor(ParticleLexicon particles, QuantityFinder quantities, Lexicon lexicon, RuleSet rules);
    // The first reading's models and teams that no gazetteer lists.
    DocumentNames names_beyond_gazetteer(Document& doc, const Analysis& analysis) const;
    // The second reading: units tagged with the document's own names, and
    // the rules run again where that changed a sentence's tags.
    void read_again(const Document& doc, const DocumentNames& names, Analysis& analysis) const;
    // Links an analysis's matches into facts; `names_found` as FactBuilder::take.
    std::vector<Fact> build_facts(Document& doc, const Analysis& analysis, const ExtractOptions& options,
                                  DocumentNames* names_found, bool& reached_max_facts) const;

    std::unique_ptr<ParticleLexicon> particles_;
    std::unique_ptr<Tokenizer> tokenizer_;
    QuantityFinder quantities_;
    Lexicon lexicon_;
    RuleSet rules_;
};

// The rules directory to use: --rules, else $KFACTS_RULES, else the build's default.
std::string default_rules_dir();

}  // namespace kfacts
