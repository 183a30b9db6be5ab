// Pairing of quotation marks, paragraph by paragraph, in linear time.
//
// - ASCII " and ' are the same glyph for opening and closing: a mark with a
//   word right after it can open, one with a word right before it can
//   close; one that can close an open mark of its kind does, otherwise it
//   opens if it can (an earlier open mark is then left unpaired), unless an
//   attribution follows it (…"라고), which makes it a closing mark.
// - Directional marks (“” ‘’ 「」 『』 《》 〈〉 «») pair by direction on a stack
//   per family. A glyph used the wrong way round (”…” for “…”) is read by
//   the words around it, as for ASCII marks.
// - A double quotation closed by a single mark ("…승자'라며) or by a double
//   mark of the other family (“…지원하겠다"고): a double mark that nothing
//   closed pairs with the first such unpaired mark after it, before the next
//   double mark, that is followed by an attribution (라며, 라고); a double
//   mark of the other family also when a Hangul word, a particle or a
//   parenthesis follows it (“…된다"는 것, “…잡겠다."(이연수 대표)).
// - Marks never pair across a paragraph or over more than
//   max_quotation_bytes, so a stray mark cannot swallow the document; but
//   a double mark left open at a paragraph's end pairs with the next
//   paragraph's first mark when that one is a double mark that closes a
//   quotation (a word before it, an attribution after it: `"… 사실입니다.`
//   ¶ `… 것"이라고`). Korean news opens each paragraph of a long quotation
//   again, so a next paragraph whose first mark opens keeps the two apart.
#include <optional>

#include "text/char_class.h"
#include "text/segmentation.h"

namespace kfacts::text {

namespace {

constexpr std::int64_t unpaired = -1;

bool is_double(QuoteFamily family) {
    return family == QuoteFamily::ascii_double || family == QuoteFamily::curly_double;
}

bool is_single(QuoteFamily family) {
    return family == QuoteFamily::ascii_single || family == QuoteFamily::curly_single;
}

class QuotePairer {
public:
    QuotePairer(std::string_view text, ScannedText& scanned, const ParticleLexicon& lexicon)
        : text_(text), tokens_(scanned.tokens), paragraph_start_(scanned.paragraph_start), lexicon_(lexicon) {}

    // One pass over the tokens collects each paragraph's marks; the pairing
    // passes then look at the marks only.
    void run() {
        std::size_t begin = 0;
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            if (paragraph_start_[i]) {
                pair_paragraph();
                begin = i;
            }
            if (tokens_[i].kind == TokenKind::quote) marks_.push_back(mark_at(i, begin));
        }
        pair_paragraph();
    }

private:
    struct Mark {
        std::size_t token;
        QuoteFamily family;
        bool glyph_opens;        // the glyph itself points to the right (“ ‘ 「)
        bool glyph_closes;       // points to the left (” ’ 」)
        bool word_after;         // a token follows with no space
        bool word_before;        // a token precedes with no space
        bool attribution_after;  // an attribution follows with no space ("…"라고)
    };

    Mark mark_at(std::size_t i, std::size_t paragraph_begin) const {
        const QuoteMark quote = quote_mark(code_point_at(token_text(text_, tokens_[i]), 0).cp);
        const bool word_after = i + 1 < tokens_.size() && !tokens_[i + 1].space_before;
        return {i, quote.family, quote.can_open && !quote.can_close, quote.can_close && !quote.can_open,
                word_after, i > paragraph_begin && !tokens_[i].space_before,
                word_after && lexicon_.attribution_prefix_length(token_text(text_, tokens_[i + 1])) > 0};
    }

    bool too_far(std::size_t open, std::size_t close) const {
        return tokens_[close].norm_start - tokens_[open].norm_end > max_quotation_bytes;
    }

    void link(std::size_t open, std::size_t close) {
        tokens_[open].pair = static_cast<std::int64_t>(close);
        tokens_[open].opens = true;
        tokens_[close].pair = static_cast<std::int64_t>(open);
        tokens_[close].opens = false;
    }

    // Whether the mark should be read as closing: the glyph says so, or a
    // symmetric or misused glyph has a word before it and an open partner.
    static bool reads_as_closing(const Mark& mark, bool partner_open) {
        if (mark.glyph_closes) return partner_open || !(mark.word_after && !mark.word_before);
        if (mark.glyph_opens) return partner_open && mark.word_before && !mark.word_after;
        return mark.word_before && (partner_open || mark.attribution_after || !mark.word_after);
    }

    void pair_family_marks(bool doubles) {
        for (std::vector<std::size_t>& stack : open_) stack.clear();
        for (const Mark& mark : marks_) {
            const std::size_t i = mark.token;
            if (is_double(mark.family) != doubles || tokens_[i].pair != unpaired) continue;
            // Open marks of the family; a symmetric family never holds more than one.
            std::vector<std::size_t>& stack = open_[static_cast<std::size_t>(mark.family)];
            if (!stack.empty() && too_far(stack.back(), i)) stack.clear();  // older marks are farther still
            if (reads_as_closing(mark, !stack.empty())) {
                tokens_[i].opens = false;
                if (!stack.empty()) {
                    link(stack.back(), i);
                    stack.pop_back();
                }
                continue;
            }
            const bool symmetric = !mark.glyph_opens && !mark.glyph_closes;
            if (symmetric && !mark.word_after) {
                tokens_[i].opens = false;  // a lone mark between spaces
                continue;
            }
            if (symmetric) stack.clear();  // an earlier ASCII mark was a stray
            tokens_[i].opens = true;
            stack.push_back(i);
        }
    }

    // A double mark of the other family that ends words (`“…활성화된다"는
    // 것이었다`, `“…잡겠다."(이연수 대표)`): a word before it, and right after
    // it a Hangul word, a particle or a parenthesis; a word of Latin letters
    // or digits right after it opens a quotation rather, and one with a space
    // after it may be a stray.
    bool ends_words(const Mark& mark, const Mark& open) const {
        if (mark.glyph_opens || !mark.word_before || !mark.word_after || tokens_[mark.token].pair != unpaired ||
            too_far(open.token, mark.token)) {
            return false;
        }
        const Token& next = tokens_[mark.token + 1];
        return next.kind == TokenKind::hangul || next.kind == TokenKind::particle || token_text(text_, next) == "(";
    }

    // "…승자'라며, “…하겠다"고: a double mark left open closes at a single
    // mark or a double mark of the other family followed by an attribution,
    // searched up to the next double mark.
    void pair_mismatched() {
        std::size_t m = 0;
        while (m < marks_.size()) {
            const Mark& open = marks_[m];
            if (!is_double(open.family) || tokens_[open.token].pair != unpaired || !tokens_[open.token].opens) {
                ++m;
                continue;
            }
            std::size_t next = m + 1;
            for (; next < marks_.size(); ++next) {
                const Mark& mark = marks_[next];
                const bool closes = !mark.glyph_opens && mark.word_before && mark.attribution_after &&
                                    tokens_[mark.token].pair == unpaired && !too_far(open.token, mark.token);
                if (is_double(mark.family)) {
                    if (mark.family != open.family && (closes || ends_words(mark, open))) link(open.token, mark.token);
                    break;
                }
                if (is_single(mark.family) && closes) {
                    link(open.token, mark.token);
                    break;
                }
            }
            m = next;
        }
    }

    void pair_paragraph() {
        if (marks_.empty()) {
            left_open_.reset();  // a paragraph between ends the quotation left open
            return;
        }
        continue_quotation();
        pair_family_marks(true);
        pair_mismatched();
        pair_family_marks(false);
        // The paragraph's last double mark, if it opens a quotation nothing closed.
        left_open_.reset();
        for (std::size_t m = marks_.size(); m-- > 0;) {
            if (!is_double(marks_[m].family)) continue;
            const Token& last = tokens_[marks_[m].token];
            if (last.opens && last.pair == unpaired) left_open_ = marks_[m].token;
            break;
        }
        marks_.clear();
    }

    // The quotation the last paragraph left open closes at this paragraph's
    // first mark, if that one is a double mark that reads as its end (a
    // single mark first, `‘규제는 …"고`, is a quotation of this paragraph's own).
    void continue_quotation() {
        if (!left_open_) return;
        const std::size_t open = *left_open_;
        left_open_.reset();
        const Mark& mark = marks_.front();
        if (is_double(mark.family) && !mark.glyph_opens && mark.word_before && mark.attribution_after &&
            !too_far(open, mark.token)) {
            link(open, mark.token);
        }
    }

    std::string_view text_;
    std::vector<Token>& tokens_;
    const std::vector<std::uint8_t>& paragraph_start_;
    const ParticleLexicon& lexicon_;
    std::vector<Mark> marks_;                // the current paragraph's
    std::vector<std::size_t> open_[10];      // open marks by QuoteFamily
    std::optional<std::size_t> left_open_;   // the last paragraph's quotation, left open
};

}  // namespace

void pair_quotes(std::string_view text, ScannedText& scanned, const ParticleLexicon& lexicon) {
    QuotePairer(text, scanned, lexicon).run();
}

void join_particles_in_quoted_names(ScannedText& scanned, std::string_view text) {
    std::vector<Token>& tokens = scanned.tokens;
    std::vector<std::uint8_t> joined(tokens.size(), 0);
    bool any = false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& open = tokens[i];
        if (open.kind != TokenKind::quote || !open.opens || open.pair <= static_cast<std::int64_t>(i)) continue;
        const auto close = static_cast<std::size_t>(open.pair);
        if (close - i > max_quoted_name_tokens + 1 ||
            !is_single(quote_mark(code_point_at(token_text(text, open), 0).cp).family)) {
            continue;
        }
        // A name, not a phrase ('한국어를 잘하는'): the word is all the
        // quotation holds, or a version or a size follows it ('미라이 3 프로'),
        // or it ends a quotation of a few words with no other particle ('가람
        // 오메가'), or its one syllable opens a name of more words with no
        // other particle ('베가 옴니(VEGA Omni)').
        std::size_t particles = 0;
        for (std::size_t k = i + 1; k < close; ++k) particles += tokens[k].kind == TokenKind::particle;
        for (std::size_t k = i + 2; k < close; ++k) {
            if (tokens[k].kind != TokenKind::particle || tokens[k].space_before || tokens[k - 1].kind != TokenKind::hangul) {
                continue;
            }
            const bool whole = k == i + 2 && k + 1 == close;
            const bool version_after = k + 1 < close && tokens[k + 1].space_before &&
                                       tokens[k + 1].kind == TokenKind::number;
            const bool ends_short_name = k + 1 == close && close - i <= max_short_quoted_name_tokens + 1 && particles == 1;
            const bool one_syllable_head = k == i + 2 && particles == 1 &&
                                           tokens[k - 1].norm_end - tokens[k - 1].norm_start == kSyllableBytes &&
                                           k + 1 < close && tokens[k + 1].space_before &&
                                           tokens[k + 1].kind != TokenKind::particle;
            if (whole || version_after || ends_short_name || one_syllable_head) {
                joined[k] = 1;
                any = true;
            }
        }
    }
    if (!any) return;
    // Compact, keeping the quotation marks' partners pointing at the same marks.
    std::vector<std::size_t> new_index(tokens.size());
    std::size_t n = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (joined[i]) {
            tokens[n - 1].norm_end = tokens[i].norm_end;
            new_index[i] = n - 1;
            continue;
        }
        new_index[i] = n;
        tokens[n] = tokens[i];
        scanned.paragraph_start[n] = scanned.paragraph_start[i];
        ++n;
    }
    tokens.resize(n);
    scanned.paragraph_start.resize(n);
    for (Token& token : tokens) {
        if (token.pair >= 0) token.pair = static_cast<std::int64_t>(new_index[static_cast<std::size_t>(token.pair)]);
    }
}

}  // namespace kfacts::text
