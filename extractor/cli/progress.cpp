#include "cli/progress.h"

#include <fmt/format.h>

#include <cstdio>

namespace kfacts::cli {
namespace {

constexpr auto kQuietFor = std::chrono::seconds(2);
constexpr auto kRefreshEvery = std::chrono::milliseconds(250);

}  // namespace

void Progress::document_done(std::size_t bytes) {
    ++documents_;
    bytes_ += bytes;
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - start_ < kQuietFor || now - last_shown_ < kRefreshEvery) return;
    last_shown_ = now;
    shown_ = true;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double megabytes = static_cast<double>(bytes_) / 1e6;
    // \r returns to the line's start, ESC[K clears what a longer line left.
    fmt::print(stderr, "\rkfacts: {} documents, {:.1f} MB, {:.1f} MB/s\x1b[K", documents_, megabytes,
               megabytes / seconds);
    std::fflush(stderr);
}

void Progress::clear_line() {
    if (!shown_) return;
    shown_ = false;
    fmt::print(stderr, "\r\x1b[K");
}

void Progress::finish() {
    if (!shown_) return;
    shown_ = false;
    fmt::print(stderr, "\n");
}

}  // namespace kfacts::cli
