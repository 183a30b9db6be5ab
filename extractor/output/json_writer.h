// kfacts/1 as JSON: one document per line (jsonl) or indented (json). Written
// straight into a string buffer, without building a DOM per fact.
#pragma once

#include <string>
#include <vector>

#include "base/span.h"
#include "document/document.h"
#include "facts/fact.h"

namespace kfacts {

struct JsonStyle {
    bool pretty = false;   // indented, for people at a terminal
    bool explain = false;  // each fact's matched tokens
};

// Appends one kfacts/1 document (and a newline) to `out`.
void append_document_json(std::string& out, const Document& doc, const std::vector<Fact>& facts,
                          const JsonStyle& style);

// Appends `s` as a JSON string; ill-formed UTF-8 becomes U+FFFD.
void append_json_string(std::string& out, std::string_view s);

}  // namespace kfacts
