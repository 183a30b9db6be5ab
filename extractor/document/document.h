// Reading a document: files, directories, stdin and JSON Lines records, with
// lenient front matter. The result keeps the original bytes, so every span
// can be checked against them.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"
#include "document/normalized_text.h"

namespace kfacts {

struct DocumentMeta {
    std::string id;
    std::string path;  // as given on the command line (or "-" for stdin)
    std::optional<std::string> title;
    std::optional<std::string> publisher;
    std::optional<std::string> author;
    std::optional<std::string> published_at;
    std::optional<std::string> url;
};

struct Document {
    DocumentMeta meta;
    // The bytes that spans index: the file as read, or the decoded `body`
    // string of a JSON Lines record.
    std::string source;
    // "body" for JSON Lines records (spans count inside that field); empty for files.
    std::string source_field;
    // Where the analysed text starts in `source` (after front matter).
    std::size_t body_start = 0;
    // 1-based line in the input file of `source`'s first byte. 1 for files;
    // for JSON Lines, the line of the record (used in messages).
    std::size_t input_line = 1;
    NormalizedText text;  // normalised source[body_start, end)
    // Whether all of `source` is known to be well-formed UTF-8 (decoding
    // checked it); false also where it was not checked.
    bool source_valid_utf8 = false;
    std::vector<Diagnostic> diagnostics;

    bool has_error() const;
};

// Limits that keep memory bounded whatever arrives (docs/limits.md).
struct ReadLimits {
    // Larger inputs are cut to their first max_document_bytes, with
    // io.too-large. Analysing a document takes about 80 times its size in
    // memory, so this bounds each extraction thread to some 20 MB; news
    // articles are 2 to 50 KB.
    std::size_t max_document_bytes = 256u << 10;
    // A JSON Lines line longer than this is skipped (with io.too-large), so a
    // file without line ends cannot take all memory. JSON escapes make a
    // record up to a few times longer than its body.
    std::size_t max_record_bytes = 8u << 20;
};

// A file by device and inode: the same file whichever path names it.
struct FileId {
    std::uint64_t device = 0;
    std::uint64_t inode = 0;
    auto operator<=>(const FileId&) const = default;
};

// The regular file at `path` (symlinks followed), or open as `descriptor`;
// none when there is none or it is something else (a directory, a FIFO).
std::optional<FileId> regular_file_id(const std::string& path);
std::optional<FileId> regular_file_id(int descriptor);

// Builds a Document from bytes already in memory (a file's content).
Document read_document_bytes(std::string path, std::string bytes, const ReadLimits& limits = {});

// Builds the Document of one JSON Lines record: `line` is line `line_number`
// of the file at `path`. A line that is not a usable record still gives a
// Document, with an error diagnostic, whose id is "<file name>:<line>".
Document read_json_line(const std::string& path, std::size_t line_number, std::string_view line,
                        const ReadLimits& limits = {});

// Reads one path as a file, never as a directory: a .jsonl file gives one
// Document per record, any other file one Document. A path that cannot be
// read (missing, a directory, an I/O error) gives one Document with an
// io.unreadable error.
void read_file(const std::string& path, const ReadLimits& limits, const std::function<void(Document&&)>& sink);

// Reads every document behind the given paths, in order, calling `sink` for
// each as soon as it is read: files (.txt, .md, anything else read as text),
// directories (recursive, sorted by name; only their .txt, .md and .jsonl
// files, in any case, and no hidden ones; within a directory named, each
// directory once, a symlink loop or another path to a directory read already
// reported), "-" for stdin (JSON Lines when its first line that holds
// anything, after a byte order mark, is a JSON object; else one document),
// and .jsonl files (one document per line). Every input yields at least one
// Document; an unreadable one carries an error diagnostic. `outputs` are the
// files the run writes: a directory walk skips them, so a run never reads
// what it is writing.
void read_inputs(const std::vector<std::string>& paths, const ReadLimits& limits,
                 const std::function<void(Document&&)>& sink, const std::vector<FileId>& outputs = {});

}  // namespace kfacts
