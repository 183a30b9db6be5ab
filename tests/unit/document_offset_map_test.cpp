#include <catch2/catch.hpp>

#include "document/normalized_text.h"

using namespace kfacts;

TEST_CASE("OffsetMap maps copies one to one and replacements whole", "[document][offset]") {
    // source: "a&#x27;b" (8 bytes) -> norm: "a'b" (3 bytes)
    OffsetMap map;
    map.add_copy(0, 0, 1);
    map.add_replacement(1, 2, 1, 7);
    map.add_copy(2, 7, 1);
    CHECK(map.to_source(0, 1) == ByteSpan{0, 1});
    CHECK(map.to_source(1, 2) == ByteSpan{1, 7});
    CHECK(map.to_source(0, 3) == ByteSpan{0, 8});
    CHECK(map.to_source(2, 3) == ByteSpan{7, 8});
    CHECK(map.to_source(1, 3) == ByteSpan{1, 8});
}

TEST_CASE("OffsetMap merges contiguous copies and skips dropped source bytes", "[document][offset]") {
    // source "ab\xE2\x80\x8B" "cd": the zero-width space (3 bytes) is dropped.
    OffsetMap map;
    map.add_copy(0, 0, 1);
    map.add_copy(1, 1, 1);
    map.add_copy(2, 5, 2);
    CHECK(map.pieces().size() == 2);
    CHECK(map.to_source(0, 2) == ByteSpan{0, 2});
    CHECK(map.to_source(2, 4) == ByteSpan{5, 7});
    CHECK(map.to_source(0, 4) == ByteSpan{0, 7});
}
