// Throughput of normalize_text on the seeds concatenated many times. Hidden:
// run it with `kfacts_document_tests "[.benchmark]"` on an optimised build.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "document/normalized_text.h"

using namespace kfacts;

TEST_CASE("normalize_text throughput on the seeds", "[.benchmark]") {
    std::string seeds;
    for (const char* name : {"000_fd57b762e0ac98e8", "001_15f6b37683b40829", "002_d8991b5d25716180",
                             "003_b882bdb92e705718", "004_909e29f04e392b0c"}) {
        std::ifstream in(std::string(KFACTS_SOURCE_DIR "/data/seeds/") + name + ".txt", std::ios::binary);
        REQUIRE(in);
        std::stringstream content;
        content << in.rdbuf();
        seeds += content.str();
    }
    std::vector<Diagnostic> diagnostics;
    const std::string once = normalize_text(seeds, 0, seeds.size(), diagnostics).text;

    constexpr std::size_t kTargetBytes = 100u << 20;
    std::string archive;
    archive.reserve(kTargetBytes + seeds.size());
    while (archive.size() < kTargetBytes) archive += seeds;

    const auto start = std::chrono::steady_clock::now();
    const NormalizedText text = normalize_text(archive, 0, archive.size(), diagnostics);
    const std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - start;

    const double megabytes = static_cast<double>(archive.size()) / (1 << 20);
    WARN(fmt::format("normalize_text: {:.0f} MiB in {:.3f} s = {:.0f} MiB/s, {} map pieces", megabytes,
                     seconds.count(), megabytes / seconds.count(), text.map.pieces().size()));

    // As the pipeline calls it: one document at a time.
    std::size_t normalized_bytes = 0;
    const auto per_document_start = std::chrono::steady_clock::now();
    for (std::size_t round = 0; round < archive.size() / seeds.size(); ++round) {
        diagnostics.clear();
        normalized_bytes += normalize_text(seeds, 0, seeds.size(), diagnostics).text.size();
    }
    const std::chrono::duration<double> per_document = std::chrono::steady_clock::now() - per_document_start;
    WARN(fmt::format("normalize_text per document: {:.0f} MiB/s", megabytes / per_document.count()));
    CHECK(normalized_bytes == text.text.size());

    // Plain Korean text: Hangul, ASCII and a few middle dots, nearly all fast path.
    std::string plain;
    for (const char* line : {"과학기술정보통신부와 정보통신산업진흥원은 30일 오후 서울 삼성동 코엑스에서 5개 AI 정예팀 "
                             "가운데 1곳을 탈락시키기 위한 '독자 AI 파운데이션 모델(Foundation Model)' 프로젝트 "
                             "1차 발표회를 진행했다.\n",
                             "텍스트·이미지·오디오 등 서로 다른 형태의 데이터를 단일 모델에서 학습한다.\n"})
        plain += line;
    while (plain.size() < 64 * 1024) plain += plain;
    const auto plain_start = std::chrono::steady_clock::now();
    std::size_t plain_bytes = 0;
    for (int round = 0; round < 1600; ++round) {
        diagnostics.clear();
        plain_bytes += normalize_text(plain, 0, plain.size(), diagnostics).text.size();
    }
    const std::chrono::duration<double> plain_seconds = std::chrono::steady_clock::now() - plain_start;
    WARN(fmt::format("normalize_text on plain Korean text: {:.0f} MiB/s",
                     static_cast<double>(plain.size()) * 1600 / (1 << 20) / plain_seconds.count()));
    CHECK(plain_bytes == plain.size() * 1600);

    // Seeds end with a line end, so the parts normalise independently.
    REQUIRE(text.text.size() == once.size() * (archive.size() / seeds.size()));
    CHECK(text.text.compare(0, once.size(), once) == 0);
    CHECK(text.text.compare(text.text.size() - once.size(), once.size(), once) == 0);
}
