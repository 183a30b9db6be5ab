// kfacts: facts from Korean news about AI models, as kfacts/1 JSON, CSV, XLSX
// or SQLite, and checks of them for CI.
//
//   kfacts extract [--format json|jsonl|csv|xlsx|sqlite] [-o FILE] [--db FILE] [--types LIST] [-j N] PATH...
//   kfacts check PATH... [--expected DIR] [--min-f1 X] [--db FILE] [--report text|github|sarif]
//   kfacts tokens PATH...
//   kfacts rules test | lint | tags PATH... [--rules DIR]   (--rules also before test, lint or tags)
//
// Exit codes: 0 every input read (check: no error found); 1 some input had an
// error (its record is still written), a rule example failed, or check found
// an error; 2 usage error, unusable rules or database, or an internal error.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.h"

int main(int argc, char** argv) {
    using namespace kfacts::cli;
    CLI::App app{"kfacts: facts from Korean news about AI models (teams, models, parameter counts, "
                 "benchmark scores, quotes), with exact source spans"};
    app.require_subcommand(1);
    app.set_version_flag("--version", fmt::format("kfacts {} (kfacts/1)", kVersion));

    ExtractArgs extract;
    auto* extract_cmd = app.add_subcommand("extract", "Extract facts from articles and write kfacts/1");
    add_extract_options(*extract_cmd, extract);

    CheckArgs check;
    auto* check_cmd = app.add_subcommand("check", "Extract and check the facts: against expected-facts files, "
                                                  "against a database of earlier facts, and for input problems "
                                                  "(exit 1 on errors)");
    add_check_options(*check_cmd, check);

    std::vector<std::string> token_paths;
    std::string token_rules;
    auto* tokens_cmd = app.add_subcommand("tokens", "Print sentences and tokens with their byte spans");
    tokens_cmd->add_option("paths", token_paths, "Files, directories or - for stdin")->required();
    tokens_cmd->add_option("--rules", token_rules, "Rules directory");

    std::string rules_dir;
    auto* rules_cmd = app.add_subcommand("rules", "Test or lint the rule files");
    rules_cmd->add_option("--rules", rules_dir, "Rules directory");
    rules_cmd->require_subcommand(1);
    auto* rules_test = rules_cmd->add_subcommand("test", "Run every example written beside the rules");
    auto* rules_lint = rules_cmd->add_subcommand("lint", "Load and check every rule file");
    std::vector<std::string> tag_paths;
    auto* rules_tags = rules_cmd->add_subcommand(
        "tags", "Print each sentence's tag string, which rule patterns match, and the rules that matched (first reading)");
    rules_tags->add_option("paths", tag_paths, "Files, directories, .jsonl or - for stdin")->required();
    // --rules before or after the subcommand, as extract takes it after.
    for (auto* sub : {rules_test, rules_lint, rules_tags}) sub->add_option("--rules", rules_dir, "Rules directory");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::Success& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2;
    }

    try {
        if (*extract_cmd) return run_extract(extract);
        if (*check_cmd) return run_check(check);
        if (*tokens_cmd) return run_tokens(token_paths, token_rules);
        if (*rules_test) return run_rules_test(rules_dir);
        if (*rules_lint) return run_rules_lint(rules_dir);
        if (*rules_tags) return run_rules_tags(tag_paths, rules_dir);
    } catch (const UsageError& e) {
        fmt::print(stderr, "kfacts: {}\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        fmt::print(stderr, "kfacts: {}\n", e.what());
        return 2;
    }
    return 2;
}
