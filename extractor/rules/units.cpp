#include "rules/units.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "base/one_of.h"
#include "base/recent_answers.h"

namespace kfacts {
namespace {

constexpr std::uint32_t kNoEntity = 0xFFFFFFFFu;

UnitClass class_of(EntityKind kind) {
    switch (kind) {
        case EntityKind::team: return UnitClass::team;
        case EntityKind::org: return UnitClass::org;
        case EntityKind::model: return UnitClass::model;
        case EntityKind::benchmark: return UnitClass::benchmark;
        case EntityKind::title: return UnitClass::title;
        case EntityKind::reporter: return UnitClass::reporter;
        case EntityKind::not_model: return UnitClass::not_model;
    }
    return UnitClass::word;
}

// When one name stands for several entities (딥시크 the team and the model
// family), the unit takes the first kind in this order: a bare company name is
// the company; with a version after it (딥시크-V3.1) it is a model variant.
int kind_rank(EntityKind kind) {
    switch (kind) {
        case EntityKind::not_model: return 0;
        case EntityKind::team: return 1;
        case EntityKind::model: return 2;
        case EntityKind::org: return 3;
        case EntityKind::benchmark: return 4;
        case EntityKind::title: return 5;
        case EntityKind::reporter: return 6;
    }
    return 7;
}

UnitClass quote_class(std::string_view mark, bool opens) {
    const bool is_double = mark == "\"" || mark == "\xE2\x80\x9C" || mark == "\xE2\x80\x9D" ||
                           mark == "\xE3\x80\x8E" || mark == "\xE3\x80\x8F";
    if (is_double) return opens ? UnitClass::dq_open : UnitClass::dq_close;
    return opens ? UnitClass::sq_open : UnitClass::sq_close;
}

// A brace in a label is '?', where `rules tags` would otherwise show it
// opening or closing a unit; label tests see the label as shown.
void append_label(std::string& out, std::string_view label) {
    const std::size_t start = out.size();
    out += label;
    std::replace_if(out.begin() + static_cast<std::ptrdiff_t>(start), out.end(),
                    [](char c) { return c == '{' || c == '}'; }, '?');
}

// The name of a known model with more after it (a version, a size, a
// variant): the canonical name and the rest when the rest is in Latin
// letters, digits and marks (지피티-5.5 -> GPT-5.5, 딥시크-V3.1 ->
// DeepSeek-V3.1), else as written, because the rest may be in another
// script than the canonical name (카나나 2 나노, not Kanana 2 나노).
std::string derived_name(std::string_view canonical, std::string_view rest, std::string_view written) {
    return is_ascii(rest) ? std::string(canonical) + std::string(rest) : std::string(written);
}

// The same name in Latin letters where every Hangul word of the rest is a
// variant with a spelling (클로드 + 오퍼스 4.6 -> Claude Opus 4.6), else empty.
std::string derived_latin_name(std::string_view canonical, std::string_view rest, const Lexicon& lexicon) {
    std::string latin(canonical);
    while (!rest.empty()) {
        const std::size_t piece_end = std::min(rest.find_first_of(" -"), rest.size());
        const std::string_view piece = rest.substr(0, piece_end);
        if (is_ascii(piece)) {
            latin += piece;
        } else if (const std::string_view spelling = lexicon.variant_spelling(piece); !spelling.empty()) {
            latin += spelling;
        } else {
            return {};
        }
        latin += rest.substr(piece_end, piece_end < rest.size() ? 1 : 0);
        rest.remove_prefix(std::min(piece_end + 1, rest.size()));
    }
    return latin;
}

// Notes the name in Latin letters of a derived name written with Hangul variants.
void note_latin_spelling(AnnotatedText& out, std::string_view canonical, std::string_view rest, const Lexicon& lexicon) {
    if (is_ascii(rest)) return;
    std::string latin = derived_latin_name(canonical, rest, lexicon);
    if (!latin.empty()) out.latin_spellings.emplace_back(out.derived_names.back(), std::move(latin));
}

// `(EXAONE 3.5)` after 엑사원 3.5: the token index of the closing parenthesis
// when the tokens from `open` are a parenthesis, right after the name,
// around another spelling of `model`; else 0.
std::size_t spelling_in_parentheses_end(const NormalizedText& text, const TokenizedText& tokens, std::size_t open,
                                        std::size_t sentence_end, const Lexicon& lexicon, const Entity& model) {
    constexpr std::size_t kMaxSpellingTokens = 6;
    if (open + 2 >= sentence_end || tokens.tokens[open].text(text) != "(" ||
        tokens.tokens[open].norm_start != tokens.tokens[open - 1].norm_end) {
        return 0;
    }
    for (std::size_t close = open + 2; close < sentence_end && close <= open + kMaxSpellingTokens; ++close) {
        if (tokens.tokens[close].text(text) != ")") continue;
        const std::size_t start = tokens.tokens[open + 1].norm_start;
        const std::string_view inner(text.text.data() + start, tokens.tokens[close - 1].norm_end - start);
        return lexicon.find(inner, EntityKind::model) == &model ? close : 0;
    }
    return 0;
}

// Whether the units before a word, from the sentence's first, end in a
// company marker: 주식회사, or (주) right before it (㈜ after NFKC).
bool is_company_marked(const NormalizedText& text, const std::vector<Unit>& units, std::size_t first_unit,
                       std::size_t word_start) {
    const auto text_of = [&](const Unit& u) {
        return std::string_view(text.text).substr(u.norm_start, u.norm_end - u.norm_start);
    };
    const std::size_t n = units.size();
    if (n > first_unit && text_of(units[n - 1]) == "주식회사") return true;
    return n >= first_unit + 3 && units[n - 1].norm_end == word_start && text_of(units[n - 1]) == ")" &&
           text_of(units[n - 2]) == "주" && text_of(units[n - 3]) == "(";
}

// Whether a token goes on a model's name: a version (4.0, V3.1, 3), a size
// (8B, 1.2B), a code (A35B, 0528) or a variant word (Think, Pro, 미니).
bool is_model_variant(const NormalizedText& text, const TokenizedText& tokens, std::size_t t,
                      const Lexicon& lexicon) {
    const Token& token = tokens.tokens[t];
    const std::string_view word = token.text(text);
    if (lexicon.word_class(word) == "variant") return true;
    if (word.empty() || word.size() > 10) return false;
    // A series letter before a version (믿:음 K 2.5, EXAONE X 2) or ending
    // the name (‘믿:음 K’, 믿:음 K는) belongs to the name.
    if (word.size() <= 2 && std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        if (t + 1 >= tokens.tokens.size()) return false;
        const Token& next = tokens.tokens[t + 1];
        // One letter only: AI in 제미나이 AI가 is no series.
        if (word.size() == 1 && next.eojeol == token.eojeol &&
            (next.kind == TokenKind::quote || next.kind == TokenKind::particle || next.text(text) == ")")) {
            return true;  // ‘믿:음 K’, (Mi:dm K), 믿:음 K는
        }
        return next.eojeol != token.eojeol && next.kind == TokenKind::number &&
               is_model_variant(text, tokens, t + 1, lexicon);
    }
    bool digit = false, dot = false;
    for (char c : word) {
        if (c >= '0' && c <= '9') digit = true;
        else if (c == '.') dot = true;
        else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-')) return false;
    }
    if (!digit) return false;
    // A bare number is a version only when short or dotted (Gemini 3, EXAONE 4.0),
    // never a count that a counter follows (1412점).
    const bool has_letter = std::any_of(word.begin(), word.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    if (has_letter) return true;
    if (!dot && word.size() > 2) return false;
    // 한결-핀 34B 85.2, GPT-4o 0.48: a figure after the name, not its version.
    if (dot && (word.find('.') >= 2 || word.starts_with("0."))) return false;
    return !(t + 1 < tokens.tokens.size() && tokens.tokens[t + 1].eojeol == token.eojeol &&
             tokens.tokens[t + 1].kind == TokenKind::hangul);
}

// Whether a figure with a unit other than a model's size starts at `offset`
// (37.5%, 80점), looking in `quantities` (sorted by start).
bool starts_figure(const std::vector<Quantity>& quantities, std::size_t offset) {
    const auto q = std::lower_bound(quantities.begin(), quantities.end(), offset,
                                    [](const Quantity& x, std::size_t o) { return x.norm_start < o; });
    return q != quantities.end() && q->norm_start == offset && !q->scale_suffix && !q->unit.empty();
}

// Where a model's name ends when versions, sizes and variants follow it,
// joined by a space or a hyphen; a score after it is none of them
// (제미나이 3 프로 37.5% / GPT-5.1 26.5%).
std::size_t model_variant_end(const NormalizedText& text, const TokenizedText& tokens,
                              const std::vector<Quantity>& quantities, std::size_t end, std::size_t sentence_end,
                              const Lexicon& lexicon) {
    while (end < sentence_end) {
        const std::size_t gap_start = tokens.tokens[end - 1].norm_end;
        const std::string_view gap(text.text.data() + gap_start, tokens.tokens[end].norm_start - gap_start);
        if (!(gap.empty() || gap == " " || gap == "-")) break;
        if (tokens.tokens[end].kind == TokenKind::particle || !is_model_variant(text, tokens, end, lexicon) ||
            starts_figure(quantities, tokens.tokens[end].norm_start)) {
            break;
        }
        ++end;
    }
    return end;
}

// AIME 2026, K-벤치 2.0: a year or a version number right after a benchmark
// (the token at `after`) names its edition, never a score. A year must end
// its word (2025년 is a date); a version (a digit below 5, a point, one
// digit: scores out of 10 such as MT-Bench 8.9 are higher) must be followed
// by 에서 or 의 in its word (K-벤치 2.0에서, 해례 벤치 1.0의) or by a figure
// (K-벤치 2.0 66.7점).
bool is_benchmark_edition(const NormalizedText& text, const TokenizedText& tokens, std::size_t after,
                          std::size_t sentence_end) {
    if (after >= sentence_end) return false;
    const Token& next = tokens.tokens[after];
    if (!next.space_before || next.kind != TokenKind::number) return false;
    const std::string_view edition = next.text(text);
    const bool more_in_word = after + 1 < sentence_end && tokens.tokens[after + 1].eojeol == next.eojeol;
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (edition.size() == 4 && (edition.starts_with("19") || edition.starts_with("20")) &&
        std::all_of(edition.begin(), edition.end(), digit)) {
        return !more_in_word || !tokens.tokens[after + 1].text(text).starts_with("년");
    }
    if (edition.size() == 3 && edition[0] >= '1' && edition[0] <= '4' && edition[1] == '.' && digit(edition[2]) &&
        after + 1 < sentence_end) {
        const Token& then = tokens.tokens[after + 1];
        return more_in_word ? then.kind == TokenKind::particle &&
                                  (then.text(text).starts_with("에서") || then.text(text) == "의")
                            : then.kind == TokenKind::number;
    }
    return false;
}

// '하이퍼클로바X 테라 7B': a known model that opens a quotation goes on with
// the one or two words up to its close (a new member of the family), when
// one of them is Latin or a number ('GPT-5 쇼크' is no model).
std::size_t quoted_name_end(const NormalizedText& text, const TokenizedText& tokens, std::size_t first,
                            std::size_t end, std::size_t sentence_end) {
    if (first == 0) return end;
    const Token& open = tokens.tokens[first - 1];
    // Single marks quote names; double marks quote words said (“GPT-4o 넘었다”).
    if (open.kind != TokenKind::quote || !open.opens || open.pair < 0 ||
        quote_class(open.text(text), true) != UnitClass::sq_open) {
        return end;
    }
    const auto close = static_cast<std::size_t>(open.pair);
    if (close <= end || close > end + 2 || close >= sentence_end) return end;
    bool latin_or_number = false;
    for (std::size_t k = end; k < close; ++k) {
        const Token& word = tokens.tokens[k];
        if (!word.space_before || (word.kind != TokenKind::hangul && word.kind != TokenKind::latin &&
                                   word.kind != TokenKind::number)) {
            return end;
        }
        latin_or_number = latin_or_number || word.kind != TokenKind::hangul;
    }
    return latin_or_number ? close : end;
}

// The title a word is or ends with (부총리, 엑사원랩장 -> 랩장), also with the
// honorific 님 (교수님); empty when none.
std::string_view title_of_word(std::string_view word, const Lexicon& lexicon) {
    std::string_view title = lexicon.title_suffix(word);
    if (title.empty() && word.size() > 3 && word.ends_with("님")) {
        const std::string_view stem = word.substr(0, word.size() - 3);
        const Entity* listed = lexicon.find(stem, EntityKind::title);
        title = listed ? std::string_view(listed->name) : lexicon.title_suffix(stem);
    }
    return title;
}

bool is_title_token(const NormalizedText& text, const Token& token, const Lexicon& lexicon) {
    const std::string_view word = token.text(text);
    return lexicon.find(word, EntityKind::title) || lexicon.find(word, EntityKind::reporter) ||
           !title_of_word(word, lexicon).empty();
}

// What person_name_tokens asks of a word itself, before what is around it.
struct PersonNameWord {
    // Hangul syllables only, a surname first (every name starts with one),
    // and no listed non-name.
    bool may_be_name = false;
    bool surname1 = false;  // a one-syllable surname first
    bool surname2 = false;  // a two-syllable surname first
    // 마커스 헤일, 조슈아 벨, 마르코 비안키, 마이크를: a syllable after its first that no
    // Korean given name has (a loanword's 스, 트, 크).
    bool loanword_syllable = false;
    // 설립된, 추적할, 최종적, 따르던, 마치며, 서면을, 지켜본: three syllables
    // ending as a verb's or an adjective's form or a word with its particle
    // does, whatever syllable they start with (no given name ends so).
    bool verb_ending = false;
};

// A syllable whose final consonant no Korean given name's syllable has (마거릿
// holds 릿, which no 민준 or 서연 does; ㅊ stays for 빛나). Finals by their
// index in a syllable, 0 none to 27 ㅎ: ㄲ 2, ㄳ 3, ㄵ 5, ㄶ 6, ㄷ 7, ㄺ to ㅀ 9
// to 15, ㅄ 18, ㅅ 19, ㅆ 20, ㅈ 22, ㅋ 24, ㅌ 25, ㅍ 26, ㅎ 27.
bool ends_as_no_given_name_does(std::string_view syllable) {
    const char32_t code = hangul_syllable(syllable);
    if (code == 0) return false;
    constexpr std::uint32_t kForeignFinals = (1u << 2) | (1u << 3) | (1u << 5) | (1u << 6) | (1u << 7) | (1u << 9) |
                                            (1u << 10) | (1u << 11) | (1u << 12) | (1u << 13) | (1u << 14) |
                                            (1u << 15) | (1u << 18) | (1u << 19) | (1u << 20) | (1u << 22) |
                                            (1u << 24) | (1u << 25) | (1u << 26) | (1u << 27);
    return (kForeignFinals >> syllable_final_index(code)) & 1u;
}

PersonNameWord person_name_word(std::string_view word, const Lexicon& lexicon) {
    PersonNameWord name;
    if (!is_hangul_syllable_run(word)) return name;
    name.surname1 = lexicon.is_surname(word.substr(0, 3)) &&
                    (word.size() == 3 || !lexicon.surname_only_alone(word.substr(0, 3)));
    name.surname2 = word.size() >= 6 && lexicon.is_surname(word.substr(0, 6));
    name.may_be_name = (name.surname1 || name.surname2) && !lexicon.is_not_name(word);
    for (std::size_t i = 3; !name.loanword_syllable && i + 3 <= word.size(); i += 3) {
        const std::string_view syllable = word.substr(i, 3);
        name.loanword_syllable = is_one_of(syllable, {"스", "크", "트", "프", "드", "브", "슈", "르"}) ||
                                 ends_as_no_given_name_does(syllable);
    }
    name.verb_ending = word.size() == 9 && is_one_of(word.substr(6), {"된", "할", "적", "던", "며", "면", "게", "을", "를", "본"});
    return name;
}

// How many tokens from `t` make a Korean personal name, 0 if none: a surname
// and two syllables (배경훈), a two-syllable surname and two (남궁도윤), or a
// surname and one or two syllables that the tokenizer split like a particle
// (신유|나, 남궁유|나) when a title follows within a few words. `name` is
// person_name_word of the token's text.
std::size_t person_name_tokens(const NormalizedText& text, const TokenizedText& tokens, std::size_t t,
                               std::size_t sentence_end, const Lexicon& lexicon, const PersonNameWord& name) {
    const Token& token = tokens.tokens[t];
    const std::string_view word = token.text(text);
    if (!name.may_be_name) return 0;
    const bool surname1 = name.surname1;
    const bool surname2 = name.surname2;
    // A loanword before an organisation, or a word of its own, is no Korean
    // name; a given name before a Korean surname stays a person's (제임스 박).
    const bool surname_follows = t + 1 < sentence_end && tokens.tokens[t + 1].space_before &&
                                 tokens.tokens[t + 1].kind == TokenKind::hangul &&
                                 lexicon.is_surname(tokens.tokens[t + 1].text(text));
    if ((name.loanword_syllable && !surname_follows) || name.verb_ending) return 0;
    // 강원대 AI융합학과 연구팀, 한림대 의료인공지능연구소(소장 …): a word in 대
    // before a part of a university names the university; with a title after
    // that part it is a person's name and affiliation (김용대 서울대병원 교수,
    // 윤영대 한빛AI연구소 소장), unless a name stands before it (Seoyeon Lim
    // 한빛대 언어지능연구실 교수, 김도윤 한림대 의료인공지능연구소 교수).
    if (word.size() == 9 && word.ends_with("대") && t + 1 < sentence_end && tokens.tokens[t + 1].space_before) {
        // The next word's letters, up to a particle or a mark (AI융합학과, 연구소(소장).
        std::size_t last = t + 1;
        while (last + 1 < sentence_end && tokens.tokens[last + 1].eojeol == tokens.tokens[t + 1].eojeol &&
               (tokens.tokens[last + 1].kind == TokenKind::hangul || tokens.tokens[last + 1].kind == TokenKind::latin)) {
            ++last;
        }
        const bool title_after = last + 1 < sentence_end && is_title_token(text, tokens.tokens[last + 1], lexicon);
        bool named_before = false;
        if (t > 0 && token.space_before) {
            const Token& before = tokens.tokens[t - 1];
            named_before = before.kind == TokenKind::latin ||
                           (before.kind == TokenKind::hangul && before.text(text).size() == 9 &&
                            person_name_word(before.text(text), lexicon).may_be_name);
        }
        const bool university_part = ends_with_one_of(
            tokens.tokens[last].text(text),
            {"학과", "학부", "대학원", "대학", "연구소", "연구실", "연구팀", "연구센터", "병원", "캠퍼스"});
        if (university_part && (!title_after || named_before)) return 0;
    }
    // Whether a title stands within `reach` tokens from `from`, before any
    // quotation mark; with `symbols_count` false, the symbols between words
    // are not counted (A&R is two).
    const auto title_within = [&](std::size_t from, std::size_t reach, bool symbols_count = true) {
        for (std::size_t k = from, seen = 0; k < sentence_end && seen < reach; ++k) {
            const Token& next = tokens.tokens[k];
            if (next.kind == TokenKind::quote) return false;
            if (is_title_token(text, next, lexicon)) return true;
            if (symbols_count || next.kind != TokenKind::symbol) ++seen;
        }
        return false;
    };
    // 신유|나, 남궁유|나: the last syllable was taken for a particle, and the
    // name goes on to a title within four words (정유|나 스타라이트엔터테인먼트
    // A&R 총괄); a syllable that ends names, not 사회를 맡은 … 교수.
    const auto name_cut_before_title = [&] {
        if (t + 1 >= sentence_end) return false;
        const Token& next = tokens.tokens[t + 1];
        return next.kind == TokenKind::particle && next.eojeol == token.eojeol && next.norm_end - next.norm_start == 3 &&
               is_one_of(next.text(text), {"나", "은", "아", "야", "이", "가", "와"}) &&
               (t + 2 >= sentence_end || tokens.tokens[t + 2].eojeol != token.eojeol) && title_within(t + 2, 4, /*symbols_count=*/false);
    };
    if (word.size() == 9 && surname2 && name_cut_before_title()) return 2;
    // 제이슨 박 큐브릭스 최고경영자(CEO): a given name of three or four syllables,
    // then a Korean surname of one, then the title; not 김도현 전 장관 (former),
    // nor a verb's form before 한 (a, one): 주도한 한 벤처캐피털 대표.
    if (surname_follows && (word.size() == 9 || word.size() == 12) &&
        tokens.tokens[t + 1].norm_end - tokens.tokens[t + 1].norm_start == 3 &&
        !is_one_of(tokens.tokens[t + 1].text(text), {"전", "현"}) &&
        !is_one_of(word.substr(word.size() - 3), {"한", "된", "던", "는", "은", "인", "을", "의"}) &&
        title_within(t + 2, 4)) {
        return 2;
    }
    if (word.size() == 9 && surname1) return 1;
    if (word.size() == 12 && surname2) return 1;
    // A lone surname: 정 CIC장, (오 CTO); not the end of a word (3차 평가위원장).
    if (word.size() == 3 && surname1) {
        const bool glued = t > 0 && tokens.tokens[t - 1].eojeol == token.eojeol &&
                           tokens.tokens[t - 1].kind != TokenKind::symbol && tokens.tokens[t - 1].kind != TokenKind::quote;
        return glued ? 0 : 1;
    }
    if (word.size() == 6 && surname2) return 1;  // a lone two-syllable surname: 황보 부문장
    if (word.size() == 6 && surname1 && t + 1 < sentence_end) {
        const Token& next = tokens.tokens[t + 1];
        if (name_cut_before_title()) return 2;
        if (title_within(t + 1, 1)) return 1;  // a two-syllable name right before its title
        // 허윤 새벽랩스 대표: a two-syllable name, its organisation in one word, its title.
        if (t + 2 < sentence_end && title_within(t + 2, 1)) {
            const std::string_view org = next.text(text);
            if ((next.kind == TokenKind::hangul || next.kind == TokenKind::latin) &&
                (lexicon.word_class(org) == "orgname" || lexicon.find(org, EntityKind::team) ||
                 lexicon.find(org, EntityKind::org))) {
                return 1;
            }
        }
    }
    return 0;
}

// What annotate asks of a Hangul or Latin word that no name or number
// covers and that the word alone answers; memoised per thread (most words
// recur), so that a word costs one lookup instead of one a question.
struct PlainWord {
    std::string_view keyword;  // Lexicon::word_class
    std::string_view title;    // title_of_word
    // A known model with its variant or version in one word (DeepSeek-V3.1,
    // GPT-5.5): the longest known prefix that ends before a hyphen, a dot or
    // the digits after a letter, and where it ends; null if none.
    const Entity* base_model = nullptr;
    std::size_t base_cut = 0;
    PersonNameWord name;  // person_name_tokens' tests of the word itself
    // Whether a gazetteer name may start at the word (NameIndex::starts_name).
    bool starts_name = false;
};

PlainWord describe_plain_word(std::string_view word, const Lexicon& lexicon) {
    PlainWord plain;
    plain.keyword = lexicon.word_class(word);
    plain.title = title_of_word(word, lexicon);
    for (std::size_t cut = word.size(); !plain.base_model && cut-- > 1;) {
        const bool version_starts = word[cut] >= '0' && word[cut] <= '9' &&
                                    !(word[cut - 1] >= '0' && word[cut - 1] <= '9') && word[cut - 1] != '-' &&
                                    word[cut - 1] != '.';
        if (word[cut] == '-' || word[cut] == '.' || version_starts) {
            plain.base_model = lexicon.find(word.substr(0, cut), EntityKind::model);
            plain.base_cut = cut;
        }
    }
    plain.name = person_name_word(word, lexicon);
    plain.starts_name = lexicon.names().starts_name(word);
    return plain;
}

PlainWord plain_word(std::string_view word, const Lexicon& lexicon) {
    thread_local RecentAnswers<PlainWord, 32768, 30> recent;  // 3 MiB a thread
    return recent.answer(lexicon.answer_owner(), word, [&] { return describe_plain_word(word, lexicon); });
}

// Words of three syllables that begin with a surname and that the document
// writes as a subject or topic, its particle attached, twice or more
// (모아톡은 … 모아톡이): a company's name where a title follows it right
// away (모아톡 최고기술책임자), as a person's name is written before the
// organisation and its title (김도윤 누리랩스 대표) in profiles that name the
// person so. Sorted, for binary_search.
std::vector<std::string_view> words_often_subjects(const NormalizedText& text, const TokenizedText& tokens,
                                                   const Lexicon& lexicon) {
    std::vector<std::string_view> words;
    for (std::size_t t = 0; t + 1 < tokens.tokens.size(); ++t) {
        const Token& word = tokens.tokens[t];
        const Token& particle = tokens.tokens[t + 1];
        const bool eojeol_ends = t + 2 == tokens.tokens.size() || tokens.tokens[t + 2].eojeol != word.eojeol;
        if (word.kind != TokenKind::hangul || particle.kind != TokenKind::particle || particle.eojeol != word.eojeol ||
            word.norm_end - word.norm_start != 3 * kSyllableBytes || !eojeol_ends) {
            continue;
        }
        const std::string_view written = word.text(text);
        if (!lexicon.is_surname(written.substr(0, kSyllableBytes)) ||
            !is_one_of(particle.text(text), {"은", "는", "이", "가"})) {
            continue;
        }
        words.push_back(written);
    }
    std::sort(words.begin(), words.end());
    std::vector<std::string_view> often;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (words[i] == words[i + 1] && (often.empty() || often.back() != words[i])) often.push_back(words[i]);
    }
    return often;
}

// An English adjective that a company's Latin ending may follow without
// making a company's name (Physical AI, Generative AI, Deep Research).
bool english_adjective(std::string_view word) {
    return is_one_of(word, {"Physical", "Generative", "Sovereign", "Agentic", "Responsible", "Open", "Edge", "Embodied",
                            "Conversational", "Explainable", "Trustworthy", "Enterprise", "General", "Artificial",
                            "Multimodal", "Frontier", "Foundation", "Applied", "Deep", "Vertical", "Creative", "Human",
                            "Global", "Hybrid", "Private", "Public", "Safe", "Ethical", "Mobile", "Smart", "Medical",
                            "Legal", "Financial", "Industrial"});
}

// A foreign company's name written in Hangul as two or three words and
// glossed word for word in Latin letters, its last word a company's ending
// (데칸 인텔리전스(Deccan Intelligence), 사르밤 AI(Sarvam AI), 유로파 파운데이션
// 랩스(Europa Foundation Labs)): one organisation's name wherever the
// document writes it. Each name as written, its words one space apart.
std::vector<std::string> glossed_spaced_org_names(const NormalizedText& text, const TokenizedText& tokens) {
    std::vector<std::string> names;
    const auto& all = tokens.tokens;
    for (std::size_t open = 2; open + 3 < all.size(); ++open) {
        if (all[open].kind != TokenKind::symbol || all[open].text(text) != "(" || all[open].space_before) continue;
        std::size_t close = open + 1;
        while (close < all.size() && close < open + 5 && all[close].kind == TokenKind::latin) ++close;
        const std::size_t words = close - open - 1;
        if (words < 2 || words > 3 || close >= all.size() || all[close].text(text) != ")" || open < words) continue;
        const std::string_view first_latin = all[open + 1].text(text);
        if (first_latin[0] < 'A' || first_latin[0] > 'Z' ||
            !is_one_of(all[close - 1].text(text), {"AI", "Intelligence", "Labs", "Lab", "Research", "Technologies",
                                                   "Tech", "Systems", "Logics", "Semantics", "DeepTech", "Robotics",
                                                   "Dynamics", "Analytics", "Networks"}) ||
            english_adjective(first_latin)) {
            continue;
        }
        // As many words written apart, a particle a split cut off one glued
        // to it (야무|나 랩스(Yamuna Labs)), the last a company's ending
        // (not 스타트업 파랑지능(Parang Intelligence)).
        if (!is_one_of(all[open - 1].text(text), {"AI", "에이아이", "인텔리전스", "랩스", "랩", "리서치", "테크놀로지스",
                                                  "테크", "시스템즈", "로직스", "시맨틱스", "딥테크", "로보틱스",
                                                  "다이내믹스", "애널리틱스", "네트웍스"})) {
            continue;
        }
        std::size_t first = open;
        for (std::size_t spaced = 0; first > 0 && spaced < words;) {
            --first;
            const TokenKind kind = all[first].kind;
            if (kind != TokenKind::hangul && kind != TokenKind::particle && !(first + 1 == open && kind == TokenKind::latin)) {
                break;
            }
            // A word starts after a space or a mark ('비스와 AI(Wisła AI)').
            const bool starts_word = all[first].space_before || first == 0 ||
                                     (all[first - 1].kind != TokenKind::hangul && all[first - 1].kind != TokenKind::latin &&
                                      all[first - 1].kind != TokenKind::particle);
            if (kind != TokenKind::particle && starts_word) ++spaced;
            if (spaced == words && kind == TokenKind::hangul) {
                names.emplace_back(text.text.substr(all[first].norm_start, all[open - 1].norm_end - all[first].norm_start));
            }
        }
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

// Whether `offset` falls strictly inside a number (dates and ordinals too),
// looking from quantities[from] on (they are sorted by start).
bool cuts_number(const std::vector<Quantity>& quantities, std::size_t from, std::size_t offset) {
    for (std::size_t q = from; q < quantities.size() && quantities[q].norm_start < offset; ++q) {
        if (quantities[q].norm_end > offset) return true;
    }
    return false;
}

}  // namespace

std::string_view unit_class_name(UnitClass cls) {
    switch (cls) {
        case UnitClass::team: return "team";
        case UnitClass::org: return "org";
        case UnitClass::model: return "model";
        case UnitClass::benchmark: return "bench";
        case UnitClass::title: return "title";
        case UnitClass::reporter: return "reporter";
        case UnitClass::not_model: return "notmodel";
        case UnitClass::quantity: return "qty";
        case UnitClass::person: return "person";
        case UnitClass::surname: return "surname";
        case UnitClass::particle: return "particle";
        case UnitClass::word: return "word";
        case UnitClass::symbol: return "sym";
        case UnitClass::dq_open: return "dqopen";
        case UnitClass::dq_close: return "dqclose";
        case UnitClass::sq_open: return "sqopen";
        case UnitClass::sq_close: return "sqclose";
        case UnitClass::other_number: return "num";
    }
    return "unknown";
}

namespace {

// A unit's label: the quantity's unit (B first when written with an English
// scale, as in 500B; ~ after when approximate: 500B(5000억개) 규모 is B개~),
// a name's canonical form, else the text. A view of the text or the name
// where it needs no change (nearly always), else written into `scratch`.
std::string_view unit_label(const Unit& unit, const AnnotatedText& annotated, const NormalizedText& text,
                            const std::vector<Quantity>& quantities, const Lexicon& lexicon, std::string& scratch) {
    scratch.clear();
    if (unit.cls == UnitClass::quantity) {
        const Quantity& q = quantities[static_cast<std::size_t>(unit.quantity)];
        if (q.scale_suffix) scratch += 'B';
        append_label(scratch, q.unit);
        if (q.approximate) scratch += '~';
        return scratch;
    }
    const std::string_view label =
        unit.entity == kNoEntity ? std::string_view(text.text).substr(unit.norm_start, unit.norm_end - unit.norm_start)
                                 : std::string_view(annotated.name_of(unit, lexicon));
    if (std::none_of(label.begin(), label.end(), [](char c) { return c == '{' || c == '}'; })) return label;
    append_label(scratch, label);
    return scratch;
}

}  // namespace

namespace {

// The codes a label passed, as written and as bits. Cached per thread for
// the labels seen last (see RecentAnswers): a hit costs a hash where a set's
// pass over the label costs some ten times more. Room for 24 codes: a
// common word of two syllables (평가, 기업) passes some 14 to 19 of the
// word class's tests, and a label that passes more than there is room for
// is run again each time.
struct PassedCodes {
    TestCodes bits{};
    std::uint8_t size = 0;
    char codes[24];
};
using PassedCache = RecentAnswers<PassedCodes, 32768, 38>;  // 3 MiB a thread (96-byte entries)

// The bits of test codes written as tag bytes (test_tag_byte).
TestCodes bits_of_codes(std::string_view codes) {
    TestCodes bits{};
    for (const char c : codes) {
        const auto code = static_cast<unsigned char>(c) & 0x7Fu;
        bits[code / 64] |= std::uint64_t{1} << (code % 64);
    }
    return bits;
}

// A label test's alternatives as words, if each is a word (기업) or a word
// after any text ([^}]*테크, [^}]*(?:협회|학회)): the label passes where it
// is one of the words, or ends with one of the endings and is all text
// without `}`. Null for a test with any other part.
struct WordListing {
    std::vector<std::string_view> words;
    std::vector<std::string_view> endings;
};

std::optional<WordListing> word_listing(std::string_view regex) {
    constexpr std::string_view kSyntax = "\\.+*?()[]{}^$|";
    constexpr std::string_view kAnyText = "[^}]*";
    const auto is_word = [&](std::string_view part) { return part.find_first_of(kSyntax) == std::string_view::npos; };
    WordListing listing;
    // Each alternative at the top, up to a `|` outside parentheses.
    for (std::size_t start = 0; start <= regex.size();) {
        std::size_t end = start;
        for (int depth = 0; end < regex.size() && (depth > 0 || regex[end] != '|'); ++end) {
            depth += regex[end] == '(' ? 1 : regex[end] == ')' ? -1 : 0;
        }
        std::string_view alternative = regex.substr(start, end - start);
        start = end + 1;
        if (!alternative.starts_with(kAnyText)) {
            if (!is_word(alternative)) return std::nullopt;
            listing.words.push_back(alternative);
            continue;
        }
        alternative.remove_prefix(kAnyText.size());
        if (!alternative.starts_with("(?:") || !alternative.ends_with(")")) {
            if (!is_word(alternative)) return std::nullopt;
            listing.endings.push_back(alternative);
            continue;
        }
        const std::string_view endings = alternative.substr(3, alternative.size() - 4);
        for (std::size_t from = 0; from <= endings.size();) {
            const std::size_t bar = std::min(endings.find('|', from), endings.size());
            if (!is_word(endings.substr(from, bar - from))) return std::nullopt;
            listing.endings.push_back(endings.substr(from, bar - from));
            from = bar + 1;
        }
    }
    return listing;
}

// The last two bytes of `s` (two or more) as one number, for
// LabelTests::ending_last_two_bytes_.
std::size_t last_two_bytes(std::string_view s) {
    return static_cast<std::size_t>(static_cast<unsigned char>(s[s.size() - 2])) << 8 |
           static_cast<unsigned char>(s.back());
}

}  // namespace

bool LabelTests::compile(std::int64_t max_mem) {
    set_.reset();
    set_tests_.clear();
    tests_of_word_.clear();
    tests_of_ending_.clear();
    ending_last_two_bytes_.reset();
    one_byte_endings_.reset();
    empty_ending_ = false;
    any_text_.reset();
    one_by_one_ = std::make_unique<OneByOne>();
    id_ = new_answer_owner();
    if (tests_.empty()) return true;
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(max_mem);
    auto set = std::make_unique<RE2::Set>(options, RE2::ANCHOR_BOTH);
    const auto note = [](std::vector<int>& tests, std::size_t test) {
        if (tests.empty() || tests.back() != static_cast<int>(test)) tests.push_back(static_cast<int>(test));
    };
    for (std::size_t i = 0; i < tests_.size(); ++i) {
        const std::string_view regex = tests_[i].regex;
        if (const std::optional<WordListing> listing = word_listing(regex)) {
            for (std::string_view word : listing->words) note(tests_of_word_[std::string(word)], i);
            for (std::string_view ending : listing->endings) {
                auto known = std::find_if(tests_of_ending_.begin(), tests_of_ending_.end(),
                                          [&](const auto& e) { return e.first == ending; });
                if (known == tests_of_ending_.end()) known = tests_of_ending_.insert(known, {std::string(ending), {}});
                if (ending.empty()) empty_ending_ = true;
                else if (ending.size() == 1) one_byte_endings_.set(static_cast<unsigned char>(ending[0]));
                else ending_last_two_bytes_.set(last_two_bytes(ending));
                note(known->second, i);
            }
            continue;
        }
        if (set->Add(regex, nullptr) < 0) return false;  // each parsed alone when added
        set_tests_.push_back(static_cast<int>(i));
    }
    if (!tests_of_ending_.empty()) {
        // `[^}]*` as the tests read it: RE2's own, in the same options.
        any_text_ = std::make_unique<const RE2>("[^}]*", options);
    }
    if (set_tests_.empty()) return true;
    if (!set->Compile()) return false;
    set_ = std::move(set);
    return true;
}

TestCodes LabelTests::append_passed(std::string_view label, std::string& out, std::vector<int>& scratch) const {
    thread_local PassedCache cache;
    if (const PassedCodes* passed = cache.find(id_, label)) {
        out.append(passed->codes, passed->size);
        return passed->bits;
    }
    const std::size_t start = out.size();
    run(label, out, scratch);
    const std::string_view codes = std::string_view(out).substr(start);
    PassedCodes passed;
    passed.bits = bits_of_codes(codes);
    if (codes.size() > sizeof(passed.codes)) return passed.bits;
    passed.size = static_cast<std::uint8_t>(codes.size());
    std::copy(codes.begin(), codes.end(), passed.codes);
    cache.store(id_, label, passed);
    return passed.bits;
}

void LabelTests::run(std::string_view label, std::string& out, std::vector<int>& scratch) const {
    scratch.clear();
    if (set_) {
        RE2::Set::ErrorInfo error{};
        if (set_->Match(label, &scratch, &error)) {
            for (int& n : scratch) n = set_tests_[static_cast<std::size_t>(n)];
        } else if (error.kind != RE2::Set::kNoError) {
            run_one_by_one(label, out);
            return;
        }
    }
    if (const auto listing = tests_of_word_.find(label); listing != tests_of_word_.end()) {
        scratch.insert(scratch.end(), listing->second.begin(), listing->second.end());
    }
    const bool may_end_so = empty_ending_ ||
                            (!label.empty() && one_byte_endings_[static_cast<unsigned char>(label.back())]) ||
                            (label.size() >= 2 && ending_last_two_bytes_[last_two_bytes(label)]);
    std::optional<bool> any_text;  // whether the label is all text without `}`: asked once, if at all
    for (std::size_t e = 0; may_end_so && e < tests_of_ending_.size(); ++e) {
        const auto& [ending, tests] = tests_of_ending_[e];
        if (!label.ends_with(ending)) continue;
        if (!any_text) any_text = RE2::FullMatch(label, *any_text_);
        if (*any_text) scratch.insert(scratch.end(), tests.begin(), tests.end());
    }
    // A test passed by its word and an ending, or by two endings, once.
    std::sort(scratch.begin(), scratch.end());
    scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
    for (int i : scratch) out += test_tag_byte(tests_[static_cast<std::size_t>(i)].code);
}

void LabelTests::run_one_by_one(std::string_view label, std::string& out) const {
    // Out of DFA memory (a pathological label): the tests run one by one.
    std::call_once(one_by_one_->compiled, [&] {
        RE2::Options options;
        options.set_log_errors(false);
        for (const LabelTest& test : tests_) {
            one_by_one_->tests.push_back(std::make_unique<const RE2>(test.regex, options));
        }
    });
    for (std::size_t i = 0; i < tests_.size(); ++i) {
        if (RE2::FullMatch(label, *one_by_one_->tests[i])) out += test_tag_byte(tests_[i].code);
    }
}

std::optional<char> TagAlphabet::add(std::string_view cls) {
    if (const auto it = classes_.find(cls); it != classes_.end()) return it->second.code;
    if (names_.size() == kMaxClasses) return std::nullopt;
    const char code = kCodes[names_.size()];
    names_.emplace_back(cls);
    Class& added = classes_.emplace(std::string(cls), Class{code, {}, 0}).first->second;
    for (const LabelTest& test : every_class_) added.tests.add(test);
    return code;
}

std::optional<char> TagAlphabet::add_label_test(std::string_view cls, std::string_view regex, std::string& error) {
    std::string key = test_key(cls, regex);
    if (const auto it = tests_made_.find(key); it != tests_made_.end()) return it->second.code;
    const bool every = cls == "*";
    const auto named = classes_.find(cls);
    if (!every && named == classes_.end()) {
        error = fmt::format("unit class '{}' has no code", cls);
        return std::nullopt;
    }
    // A class's own tests take codes from the start, those of every class from the end.
    std::size_t most_own = 0;
    for (const auto& [name, c] : classes_) most_own = std::max(most_own, c.own);
    const std::size_t own = every ? most_own : named->second.own;
    if (own + every_class_.size() == kMaxLabelTests) {
        error = fmt::format("[{}:{}] is one more than the {} label tests a class can have", cls, regex,
                            kMaxLabelTests);
        return std::nullopt;
    }
    // Parsed here, so that a bad regex names its macro; compiled with its class's set.
    RE2::Options options;
    options.set_log_errors(false);
    RE2::Set parsed(options, RE2::ANCHOR_BOTH);
    std::string parse_error;
    if (parsed.Add(regex, &parse_error) < 0) {
        error = fmt::format("bad pattern: [{}:{}]: {}", cls, regex, parse_error);
        return std::nullopt;
    }
    LabelTest test{std::string(regex), every ? kTestCodes[kTestCodes.size() - 1 - every_class_.size()] : kTestCodes[own],
                   test_names_.size()};
    if (every) {
        for (auto& [name, c] : classes_) c.tests.add(test);
        unnamed_.add(test);
        every_class_.push_back(test);
    } else {
        named->second.tests.add(test);
        ++named->second.own;
    }
    tests_made_.emplace(key, TestMade{test.code, test.number});
    test_names_.push_back(std::move(key));
    return test.code;
}

std::optional<std::size_t> TagAlphabet::test_number(std::string_view cls, std::string_view regex) const {
    const auto it = tests_made_.find(test_key(cls, regex));
    return it == tests_made_.end() ? std::nullopt : std::optional<std::size_t>(it->second.number);
}

std::vector<LabelTests*> TagAlphabet::label_tests() {
    std::vector<LabelTests*> all;
    for (auto& [name, c] : classes_) all.push_back(&c.tests);
    all.push_back(&unnamed_);
    return all;
}

TagAlphabet::Spelling TagAlphabet::spelling(std::string_view cls) const {
    const auto it = classes_.find(cls);
    const LabelTests& tests = it == classes_.end() ? unnamed_ : it->second.tests;
    return {it == classes_.end() ? kUnnamedClass : it->second.code, tests.empty() ? nullptr : &tests};
}

std::string_view TagAlphabet::name(char code) const {
    const std::size_t i = index(code);
    return i < names_.size() ? std::string_view(names_[i]) : std::string_view();
}

std::string readable_tags(const AnnotatedText& annotated, std::size_t sentence, const NormalizedText& text,
                          const std::vector<Quantity>& quantities, const Lexicon& lexicon) {
    std::string out;
    std::string label;
    const SentenceTags& tags = annotated.sentences[sentence];
    for (std::size_t u = tags.first_unit; u < tags.end_unit; ++u) {
        const Unit& unit = annotated.units[u];
        out += '{';
        out += unit.keyword.empty() ? unit_class_name(unit.cls) : unit.keyword;
        out += ':';
        out += unit_label(unit, annotated, text, quantities, lexicon, label);
        out += '}';
    }
    return out;
}

AnnotatedText annotate(const NormalizedText& text, const TokenizedText& tokens,
                       const std::vector<Quantity>& quantities, const Lexicon& lexicon,
                       const TagAlphabet& alphabet, const DocumentNames* document_names) {
    AnnotatedText out;
    out.document_names = document_names;
    std::array<TagAlphabet::Spelling, kUnitClassCount> class_spellings{};
    for (std::size_t c = 0; c < kUnitClassCount; ++c) {
        class_spellings[c] = alphabet.spelling(unit_class_name(static_cast<UnitClass>(c)));
    }
    out.unit_of_token.assign(tokens.tokens.size(), 0);
    out.units.reserve(tokens.tokens.size());  // a unit covers one token or more
    out.sentences.reserve(tokens.sentences.size());
    out.unit_tags.reserve(tokens.tokens.size() + 1);
    out.unit_tests.reserve(tokens.tokens.size());
    std::size_t next_quantity = 0;
    std::string label;
    std::vector<int> passed;

    const std::vector<std::string_view> subject_words = words_often_subjects(text, tokens, lexicon);
    const std::vector<std::string> spaced_orgs = glossed_spaced_org_names(text, tokens);
    for (const Sentence& sentence : tokens.sentences) {
        SentenceTags tags;
        tags.first_unit = out.units.size();
        std::size_t t = sentence.first_token;
        while (t < sentence.end_token) {
            const Token& token = tokens.tokens[t];
            Unit unit;
            unit.first_token = t;
            unit.end_token = t + 1;

            while (next_quantity < quantities.size() && quantities[next_quantity].norm_start < token.norm_start) {
                ++next_quantity;  // a number inside a word (솔라-오픈-100B, Tri-21B) is part of a name
            }
            const bool quantity_here = next_quantity < quantities.size() &&
                                       quantities[next_quantity].norm_start == token.norm_start;
            // A Hangul or Latin word is asked about itself once (plain_word):
            // that no name starts with it spares the gazetteer's walk.
            const bool word_token = token.kind == TokenKind::hangul || token.kind == TokenKind::latin;
            const PlainWord plain = word_token ? plain_word(token.text(text), lexicon) : PlainWord{};
            NameMatch name;
            bool named = token.kind != TokenKind::particle && token.kind != TokenKind::quote &&
                         (!word_token || plain.starts_name) &&
                         lexicon.names().longest_match(text, tokens, t, sentence.end_token, name);
            // A name never ends inside a number: GPT-5 1위 is GPT-5 and an ordinal, not GPT-5.1.
            while (named && cuts_number(quantities, next_quantity, tokens.tokens[name.end_token - 1].norm_end)) {
                named = name.end_token - 1 > t &&
                        lexicon.names().longest_match(text, tokens, t, name.end_token - 1, name);
            }
            // The document's own names, where one starts here and reaches
            // further than the gazetteer's.
            bool own_name = false;
            if (document_names && token.kind != TokenKind::particle && token.kind != TokenKind::quote &&
                document_names->names().may_start_with(NameIndex::first_char_key(text.text, token.norm_start))) {
                NameMatch own;
                bool found = document_names->names().longest_match(text, tokens, t, sentence.end_token, own);
                while (found && cuts_number(quantities, next_quantity, tokens.tokens[own.end_token - 1].norm_end)) {
                    found = own.end_token - 1 > t &&
                            document_names->names().longest_match(text, tokens, t, own.end_token - 1, own);
                }
                if (found && (!named || own.end_token > name.end_token)) {
                    name = own;
                    named = own_name = true;
                }
            }
            // A name that covers a number wins over it: GPT-OSS 120B, 2차관.
            const bool name_covers_quantity =
                named && (!quantity_here ||
                          tokens.tokens[name.end_token - 1].norm_end >= quantities[next_quantity].norm_end);
            if (quantity_here && !name_covers_quantity) {
                const Quantity& q = quantities[next_quantity];
                unit.cls = q.kind == NumberKind::quantity ? UnitClass::quantity : UnitClass::other_number;
                unit.quantity = static_cast<std::int64_t>(next_quantity);
                while (unit.end_token < sentence.end_token &&
                       tokens.tokens[unit.end_token].norm_start < q.norm_end) {
                    ++unit.end_token;
                }
                ++next_quantity;
            } else if (own_name) {
                const Entity& own = document_names->entity(name.value);
                unit.cls = class_of(own.kind);
                unit.entity = name.value;
                unit.end_token = name.end_token;
                // 새미-32B 2.0, 렉스코어 S: a version, size or variant after it
                // names another model, as written (the same one where the whole
                // is a spelling of it).
                const std::size_t end = unit.cls == UnitClass::model
                                            ? model_variant_end(text, tokens, quantities, unit.end_token, sentence.end_token, lexicon)
                                            : unit.end_token;
                if (end > unit.end_token) {
                    const std::string_view whole = std::string_view(text.text).substr(
                        token.norm_start, tokens.tokens[end - 1].norm_end - token.norm_start);
                    std::uint32_t named_whole;
                    if (!document_names->names().find(whole, named_whole) || named_whole != name.value) {
                        unit.derived = static_cast<std::int64_t>(out.derived_names.size());
                        out.derived_names.emplace_back(whole);
                    }
                    unit.end_token = end;
                }
            } else if (named) {
                const auto& group = lexicon.group(name.value);
                std::uint32_t best = group.front();
                for (std::uint32_t e : group) {
                    if (kind_rank(lexicon.entities()[e].kind) < kind_rank(lexicon.entities()[best].kind)) best = e;
                }
                unit.cls = class_of(lexicon.entities()[best].kind);
                unit.entity = best;
                unit.end_token = name.end_token;
                // 박상현 하이투자증권 이코노미스트는: a name that is a title too (and an
                // organisation's, 영국 이코노미스트는) is the title of the person named
                // within three words before it (박 이코노미스트는 too).
                if (unit.cls == UnitClass::org) {
                    const auto title = std::find_if(group.begin(), group.end(), [&](std::uint32_t e) {
                        return lexicon.entities()[e].kind == EntityKind::title;
                    });
                    bool after_person = false;
                    for (std::size_t back = 1; title != group.end() && back <= 3 &&
                                               out.units.size() >= tags.first_unit + back;
                         ++back) {
                        const UnitClass before = out.units[out.units.size() - back].cls;
                        if (before == UnitClass::particle || before == UnitClass::symbol) break;
                        if (before == UnitClass::person || before == UnitClass::surname) {
                            after_person = true;
                            break;
                        }
                    }
                    if (after_person) {
                        unit.cls = UnitClass::title;
                        unit.entity = *title;
                    }
                }
                if (unit.cls == UnitClass::benchmark &&
                    is_benchmark_edition(text, tokens, unit.end_token, sentence.end_token)) {
                    unit.derived = static_cast<std::int64_t>(out.derived_names.size());
                    out.derived_names.push_back(lexicon.entities()[best].name + " " +
                                                std::string(tokens.tokens[unit.end_token].text(text)));
                    ++unit.end_token;
                }
                const Entity* as_model = nullptr;
                for (std::uint32_t e : group) {
                    if (lexicon.entities()[e].kind == EntityKind::model) as_model = &lexicon.entities()[e];
                }
                if (as_model) {
                    std::size_t end = model_variant_end(text, tokens, quantities, unit.end_token, sentence.end_token, lexicon);
                    // 엑사원 3.5(EXAONE 3.5) 7.8B: the size or variant after the model's
                    // other spelling in parentheses goes on its name; the rest is
                    // what follows the parenthesis.
                    std::size_t rest_start = tokens.tokens[unit.end_token - 1].norm_end;
                    if (end == unit.end_token) {
                        if (const std::size_t close = spelling_in_parentheses_end(text, tokens, end, sentence.end_token, lexicon, *as_model);
                            close != 0) {
                            const std::size_t after = model_variant_end(text, tokens, quantities, close + 1, sentence.end_token, lexicon);
                            if (after > close + 1) {
                                end = after;
                                rest_start = tokens.tokens[close].norm_end;
                            }
                        }
                    }
                    end = quoted_name_end(text, tokens, t, end, sentence.end_token);
                    if (end > unit.end_token || unit.cls == UnitClass::model) {
                        unit.cls = UnitClass::model;
                        best = static_cast<std::uint32_t>(as_model - lexicon.entities().data());
                        unit.entity = best;
                    }
                    if (end > unit.end_token) {
                        const std::string_view whole(text.text.data() + token.norm_start,
                                                     tokens.tokens[end - 1].norm_end - token.norm_start);
                        if (const Entity* known = lexicon.find(whole, EntityKind::model)) {
                            unit.entity = static_cast<std::uint32_t>(known - lexicon.entities().data());
                        } else {
                            unit.derived = static_cast<std::int64_t>(out.derived_names.size());
                            const std::string_view rest = std::string_view(text.text).substr(
                                rest_start, tokens.tokens[end - 1].norm_end - rest_start);
                            // Written without the spelling in parentheses: 엑사원 3.5 미니.
                            const std::string written =
                                std::string(text.text.substr(token.norm_start,
                                                             tokens.tokens[unit.end_token - 1].norm_end - token.norm_start)) +
                                std::string(rest);
                            out.derived_names.push_back(derived_name(lexicon.entities()[best].name, rest, written));
                            note_latin_spelling(out, lexicon.entities()[best].name, rest, lexicon);
                        }
                        unit.end_token = end;
                    }
                }
            } else {
                const std::string_view word = token.text(text);
                switch (token.kind) {
                    case TokenKind::particle: unit.cls = UnitClass::particle; break;
                    case TokenKind::quote: unit.cls = quote_class(word, token.opens); break;
                    case TokenKind::symbol: unit.cls = UnitClass::symbol; break;
                    case TokenKind::number: unit.cls = UnitClass::other_number; break;
                    case TokenKind::hangul:
                    case TokenKind::latin: {
                        unit.cls = UnitClass::word;
                        unit.keyword = plain.keyword;
                        // ㈜코드베리 (NFKC: (주)코드베리), 주식회사 코드베리: a word the
                        // company marker stands right before is a company's name.
                        if (unit.keyword.empty() && is_company_marked(text, out.units, tags.first_unit, token.norm_start)) {
                            unit.keyword = "orgname";
                        }
                        // Arclight AI, Kestrel Labs, Qilin Intelligence: a capitalised
                        // Latin name and a company's Latin ending after it are one
                        // organisation's name (a listed name came out as a team above).
                        if (token.kind == TokenKind::latin && out.units.size() > tags.first_unit &&
                            is_one_of(word, {"AI", "Labs", "Lab", "Intelligence", "Research", "Technologies",
                                             "Systems", "Robotics", "Foundry", "Korea", "Inc", "Corp"})) {
                            const Unit& name = out.units.back();
                            const std::string_view before = std::string_view(text.text).substr(
                                name.norm_start, name.norm_end - name.norm_start);
                            // A name, not an acronym (GPU AI) nor an English adjective
                            // (Physical AI, Generative AI, Deep Research).
                            const bool capitalised =
                                before.size() >= 2 && before[0] >= 'A' && before[0] <= 'Z' &&
                                std::all_of(before.begin(), before.end(),
                                            [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }) &&
                                std::any_of(before.begin(), before.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
                                !english_adjective(before);
                            // Not a gloss in parentheses (윤슬AI(Yunseul AI), 설악메디컬AI(Seorak
                            // Medical AI)): the rules read the name before it, and the
                            // gloss as its spelling.
                            bool glossed = false;
                            for (std::size_t u = out.units.size() - 1; u-- > tags.first_unit && u + 4 >= out.units.size();) {
                                if (tokens.tokens[out.units[u].first_token].kind != TokenKind::symbol) continue;
                                glossed = text.text.compare(out.units[u].norm_start, 1, "(") == 0;
                                break;
                            }
                            if (name.cls == UnitClass::word && name.keyword.empty() && name.end_token == t &&
                                tokens.tokens[t].space_before && capitalised && !glossed) {
                                unit.first_token = name.first_token;
                                unit.keyword = "orgname";
                                out.units.pop_back();
                                break;
                            }
                        }
                        // 데칸 인텔리전스, 사르밤 AI: the words of a foreign company's
                        // name glossed so somewhere in the document are one unit.
                        if (!spaced_orgs.empty()) {
                            // The units before it back to where the name starts: words,
                            // and particles a split cut off them (야무|나 랩스).
                            std::size_t count = 0;
                            for (std::size_t k = 1; k <= 4 && out.units.size() >= tags.first_unit + k; ++k) {
                                const Unit& before = out.units[out.units.size() - k];
                                if (before.cls != UnitClass::word && before.cls != UnitClass::particle) break;
                                if (before.cls == UnitClass::particle) continue;
                                const std::string_view written = std::string_view(text.text).substr(
                                    before.norm_start, token.norm_end - before.norm_start);
                                if (std::binary_search(spaced_orgs.begin(), spaced_orgs.end(), written)) count = k;
                            }
                            if (count != 0) {
                                unit.first_token = out.units[out.units.size() - count].first_token;
                                unit.keyword = "orgname";
                                out.units.resize(out.units.size() - count);
                                break;
                            }
                        }
                        // 차 대표: a lone surname before a title is a surname, whatever
                        // class the word has after points (3점 차).
                        if (!unit.keyword.empty() && word.size() == 3 && t + 1 < sentence.end_token &&
                            lexicon.is_surname(word) && is_title_token(text, tokens.tokens[t + 1], lexicon)) {
                            unit.keyword = {};
                        }
                        // 모델개발담당: a word that begins as a model word does and ends
                        // with a title is a person's title.
                        if (unit.keyword == "modelword" && !plain.title.empty() && word.size() > plain.title.size()) {
                            unit.keyword = {};
                        }
                        // K-DocBench, 리걸벤치: a benchmark the gazetteer does not list.
                        if (unit.keyword == "benchword") {
                            unit.cls = UnitClass::benchmark;
                            unit.keyword = {};
                            if (is_benchmark_edition(text, tokens, unit.end_token, sentence.end_token)) ++unit.end_token;
                        }
                        if (!unit.keyword.empty() || unit.cls == UnitClass::benchmark) break;
                        // DeepSeek-V3.1, Qwen3-Coder-480B, GPT-5.5, 큐웬4-72B: a known model
                        // with its variant or version in one word (PlainWord::base_model).
                        const Entity* base = plain.base_model;
                        const std::size_t base_cut = plain.base_cut;
                        if (base) {
                            unit.cls = UnitClass::model;
                            unit.entity = static_cast<std::uint32_t>(base - lexicon.entities().data());
                            unit.end_token = model_variant_end(text, tokens, quantities, t + 1, sentence.end_token, lexicon);
                            unit.derived = static_cast<std::int64_t>(out.derived_names.size());
                            const std::size_t name_end = tokens.tokens[unit.end_token - 1].norm_end;
                            const std::size_t base_end = token.norm_start + base_cut;
                            const std::string_view rest = std::string_view(text.text).substr(base_end, name_end - base_end);
                            out.derived_names.push_back(derived_name(
                                base->name, rest,
                                std::string_view(text.text).substr(token.norm_start, name_end - token.norm_start)));
                            note_latin_spelling(out, base->name, rest, lexicon);
                            break;
                        }
                        std::string_view title = plain.title;
                        // Right after a name, a title as what someone is (장세훈 박사다,
                        // 대표이다, 진수현(47) 교수다). Asked only there, since so many
                        // words end in 다.
                        const auto copula_title = [&]() -> std::string_view {
                            std::size_t before = out.units.size();
                            const auto symbol_at = [&](std::size_t u, std::string_view s) {
                                return out.units[u].cls == UnitClass::symbol &&
                                       text.text.compare(out.units[u].norm_start, s.size(), s) == 0;
                            };
                            if (before >= tags.first_unit + 4 && symbol_at(before - 1, ")") && symbol_at(before - 3, "(") &&
                                tokens.tokens[out.units[before - 2].first_token].kind == TokenKind::number) {
                                before -= 3;  // an age in parentheses
                            }
                            if (before == tags.first_unit || out.units[before - 1].cls != UnitClass::person) return {};
                            for (const std::string_view ending : {"이다", "다"}) {
                                if (word.size() > ending.size() && word.ends_with(ending)) {
                                    const std::string_view stem = word.substr(0, word.size() - ending.size());
                                    // 유한별(34)씨다: a title of a whole word of its own too.
                                    if (const Entity* whole = lexicon.find(stem, EntityKind::title)) return whole->name;
                                    return lexicon.title_suffix(stem);
                                }
                            }
                            return {};
                        };
                        if (title.empty()) title = copula_title();
                        // 한국로봇지능연구원, 에너지경제연구원: four syllables or more
                        // before 연구원 name an institute, not a researcher (책임연구원).
                        if (title == "연구원" && word.size() >= 7 * kSyllableBytes && is_hangul_syllable_run(word)) {
                            unit.keyword = "orgname";
                            break;
                        }
                        // EA AI연구원은, 누리 AI연구원이: written as one word after a
                        // company's name, AI연구원 is its research arm, and the two are
                        // one organisation's name; a researcher is a person's title
                        // (김하늘 AI연구원) or written apart (AI 연구원). A name of mixed
                        // scripts before it is crawled text run together (예고LG AI연구원).
                        // After a person or an organisation the word before is the
                        // person's employer or a modifier, and AI연구원 the title:
                        // 박민수 누리 AI연구원은, 박민수 카이스트 출신 AI연구원은.
                        const auto after_person_or_organisation = [&] {
                            if (out.units.size() < tags.first_unit + 2) return false;
                            const Unit& prior = out.units[out.units.size() - 2];
                            return prior.cls == UnitClass::person || prior.cls == UnitClass::surname ||
                                   prior.cls == UnitClass::team || prior.cls == UnitClass::org ||
                                   prior.keyword == "orgname";
                        };
                        if (title == "연구원" && word == "AI연구원" && out.units.size() > tags.first_unit &&
                            out.units.back().cls == UnitClass::word && out.units.back().keyword.empty() &&
                            !after_person_or_organisation()) {
                            const Unit& company = out.units.back();
                            const std::string_view before =
                                std::string_view(text.text).substr(company.norm_start, company.norm_end - company.norm_start);
                            if (is_hangul_syllable_run(before) || std::all_of(before.begin(), before.end(), [](char c) {
                                    return std::isalnum(static_cast<unsigned char>(c)) != 0;
                                })) {
                                unit.first_token = company.first_token;
                                unit.keyword = "orgname";
                                out.units.pop_back();
                                break;
                            }
                        }
                        if (!title.empty()) {
                            unit.cls = lexicon.find(title, EntityKind::reporter) ? UnitClass::reporter
                                                                                 : UnitClass::title;
                        } else if (const std::size_t name_tokens =
                                       person_name_tokens(text, tokens, t, sentence.end_token, lexicon, plain.name);
                                   name_tokens != 0 &&
                                   !(t + 1 < sentence.end_token &&
                                     std::binary_search(subject_words.begin(), subject_words.end(), word) &&
                                     is_title_token(text, tokens.tokens[t + 1], lexicon))) {
                            unit.cls = name_tokens == 1 && lexicon.is_surname(word) ? UnitClass::surname : UnitClass::person;
                            unit.end_token = t + name_tokens;
                        }
                        break;
                    }
                }
            }
            unit.norm_start = tokens.tokens[unit.first_token].norm_start;
            unit.norm_end = tokens.tokens[unit.end_token - 1].norm_end;
            for (std::size_t k = unit.first_token; k < unit.end_token; ++k) out.unit_of_token[k] = out.units.size();
            out.units.push_back(unit);
            t = unit.end_token;
        }
        tags.end_unit = out.units.size();

        // A person name or a lone surname counts only when a title follows
        // closely (배경훈 부총리, 정 CIC장, 정석근 SKT의 AI CIC장); otherwise it
        // is an ordinary word that happens to start with a surname.
        for (std::size_t u = tags.first_unit; u < tags.end_unit; ++u) {
            Unit& unit = out.units[u];
            if (unit.cls != UnitClass::person && unit.cls != UnitClass::surname) continue;
            // 투자를 이끈 김가온 …, 1위를 차지한 박누리 …: after an object and
            // right before a name, it is the verb that modifies the name.
            const auto object_before = [&] {
                if (u == tags.first_unit || out.units[u - 1].cls != UnitClass::particle) return false;
                const Token& particle = tokens.tokens[out.units[u - 1].first_token];
                const std::string_view p = particle.text(text);
                return p == "을" || p == "를";
            };
            if (u + 1 < tags.end_unit && out.units[u + 1].cls == UnitClass::person && object_before()) {
                unit.cls = UnitClass::word;
                continue;
            }
            // 평가 방식을 연구해 온 이수진 교수: a word before the auxiliary 온 (has
            // been doing) is a verb's form, no name.
            if (unit.cls == UnitClass::person && u + 1 < tags.end_unit &&
                is_one_of(tokens.tokens[out.units[u + 1].first_token].text(text), {"온", "왔다", "왔던", "오던"})) {
                unit.cls = UnitClass::word;
                continue;
            }
            // 키오스크를 이용한 대만 관광객 린위팅(28) 씨: after an object, a word
            // ending in 한 and no title is the verb that modifies whoever comes
            // after it, also one whose name no surname list knows (상을 김성한
            // 대표가 keeps its name).
            const std::string_view word = std::string_view(text.text).substr(unit.norm_start, unit.norm_end - unit.norm_start);
            const bool title_next = u + 1 < tags.end_unit && out.units[u + 1].cls == UnitClass::title;
            if (unit.cls == UnitClass::person && word.size() == 9 && word.ends_with("한") && !title_next &&
                object_before()) {
                unit.cls = UnitClass::word;
                continue;
            }
            // 상담 AI를 이용한 시민 한상철(68) 씨, 담당 임원인 박서연 상무, 기술
            // 설명은 류승호 CTO가: a word ending in 한 or 인, or a listed non-name
            // and 은, with another name close after it, before the title, is the
            // verb or noun before that name (문가은 소리결 대표 stays a name);
            // so is one ending in 한 before 한 ('a': 도입한 한 은행의 팀장). Not a
            // name ending in 대 (정성한 한양대 교수): a university read as a name
            // for now.
            const std::string_view written = tokens.tokens[unit.first_token].text(text);
            const bool before_name = unit.end_token - unit.first_token == 1 && written.size() == 9 &&
                                     (written.ends_with("한") || written.ends_with("인") ||
                                      (written.ends_with("은") && lexicon.is_not_name(written.substr(0, 6))));
            if (before_name && written.ends_with("한") && u + 1 < tags.end_unit &&
                tokens.tokens[out.units[u + 1].first_token].text(text) == "한") {
                unit.cls = UnitClass::word;
                continue;
            }
            const std::size_t reach = unit.cls == UnitClass::person ? 7 : 1;
            // 다온소프트 창업자 겸 최고경영자(CEO) 한지우는: a full name right after
            // its title (and the title's gloss in parentheses), as a subject or
            // an owner (프로듀서 한도윤의 말이다).
            const auto title_before = [&] {
                if (unit.cls != UnitClass::person || u == tags.first_unit || u + 1 >= tags.end_unit ||
                    out.units[u + 1].cls != UnitClass::particle) {
                    return false;
                }
                std::size_t before = u - 1;
                if (out.units[before].cls == UnitClass::symbol && before >= tags.first_unit + 3 &&
                    text.text.compare(out.units[before].norm_start, 1, ")") == 0 &&
                    text.text.compare(out.units[before - 2].norm_start, 1, "(") == 0) {
                    before -= 3;
                }
                const std::string_view particle = tokens.tokens[out.units[u + 1].first_token].text(text);
                return out.units[before].cls == UnitClass::title &&
                       is_one_of(particle, {"은", "는", "이", "가", "도", "의"});
            };
            bool titled = title_before();
            for (std::size_t v = u + 1; !titled && v < tags.end_unit && v <= u + reach; ++v) {
                const UnitClass c = out.units[v].cls;
                if (before_name && v <= u + 3 && c == UnitClass::person &&
                    !tokens.tokens[out.units[v].first_token].text(text).ends_with("대")) {
                    break;
                }
                if (c == UnitClass::title || c == UnitClass::reporter) { titled = true; break; }
                if (c == UnitClass::dq_open || c == UnitClass::dq_close ||
                    (c == UnitClass::symbol && text.text.compare(out.units[v].norm_start, 1, ",") == 0)) {
                    break;
                }
            }
            if (!titled && unit.end_token - unit.first_token == 1) unit.cls = UnitClass::word;
        }
        for (std::size_t u = tags.first_unit; u < tags.end_unit; ++u) {
            const Unit& unit = out.units[u];
            out.unit_tags.push_back(out.tags.size());
            const TagAlphabet::Spelling spelling = unit.keyword.empty()
                                                       ? class_spellings[static_cast<std::size_t>(unit.cls)]
                                                       : alphabet.spelling(unit.keyword);
            out.tags += spelling.code;
            TestCodes& passed_tests = out.unit_tests.emplace_back();
            if (spelling.tests) {
                // A unit of one word, number or particle token is labelled with
                // its text as it is: the scanner ends such tokens at symbols, so
                // they hold no brace for unit_label to replace.
                const Token& first = tokens.tokens[unit.first_token];
                const bool labelled_by_token =
                    unit.entity == kNoEntity && unit.cls != UnitClass::quantity && unit.end_token == unit.first_token + 1 &&
                    (first.kind == TokenKind::hangul || first.kind == TokenKind::latin ||
                     first.kind == TokenKind::number || first.kind == TokenKind::particle);
                passed_tests = spelling.tests->append_passed(
                    labelled_by_token ? first.text(text) : unit_label(unit, out, text, quantities, lexicon, label),
                    out.tags, passed);
            }
        }
        out.sentences.push_back(tags);
    }
    out.unit_tags.push_back(out.tags.size());
    // Quotation mark partners, as unit indices (a partner may be in a later sentence).
    for (Unit& unit : out.units) {
        const Token& token = tokens.tokens[unit.first_token];
        if (token.kind == TokenKind::quote && token.pair >= 0) {
            unit.pair = static_cast<std::int64_t>(out.unit_of_token[static_cast<std::size_t>(token.pair)]);
        }
    }
    return out;
}

}  // namespace kfacts
