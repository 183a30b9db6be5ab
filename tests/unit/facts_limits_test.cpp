// The facts-per-document limit: past ExtractOptions::max_facts the facts
// stage keeps only the first facts of those it holds as it goes, and what it
// writes is still the first max_facts facts in span order that an unlimited
// run finds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "facts/extractor.h"

using namespace kfacts;

namespace {

const Extractor& extractor() {
    static const std::unique_ptr<Extractor> instance = Extractor::load(KFACTS_SOURCE_DIR "/rules");
    return *instance;
}

struct Extracted {
    std::vector<Fact> facts;
    bool warned = false;  // limit.facts
};

Extracted extract(const std::string& path, const std::string& text, std::size_t max_facts) {
    Document doc = read_document_bytes(path, text);
    ExtractOptions options;
    options.types = FactTypeSet::all();
    options.max_facts = max_facts;
    Extracted out;
    out.facts = extractor().extract(doc, options);
    out.warned = std::any_of(doc.diagnostics.begin(), doc.diagnostics.end(),
                             [](const Diagnostic& d) { return d.code == DiagnosticCode::limit_facts; });
    return out;
}

bool same_fact(const Fact& a, const Fact& b) {
    return a.type == b.type && a.span == b.span && a.rule == b.rule && a.team == b.team && a.model == b.model &&
           a.value == b.value && a.score == b.score && a.max_score == b.max_score && a.min == b.min &&
           a.max == b.max && a.unit == b.unit && a.benchmark == b.benchmark && a.speaker == b.speaker &&
           a.role == b.role && a.org == b.org && a.quote == b.quote && a.speaker_span == b.speaker_span;
}

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("past max_facts the first facts in span order are kept, as an unlimited run orders them", "[facts][limits]") {
    // Small caps cut many times over, in every pass (names, rules, tables,
    // quotes, quantities), over articles with tables (all these sets) and
    // page furniture (heldout9).
    std::vector<std::filesystem::path> paths;
    for (const char* set : {"seeds", "articles", "heldout", "heldout2", "heldout3", "heldout9", "heldout50", "heldout101"}) {
        for (const auto& entry : std::filesystem::directory_iterator(std::string(KFACTS_SOURCE_DIR "/data/") + set)) {
            paths.push_back(entry.path());
        }
    }
    std::sort(paths.begin(), paths.end());
    REQUIRE(paths.size() > 50);
    std::size_t cut = 0;
    for (const auto& path : paths) {
        const std::string text = read_bytes(path);
        const Extracted all = extract(path.string(), text, 1'000'000);
        CHECK_FALSE(all.warned);
        for (const std::size_t max_facts : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{40},
                                            all.facts.size(), all.facts.size() + 1}) {
            INFO(path.string() << ", max_facts " << max_facts << " of " << all.facts.size());
            const Extracted capped = extract(path.string(), text, max_facts);
            REQUIRE(capped.facts.size() == std::min(max_facts, all.facts.size()));
            for (std::size_t i = 0; i < capped.facts.size(); ++i) {
                INFO("fact " << i);
                CHECK(same_fact(capped.facts[i], all.facts[i]));
            }
            // Exactly max_facts facts is no cut.
            CHECK(capped.warned == (all.facts.size() > max_facts));
            if (capped.warned) ++cut;
        }
    }
    CHECK(cut > 3 * paths.size());
}

TEST_CASE("what a fact past max_facts tells still counts", "[facts][limits]") {
    // Six teams stand between the start and the figures at the end, which
    // small caps drop before the passes after them.
    const std::string teams = "SKT와 KT, 네이버, 카카오, LG AI연구원, 업스테이지가 참여했다.\n";
    const std::string texts[] = {
        // A table repeating a score stated later adds no score for it.
        "모델\tKMMLU\nA.X K1\t71.2\n\n" + teams + "A.X K1은 KMMLU에서 71.2점을 받았다. 해례 벤치에서는 80.1점이었다.\n",
        // A model named with its size later names its family so from the start.
        "누리랩스는 NRX-Pro 2.1을 공개했다. " + teams + "누리랩스의 NRX-Pro 2.1 72B는 KMMLU에서 71.2점을 받았다.\n",
    };
    for (const std::string& text : texts) {
        const Extracted all = extract("test.txt", text, 1'000'000);
        for (std::size_t max_facts = 0; max_facts <= all.facts.size(); ++max_facts) {
            INFO(text << "max_facts " << max_facts);
            const Extracted capped = extract("test.txt", text, max_facts);
            REQUIRE(capped.facts.size() == max_facts);
            for (std::size_t i = 0; i < max_facts; ++i) CHECK(same_fact(capped.facts[i], all.facts[i]));
        }
    }
}
