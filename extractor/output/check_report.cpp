#include "output/check_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <vector>

#include "output/fact_table.h"

namespace kfacts {
namespace {

std::string_view rule_summary(std::string_view code) {
    if (code == check_code::missed) return "A fact in the expected-facts file was not extracted";
    if (code == check_code::unexpected) return "An extracted fact is not in the expected-facts file";
    if (code == check_code::min_f1) return "Micro-averaged F1 is below --min-f1";
    if (code == check_code::expected_invalid) return "An expected-facts file cannot be used";
    if (code == check_code::contradiction) return "A claim contradicts a fact stored from an earlier article";
    if (code == check_code::new_entity) return "A team, model or speaker never seen in the facts database";
    if (code == check_code::no_facts) return "An article without any fact";
    if (code == check_code::no_expected) return "An article without an expected-facts file, not scored";
    if (code == check_code::nothing_scored) return "No article had an expected-facts file: nothing was scored";
    if (code == check_code::no_articles) return "The paths given hold no article";
    return "A problem with an input article";
}

std::string location_prefix(const FindingLocation& where) {
    std::string out = valid_utf8_text(where.path);
    if (where.line > 0) out += fmt::format(":{}", where.line);
    if (where.line > 0 && where.col > 0) out += fmt::format(":{}", where.col);
    return out;
}

class TextReport final : public ReportWriter {
public:
    explicit TextReport(std::ostream& out) : out_(out) {}
    void add(const Finding& f) override {
        const std::string where = f.location ? location_prefix(*f.location) : "kfacts";
        std::string message = valid_utf8_text(f.message);
        std::replace_if(message.begin(), message.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
        out_ << fmt::format("{}: {}: {} [{}]\n", where, finding_level_name(f.level), message, f.code);
    }
    void finish(const nlohmann::json&) override { out_.flush(); }

private:
    std::ostream& out_;
};

class GithubReport final : public ReportWriter {
public:
    explicit GithubReport(std::ostream& out) : out_(out) {}
    void add(const Finding& f) override {
        std::vector<std::string> properties;
        if (f.location) {
            const FindingLocation& w = *f.location;
            properties.push_back("file=" + github_escape_property(valid_utf8_text(w.path)));
            if (w.line > 0) properties.push_back(fmt::format("line={}", w.line));
            if (w.line > 0 && w.col > 0) properties.push_back(fmt::format("col={}", w.col));
            if (w.end_line > 0) properties.push_back(fmt::format("endLine={}", w.end_line));
            if (w.end_line > 0 && w.end_col > 0) properties.push_back(fmt::format("endColumn={}", w.end_col));
        }
        properties.push_back("title=" + github_escape_property(f.code));
        out_ << fmt::format("::{} {}::{}\n", finding_level_name(f.level), fmt::join(properties, ","),
                            github_escape_data(valid_utf8_text(f.message)));
    }
    void finish(const nlohmann::json&) override { out_.flush(); }

private:
    std::ostream& out_;
};

nlohmann::json sarif_location(const FindingLocation& w) {
    nlohmann::json physical{{"artifactLocation", {{"uri", sarif_uri(w.path)}}}};
    if (w.line > 0) {
        nlohmann::json region{{"startLine", w.line}};
        if (w.col > 0) region["startColumn"] = w.col;
        if (w.end_line > 0) region["endLine"] = w.end_line;
        if (w.end_line > 0 && w.end_col > 0) region["endColumn"] = w.end_col;
        physical["region"] = std::move(region);
    }
    return {{"physicalLocation", std::move(physical)}};
}

std::string_view sarif_level(FindingLevel level) {
    switch (level) {
        case FindingLevel::notice: return "note";
        case FindingLevel::warning: return "warning";
        case FindingLevel::error: return "error";
    }
    return "none";
}

// Results are written as they come; the rules they refer to are collected
// and written after them (SARIF does not order an object's properties).
class SarifReport final : public ReportWriter {
public:
    SarifReport(std::ostream& out, std::string_view version) : out_(out), version_(version) {
        out_ << "{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", \"version\": \"2.1.0\",\n"
                " \"runs\": [{\"columnKind\": \"unicodeCodePoints\",\n  \"results\": [";
    }
    void add(const Finding& f) override {
        auto [rule, added] = rule_index_.try_emplace(f.code, rules_.size());
        if (added) {
            rules_.push_back({{"id", f.code},
                              {"shortDescription", {{"text", rule_summary(f.code)}}},
                              {"defaultConfiguration", {{"level", sarif_level(f.level)}}}});
        }
        nlohmann::json result{{"ruleId", f.code},
                              {"ruleIndex", rule->second},
                              {"level", sarif_level(f.level)},
                              {"message", {{"text", f.message}}}};
        if (f.location) result["locations"] = nlohmann::json::array({sarif_location(*f.location)});
        if (f.related) {
            nlohmann::json related = sarif_location(*f.related);
            related["id"] = 1;
            related["message"] = {{"text", "the earlier source"}};
            result["relatedLocations"] = nlohmann::json::array({std::move(related)});
        }
        out_ << (first_ ? "\n   " : ",\n   ") << dump(result);
        first_ = false;
    }
    void finish(const nlohmann::json& properties) override {
        const nlohmann::json tool{{"driver",
                                   {{"name", "kfacts"},
                                    {"version", version_},
                                    {"rules", rules_}}}};
        out_ << "],\n  \"tool\": " << dump(tool);
        if (!properties.is_null()) out_ << ",\n  \"properties\": " << dump(properties);
        out_ << "}]}\n";
        out_.flush();
    }

private:
    static std::string dump(const nlohmann::json& j) {
        return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }

    std::ostream& out_;
    std::string version_;
    bool first_ = true;
    std::map<std::string, std::size_t, std::less<>> rule_index_;
    nlohmann::json rules_ = nlohmann::json::array();
};

std::string escape(std::string_view s, std::string_view specials) {
    std::string out;
    for (char c : s) {
        if (specials.find(c) != std::string_view::npos) out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        else out += c;
    }
    return out;
}

}  // namespace

DocumentPlaces::DocumentPlaces(const Document& doc) : doc_(doc), locator_(doc.source, doc.source_valid_utf8) {}

FindingLocation DocumentPlaces::of_span(ByteSpan span) const {
    FindingLocation where = of_document();
    if (!doc_.source_field.empty()) return where;
    const SourcePosition start = locator_.locate(span.start);
    const SourcePosition end = locator_.locate(span.end);
    where.line = start.line;
    where.col = start.col;
    where.end_line = end.line;
    where.end_col = end.col;
    return where;
}

FindingLocation DocumentPlaces::of_document() const {
    FindingLocation where;
    where.path = doc_.meta.path;
    where.line = doc_.input_line;
    return where;
}

Finding diagnostic_finding(const Diagnostic& d, FindingLevel level, const DocumentPlaces& places) {
    return {level, std::string(code_name(d.code)), d.message, d.span ? places.of_span(*d.span) : places.of_document(),
            std::nullopt};
}

std::string_view finding_level_name(FindingLevel level) {
    switch (level) {
        case FindingLevel::notice: return "notice";
        case FindingLevel::warning: return "warning";
        case FindingLevel::error: return "error";
    }
    return "unknown";
}

std::unique_ptr<ReportWriter> make_report_writer(ReportFormat format, std::ostream& out,
                                                 std::string_view tool_version) {
    switch (format) {
        case ReportFormat::text: return std::make_unique<TextReport>(out);
        case ReportFormat::github: return std::make_unique<GithubReport>(out);
        case ReportFormat::sarif: return std::make_unique<SarifReport>(out, tool_version);
    }
    return nullptr;
}

std::string github_escape_data(std::string_view s) { return escape(s, "%\r\n"); }

std::string github_escape_property(std::string_view s) { return escape(s, "%\r\n:,"); }

std::string sarif_uri(std::string_view path) {
    std::string out = !path.empty() && path[0] == '/' ? "file://" : "";
    for (unsigned char c : path) {
        const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
        if (unreserved) out += static_cast<char>(c);
        else out += fmt::format("%{:02X}", c);
    }
    return out;
}

}  // namespace kfacts
