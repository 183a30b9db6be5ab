// Internal to the document stage: how the readers in inputs.cpp turn bytes
// or failures into Documents.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "document/document.h"

namespace kfacts {

// A Document of text (a file's content, stdin). `bytes` may be only a prefix
// of the input; `total_size` is the input's size when known, for the message
// of io.too-large.
Document text_document(std::string path, std::string fallback_id, std::string bytes,
                       std::optional<std::size_t> total_size, const ReadLimits& limits);

// Whether `line` is one JSON object, as read_json_line reads a record
// (ill-formed UTF-8 in it replaced).
bool is_json_object(std::string_view line);

// A Document that stands for an input that could not be read as text.
Document failed_document(std::string path, std::string id, Severity level, DiagnosticCode code,
                         std::string message);

// The file name of `path` without its extension ("stdin" for "-"), as valid UTF-8.
std::string id_from_path(std::string_view path);

// The last component of `path` ("stdin" for "-"), as valid UTF-8.
std::string file_name_of(std::string_view path);

// Length of the longest prefix of `bytes` not longer than `max` that does not
// end inside a UTF-8 sequence.
std::size_t utf8_cut(std::string_view bytes, std::size_t max);

}  // namespace kfacts
