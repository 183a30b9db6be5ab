#include <catch2/catch.hpp>

#include <string>

#include "base/hash.h"

using namespace kfacts;

namespace {

// The definition load_up_to_8 keeps: byte k of the input is byte k of the
// integer, counted from the least significant.
std::uint64_t little_endian(std::string_view s) {
    std::uint64_t v = 0;
    for (std::size_t k = 0; k < s.size(); ++k) v |= std::uint64_t{static_cast<unsigned char>(s[k])} << (8 * k);
    return v;
}

}  // namespace

TEST_CASE("load_up_to_8 reads every length from 0 to 8 as a little-endian integer", "[base][hash]") {
    const std::string bytes = "\x01\x82\x03\xF4\x05\x86\x07\xE8";
    for (std::size_t n = 0; n <= bytes.size(); ++n) {
        INFO("length " << n);
        CHECK(load_up_to_8(bytes.data(), n) == little_endian(std::string_view(bytes).substr(0, n)));
    }
}

TEST_CASE("hash_bytes tells apart strings that differ in any byte, length or seed", "[base][hash]") {
    const std::string word = "한국어모델ab";  // 17 bytes: two chunks and a tail of one
    for (std::size_t n = 0; n <= word.size(); ++n) {
        const std::string_view prefix = std::string_view(word).substr(0, n);
        INFO("length " << n);
        CHECK(hash_bytes(prefix) == hash_bytes(std::string(prefix)));  // only the bytes count
        if (n > 0) CHECK(hash_bytes(prefix) != hash_bytes(prefix.substr(0, n - 1)));
        CHECK(hash_bytes(prefix, 1) != hash_bytes(prefix, 2));
        for (std::size_t k = 0; k < n; ++k) {
            std::string changed(prefix);
            changed[k] = static_cast<char>(changed[k] ^ 0x20);
            CHECK(hash_bytes(changed) != hash_bytes(prefix));
        }
    }
}
