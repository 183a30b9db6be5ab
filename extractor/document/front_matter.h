// Front matter as crawlers write it: a `---` line, `key: value` lines, a `---`
// line. Read leniently: tab-indented continuation lines (the multi-line
// `author:` block), double-quoted values holding HTML entities, empty values.
// Problems become diagnostics; reading never stops.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostic.h"

namespace kfacts {

struct FrontMatter {
    bool present = false;  // the input opens with a block that is closed by `---`
    // First byte after the closing `---` line; 0 without (complete) front matter.
    std::size_t body_start = 0;
    // Keys in order of appearance; values trimmed, quotes stripped, entities
    // decoded, continuation lines joined with single spaces.
    std::vector<std::pair<std::string, std::string>> fields;

    // The value of `key`, or nullptr.
    const std::string* find(std::string_view key) const;
};

// Reads the front matter at the start of `source` (after a byte order mark,
// if any). An unterminated block is reported and the whole input is body.
FrontMatter parse_front_matter(std::string_view source, std::vector<Diagnostic>& diagnostics);

}  // namespace kfacts
