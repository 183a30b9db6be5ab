// The whole pipeline on any bytes, as a file: extract every fact type with
// --explain, write kfacts/1 JSON Lines, and check the record: exactly one
// line that parses as JSON, every span inside the input, its text the bytes
// of the input there (ill-formed UTF-8 shown as U+FFFD), positions in order.
#include <nlohmann/json.hpp>

#include "fuzz_support.h"
#include "output/json_writer.h"

using namespace kfacts;

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fuzz::extractor();
    return 0;
}

namespace {

void check_json_span(const nlohmann::json& span, const std::string& source) {
    const auto start = span.at("start").get<std::size_t>();
    const auto end = span.at("end").get<std::size_t>();
    FUZZ_CHECK(start <= end && end <= source.size());
    FUZZ_CHECK(span.at("char_start").get<std::size_t>() <= span.at("char_end").get<std::size_t>());
    FUZZ_CHECK(span.at("line").get<std::size_t>() >= 1 && span.at("col").get<std::size_t>() >= 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Document doc = read_document_bytes("fuzz.txt", std::string(fuzz::as_text(data, size)));
    ExtractOptions options;
    options.types = FactTypeSet::all();
    options.explain = true;
    const std::vector<Fact> facts = fuzz::extractor().extract(doc, options);
    fuzz::check_document(doc);
    for (const Fact& fact : facts) {
        fuzz::check_span(fact.span, doc.source.size());
        if (fact.speaker_span) fuzz::check_span(*fact.speaker_span, doc.source.size());
    }

    std::string line;
    append_document_json(line, doc, facts, JsonStyle{false, true});
    FUZZ_CHECK(!line.empty() && line.back() == '\n');
    FUZZ_CHECK(line.find('\n') == line.size() - 1);  // one record, one line
    const nlohmann::json record = nlohmann::json::parse(line);
    FUZZ_CHECK(record.at("facts").size() == facts.size());
    for (std::size_t k = 0; k < facts.size(); ++k) {
        const nlohmann::json& fact = record["facts"][k];
        check_json_span(fact.at("span"), doc.source);
        std::string expected;
        append_json_string(expected, std::string_view(doc.source).substr(facts[k].span.start, facts[k].span.size()));
        FUZZ_CHECK(nlohmann::json::parse(expected) == fact.at("text"));
    }
    for (const nlohmann::json& d : record.at("diagnostics")) {
        if (d.contains("span")) check_json_span(d["span"], doc.source);
    }
    return 0;
}
