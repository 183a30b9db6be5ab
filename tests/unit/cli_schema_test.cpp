// docs/schema/kfacts-1.schema.json against real `kfacts extract` output:
// with Python's jsonschema where it is installed (python3-jsonschema), and
// always with a small validator here that knows the keywords the schema
// uses and refuses any other, so that no constraint is skipped unnoticed.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

#include "output_test_support.h"

using namespace kfacts::testing;
using nlohmann::json;

namespace {

const std::string kSchemaPath = std::string(KFACTS_SOURCE_DIR) + "/docs/schema/kfacts-1.schema.json";

class SchemaValidator {
public:
    explicit SchemaValidator(json schema) : root_(std::move(schema)) {}

    // Empty when `value` is valid, else where and why it is not.
    std::string validate(const json& value) const { return check(root_, value, "$"); }

private:
    const json& resolve(const std::string& ref) const {
        const std::string prefix = "#/$defs/";
        if (ref.rfind(prefix, 0) != 0) throw std::runtime_error("unsupported $ref " + ref);
        return root_.at("$defs").at(ref.substr(prefix.size()));
    }

    static bool has_type(const json& v, const std::string& type) {
        if (type == "object") return v.is_object();
        if (type == "array") return v.is_array();
        if (type == "string") return v.is_string();
        if (type == "boolean") return v.is_boolean();
        if (type == "null") return v.is_null();
        if (type == "number") return v.is_number();
        if (type == "integer") return v.is_number_integer();  // kfacts never writes 1.0 for an integer
        throw std::runtime_error("unsupported type " + type);
    }

    std::string check(const json& schema, const json& v, const std::string& at) const {
        for (const auto& [keyword, arg] : schema.items()) {
            std::string problem;
            if (keyword == "$schema" || keyword == "title" || keyword == "description" || keyword == "$defs") continue;
            if (keyword == "$ref") {
                problem = check(resolve(arg), v, at);
            } else if (keyword == "type") {
                const auto types = arg.is_array() ? arg.get<std::vector<std::string>>() : std::vector{arg.get<std::string>()};
                if (std::none_of(types.begin(), types.end(), [&](const std::string& t) { return has_type(v, t); })) {
                    problem = at + ": not of type " + arg.dump();
                }
            } else if (keyword == "const") {
                if (v != arg) problem = at + ": not " + arg.dump();
            } else if (keyword == "enum") {
                if (std::find(arg.begin(), arg.end(), v) == arg.end()) problem = at + ": not one of " + arg.dump();
            } else if (keyword == "minimum") {
                if (v.is_number() && v.get<double>() < arg.get<double>()) problem = at + ": below " + arg.dump();
            } else if (keyword == "minLength") {
                if (v.is_string()) {
                    const std::string s = v.get<std::string>();
                    const auto chars = std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; });
                    if (chars < arg.get<long>()) problem = at + ": shorter than " + arg.dump();
                }
            } else if (keyword == "required") {
                for (const json& name : arg) {
                    if (v.is_object() && !v.contains(name.get<std::string>())) problem = at + ": no " + name.dump();
                }
            } else if (keyword == "properties") {
                for (const auto& [name, sub] : arg.items()) {
                    if (v.is_object() && v.contains(name) && problem.empty()) problem = check(sub, v[name], at + "." + name);
                }
            } else if (keyword == "items") {
                for (std::size_t i = 0; v.is_array() && i < v.size() && problem.empty(); ++i) {
                    problem = check(arg, v[i], at + "[" + std::to_string(i) + "]");
                }
            } else if (keyword == "allOf") {
                for (const json& sub : arg) {
                    if (problem.empty()) problem = check(sub, v, at);
                }
            } else if (keyword == "oneOf") {
                std::size_t valid = 0;
                for (const json& sub : arg) valid += check(sub, v, at).empty();
                if (valid != 1) problem = at + ": matches " + std::to_string(valid) + " of oneOf, not 1";
            } else {
                throw std::runtime_error("the schema uses a keyword this validator does not know: " + keyword);
            }
            if (!problem.empty()) return problem;
        }
        return {};
    }

    json root_;
};

std::vector<json> documents_of(const std::string& jsonl) {
    std::vector<json> docs;
    std::istringstream lines(jsonl);
    std::string line;
    while (std::getline(lines, line)) docs.push_back(json::parse(line));
    return docs;
}

// Output covering every fact type, diagnostics with and without spans, JSON
// Lines records (spans in the body) and an input that cannot be read.
std::string varied_output(const TempDir& dir) {
    const std::string seeds = std::string(KFACTS_SOURCE_DIR) + "/data/seeds/";
    write_file_bytes(dir / "records.jsonl",
                     json{{"id", "j1"}, {"body", read_file_bytes(seeds + "000_fd57b762e0ac98e8.txt")}}.dump() +
                         "\n{broken\n");
    write_file_bytes(dir / "bad.txt", "---\nid: bad\ntitle: x \xFF\n\nSK텔레콤 \xC3 &bogus; 끝\n");
    const CommandResult r = run(std::string(KFACTS_BINARY) + " extract --format jsonl --types all --explain " +
                                shell_quote(std::string(KFACTS_SOURCE_DIR) + "/data") + " " +
                                shell_quote(dir / "records.jsonl") + " " + shell_quote(dir / "bad.txt") + " " +
                                shell_quote(dir / "missing.txt") + " 2>/dev/null");
    REQUIRE(r.exit_code == 1);  // the broken record and the missing file
    return r.out;
}

}  // namespace

TEST_CASE("kfacts extract output is valid against the kfacts/1 JSON Schema") {
    TempDir dir;
    const std::string output = varied_output(dir);
    const SchemaValidator validator(json::parse(read_file_bytes(kSchemaPath)));
    const std::vector<json> docs = documents_of(output);
    REQUIRE(docs.size() > 10);
    std::set<std::string> types;
    for (const json& doc : docs) {
        INFO(doc["doc"]["id"]);
        CHECK(validator.validate(doc).empty());
        for (const json& f : doc["facts"]) types.insert(f["type"].get<std::string>());
    }
    CHECK(types == std::set<std::string>{"team", "model", "parameter_count", "benchmark_score", "quote", "quantity"});

    write_file_bytes(dir / "out.jsonl", output);
    const CommandResult python_check = run(python() + " " + python_helper("validate_schema.py") + " " +
                                           shell_quote(kSchemaPath) + " " + shell_quote(dir / "out.jsonl"));
    if (python_check.exit_code == 77) {
        WARN("python3-jsonschema is not installed: validated with the built-in validator only");
    } else {
        INFO(python_check.out);
        CHECK(python_check.exit_code == 0);
    }
}

TEST_CASE("The kfacts/1 schema rejects documents that break the contract") {
    TempDir dir;
    const std::vector<json> docs = documents_of(varied_output(dir));
    const SchemaValidator validator(json::parse(read_file_bytes(kSchemaPath)));
    const auto with_facts = std::find_if(docs.begin(), docs.end(), [](const json& d) {
        return std::any_of(d["facts"].begin(), d["facts"].end(), [](const json& f) { return f["type"] == "parameter_count"; });
    });
    REQUIRE(with_facts != docs.end());
    const json good = *with_facts;
    REQUIRE(validator.validate(good).empty());
    std::size_t count = 0;
    while (good["facts"][count]["type"] != "parameter_count") ++count;

    json broken = good;
    broken["schema"] = "kfacts/2";
    CHECK(!validator.validate(broken).empty());
    broken = good;
    broken["doc"].erase("id");
    CHECK(!validator.validate(broken).empty());
    broken = good;
    broken["facts"][0].erase("rule");
    CHECK(!validator.validate(broken).empty());
    broken = good;
    broken["facts"][0]["span"]["line"] = 0;
    CHECK(!validator.validate(broken).empty());
    broken = good;
    broken["facts"][count]["value"] = "519000000000";  // a number, not text
    CHECK(!validator.validate(broken).empty());
    broken = good;
    broken["facts"][count].erase("approximate");
    CHECK(!validator.validate(broken).empty());
    broken = good;
    broken["facts"][0]["type"] = "rumour";
    CHECK(!validator.validate(broken).empty());
    broken = good;
    broken["diagnostics"] = json::array({{{"level", "fatal"}, {"code", "x.y"}, {"message", "m"}}});
    CHECK(!validator.validate(broken).empty());
}
