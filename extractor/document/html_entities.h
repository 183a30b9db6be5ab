// HTML character references (`&amp;`, `&#39;`, `&#x27;`): the HTML5 table,
// loaded once from rules/html_entities.tsv, and the reading of one reference.
#pragma once

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kfacts {

// An entity table that cannot be used: what() is "file:line: problem".
class EntityTableError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What stands at an '&' in the text.
struct EntityReference {
    enum class Kind {
        none,     // not a reference: the '&' is a plain character
        decoded,  // a reference to `code_points`
        invalid,  // a numeric reference naming no usable character (&#0;, &#xD800;, &#99999999;)
        unknown,  // `&name;` that HTML does not define: stays as written
    };
    Kind kind = Kind::none;
    std::size_t length = 0;  // bytes from the '&' to the ';' inclusive (0 for none)
    std::array<char32_t, 2> code_points{};  // some named references stand for two
    std::size_t count = 0;                  // code points used in `code_points`
};

class HtmlEntityTable {
public:
    // Reads a table file (see rules/html_entities.tsv); throws EntityTableError.
    static HtmlEntityTable load(const std::string& path);

    // Reads the reference starting at text[at] == '&'. Only references ending in
    // ';' count; numeric ones follow HTML5 (windows-1252 for &#128;..&#159;).
    EntityReference read(std::string_view text, std::size_t at) const;

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    struct Value {
        std::array<char32_t, 2> code_points{};
        std::size_t count = 0;
    };
    EntityReference read_numeric(std::string_view text, std::size_t at) const;

    std::unordered_map<std::string, Value, Hash, std::equal_to<>> named_;  // name without & and ;
    std::unordered_map<char32_t, char32_t> numeric_overrides_;
};

// The table normalisation uses, loaded on first use from `rules_dir`
// (html_entities.tsv in it). The first successful call wins: later calls
// return that table whatever their argument. Throws EntityTableError when the
// file cannot be used, so a program calls it once at start-up to fail early.
const HtmlEntityTable& html_entities(const std::string& rules_dir);

// The same, from $KFACTS_RULES if set, else the build's KFACTS_RULES_DIR.
const HtmlEntityTable& html_entities();

}  // namespace kfacts
