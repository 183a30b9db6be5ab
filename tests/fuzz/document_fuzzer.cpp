// The document reader on any bytes: as a file (front matter, decoding, the
// offset map), as a JSON Lines record, and as a .jsonl file read through
// read_inputs, which must give exactly one Document per non-blank line (one
// for a file with none).
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "fuzz_support.h"

using namespace kfacts;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::extractor();  // loads the entity table the reader decodes with
    return 0;
}

namespace {

// The lines that hold a record: a byte order mark alone on the first line
// leaves it blank, as the JSON Lines reader reads it.
std::size_t non_blank_lines(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (start == 0 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) ++count;
        start = end + 1;
    }
    return count;
}

// A file of this process's own for the JSON Lines reader, removed at exit.
struct ScratchFile {
    std::string path = "/tmp/kfacts-document-fuzzer-" + std::to_string(::getpid()) + ".jsonl";
    ~ScratchFile() { std::remove(path.c_str()); }
};

void check_json_lines_file(std::string_view text) {
    static const ScratchFile scratch;
    const std::string& path = scratch.path;
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(text.data(), static_cast<std::streamsize>(text.size()));
    std::size_t documents = 0;
    read_inputs({path}, ReadLimits{}, [&](Document&& doc) {
        fuzz::check_document(doc);
        ++documents;
    });
    FUZZ_CHECK(documents == std::max<std::size_t>(1, non_blank_lines(text)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);

    const Document doc = read_document_bytes("fuzz.txt", std::string(text));
    fuzz::check_document(doc);
    FUZZ_CHECK(doc.source == text);

    // A small size limit cuts at a UTF-8 boundary and says so.
    ReadLimits small;
    small.max_document_bytes = size / 2;
    const Document cut = read_document_bytes("fuzz.txt", std::string(text), small);
    fuzz::check_document(cut);
    FUZZ_CHECK(cut.source.size() <= small.max_document_bytes);
    if (size > small.max_document_bytes) {
        FUZZ_CHECK(std::any_of(cut.diagnostics.begin(), cut.diagnostics.end(),
                               [](const Diagnostic& d) { return d.code == DiagnosticCode::io_too_large; }));
    }

    if (text.find('\n') == std::string_view::npos) fuzz::check_document(read_json_line("fuzz.jsonl", 1, text));
    check_json_lines_file(text);
    return 0;
}
