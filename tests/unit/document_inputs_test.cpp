#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "document/document.h"

using namespace kfacts;
namespace fs = std::filesystem;

namespace {

// A fresh directory under /tmp, removed with everything in it afterwards.
class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "kfacts_document_XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    std::string file(const std::string& relative, const std::string& content) const {
        const fs::path p = path_ / relative;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << content;
        return p.string();
    }
    std::string operator/(const std::string& relative) const { return (path_ / relative).string(); }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

std::vector<Document> read_all(const std::vector<std::string>& paths, const ReadLimits& limits = {}) {
    std::vector<Document> docs;
    read_inputs(paths, limits, [&](Document&& doc) { docs.push_back(std::move(doc)); });
    return docs;
}

const Diagnostic* find(const Document& doc, DiagnosticCode code) {
    for (const Diagnostic& d : doc.diagnostics)
        if (d.code == code) return &d;
    return nullptr;
}

// Runs `body` with standard input read from `content`.
template <typename Body>
void with_stdin(const TempDir& dir, const std::string& content, Body body) {
    const std::string path = dir.file("stdin.input", content);
    const int saved = ::dup(STDIN_FILENO);
    const int fd = ::open(path.c_str(), O_RDONLY);
    REQUIRE((saved >= 0 && fd >= 0));
    ::dup2(fd, STDIN_FILENO);
    ::close(fd);
    body();
    ::dup2(saved, STDIN_FILENO);
    ::close(saved);
}

}  // namespace

TEST_CASE("a missing file gives one record with io.unreadable", "[document][inputs]") {
    const TempDir dir;
    const auto docs = read_all({dir / "nothing-here.txt"});
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].meta.id == "nothing-here");
    CHECK(docs[0].meta.path == dir / "nothing-here.txt");
    CHECK(docs[0].has_error());
    const Diagnostic* d = find(docs[0], DiagnosticCode::io_unreadable);
    REQUIRE(d);
    CHECK_THAT(d->message, Catch::Contains("No such file or directory"));
}

TEST_CASE("a directory read as a file gives one record with io.unreadable", "[document][inputs]") {
    const TempDir dir;
    dir.file("sub/a.txt", "text");
    std::vector<Document> docs;
    read_file(dir / "sub", {}, [&](Document&& doc) { docs.push_back(std::move(doc)); });
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].meta.id == "sub");
    CHECK(docs[0].has_error());
    REQUIRE(find(docs[0], DiagnosticCode::io_unreadable));
    CHECK_THAT(find(docs[0], DiagnosticCode::io_unreadable)->message, Catch::Contains("Is a directory"));
}

TEST_CASE("invalid UTF-8 and empty files still give one record each", "[document][inputs]") {
    const TempDir dir;
    const auto docs = read_all({dir.file("bad.txt", "AI \xFF\xFE 모델"), dir.file("empty.txt", "")});
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].meta.id == "bad");
    CHECK(docs[0].text.text == "AI \xEF\xBF\xBD\xEF\xBF\xBD 모델");
    CHECK(find(docs[0], DiagnosticCode::utf8_invalid));
    CHECK_FALSE(docs[0].has_error());

    CHECK(docs[1].meta.id == "empty");
    CHECK(docs[1].source.empty());
    CHECK(docs[1].text.text.empty());
    CHECK(find(docs[1], DiagnosticCode::io_empty));
    CHECK_FALSE(docs[1].has_error());
}

// The writers' locator trusts the flag and counts lead bytes, so a source
// said valid that is not would give wrong columns.
TEST_CASE("a document says whether its whole source is well-formed UTF-8", "[document][inputs]") {
    const auto valid_of = [](std::string bytes) { return read_document_bytes("a.txt", std::move(bytes)).source_valid_utf8; };
    CHECK(valid_of("---\ntitle: 모델\n---\n본문 AI 모델"));
    CHECK(valid_of("\xEF\xBB\xBF본문"));
    CHECK(valid_of(""));
    CHECK_FALSE(valid_of("---\ntitle: \xFF\n---\n본문 AI 모델"));     // in the front matter
    CHECK_FALSE(valid_of("---\ntitle: 모델\n---\n본문 \xED\xA0\x80"));  // a surrogate in the body
    CHECK_FALSE(valid_of("본문 &amp; \xEA\xB0"));                          // cut short at the end
    const TempDir dir;
    const auto docs = read_all({dir.file("r.jsonl", "{\"id\": \"r1\", \"body\": \"본문\"}\n{\"id\": 7}\n")});
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].source_valid_utf8);
    CHECK_FALSE(docs[1].source_valid_utf8);  // no body: nothing was checked
}

TEST_CASE("JSON Lines: one record per line, a bad line named by its number", "[document][inputs][jsonl]") {
    const TempDir dir;
    const std::string path = dir.file("news.jsonl",
                                      "{\"id\": \"r1\", \"title\": \"&#x27;AI&#x27;\", \"body\": \"SKT는 &#x27;A.X "
                                      "K1&#x27;을\\r\\n공개\", \"url\": \"https://x\", \"publisher\": \"P\", "
                                      "\"published_at\": \"2025-12-30\"}\n"
                                      "{\"id\": \"r2\", \"body\": \n"
                                      "\n"
                                      "{\"body\": \"no id\"}\r\n"
                                      "[1, 2]\n"
                                      "{\"id\": \"r6\"}");
    const auto docs = read_all({path});
    REQUIRE(docs.size() == 5);

    CHECK(docs[0].meta.id == "r1");
    CHECK(docs[0].meta.title == std::optional<std::string>("'AI'"));
    CHECK(docs[0].meta.publisher == std::optional<std::string>("P"));
    CHECK(docs[0].meta.url == std::optional<std::string>("https://x"));
    CHECK(docs[0].meta.path == path);
    CHECK(docs[0].source_field == "body");
    CHECK(docs[0].input_line == 1);
    CHECK(docs[0].source == "SKT는 &#x27;A.X K1&#x27;을\r\n공개");
    CHECK(docs[0].text.text == "SKT는 'A.X K1'을\n공개");
    const std::size_t at = docs[0].text.text.find("'A.X K1'");
    const ByteSpan span = docs[0].text.to_source(at, at + 8);
    CHECK(docs[0].source.substr(span.start, span.size()) == "&#x27;A.X K1&#x27;");
    CHECK(docs[0].diagnostics.empty());

    CHECK(docs[1].meta.id == "news.jsonl:2");
    CHECK(docs[1].input_line == 2);
    CHECK(docs[1].has_error());
    REQUIRE(find(docs[1], DiagnosticCode::jsonl_malformed));
    CHECK_THAT(find(docs[1], DiagnosticCode::jsonl_malformed)->message, Catch::Contains("line 2"));

    CHECK(docs[2].meta.id == "news.jsonl:4");
    CHECK(docs[2].text.text == "no id");
    CHECK(find(docs[2], DiagnosticCode::jsonl_missing_field));
    CHECK_FALSE(docs[2].has_error());

    CHECK(docs[3].meta.id == "news.jsonl:5");
    CHECK(docs[3].has_error());

    CHECK(docs[4].meta.id == "r6");
    CHECK(docs[4].has_error());
    CHECK(find(docs[4], DiagnosticCode::jsonl_missing_field));
}

TEST_CASE("a JSON Lines record with invalid UTF-8 is read with U+FFFD", "[document][inputs][jsonl]") {
    const Document doc = read_json_line("x.jsonl", 3, "{\"id\": \"u\", \"body\": \"a\xFF b\"}");
    CHECK(doc.meta.id == "u");
    CHECK(doc.source == "a\xEF\xBF\xBD b");
    CHECK(doc.input_line == 3);
    CHECK(find(doc, DiagnosticCode::utf8_invalid));
    CHECK_FALSE(doc.has_error());
}

TEST_CASE("a JSON Lines line over the record limit is skipped with a record", "[document][inputs][jsonl]") {
    const TempDir dir;
    const std::string path =
        dir.file("big.jsonl", "{\"id\": \"a\", \"body\": \"" + std::string(5000, 'x') + "\"}\n{\"id\": \"b\", \"body\": \"y\"}\n");
    ReadLimits limits;
    limits.max_record_bytes = 1000;
    const auto docs = read_all({path}, limits);
    REQUIRE(docs.size() == 2);
    CHECK(docs[0].meta.id == "big.jsonl:1");
    CHECK(find(docs[0], DiagnosticCode::io_too_large));
    CHECK(docs[0].has_error());
    CHECK(docs[1].meta.id == "b");
    CHECK(docs[1].text.text == "y");
}

TEST_CASE("an empty JSON Lines file gives one record saying so", "[document][inputs][jsonl]") {
    const TempDir dir;
    const auto docs = read_all({dir.file("none.jsonl", "\n\n")});
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].meta.id == "none");
    CHECK(find(docs[0], DiagnosticCode::io_empty));
}

TEST_CASE("directories are read recursively, sorted by name, hidden files skipped", "[document][inputs]") {
    const TempDir dir;
    dir.file("b.txt", "b");
    dir.file("a/z.md", "az");
    dir.file("a/b.txt", "ab");
    dir.file("a/.hidden.txt", "hidden");
    dir.file(".git/config", "hidden");
    dir.file("c.jsonl", "{\"id\": \"c1\", \"body\": \"c\"}\n{\"id\": \"c2\", \"body\": \"c\"}\n");
    dir.file("A.txt", "upper case sorts first");
    const auto docs = read_all({dir.path().string(), dir / "b.txt"});
    std::vector<std::string> ids;
    for (const Document& doc : docs) ids.push_back(doc.meta.id);
    CHECK(ids == std::vector<std::string>{"A", "b", "z", "b", "c1", "c2", "b"});
    REQUIRE(docs.size() == 7);
    CHECK(docs[1].meta.path == (dir.path() / "a" / "b.txt").string());
    CHECK(docs[1].text.text == "ab");
    for (const Document& doc : docs) CHECK(doc.diagnostics.empty());
}

TEST_CASE("a directory walk reads .txt, .md and .jsonl files only; a file named is always read", "[document][inputs]") {
    const TempDir dir;
    dir.file("corpus/a.txt", "a");
    dir.file("corpus/B.MD", "b");
    dir.file("corpus/c.Jsonl", "{\"id\": \"c1\", \"body\": \"c\"}\n");
    dir.file("corpus/a.json", "{\"id\": \"a\", \"teams\": []}");
    dir.file("corpus/chart.png", "\x89PNG\r\n");
    dir.file("corpus/table.csv", "a,b\n");
    dir.file("corpus/README", "no extension");
    dir.file("corpus/sub_expected/a.json", "{}");
    std::vector<std::string> ids;
    for (const Document& doc : read_all({dir / "corpus", dir / "corpus/a.json", dir / "corpus/README"})) {
        ids.push_back(doc.meta.id);
    }
    CHECK(ids == std::vector<std::string>{"B", "a", "c1", "a", "README"});
}

TEST_CASE("a directory walk skips the files the run writes, under any name", "[document][inputs]") {
    const TempDir dir;
    dir.file("corpus/a.txt", "a");
    const std::string out = dir.file("corpus/out.txt", "{\"schema\": \"kfacts/1\"}");
    fs::create_hard_link(out, dir / "corpus/z.txt");
    const std::optional<FileId> written = regular_file_id(out);
    REQUIRE(written);
    std::vector<Document> docs;
    read_inputs({dir / "corpus"}, {}, [&](Document&& doc) { docs.push_back(std::move(doc)); }, {*written});
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].meta.id == "a");
    CHECK(regular_file_id(dir / "corpus") == std::nullopt);  // a directory is not a regular file
}

TEST_CASE("symlink loops are reported, never followed forever", "[document][inputs]") {
    const TempDir dir;
    dir.file("top/a.txt", "a");
    dir.file("top/sub/b.txt", "b");
    fs::create_directory_symlink("..", dir.path() / "top" / "sub" / "up");
    fs::create_symlink("self", dir.path() / "top" / "self");
    const auto docs = read_all({dir / "top"});
    std::vector<std::string> ids;
    for (const Document& doc : docs) ids.push_back(doc.meta.id);
    CHECK(ids == std::vector<std::string>{"a", "self", "b", "up"});
    REQUIRE(docs.size() == 4);
    CHECK(find(docs[1], DiagnosticCode::io_unreadable));  // a link to itself cannot even be resolved
    const Diagnostic* loop = find(docs[3], DiagnosticCode::io_directory_loop);
    REQUIRE(loop);
    CHECK(loop->level == Severity::warning);
    CHECK(docs[3].meta.path == (dir.path() / "top" / "sub" / "up").string());
}

TEST_CASE("a directory named is read once, however many paths in it lead to it", "[document][inputs]") {
    // Two symlinks at each of 12 levels to the next: 4096 paths to the one file.
    const TempDir dir;
    constexpr int kLevels = 12;
    const auto level_name = [](int level) {
        std::string name = "d";
        name += std::to_string(level);
        return name;
    };
    for (int level = 0; level < kLevels; ++level) {
        const fs::path here = dir.path() / level_name(level);
        fs::create_directory(here);
        fs::create_directory_symlink(fs::path("..") / level_name(level + 1), here / "a");
        fs::create_directory_symlink(fs::path("..") / level_name(level + 1), here / "b");
    }
    dir.file(level_name(kLevels) + "/x.txt", "x");
    const auto docs = read_all({dir / "d0"});
    REQUIRE(docs.size() == 1 + kLevels);  // x.txt, and each level's b
    std::string through_a;
    for (int level = 0; level < kLevels; ++level) through_a += "/a";
    CHECK(docs[0].meta.path == dir / "d0" + through_a + "/x.txt");
    for (std::size_t k = 1; k < docs.size(); ++k) {
        const Diagnostic* repeated = find(docs[k], DiagnosticCode::io_directory_repeated);
        REQUIRE(repeated);
        CHECK(repeated->level == Severity::warning);
        CHECK_FALSE(docs[k].has_error());
    }
    CHECK(docs[1].meta.path == dir / "d0" + through_a.substr(2) + "/b");
    CHECK_THAT(find(docs[1], DiagnosticCode::io_directory_repeated)->message,
               Catch::Contains(dir / "d0" + through_a + ", which was read already"));
    // A directory named twice is read twice, as a file named twice is.
    CHECK(read_all({dir / "d0", dir / "d0"}).size() == 2 * docs.size());
}

TEST_CASE("an input over the size limit is cut at a UTF-8 boundary", "[document][inputs]") {
    const TempDir dir;
    ReadLimits limits;
    limits.max_document_bytes = 10;
    const auto docs = read_all({dir.file("long.txt", "가나다라마바사")}, limits);
    REQUIRE(docs.size() == 1);
    CHECK(docs[0].source == "가나다");
    CHECK(docs[0].text.text == "가나다");
    const Diagnostic* d = find(docs[0], DiagnosticCode::io_too_large);
    REQUIRE(d);
    CHECK(d->level == Severity::warning);
    CHECK_THAT(d->message, Catch::Contains("21 bytes"));

    const Document in_memory = read_document_bytes("m.txt", "ab가나", limits);
    CHECK(in_memory.source == "ab가나");
    limits.max_document_bytes = 4;
    CHECK(read_document_bytes("m.txt", "ab가나", limits).source == "ab");
}

TEST_CASE("stdin is JSON Lines when its first line is a JSON object, else one document", "[document][inputs]") {
    const TempDir dir;
    with_stdin(dir, "---\nid: piped\n---\n본문", [] {
        const auto docs = read_all({"-"});
        REQUIRE(docs.size() == 1);
        CHECK(docs[0].meta.id == "piped");
        CHECK(docs[0].meta.path == "-");
        CHECK(docs[0].text.text == "본문");
    });
    with_stdin(dir, "\n  plain text", [] {
        const auto docs = read_all({"-"});
        REQUIRE(docs.size() == 1);
        CHECK(docs[0].meta.id == "stdin");
        CHECK(docs[0].source == "\n  plain text");
    });
    with_stdin(dir, "\n {\"id\": \"s1\", \"body\": \"a\"}\nnot json\n", [] {
        const auto docs = read_all({"-"});
        REQUIRE(docs.size() == 2);
        CHECK(docs[0].meta.id == "s1");
        CHECK(docs[0].input_line == 2);
        CHECK(docs[1].meta.id == "stdin:3");
        CHECK(docs[1].has_error());
    });
    with_stdin(dir, "\xEF\xBB\xBF{\"id\": \"b1\", \"body\": \"a\"}\n{\"id\": \"b2\", \"body\": \"b\"}\n", [] {
        const auto docs = read_all({"-"});
        REQUIRE(docs.size() == 2);
        CHECK(docs[0].meta.id == "b1");
        CHECK(docs[0].diagnostics.empty());
        CHECK(docs[1].meta.id == "b2");
    });
    with_stdin(dir, "\xEF\xBB\xBF\n\n{\"id\": \"b3\", \"body\": \"a\"}\n", [] {
        const auto docs = read_all({"-"});
        REQUIRE(docs.size() == 1);
        CHECK(docs[0].meta.id == "b3");
        CHECK(docs[0].input_line == 3);
    });
    // A broken first record that starts as one (`{"`) keeps the stream JSON Lines.
    with_stdin(dir, "{\"id\":\"a\",\"body\":\"x\"\n{\"id\": \"b\", \"body\": \"y\"}\n", [] {
        const auto docs = read_all({"-"});
        REQUIRE(docs.size() == 2);
        CHECK(docs[0].has_error());
        CHECK(docs[1].meta.id == "b");
    });
    with_stdin(dir, "{속보} SKT가 모델을 공개했다.\n{\"id\": \"x\"}\n", [] {
        const auto docs = read_all({"-"});
        REQUIRE(docs.size() == 1);
        CHECK(docs[0].meta.id == "stdin");
        CHECK(docs[0].source == "{속보} SKT가 모델을 공개했다.\n{\"id\": \"x\"}\n");
        CHECK_FALSE(docs[0].has_error());
    });
    with_stdin(dir, "[1, 2]\n", [] {
        const auto docs = read_all({"-"});
        REQUIRE(docs.size() == 1);
        CHECK(docs[0].meta.id == "stdin");
    });
    // A first record too long to check is still a record, and so are those after it.
    ReadLimits limits;
    limits.max_record_bytes = 100;
    with_stdin(dir, "{\"id\": \"long\", \"body\": \"" + std::string(200, 'x') + "\"}\n{\"id\": \"c\", \"body\": \"c\"}\n",
               [&] {
                   const auto docs = read_all({"-"}, limits);
                   REQUIRE(docs.size() == 2);
                   CHECK(find(docs[0], DiagnosticCode::io_too_large));
                   CHECK(docs[1].meta.id == "c");
               });
}
