#include <algorithm>

#include "document/normalized_text.h"

namespace kfacts {

void OffsetMap::add_copy(std::size_t norm_start, std::size_t source_start, std::size_t length) {
    if (length == 0) return;
    if (!pieces_.empty()) {
        Piece& last = pieces_.back();
        // Contiguous copies merge, which keeps the map small for clean text.
        if (last.copy && last.norm_end == norm_start && last.source_end == source_start) {
            last.norm_end += length;
            last.source_end += length;
            return;
        }
    }
    pieces_.push_back({norm_start, norm_start + length, source_start, source_start + length, true});
}

void OffsetMap::add_replacement(std::size_t norm_start, std::size_t norm_end,
                                std::size_t source_start, std::size_t source_end) {
    pieces_.push_back({norm_start, norm_end, source_start, source_end, false});
}

// Offsets that fall between pieces (text that normalisation dropped, such as
// a zero-width space) map to the nearest piece boundary on the inside of the span.
std::size_t OffsetMap::source_start_of(std::size_t norm_offset) const {
    auto it = std::upper_bound(pieces_.begin(), pieces_.end(), norm_offset,
                               [](std::size_t off, const Piece& p) { return off < p.norm_end; });
    if (it == pieces_.end()) return pieces_.empty() ? 0 : pieces_.back().source_end;
    if (norm_offset < it->norm_start) return it->source_start;
    return it->copy ? it->source_start + (norm_offset - it->norm_start) : it->source_start;
}

std::size_t OffsetMap::source_end_of(std::size_t norm_offset) const {
    // The last piece that starts before norm_offset.
    auto it = std::lower_bound(pieces_.begin(), pieces_.end(), norm_offset,
                               [](const Piece& p, std::size_t off) { return p.norm_start < off; });
    if (it == pieces_.begin()) return pieces_.empty() ? 0 : pieces_.front().source_start;
    --it;
    if (norm_offset >= it->norm_end) return it->source_end;
    return it->copy ? it->source_start + (norm_offset - it->norm_start) : it->source_end;
}

ByteSpan OffsetMap::to_source(std::size_t norm_start, std::size_t norm_end) const {
    if (norm_start >= norm_end) {
        const std::size_t at = source_start_of(norm_start);
        return {at, at};
    }
    return {source_start_of(norm_start), source_end_of(norm_end)};
}

}  // namespace kfacts
