// Helpers for the output and CLI tests: running programs, temporary
// directories, and documents and facts built by hand.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>

#include "document/document.h"
#include "facts/fact.h"

namespace kfacts::testing {

struct CommandResult {
    int exit_code = -1;
    std::string out;  // stdout; stderr goes to the test's stderr
};

// Runs `command` with /bin/sh and collects its standard output.
inline CommandResult run(const std::string& command) {
    CommandResult result;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return result;
    char buffer[65536];
    std::size_t got;
    while ((got = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, got);
    const int status = ::pclose(pipe);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

// Single-quoted for /bin/sh.
inline std::string shell_quote(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

inline std::string read_file_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_file_bytes(const std::filesystem::path& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A fresh directory under the system's temporary directory, removed at the end.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "kfacts-test-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }
    std::string operator/(std::string_view name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

// A fact of `type` whose span is the first occurrence of `text` in the document.
inline Fact fact_at(const Document& doc, FactType type, std::string_view text) {
    Fact fact;
    fact.type = type;
    const std::size_t start = doc.source.find(text);
    if (start == std::string::npos) throw std::runtime_error("test text not in the document");
    fact.span = {start, start + text.size()};
    fact.rule = "test.rule";
    return fact;
}

inline ExactNumber exact(unsigned long long mantissa, int scale = 0, bool negative = false) {
    ExactNumber n;
    n.mantissa = mantissa;
    n.scale = scale;
    n.negative = negative;
    return n;
}

// /usr/bin/python3, as the tests use Debian's packages (python3-openpyxl).
inline std::string python() { return "/usr/bin/python3"; }

inline std::string python_helper(std::string_view name) {
    return shell_quote(std::string(KFACTS_SOURCE_DIR) + "/tests/python/" + std::string(name));
}

}  // namespace kfacts::testing
