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

// `seed` sets tables apart that share slots (RecentAnswers' owners).
inline std::uint64_t hash_bytes(std::string_view s, std::uint64_t seed = 0) {
    std::uint64_t h = (seed + s.size()) * 0x9E3779B97F4A7C15ull;
    for (std::size_t i = 0; i < s.size(); i += 8) {
        std::uint64_t chunk = 0;
        std::memcpy(&chunk, s.data() + i, std::min<std::size_t>(8, s.size() - i));
        h = (h ^ chunk) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    return h;
}

}  // namespace kfacts
