// A progress line on stderr for long runs: shown only when stderr is a
// terminal and the run has taken more than two seconds, so that pipes, logs
// and CI stay silent.
#pragma once

#include <chrono>
#include <cstddef>

namespace kfacts::cli {

class Progress {
public:
    explicit Progress(bool enabled) : enabled_(enabled), start_(Clock::now()), last_shown_(start_) {}
    ~Progress() { finish(); }
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    void document_done(std::size_t bytes);
    // Clears the line before other output on stderr; the next update redraws it.
    void clear_line();
    // Ends the line, if one was shown.
    void finish();

private:
    using Clock = std::chrono::steady_clock;
    bool enabled_;
    bool shown_ = false;
    Clock::time_point start_, last_shown_;
    std::size_t documents_ = 0;
    std::size_t bytes_ = 0;
};

}  // namespace kfacts::cli
