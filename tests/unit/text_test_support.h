// Helpers shared by the text stage's tests.
#pragma once

#include <string>
#include <string_view>

#include "document/normalized_text.h"
#include "text/tokenizer.h"

namespace kfacts::testing {

inline const ParticleLexicon& particle_lexicon() {
    static const ParticleLexicon lexicon = ParticleLexicon::load(KFACTS_SOURCE_DIR "/rules/particles.tsv");
    return lexicon;
}

// Normalised text equal to its source (an identity offset map).
inline NormalizedText identity_text(std::string_view text) {
    NormalizedText normalized;
    normalized.text = std::string(text);
    normalized.map.add_copy(0, 0, text.size());
    return normalized;
}

inline TokenizedText tokenize(const NormalizedText& text) { return Tokenizer(particle_lexicon()).tokenize(text); }

// The tokens as the lexicon's examples write them: `|` before a token, `+`
// before a particle (none before the first).
inline std::string token_line(const NormalizedText& text, const TokenizedText& tokens) {
    std::string line;
    for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
        const Token& token = tokens.tokens[i];
        if (i > 0) line += token.kind == TokenKind::particle ? "+" : "|";
        line += token.text(text);
    }
    return line;
}

inline std::string token_line(std::string_view input) {
    const NormalizedText text = identity_text(input);
    return token_line(text, tokenize(text));
}

// The sentences' texts joined by ` || `.
inline std::string sentence_line(const NormalizedText& text, const TokenizedText& tokens) {
    std::string line;
    for (const Sentence& sentence : tokens.sentences) {
        if (!line.empty()) line += " || ";
        line += std::string_view(text.text).substr(sentence.norm_start, sentence.norm_end - sentence.norm_start);
    }
    return line;
}

inline std::string sentence_line(std::string_view input) {
    const NormalizedText text = identity_text(input);
    return sentence_line(text, tokenize(text));
}

}  // namespace kfacts::testing
