// A small memo of answers for short strings, one per thread: words and
// particles recur so often in news text that the answer a lexicon or a set
// of label tests gave a moment ago is, some nine times in ten, asked for
// again. Fixed size, so memory stays bounded whatever the input.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/hash.h"

namespace kfacts {

// A new owner id for RecentAnswers: each object whose answers are memoised
// takes one when its content is final, so answers never cross between two
// lexicons or rule sets, even one made at the address of another.
inline std::uint64_t new_answer_owner() {
    static std::atomic<std::uint64_t> next{1};
    return next++;
}

// Direct-mapped: an entry is replaced by the next key that hashes to its
// slot. Keys longer than KeyBytes are never stored (their answers are
// computed each time).
template <typename Value, std::size_t Entries, std::size_t KeyBytes>
class RecentAnswers {
    static_assert(std::is_trivially_copyable_v<Value>);
    static_assert((Entries & (Entries - 1)) == 0, "Entries is a power of two");
    static_assert(KeyBytes < 256);

public:
    // The answer stored for (owner, key), or null.
    const Value* find(std::uint64_t owner, std::string_view key) const {
        const Entry& e = entries_[slot(owner, key)];
        if (e.owner != owner || e.key_size != key.size() || !same_bytes(e.key, key.data(), key.size())) return nullptr;
        return &e.value;
    }
    // The answer for (owner, key): the one stored, else compute()'s, stored.
    // Owner 0 (an object not loaded, with no owner id) is never memoised.
    template <typename Compute>
    Value answer(std::uint64_t owner, std::string_view key, Compute compute) {
        if (owner == 0) return compute();
        if (const Value* stored = find(owner, key)) return *stored;
        const Value computed = compute();
        store(owner, key, computed);
        return computed;
    }
    void store(std::uint64_t owner, std::string_view key, const Value& value) {
        if (key.size() > KeyBytes) return;
        Entry& e = entries_[slot(owner, key)];
        e.owner = owner;
        e.key_size = static_cast<std::uint8_t>(key.size());
        std::copy(key.begin(), key.end(), e.key);
        e.value = value;
    }

private:
    struct Entry {
        std::uint64_t owner = 0;  // 0: empty
        std::uint8_t key_size = 0;
        char key[KeyBytes];
        Value value;
    };

    // Whether n bytes at a and b are the same. Keys are words, a few bytes
    // long, where a call to memcmp costs more than the comparison: numbers
    // loaded from the first and the last bytes, overlapping, cover them all.
    static bool same_bytes(const char* a, const char* b, std::size_t n) {
        const auto equal = [&](std::size_t at, auto number) {
            decltype(number) other;
            std::memcpy(&number, a + at, sizeof number);
            std::memcpy(&other, b + at, sizeof number);
            return number == other;
        };
        if (n >= 8) {
            for (std::size_t at = 0; at + 8 < n; at += 8) {
                if (!equal(at, std::uint64_t{})) return false;
            }
            return equal(n - 8, std::uint64_t{});
        }
        if (n >= 4) return equal(0, std::uint32_t{}) && equal(n - 4, std::uint32_t{});
        return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
    }

    static std::size_t slot(std::uint64_t owner, std::string_view key) {
        return static_cast<std::size_t>(hash_bytes(key, owner)) & (Entries - 1);
    }

    std::vector<Entry> entries_ = std::vector<Entry>(Entries);
};

}  // namespace kfacts
