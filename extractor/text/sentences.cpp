// Sentence boundaries in crawled Korean news.
//
// A sentence ends
// - at a newline (a paragraph);
// - after `.` `?` `!` (with the closing marks right after them) followed by
//   whitespace, except after an abbreviation (Inc.), an initial (J.) or
//   inside a dotted date (2025. 12. 30.);
// - after `.` `?` `!` with no whitespace after them when a Korean
//   predicate ending precedes them (시작됐다.5개 팀).
// It does not end inside a quotation whose closing mark an attribution
// follows ("…다."라고 말했다). Ellipses (..., …) never end a sentence.
#include "text/segmentation.h"

namespace kfacts::text {

namespace {

bool is_terminal(std::string_view mark) { return mark == "." || mark == "?" || mark == "!" || mark == "。"; }

bool is_closing(const Token& token, std::string_view text) {
    if (token.kind == TokenKind::quote) return !token.opens;
    return token.kind == TokenKind::symbol && (text == ")" || text == "]");
}

bool is_initial(std::string_view word) { return word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z'; }

class SentenceSplitter {
public:
    SentenceSplitter(std::string_view text, const ScannedText& scanned, const ParticleLexicon& lexicon)
        : text_(text), tokens_(scanned.tokens), paragraph_start_(scanned.paragraph_start), lexicon_(lexicon) {}

    std::vector<std::size_t> run() const {
        std::vector<std::size_t> starts;
        if (tokens_.empty()) return starts;
        const std::vector<int> quoted = attributed_quotation_depth_changes();
        starts.push_back(0);
        const auto add_start = [&](std::size_t i) {
            if (starts.back() != i) starts.push_back(i);
        };
        int depth = 0;
        for (std::size_t i = 0; i < tokens_.size(); ++i) {
            depth += quoted[i];
            if (paragraph_start_[i]) add_start(i);
            if (depth > 0 || tokens_[i].kind != TokenKind::symbol || !is_terminal(text_of(i))) continue;
            // The marks right after it (?!, .", .') end the same sentence; the
            // loop goes on after them, which keeps runs of marks linear.
            const std::size_t mark = i;
            while (i + 1 < tokens_.size() && !tokens_[i + 1].space_before &&
                   (is_terminal(text_of(i + 1)) || is_closing(tokens_[i + 1], text_of(i + 1)))) {
                ++i;
                depth += quoted[i];
            }
            const std::size_t next = i + 1;
            if (next < tokens_.size() && !paragraph_start_[next] && ends_sentence(mark, next)) add_start(next);
        }
        return starts;
    }

private:
    std::string_view text_of(std::size_t i) const { return token_text(text_, tokens_[i]); }

    // +1 at the opening mark and -1 at the closing mark of each quotation
    // that an attribution follows: a positive running sum means "inside".
    std::vector<int> attributed_quotation_depth_changes() const {
        std::vector<int> changes(tokens_.size() + 1, 0);
        for (std::size_t i = 0; i + 1 < tokens_.size(); ++i) {
            const Token& mark = tokens_[i];
            if (mark.kind != TokenKind::quote || mark.opens || mark.pair < 0 || tokens_[i + 1].space_before) continue;
            if (lexicon_.attribution_prefix_length(text_of(i + 1)) == 0) continue;
            ++changes[static_cast<std::size_t>(mark.pair)];
            --changes[i];
        }
        return changes;
    }

    // Whether the terminal mark at `mark` ends a sentence before token `next`.
    bool ends_sentence(std::size_t mark, std::size_t next) const {
        const bool adjacent = mark > 0 && !tokens_[mark].space_before && !paragraph_start_[mark];
        const Token* previous = adjacent ? &tokens_[mark - 1] : nullptr;
        const std::string_view previous_text = previous ? text_of(mark - 1) : std::string_view();
        if (!tokens_[next].space_before) {
            return previous != nullptr &&
                   (previous->kind == TokenKind::hangul || previous->kind == TokenKind::particle) &&
                   lexicon_.ends_with_final_ending(previous_text);
        }
        if (text_of(mark) != "." || previous == nullptr) return true;
        if (previous->kind == TokenKind::latin && (lexicon_.is_abbreviation(previous_text) || is_initial(previous_text)))
            return false;
        if (previous->kind == TokenKind::number) {
            const bool date_continues = tokens_[next].kind == TokenKind::number;
            const bool date_ends = mark >= 3 && text_of(mark - 2) == "." && tokens_[mark - 3].kind == TokenKind::number;
            if (date_continues || date_ends) return false;
            // `1. 엑사원 4.0 32B – 320억 개`: an item's number opening its line.
            if (paragraph_start_[mark - 1] && previous_text.size() <= 2) return false;
        }
        return true;
    }

    std::string_view text_;
    const std::vector<Token>& tokens_;
    const std::vector<std::uint8_t>& paragraph_start_;
    const ParticleLexicon& lexicon_;
};

}  // namespace

std::vector<std::size_t> sentence_starts(std::string_view text, const ScannedText& scanned,
                                         const ParticleLexicon& lexicon) {
    return SentenceSplitter(text, scanned, lexicon).run();
}

}  // namespace kfacts::text
