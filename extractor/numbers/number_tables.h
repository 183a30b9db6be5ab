// The word tables of rules/numbers/ and the candidate pattern compiled from
// them, loaded once by QuantityFinder::load. Internal to the numbers stage.
#pragma once

#include <algorithm>
#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "numbers/numbers.h"

namespace kfacts {
namespace numbers_detail {

// The code point at s[i] (or ending at s[end]) as a lookup key: the bytes of
// one UTF-8 sequence packed into an integer, 0 when there is none.
inline std::uint32_t first_char_key(std::string_view s, std::size_t i) {
    if (i >= s.size()) return 0;
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    std::uint32_t key = 0;
    for (std::size_t k = 0; k < length && i + k < s.size(); ++k) key = key << 8 | static_cast<unsigned char>(s[i + k]);
    return key;
}
inline std::uint32_t last_char_key(std::string_view s, std::size_t end) {
    if (end == 0 || end > s.size()) return 0;
    std::size_t start = end - 1;
    while (start > 0 && end - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    return first_char_key(s.substr(0, end), start);
}

// Entries of one table, found by the longest one that starts (or ends) at an
// offset. Entries are indexed by their first and last character, since every
// Hangul syllable starts with one of four bytes.
template <class Entry>
class WordTable {
public:
    void add(Entry entry) { entries_.push_back(std::move(entry)); }

    // Sorts longest first and builds the indexes; call once after the last add.
    void finish() {
        std::stable_sort(entries_.begin(), entries_.end(),
                         [](const Entry& a, const Entry& b) { return a.text.size() > b.text.size(); });
        by_first_char_.clear();
        by_last_char_.clear();
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            const std::string& text = entries_[i].text;
            by_first_char_.push_back({first_char_key(text, 0), static_cast<std::uint32_t>(i)});
            by_last_char_.push_back({last_char_key(text, text.size()), static_cast<std::uint32_t>(i)});
        }
        // By key, and longest first within a key (the stable sort keeps the order).
        auto by_key = [](const Slot& a, const Slot& b) { return a.key < b.key; };
        std::stable_sort(by_first_char_.begin(), by_first_char_.end(), by_key);
        std::stable_sort(by_last_char_.begin(), by_last_char_.end(), by_key);
    }

    // The longest entry written at text[pos] that `accept` takes, or nullptr.
    template <class Accept>
    const Entry* starting_at(std::string_view text, std::size_t pos, Accept accept) const {
        const std::uint32_t key = first_char_key(text, pos);
        for (auto slot = lower_bound(by_first_char_, key); slot != by_first_char_.end() && slot->key == key; ++slot) {
            const Entry& entry = entries_[slot->index];
            if (text.compare(pos, entry.text.size(), entry.text) == 0 && accept(entry)) return &entry;
        }
        return nullptr;
    }
    const Entry* starting_at(std::string_view text, std::size_t pos) const {
        return starting_at(text, pos, [](const Entry&) { return true; });
    }

    // The longest entry written just before text[end] that `accept` takes, or nullptr.
    template <class Accept>
    const Entry* ending_at(std::string_view text, std::size_t end, Accept accept) const {
        const std::uint32_t key = last_char_key(text, end);
        for (auto slot = lower_bound(by_last_char_, key); slot != by_last_char_.end() && slot->key == key; ++slot) {
            const Entry& entry = entries_[slot->index];
            if (entry.text.size() <= end &&
                text.compare(end - entry.text.size(), entry.text.size(), entry.text) == 0 && accept(entry))
                return &entry;
        }
        return nullptr;
    }

    const std::vector<Entry>& entries() const { return entries_; }

private:
    struct Slot {
        std::uint32_t key;
        std::uint32_t index;
    };
    static typename std::vector<Slot>::const_iterator lower_bound(const std::vector<Slot>& slots,
                                                                  std::uint32_t key) {
        return std::lower_bound(slots.begin(), slots.end(), key,
                                [](const Slot& slot, std::uint32_t k) { return slot.key < k; });
    }

    std::vector<Entry> entries_;
    std::vector<Slot> by_first_char_;
    std::vector<Slot> by_last_char_;
};

enum class UnitKind : std::uint8_t {
    quantity, score, ordinal, year, month, day, hour, minute, second, date, rank_or_count
};

struct Unit {
    std::string text;
    std::string unit;  // canonical
    UnitKind kind = UnitKind::quantity;
    bool spaced = false;
    bool native = false;
    bool approximate = false;
    bool duration = false;
    bool date_suffix = false;
    bool ends_word = false;  // no word runs on from it (119종합상황실 is no count of kinds)
};

enum class QualifierRole : std::uint8_t {
    before, after, infix, duration, date_suffix, max_score, max_score_link,
    time_prefix, ordinal_prefix, unit_prefix, fraction
};

struct Qualifier {
    std::string text;
    QualifierRole role = QualifierRole::after;
    bool glued = true;   // may be written without a space
    bool spaced = false; // may be written after one space
    bool approximate = false;
    Bound bound = Bound::none;
    int hour_offset = 0;  // time_prefix
    std::string unit;     // unit_prefix
};

enum class NativeForm : std::uint8_t { unit, tens, alone, ordinal };

struct NativeNumeral {
    std::string text;
    int value = 0;
    NativeForm form = NativeForm::unit;
};

struct Word {
    std::string text;
};

// Where a candidate of the number pattern may start, so that the pattern
// runs anchored at few offsets instead of unanchored over the whole text (an
// unanchored search that reports its match also runs backwards to find where
// the match starts). Built from the tables the pattern is built from: a
// candidate starts with a digit or with two characters that start one of
// the pattern's alternatives (`삼십`, `다섯`, `한 `, `두명`). Both characters
// are kept as bits of hashed code points, so an offset may pass that starts
// no alternative (the pattern then fails there), but none is skipped that
// starts one.
class CandidateStarts {
public:
    CandidateStarts(const WordTable<NativeNumeral>& natives, const WordTable<Unit>& units);

    // The first offset at or after `pos` where a candidate may start, or text.size().
    std::size_t next(std::string_view text, std::size_t pos) const;

private:
    static constexpr std::size_t kFirstBits = 4096;
    static constexpr std::size_t kPairBits = 65536;
    static std::size_t pair_bit(char32_t first, char32_t second) {
        return static_cast<std::size_t>((first * 0x9E3779B1u ^ second) * 0x85EBCA6Bu >> 16) % kPairBits;
    }
    void add(char32_t first, char32_t second);

    std::bitset<kFirstBits> first_;  // by code point % kFirstBits
    std::bitset<kFirstBits> alone_;  // by code point % kFirstBits: may match without a second character
    std::bitset<kPairBits> pair_;    // by pair_bit
};

}  // namespace numbers_detail

struct QuantityFinder::Tables {
    numbers_detail::WordTable<numbers_detail::Unit> units;
    numbers_detail::WordTable<numbers_detail::Qualifier> qualifiers;
    numbers_detail::WordTable<numbers_detail::NativeNumeral> native_numerals;
    numbers_detail::WordTable<numbers_detail::Word> particles;
    numbers_detail::WordTable<numbers_detail::Word> not_multipliers;
    // Where a number in Korean may start: two or more Sino-Korean numerals
    // with a multiplier, or a native numeral before one of its counters. (A
    // run of digits is a candidate too, found without it.)
    std::unique_ptr<RE2> candidates;
    std::unique_ptr<const numbers_detail::CandidateStarts> candidate_starts;

    static std::shared_ptr<const Tables> load(const std::string& numbers_dir);
};

}  // namespace kfacts
