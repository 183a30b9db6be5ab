// kfacts_bench: how fast kfacts is, stage by stage and end to end.
//
//   kfacts_bench [--rules DIR] [--kfacts BINARY] [--jobs 1,2] [--repeat N] [--stages-mb N] CORPUS...
//
// CORPUS is what `kfacts extract` takes (directories of articles, .jsonl
// files). The benchmark prints
// - the time to load and compile all rules (first load, and the median of
//   later loads);
// - per stage, in CPU time of one thread, over the first --stages-mb MB
//   (default 16) of the corpus held in memory: read (from the file system),
//   decode (front matter, UTF-8, entities, NFKC), tokenize, quantities,
//   annotate (gazetteer names, word classes), rules (RE2::Set selection and
//   rule RE2s), linking (Extractor::extract less Extractor::analyse) and
//   write (kfacts/1 JSON Lines);
// - with --kfacts, the real program on the whole corpus, once per --jobs value
//   and --repeat times (`kfacts extract --format jsonl --types all -j N
//   CORPUS`, output read through a pipe and hashed): MB/s, documents/s, its
//   peak RSS, the speed-up over -j 1 (of the fastest runs, with --repeat),
//   and whether every run wrote the same bytes.
// Every fact type is extracted (quantities too), as with --types all.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "facts/extractor.h"
#include "output/json_writer.h"
#include "rules/units.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// CPU time of the calling thread: stage figures stay meaningful on a machine
// that others share.
double thread_cpu_seconds() {
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

double cpu_seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; }

struct Options {
    std::string rules = kfacts::default_rules_dir();
    std::string kfacts_binary;
    std::vector<unsigned> jobs{1, 2};
    double stages_mb = 16;
    int repeat = 1;
    std::vector<std::string> corpus;
};

[[noreturn]] void usage(const std::string& problem) {
    fmt::print(stderr, "kfacts_bench: {}\nusage: kfacts_bench [--rules DIR] [--kfacts BINARY] [--jobs 1,2] "
                       "[--repeat N] [--stages-mb N] CORPUS...\n", problem);
    std::exit(2);
}

Options parse_options(int argc, char** argv) {
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--rules") {
            options.rules = value();
        } else if (arg == "--kfacts") {
            options.kfacts_binary = value();
        } else if (arg == "--repeat") {
            options.repeat = std::max(1, std::stoi(value()));
        } else if (arg == "--stages-mb") {
            options.stages_mb = std::stod(value());
        } else if (arg == "--jobs") {
            options.jobs.clear();
            const std::string list = value();
            for (std::size_t start = 0; start <= list.size();) {
                const std::size_t comma = std::min(list.find(',', start), list.size());
                options.jobs.push_back(static_cast<unsigned>(std::stoul(list.substr(start, comma - start))));
                start = comma + 1;
            }
        } else if (!arg.empty() && arg[0] == '-' && arg != "-") {
            usage("unknown option " + arg);
        } else {
            options.corpus.push_back(arg);
        }
    }
    if (options.corpus.empty()) usage("no corpus given");
    return options;
}

void print_rule_loading(const std::string& rules) {
    constexpr int kLoads = 7;
    std::vector<double> ms;
    std::size_t rule_count = 0;
    for (int i = 0; i < kLoads; ++i) {
        const auto start = Clock::now();
        const auto extractor = kfacts::Extractor::load(rules);
        ms.push_back(seconds_since(start) * 1000);
        rule_count = extractor->rules().rules().size();
    }
    std::vector<double> later(ms.begin() + 1, ms.end());
    std::sort(later.begin(), later.end());
    fmt::print("rules: {} pattern rules, gazetteers, number tables and lexicons loaded and compiled in "
               "{:.1f} ms (first load, HTML entity table included), {:.1f} ms (median of {} later loads)\n",
               rule_count, ms.front(), later[later.size() / 2], later.size());
}

// Per-stage times over documents held in memory, one thread.
struct StageTimes {
    double read = 0, decode = 0, tokenize = 0, quantities = 0, annotate = 0, rules = 0, analyse = 0, extract = 0,
           write = 0;
    std::size_t bytes = 0, documents = 0, facts = 0;
};

void print_stage(const char* name, double seconds, const StageTimes& t) {
    // Below the clock's resolution (reading from a warm page cache), a rate would be noise.
    if (seconds < 1e-3) {
        fmt::print("  {:<34} {:8.3f} s (too short to measure)\n", name, seconds);
        return;
    }
    fmt::print("  {:<34} {:8.3f} s {:9.1f} MB/s {:10.0f} docs/s\n", name, seconds, t.bytes / 1e6 / seconds,
               t.documents / seconds);
}

void run_stages(const kfacts::Extractor& extractor, const Options& options) {
    StageTimes t;
    const std::size_t budget = static_cast<std::size_t>(options.stages_mb * 1e6);
    std::vector<kfacts::Document> documents;
    // Reading keeps the documents as they come (decoded: read_inputs decodes
    // as it reads); they are decoded once more below with the clock on the
    // decoding alone, from bytes in memory.
    std::vector<std::pair<std::string, std::string>> raw;
    double start = thread_cpu_seconds();
    try {
        kfacts::read_inputs(options.corpus, kfacts::ReadLimits{}, [&](kfacts::Document&& doc) {
            if (t.bytes >= budget) throw std::out_of_range("budget");
            t.bytes += doc.source.size();
            ++t.documents;
            raw.emplace_back(doc.meta.path, std::move(doc.source));
        });
    } catch (const std::out_of_range&) {
    }
    const double read_and_decode = thread_cpu_seconds() - start;

    start = thread_cpu_seconds();
    for (auto& [path, bytes] : raw) documents.push_back(kfacts::read_document_bytes(path, bytes));
    t.decode = thread_cpu_seconds() - start;
    t.read = std::max(0.0, read_and_decode - t.decode);
    raw.clear();
    raw.shrink_to_fit();

    const kfacts::ExtractOptions extract_options{kfacts::FactTypeSet::all()};
    std::string out;
    for (kfacts::Document& doc : documents) {
        // Whatever runs first on a document runs slower (caches); one untimed
        // analysis first puts the stages, analyse() and extract() on an equal
        // footing. Linking is extract() less analyse().
        {
            kfacts::Document copy = doc;
            extractor.analyse(copy);
        }
        double mark = thread_cpu_seconds();
        const auto lap = [&](double& into) {
            const double now = thread_cpu_seconds();
            into += now - mark;
            mark = now;
        };
        const kfacts::TokenizedText tokens = extractor.tokenize(doc.text);
        lap(t.tokenize);
        std::vector<kfacts::Diagnostic> diagnostics;
        const auto quantities = extractor.quantities().find(doc.text.text, diagnostics);
        lap(t.quantities);
        const kfacts::AnnotatedText units =
            kfacts::annotate(doc.text, tokens, quantities, extractor.lexicon(), extractor.rules().alphabet());
        lap(t.annotate);
        std::vector<kfacts::RuleMatch> matches;
        for (std::size_t s = 0; s < units.sentences.size(); ++s) extractor.rules().match_sentence(units, s, matches);
        lap(t.rules);
        kfacts::Document copy = doc;  // analyse() adds diagnostics; extract() below gets the document as read
        mark = thread_cpu_seconds();
        extractor.analyse(copy);
        lap(t.analyse);
        const std::vector<kfacts::Fact> facts = extractor.extract(doc, extract_options);
        lap(t.extract);
        out.clear();
        kfacts::append_document_json(out, doc, facts, kfacts::JsonStyle{});
        lap(t.write);
        t.facts += facts.size();
    }
    // extract() is analyse() and linking: what it spends beyond analyse() is linking.
    const double linking = std::max(0.0, t.extract - t.analyse);
    const double total = t.read + t.decode + t.extract + t.write;
    fmt::print("stages, one thread, CPU time, each document analysed once before (warm), {:.1f} MB in {} "
               "documents ({} facts, all types):\n", t.bytes / 1e6, t.documents, t.facts);
    print_stage("read (file system)", t.read, t);
    print_stage("decode (front matter, UTF-8, NFKC)", t.decode, t);
    print_stage("tokenize", t.tokenize, t);
    print_stage("quantities", t.quantities, t);
    print_stage("annotate (names, word classes)", t.annotate, t);
    print_stage("rules (RE2::Set and rule RE2s)", t.rules, t);
    print_stage("linking (extract less analyse)", linking, t);
    print_stage("write (kfacts/1 JSON Lines)", t.write, t);
    print_stage("all stages", total, t);
}

struct ProgramRun {
    double seconds = 0;      // wall clock
    double cpu_seconds = 0;  // user and system time of the program
    std::size_t output_bytes = 0;
    std::size_t output_lines = 0;  // documents: one line each
    std::uint64_t output_hash = 0;
    long peak_rss_kb = 0;
    int exit_code = 0;
};

// Runs `kfacts extract --format jsonl --types all -j N CORPUS...`, hashing
// its output as it arrives.
ProgramRun run_program(const Options& options, unsigned jobs) {
    std::vector<std::string> args{options.kfacts_binary, "extract", "--format", "jsonl", "--types", "all",
                                  "--rules", options.rules, "-j", std::to_string(jobs)};
    args.insert(args.end(), options.corpus.begin(), options.corpus.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    int pipe_fds[2];
    if (::pipe(pipe_fds) != 0) usage("cannot create a pipe");
    ProgramRun run;
    const auto start = Clock::now();
    const pid_t child = ::fork();
    if (child == 0) {
        ::dup2(pipe_fds[1], STDOUT_FILENO);
        ::close(pipe_fds[0]);
        ::close(pipe_fds[1]);
        ::execv(argv[0], argv.data());
        std::_Exit(127);
    }
    ::close(pipe_fds[1]);
    // FNV-1a over 8-byte words: cheap enough not to slow the program it reads from.
    std::uint64_t hash = 0xcbf29ce484222325ull;
    std::vector<char> buffer(1 << 20);
    std::size_t carry = 0;
    while (true) {
        const ssize_t got = ::read(pipe_fds[0], buffer.data() + carry, buffer.size() - carry);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        run.output_bytes += static_cast<std::size_t>(got);
        run.output_lines += static_cast<std::size_t>(
            std::count(buffer.data() + carry, buffer.data() + carry + got, '\n'));
        const std::size_t have = carry + static_cast<std::size_t>(got);
        const std::size_t words = have / 8;
        for (std::size_t w = 0; w < words; ++w) {
            std::uint64_t word;
            std::memcpy(&word, buffer.data() + w * 8, 8);
            hash = (hash ^ word) * 0x100000001b3ull;
        }
        carry = have - words * 8;
        std::memmove(buffer.data(), buffer.data() + words * 8, carry);
    }
    for (std::size_t k = 0; k < carry; ++k) hash = (hash ^ static_cast<unsigned char>(buffer[k])) * 0x100000001b3ull;
    ::close(pipe_fds[0]);
    int status = 0;
    struct rusage usage_of_child {};
    ::wait4(child, &status, 0, &usage_of_child);
    run.seconds = seconds_since(start);
    run.output_hash = hash;
    run.peak_rss_kb = usage_of_child.ru_maxrss;
    run.cpu_seconds = cpu_seconds(usage_of_child.ru_utime) + cpu_seconds(usage_of_child.ru_stime);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return run;
}

// Bytes of input: every regular file under the corpus paths.
std::size_t corpus_bytes(const Options& options) {
    namespace fs = std::filesystem;
    std::size_t bytes = 0;
    for (const std::string& path : options.corpus) {
        if (!fs::is_directory(path)) {
            bytes += fs::file_size(path);
            continue;
        }
        for (const auto& entry : fs::recursive_directory_iterator(path)) {
            if (entry.is_regular_file()) bytes += entry.file_size();
        }
    }
    return bytes;
}

void print_run(unsigned jobs, const ProgramRun& run, std::size_t bytes) {
    if (run.exit_code != 0) fmt::print("  -j {}: exit code {}\n", jobs, run.exit_code);
    fmt::print("  -j {:<3} {:8.3f} s {:9.1f} MB/s {:10.0f} docs/s  (CPU {:.3f} s: {:.1f} MB/s per CPU second)  "
               "peak RSS {:.1f} MB  output {:.1f} MB in {} lines",
               jobs, run.seconds, bytes / 1e6 / run.seconds, run.output_lines / run.seconds, run.cpu_seconds,
               bytes / 1e6 / run.cpu_seconds, run.peak_rss_kb / 1024.0, run.output_bytes / 1e6, run.output_lines);
}

// Runs the program once per --jobs value, --repeat times in turn (-j 1, -j 2,
// -j 1, ...), so that a shared machine's drift falls on all of them alike;
// with repeats, the fastest run of each stands for it.
void run_programs(const Options& options) {
    const std::size_t bytes = corpus_bytes(options);
    fmt::print("kfacts extract --format jsonl --types all, {:.1f} MB of input:\n", bytes / 1e6);
    std::vector<std::optional<ProgramRun>> fastest(options.jobs.size());
    std::optional<ProgramRun> first;
    bool identical = true;
    for (int round = 0; round < options.repeat; ++round) {
        for (std::size_t k = 0; k < options.jobs.size(); ++k) {
            const ProgramRun run = run_program(options, options.jobs[k]);
            print_run(options.jobs[k], run, bytes);
            if (first) {
                if (options.repeat == 1) fmt::print("  {:.2f}x -j {}", first->seconds / run.seconds, options.jobs.front());
                identical = identical && run.output_hash == first->output_hash && run.output_bytes == first->output_bytes;
            } else {
                first = run;
            }
            fmt::print("\n");
            if (!fastest[k] || run.seconds < fastest[k]->seconds) fastest[k] = run;
        }
    }
    if (options.repeat > 1) {
        fmt::print("fastest of {} runs each:\n", options.repeat);
        for (std::size_t k = 0; k < options.jobs.size(); ++k) {
            print_run(options.jobs[k], *fastest[k], bytes);
            if (k > 0) fmt::print("  {:.2f}x -j {}", fastest[0]->seconds / fastest[k]->seconds, options.jobs.front());
            fmt::print("\n");
        }
    }
    if (options.jobs.size() > 1 || options.repeat > 1) {
        fmt::print("  output of every run byte-identical: {}\n", identical ? "yes" : "NO");
    }
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parse_options(argc, argv);
    // The program runs come first: a child's peak RSS counts the pages of the
    // parent it was forked from, which is small only before the stage runs.
    if (!options.kfacts_binary.empty()) run_programs(options);
    print_rule_loading(options.rules);
    const auto extractor = kfacts::Extractor::load(options.rules);
    if (options.stages_mb > 0) run_stages(*extractor, options);
    return 0;
}
