#include "rules/lexicon.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <fstream>

#include "base/hash.h"
#include "base/recent_answers.h"
#include "base/span.h"

namespace kfacts {
namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            parts.push_back(trim(s.substr(start, i - start)));
            start = i + 1;
        }
    }
    return parts;
}

// Calls `row(columns, line_number)` for each data line of a TSV file and
// collects "#example" lines. Comment and blank lines are skipped.
template <typename Row>
void read_tsv(const std::string& path, std::vector<DataExample>& examples, Row row) {
    std::ifstream in(path);
    if (!in) throw RuleLoadError(fmt::format("{}: cannot open", path));
    std::string line;
    std::size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        std::string_view view = trim(line);
        if (view.empty()) continue;
        if (view.substr(0, 8) == "#example") {
            const auto cols = split(view, '\t');
            if (cols.size() != 3 || cols[1].empty() || cols[2].empty()) {
                throw RuleLoadError(fmt::format(
                    "{}:{}: an example is '#example<TAB>text<TAB>expected'", path, number));
            }
            examples.push_back({path, number, std::string(cols[1]), std::string(cols[2])});
            continue;
        }
        if (view.front() == '#') continue;
        row(split(view, '\t'), number);
    }
}

}  // namespace

std::string_view entity_kind_name(EntityKind kind) {
    switch (kind) {
        case EntityKind::team: return "team";
        case EntityKind::org: return "org";
        case EntityKind::model: return "model";
        case EntityKind::benchmark: return "benchmark";
        case EntityKind::title: return "title";
        case EntityKind::reporter: return "reporter";
        case EntityKind::not_model: return "not_model";
    }
    return "unknown";
}

void Lexicon::add_name(std::string_view name, std::uint32_t entity) {
    if (match_key(name).empty()) return;
    std::uint32_t group;
    if (!names_.find(name, group)) {
        group = static_cast<std::uint32_t>(groups_.size());
        groups_.emplace_back();
        names_.add(name, group);
    }
    for (std::uint32_t e : groups_[group]) {
        if (entities_[e].kind == entities_[entity].kind) return;  // first entry of a kind wins
    }
    groups_[group].push_back(entity);
}

void Lexicon::load_gazetteer(const std::string& path, EntityKind default_kind) {
    read_tsv(path, examples_, [&](const std::vector<std::string_view>& cols, std::size_t line) {
        const auto fail = [&](std::string_view why) {
            throw RuleLoadError(fmt::format("{}:{}: {}", path, line, why));
        };
        if (cols.empty() || cols[0].empty()) fail("empty name");
        Entity entity;
        entity.kind = default_kind;
        entity.name = std::string(cols[0]);
        std::string_view aliases;
        bool whole_word = false;  // a title that no word ends with (씨: 날씨, 솜씨)
        switch (default_kind) {
            case EntityKind::team:  // name, kind (team|org|lab), aliases
                if (cols.size() < 2) fail("expected name<TAB>kind<TAB>aliases");
                if (cols[1] == "org" || cols[1] == "lab") entity.kind = EntityKind::org;
                else if (cols[1] != "team") fail(fmt::format("kind '{}' is not team, org or lab", cols[1]));
                entity.lab = cols[1] == "lab";
                aliases = cols.size() > 2 ? cols[2] : "";
                break;
            case EntityKind::model:  // name, team, aliases
                if (cols.size() < 2) fail("expected name<TAB>team<TAB>aliases");
                if (cols[1] != "-") entity.team = std::string(cols[1]);
                aliases = cols.size() > 2 ? cols[2] : "";
                break;
            case EntityKind::title:  // title, kind (person_title|reporter), options (whole, company_head)
                if (cols.size() >= 2 && cols[1] == "reporter") entity.kind = EntityKind::reporter;
                else if (cols.size() >= 2 && cols[1] != "person_title") fail("kind must be person_title or reporter");
                for (std::string_view option : cols.size() >= 3 ? split(cols[2], ',') : std::vector<std::string_view>()) {
                    if (option == "whole") whole_word = true;
                    else if (option == "company_head") company_head_titles_.emplace_back(cols[0]);
                    else fail("the third column lists `whole` and `company_head`, separated by commas, or nothing");
                }
                break;
            default:  // benchmarks: name, aliases; not_models: name, reason
                if (default_kind == EntityKind::benchmark && cols.size() > 1) aliases = cols[1];
                break;
        }
        const auto id = static_cast<std::uint32_t>(entities_.size());
        entities_.push_back(entity);
        add_name(entity.name, id);
        for (std::string_view alias : split(aliases, '|')) {
            if (!alias.empty()) add_name(alias, id);
        }
        if ((entity.kind == EntityKind::title || entity.kind == EntityKind::reporter) && !whole_word) {
            title_suffixes_.insert(entity.name, entity.name);
            title_filter_.add(entity.name, /*at_end=*/true);
        }
    });
}

void Lexicon::load_keywords(const std::string& path) {
    read_tsv(path, examples_, [&](const std::vector<std::string_view>& cols, std::size_t line) {
        if (cols.size() < 3 || cols.size() > 4 || cols[0].empty() || cols[1].empty() ||
            (cols[2] != "exact" && cols[2] != "prefix" && cols[2] != "suffix")) {
            throw RuleLoadError(fmt::format(
                "{}:{}: expected word<TAB>class<TAB>exact|prefix|suffix[<TAB>Latin spelling]", path, line));
        }
        if (cols.size() == 4) {
            if (cols[1] != "variant" || cols[2] != "exact" || cols[3].empty() || !is_ascii(cols[3])) {
                throw RuleLoadError(fmt::format(
                    "{}:{}: only an exact variant word has a spelling, in Latin letters", path, line));
            }
            variant_spellings_.insert(cols[0], cols[3]);
        }
        auto& table = cols[2] == "exact" ? exact_words_ : cols[2] == "prefix" ? prefix_words_ : suffix_words_;
        table.insert(cols[0], cols[1]);
        if (cols[2] == "prefix") prefix_filter_.add(cols[0], /*at_end=*/false);
        if (cols[2] == "suffix") suffix_filter_.add(cols[0], /*at_end=*/true);
    });
}

void Lexicon::load_words(const std::string& path, WordTable& into) {
    read_tsv(path, examples_, [&](const std::vector<std::string_view>& cols, std::size_t) {
        into.insert(cols[0], {});
    });
}

void Lexicon::load_surnames(const std::string& path) {
    read_tsv(path, examples_, [&](const std::vector<std::string_view>& cols, std::size_t line) {
        if (cols.size() > 2 || (cols.size() == 2 && cols[1] != "determiner" && cols[1] != "alone")) {
            throw RuleLoadError(fmt::format("{}:{}: expected surname[<TAB>determiner|alone]", path, line));
        }
        surnames_.insert(cols[0], cols.size() == 2 ? cols[1] : std::string_view());
    });
}

Lexicon Lexicon::load(const std::string& rules_dir) {
    Lexicon lexicon;
    lexicon.load_gazetteer(rules_dir + "/gazetteer/teams.tsv", EntityKind::team);
    lexicon.load_gazetteer(rules_dir + "/gazetteer/models.tsv", EntityKind::model);
    lexicon.load_gazetteer(rules_dir + "/gazetteer/benchmarks.tsv", EntityKind::benchmark);
    lexicon.load_gazetteer(rules_dir + "/gazetteer/not_models.tsv", EntityKind::not_model);
    lexicon.load_gazetteer(rules_dir + "/gazetteer/titles.tsv", EntityKind::title);
    lexicon.load_keywords(rules_dir + "/lexicon/keywords.tsv");
    lexicon.load_surnames(rules_dir + "/lexicon/surnames.txt");
    lexicon.load_words(rules_dir + "/lexicon/not_names.txt", lexicon.not_names_);
    lexicon.index_words();
    // A model's team must be an organisation teams.tsv lists (a team, or an org
    // such as 엔비디아 that makes models but mostly appears as a chip maker),
    // or the link is a typo.
    for (const Entity& e : lexicon.entities_) {
        if (e.kind == EntityKind::model && !e.team.empty() && !lexicon.find(e.team, EntityKind::team) &&
            !lexicon.find(e.team, EntityKind::org)) {
            throw RuleLoadError(fmt::format("{}/gazetteer/models.tsv: model '{}' names team '{}', "
                                            "which teams.tsv does not list", rules_dir, e.name, e.team));
        }
    }
    lexicon.answer_owner_ = new_answer_owner();
    return lexicon;
}

void Lexicon::index_words() {
    for (const auto& [surname, option] : surnames_.entries()) {
        if (const char32_t syllable = hangul_syllable(surname)) {
            one_syllable_surnames_[syllable - 0xAC00] = true;
            if (option == "alone") surnames_only_alone_[syllable - 0xAC00] = true;
        }
    }
    for (const auto& [word, unused] : not_names_.entries()) not_name_filter_.add(word, /*at_end=*/false);
}

std::string_view Lexicon::variant_spelling(std::string_view word) const {
    const std::string* spelling = variant_spellings_.find(word);
    return spelling ? std::string_view(*spelling) : std::string_view();
}

bool Lexicon::is_surname(std::string_view syllables) const {
    if (const char32_t syllable = hangul_syllable(syllables)) return one_syllable_surnames_[syllable - 0xAC00];
    return surnames_.contains(syllables);
}

bool Lexicon::surname_only_alone(std::string_view syllable) const {
    const char32_t code = hangul_syllable(syllable);
    return code && surnames_only_alone_[code - 0xAC00];
}

bool Lexicon::surname_reads_as_determiner(std::string_view surname) const {
    const std::string* option = surnames_.find(surname);
    return option && *option == "determiner";
}

bool Lexicon::is_company_head_title(std::string_view title) const {
    return std::find(company_head_titles_.begin(), company_head_titles_.end(), title) != company_head_titles_.end();
}

bool Lexicon::names_company_head(std::string_view text) const {
    // A title ends a word of the role (공동대표, 누리랩스 대표이사, (CEO)), not
    // as 부사장 or 부대표 end with 사장 and 대표.
    return std::any_of(company_head_titles_.begin(), company_head_titles_.end(), [&](const std::string& title) {
        for (std::size_t at = text.find(title); at != std::string_view::npos; at = text.find(title, at + 1)) {
            const std::size_t end = at + title.size();
            const bool ends_word = end == text.size() || std::string_view(" (),").find(text[end]) != std::string_view::npos ||
                                   text.substr(end).starts_with("·");
            const bool deputy = at >= kSyllableBytes && text.substr(at - kSyllableBytes, kSyllableBytes) == "부";
            if (ends_word && !deputy) return true;
        }
        return false;
    });
}

const Entity* Lexicon::find(std::string_view name, EntityKind kind) const {
    std::uint32_t group;
    if (!names_.find(name, group)) return nullptr;
    for (std::uint32_t e : groups_[group]) {
        if (entities_[e].kind == kind) return &entities_[e];
    }
    return nullptr;
}

// The bytes of the first (or last) character, as they are, hashed to 16
// bits: a word and an affix that share that character share its bytes,
// which is all a filter needs, and nothing is decoded (a broken sequence is
// just other bytes).
std::size_t Lexicon::AffixFilter::bit_of(std::string_view s, bool at_end) {
    std::size_t start = 0;
    std::size_t end = s.size();
    if (at_end) {
        start = s.size() - 1;
        while (start > 0 && s.size() - start < 4 && is_continuation_byte(s[start])) --start;
    } else {
        const auto lead = static_cast<unsigned char>(s[0]);
        end = std::min<std::size_t>(lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4, s.size());
    }
    std::uint32_t bytes = 0;
    for (std::size_t i = start; i < end; ++i) bytes = bytes << 8 | static_cast<unsigned char>(s[i]);
    return (bytes * 0x9E3779B1u) >> 16;
}

void Lexicon::AffixFilter::add(std::string_view affix, bool at_end) {
    if (affix.empty()) return;
    bits_[bit_of(affix, at_end)] = true;
    max_bytes_ = std::max(max_bytes_, affix.size());
}

void Lexicon::WordTable::insert(std::string_view word, std::string_view value) {
    if (contains(word)) return;
    entries_.emplace_back(word, value);
    if (entries_.size() * 2 > slots_.size()) {
        slots_.assign(std::max<std::size_t>(16, slots_.size() * 2), Slot{});
        for (std::size_t e = 0; e < entries_.size(); ++e) {
            const std::uint64_t h = hash_bytes(entries_[e].first);
            std::size_t slot = h & (slots_.size() - 1);
            while (slots_[slot].entry != 0) slot = (slot + 1) & (slots_.size() - 1);
            slots_[slot] = {static_cast<std::uint32_t>(h >> 32), static_cast<std::uint32_t>(e + 1)};
        }
        return;
    }
    const std::uint64_t h = hash_bytes(word);
    std::size_t slot = h & (slots_.size() - 1);
    while (slots_[slot].entry != 0) slot = (slot + 1) & (slots_.size() - 1);
    slots_[slot] = {static_cast<std::uint32_t>(h >> 32), static_cast<std::uint32_t>(entries_.size())};
}

const std::string* Lexicon::WordTable::find(std::string_view word) const {
    if (slots_.empty()) return nullptr;
    const std::uint64_t h = hash_bytes(word);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::size_t slot = h & (slots_.size() - 1);; slot = (slot + 1) & (slots_.size() - 1)) {
        const Slot& s = slots_[slot];
        if (s.entry == 0) return nullptr;
        if (s.hash == tag && entries_[s.entry - 1].first == word) return &entries_[s.entry - 1].second;
    }
}

bool Lexicon::AffixFilter::may_match(std::string_view word, bool at_end) const {
    return !word.empty() && bits_[bit_of(word, at_end)];
}

std::string_view Lexicon::word_class(std::string_view word) const {
    // Most words recur (see RecentAnswers); a class costs up to a dozen lookups.
    thread_local RecentAnswers<std::string_view, 4096, 30> recent;  // 224 KiB a thread
    return recent.answer(answer_owner_, word, [&] { return compute_word_class(word); });
}

std::string_view Lexicon::compute_word_class(std::string_view word) const {
    if (const std::string* cls = exact_words_.find(word)) return *cls;
    // Verbs are inflected (공개했다, 공개하며): their stems are listed as prefixes.
    // Prefixes are whole syllables, so try each syllable boundary (3 bytes in Hangul).
    if (prefix_filter_.may_match(word, /*at_end=*/false)) {
        for (std::size_t len = std::min(word.size(), prefix_filter_.max_bytes()); len > 0; --len) {
            if (len < word.size() && is_continuation_byte(word[len])) continue;
            if (const std::string* cls = prefix_words_.find(word.substr(0, len))) return *cls;
        }
    }
    if (suffix_filter_.may_match(word, /*at_end=*/true)) {
        const std::size_t longest = suffix_filter_.max_bytes();
        for (std::size_t start = word.size() > longest ? word.size() - longest : 1; start < word.size(); ++start) {
            if (is_continuation_byte(word[start])) continue;
            const std::string* cls = suffix_words_.find(word.substr(start));
            // After a hyphen, an organisation's ending is a model name's own part
            // (AF-마인드 14B), while a benchmark's still names one (K-리더보드, KJ-Bench);
            // a word not_names.txt lists only ends like one (운전자, 핀테크).
            if (cls && !(*cls == "orgname" && (word[start - 1] == '-' || is_not_name(word)))) return *cls;
        }
    }
    return {};
}

std::string_view Lexicon::title_suffix(std::string_view word) const {
    if (!title_filter_.may_match(word, /*at_end=*/true)) return {};
    const std::size_t longest = title_filter_.max_bytes();
    for (std::size_t start = word.size() > longest ? word.size() - longest : 0; start < word.size(); ++start) {
        if (is_continuation_byte(word[start])) continue;
        if (const std::string* title = title_suffixes_.find(word.substr(start))) return *title;
    }
    return {};
}

}  // namespace kfacts
