#include "text/tokenizer.h"

#include "text/segmentation.h"

namespace kfacts {

namespace {

bool is_mark(const Token& token) { return token.kind == TokenKind::quote || token.kind == TokenKind::symbol; }

// Eojeols break at whitespace and at sentence starts; sets Token::eojeol.
std::vector<Eojeol> group_eojeols(std::vector<Token>& tokens, const std::vector<std::size_t>& sentence_starts) {
    std::vector<Eojeol> eojeols;
    eojeols.reserve(tokens.size() / 2);
    std::size_t next_sentence = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const bool sentence_start = next_sentence < sentence_starts.size() && sentence_starts[next_sentence] == i;
        if (sentence_start) ++next_sentence;
        if (i == 0 || tokens[i].space_before || sentence_start) {
            Eojeol eojeol;
            eojeol.norm_start = tokens[i].norm_start;
            eojeol.first_token = i;
            eojeols.push_back(eojeol);
        }
        Eojeol& eojeol = eojeols.back();
        eojeol.norm_end = tokens[i].norm_end;
        eojeol.end_token = i + 1;
        tokens[i].eojeol = eojeols.size() - 1;
    }
    for (Eojeol& eojeol : eojeols) {
        std::size_t stem_end = eojeol.first_token;
        while (stem_end < eojeol.end_token && tokens[stem_end].kind != TokenKind::particle) ++stem_end;
        std::size_t stem_first = eojeol.first_token;
        while (stem_first < stem_end && is_mark(tokens[stem_first])) ++stem_first;
        while (stem_end > stem_first && is_mark(tokens[stem_end - 1])) --stem_end;
        eojeol.stem_first_token = stem_first;
        eojeol.stem_end_token = stem_end;
    }
    return eojeols;
}

std::vector<Sentence> make_sentences(const std::vector<Token>& tokens, const std::vector<std::size_t>& starts) {
    std::vector<Sentence> sentences;
    sentences.reserve(starts.size());
    for (std::size_t k = 0; k < starts.size(); ++k) {
        Sentence sentence;
        sentence.first_token = starts[k];
        sentence.end_token = k + 1 < starts.size() ? starts[k + 1] : tokens.size();
        sentence.norm_start = tokens[sentence.first_token].norm_start;
        sentence.norm_end = tokens[sentence.end_token - 1].norm_end;
        sentences.push_back(sentence);
    }
    return sentences;
}

}  // namespace

std::string_view token_kind_name(TokenKind kind) {
    switch (kind) {
        case TokenKind::hangul: return "hangul";
        case TokenKind::latin: return "latin";
        case TokenKind::number: return "number";
        case TokenKind::symbol: return "symbol";
        case TokenKind::quote: return "quote";
        case TokenKind::particle: return "particle";
    }
    return "symbol";
}

Tokenizer::Tokenizer(const ParticleLexicon& particles) : particles_(particles) {}

TokenizedText Tokenizer::tokenize(const NormalizedText& text) const {
    text::ScannedText scanned = text::scan_tokens(text.text, particles_);
    text::join_cuts_of_whole_words(scanned, text.text, particles_);
    text::pair_quotes(text.text, scanned, particles_);
    text::join_particles_in_quoted_names(scanned, text.text);
    const std::vector<std::size_t> starts = text::sentence_starts(text.text, scanned, particles_);
    TokenizedText result;
    result.eojeols = group_eojeols(scanned.tokens, starts);
    result.sentences = make_sentences(scanned.tokens, starts);
    result.tokens = std::move(scanned.tokens);
    return result;
}

EojeolSpans eojeol_source_spans(const NormalizedText& text, const TokenizedText& tokens, std::size_t eojeol) {
    const Eojeol& e = tokens.eojeols.at(eojeol);
    const std::size_t stem_start = e.stem_first_token < e.stem_end_token
                                       ? tokens.tokens[e.stem_first_token].norm_start
                                       : e.norm_start;
    const std::size_t stem_end = e.stem_first_token < e.stem_end_token
                                     ? tokens.tokens[e.stem_end_token - 1].norm_end
                                     : e.norm_start;
    return {text.to_source(stem_start, stem_end), text.to_source(e.norm_start, e.norm_end)};
}

}  // namespace kfacts
