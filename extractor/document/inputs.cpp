// Reading inputs from the file system and stdin with plain POSIX reads.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <map>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "document/document_builder.h"

namespace kfacts {

namespace {

using Sink = std::function<void(Document&&)>;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

std::string os_error(int error) { return std::error_code(error, std::generic_category()).message(); }

// Whether `path` ends with `extension` (lower case), in any case.
bool has_extension(std::string_view path, std::string_view extension) {
    if (path.size() < extension.size()) return false;
    const std::string_view tail = path.substr(path.size() - extension.size());
    return std::equal(tail.begin(), tail.end(), extension.begin(),
                      [](char a, char b) { return (a >= 'A' && a <= 'Z' ? a - 'A' + 'a' : a) == b; });
}

// The files a directory walk reads; the rest of a corpus folder (expected
// facts as .json, images, spreadsheets) is no article.
bool is_article_file_name(std::string_view path) {
    return has_extension(path, ".txt") || has_extension(path, ".md") || has_extension(path, ".jsonl");
}

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (fd_ > 2) ::close(fd_);
    }
    int get() const { return fd_; }

private:
    int fd_;
};

// Buffered reads from a descriptor, line by line or all at once, in
// constant memory apart from what the caller keeps.
class Reader {
public:
    explicit Reader(int fd) : fd_(fd), buffer_(kBufferSize) {}

    // The next line without its line end. A line longer than `max_bytes` is
    // consumed whole but kept only in part, and `too_long` is set. False when
    // the input is exhausted (or failed: see error()).
    bool next_line(std::string& line, std::size_t max_bytes, bool& too_long) {
        line.clear();
        too_long = false;
        bool any = false;
        while (true) {
            if (pos_ == size_ && !fill()) break;
            any = true;
            const char* start = buffer_.data() + pos_;
            const void* newline = std::memchr(start, '\n', size_ - pos_);
            const std::size_t length =
                newline ? static_cast<std::size_t>(static_cast<const char*>(newline) - start) : size_ - pos_;
            const std::size_t room = max_bytes > line.size() ? max_bytes - line.size() : 0;
            line.append(start, std::min(length, room));
            too_long = too_long || length > room;
            pos_ += length;
            if (newline) {
                ++pos_;
                break;
            }
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return any;
    }

    // The first line that holds more than white space, after a byte order
    // mark at the very start, without consuming anything: at most `max_bytes`
    // of it, and `cut` set when it is longer. Empty at the end of the input or
    // after kMaxPeek bytes of white space. Valid until the reader reads on.
    std::string_view peek_first_line(std::size_t max_bytes, bool& cut) {
        cut = false;
        while (size_ - pos_ < kByteOrderMark.size() && append_more()) {
        }
        std::size_t start = pos_;
        if (std::string_view(buffer_.data() + pos_, size_ - pos_).starts_with(kByteOrderMark)) {
            start += kByteOrderMark.size();
        }
        for (;; ++start) {
            if (start == size_ && (size_ - pos_ >= kMaxPeek || !append_more())) return {};
            const char c = buffer_[start];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
        }
        std::size_t end = start;
        while (true) {
            if (const void* newline = std::memchr(buffer_.data() + end, '\n', size_ - end)) {
                end = static_cast<std::size_t>(static_cast<const char*>(newline) - buffer_.data());
                break;
            }
            end = size_;
            if (end - start > max_bytes || !append_more()) break;
        }
        cut = end - start > max_bytes;
        return std::string_view(buffer_.data() + start, std::min(end - start, max_bytes));
    }

    // Everything left, keeping at most `max_bytes` + 1 (to tell an input over the limit).
    std::string rest(std::size_t max_bytes) {
        std::string out(buffer_.data() + pos_, size_ - pos_);
        pos_ = size_;
        while (out.size() <= max_bytes && fill()) {
            out.append(buffer_.data(), size_);
            pos_ = size_;
        }
        return out;
    }

    int error() const { return error_; }

private:
    static constexpr std::size_t kBufferSize = 64 * 1024;
    static constexpr std::size_t kMaxPeek = 1 << 20;

    // Replaces the buffer's content with the next bytes.
    bool fill() {
        pos_ = 0;
        size_ = 0;
        return append_more();
    }

    // Reads more bytes after those in the buffer, growing it when full.
    bool append_more() {
        if (size_ == buffer_.size()) buffer_.resize(buffer_.size() + kBufferSize);
        while (true) {
            const ssize_t got = ::read(fd_, buffer_.data() + size_, buffer_.size() - size_);
            if (got > 0) {
                size_ += static_cast<std::size_t>(got);
                return true;
            }
            if (got < 0 && errno == EINTR) continue;
            if (got < 0) error_ = errno;
            return false;
        }
    }

    int fd_;
    std::vector<char> buffer_;
    std::size_t pos_ = 0;
    std::size_t size_ = 0;
    int error_ = 0;
};

// Reads up to `max_bytes` + 1 bytes of a descriptor; 0 on success, else
// errno. `expected_size` (a regular file's size) reserves the string once.
int read_up_to(int fd, std::size_t max_bytes, std::optional<std::size_t> expected_size, std::string& out) {
    out.reserve(std::min(expected_size.value_or(0), max_bytes) + 1);
    std::array<char, 64 * 1024> chunk;
    while (out.size() <= max_bytes) {
        const std::size_t want = std::min(chunk.size(), max_bytes + 1 - out.size());
        const ssize_t got = ::read(fd, chunk.data(), want);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return errno;
        if (got == 0) break;
        out.append(chunk.data(), static_cast<std::size_t>(got));
    }
    return 0;
}

void read_json_lines(const std::string& path, Reader& reader, const ReadLimits& limits, const Sink& sink) {
    std::string line;
    bool too_long = false;
    std::size_t line_number = 0;
    bool any_record = false;
    while (reader.next_line(line, limits.max_record_bytes, too_long)) {
        ++line_number;
        if (too_long) {
            sink(failed_document(path, fmt::format("{}:{}", file_name_of(path), line_number), Severity::error,
                                 DiagnosticCode::io_too_large,
                                 fmt::format("line {} is longer than {} bytes; skipped", line_number,
                                             limits.max_record_bytes)));
            any_record = true;
            continue;
        }
        // A byte order mark alone on the first line leaves it blank.
        const std::size_t content = line_number == 1 && line.starts_with(kByteOrderMark) ? kByteOrderMark.size() : 0;
        if (line.find_first_not_of(" \t\r", content) == std::string::npos) continue;
        sink(read_json_line(path, line_number, line, limits));
        any_record = true;
    }
    if (reader.error()) {
        sink(failed_document(path, fmt::format("{}:{}", file_name_of(path), line_number + 1), Severity::error,
                             DiagnosticCode::io_unreadable,
                             fmt::format("cannot read {} after line {}: {}", path, line_number,
                                         os_error(reader.error()))));
        return;
    }
    if (!any_record) {
        sink(failed_document(path, id_from_path(path), Severity::warning, DiagnosticCode::io_empty,
                             fmt::format("{} holds no JSON Lines record", path)));
    }
}

void read_stdin(const ReadLimits& limits, const Sink& sink) {
    Reader reader(STDIN_FILENO);
    // JSON Lines when the first line that holds anything is a JSON object, or
    // starts as one with a key (`{"id":` — a broken first record is an error
    // record, not the start of a text); text may start with a brace ({속보}).
    // A first line too long to be a record counts when it starts as one, so
    // that the stream after it is still read as records.
    bool cut = false;
    const std::string_view first = reader.peek_first_line(limits.max_record_bytes, cut);
    const std::size_t key = first.find_first_not_of(" \t", 1);
    const bool keyed = first.starts_with('{') && key != std::string_view::npos && first[key] == '"';
    if (cut ? first.starts_with('{') : (keyed || is_json_object(first))) {
        read_json_lines("-", reader, limits, sink);
        return;
    }
    std::string bytes = reader.rest(limits.max_document_bytes);
    if (reader.error()) {
        sink(failed_document("-", "stdin", Severity::error, DiagnosticCode::io_unreadable,
                             fmt::format("cannot read standard input: {}", os_error(reader.error()))));
        return;
    }
    sink(text_document("-", "stdin", std::move(bytes), std::nullopt, limits));
}

FileId file_id_of(const struct stat& st) {
    return {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

// One walk through the directories named on the command line.
struct Walk {
    const ReadLimits& limits;
    const Sink& sink;
    const std::vector<FileId>& outputs;
    std::vector<FileId> ancestors;               // the directories being listed, outermost first
    std::map<FileId, std::string> directories;  // every directory read, with the path it was read as
};

void walk_directory(const std::string& dir, Walk& walk);

// Reads a directory once: a symlink loop would read it forever, and two
// symlinks to the same directory at each of a few levels would read its
// files exponentially often.
void read_directory(const std::string& path, const FileId& id, Walk& walk) {
    if (std::find(walk.ancestors.begin(), walk.ancestors.end(), id) != walk.ancestors.end()) {
        walk.sink(failed_document(path, id_from_path(path), Severity::warning, DiagnosticCode::io_directory_loop,
                                  fmt::format("{} leads back to a directory that contains it; not followed", path)));
        return;
    }
    const auto [known, first] = walk.directories.emplace(id, path);
    if (!first) {
        walk.sink(failed_document(path, id_from_path(path), Severity::warning, DiagnosticCode::io_directory_repeated,
                                  fmt::format("{} leads to {}, which was read already; not read again", path,
                                              known->second)));
        return;
    }
    walk.ancestors.push_back(id);
    walk_directory(path, walk);
    walk.ancestors.pop_back();
}

void read_entry(const std::string& path, Walk& walk) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
        const int error = errno;
        walk.sink(failed_document(path, id_from_path(path), Severity::error, DiagnosticCode::io_unreadable,
                                  fmt::format("cannot read {}: {}", path, os_error(error))));
        return;
    }
    const FileId id = file_id_of(st);
    if (S_ISDIR(st.st_mode)) {
        read_directory(path, id, walk);
        return;
    }
    if (!is_article_file_name(path)) return;
    // The run's own output is no article: it would read itself, and grow
    // while being read.
    if (std::find(walk.outputs.begin(), walk.outputs.end(), id) != walk.outputs.end()) return;
    if (!S_ISREG(st.st_mode)) {
        // A FIFO or device inside a directory could block or never end.
        walk.sink(failed_document(path, id_from_path(path), Severity::warning, DiagnosticCode::io_not_regular,
                                  fmt::format("{} is not a regular file; skipped", path)));
        return;
    }
    read_file(path, walk.limits, walk.sink);
}

void walk_directory(const std::string& dir, Walk& walk) {
    DIR* handle = ::opendir(dir.c_str());
    if (!handle) {
        const int error = errno;
        walk.sink(failed_document(dir, id_from_path(dir), Severity::error, DiagnosticCode::io_unreadable,
                                  fmt::format("cannot list directory {}: {}", dir, os_error(error))));
        return;
    }
    std::vector<std::string> names;
    errno = 0;
    while (const dirent* entry = ::readdir(handle)) {
        if (entry->d_name[0] != '.') names.emplace_back(entry->d_name);  // hidden files, "." and ".."
        errno = 0;
    }
    const int error = errno;
    ::closedir(handle);
    if (error) {
        walk.sink(failed_document(dir, id_from_path(dir), Severity::error, DiagnosticCode::io_unreadable,
                                  fmt::format("cannot list all of directory {}: {}", dir, os_error(error))));
    }
    std::sort(names.begin(), names.end());
    const std::string prefix = !dir.empty() && dir.back() == '/' ? dir : dir + '/';
    for (const std::string& name : names) read_entry(prefix + name, walk);
}

}  // namespace

void read_file(const std::string& path, const ReadLimits& limits, const Sink& sink) {
    const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        const int error = errno;
        sink(failed_document(path, id_from_path(path), Severity::error, DiagnosticCode::io_unreadable,
                             fmt::format("cannot open {}: {}", path, os_error(error))));
        return;
    }
    if (has_extension(path, ".jsonl")) {
        Reader reader(fd.get());
        read_json_lines(path, reader, limits, sink);
        return;
    }
    std::optional<std::size_t> total_size;
    struct stat st;
    if (::fstat(fd.get(), &st) == 0 && S_ISREG(st.st_mode)) total_size = static_cast<std::size_t>(st.st_size);
    std::string bytes;
    if (const int error = read_up_to(fd.get(), limits.max_document_bytes, total_size, bytes)) {
        sink(failed_document(path, id_from_path(path), Severity::error, DiagnosticCode::io_unreadable,
                             fmt::format("cannot read {}: {}", path, os_error(error))));
        return;
    }
    sink(text_document(path, id_from_path(path), std::move(bytes), total_size, limits));
}

std::optional<FileId> regular_file_id(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return file_id_of(st);
}

std::optional<FileId> regular_file_id(int descriptor) {
    struct stat st;
    if (::fstat(descriptor, &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
    return file_id_of(st);
}

void read_inputs(const std::vector<std::string>& paths, const ReadLimits& limits, const Sink& sink,
                 const std::vector<FileId>& outputs) {
    for (const std::string& path : paths) {
        if (path == "-") {
            read_stdin(limits, sink);
            continue;
        }
        struct stat st;
        if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
            // A directory named twice is read twice, as a file named twice is.
            Walk walk{limits, sink, outputs, {}, {}};
            read_directory(path, file_id_of(st), walk);
        } else {
            // Missing paths are reported by read_file; FIFOs and devices named
            // explicitly are read (up to the size limit).
            read_file(path, limits, sink);
        }
    }
}

}  // namespace kfacts
