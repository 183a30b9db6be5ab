// The character scan: whitespace, words (with their number parts, suffix
// nouns and particles), quotation marks and symbols. One pass; ICU is asked
// only about characters that are neither ASCII nor Hangul syllables.
#include "text/char_class.h"
#include "text/segmentation.h"

namespace kfacts::text {

namespace {

bool is_word_char(CharClass cls) {
    switch (cls) {
        case CharClass::hangul:
        case CharClass::latin:
        case CharClass::digit:
        case CharClass::han:
        case CharClass::letter:
        case CharClass::mark: return true;
        default: return false;
    }
}

bool is_letter_or_digit(CharClass cls) { return is_word_char(cls) && cls != CharClass::mark; }

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

bool is_ascii_alnum(char32_t cp) {
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

// Korean number words that scale the digits before them: 5190억, 1조2천억.
bool is_korean_multiplier(char32_t cp) {
    return cp == U'십' || cp == U'백' || cp == U'천' || cp == U'만' || cp == U'억' || cp == U'조' || cp == U'경';
}

bool is_latin_multiplier(char c) {
    return c == 'K' || c == 'M' || c == 'B' || c == 'T' || c == 'k' || c == 'm' || c == 'b' || c == 't';
}

// Symbols after which a word that is wholly a particle attaches to what they
// close: (에이닷엑스)을, 104%의, HumanEval+에서, LG U+는.
bool is_closing_symbol(char c) { return c == ')' || c == ']' || c == '}' || c == '>' || c == '%' || c == '+'; }

class Scanner {
public:
    Scanner(std::string_view text, const ParticleLexicon& lexicon, ScannedText& out)
        : s_(text), lexicon_(lexicon), out_(out) {}

    void run() {
        std::size_t i = 0;
        while (i < s_.size()) {
            const CodePoint point = code_point_at(s_, i);
            switch (point.cls) {
                case CharClass::newline:
                    paragraph_pending_ = true;
                    [[fallthrough]];
                case CharClass::space:
                    space_pending_ = true;
                    i += point.length;
                    break;
                case CharClass::hangul:
                case CharClass::latin:
                case CharClass::digit:
                case CharClass::han:
                case CharClass::letter:
                    i = scan_word(i, point);
                    break;
                case CharClass::mark:
                    // A combining mark after a symbol or quote belongs to it.
                    if (!space_pending_ && !out_.tokens.empty() && out_.tokens.back().norm_end == i) {
                        out_.tokens.back().norm_end += point.length;
                    } else {
                        emit(TokenKind::symbol, i, i + point.length);
                    }
                    i += point.length;
                    break;
                case CharClass::quote:
                    emit(TokenKind::quote, i, i + point.length);
                    i += point.length;
                    break;
                case CharClass::punct: {
                    std::size_t end = i + point.length;
                    if (s_[i] == '.') {
                        while (end < s_.size() && s_[end] == '.') ++end;  // ... is one token
                    }
                    emit(TokenKind::symbol, i, end);
                    i = end;
                    break;
                }
            }
        }
    }

private:
    void emit(TokenKind kind, std::size_t start, std::size_t end) {
        Token token;
        token.kind = kind;
        token.norm_start = start;
        token.norm_end = end;
        token.space_before = space_pending_;
        out_.tokens.push_back(token);
        out_.paragraph_start.push_back(paragraph_pending_);
        space_pending_ = false;
        paragraph_pending_ = false;
    }

    // `first` is the code point at `start`, which the caller has read.
    std::size_t scan_word(std::size_t start, CodePoint first) {
        const std::uint8_t before = context_before();
        if (const std::size_t url = url_end(start); url != 0) {
            emit(TokenKind::latin, start, url);
            return url;
        }
        const std::size_t end = run_end(start, first);
        if (is_ascii_digit(s_[start])) {
            const std::size_t number = number_end(start, end);
            if (number == end) {
                emit(TokenKind::number, start, end);
                return end;
            }
            const CharClass next = code_point_at(s_, number).cls;
            if (next == CharClass::hangul || next == CharClass::han || next == CharClass::letter) {
                emit(TokenKind::number, start, number);
                emit_word(number, end, next, ParticleLexicon::after_number);
                return end;
            }
            // Latin letters or a joiner follow: a name (3D, 4o, 2025-12-29),
            // which ends where Hangul follows a digit (10:30 분).
            const std::size_t name = digit_led_name_end(number, end);
            if (name != end) {
                emit(word_kind(s_.substr(start, name - start)), start, name);
                emit_word(name, end, code_point_at(s_, name).cls, ParticleLexicon::after_number);
                return end;
            }
        }
        emit_word(start, end, first.cls, before);
        return end;
    }

    // What the previous token means for a word that starts here: only a
    // closing mark or a number right before it lets the word be a particle.
    std::uint8_t context_before() const {
        if (space_pending_ || out_.tokens.empty()) return 0;
        const Token& previous = out_.tokens.back();
        if (previous.kind == TokenKind::number) return ParticleLexicon::after_number;
        const std::string_view mark = token_text(s_, previous);
        if (previous.kind == TokenKind::symbol && mark.size() == 1 && is_closing_symbol(mark[0]))
            return ParticleLexicon::after_mark;
        if (previous.kind == TokenKind::quote && !previous.space_before && out_.tokens.size() > 1) {
            const QuoteMark quote = quote_mark(code_point_at(mark, 0).cp);
            if (quote.can_close) return ParticleLexicon::after_mark;
        }
        return 0;
    }

    // A URL (http://, https://, www.) runs to whitespace, a bracket, a quote
    // or a non-ASCII character, less trailing punctuation. 0 if none starts here.
    std::size_t url_end(std::size_t start) const {
        const std::string_view rest = s_.substr(start);
        std::size_t prefix = 0;
        if (rest.starts_with("https://")) prefix = 8;
        else if (rest.starts_with("http://")) prefix = 7;
        else if (rest.starts_with("www.")) prefix = 4;
        else return 0;
        std::size_t end = start + prefix;
        constexpr std::string_view delimiters = "\"'<>()[]{}";
        while (end < s_.size()) {
            const auto c = static_cast<unsigned char>(s_[end]);
            if (c <= ' ' || c >= 0x80 || delimiters.find(static_cast<char>(c)) != std::string_view::npos) break;
            ++end;
        }
        while (end > start + prefix && std::string_view(".,;:!?").find(s_[end - 1]) != std::string_view::npos) --end;
        return end > start + prefix ? end : 0;
    }

    // End of the run of letters and digits that starts at `start` with the
    // code point `first`, with the joiners described in tokenizer.h.
    std::size_t run_end(std::size_t start, CodePoint first) const {
        std::size_t j = start + first.length;
        CodePoint previous = first;
        bool ascii_only = first.cp < 0x80;
        bool seen_at = false;
        while (j < s_.size()) {
            const CodePoint point = code_point_at(s_, j);
            if (is_word_char(point.cls)) {
                ascii_only = ascii_only && point.cp < 0x80;
                previous = point;
                j += point.length;
                continue;
            }
            const std::size_t after = j + point.length;
            if (after >= s_.size()) break;
            // The character after a joiner, read only where a joiner stands.
            const auto next = [&] { return code_point_at(s_, after); };
            bool joins = false;
            switch (point.cp) {
                case U'.':
                case U':': joins = is_ascii_alnum(previous.cp) && is_ascii_alnum(next().cp); break;
                case U'-':
                case U'_': joins = is_letter_or_digit(previous.cls) && is_letter_or_digit(next().cls); break;
                case U'\'':
                case U'’': joins = previous.cls == CharClass::latin && next().cls == CharClass::latin; break;
                case U',': joins = previous.cls == CharClass::digit && is_thousands_group(after); break;
                case U'&': joins = previous.cls == CharClass::latin && next().cls == CharClass::latin; break;
                case U'@':
                    joins = !seen_at && ascii_only && is_ascii_alnum(previous.cp) && is_ascii_alnum(next().cp);
                    seen_at = true;
                    break;
                default: break;
            }
            if (!joins) break;
            previous = point;
            j = after;
        }
        return j;
    }

    // Exactly three digits at `i`, then no further digit.
    bool is_thousands_group(std::size_t i) const {
        if (i + 3 > s_.size()) return false;
        for (std::size_t k = i; k < i + 3; ++k) {
            if (!is_ascii_digit(s_[k])) return false;
        }
        return i + 3 == s_.size() || !is_ascii_digit(s_[i + 3]);
    }

    // Digits with thousands groups and one decimal part.
    std::size_t digits_end(std::size_t j, std::size_t end) const {
        while (j < end && is_ascii_digit(s_[j])) ++j;
        while (j + 4 <= end && s_[j] == ',' && is_thousands_group(j + 1)) j += 4;
        if (j + 1 < end && s_[j] == '.' && is_ascii_digit(s_[j + 1])) {
            ++j;
            while (j < end && is_ascii_digit(s_[j])) ++j;
        }
        return j;
    }

    // End of the number that starts the run [start, end).
    std::size_t number_end(std::size_t start, std::size_t end) const {
        std::size_t j = digits_end(start, end);
        bool korean = false;
        while (true) {
            std::size_t scaled = j;
            while (scaled < end && is_korean_multiplier(code_point_at(s_, scaled).cp)) scaled += 3;
            if (scaled == j) break;
            korean = true;
            j = scaled;
            if (j == end || !is_ascii_digit(s_[j])) break;
            j = digits_end(j, end);  // 1조2천억
        }
        if (!korean && j < end && is_latin_multiplier(s_[j])) {
            // 500B, 200B급; but 3D, 4o, 5G-NR are names.
            if (j + 1 == end) return end;
            const CharClass next = code_point_at(s_, j + 1).cls;
            if (next == CharClass::hangul || next == CharClass::han || next == CharClass::letter) return j + 1;
        }
        return j;
    }

    // Where Hangul or Han first follows a digit in [start, end), or end.
    std::size_t digit_led_name_end(std::size_t start, std::size_t end) const {
        bool after_digit = false;
        for (std::size_t i = start; i < end;) {
            const CodePoint point = code_point_at(s_, i);
            if (after_digit && (point.cls == CharClass::hangul || point.cls == CharClass::han)) return i;
            after_digit = point.cls == CharClass::digit;
            i += point.length;
        }
        return end;
    }

    // `first` is the class of the word's first character.
    void emit_word(std::size_t start, std::size_t end, CharClass first, std::uint8_t before) {
        const std::string_view word = s_.substr(start, end - start);
        // 오르테가(Nathan Ortega), 샤르팡티에(Élodie …), 겐이치로(小野寺健一郎): a word
        // glossed in Latin letters or Han characters right after it is a name
        // as written, and ends in no particle.
        if (end + 1 < s_.size() && s_[end] == '(' && glossed_at(end + 1) && word_kind(word) == TokenKind::hangul) {
            emit(TokenKind::hangul, start, end);
            return;
        }
        const ParticleLexicon::WordSplit split = lexicon_.split_word(word, before);
        if (split.name_end > 0) emit(word_kind(word.substr(0, split.name_end), first), start, start + split.name_end);
        if (split.stem_end > split.name_end) emit(TokenKind::hangul, start + split.name_end, start + split.stem_end);
        if (split.stem_end < word.size()) emit(TokenKind::particle, start + split.stem_end, end);
    }

    bool glossed_at(std::size_t pos) const {
        const CharClass cls = code_point_at(s_, pos).cls;
        return cls == CharClass::latin || cls == CharClass::letter || cls == CharClass::han;
    }

    static TokenKind word_kind(std::string_view word) {
        bool letters = false;
        for (std::size_t i = 0; i < word.size();) {
            const CodePoint point = code_point_at(word, i);
            if (point.cls == CharClass::hangul || point.cls == CharClass::han) return TokenKind::hangul;
            letters = letters || point.cls == CharClass::latin || point.cls == CharClass::letter;
            i += point.length;
        }
        return letters ? TokenKind::latin : TokenKind::number;
    }

    // The same, for a word whose first character has class `first`: one
    // that starts with Hangul or Han is Hangul whatever follows.
    static TokenKind word_kind(std::string_view word, CharClass first) {
        if (first == CharClass::hangul || first == CharClass::han) return TokenKind::hangul;
        return word_kind(word);
    }

    std::string_view s_;
    const ParticleLexicon& lexicon_;
    ScannedText& out_;
    bool space_pending_ = false;
    bool paragraph_pending_ = true;  // the first token starts a paragraph
};

}  // namespace

ScannedText scan_tokens(std::string_view text, const ParticleLexicon& lexicon) {
    ScannedText scanned;
    scanned.tokens.reserve(text.size() / 4);
    scanned.paragraph_start.reserve(text.size() / 4);
    Scanner(text, lexicon, scanned).run();
    return scanned;
}

}  // namespace kfacts::text
