// The tokenizer on any normalised text: tokens in order, inside the text and
// apart; eojeols and sentences cover the tokens in order; quotation marks
// pair symmetrically; every source span of an eojeol lies inside the input.
#include "fuzz_support.h"

using namespace kfacts;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::extractor();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Document doc = read_document_bytes("fuzz.txt", std::string(fuzz::as_text(data, size)));
    const TokenizedText tokens = fuzz::extractor().tokenize(doc.text);
    const std::size_t text_size = doc.text.text.size();

    std::size_t previous_end = 0;
    for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
        const Token& t = tokens.tokens[i];
        FUZZ_CHECK(t.norm_start >= previous_end);
        FUZZ_CHECK(t.norm_start < t.norm_end);
        FUZZ_CHECK(t.norm_end <= text_size);
        FUZZ_CHECK(t.eojeol < tokens.eojeols.size());
        if (t.pair >= 0) {
            const auto partner = static_cast<std::size_t>(t.pair);
            FUZZ_CHECK(partner < tokens.tokens.size() && partner != i);
            FUZZ_CHECK(tokens.tokens[partner].pair == static_cast<std::int64_t>(i));
            FUZZ_CHECK(t.opens == (i < partner));
        }
        previous_end = t.norm_end;
    }
    std::size_t next_token = 0;
    for (const Sentence& s : tokens.sentences) {
        FUZZ_CHECK(s.first_token == next_token && s.first_token < s.end_token);
        FUZZ_CHECK(s.norm_start <= s.norm_end && s.norm_end <= text_size);
        next_token = s.end_token;
    }
    FUZZ_CHECK(next_token == tokens.tokens.size());
    next_token = 0;
    for (std::size_t e = 0; e < tokens.eojeols.size(); ++e) {
        const Eojeol& eojeol = tokens.eojeols[e];
        FUZZ_CHECK(eojeol.first_token == next_token && eojeol.first_token < eojeol.end_token);
        FUZZ_CHECK(eojeol.first_token <= eojeol.stem_first_token && eojeol.stem_end_token <= eojeol.end_token);
        next_token = eojeol.end_token;
        const EojeolSpans spans = eojeol_source_spans(doc.text, tokens, e);
        fuzz::check_span(spans.stem, doc.source.size());
        fuzz::check_span(spans.whole, doc.source.size());
    }
    FUZZ_CHECK(next_token == tokens.tokens.size());
    return 0;
}
