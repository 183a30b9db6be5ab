#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>

#include "base/recent_answers.h"
#include "text/char_class.h"
#include "text/tokenizer.h"

namespace kfacts {

namespace {

[[noreturn]] void fail(const std::string& path, std::size_t line, std::string_view message) {
    throw std::runtime_error(fmt::format("{}:{}: {}", path, line, message));
}

std::vector<std::string_view> split_list(std::string_view list, char separator) {
    std::vector<std::string_view> items;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = list.find(separator, start);
        items.push_back(list.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos) return items;
        start = end + 1;
    }
}

// Lexicon entries are sequences of at most four Hangul syllables, looked up
// by a 64-bit key: each syllable as its index 1..11172 in 14 bits, the
// first syllable in the highest bits.
constexpr std::size_t max_syllables = 4;
constexpr unsigned syllable_bits = 14;
constexpr std::size_t syllable_count = 11172;  // U+AC00..U+D7A3

std::uint16_t syllable_index(char32_t syllable) { return static_cast<std::uint16_t>(syllable - 0xAC00 + 1); }

// The Hangul syllable whose three bytes start at s[i], or 0.
char32_t syllable_at(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    const auto b2 = static_cast<unsigned char>(s[i + 2]);
    if (b0 < 0xEA || b0 > 0xED || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return 0;
    const char32_t cp = (char32_t(b0 & 0x0F) << 12) | (char32_t(b1 & 0x3F) << 6) | (b2 & 0x3F);
    return is_hangul_syllable(cp) ? cp : 0;
}

// Keys of the syllable sequences that end (or start) a word: keys[n] for
// the last (first) n syllables, n = 1..count.
struct AffixKeys {
    std::uint64_t keys[max_syllables + 1] = {};
    std::size_t count = 0;
};

AffixKeys suffix_keys(std::string_view s, std::size_t limit) {
    AffixKeys affixes;
    for (std::size_t end = s.size(); affixes.count < limit && end >= kSyllableBytes; end -= kSyllableBytes) {
        const char32_t syllable = syllable_at(s, end - kSyllableBytes);
        if (syllable == 0) break;
        const std::size_t n = ++affixes.count;
        affixes.keys[n] = (std::uint64_t{syllable_index(syllable)} << (syllable_bits * (n - 1))) | affixes.keys[n - 1];
    }
    return affixes;
}

AffixKeys prefix_keys(std::string_view s, std::size_t limit) {
    AffixKeys affixes;
    for (std::size_t i = 0; affixes.count < limit && i + kSyllableBytes <= s.size(); i += kSyllableBytes) {
        const char32_t syllable = syllable_at(s, i);
        if (syllable == 0) break;
        const std::size_t n = ++affixes.count;
        affixes.keys[n] = (affixes.keys[n - 1] << syllable_bits) | syllable_index(syllable);
    }
    return affixes;
}

// The key of a whole word of 1..max_syllables Hangul syllables, 0 for anything else.
std::uint64_t word_key(std::string_view s) {
    if (s.empty() || s.size() % kSyllableBytes != 0 || s.size() > max_syllables * kSyllableBytes) return 0;
    const AffixKeys affixes = prefix_keys(s, max_syllables);
    return affixes.count * kSyllableBytes == s.size() ? affixes.keys[affixes.count] : 0;
}

// Whether s has at least n code points, counted from its end.
bool has_code_points(std::string_view s, std::size_t n) {
    std::size_t count = 0;
    for (std::size_t i = s.size(); i > 0 && count < n; --i) {
        count += (static_cast<unsigned char>(s[i - 1]) & 0xC0) != 0x80;
    }
    return count >= n;
}

std::uint8_t parse_after(std::string_view list, const std::string& path, std::size_t line) {
    std::uint8_t bits = 0;
    for (const std::string_view name : split_list(list, ',')) {
        if (name == "vowel") bits |= ParticleLexicon::after_vowel;
        else if (name == "rieul") bits |= ParticleLexicon::after_rieul;
        else if (name == "consonant") bits |= ParticleLexicon::after_consonant;
        else if (name == "latin") bits |= ParticleLexicon::after_latin;
        else if (name == "number") bits |= ParticleLexicon::after_number;
        else if (name == "mark") bits |= ParticleLexicon::after_mark;
        else fail(path, line, fmt::format("unknown after= value '{}'", name));
    }
    return bits;
}

void parse_options(std::string_view options, ParticleLexicon::Entry& entry, const std::string& path,
                   std::size_t line) {
    for (const std::string_view option : split_list(options, ' ')) {
        if (option.empty()) continue;
        if (option.starts_with("after=")) {
            entry.after = parse_after(option.substr(6), path, line);
        } else if (option.starts_with("min-stem=") || option.starts_with("max-stem=")) {
            const std::string_view value = option.substr(9);
            if (value.size() != 1 || value[0] < '1' || value[0] > '9')
                fail(path, line, fmt::format("{} wants a number 1-9, not '{}'", option.substr(0, 8), value));
            (option.starts_with("min") ? entry.min_stem : entry.max_stem) = static_cast<std::uint8_t>(value[0] - '0');
        } else if (option.starts_with("not-after=")) {
            for (const std::string_view ending : split_list(option.substr(10), ',')) {
                if (ending.empty() || suffix_keys(ending, ending.size()).count * kSyllableBytes != ending.size())
                    fail(path, line, fmt::format("not-after= value '{}' is not all Hangul syllables", ending));
                entry.not_after.emplace_back(ending);
            }
        } else if (option == "attribution") {
            entry.attribution = true;
        } else if (option == "shows-whole-word") {
            entry.shows_whole_word = true;
        } else {
            fail(path, line, fmt::format("unknown option '{}'", option));
        }
    }
}

// Examples may write a newline as \n and a backslash as \\.
std::string decode_escapes(std::string_view s, const std::string& path, std::size_t line) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\') {
            out += s[i];
            continue;
        }
        if (i + 1 == s.size()) fail(path, line, "backslash at the end of an example");
        const char escaped = s[++i];
        if (escaped == 'n') out += '\n';
        else if (escaped == '\\') out += '\\';
        else fail(path, line, fmt::format("unknown escape '\\{}'", escaped));
    }
    return out;
}

}  // namespace

ParticleLexicon ParticleLexicon::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(fmt::format("{}:0: cannot open the particle lexicon", path));

    ParticleLexicon lexicon;
    std::string raw;
    for (std::size_t line = 1; std::getline(in, raw); ++line) {
        std::string_view content(raw);
        if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
        if (content.empty() || content.front() == '#') continue;
        const std::vector<std::string_view> fields = split_list(content, '\t');
        const std::string_view kind = fields[0];
        if (fields.size() < 2 || fields[1].empty()) fail(path, line, fmt::format("'{}' without a text", kind));
        const std::string_view value = fields[1];

        if (kind == "example" || kind == "sentences") {
            if (fields.size() != 3 || fields[2].empty())
                fail(path, line, fmt::format("'{}' wants INPUT<TAB>EXPECTED", kind));
            lexicon.examples_.push_back({kind == "example" ? Example::Kind::tokens : Example::Kind::sentences,
                                         decode_escapes(value, path, line), std::string(fields[2]), line});
            continue;
        }
        if (kind == "abbreviation") {
            if (fields.size() != 2) fail(path, line, "an abbreviation has no options");
            lexicon.abbreviations_.emplace(value);
            continue;
        }

        const std::uint64_t key = word_key(value);
        if (key == 0) fail(path, line, fmt::format("'{}' is not 1 to {} Hangul syllables", value, max_syllables));
        const std::size_t syllables = value.size() / kSyllableBytes;
        if (kind == "noun" || kind == "ending") {
            if (fields.size() != 2) fail(path, line, fmt::format("a {} has no options", kind));
            const bool noun = kind == "noun";
            if (!(noun ? lexicon.known_nouns_ : lexicon.final_endings_).insert(key, 0))
                fail(path, line, fmt::format("'{}' is listed twice", value));
            std::size_t& longest = noun ? lexicon.max_noun_syllables_ : lexicon.max_ending_syllables_;
            longest = std::max(longest, syllables);
            continue;
        }
        if (kind != "particle" && kind != "suffix") fail(path, line, fmt::format("unknown kind '{}'", kind));
        if (fields.size() > 3) fail(path, line, "too many fields");

        Entry entry;
        entry.text = value;
        entry.suffix_noun = kind == "suffix";
        if (fields.size() == 3) parse_options(fields[2], entry, path, line);
        SyllableIndex& index = entry.suffix_noun ? lexicon.suffix_nouns_ : lexicon.particles_;
        if (!index.insert(key, static_cast<std::uint32_t>(lexicon.entries_.size())))
            fail(path, line, fmt::format("'{}' is listed twice", value));
        if (!entry.suffix_noun) {
            lexicon.particle_last_syllables_.resize(syllable_count + 1);
            lexicon.particle_last_syllables_[suffix_keys(value, 1).keys[1]] = true;
        }
        std::size_t& longest = entry.suffix_noun ? lexicon.max_suffix_syllables_ : lexicon.max_particle_syllables_;
        longest = std::max(longest, syllables);
        lexicon.entries_.push_back(std::move(entry));
    }
    if (in.bad()) throw std::runtime_error(fmt::format("{}:0: read error", path));
    lexicon.answer_owner_ = new_answer_owner();
    return lexicon;
}

bool ParticleLexicon::SyllableIndex::insert(std::uint64_t key, std::uint32_t value) {
    if ((size_ + 1) * 2 > keys_.size()) {
        // Grow to keep at most half the slots full, and put every key back.
        std::vector<std::uint64_t> old_keys(std::max<std::size_t>(16, keys_.size() * 2), 0);
        std::vector<std::uint32_t> old_values(old_keys.size(), 0);
        old_keys.swap(keys_);
        old_values.swap(values_);
        for (std::size_t i = 0; i < old_keys.size(); ++i) {
            if (old_keys[i] == 0) continue;
            const std::size_t slot = slot_of(old_keys[i]);
            keys_[slot] = old_keys[i];
            values_[slot] = old_values[i];
        }
    }
    const std::size_t slot = slot_of(key);
    if (keys_[slot] == key) return false;
    keys_[slot] = key;
    values_[slot] = value;
    ++size_;
    return true;
}

// The slot that holds `key`, or the empty slot where it would go.
std::size_t ParticleLexicon::SyllableIndex::slot_of(std::uint64_t key) const {
    const std::size_t mask = keys_.size() - 1;
    std::size_t slot = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
    while (keys_[slot] != 0 && keys_[slot] != key) slot = (slot + 1) & mask;
    return slot;
}

const std::uint32_t* ParticleLexicon::SyllableIndex::find(std::uint64_t key) const {
    if (size_ == 0) return nullptr;
    const std::size_t slot = slot_of(key);
    return keys_[slot] == key ? &values_[slot] : nullptr;
}

bool ParticleLexicon::is_particle(std::string_view s) const { return particles_.find(word_key(s)) != nullptr; }

bool ParticleLexicon::is_suffix_noun(std::string_view s) const { return suffix_nouns_.find(word_key(s)) != nullptr; }

bool ParticleLexicon::is_abbreviation(std::string_view word) const { return abbreviations_.contains(word); }

bool ParticleLexicon::ends_in_known_noun(std::string_view word) const {
    return known_noun_suffix_syllables(word) > 0;
}

bool ParticleLexicon::accepts(const Entry& entry, std::string_view stem, std::uint8_t before) const {
    if (stem.empty()) return (entry.after & before) != 0;
    const text::CodePoint last = text::code_point_before(stem, stem.size());
    std::uint8_t context = after_latin;  // Latin letters, digits and other scripts end a name alike
    if (is_hangul_syllable(last.cp)) {
        switch (text::syllable_final(last.cp)) {
            case text::SyllableFinal::vowel: context = after_vowel; break;
            case text::SyllableFinal::rieul: context = after_rieul; break;
            case text::SyllableFinal::consonant: context = after_consonant; break;
        }
    }
    if ((entry.after & context) == 0) return false;
    for (const std::string& ending : entry.not_after) {
        if (stem.ends_with(ending)) return false;
    }
    if (entry.max_stem != 0 && has_code_points(stem, entry.max_stem + 1U)) return false;
    // A counter right after a number is a whole word, however short (1위+는).
    return has_code_points(stem, entry.min_stem) || ends_in_known_noun(stem) || before == after_number;
}

std::size_t ParticleLexicon::known_noun_suffix_syllables(std::string_view word) const {
    const AffixKeys suffixes = suffix_keys(word, max_noun_syllables_);
    std::size_t longest = 0;
    for (std::size_t n = 1; n <= suffixes.count; ++n) {
        if (known_nouns_.find(suffixes.keys[n]) != nullptr) longest = n;
    }
    return longest;
}

namespace {

// The splits of the words seen last on this thread (see RecentAnswers): a
// split takes some twenty lookups, a hit one hash.
struct RecentSplit {
    std::uint8_t name_end;
    std::uint8_t stem_end;
};
constexpr std::size_t kRecentSplitKeyBytes = 30;  // a word of up to ten syllables
using RecentSplits = RecentAnswers<RecentSplit, 32768, kRecentSplitKeyBytes>;  // 1.5 MiB a thread

}  // namespace

ParticleLexicon::WordSplit ParticleLexicon::split_word(std::string_view word, std::uint8_t before) const {
    if (word.size() > kRecentSplitKeyBytes) return compute_split(word, before);
    // `before` goes with the owner, so that the key is the word as it stands
    // in the text, not a copy of it after a byte; a lexicon not loaded
    // (owner 0) still memoises nothing.
    const std::uint64_t owner = answer_owner_ == 0 ? 0 : answer_owner_ << 8 | before;
    thread_local RecentSplits recent;
    const RecentSplit split = recent.answer(owner, word, [&] {
        const WordSplit computed = compute_split(word, before);
        return RecentSplit{static_cast<std::uint8_t>(computed.name_end), static_cast<std::uint8_t>(computed.stem_end)};
    });
    return {split.name_end, split.stem_end};
}

ParticleLexicon::WordSplit ParticleLexicon::compute_split(std::string_view word, std::uint8_t before) const {
    std::size_t stem_end = word.size();
    // Most words that end in no particle fail at the last syllable.
    const AffixKeys last = suffix_keys(word, 1);
    if (last.count == 1 && particle_last_syllables_[last.keys[1]]) {
        const AffixKeys suffixes = suffix_keys(word, std::max(max_particle_syllables_, max_noun_syllables_));
        // No particle cuts into a known noun that ends the word (국가, 결과).
        std::size_t noun_syllables = 0;
        for (std::size_t n = 1; n <= std::min(suffixes.count, max_noun_syllables_); ++n) {
            if (known_nouns_.find(suffixes.keys[n]) != nullptr) noun_syllables = n;
        }
        // The longest particle wins, unless a shorter one leaves a stem that ends
        // in a known noun (결과+는, not 결+과는) or the longer one would leave a
        // stem of one unknown syllable (프로+는, not 프+로는), also after a
        // hyphen (다온-프로+는; but 누리-봇+으로는, K-빛+으로: a particle in 으
        // follows a final consonant, as one-syllable parts of names have).
        constexpr std::size_t none = std::string_view::npos;
        std::size_t longest = none, long_stem = none, noun_stem = none;
        for (std::size_t n = std::min(suffixes.count, max_particle_syllables_); n > noun_syllables; --n) {
            const std::uint32_t* particle = particles_.find(suffixes.keys[n]);
            const std::size_t start = word.size() - n * kSyllableBytes;
            const std::string_view stem = word.substr(0, start);
            if (particle == nullptr || !accepts(entries_[*particle], stem, before)) continue;
            if (longest == none) longest = start;
            if (noun_stem == none && ends_with_known_noun(stem)) noun_stem = start;
            const std::size_t hyphen = stem.rfind('-');
            const bool particle_in_eu = word.compare(start, kSyllableBytes, "으") == 0;
            const std::string_view part =
                hyphen == std::string_view::npos || particle_in_eu ? stem : stem.substr(hyphen + 1);
            if (long_stem == none && (part.empty() || part.size() >= 2 * kSyllableBytes || syllable_at(part, 0) == 0 ||
                                      known_nouns_.find(word_key(part)) != nullptr)) {
                long_stem = start;
            }
        }
        if (noun_stem != none) stem_end = noun_stem;
        else if (long_stem != none) stem_end = long_stem;
        else if (longest != none) stem_end = longest;
    }

    std::size_t name_end = stem_end;
    const std::string_view stem = word.substr(0, stem_end);
    const AffixKeys stem_suffixes = suffix_keys(stem, max_suffix_syllables_);
    for (std::size_t n = stem_suffixes.count; n >= 1; --n) {
        const std::size_t start = stem.size() - n * kSyllableBytes;
        if (start == 0) continue;  // a suffix noun never leaves an empty name
        if (stem[start - 1] == '-') continue;  // nor splits off a hyphen's part: 루모라-씨
        const std::uint32_t* suffix = suffix_nouns_.find(stem_suffixes.keys[n]);
        if (suffix != nullptr && accepts(entries_[*suffix], stem.substr(0, start), 0)) {
            name_end = start;
            break;
        }
    }
    return {name_end, stem_end};
}

bool ParticleLexicon::ends_with_known_noun(std::string_view stem) const {
    const AffixKeys suffixes = suffix_keys(stem, max_noun_syllables_);
    for (std::size_t n = 2; n <= suffixes.count; ++n) {
        if (known_nouns_.find(suffixes.keys[n]) != nullptr) return true;
    }
    return false;
}

std::size_t ParticleLexicon::particle_suffix_length(std::string_view word) const {
    return word.size() - split_word(word, 0).stem_end;
}

bool ParticleLexicon::shows_whole_word(std::string_view particle) const {
    const std::uint32_t* entry = particles_.find(word_key(particle));
    return entry != nullptr && entries_[*entry].shows_whole_word;
}

std::size_t ParticleLexicon::attribution_prefix_length(std::string_view s) const {
    const AffixKeys prefixes = prefix_keys(s, max_particle_syllables_);
    for (std::size_t n = prefixes.count; n >= 1; --n) {
        const std::uint32_t* particle = particles_.find(prefixes.keys[n]);
        if (particle != nullptr && entries_[*particle].attribution) return n * kSyllableBytes;
    }
    return 0;
}

bool ParticleLexicon::ends_with_final_ending(std::string_view word) const {
    const AffixKeys suffixes = suffix_keys(word, max_ending_syllables_);
    for (std::size_t n = 1; n <= suffixes.count; ++n) {
        if (final_endings_.find(suffixes.keys[n]) != nullptr) return true;
    }
    return false;
}

}  // namespace kfacts
