// `kfacts check`: extraction as CI sees it. Compares what is extracted from
// new articles with expected-facts files and with the facts of earlier runs,
// and reports input problems, all as findings with file:line.
//
// Levels: errors fail the run (exit 1): contradictions with the database,
// inputs that cannot be read or are broken (invalid UTF-8, front matter not
// closed or malformed, an empty file, a bad JSON Lines record), unusable
// expected-facts files, micro F1 below --min-f1, and a run that checked no
// article or, with --min-f1, scored none. Warnings (missed and unexpected
// facts, an article without facts or without an expected-facts file, other
// input problems) and notices (new entities) are reported and do not fail it.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "cli/commands.h"
#include "cli/pipeline.h"
#include "cli/run_support.h"
#include "cli/scoring.h"
#include "output/check_report.h"
#include "output/fact_database.h"
#include "output/fact_table.h"

namespace kfacts::cli {
namespace {

using nlohmann::json;

constexpr std::size_t kQuotedChars = 40;   // of a quotation in a message
constexpr std::size_t kProblemsShown = 5;  // of an expected-facts file, in its finding

// Input problems that make an article unusable as a source: errors in a
// check even where extract only warns.
bool breaks_article(DiagnosticCode code) {
    switch (code) {
        case DiagnosticCode::io_empty:
        case DiagnosticCode::utf8_invalid:
        case DiagnosticCode::frontmatter_unterminated:
        case DiagnosticCode::frontmatter_malformed:
        case DiagnosticCode::jsonl_malformed:
        case DiagnosticCode::jsonl_missing_field: return true;
        default: return false;
    }
}

// nullopt for information that needs no one's attention (tab-indented front matter, unknown entities).
std::optional<FindingLevel> input_level(const Diagnostic& d) {
    if (d.level == Severity::error || breaks_article(d.code)) return FindingLevel::error;
    if (d.level == Severity::warning) return FindingLevel::warning;
    return std::nullopt;
}

// The first kQuotedChars characters of `s`, for a message.
std::string shortened(std::string_view s) {
    std::size_t i = 0;
    for (std::size_t chars = 0; i < s.size() && chars < kQuotedChars; ++chars) {
        char32_t cp;
        bool valid;
        i += utf8_sequence(s, i, cp, valid);
    }
    std::string out = valid_utf8_text(s.substr(0, i));
    if (i < s.size()) out += "…";
    return out;
}

std::string subject_of(const Fact& f) {
    if (f.model && f.team) return fmt::format("{} ({})", *f.model, *f.team);
    if (f.model) return *f.model;
    if (f.team) return *f.team;
    return "no subject";
}

std::string describe(const Fact& f) {
    switch (f.type) {
        case FactType::team: return f.team.value_or("");
        case FactType::model: return f.model.value_or("") + (f.team ? fmt::format(" ({})", *f.team) : "");
        case FactType::parameter_count:
            return fmt::format("{}{} parameters of {}", f.approximate ? "about " : "",
                               f.value ? f.value->to_string() : "?", subject_of(f));
        case FactType::benchmark_score:
            return fmt::format("{}{}{} of {}{}", f.score ? f.score->to_string() : "?",
                               f.max_score ? "/" + f.max_score->to_string() : "", f.unit.value_or(""), subject_of(f),
                               f.benchmark ? " on " + *f.benchmark : "");
        case FactType::quote:
            return fmt::format("{}: \u201C{}\u201D", f.speaker.value_or("?"), shortened(f.quote.value_or("")));
        case FactType::quantity: return f.value ? f.value->to_string() : "?";
    }
    return "";
}

std::string first_name(const json& entry, const char* field) {
    const auto it = entry.find(field);
    if (it == entry.end()) return "?";
    const json& v = it->is_array() && !it->empty() ? it->front() : *it;
    return v.is_string() ? v.get<std::string>() : v.dump();
}

std::string describe_expected(FactType type, const json& e) {
    const auto number = [&](const char* field) {
        const auto it = e.find(field);
        return it == e.end() ? std::string("?") : it->dump();
    };
    switch (type) {
        case FactType::team:
        case FactType::model: return first_name(e, "names");
        case FactType::parameter_count:
            return fmt::format("{} parameters of {}", number("value"), first_name(e, "subject"));
        case FactType::benchmark_score: return fmt::format("{} of {}", number("score"), first_name(e, "subject"));
        case FactType::quote: {
            const auto quote = e.find("quote");
            return fmt::format("{}: \u201C{}\u201D", first_name(e, "speaker"),
                               shortened(quote != e.end() && quote->is_string() ? quote->get<std::string>() : ""));
        }
        case FactType::quantity: return "";
    }
    return "";
}

// The expected-facts files of a directory, found by the id they hold (or
// their name), read when a document with that id comes.
class ExpectedFacts {
public:
    ExpectedFacts(const std::string& dir, const std::function<void(Finding)>& report) {
        std::error_code error;
        std::vector<std::string> files;
        for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
            if (entry.path().extension() == ".json") files.push_back(entry.path().string());
        }
        if (error) throw UsageError(fmt::format("--expected {}: {}", dir, error.message()));
        std::sort(files.begin(), files.end());
        for (const std::string& file : files) {
            const auto expected = parse(file, report);
            std::string id = std::filesystem::path(file).stem().string();
            if (expected) {
                const auto field = expected->find("id");
                if (field != expected->end() && field->is_string()) id = field->get<std::string>();
                path_by_id_[id] = file;
            }
            ids_.insert(id);
        }
    }

    std::size_t size() const { return path_by_id_.size(); }

    // Whether `id` has an expected-facts file: usable or not, scored already or not.
    bool has(const std::string& id) const { return ids_.count(id) > 0; }

    // The expected facts of `id`, once: a second document with the same id is not scored again.
    std::optional<json> take(const std::string& id, std::string& path, const std::function<void(Finding)>& report) {
        const auto it = path_by_id_.find(id);
        if (it == path_by_id_.end()) return std::nullopt;
        path = it->second;
        path_by_id_.erase(it);
        return parse(path, report);
    }

private:
    static std::optional<json> parse(const std::string& file, const std::function<void(Finding)>& report) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        FindingLocation where;
        where.path = file;
        where.line = 1;
        if (!in) {
            report({FindingLevel::error, std::string(check_code::expected_invalid), "cannot read the expected-facts file",
                    where, std::nullopt});
            return std::nullopt;
        }
        const std::string text = bytes.str();
        try {
            json expected = json::parse(text);
            const std::vector<std::string> problems = expected_facts_problems(expected);
            if (problems.empty()) return expected;
            const std::size_t shown = std::min(problems.size(), kProblemsShown);
            std::string message =
                fmt::format("not an expected-facts file as docs/FACTS.md describes it, not scored: {}",
                            fmt::join(problems.begin(), problems.begin() + static_cast<std::ptrdiff_t>(shown), "; "));
            if (problems.size() > shown) message += fmt::format("; and {} more problems", problems.size() - shown);
            report({FindingLevel::error, std::string(check_code::expected_invalid), std::move(message), where,
                    std::nullopt});
        } catch (const json::parse_error& e) {
            const SourcePosition at = SourceLocator(text).locate(e.byte > 0 ? std::min(e.byte - 1, text.size()) : 0);
            where.line = at.line;
            where.col = at.col;
            report({FindingLevel::error, std::string(check_code::expected_invalid), e.what(), where, std::nullopt});
        }
        return std::nullopt;
    }

    std::map<std::string, std::string> path_by_id_;  // usable and not scored yet
    std::set<std::string> ids_;                      // of every file, an unusable one by its name
};

// Claims compared with the facts of earlier runs.
class DatabaseCheck {
public:
    explicit DatabaseCheck(const std::string& path) : db_(path) {}

    void check(const Document& doc, const std::vector<Fact>& facts, const DocumentPlaces& places,
               std::vector<Finding>& out) {
        std::set<std::string> compared;
        for (const Fact& f : facts) {
            if (f.type == FactType::parameter_count) check_count(doc, f, places, compared, out);
            if (f.type == FactType::benchmark_score) check_score(doc, f, places, compared, out);
            if (f.type == FactType::team && f.team) check_new("team", *f.team, db_.knows_team(*f.team), f, places, out);
            if (f.type == FactType::model && f.model) {
                check_new("model", *f.model, db_.knows_model(*f.model), f, places, out);
            }
            if (f.type == FactType::quote && f.speaker) {
                check_new("speaker", *f.speaker, db_.knows_speaker(*f.speaker), f, places, out);
            }
        }
    }

private:
    static FindingLocation stored_place(const StoredFact& s) {
        FindingLocation where;
        where.path = s.path;
        where.line = s.line;
        where.col = s.col;
        return where;
    }

    static void contradiction(const std::string& message, const std::vector<StoredFact>& stored, const Fact& f,
                              const DocumentPlaces& places, std::vector<Finding>& out) {
        const StoredFact& first = stored.front();
        std::string text = fmt::format("{}, but {} in {} at {}:{}:{} (\u201C{}\u201D)", message, first.number,
                                       first.doc_id, first.path, first.line, first.col, shortened(first.text));
        if (stored.size() > 1) text += fmt::format(", and {} other values elsewhere", stored.size() - 1);
        out.push_back({FindingLevel::error, std::string(check_code::contradiction), std::move(text),
                       places.of_span(f.span), stored_place(first)});
    }

    static bool states(const std::vector<StoredFact>& stored, const std::string& number) {
        return std::any_of(stored.begin(), stored.end(), [&](const StoredFact& s) { return s.number == number; });
    }

    // An exact count only contradicts exact counts: 500B급 and 5190억개 are both right.
    void check_count(const Document& doc, const Fact& f, const DocumentPlaces& places, std::set<std::string>& compared,
                     std::vector<Finding>& out) {
        if (!f.model || !f.value || f.approximate) return;
        const std::string value = f.value->to_string();
        if (!compared.insert(fmt::format("p\x1F{}\x1F{}", *f.model, value)).second) return;
        const auto stored = db_.parameter_counts(*f.model, doc.meta.id);
        if (stored.empty() || states(stored, value)) return;
        contradiction(fmt::format("{} has {} parameters here", *f.model, value), stored, f, places, out);
    }

    void check_score(const Document& doc, const Fact& f, const DocumentPlaces& places, std::set<std::string>& compared,
                     std::vector<Finding>& out) {
        if (!f.score || !f.benchmark || (!f.model && !f.team)) return;
        const std::string score = f.score->to_string();
        const std::string subject = f.model ? *f.model : *f.team;
        if (!compared.insert(fmt::format("s\x1F{}\x1F{}\x1F{}\x1F{}", subject, *f.benchmark, f.unit.value_or(""), score))
                 .second) {
            return;
        }
        const auto stored = db_.benchmark_scores(f.model, f.team, *f.benchmark, f.unit, doc.meta.id);
        if (stored.empty() || states(stored, score)) return;
        contradiction(fmt::format("{} scores {}{} on {} here", subject, score, f.unit.value_or(""), *f.benchmark),
                      stored, f, places, out);
    }

    void check_new(std::string_view kind, const std::string& name, bool known, const Fact& f,
                   const DocumentPlaces& places, std::vector<Finding>& out) {
        if (known || !noticed_.insert(fmt::format("{}\x1F{}", kind, name)).second) return;
        out.push_back({FindingLevel::notice, std::string(check_code::new_entity),
                       fmt::format("new {} \u201C{}\u201D: not in the facts database yet; please review", kind, name),
                       places.of_span(f.span), std::nullopt});
    }

    FactDatabase db_;
    std::set<std::string> noticed_;  // new entities reported once per run
};

ReportFormat report_format(const std::string& name) {
    if (name == "github") return ReportFormat::github;
    if (name == "sarif") return ReportFormat::sarif;
    return ReportFormat::text;
}

void add_diff_findings(const std::vector<ScoreDiff>& diffs, const std::string& expected_path,
                       const DocumentPlaces& places, std::vector<Finding>& out) {
    for (const ScoreDiff& d : diffs) {
        const std::string_view type = fact_type_name(d.type);
        switch (d.kind) {
            case ScoreDiff::Kind::missed:
                out.push_back({FindingLevel::warning, std::string(check_code::missed),
                               fmt::format("missed {}: {} (expected in {})", type, describe_expected(d.type, d.expected),
                                           expected_path),
                               places.of_document(), std::nullopt});
                break;
            case ScoreDiff::Kind::unexpected:
                out.push_back({FindingLevel::warning, std::string(check_code::unexpected),
                               fmt::format("unexpected {}: {} (not in {})", type, describe(*d.fact), expected_path),
                               places.of_span(d.fact->span), std::nullopt});
                break;
            case ScoreDiff::Kind::second_name:
                out.push_back({FindingLevel::warning, std::string(check_code::unexpected),
                               fmt::format("unexpected {}: {} is a second name of an entity found already (in {})",
                                           type, describe(*d.fact), expected_path),
                               places.of_span(d.fact->span), std::nullopt});
                break;
        }
    }
}

void print_scores(std::FILE* out, const Tally (&tallies)[std::size(kScoredTypes)], const Tally& micro) {
    fmt::print(out, "{:<16} {:>6} {:>6} {:>6}   correct/wrong  found/required\n", "type", "P", "R", "F1");
    const auto row = [&](std::string_view name, const Tally& t) {
        fmt::print(out, "{:<16} {:6.3f} {:6.3f} {:6.3f}   {:>5}/{:<5}  {:>5}/{}\n", name, t.precision(), t.recall(),
                   t.f1(), t.correct, t.wrong, t.found, t.required);
    };
    for (std::size_t i = 0; i < std::size(kScoredTypes); ++i) row(fact_type_name(kScoredTypes[i]), tallies[i]);
    row("micro", micro);
    fmt::print(out, "micro F1 {:.3f}\n", micro.f1());
}

json score_properties(const Tally (&tallies)[std::size(kScoredTypes)], const Tally& micro) {
    const auto of = [](const Tally& t) {
        return json{{"precision", t.precision()}, {"recall", t.recall()}, {"f1", t.f1()}, {"correct", t.correct},
                    {"wrong", t.wrong},           {"found", t.found},     {"required", t.required}};
    };
    json scores = json::object();
    for (std::size_t i = 0; i < std::size(kScoredTypes); ++i) scores[std::string(fact_type_name(kScoredTypes[i]))] = of(tallies[i]);
    scores["micro"] = of(micro);
    return scores;
}

}  // namespace

void add_check_options(CLI::App& cmd, CheckArgs& args) {
    cmd.add_option("paths", args.paths, "Articles: files (.txt, .md, .jsonl), directories, or - for stdin")->required();
    cmd.add_option("--expected", args.expected, "Directory of expected-facts files <id>.json (docs/FACTS.md)");
    cmd.add_option("--min-f1", args.min_f1, "Fail when micro-averaged F1 is below this (default 0: report only)")
        ->check(CLI::Range(0.0, 1.0));
    cmd.add_option("--db", args.db, "Facts of earlier runs (kfacts extract --format sqlite): report contradictions "
                                    "and new teams, models and speakers");
    cmd.add_option("--report", args.report, "text (file:line:col: level: message [code]), github (workflow "
                                            "commands) or sarif (SARIF 2.1.0)")
        ->check(CLI::IsMember({"text", "github", "sarif"}))
        ->capture_default_str();
    cmd.add_option("-o,--output", args.output, "Write the report to FILE instead of stdout");
    cmd.add_option("--rules", args.rules, "Rules directory (default: $KFACTS_RULES or the built-in one)");
    cmd.add_option("-j,--jobs", args.jobs, "Extraction threads (default: the number of cores)")
        ->check(CLI::Range(1u, 1024u));
}

int run_check(const CheckArgs& args) {
    if (args.min_f1 > 0 && args.expected.empty()) throw UsageError("--min-f1 needs --expected DIR");
    if (!args.expected.empty() && !std::filesystem::is_directory(args.expected)) {
        throw UsageError(fmt::format("--expected {}: not a directory", args.expected));
    }
    std::vector<std::string> inputs = args.paths;
    if (!args.db.empty()) inputs.push_back(args.db);
    refuse_writing_an_input(args.output, inputs);
    const ReportFormat format = report_format(args.report);
    std::optional<DatabaseCheck> database;
    if (!args.db.empty()) database.emplace(args.db);
    const auto extractor = load_extractor(args.rules);

    OutputStream output(args.output);
    // The scores and the summary are for people: on stdout, unless SARIF is there.
    std::FILE* people = format == ReportFormat::sarif && output.is_stdout() ? stderr : stdout;
    const auto report = make_report_writer(format, output.get(), kVersion);
    std::size_t counts[3] = {0, 0, 0};
    const std::function<void(Finding)> emit = [&](const Finding& f) {
        report->add(f);
        ++counts[static_cast<std::size_t>(f.level)];
    };

    std::optional<ExpectedFacts> expected;
    if (!args.expected.empty()) expected.emplace(args.expected, emit);
    const std::size_t expected_files = expected ? expected->size() : 0;

    Tally tallies[std::size(kScoredTypes)];
    std::size_t documents = 0, scored = 0;
    PipelineOptions pipeline;
    pipeline.jobs = args.jobs;
    pipeline.outputs = written_files(args.output);
    run_pipeline(args.paths, *extractor, ExtractOptions{}, pipeline, nullptr, [&](ExtractedDocument&& item) {
        ++documents;
        const Document& doc = item.doc;
        const DocumentPlaces places(doc);
        std::vector<Finding> found;
        for (const Diagnostic& d : doc.diagnostics) {
            if (const auto level = input_level(d)) found.push_back(diagnostic_finding(d, *level, places));
        }
        if (!doc.has_error() && item.facts.empty()) {
            found.push_back({FindingLevel::warning, std::string(check_code::no_facts), "no facts found in this article",
                             places.of_document(), std::nullopt});
        }
        if (expected && !expected->has(doc.meta.id)) {
            found.push_back({FindingLevel::warning, std::string(check_code::no_expected),
                             fmt::format("not scored: no expected-facts file with id {} in {}", doc.meta.id,
                                         args.expected),
                             places.of_document(), std::nullopt});
        }
        std::string expected_path;
        if (const auto facts = expected ? expected->take(doc.meta.id, expected_path, emit) : std::nullopt) {
            ++scored;
            std::vector<ScoreDiff> diffs;
            for (std::size_t i = 0; i < std::size(kScoredTypes); ++i) {
                score_document(kScoredTypes[i], item.facts, *facts, tallies[i], diffs);
            }
            add_diff_findings(diffs, expected_path, places, found);
        }
        if (database) database->check(doc, item.facts, places, found);
        std::stable_sort(found.begin(), found.end(), [](const Finding& a, const Finding& b) {
            const auto line = [](const Finding& f) { return f.location ? f.location->line : 0; };
            const auto col = [](const Finding& f) { return f.location ? f.location->col : 0; };
            return std::pair(line(a), col(a)) < std::pair(line(b), col(b));
        });
        for (const Finding& f : found) emit(f);
    });

    Tally micro;
    for (const Tally& t : tallies) micro += t;
    json properties{{"documents", documents}};
    if (expected) {
        print_scores(people, tallies, micro);
        fmt::print(people, "scored {} of {} documents against {} expected-facts files in {}\n", scored, documents,
                   expected_files, args.expected);
        properties["scores"] = score_properties(tallies, micro);
        properties["scored_documents"] = scored;
        if (args.min_f1 > 0 && micro.f1() < args.min_f1) {
            emit({FindingLevel::error, std::string(check_code::min_f1),
                  fmt::format("micro F1 {:.3f} is below --min-f1 {}", micro.f1(), args.min_f1), std::nullopt,
                  std::nullopt});
        }
    }
    // A gate that checked nothing must not pass: a wrong path or id would turn it green.
    if (documents == 0) {
        emit({FindingLevel::error, std::string(check_code::no_articles),
              fmt::format("no articles in {}", fmt::join(args.paths, ", ")), std::nullopt, std::nullopt});
    } else if (expected && scored == 0) {
        // Newly crawled articles have no expected facts yet: only a --min-f1
        // gate, which F1 over nothing would pass, fails for it.
        emit({args.min_f1 > 0 ? FindingLevel::error : FindingLevel::warning, std::string(check_code::nothing_scored),
              fmt::format("nothing scored: no article checked has an expected-facts file in {}", args.expected),
              std::nullopt, std::nullopt});
    }
    report->finish(properties);
    if (!output.get()) throw std::runtime_error("writing the report failed");
    fmt::print(people, "kfacts check: {} documents: {} errors, {} warnings, {} notices\n", documents,
               counts[static_cast<std::size_t>(FindingLevel::error)],
               counts[static_cast<std::size_t>(FindingLevel::warning)],
               counts[static_cast<std::size_t>(FindingLevel::notice)]);
    return counts[static_cast<std::size_t>(FindingLevel::error)] > 0 ? 1 : 0;
}

}  // namespace kfacts::cli
