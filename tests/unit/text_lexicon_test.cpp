#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "text_test_support.h"

using namespace kfacts;
using namespace kfacts::testing;

namespace {

// Writes `content` to a temporary file and returns its path.
std::string write_temp(const std::string& name, const std::string& content) {
    const std::string path = std::string(P_tmpdir) + "/kfacts_text_test_" + name + ".tsv";
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

std::string load_error(const std::string& path) {
    try {
        ParticleLexicon::load(path);
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    return "";
}

}  // namespace

TEST_CASE("every example in rules/particles.tsv holds", "[text][lexicon]") {
    const ParticleLexicon& lexicon = particle_lexicon();
    std::size_t token_examples = 0, sentence_examples = 0;
    for (const ParticleLexicon::Example& example : lexicon.examples()) {
        INFO("particles.tsv:" << example.line << ": " << example.input);
        if (example.kind == ParticleLexicon::Example::Kind::tokens) {
            CHECK(token_line(example.input) == example.expected);
            ++token_examples;
        } else {
            CHECK(sentence_line(example.input) == example.expected);
            ++sentence_examples;
        }
    }
    CHECK(token_examples >= 40);
    CHECK(sentence_examples >= 10);
}

TEST_CASE("the lexicon answers lookups", "[text][lexicon]") {
    const ParticleLexicon& lexicon = particle_lexicon();
    CHECK(lexicon.is_particle("은"));
    CHECK(lexicon.is_particle("만의"));
    CHECK_FALSE(lexicon.is_particle("팀"));
    CHECK(lexicon.is_suffix_noun("팀"));
    CHECK(lexicon.particle_suffix_length("SK텔레콤은") == std::string_view("은").size());
    CHECK(lexicon.particle_suffix_length("AI연구원만의") == std::string_view("만의").size());
    CHECK(lexicon.particle_suffix_length("국가") == 0);
    CHECK(lexicon.particle_suffix_length("은") == 0);  // never an empty stem
    CHECK(lexicon.attribution_prefix_length("이라고") == std::string_view("이라고").size());
    CHECK(lexicon.attribution_prefix_length("라며서") == std::string_view("라며").size());
    CHECK(lexicon.attribution_prefix_length("정부") == 0);
    CHECK(lexicon.ends_with_final_ending("시작됐다"));
    CHECK_FALSE(lexicon.ends_with_final_ending("SK텔레콤"));
    CHECK(lexicon.is_abbreviation("Inc"));
}

TEST_CASE("a suffix noun splits off before the particle", "[text][lexicon]") {
    const ParticleLexicon& lexicon = particle_lexicon();
    const auto split = lexicon.split_word("업스테이지팀은", 0);
    CHECK(split.name_end == std::string_view("업스테이지").size());
    CHECK(split.stem_end == std::string_view("업스테이지팀").size());
    // A whole word is a particle only right after a closing mark or number.
    CHECK(lexicon.split_word("라고", ParticleLexicon::after_mark).stem_end == 0);
    CHECK(lexicon.split_word("라고", 0).stem_end == std::string_view("라고").size());
    CHECK(lexicon.split_word("고", ParticleLexicon::after_number).stem_end == std::string_view("고").size());
}

TEST_CASE("lexicon errors name file and line", "[text][lexicon]") {
    CHECK(load_error(write_temp("kind", "# header\nparticle\t은\nfrobnicate\t는\n")).ends_with(":3: unknown kind 'frobnicate'"));
    CHECK(load_error(write_temp("option", "particle\t은\tafter=vowl\n")).ends_with(":1: unknown after= value 'vowl'"));
    CHECK(load_error(write_temp("twice", "\nparticle\t은\nparticle\t은\n")).ends_with(":3: '은' is listed twice"));
    CHECK(load_error(write_temp("hangul", "particle\tga\n")).ends_with(":1: 'ga' is not 1 to 4 Hangul syllables"));
    CHECK(load_error(write_temp("example", "example\tSK텔레콤은\n")).ends_with(":1: 'example' wants INPUT<TAB>EXPECTED"));
    CHECK(load_error(write_temp("minstem", "particle\t의\tmin-stem=x\n")).ends_with(":1: min-stem wants a number 1-9, not 'x'"));
    CHECK(load_error(write_temp("notafter", "particle\t는\tnot-after=하,x\n")).ends_with(":1: not-after= value 'x' is not all Hangul syllables"));
    CHECK(load_error(write_temp("long", "noun\t다섯음절명사\n")).ends_with(":1: '다섯음절명사' is not 1 to 4 Hangul syllables"));
    const std::string missing = std::string(P_tmpdir) + "/kfacts_no_such_lexicon.tsv";
    CHECK(load_error(missing) == missing + ":0: cannot open the particle lexicon");
}

TEST_CASE("a lexicon file with CRLF line ends loads", "[text][lexicon]") {
    const ParticleLexicon lexicon =
        ParticleLexicon::load(write_temp("crlf", "# c\r\nparticle\t은\tafter=consonant,latin\r\nexample\tA은\tA+은\r\n"));
    CHECK(lexicon.is_particle("은"));
    REQUIRE(lexicon.examples().size() == 1);
    CHECK(lexicon.examples()[0].expected == "A+은");
}

// split_word memoises its answers per thread: two lexicons that split the same
// word differently must each keep their own answer, however they alternate.
TEST_CASE("two particle lexicons never share memoised splits", "[text][lexicon]") {
    const ParticleLexicon with_eun = ParticleLexicon::load(write_temp("memo_a", "particle\t은\tafter=consonant\n"));
    const ParticleLexicon with_neun = ParticleLexicon::load(write_temp("memo_b", "particle\t는\tafter=vowel\n"));
    for (int round = 0; round < 3; ++round) {
        INFO("round " << round);
        CHECK(with_eun.split_word("팀은", 0).stem_end == 3);
        CHECK(with_neun.split_word("팀은", 0).stem_end == 6);
        CHECK(with_eun.split_word("회사는", 0).stem_end == 9);
        CHECK(with_neun.split_word("회사는", 0).stem_end == 6);
    }
}
