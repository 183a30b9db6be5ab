// Korean-aware segmentation of normalised text into sentences and tokens.
//
// Tokens come from character classes (ICU properties: script and general
// category), then each eojeol (space-delimited word) is split into stem and
// particles using the particle list in rules/particles.tsv. Every token keeps
// its range in the normalised text; spans in the original come from the
// NormalizedText's offset map.
//
// How words become tokens:
// - A name is the maximal run of letters (any script) and digits, so a word
//   that mixes scripts is one token: `SK텔레콤`, `AI연구원`, `챗GPT`, `B200`.
//   Inside a run, `.` and `:` join when an ASCII letter or digit is on both
//   sides (`A.X`, `Mi:dm`, `72.03`), `-` and `_` when a letter or digit is
//   on both sides (`GPT-4o`, `K-엑사원`, `gpt-oss-120b`), an apostrophe
//   between two Latin letters is part of the word (`Humanity's`), as is an
//   ampersand (`H&B랩스`, `AT&T`).
// - A run that starts with a digit begins with a number token: digits with
//   `,` thousands groups and `.` decimals, Korean multipliers (`5190억`,
//   `1조2천억`) and one Latin multiplier K, M, B or T (`500B`). Hangul after
//   the number is a new token (`5190억` `개`, `72.03` `점`); Latin letters
//   after it make the whole run one name (`3D`, `4o`).
// - The trailing Hangul of a name may split off as one particle token
//   (`SK텔레콤` `은`, `AI연구원` `만의`) and, before it, one suffix noun
//   (`업스테이지` `팀` `은`), by the rules of the particle lexicon. A Hangul
//   run right after a closing mark or a number that is wholly a particle
//   is a particle token (`"…"` `라고`, `104` `%` `의`, `HumanEval` `+` `에서`).
// - The split is the word's alone, but a name that ends like a particle
//   (`시네로`) is shown whole by the document where a particle follows that
//   stacks on no other (`시네로` `가`): everywhere else in the document its
//   cuts join back (`시네로` `는`, not `시네` `로는`).
// - Each quotation mark, punctuation character and symbol is its own token;
//   a run of full stops (`...`) is one token.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "base/span.h"
#include "document/normalized_text.h"

namespace kfacts {

enum class TokenKind : std::uint8_t { hangul, latin, number, symbol, quote, particle };

// A quotation longer than this (in normalised bytes) is taken for a stray
// mark: its marks stay unpaired, and a mark left open opens no quotation
// that runs on further.
inline constexpr std::size_t max_quotation_bytes = 6000;

std::string_view token_kind_name(TokenKind kind);

struct Token {
    // hangul: a word with Hangul or Han in it (`SK텔레콤` too); latin: a word
    // of other letters, with or without digits (`K1`, `A.X`); number: see above.
    TokenKind kind = TokenKind::symbol;
    std::size_t norm_start = 0;  // range in NormalizedText::text
    std::size_t norm_end = 0;
    std::size_t eojeol = 0;      // index into TokenizedText::eojeols
    bool space_before = false;   // whitespace between this token and the previous one
    // For quotation marks: index of the partner mark, or -1 when unpaired.
    std::int64_t pair = -1;
    bool opens = false;          // for quotation marks: opening (true) or closing

    // A token lies within its text: no bounds check (substr's would keep this
    // from being inlined, and annotating asks for every token's text).
    std::string_view text(const NormalizedText& t) const {
        return std::string_view(t.text.data() + norm_start, norm_end - norm_start);
    }
};

// A whitespace-delimited word (어절): `SK텔레콤은` is one eojeol of two tokens.
// An eojeol never crosses a sentence boundary (`시작됐다.5개` is two).
struct Eojeol {
    std::size_t norm_start = 0;
    std::size_t norm_end = 0;
    std::size_t first_token = 0;  // [first_token, end_token)
    std::size_t end_token = 0;
    // The stem is [stem_first_token, stem_end_token): the tokens up to the
    // first particle, less the quotation marks and symbols around them
    // (`'A.X` has the stem `A.X`, `K1'을` the stem `K1`). Particles are the
    // particle tokens from stem_end_token on. An eojeol of marks only has an
    // empty stem.
    std::size_t stem_first_token = 0;
    std::size_t stem_end_token = 0;
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

// The particle lexicon (josa and the like), loaded once from rules/. The file
// also lists the nouns that particle splitting must not cut, the
// sentence-final endings and abbreviations that sentence splitting needs, and
// examples that the test suite runs; its header comment describes the format.
class ParticleLexicon {
public:
    // What may come right before a particle or suffix noun (bit set).
    enum AttachAfter : std::uint8_t {
        after_vowel = 1,       // a Hangul syllable without final consonant (가는, 가를)
        after_rieul = 2,       // a syllable ending in ㄹ (서울로)
        after_consonant = 4,   // a syllable ending in any other consonant (팀은)
        after_latin = 8,       // a Latin letter, a Latin-led name or other script (SKT는, K1은)
        after_number = 16,     // a number token (500B를)
        after_mark = 32,       // a closing quotation mark, bracket or symbol ("…"라고, %의)
        after_anything = 63,
    };

    struct Entry {
        std::string text;
        bool suffix_noun = false;
        std::uint8_t after = after_anything;  // AttachAfter bits
        // Code points the stem must have at least, unless the stem ends in a known noun.
        std::uint8_t min_stem = 1;
        // Code points the stem may have at most (0: no limit).
        std::uint8_t max_stem = 0;
        // Stem endings that make the word a predicate, not a noun (완성하는, 했지만).
        std::vector<std::string> not_after;
        // Says who said a quotation right before it ("…"라고, "…"며).
        bool attribution = false;
        // Stacks on no particle, so the word before it is whole (시네로+가):
        // the word's cuts elsewhere in the document join back (시네+로는).
        bool shows_whole_word = false;
    };

    // Example lines of the file: the test suite runs every one.
    struct Example {
        enum class Kind : std::uint8_t { tokens, sentences };
        Kind kind = Kind::tokens;
        std::string input;     // escapes decoded
        std::string expected;  // as written in the file
        std::size_t line = 0;
    };

    // Where a word splits: [0, name_end) the name, [name_end, stem_end) a
    // suffix noun (empty when none), [stem_end, size) one particle (empty when none).
    struct WordSplit {
        std::size_t name_end = 0;
        std::size_t stem_end = 0;
    };

    // Reads a particles file; errors (std::runtime_error) name file:line.
    static ParticleLexicon load(const std::string& path);
    // Length of the particle that ends `word` (a suffix of normalised Hangul), 0 if none.
    // Particle sequences (에서는, 만의) are entries of their own in the file.
    std::size_t particle_suffix_length(std::string_view word) const;
    bool is_particle(std::string_view s) const;
    // Suffix nouns such as 팀 that split off a name before its particles (업스테이지팀은).
    bool is_suffix_noun(std::string_view s) const;

    // Splits a word token. `before` says what precedes the word inside its
    // eojeol (after_mark, after_number, or 0 when nothing or space does):
    // only with such a predecessor may the whole word be a particle.
    WordSplit split_word(std::string_view word, std::uint8_t before) const;
    // Whether `particle` is an entry that shows the word before it whole.
    bool shows_whole_word(std::string_view particle) const;
    // Length of the attribution particle that starts `s`, 0 if none.
    std::size_t attribution_prefix_length(std::string_view s) const;
    // Whether `word` ends in a sentence-final predicate ending (했다, 까요).
    bool ends_with_final_ending(std::string_view word) const;
    bool is_abbreviation(std::string_view word) const;
    // Whether `stem` ends in a known noun of two or more syllables (결과, 정확도).
    bool ends_with_known_noun(std::string_view stem) const;

    const std::vector<Entry>& entries() const { return entries_; }
    const std::vector<Example>& examples() const { return examples_; }

private:
    // Open-addressing hash table from a Hangul syllable sequence (at most
    // max_syllables, packed into 64 bits) to an index into entries_.
    class SyllableIndex {
    public:
        bool insert(std::uint64_t key, std::uint32_t value);  // false if the key is there
        const std::uint32_t* find(std::uint64_t key) const;

    private:
        std::size_t slot_of(std::uint64_t key) const;
        std::vector<std::uint64_t> keys_;  // 0: empty
        std::vector<std::uint32_t> values_;
        std::size_t size_ = 0;
    };
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };

    WordSplit compute_split(std::string_view word, std::uint8_t before) const;
    bool accepts(const Entry& entry, std::string_view stem, std::uint8_t before) const;
    bool ends_in_known_noun(std::string_view word) const;
    std::size_t known_noun_suffix_syllables(std::string_view word) const;

    std::vector<Entry> entries_;
    std::vector<Example> examples_;
    SyllableIndex particles_;      // -> entries_
    std::vector<bool> particle_last_syllables_;  // by syllable index: whether some particle ends in it
    SyllableIndex suffix_nouns_;   // -> entries_
    SyllableIndex known_nouns_;    // value unused
    SyllableIndex final_endings_;  // value unused
    std::unordered_set<std::string, TextHash, std::equal_to<>> abbreviations_;
    std::size_t max_particle_syllables_ = 0;
    std::size_t max_suffix_syllables_ = 0;
    std::size_t max_noun_syllables_ = 0;
    std::size_t max_ending_syllables_ = 0;
    std::uint64_t answer_owner_ = 0;  // for the per-thread memo of splits; set when loaded
};

class Tokenizer {
public:
    explicit Tokenizer(const ParticleLexicon& particles);
    TokenizedText tokenize(const NormalizedText& text) const;

private:
    const ParticleLexicon& particles_;
};

// Where an eojeol is in the original: its stem and the whole eojeol.
struct EojeolSpans {
    ByteSpan stem;
    ByteSpan whole;
};
EojeolSpans eojeol_source_spans(const NormalizedText& text, const TokenizedText& tokens,
                                std::size_t eojeol);

// The debugging view behind `kfacts tokens`: each sentence with its span,
// then each token with its kind, text, source span and eojeol.
void write_token_listing(std::string& out, const NormalizedText& text, const TokenizedText& tokens);

}  // namespace kfacts
