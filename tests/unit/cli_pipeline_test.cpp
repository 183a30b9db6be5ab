// The ordered pipeline: documents come out in input order whatever the
// number of threads, and a failure anywhere stops the run.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include <sys/stat.h>

#include "cli/pipeline.h"
#include "output_test_support.h"

using namespace kfacts;
using namespace kfacts::cli;
using namespace kfacts::testing;

namespace {

const Extractor& extractor() {
    static const std::unique_ptr<Extractor> loaded = Extractor::load(default_rules_dir());
    return *loaded;
}

// Input paths naming the seeds several times over, so that there is work to share.
std::vector<std::string> many_inputs() {
    std::vector<std::string> paths;
    for (int i = 0; i < 6; ++i) paths.push_back(std::string(KFACTS_SOURCE_DIR) + "/data/seeds");
    return paths;
}

struct Delivered {
    std::vector<std::string> ids;
    std::vector<std::size_t> fact_counts;
    std::vector<std::string> rendered;
};

Delivered run_with(unsigned jobs, std::size_t window) {
    Delivered out;
    PipelineOptions options;
    options.jobs = jobs;
    options.window = window;
    run_pipeline(
        many_inputs(), extractor(), ExtractOptions{}, options,
        [](ExtractedDocument& item) { item.rendered = item.doc.meta.id + ":" + std::to_string(item.facts.size()); },
        [&](ExtractedDocument&& item) {
            out.ids.push_back(item.doc.meta.id);
            out.fact_counts.push_back(item.facts.size());
            out.rendered.push_back(std::move(item.rendered));
        });
    return out;
}

}  // namespace

TEST_CASE("Pipeline hands documents over in input order for any number of threads") {
    const Delivered one = run_with(1, 0);
    REQUIRE(one.ids.size() == 30);
    for (const auto& [jobs, window] : {std::pair<unsigned, std::size_t>{2, 0}, {4, 0}, {3, 1}, {4, 2}}) {
        INFO("jobs " << jobs << ", window " << window);
        const Delivered many = run_with(jobs, window);
        CHECK(many.ids == one.ids);
        CHECK(many.fact_counts == one.fact_counts);
        CHECK(many.rendered == one.rendered);
    }
}

TEST_CASE("Pipeline keeps at most `window` documents between reading and handing over") {
    PipelineOptions options;
    options.jobs = 4;
    options.window = 3;
    std::atomic<int> in_flight{0};
    int most = 0;
    run_pipeline(
        many_inputs(), extractor(), ExtractOptions{}, options,
        [&](ExtractedDocument&) { ++in_flight; },
        [&](ExtractedDocument&&) {
            most = std::max(most, in_flight.load());
            --in_flight;
        });
    CHECK(most <= 3);
    CHECK(in_flight == 0);
}

TEST_CASE("Pipeline keeps at most 256 KB of input per thread in flight, plus the document last read") {
    const TempDir dir;
    constexpr std::size_t kDocumentBytes = 200u << 10;
    for (int i = 0; i < 12; ++i) {
        write_file_bytes(dir / ("big" + std::to_string(10 + i) + ".txt"), std::string(kDocumentBytes, 'a'));
    }
    PipelineOptions options;
    options.jobs = 2;
    std::atomic<std::size_t> bytes_in_flight{0};
    std::size_t most = 0;
    std::size_t delivered = 0;
    run_pipeline(
        {dir.path().string()}, extractor(), ExtractOptions{}, options,
        [&](ExtractedDocument& item) { bytes_in_flight += item.doc.source.size(); },
        [&](ExtractedDocument&& item) {
            most = std::max(most, bytes_in_flight.load());
            bytes_in_flight -= item.doc.source.size();
            ++delivered;
        });
    CHECK(delivered == 12);
    CHECK(most <= 2 * (256u << 10) + kDocumentBytes);
}

TEST_CASE("Pipeline rethrows a failure of a worker or of the delivering step") {
    for (unsigned jobs : {1u, 3u}) {
        INFO("jobs " << jobs);
        PipelineOptions options;
        options.jobs = jobs;
        std::size_t delivered = 0;
        CHECK_THROWS_WITH(run_pipeline(
                              many_inputs(), extractor(), ExtractOptions{}, options,
                              [](ExtractedDocument& item) {
                                  if (item.doc.meta.id == "018_0006192217") throw std::runtime_error("format failed");
                              },
                              [&](ExtractedDocument&&) { ++delivered; }),
                          "format failed");
        CHECK(delivered < 30);
        CHECK_THROWS_WITH(run_pipeline(many_inputs(), extractor(), ExtractOptions{}, options, nullptr,
                                       [](ExtractedDocument&&) { throw std::runtime_error("disk full"); }),
                          "disk full");
    }
}

// An engine piping records in (kfacts extract -) may wait for each answer
// before it writes the next record: batching must never hold a document back
// while a worker is idle.
TEST_CASE("Pipeline hands a streamed record over before the next one arrives") {
    const TempDir dir;
    const std::string fifo = dir / "stream.jsonl";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);

    std::mutex mutex;
    std::condition_variable delivered_one;
    std::size_t delivered = 0;
    bool first_came_alone = false;
    std::thread engine([&] {
        std::FILE* out = std::fopen(fifo.c_str(), "w");
        if (!out) return;
        std::fputs("{\"id\": \"first\", \"body\": \"KT는 믿:음 2.0을 공개했다.\"}\n", out);
        std::fflush(out);
        {
            std::unique_lock lock(mutex);
            first_came_alone = delivered_one.wait_for(lock, std::chrono::seconds(20), [&] { return delivered == 1; });
        }
        std::fputs("{\"id\": \"second\", \"body\": \"LG AI연구원은 엑사원을 공개했다.\"}\n", out);
        std::fclose(out);
    });

    PipelineOptions options;
    options.jobs = 2;
    std::vector<std::string> ids;
    run_pipeline({fifo}, extractor(), ExtractOptions{}, options, nullptr, [&](ExtractedDocument&& item) {
        const std::lock_guard lock(mutex);
        ids.push_back(item.doc.meta.id);
        ++delivered;
        delivered_one.notify_all();
    });
    engine.join();
    CHECK(first_came_alone);
    CHECK(ids == std::vector<std::string>{"first", "second"});
}
