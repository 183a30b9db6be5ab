// Findings of `kfacts check` and the three ways to report them: text for
// people, GitHub Actions workflow commands, and SARIF 2.1.0 for code
// scanning. Each writer streams: a finding is written when it is added.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "base/span.h"
#include "document/document.h"

namespace kfacts {

// The rule ids of check's own findings; input problems use the diagnostic
// codes of the document stage (utf8.invalid, frontmatter.unterminated, ...).
namespace check_code {
inline constexpr std::string_view missed = "check.missed";
inline constexpr std::string_view unexpected = "check.unexpected";
inline constexpr std::string_view min_f1 = "check.min-f1";
inline constexpr std::string_view expected_invalid = "check.expected-invalid";
inline constexpr std::string_view contradiction = "check.contradiction";
inline constexpr std::string_view new_entity = "check.new-entity";
inline constexpr std::string_view no_facts = "check.no-facts";
inline constexpr std::string_view no_expected = "check.no-expected";
inline constexpr std::string_view nothing_scored = "check.nothing-scored";
inline constexpr std::string_view no_articles = "check.no-articles";
}  // namespace check_code

enum class FindingLevel : std::uint8_t { notice, warning, error };
std::string_view finding_level_name(FindingLevel level);

struct FindingLocation {
    std::string path;
    std::size_t line = 0;      // 1-based; 0 when unknown
    std::size_t col = 0;       // 1-based, in code points; 0 when unknown
    std::size_t end_line = 0;  // 0 when unknown
    std::size_t end_col = 0;   // the column after the last character; 0 when unknown
};

// Places in an input file, for findings. In JSON Lines, spans count inside
// the decoded body, so a finding there is at the record's line.
class DocumentPlaces {
public:
    explicit DocumentPlaces(const Document& doc);
    FindingLocation of_span(ByteSpan span) const;
    FindingLocation of_document() const;

private:
    const Document& doc_;
    SourceLocator locator_;
};

struct Finding {
    FindingLevel level = FindingLevel::warning;
    std::string code;  // a rule id: "check.contradiction", or a diagnostic code: "utf8.invalid"
    std::string message;
    std::optional<FindingLocation> location;
    std::optional<FindingLocation> related;  // the other source of a contradiction
};

// A diagnostic of the document `places` is of, as a finding at `level`: at
// its span, or at the document when it has none.
Finding diagnostic_finding(const Diagnostic& d, FindingLevel level, const DocumentPlaces& places);

enum class ReportFormat : std::uint8_t { text, github, sarif };

class ReportWriter {
public:
    virtual ~ReportWriter() = default;
    virtual void add(const Finding& finding) = 0;
    // Ends the report; `properties` (the scores) go into SARIF's run.properties.
    virtual void finish(const nlohmann::json& properties) = 0;
};

std::unique_ptr<ReportWriter> make_report_writer(ReportFormat format, std::ostream& out,
                                                 std::string_view tool_version);

// GitHub workflow command escaping: the message (% CR LF) and property
// values (also : and ,).
std::string github_escape_data(std::string_view s);
std::string github_escape_property(std::string_view s);

// A SARIF artifact URI for a path: relative paths stay relative references,
// absolute ones become file:// URIs; bytes outside the unreserved set are
// percent-encoded.
std::string sarif_uri(std::string_view path);

}  // namespace kfacts
