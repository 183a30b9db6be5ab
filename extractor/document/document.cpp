#include <algorithm>
#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "document/document_builder.h"
#include "document/front_matter.h"

namespace kfacts {

namespace {

std::string valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    char32_t cp;
    bool valid;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t length = utf8_sequence(s, i, cp, valid);
        if (valid) {
            out.append(s.substr(i, length));
        } else {
            append_utf8(out, 0xFFFD);
        }
        i += length;
    }
    return out;
}

std::optional<std::string> non_empty(const std::string* value) {
    if (!value || value->empty()) return std::nullopt;
    return *value;
}

// Cuts `source` to the size limit at a UTF-8 boundary, saying so.
void enforce_size_limit(Document& doc, std::optional<std::size_t> total_size, const ReadLimits& limits) {
    if (doc.source.size() <= limits.max_document_bytes) return;
    const std::size_t cut = utf8_cut(doc.source, limits.max_document_bytes);
    doc.diagnostics.push_back(
        {Severity::warning, DiagnosticCode::io_too_large,
         total_size ? fmt::format("input of {} bytes cut to its first {} bytes (limit {})", *total_size, cut,
                                  limits.max_document_bytes)
                    : fmt::format("input of more than {} bytes cut to its first {} bytes", limits.max_document_bytes,
                                  cut),
         std::nullopt});
    doc.source.resize(cut);
}

std::optional<nlohmann::json> parse_json(std::string_view text, std::string& error) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {  // parse errors, and numbers out of range (1e999)
        error = e.what();
        return std::nullopt;
    }
}

void normalize_body(Document& doc) {
    doc.text = normalize_text(doc.source, doc.body_start, doc.source.size(), doc.diagnostics);
    doc.source_valid_utf8 = !doc.text.source_had_invalid_utf8 &&
                            is_valid_utf8(std::string_view(doc.source).substr(0, doc.body_start));
}

}  // namespace

bool Document::has_error() const {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.level == Severity::error; });
}

std::size_t utf8_cut(std::string_view bytes, std::size_t max) {
    if (bytes.size() <= max) return bytes.size();
    std::size_t cut = max;
    // A UTF-8 sequence is at most four bytes: at most three continuation bytes to step back over.
    while (cut > 0 && max - cut < 3 && (static_cast<unsigned char>(bytes[cut]) & 0xC0) == 0x80) --cut;
    return cut;
}

std::string file_name_of(std::string_view path) {
    if (path == "-") return "stdin";
    const std::filesystem::path p{std::string(path)};
    const std::string name = p.filename().string();
    return valid_utf8(name.empty() ? std::string(path) : name);
}

std::string id_from_path(std::string_view path) {
    if (path == "-") return "stdin";
    const std::filesystem::path p{std::string(path)};
    const std::string stem = p.stem().string();
    return valid_utf8(stem.empty() ? std::string(path) : stem);
}

bool is_json_object(std::string_view line) {
    std::string error;
    std::optional<nlohmann::json> parsed = parse_json(line, error);
    if (!parsed) parsed = parse_json(valid_utf8(line), error);
    return parsed && parsed->is_object();
}

Document failed_document(std::string path, std::string id, Severity level, DiagnosticCode code,
                         std::string message) {
    Document doc;
    doc.meta.path = std::move(path);
    doc.meta.id = std::move(id);
    doc.diagnostics.push_back({level, code, std::move(message), std::nullopt});
    return doc;
}

Document text_document(std::string path, std::string fallback_id, std::string bytes,
                       std::optional<std::size_t> total_size, const ReadLimits& limits) {
    Document doc;
    doc.meta.path = std::move(path);
    doc.source = std::move(bytes);
    enforce_size_limit(doc, total_size, limits);
    if (doc.source.empty()) {
        doc.diagnostics.push_back({Severity::warning, DiagnosticCode::io_empty, "the input is empty", std::nullopt});
    }
    const FrontMatter front = parse_front_matter(doc.source, doc.diagnostics);
    doc.body_start = front.body_start;
    doc.meta.id = non_empty(front.find("id")).value_or(std::move(fallback_id));
    doc.meta.title = non_empty(front.find("title"));
    doc.meta.publisher = non_empty(front.find("publisher"));
    doc.meta.author = non_empty(front.find("author"));
    doc.meta.published_at = non_empty(front.find("published_at"));
    doc.meta.url = non_empty(front.find("url"));
    normalize_body(doc);
    return doc;
}

Document read_document_bytes(std::string path, std::string bytes, const ReadLimits& limits) {
    std::string id = id_from_path(path);
    const std::size_t size = bytes.size();
    return text_document(std::move(path), std::move(id), std::move(bytes), size, limits);
}

Document read_json_line(const std::string& path, std::size_t line_number, std::string_view line,
                        const ReadLimits& limits) {
    Document doc;
    doc.meta.path = path;
    doc.meta.id = fmt::format("{}:{}", file_name_of(path), line_number);
    doc.source_field = "body";
    doc.input_line = line_number;
    const auto problem = [&](Severity level, DiagnosticCode code, std::string what) {
        doc.diagnostics.push_back({level, code, fmt::format("line {}: {}", line_number, what), std::nullopt});
    };

    if (line_number == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    std::string parse_error;
    std::optional<nlohmann::json> parsed = parse_json(line, parse_error);
    if (!parsed) {
        // JSON must be UTF-8; a record with a few bad bytes is still read, with them replaced.
        const std::string repaired = valid_utf8(line);
        if (repaired != line && (parsed = parse_json(repaired, parse_error))) {
            problem(Severity::warning, DiagnosticCode::utf8_invalid, "invalid UTF-8 in the record replaced by U+FFFD");
        }
    }
    if (!parsed) {
        problem(Severity::error, DiagnosticCode::jsonl_malformed, fmt::format("not valid JSON: {}", parse_error));
        return doc;
    }
    const nlohmann::json& record = *parsed;
    if (!record.is_object()) {
        problem(Severity::error, DiagnosticCode::jsonl_malformed, "not a JSON object");
        return doc;
    }

    // A field as text: strings as they are, numbers written out, null or absent as nothing.
    const auto field = [&](const char* name) -> std::optional<std::string> {
        const auto it = record.find(name);
        if (it == record.end() || it->is_null()) return std::nullopt;
        if (it->is_string()) return it->get<std::string>();
        if (it->is_number()) return it->dump();
        problem(Severity::warning, DiagnosticCode::jsonl_malformed, fmt::format("field `{}` is not a string", name));
        return std::nullopt;
    };
    const auto decoded = [&](const char* name) -> std::optional<std::string> {
        auto value = field(name);
        if (!value || value->empty()) return std::nullopt;
        return decode_entities(*value);
    };

    if (auto id = field("id"); id && !id->empty()) {
        doc.meta.id = std::move(*id);
    } else {
        problem(Severity::warning, DiagnosticCode::jsonl_missing_field,
                fmt::format("no `id`; the record is called {}", doc.meta.id));
    }
    doc.meta.title = decoded("title");
    doc.meta.publisher = decoded("publisher");
    doc.meta.author = decoded("author");
    doc.meta.published_at = decoded("published_at");
    doc.meta.url = decoded("url");
    if (auto body = field("body")) {
        doc.source = std::move(*body);
    } else {
        problem(Severity::error, DiagnosticCode::jsonl_missing_field, "no `body`: nothing to read");
        return doc;
    }
    enforce_size_limit(doc, doc.source.size(), limits);
    normalize_body(doc);
    return doc;
}

}  // namespace kfacts
