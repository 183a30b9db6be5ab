#include <fmt/format.h>

#include <iterator>

#include "text/tokenizer.h"

namespace kfacts {

// One line per sentence, then one per token:
//   sentence 2 [120,245) 첫 문장이다.
//     t17 hangul   SK텔레콤       [120,131) e9
//     t18 particle +은            [131,134) e9
//     t19 quote    "              [135,136) e10 opens pair=t25
// Spans are source bytes, half-open; `+` marks a particle; `_` before the
// text marks whitespace before the token.
void write_token_listing(std::string& out, const NormalizedText& text, const TokenizedText& tokens) {
    for (std::size_t s = 0; s < tokens.sentences.size(); ++s) {
        const Sentence& sentence = tokens.sentences[s];
        const ByteSpan span = text.to_source(sentence.norm_start, sentence.norm_end);
        fmt::format_to(std::back_inserter(out), "sentence {} [{},{}) {}\n", s, span.start, span.end,
                       std::string_view(text.text).substr(sentence.norm_start, sentence.norm_end - sentence.norm_start));
        for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t) {
            const Token& token = tokens.tokens[t];
            const ByteSpan token_span = text.to_source(token.norm_start, token.norm_end);
            const std::string shown = fmt::format("{}{}{}", token.space_before ? "_" : "",
                                                  token.kind == TokenKind::particle ? "+" : "", token.text(text));
            fmt::format_to(std::back_inserter(out), "  t{} {:<8} {:<14} [{},{}) e{}", t, token_kind_name(token.kind),
                           shown, token_span.start, token_span.end, token.eojeol);
            if (token.kind == TokenKind::quote) {
                fmt::format_to(std::back_inserter(out), " {}", token.opens ? "opens" : "closes");
                if (token.pair >= 0) fmt::format_to(std::back_inserter(out), " pair=t{}", token.pair);
                else out += " unpaired";
            }
            out += '\n';
        }
    }
}

}  // namespace kfacts
