// The number parser and the quantity finder on any text: a parsed integer
// formats back to a number that parses to the same value; quantities come in
// order, inside the text, with ranges around their value.
#include "fuzz_support.h"
#include "numbers/numbers.h"

using namespace kfacts;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::extractor();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    if (const auto number = parse_korean_number(text)) {
        FUZZ_CHECK(number->scale >= 0 && number->scale <= 38);
        FUZZ_CHECK(!number->to_string().empty());
        if (number->scale == 0 && !number->negative) {
            const auto again = parse_korean_number(format_korean_number(number->mantissa));
            FUZZ_CHECK(again && *again == *number);
        }
    }

    const Document doc = read_document_bytes("fuzz.txt", std::string(text));
    std::vector<Diagnostic> diagnostics;
    const std::vector<Quantity> quantities = fuzz::extractor().quantities().find(doc.text.text, diagnostics);
    std::size_t previous_start = 0;
    for (const Quantity& q : quantities) {
        FUZZ_CHECK(q.norm_start >= previous_start);
        FUZZ_CHECK(q.norm_start < q.norm_end && q.norm_end <= doc.text.text.size());
        FUZZ_CHECK(q.value.scale >= 0 && q.value.scale <= 38);
        if (q.min && q.max) FUZZ_CHECK(*q.min == q.value);
        previous_start = q.norm_start;
    }
    for (const Diagnostic& d : diagnostics) {
        if (d.span) fuzz::check_span(*d.span, doc.text.text.size());
    }
    return 0;
}
