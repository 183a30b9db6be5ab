#include "cli/commands.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/pipeline.h"
#include "cli/progress.h"
#include "cli/run_support.h"
#include "document/document.h"
#include "facts/extractor.h"
#include "facts/rule_examples.h"
#include "output/check_report.h"
#include "output/csv_writer.h"
#include "output/json_writer.h"
#include "output/sqlite_writer.h"
#include "output/xlsx_writer.h"
#include "text/tokenizer.h"

namespace kfacts::cli {
namespace {

enum class Format { json, jsonl, csv, xlsx, sqlite };

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

Format choose_format(const ExtractArgs& args) {
    const std::string_view f = args.format;
    if (f == "json") return Format::json;
    if (f == "jsonl") return Format::jsonl;
    if (f == "csv") return Format::csv;
    if (f == "xlsx") return Format::xlsx;
    if (f == "sqlite") return Format::sqlite;
    if (!args.db.empty()) return Format::sqlite;
    if (ends_with(args.output, ".json")) return Format::json;
    if (ends_with(args.output, ".jsonl")) return Format::jsonl;
    if (ends_with(args.output, ".csv")) return Format::csv;
    if (ends_with(args.output, ".xlsx")) return Format::xlsx;
    if (ends_with(args.output, ".sqlite") || ends_with(args.output, ".db")) return Format::sqlite;
    return args.output.empty() && isatty(STDOUT_FILENO) ? Format::json : Format::jsonl;
}

// The file a format that cannot stream to stdout writes to.
std::string file_output(const ExtractArgs& args, Format format) {
    if (format == Format::sqlite) {
        if (!args.db.empty() && !args.output.empty() && args.db != args.output) {
            throw UsageError("--db and -o name different files; give one");
        }
        const std::string& path = args.db.empty() ? args.output : args.db;
        if (path.empty() || path == "-") throw UsageError("--format sqlite needs --db FILE (or -o FILE)");
        return path;
    }
    if (args.output.empty() || args.output == "-") throw UsageError("--format xlsx needs -o FILE");
    return args.output;
}

bool is_stdout(const std::string& output) { return output.empty() || output == "-"; }

std::optional<FileId> regular_output_file(const std::string& output) {
    return is_stdout(output) ? regular_file_id(STDOUT_FILENO) : regular_file_id(output);
}

// The workbook's creation time: SOURCE_DATE_EPOCH when set (the convention of
// reproducible builds), else the writer's fixed time. Up to the end of year
// 9999, the last that the file's date format holds.
std::time_t workbook_created() {
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (!epoch || !*epoch) return XlsxOptions::kFixedCreated;
    constexpr std::uint64_t kLast = 253402300799;  // 9999-12-31T23:59:59Z
    std::uint64_t seconds = 0;
    const char* end = epoch + std::strlen(epoch);
    const auto [stop, error] = std::from_chars(epoch, end, seconds);
    if (error != std::errc() || stop != end || seconds > kLast) {
        throw UsageError(fmt::format("SOURCE_DATE_EPOCH is '{}', not a number of seconds since 1970 up to {}", epoch,
                                     kLast));
    }
    return static_cast<std::time_t>(seconds);
}

FindingLevel finding_level(Severity level) {
    switch (level) {
        case Severity::info: return FindingLevel::notice;
        case Severity::warning: return FindingLevel::warning;
        case Severity::error: return FindingLevel::error;
    }
    return FindingLevel::error;
}

bool has_diagnostic(const Document& doc, Severity least) {
    return std::any_of(doc.diagnostics.begin(), doc.diagnostics.end(),
                       [&](const Diagnostic& d) { return d.level >= least; });
}

// Reports the diagnostics of `doc` at `least` or above as `kfacts check`
// does: file:line:col: level: message [code].
void report_diagnostics(const Document& doc, Severity least, ReportWriter& report) {
    const DocumentPlaces places(doc);
    for (const Diagnostic& d : doc.diagnostics) {
        if (d.level >= least) report.add(diagnostic_finding(d, finding_level(d.level), places));
    }
}

}  // namespace

unsigned default_jobs() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores > 0 ? cores : 1;
}

std::unique_ptr<Extractor> load_extractor(const std::string& rules) {
    return Extractor::load(rules.empty() ? default_rules_dir() : rules);
}

OutputStream::OutputStream(const std::string& path) {
    if (path.empty() || path == "-") return;
    file_.open(path, std::ios::binary | std::ios::trunc);
    if (!file_) throw UsageError(fmt::format("cannot write {}", path));
}

void refuse_writing_an_input(const std::string& output, const std::vector<std::string>& inputs) {
    namespace fs = std::filesystem;
    const std::optional<FileId> written = regular_output_file(output);
    // Writing to a device or a FIFO destroys nothing; a file not there yet is
    // created by opening it, so an input of the same name would be read empty.
    std::error_code error;
    const bool absent = !is_stdout(output) && !fs::exists(output, error) && !error;
    const fs::path absent_path = absent ? fs::weakly_canonical(output, error) : fs::path();
    const auto names_absent_output = [&](const std::string& input) {
        std::error_code input_error;
        return !fs::exists(input, input_error) && !input_error &&
               fs::weakly_canonical(input, input_error) == absent_path && !input_error;
    };
    for (const std::string& input : inputs) {
        if (input == "-") continue;
        if (written ? regular_file_id(input) == written : absent && !error && names_absent_output(input)) {
            throw UsageError(fmt::format("{} is the input {}: writing it would destroy the input",
                                         is_stdout(output) ? "standard output" : output, input));
        }
    }
}

std::vector<FileId> written_files(const std::string& output) {
    const std::optional<FileId> written = regular_output_file(output);
    return written ? std::vector<FileId>{*written} : std::vector<FileId>{};
}

void add_extract_options(CLI::App& cmd, ExtractArgs& args) {
    cmd.add_option("paths", args.paths, "Files (.txt, .md, .jsonl), directories, or - for stdin")->required();
    cmd.add_option("--format", args.format,
                   "json (one array of indented documents; default at a terminal), jsonl (one document a "
                   "line; default otherwise), csv (one row per fact), xlsx (a sheet per fact type; needs -o), "
                   "sqlite (needs --db); without --format, -o FILE.json, .jsonl, .csv, .xlsx, .sqlite or .db "
                   "chooses")
        ->check(CLI::IsMember({"json", "jsonl", "csv", "xlsx", "sqlite"}));
    cmd.add_option("-o,--output", args.output, "Write to FILE instead of stdout");
    cmd.add_option("--db", args.db,
                   "SQLite database to write (--format sqlite); an article written again replaces its facts");
    cmd.add_option("--types", args.types,
                   "Fact types, comma-separated: team, model, parameter_count, benchmark_score, quote, quantity, all")
        ->capture_default_str();
    cmd.add_option("--rules", args.rules, "Rules directory (default: $KFACTS_RULES or the built-in one)");
    cmd.add_flag("--explain", args.explain, "Add each fact's matched tokens (json and jsonl)");
    cmd.add_flag("--no-bom", args.no_bom, "csv: no UTF-8 byte order mark (Excel needs it to read Hangul)");
    cmd.add_option("-j,--jobs", args.jobs, "Extraction threads (default: the number of cores); output is the "
                                           "same for any number")
        ->check(CLI::Range(1u, 1024u))
        ->capture_default_str();
}

int run_extract(const ExtractArgs& args) {
    std::string error;
    const auto types = FactTypeSet::parse(args.types, error);
    if (!types) throw UsageError(fmt::format("--types: unknown fact type '{}'", error));
    const Format format = choose_format(args);
    if (!args.db.empty() && format != Format::sqlite) throw UsageError("--db writes --format sqlite only");
    if (args.no_bom && format != Format::csv) throw UsageError("--no-bom applies to --format csv only");
    const std::string file = format == Format::xlsx || format == Format::sqlite ? file_output(args, format) : "";
    refuse_writing_an_input(file.empty() ? args.output : file, args.paths);

    const auto extractor = load_extractor(args.rules);
    ExtractOptions options;
    options.types = *types;
    options.explain = args.explain;
    PipelineOptions pipeline;
    pipeline.jobs = args.jobs;
    Progress progress(isatty(STDERR_FILENO));
    // Errors go to standard error in every format; CSV has no place for a
    // document's other diagnostics, so they go there too.
    const Severity least_reported = format == Format::csv ? Severity::info : Severity::error;
    const auto input_problems = make_report_writer(ReportFormat::text, std::cerr, kVersion);
    bool any_error = false;
    const auto note_document = [&](const ExtractedDocument& item) {
        any_error = any_error || item.doc.has_error();
        if (has_diagnostic(item.doc, least_reported)) {
            progress.clear_line();
            report_diagnostics(item.doc, least_reported, *input_problems);
        }
        progress.document_done(item.doc.source.size());
    };

    if (format == Format::xlsx) {
        XlsxOptions xlsx;
        xlsx.types = *types;
        xlsx.created = workbook_created();
        XlsxWriter writer(file, xlsx);
        pipeline.outputs = written_files(file);
        run_pipeline(args.paths, *extractor, options, pipeline, nullptr, [&](ExtractedDocument&& item) {
            writer.add(item.doc, item.facts);
            note_document(item);
        });
        progress.finish();
        for (const std::string& note : writer.finish()) fmt::print(stderr, "kfacts: note: {}\n", note);
        return any_error ? 1 : 0;
    }
    if (format == Format::sqlite) {
        SqliteWriter writer(file);
        pipeline.outputs = written_files(file);
        run_pipeline(args.paths, *extractor, options, pipeline, nullptr, [&](ExtractedDocument&& item) {
            writer.add(item.doc, item.facts);
            note_document(item);
        });
        writer.finish();
        return any_error ? 1 : 0;
    }

    OutputStream output(args.output);
    pipeline.outputs = written_files(args.output);
    std::ostream& out = output.get();
    FormatStep render;
    if (format == Format::csv) {
        CsvStyle csv;
        csv.bom = !args.no_bom;
        std::string header;
        append_csv_header(header, csv);
        out.write(header.data(), static_cast<std::streamsize>(header.size()));
        render = [](ExtractedDocument& item) { append_document_csv(item.rendered, item.doc, item.facts); };
    } else {
        JsonStyle style;
        style.pretty = format == Format::json;
        style.explain = args.explain;
        render = [style](ExtractedDocument& item) { append_document_json(item.rendered, item.doc, item.facts, style); };
    }
    // --format json is one JSON array of the documents, whatever their number,
    // so that the output is one JSON value: each document's closing newline
    // gives way to the separator or to the end of the array.
    bool first = true;
    run_pipeline(args.paths, *extractor, options, pipeline, render, [&](ExtractedDocument&& item) {
        std::string_view rendered = item.rendered;
        if (format == Format::json) {
            out << (first ? "[\n" : ",\n");
            rendered.remove_suffix(1);
        }
        first = false;
        out.write(rendered.data(), static_cast<std::streamsize>(rendered.size()));
        out.flush();
        note_document(item);
    });
    if (format == Format::json) out << (first ? "[]\n" : "\n]\n");
    if (!out) throw std::runtime_error("writing the output failed");
    return any_error ? 1 : 0;
}

int run_tokens(const std::vector<std::string>& paths, const std::string& rules) {
    refuse_writing_an_input("-", paths);
    const auto extractor = load_extractor(rules);
    bool any_error = false;
    read_inputs(paths, ReadLimits{}, [&](Document&& doc) {
        any_error = any_error || doc.has_error();
        std::string out = fmt::format("# {} ({})\n", doc.meta.id, doc.meta.path);
        write_token_listing(out, doc.text, extractor->tokenize(doc.text));
        std::fwrite(out.data(), 1, out.size(), stdout);
    }, written_files("-"));
    return any_error ? 1 : 0;
}

int run_rules_tags(const std::vector<std::string>& paths, const std::string& rules) {
    refuse_writing_an_input("-", paths);
    const auto extractor = load_extractor(rules);
    bool any_error = false;
    read_inputs(paths, ReadLimits{}, [&](Document&& doc) {
        any_error = any_error || doc.has_error();
        const Analysis analysis = extractor->analyse(doc);
        std::string out = fmt::format("# {} ({})\n", doc.meta.id, doc.meta.path);
        std::size_t next_match = 0;
        for (std::size_t s = 0; s < analysis.units.sentences.size(); ++s) {
            const SentenceTags& sentence = analysis.units.sentences[s];
            if (sentence.first_unit == sentence.end_unit) continue;
            const std::size_t start = analysis.units.units[sentence.first_unit].norm_start;
            const std::size_t end = analysis.units.units[sentence.end_unit - 1].norm_end;
            fmt::format_to(std::back_inserter(out), "sentence {}: {}\n  tags: {}\n", s + 1,
                           std::string_view(doc.text.text).substr(start, end - start),
                           readable_tags(analysis.units, s, doc.text, analysis.quantities, extractor->lexicon()));
            for (; next_match < analysis.matches.size() && analysis.matches[next_match].sentence == s; ++next_match) {
                const RuleMatch& match = analysis.matches[next_match];
                const std::size_t a = analysis.units.units[match.whole.first].norm_start;
                const std::size_t b = analysis.units.units[match.whole.end - 1].norm_end;
                fmt::format_to(std::back_inserter(out), "  match {}: {}\n", match.rule->id,
                               std::string_view(doc.text.text).substr(a, b - a));
            }
        }
        std::fwrite(out.data(), 1, out.size(), stdout);
    }, written_files("-"));
    return any_error ? 1 : 0;
}

int run_rules_test(const std::string& rules) {
    const auto extractor = load_extractor(rules);
    std::size_t passed = 0, failed = 0;
    for (const ExampleResult& r : run_rule_examples(*extractor)) {
        if (r.passed) {
            ++passed;
            continue;
        }
        ++failed;
        fmt::print("{}: {} failed: {}\n    {}\n", r.where, r.rule, r.text, r.problem);
    }
    fmt::print("{} passed, {} failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}

int run_rules_lint(const std::string& rules) {
    const auto extractor = load_extractor(rules);  // loading checks syntax, patterns, links
    std::size_t examples = 0;
    for (const auto& rule : extractor->rules().rules()) examples += rule->examples.size();
    fmt::print("{} rules with {} examples, {} gazetteer entries with {} examples: ok\n",
               extractor->rules().rules().size(), examples, extractor->lexicon().entities().size(),
               extractor->lexicon().examples().size());
    return 0;
}

}  // namespace kfacts::cli
