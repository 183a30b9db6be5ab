#include "numbers_test_support.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "numbers/exact_arithmetic.h"

namespace kfacts::testing {
namespace {

const std::vector<std::string_view> kFlagOrder = {"approximate", "at_least", "at_most",   "more_than",
                                                  "less_than",   "scale",    "kind",      "min",
                                                  "max",         "max_score"};

std::vector<std::string> split(std::string_view text, std::string_view separator) {
    std::vector<std::string> parts;
    for (;;) {
        const std::size_t at = text.find(separator);
        parts.emplace_back(text.substr(0, at));
        if (at == std::string_view::npos) return parts;
        text.remove_prefix(at + separator.size());
    }
}

bool is_flag(std::string_view token) {
    const std::string_view key = token.substr(0, token.find('='));
    for (std::string_view flag : kFlagOrder)
        if (key == flag) return true;
    return false;
}

// One quantity in canonical notation: "[text] value unit flags" with the
// flags in kFlagOrder.
std::string canonical(std::string_view span, std::string_view value, std::string_view unit,
                      const std::vector<std::string>& flags) {
    std::string out = fmt::format("[{}] {}", span, value);
    if (!unit.empty()) out += fmt::format(" {}", unit);
    for (std::string_view key : kFlagOrder)
        for (const std::string& flag : flags)
            if (flag.substr(0, flag.find('=')) == key) out += " " + flag;
    return out;
}

// Parses one expected quantity written as "[text] value unit flags".
std::string canonical_expected(std::string_view written, const std::string& where) {
    if (written.empty() || written.front() != '[') throw std::runtime_error(where + ": expected '[span]'");
    const std::size_t close = written.find("] ");
    if (close == std::string_view::npos) throw std::runtime_error(where + ": expected '] value'");
    const std::string_view span = written.substr(1, close - 1);
    const std::vector<std::string> tokens = split(written.substr(close + 2), " ");
    std::string unit;
    std::vector<std::string> flags;
    for (std::size_t i = 1; i < tokens.size(); ++i) {
        if (is_flag(tokens[i])) flags.push_back(tokens[i]);
        else if (unit.empty()) unit = tokens[i];
        else throw std::runtime_error(fmt::format("{}: unknown flag '{}'", where, tokens[i]));
    }
    return canonical(span, tokens[0], unit, flags);
}

// {9*10000} stands for 10000 nines.
std::string expand(std::string_view input) {
    std::string out;
    for (std::size_t i = 0; i < input.size(); ++i) {
        const std::size_t close = input.find('}', i);
        const std::size_t star = input.find('*', i);
        if (input[i] == '{' && close != std::string_view::npos && star < close) {
            const std::string_view piece = input.substr(i + 1, star - i - 1);
            for (std::size_t n = std::stoul(std::string(input.substr(star + 1, close - star - 1))); n > 0; --n)
                out += piece;
            i = close;
        } else {
            out += input[i];
        }
    }
    return out;
}

}  // namespace

std::vector<NumberCase> read_number_cases(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open");
    std::vector<NumberCase> cases;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line[0] == '#') continue;
        const std::string where = fmt::format("{}:{}", path, number);
        const std::vector<std::string> fields = split(line, "\t");
        if (fields.size() < 2 || fields.size() > 3) throw std::runtime_error(where + ": expected 2 or 3 fields");
        NumberCase number_case{number, expand(fields[0]), "-", fields.size() == 3 ? fields[2] : ""};
        if (fields[1] != "-") {
            std::string expected;
            for (const std::string& quantity : split(fields[1], " ; "))
                expected += (expected.empty() ? "" : " ; ") + canonical_expected(quantity, where);
            number_case.expected = expected;
        }
        cases.push_back(std::move(number_case));
    }
    return cases;
}

std::string describe(std::string_view text, const std::vector<Quantity>& quantities) {
    if (quantities.empty()) return "-";
    std::string out;
    for (const Quantity& q : quantities) {
        std::vector<std::string> flags;
        if (q.approximate) flags.emplace_back("approximate");
        if (q.bound != Bound::none) flags.emplace_back(bound_name(q.bound));
        if (q.scale_suffix) flags.emplace_back("scale");
        if (q.kind != NumberKind::quantity) flags.push_back(fmt::format("kind={}", number_kind_name(q.kind)));
        if (q.min) flags.push_back("min=" + q.min->to_string());
        if (q.max) flags.push_back("max=" + q.max->to_string());
        if (q.max_score) flags.push_back("max_score=" + q.max_score->to_string());
        const std::string_view span = text.substr(q.norm_start, q.norm_end - q.norm_start);
        out += (out.empty() ? "" : " ; ") + canonical(span, q.value.to_string(), q.unit, flags);
    }
    return out;
}

std::string describe(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) {
        if (!out.empty()) out += ' ';
        out += code_name(d.code);
    }
    return out;
}

namespace {

bool on_utf8_boundary(std::string_view text, std::size_t offset) {
    return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}
}  // namespace

// The unit is written inside the span: as itself, or as one of the words
// rules/numbers/units.tsv gives that unit for.
bool unit_written_in(std::string_view span, std::string_view unit) {
    static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> kWritten = {
        {"파라미터", {"파라미터", "매개변수", "parameters", "params"}},
        {"%", {"%", "퍼센트"}},
        {"%p", {"%p", "퍼센트포인트"}},
        {"토큰", {"토큰", "tokens"}},
        {"달러", {"달러", "$"}},
        {"원", {"원", "₩"}},
        {"분기", {"분기"}}};
    for (const auto& [canonical, words] : kWritten) {
        if (canonical != unit) continue;
        for (std::string_view word : words)
            if (span.find(word) != std::string_view::npos) return true;
        return false;
    }
    return span.find(unit) != std::string_view::npos;
}

void check_invariants(std::string_view text, const std::vector<Quantity>& quantities,
                      const std::vector<Diagnostic>& diagnostics) {
    std::size_t previous_end = 0;
    for (const Quantity& q : quantities) {
        if (q.norm_end <= text.size() && q.norm_start < q.norm_end)
            CHECK(unit_written_in(text.substr(q.norm_start, q.norm_end - q.norm_start), q.unit));
        CHECK(q.norm_start < q.norm_end);
        CHECK(q.norm_end <= text.size());
        CHECK(previous_end <= q.norm_start);
        CHECK(on_utf8_boundary(text, q.norm_start));
        CHECK(on_utf8_boundary(text, q.norm_end));
        CHECK(q.min.has_value() == q.max.has_value());
        if (q.min) {
            CHECK(q.value == *q.min);
            CHECK(numbers_detail::compare(*q.min, *q.max) < 0);
        }
        if (q.max_score) CHECK(numbers_detail::compare(q.value, *q.max_score) <= 0);
        previous_end = q.norm_end;
    }
    for (const Diagnostic& d : diagnostics) {
        REQUIRE(d.span.has_value());
        CHECK(d.span->start < d.span->end);
        CHECK(d.span->end <= text.size());
        CHECK(on_utf8_boundary(text, d.span->start));
        CHECK(on_utf8_boundary(text, d.span->end));
    }
}

std::string seed_body(const std::string& file_name) {
    const std::string path = KFACTS_SOURCE_DIR "/data/seeds/" + file_name;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open");
    std::stringstream content;
    content << in.rdbuf();
    std::string text = content.str();
    if (text.rfind("---\n", 0) == 0) {
        const std::size_t end = text.find("\n---\n", 4);
        if (end != std::string::npos) text.erase(0, end + 5);
    }
    return text;
}

}  // namespace kfacts::testing
