// Joining back the cuts of words that the document shows whole (see
// segmentation.h): the word split decides word by word, and only the
// document knows that 시네로 is a name.
#include <algorithm>
#include <bitset>

#include "text/segmentation.h"

namespace kfacts::text {

namespace {

bool is_word_then_particle(const std::vector<Token>& tokens, std::size_t i) {
    return tokens[i].kind == TokenKind::hangul && i + 1 < tokens.size() &&
           tokens[i + 1].kind == TokenKind::particle && !tokens[i + 1].space_before &&
           tokens[i + 1].norm_start == tokens[i].norm_end;
}

// The last two bytes of the character that ends at `end`, as a filter key: a
// cut can join back only into a word whose last syllable a whole word has.
std::size_t last_char_key(std::string_view text, std::size_t end) {
    return (static_cast<std::size_t>(static_cast<unsigned char>(text[end - 2]) & 0x3F) << 6) |
           (static_cast<unsigned char>(text[end - 1]) & 0x3F);
}

}  // namespace

void join_cuts_of_whole_words(ScannedText& scanned, std::string_view text, const ParticleLexicon& lexicon) {
    std::vector<Token>& tokens = scanned.tokens;
    std::vector<std::string_view> whole_words;
    std::bitset<4096> whole_word_endings;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (is_word_then_particle(tokens, i) && tokens[i].norm_end - tokens[i].norm_start >= 2 &&
            lexicon.shows_whole_word(token_text(text, tokens[i + 1]))) {
            whole_words.push_back(token_text(text, tokens[i]));
            whole_word_endings.set(last_char_key(text, tokens[i].norm_end));
        }
    }
    if (whole_words.empty()) return;
    bool sorted = false;

    // Moves the start of each cut particle; a particle wholly joined is marked empty.
    std::size_t first_emptied = tokens.size();
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!is_word_then_particle(tokens, i)) continue;
        Token& particle = tokens[i + 1];
        // The longest start of the particle that makes a whole word, the rest a particle or nothing.
        for (std::size_t joined = particle.norm_end - particle.norm_start; joined >= kSyllableBytes;
             joined -= kSyllableBytes) {
            if (!whole_word_endings.test(last_char_key(text, particle.norm_start + joined))) continue;
            if (!sorted) {
                std::sort(whole_words.begin(), whole_words.end());
                sorted = true;
            }
            const std::string_view word = text.substr(tokens[i].norm_start, particle.norm_start + joined - tokens[i].norm_start);
            const std::string_view rest = text.substr(particle.norm_start + joined, particle.norm_end - particle.norm_start - joined);
            if (!std::binary_search(whole_words.begin(), whole_words.end(), word)) continue;
            if (!rest.empty() && !lexicon.is_particle(rest)) continue;
            tokens[i].norm_end += joined;
            particle.norm_start += joined;
            if (rest.empty()) first_emptied = std::min(first_emptied, i + 1);
            break;
        }
    }
    if (first_emptied == tokens.size()) return;
    std::size_t n = first_emptied;
    for (std::size_t i = first_emptied; i < tokens.size(); ++i) {
        if (tokens[i].kind == TokenKind::particle && tokens[i].norm_start == tokens[i].norm_end) continue;
        tokens[n] = tokens[i];
        scanned.paragraph_start[n] = scanned.paragraph_start[i];
        ++n;
    }
    tokens.resize(n);
    scanned.paragraph_start.resize(n);
}

}  // namespace kfacts::text
