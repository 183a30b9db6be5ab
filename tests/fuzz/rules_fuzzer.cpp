// The rule loader on any rule-file text: it loads, or throws RuleLoadError
// naming file:line; nothing else escapes. Rules that load are compiled into
// the RE2::Set and run over a sentence of every unit class, and their
// matches must cover units of that sentence; a rule whose RE2 matches a
// sentence's tags is never left unselected.
#include <algorithm>

#include "fuzz_support.h"
#include "rules/rule_set.h"

using namespace kfacts;

namespace {

struct Sample {
    Document doc;
    Analysis analysis;
};

const Sample& sample() {
    static const Sample instance = [] {
        Sample s;
        s.doc = read_document_bytes(
            "sample.txt", "배경훈 부총리는 \"SK텔레콤의 A.X K1은 5190억개 매개변수로 72.03점을 받았다\"고 말했다. "
                          "LG AI연구원은 'K-엑사원'(EXAONE)을 공개했다, 2025년 12월 30일.");
        s.analysis = fuzz::extractor().analyse(s.doc);
        return s;
    }();
    return instance;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    sample();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    RuleSet rules;
    try {
        rules.add_file("fuzz.rules", fuzz::as_text(data, size));
        rules.compile();
    } catch (const RuleLoadError& e) {
        FUZZ_CHECK(std::string_view(e.what()).starts_with("fuzz.rules"));
        return 0;
    }
    // The tags spell classes in the alphabet of the rules just loaded.
    const Analysis& analysis = sample().analysis;
    const AnnotatedText units = annotate(sample().doc.text, analysis.tokens, analysis.quantities,
                                         fuzz::extractor().lexicon(), rules.alphabet());
    for (std::size_t s = 0; s < units.sentences.size(); ++s) {
        std::vector<RuleMatch> matches;
        rules.match_sentence(units, s, matches);
        for (const RuleMatch& m : matches) {
            FUZZ_CHECK(m.sentence == s);
            FUZZ_CHECK(units.sentences[s].first_unit <= m.whole.first && m.whole.end <= units.sentences[s].end_unit);
            for (const auto& [name, capture] : m.captures) {
                FUZZ_CHECK(capture.first <= capture.end && capture.end <= units.sentences[s].end_unit);
            }
        }
        // Selection (class conditions, relaxed sets) only skips work: every
        // rule whose own RE2 matches the tags somewhere is reported.
        for (const auto& rule : rules.rules()) {
            if (!RE2::PartialMatch(units.sentence_tags(s), *rule->regex)) continue;
            FUZZ_CHECK(std::any_of(matches.begin(), matches.end(),
                                   [&](const RuleMatch& m) { return m.rule == rule.get(); }));
        }
    }
    return 0;
}
