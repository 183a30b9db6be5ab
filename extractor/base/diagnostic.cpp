#include "base/diagnostic.h"

namespace kfacts {

std::string_view code_name(DiagnosticCode code) {
    switch (code) {
        case DiagnosticCode::io_unreadable: return "io.unreadable";
        case DiagnosticCode::io_not_regular: return "io.not-regular";
        case DiagnosticCode::io_directory_loop: return "io.directory-loop";
        case DiagnosticCode::io_directory_repeated: return "io.directory-repeated";
        case DiagnosticCode::io_too_large: return "io.too-large";
        case DiagnosticCode::io_empty: return "io.empty";
        case DiagnosticCode::utf8_invalid: return "utf8.invalid";
        case DiagnosticCode::utf8_bom: return "utf8.bom";
        case DiagnosticCode::text_nul: return "text.nul";
        case DiagnosticCode::text_bidi_control: return "text.bidi-control";
        case DiagnosticCode::entity_invalid: return "entity.invalid";
        case DiagnosticCode::entity_unknown: return "entity.unknown";
        case DiagnosticCode::frontmatter_unterminated: return "frontmatter.unterminated";
        case DiagnosticCode::frontmatter_malformed: return "frontmatter.malformed";
        case DiagnosticCode::frontmatter_tab_indent: return "frontmatter.tab-indent";
        case DiagnosticCode::frontmatter_duplicate_key: return "frontmatter.duplicate-key";
        case DiagnosticCode::jsonl_malformed: return "jsonl.malformed";
        case DiagnosticCode::jsonl_missing_field: return "jsonl.missing-field";
        case DiagnosticCode::number_out_of_range: return "number.out-of-range";
        case DiagnosticCode::limit_facts: return "limit.facts";
        case DiagnosticCode::limit_quotes: return "limit.quotes";
        case DiagnosticCode::rule_error: return "rule.error";
    }
    return "unknown";
}

std::string_view severity_name(Severity level) {
    switch (level) {
        case Severity::info: return "info";
        case Severity::warning: return "warning";
        case Severity::error: return "error";
    }
    return "unknown";
}

}  // namespace kfacts
