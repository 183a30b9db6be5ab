#include "rules/rule_set.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "rules/lexicon.h"

namespace kfacts {
namespace {

constexpr std::string_view kFactKinds[] = {"parameter_count", "benchmark_score", "model", "team", "speaker"};

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// In a label alternative, `.` means any character inside the label.
std::string expand_label(std::string_view label) {
    std::string out;
    for (std::size_t i = 0; i < label.size(); ++i) {
        if (label[i] == '\\' && i + 1 < label.size()) {
            out += label.substr(i, 2);
            ++i;
        } else if (label[i] == '.') {
            out += "[^}]";
        } else {
            out += label[i];
        }
    }
    return out;
}

}  // namespace

std::string RuleSet::expand(std::string_view pattern, std::string& error) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == ' ' || c == '\t') continue;
        if (c == '\\' && i + 1 < pattern.size()) {
            out += pattern.substr(i, 2);
            ++i;
            continue;
        }
        if (c != '[') {
            out += c;
            continue;
        }
        // The macro ends at its matching ']': labels may hold RE2 classes ([-:\d]).
        std::size_t close = std::string_view::npos;
        for (std::size_t k = i + 1, depth = 1; k < pattern.size(); ++k) {
            if (pattern[k] == '\\') {
                ++k;
            } else if (pattern[k] == '[') {
                ++depth;
            } else if (pattern[k] == ']' && --depth == 0) {
                close = k;
                break;
            }
        }
        if (close == std::string_view::npos) {
            error = fmt::format("unclosed '[' at column {}", i + 1);
            return {};
        }
        const std::string_view macro = pattern.substr(i + 1, close - i - 1);
        i = close;
        const std::size_t colon = macro.find(':');
        const std::string_view cls = trim(macro.substr(0, colon));
        if (cls.empty()) {
            error = "empty unit macro []";
            return {};
        }
        // Each macro is one group, so that a quantifier after it applies to the whole unit.
        if (cls == "any") {
            out += "(?:\\{[^}]*\\})";
            continue;
        }
        if (cls.find_first_not_of("abcdefghijklmnopqrstuvwxyz_*") != std::string_view::npos) {
            error = fmt::format("unit class '{}' is not a lower-case name", cls);
            return {};
        }
        out += "(?:\\{";
        out += cls == "*" ? std::string("[^:}]*") : std::string(cls);
        out += ':';
        if (colon == std::string_view::npos) {
            out += "[^}]*";
        } else {
            out += "(?:" + expand_label(trim(macro.substr(colon + 1))) + ")";
        }
        out += "\\})";
    }
    return out;
}

void RuleSet::add_file(const std::string& path, std::string_view content) {
    std::istringstream in{std::string(content)};
    std::string raw;
    std::size_t number = 0;
    Rule* rule = nullptr;
    const auto fail = [&](const std::string& why) {
        throw RuleLoadError(fmt::format("{}:{}: {}", path, number, why));
    };
    while (std::getline(in, raw)) {
        ++number;
        const std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#') continue;
        const std::size_t space = line.find_first_of(" \t");
        const std::string_view key = line.substr(0, space);
        const std::string_view value = space == std::string_view::npos ? "" : trim(line.substr(space));
        if (key == "rule") {
            if (value.empty()) fail("a rule needs an id");
            for (const auto& r : rules_) {
                if (r->id == value) fail(fmt::format("rule '{}' is defined twice (first at {}:{})", value, r->file, r->line));
            }
            rules_.push_back(std::make_unique<Rule>());
            rule = rules_.back().get();
            rule->id = std::string(value);
            rule->file = path;
            rule->line = number;
            continue;
        }
        if (rule == nullptr) fail(fmt::format("'{}' before the first 'rule'", key));
        if (key == "fact") {
            if (std::find(std::begin(kFactKinds), std::end(kFactKinds), value) == std::end(kFactKinds)) {
                fail(fmt::format("unknown fact '{}'", value));
            }
            rule->fact = std::string(value);
        } else if (key == "pattern") {
            if (!rule->pattern.empty()) fail("a rule has one pattern");
            std::string error;
            const std::string expanded = expand(value, error);
            if (!error.empty()) fail(error);
            rule->expanded = expanded;
            rule->pattern = std::string(value);
            rule->pattern_line = number;
        } else if (key == "example") {
            const std::size_t arrow = value.find("=>");
            if (arrow == std::string_view::npos) fail("an example is 'text => field=value; ...' or 'text => none'");
            RuleExample example;
            example.line = number;
            example.text = std::string(trim(value.substr(0, arrow)));
            const std::string_view expect = trim(value.substr(arrow + 2));
            if (expect == "none") {
                example.none = true;
            } else {
                std::size_t start = 0;
                while (start <= expect.size()) {
                    std::size_t end = expect.find(';', start);
                    if (end == std::string_view::npos) end = expect.size();
                    const std::string_view item = trim(expect.substr(start, end - start));
                    const std::size_t eq = item.find('=');
                    if (eq == std::string_view::npos) fail(fmt::format("'{}' is not field=value", item));
                    example.expect.emplace(std::string(trim(item.substr(0, eq))), std::string(trim(item.substr(eq + 1))));
                    start = end + 1;
                }
            }
            if (example.text.empty()) fail("an example needs text");
            rule->examples.push_back(std::move(example));
        } else {
            fail(fmt::format("unknown key '{}' (rule, fact, pattern, example)", key));
        }
    }
    for (const auto& r : rules_) {
        if (r->file != path) continue;
        number = r->line;
        if (r->fact.empty()) fail(fmt::format("rule '{}' has no fact", r->id));
        if (r->expanded.empty()) fail(fmt::format("rule '{}' has no pattern", r->id));
        if (r->examples.empty()) fail(fmt::format("rule '{}' has no example", r->id));
    }
}

void RuleSet::compile(std::int64_t set_max_mem) {
    // Each rule's own RE2 compiles on a second thread while this one builds
    // the set: loading takes about half the time on two cores.
    std::vector<std::string> rule_errors(rules_.size());
    std::exception_ptr rule_failure;
    // A jthread joins even when building the sets throws.
    std::jthread rule_compiler([&] {
        try {
            for (std::size_t i = 0; i < rules_.size(); ++i) {
                Rule& rule = *rules_[i];
                if (rule.regex) continue;
                RE2::Options options;
                options.set_log_errors(false);
                options.set_max_mem(kRuleMaxMem);
                auto regex = std::make_unique<RE2>(rule.expanded, options);
                if (!regex->ok()) {
                    rule_errors[i] = regex->error();
                    continue;
                }
                rule.groups.assign(static_cast<std::size_t>(regex->NumberOfCapturingGroups()) + 1, "");
                for (const auto& [name, index] : regex->NamedCapturingGroups()) {
                    rule.groups[static_cast<std::size_t>(index)] = name;
                }
                rule.regex = std::move(regex);
            }
        } catch (...) {
            rule_failure = std::current_exception();
        }
    });

    // One selecting set per fact type: the DFA of one set over all rules
    // needs the product of their states (some 45 MB); sets of a type's ten
    // or so rules need a fraction of that together, at the cost of one more
    // pass over the tags per set.
    std::vector<std::string> kinds;
    for (const auto& rule : rules_) {
        if (std::find(kinds.begin(), kinds.end(), rule->fact) == kinds.end()) kinds.push_back(rule->fact);
    }
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(set_max_mem);
    std::vector<SelectingSet> sets(kinds.size());
    std::size_t rejected = rules_.size();
    std::string set_error;
    for (std::size_t k = 0; k < kinds.size() && rejected == rules_.size(); ++k) {
        sets[k].set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
        for (std::size_t i = 0; i < rules_.size() && rejected == rules_.size(); ++i) {
            if (rules_[i]->fact != kinds[k]) continue;
            if (sets[k].set->Add(rules_[i]->expanded, &set_error) < 0) rejected = i;
            sets[k].rules.push_back(static_cast<int>(i));
        }
    }
    bool compiled = rejected == rules_.size();
    for (std::size_t k = 0; k < sets.size() && compiled; ++k) compiled = sets[k].set->Compile();
    rule_compiler.join();

    if (rule_failure) std::rethrow_exception(rule_failure);
    for (std::size_t i = 0; i < rules_.size(); ++i) {
        if (!rule_errors[i].empty()) {
            throw RuleLoadError(
                fmt::format("{}:{}: bad pattern: {}", rules_[i]->file, rules_[i]->pattern_line, rule_errors[i]));
        }
    }
    if (rejected < rules_.size()) {
        throw RuleLoadError(fmt::format("{}:{}: bad pattern: {}", rules_[rejected]->file,
                                        rules_[rejected]->pattern_line, set_error));
    }
    if (!compiled) {
        throw RuleLoadError(fmt::format("{}: the rules are too large for the selecting sets' memory budget ({} MiB each)",
                                        rules_.empty() ? std::string("rules") : rules_.front()->file,
                                        set_max_mem >> 20));
    }
    sets_ = std::move(sets);
}

RuleSet RuleSet::load(const std::string& dir) {
    namespace fs = std::filesystem;
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".rules") files.push_back(entry.path());
    }
    if (ec) throw RuleLoadError(fmt::format("{}: {}", dir, ec.message()));
    std::sort(files.begin(), files.end());
    RuleSet set;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream content;
        content << in.rdbuf();
        if (!in) throw RuleLoadError(fmt::format("{}: cannot read", file.string()));
        set.add_file(file.string(), content.str());
    }
    set.compile();
    return set;
}

void RuleSet::match_sentence(const AnnotatedText& text, std::size_t sentence,
                             std::vector<RuleMatch>& out) const {
    const std::string& tags = text.sentences[sentence].tags;
    std::vector<int> candidates;
    std::vector<int> selected;
    for (const SelectingSet& set : sets_) {
        RE2::Set::ErrorInfo error{};
        selected.clear();
        if (set.set->Match(tags, &selected, &error)) {
            for (int i : selected) candidates.push_back(set.rules[static_cast<std::size_t>(i)]);
        } else if (error.kind != RE2::Set::kNoError) {
            // Out of DFA memory (a pathological sentence): the set cannot tell
            // which of its rules match, so they all run; the result is the same.
            candidates.insert(candidates.end(), set.rules.begin(), set.rules.end());
        }
    }
    if (candidates.empty()) return;
    std::sort(candidates.begin(), candidates.end());
    std::vector<re2::StringPiece> groups;
    for (int index : candidates) {
        const Rule& rule = *rules_[static_cast<std::size_t>(index)];
        groups.assign(rule.groups.size(), re2::StringPiece());
        std::size_t pos = 0;
        while (pos < tags.size() &&
               rule.regex->Match(tags, pos, tags.size(), RE2::UNANCHORED, groups.data(),
                                 static_cast<int>(groups.size()))) {
            const auto offset = [&](const re2::StringPiece& g) {
                return static_cast<std::size_t>(g.data() - tags.data());
            };
            RuleMatch match;
            match.rule = &rule;
            match.sentence = sentence;
            const auto [wf, we] = text.units_in(sentence, offset(groups[0]), offset(groups[0]) + groups[0].size());
            match.whole = {wf, we};
            for (std::size_t g = 1; g < groups.size(); ++g) {
                if (rule.groups[g].empty() || groups[g].data() == nullptr) continue;
                const auto [f, e] = text.units_in(sentence, offset(groups[g]), offset(groups[g]) + groups[g].size());
                match.captures[rule.groups[g]] = {f, e};
            }
            out.push_back(std::move(match));
            const std::size_t end = offset(groups[0]) + groups[0].size();
            // Resume at the next unit after the match start when it matched nothing.
            pos = end > pos ? end : tags.find('{', pos + 1);
            if (pos == std::string::npos) break;
        }
    }
}

}  // namespace kfacts
