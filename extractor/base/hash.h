// One string hash for the project's own tables: eight bytes at a time, each
// step a multiply and a shift (splitmix64's), so a short word costs a few
// instructions where std::hash costs some fifty.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace kfacts {

// The n bytes at s (n at most eight) as one integer, byte k in bits 8k..8k+7
// (what memcpy into a zeroed integer gives on x86), without a call to memcpy
// for a length known only at run time: two loads that may overlap.
inline std::uint64_t load_up_to_8(const char* s, std::size_t n) {
    const auto load32 = [](const char* p) {
        std::uint32_t v;
        std::memcpy(&v, p, 4);
        return std::uint64_t{v};
    };
    if (n >= 4) {
        return load32(s) | load32(s + n - 4) << (8 * (n - 4));
    }
    if (n == 0) return 0;
    const auto byte = [&](std::size_t k) { return std::uint64_t{static_cast<unsigned char>(s[k])}; };
    return byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1));
}

// `seed` sets tables apart that share slots (RecentAnswers' owners).
inline std::uint64_t hash_bytes(std::string_view s, std::uint64_t seed = 0) {
    std::uint64_t h = (seed + s.size()) * 0x9E3779B97F4A7C15ull;
    const auto mix = [&h](std::uint64_t chunk) {
        h = (h ^ chunk) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    };
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t chunk;
        std::memcpy(&chunk, s.data() + i, 8);
        mix(chunk);
    }
    if (i < s.size()) mix(load_up_to_8(s.data() + i, s.size() - i));
    return h;
}

}  // namespace kfacts
