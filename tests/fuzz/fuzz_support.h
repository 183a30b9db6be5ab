// What every harness shares: the rules loaded once, and invariant checks
// that abort (libFuzzer and the replay driver both report an abort as a
// crash, with the input that caused it).
#pragma once

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "base/span.h"
#include "document/document.h"
#include "facts/extractor.h"

#define FUZZ_CHECK(condition)                                                                          \
    do {                                                                                               \
        if (!(condition)) {                                                                            \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition);  \
            std::abort();                                                                              \
        }                                                                                              \
    } while (false)

namespace kfacts::fuzz {

// The extractor over the repository's rules (KFACTS_RULES or the build's default).
inline const Extractor& extractor() {
    static const std::unique_ptr<Extractor> instance = Extractor::load(default_rules_dir());
    return *instance;
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// A span of the original input lies inside it.
inline void check_span(const ByteSpan& span, std::size_t source_size) {
    FUZZ_CHECK(span.start <= span.end);
    FUZZ_CHECK(span.end <= source_size);
}

// What reading promises about every Document: normalised text is valid
// UTF-8, the offset map covers it in order and points inside the source,
// diagnostics point inside the source.
inline void check_document(const Document& doc) {
    const std::size_t size = doc.source.size();
    FUZZ_CHECK(doc.body_start <= size);
    FUZZ_CHECK(is_valid_utf8(doc.text.text));
    std::size_t norm = 0, source = doc.body_start;
    for (const auto& piece : doc.text.map.pieces()) {
        FUZZ_CHECK(piece.norm_start >= norm && piece.norm_start <= piece.norm_end);
        FUZZ_CHECK(piece.source_start >= source && piece.source_start <= piece.source_end);
        FUZZ_CHECK(piece.source_end <= size);
        if (piece.copy) {
            FUZZ_CHECK(piece.norm_end - piece.norm_start == piece.source_end - piece.source_start);
            FUZZ_CHECK(std::string_view(doc.text.text).substr(piece.norm_start, piece.norm_end - piece.norm_start) ==
                       std::string_view(doc.source).substr(piece.source_start, piece.source_end - piece.source_start));
        }
        norm = piece.norm_end;
        source = piece.source_end;
    }
    FUZZ_CHECK(norm == doc.text.text.size());
    for (const Diagnostic& d : doc.diagnostics) {
        if (d.span) check_span(*d.span, size);
    }
}

}  // namespace kfacts::fuzz
