// One way to report a problem with an input: a Diagnostic with a stable code,
// a message for people and, where it has one, the span it concerns.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/span.h"

namespace kfacts {

enum class Severity { info, warning, error };

// Every diagnostic the pipeline emits has one of these codes. The string form
// (see code_name) is part of the output contract: tools match on it.
enum class DiagnosticCode {
    io_unreadable,              // io.unreadable: the input could not be read
    io_not_regular,             // io.not-regular: not a file or directory
    io_directory_loop,          // io.directory-loop: a symlink leads back up
    io_directory_repeated,      // io.directory-repeated: a directory already read, reached again
    io_too_large,               // io.too-large: document cut at the size limit
    io_empty,                   // io.empty: an input that holds no text or no record
    utf8_invalid,               // utf8.invalid: ill-formed UTF-8, replaced by U+FFFD
    utf8_bom,                   // utf8.bom: byte order mark not at the start
    text_nul,                   // text.nul: NUL byte
    text_bidi_control,          // text.bidi-control: direction control character
    entity_invalid,             // entity.invalid: entity naming no character
    entity_unknown,             // entity.unknown: &name; that HTML does not define
    frontmatter_unterminated,   // frontmatter.unterminated: no closing ---
    frontmatter_malformed,      // frontmatter.malformed: a line that is not key: value
    frontmatter_tab_indent,     // frontmatter.tab-indent: tab-indented continuation
    frontmatter_duplicate_key,  // frontmatter.duplicate-key
    jsonl_malformed,            // jsonl.malformed: a line that is not a JSON object
    jsonl_missing_field,        // jsonl.missing-field
    number_out_of_range,        // number.out-of-range: too large to represent exactly
    limit_facts,                // limit.facts: facts per document limit reached
    limit_quotes,               // limit.quotes: too many unpaired quotation marks
    rule_error,                 // rule.error: a rule failed at run time
};

std::string_view code_name(DiagnosticCode code);
std::string_view severity_name(Severity level);

struct Diagnostic {
    Severity level = Severity::warning;
    DiagnosticCode code = DiagnosticCode::io_unreadable;
    std::string message;
    std::optional<ByteSpan> span;
};

}  // namespace kfacts
