// The steps of Tokenizer::tokenize after the character scan, each linear in
// the number of tokens. Internal to the text stage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "text/tokenizer.h"

namespace kfacts::text {

// The scan's output beside the tokens: which tokens start a paragraph (a
// newline in the whitespace before them).
struct ScannedText {
    std::vector<Token> tokens;
    std::vector<std::uint8_t> paragraph_start;  // one per token
};

// Whole tokens, word splitting included; eojeol fields are left for later.
ScannedText scan_tokens(std::string_view text, const ParticleLexicon& lexicon);

// A name that ends like a particle is cut where it stands alone or before a
// particle that stacks on that ending (시네+로, 시네+로는), and left whole
// before one that stacks on none (시네로+가: the lexicon's shows-whole-word).
// Where the document shows a word whole so, its cuts join back (시네로,
// 시네로+는). Run before pair_quotes: tokens are removed.
void join_cuts_of_whole_words(ScannedText& scanned, std::string_view text, const ParticleLexicon& lexicon);

// Sets pair and opens of every quote token. Marks pair within a paragraph.
void pair_quotes(std::string_view text, ScannedText& scanned, const ParticleLexicon& lexicon);

// A short single-quoted name ends in no particle: '노노나 1.5 8B' is one
// name, its particles come after the closing mark ('…'는). Joins a particle
// split off a word inside such a quotation back to the word when the word is
// all the quotation holds, a number follows it, or it ends a quotation of
// max_short_quoted_name_tokens tokens at most with no other particle ('가람 오메가'),
// or is one syllable opening a name of more words ('베가 옴니').
// Run after pair_quotes.
inline constexpr std::size_t max_quoted_name_tokens = 8;
inline constexpr std::size_t max_short_quoted_name_tokens = 4;
void join_particles_in_quoted_names(ScannedText& scanned, std::string_view text);

// Index of the first token of every sentence, in order (starting with 0).
std::vector<std::size_t> sentence_starts(std::string_view text, const ScannedText& scanned,
                                         const ParticleLexicon& lexicon);

inline std::string_view token_text(std::string_view text, const Token& token) {
    return text.substr(token.norm_start, token.norm_end - token.norm_start);
}

}  // namespace kfacts::text
