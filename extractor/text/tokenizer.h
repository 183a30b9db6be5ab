// Korean-aware segmentation of normalised text into sentences and tokens.
//
// Tokens come from character classes (ICU properties: script and general
// category), then each eojeol (space-delimited word) is split into stem and
// particles using the particle list in rules/particles.tsv. Every token keeps
// its range in the normalised text; spans in the original come from the
// NormalizedText's offset map.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.h"
#include "document/normalized_text.h"

namespace kfacts {

enum class TokenKind : std::uint8_t { hangul, latin, number, symbol, quote, particle };

std::string_view token_kind_name(TokenKind kind);

struct Token {
    TokenKind kind = TokenKind::symbol;
    std::size_t norm_start = 0;  // range in NormalizedText::text
    std::size_t norm_end = 0;
    std::size_t eojeol = 0;      // index into TokenizedText::eojeols
    bool space_before = false;   // whitespace between this token and the previous one
    // For quotation marks: index of the partner mark, or -1 when unpaired.
    std::int64_t pair = -1;
    bool opens = false;          // for quotation marks: opening (true) or closing

    std::string_view text(const NormalizedText& t) const {
        return std::string_view(t.text).substr(norm_start, norm_end - norm_start);
    }
};

// A whitespace-delimited word (어절): `SK텔레콤은` is one eojeol of two tokens.
struct Eojeol {
    std::size_t norm_start = 0;
    std::size_t norm_end = 0;
    std::size_t first_token = 0;  // [first_token, end_token)
    std::size_t end_token = 0;
    std::size_t stem_end_token = 0;  // tokens before this are the stem, the rest particles
};

struct Sentence {
    std::size_t norm_start = 0;
    std::size_t norm_end = 0;
    std::size_t first_token = 0;  // [first_token, end_token)
    std::size_t end_token = 0;
};

struct TokenizedText {
    std::vector<Token> tokens;
    std::vector<Eojeol> eojeols;
    std::vector<Sentence> sentences;
};

// The particle lexicon (josa and the like), loaded once from rules/.
class ParticleLexicon {
public:
    // Reads a particles file; errors name file:line.
    static ParticleLexicon load(const std::string& path);
    // Longest particle sequence that ends `word` (a suffix of normalised Hangul), 0 if none.
    std::size_t particle_suffix_length(std::string_view word) const;
    bool is_particle(std::string_view s) const;
    // Suffix nouns such as 팀 that split off a name before its particles (업스테이지팀은).
    bool is_suffix_noun(std::string_view s) const;

    struct Entry {
        std::string text;
        bool suffix_noun = false;
    };
    const std::vector<Entry>& entries() const { return entries_; }

private:
    std::vector<Entry> entries_;
    std::vector<std::string> sorted_;  // implementation detail of the lookup
};

class Tokenizer {
public:
    explicit Tokenizer(const ParticleLexicon& particles);
    TokenizedText tokenize(const NormalizedText& text) const;

private:
    const ParticleLexicon& particles_;
};

}  // namespace kfacts
