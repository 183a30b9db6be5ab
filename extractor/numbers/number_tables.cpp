#include "numbers/number_tables.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

#include "base/span.h"
#include "numbers/number_grammar.h"

namespace kfacts {
namespace numbers_detail {
namespace {

struct Row {
    std::size_t line = 0;
    std::vector<std::string> fields;
};

[[noreturn]] void fail(const std::string& path, std::size_t line, std::string_view problem) {
    throw std::runtime_error(fmt::format("{}:{}: {}", path, line, problem));
}

// Rows of a tab-separated file without blank lines and # comments; each row
// must have between min_fields and max_fields fields.
std::vector<Row> read_rows(const std::string& path, std::size_t min_fields, std::size_t max_fields) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(fmt::format("{}: cannot open", path));
    std::vector<Row> rows;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        Row row{number, {}};
        std::size_t start = 0;
        for (;;) {
            const std::size_t tab = line.find('\t', start);
            row.fields.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        if (row.fields.size() < min_fields || row.fields.size() > max_fields)
            fail(path, number, fmt::format("expected {} fields, found {}", min_fields, row.fields.size()));
        for (const std::string& field : row.fields)
            if (field.empty()) fail(path, number, "empty field");
        rows.push_back(std::move(row));
    }
    return rows;
}

int parse_int(const std::string& path, std::size_t line, const std::string& text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size())
        fail(path, line, fmt::format("'{}' is not a number", text));
    return value;
}

void load_units(const std::string& path, WordTable<Unit>& table) {
    static const std::pair<std::string_view, UnitKind> kKinds[] = {
        {"quantity", UnitKind::quantity}, {"score", UnitKind::score},   {"ordinal", UnitKind::ordinal},
        {"year", UnitKind::year},         {"month", UnitKind::month},   {"day", UnitKind::day},
        {"hour", UnitKind::hour},         {"minute", UnitKind::minute}, {"second", UnitKind::second},
        {"date", UnitKind::date},         {"rank_or_count", UnitKind::rank_or_count}};
    for (const Row& row : read_rows(path, 4, 4)) {
        Unit unit{row.fields[0], row.fields[1]};
        const auto kind = std::find_if(std::begin(kKinds), std::end(kKinds),
                                       [&](const auto& k) { return k.first == row.fields[2]; });
        if (kind == std::end(kKinds)) fail(path, row.line, fmt::format("unknown kind '{}'", row.fields[2]));
        unit.kind = kind->second;
        if (row.fields[3] != "-") {
            std::size_t start = 0;
            for (;;) {
                const std::size_t comma = row.fields[3].find(',', start);
                const std::string flag = row.fields[3].substr(start, comma - start);
                if (flag == "spaced") unit.spaced = true;
                else if (flag == "native") unit.native = true;
                else if (flag == "approximate") unit.approximate = true;
                else if (flag == "duration") unit.duration = true;
                else if (flag == "date_suffix") unit.date_suffix = true;
                else if (flag == "ends_word") unit.ends_word = true;
                else fail(path, row.line, fmt::format("unknown flag '{}'", flag));
                if (comma == std::string::npos) break;
                start = comma + 1;
            }
        }
        table.add(std::move(unit));
    }
    table.finish();
}

void load_qualifiers(const std::string& path, WordTable<Qualifier>& table) {
    static const std::pair<std::string_view, QualifierRole> kRoles[] = {
        {"before", QualifierRole::before},
        {"after", QualifierRole::after},
        {"infix", QualifierRole::infix},
        {"duration", QualifierRole::duration},
        {"date_suffix", QualifierRole::date_suffix},
        {"max_score", QualifierRole::max_score},
        {"max_score_link", QualifierRole::max_score_link},
        {"time_prefix", QualifierRole::time_prefix},
        {"ordinal_prefix", QualifierRole::ordinal_prefix},
        {"unit_prefix", QualifierRole::unit_prefix},
        {"fraction", QualifierRole::fraction}};
    static const std::pair<std::string_view, Bound> kBounds[] = {{"at_least", Bound::at_least},
                                                                 {"at_most", Bound::at_most},
                                                                 {"more_than", Bound::more_than},
                                                                 {"less_than", Bound::less_than}};
    for (const Row& row : read_rows(path, 4, 4)) {
        Qualifier qualifier{.text = row.fields[0]};
        const auto role = std::find_if(std::begin(kRoles), std::end(kRoles),
                                       [&](const auto& r) { return r.first == row.fields[1]; });
        if (role == std::end(kRoles)) fail(path, row.line, fmt::format("unknown role '{}'", row.fields[1]));
        qualifier.role = role->second;
        const std::string& effect = row.fields[2];
        const auto bound = std::find_if(std::begin(kBounds), std::end(kBounds),
                                        [&](const auto& b) { return b.first == effect; });
        if (qualifier.role == QualifierRole::time_prefix) {
            qualifier.hour_offset = parse_int(path, row.line, effect);
        } else if (qualifier.role == QualifierRole::unit_prefix) {
            qualifier.unit = effect;
        } else if (effect == "approximate") {
            qualifier.approximate = true;
        } else if (bound != std::end(kBounds)) {
            qualifier.bound = bound->second;
        } else if (effect != "-") {
            fail(path, row.line, fmt::format("unknown effect '{}'", effect));
        }
        const std::string& attach = row.fields[3];
        if (attach == "glued") {
            qualifier.spaced = false;
        } else if (attach == "spaced") {
            qualifier.glued = false;
            qualifier.spaced = true;
        } else if (attach == "either") {
            qualifier.spaced = true;
        } else {
            fail(path, row.line, fmt::format("unknown attach '{}'", attach));
        }
        table.add(std::move(qualifier));
    }
    table.finish();
}

void load_native_numerals(const std::string& path, WordTable<NativeNumeral>& table) {
    static const std::pair<std::string_view, NativeForm> kForms[] = {{"unit", NativeForm::unit},
                                                                     {"tens", NativeForm::tens},
                                                                     {"alone", NativeForm::alone},
                                                                     {"ordinal", NativeForm::ordinal}};
    for (const Row& row : read_rows(path, 3, 3)) {
        NativeNumeral numeral{row.fields[0], parse_int(path, row.line, row.fields[1])};
        const auto form = std::find_if(std::begin(kForms), std::end(kForms),
                                       [&](const auto& f) { return f.first == row.fields[2]; });
        if (form == std::end(kForms)) fail(path, row.line, fmt::format("unknown form '{}'", row.fields[2]));
        numeral.form = form->second;
        table.add(std::move(numeral));
    }
    table.finish();
}

void load_words(const std::string& path, WordTable<Word>& table) {
    for (const Row& row : read_rows(path, 1, 1)) table.add(Word{row.fields[0]});
    table.finish();
}

// Alternation of the texts, longest first, each quoted for RE2.
template <class Entry, class Accept>
std::string alternation(const WordTable<Entry>& table, Accept accept) {
    std::string out;
    for (const Entry& entry : table.entries()) {
        if (!accept(entry)) continue;
        if (!out.empty()) out += '|';
        out += RE2::QuoteMeta(entry.text);
    }
    return out;
}

// What candidate_pattern and CandidateStarts both read, so that they read
// the same: the Sino-Korean numerals (digits, then multipliers), and the
// native number words, tens and units combined first (스물다섯), then each
// word of the table.
std::string sino_numeral_chars() { return fmt::format("{}{}", sino_digit_chars(), sino_multiplier_chars()); }

std::vector<std::string> native_number_words(const WordTable<NativeNumeral>& natives) {
    std::vector<std::string> words;
    for (const NativeNumeral& tens : natives.entries()) {
        if (tens.form != NativeForm::tens) continue;
        for (const NativeNumeral& unit : natives.entries())
            if (unit.form == NativeForm::unit) words.push_back(tens.text + unit.text);
    }
    for (const NativeNumeral& n : natives.entries()) words.push_back(n.text);
    return words;
}

std::string candidate_pattern(const WordTable<NativeNumeral>& natives, const WordTable<Unit>& units) {
    const std::string multipliers(sino_multiplier_chars());
    // Native numbers: a native word, then a counter.
    std::string native_words;
    for (const std::string& word : native_number_words(natives)) {
        if (!native_words.empty()) native_words += '|';
        native_words += RE2::QuoteMeta(word);
    }
    const std::string native_counters = alternation(units, [](const Unit& u) { return u.native; });
    return fmt::format("(?:[{0}]+[{1}]|[{1}][{0}])[{0}]*|(?:{2}) ?(?:{3})", sino_numeral_chars(), multipliers,
                       native_words, native_counters);
}

// The code points of a table entry. (Entries are well-formed UTF-8: RE2
// refuses the number pattern if one is not.)
std::vector<char32_t> code_points(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp;
        bool valid;
        i += utf8_sequence(s, i, cp, valid);
        out.push_back(cp);
    }
    return out;
}

}  // namespace

// A digit, and the heads of candidate_pattern's alternatives, in its order:
// two numerals (one of them a multiplier, which the pattern checks); a native
// word, then a space or a counter.
CandidateStarts::CandidateStarts(const WordTable<NativeNumeral>& natives, const WordTable<Unit>& units) {
    for (char c = '0'; c <= '9'; ++c) alone_[static_cast<std::size_t>(c)] = first_[static_cast<std::size_t>(c)] = true;
    const auto numerals = code_points(sino_numeral_chars());
    for (char32_t a : numerals) {
        for (char32_t b : numerals) add(a, b);
    }
    for (const std::string& word : native_number_words(natives)) {
        const auto chars = code_points(word);
        if (chars.size() > 1) {
            add(chars[0], chars[1]);
            continue;
        }
        if (chars.empty()) continue;
        add(chars[0], U' ');
        for (const Unit& counter : units.entries()) {
            if (!counter.native) continue;
            if (counter.text.empty()) {
                alone_[chars[0] % kFirstBits] = true;
            } else {
                add(chars[0], code_points(counter.text)[0]);
            }
        }
    }
}

void CandidateStarts::add(char32_t first, char32_t second) {
    first_[first % kFirstBits] = true;
    pair_[pair_bit(first, second)] = true;
}

std::size_t CandidateStarts::next(std::string_view text, std::size_t pos) const {
    // The code point at i and its length; ASCII and three-byte sequences (all
    // of Hangul) read inline. No alternative starts inside a sequence, so
    // stepping over an ill-formed one skips no start.
    const auto read = [&](std::size_t i, char32_t& cp) -> std::size_t {
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
        const unsigned lead = byte(i);
        if (lead < 0x80) {
            cp = lead;
            return 1;
        }
        // Any lead of E0..EF, not only is_plain_three_byte_sequence's: ED
        // starts a tenth of Hangul (한). An overlong or a surrogate read here
        // is no real character, so it can make a false start at most.
        if (lead >= 0xE0 && lead < 0xF0 && i + 2 < text.size() && (byte(i + 1) & 0xC0) == 0x80 &&
            (byte(i + 2) & 0xC0) == 0x80) {
            cp = (lead & 0x0F) << 12 | (byte(i + 1) & 0x3F) << 6 | (byte(i + 2) & 0x3F);
            return 3;
        }
        bool valid;
        return utf8_sequence(text, i, cp, valid);
    };
    while (pos < text.size()) {
        char32_t first;
        const std::size_t length = read(pos, first);
        if (first_[first % kFirstBits]) {
            if (alone_[first % kFirstBits]) return pos;
            char32_t second = 0;
            if (pos + length < text.size()) read(pos + length, second);
            if (pair_[pair_bit(first, second)]) return pos;
        }
        pos += length;
    }
    return text.size();
}

}  // namespace numbers_detail

std::shared_ptr<const QuantityFinder::Tables> QuantityFinder::Tables::load(const std::string& numbers_dir) {
    using namespace numbers_detail;
    auto tables = std::make_shared<Tables>();
    load_units(numbers_dir + "/units.tsv", tables->units);
    load_qualifiers(numbers_dir + "/qualifiers.tsv", tables->qualifiers);
    load_native_numerals(numbers_dir + "/native_numerals.tsv", tables->native_numerals);
    load_words(numbers_dir + "/particles.tsv", tables->particles);
    load_words(numbers_dir + "/not_multipliers.tsv", tables->not_multipliers);
    RE2::Options options;
    options.set_log_errors(false);
    tables->candidates = std::make_unique<RE2>(candidate_pattern(tables->native_numerals, tables->units), options);
    if (!tables->candidates->ok())
        throw std::runtime_error(
            fmt::format("{}: cannot compile the number pattern: {}", numbers_dir, tables->candidates->error()));
    tables->candidate_starts = std::make_unique<const CandidateStarts>(tables->native_numerals, tables->units);
    return tables;
}

}  // namespace kfacts
