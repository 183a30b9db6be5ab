// Normalised text and the one offset map from it back to original bytes.
//
// Every later stage matches on the normalised text (UTF-8, entities decoded,
// line ends as \n, NFKC, zero-width and bidi controls removed) and turns what
// it found into original byte spans only through OffsetMap::to_source. No
// stage does offset arithmetic of its own.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "base/span.h"

namespace kfacts {

// Piecewise map from normalised byte offsets to original byte offsets.
// A piece is either a copy (the normalised bytes equal the original bytes, so
// offsets inside it map one to one) or a replacement (an entity, a CRLF, an
// NFKC change): a normalised range inside a replacement maps to the whole
// original range of that replacement, so a span never cuts an entity or a
// decomposed syllable in half.
class OffsetMap {
public:
    struct Piece {
        std::size_t norm_start;
        std::size_t norm_end;
        std::size_t source_start;
        std::size_t source_end;
        bool copy;  // norm bytes == source bytes
    };

    // Appends a piece; pieces must come in increasing order of both offsets.
    void add_copy(std::size_t norm_start, std::size_t source_start, std::size_t length);
    void add_replacement(std::size_t norm_start, std::size_t norm_end,
                         std::size_t source_start, std::size_t source_end);

    // The original bytes that the normalised range [norm_start, norm_end) came from.
    ByteSpan to_source(std::size_t norm_start, std::size_t norm_end) const;

    const std::vector<Piece>& pieces() const { return pieces_; }

private:
    std::size_t source_start_of(std::size_t norm_offset) const;
    std::size_t source_end_of(std::size_t norm_offset) const;
    std::vector<Piece> pieces_;
};

struct NormalizedText {
    std::string text;  // normalised UTF-8
    OffsetMap map;
    bool source_had_invalid_utf8 = false;  // in the part normalised

    ByteSpan to_source(std::size_t norm_start, std::size_t norm_end) const {
        return map.to_source(norm_start, norm_end);
    }
};

// Normalises source[begin, end). Offsets in the map are offsets into `source`.
// Invalid UTF-8, bad entities and control characters are reported in `diagnostics`
// (with their original spans); they never stop normalisation. The first call
// loads the entity table (see document/html_entities.h), which throws
// EntityTableError if the rules directory lacks a usable one.
NormalizedText normalize_text(std::string_view source, std::size_t begin, std::size_t end,
                              std::vector<Diagnostic>& diagnostics);

// Decodes HTML entities in a short metadata value (title, author) without a
// map; invalid UTF-8 becomes U+FFFD, so the result is always valid UTF-8.
std::string decode_entities(std::string_view value);

}  // namespace kfacts
