// The subcommands of the kfacts program; main.cpp only parses arguments.
#pragma once

#include <CLI/CLI.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kfacts::cli {

inline constexpr std::string_view kVersion = "0.1.0";

// A mistake in how kfacts was called (exit code 2).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Threads to extract with when -j is not given.
unsigned default_jobs();

struct ExtractArgs {
    std::vector<std::string> paths;
    // json, jsonl, csv, xlsx, sqlite; empty: sqlite with --db, else from the extension
    // of -o (.json, .jsonl, .csv, .xlsx, .sqlite, .db), else json at a terminal, else jsonl
    std::string format;
    std::string output;  // -o FILE; empty: stdout
    std::string db;      // --db FILE: the SQLite database (--format sqlite)
    std::string types = "team,model,parameter_count,benchmark_score,quote";
    std::string rules;
    bool explain = false;
    bool no_bom = false;
    unsigned jobs = default_jobs();
};

struct CheckArgs {
    std::vector<std::string> paths;
    std::string expected;  // directory of <id>.json expected-facts files
    double min_f1 = 0;     // 0: report only
    std::string db;        // facts of earlier runs (--format sqlite)
    std::string report = "text";
    std::string output;  // -o FILE for the report; empty: stdout
    std::string rules;
    unsigned jobs = default_jobs();
};

void add_extract_options(CLI::App& cmd, ExtractArgs& args);
void add_check_options(CLI::App& cmd, CheckArgs& args);
int run_extract(const ExtractArgs& args);
int run_check(const CheckArgs& args);
int run_tokens(const std::vector<std::string>& paths, const std::string& rules);
// Per sentence: its text, the tag string that rule patterns see, and the rules that match.
int run_rules_tags(const std::vector<std::string>& paths, const std::string& rules);
int run_rules_test(const std::string& rules);
int run_rules_lint(const std::string& rules);

}  // namespace kfacts::cli
