#!/bin/sh
# Runs every libFuzzer harness for a bounded time, under ASan+UBSan:
#   tests/fuzz/run.sh BUILD_DIR [SECONDS]
# BUILD_DIR is configured with CC=clang-14 CXX=clang++-14 -DKFACTS_FUZZ=ON and
# its kfacts_fuzzers target built (setup.sh test does both). Each harness
# starts from its seeds (the articles in data/, the rule files), keeps what it
# finds in BUILD_DIR/fuzz/corpus/<harness>, and writes a crashing input to
# BUILD_DIR/fuzz/crashes/; turn one into a named file under
# tests/fuzz/regressions/<harness>/ so that the suite replays it for good.
# Exit status: 0 when every harness ran clean for its time.
set -eu
build=$1
seconds=${2:-25}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
status=0
for harness in document tokenizer numbers rules pipeline; do
    corpus="$build/fuzz/corpus/$harness"
    crashes="$build/fuzz/crashes"
    mkdir -p "$corpus" "$crashes"
    case $harness in
        rules) seeds="$root/rules/patterns" ;;
        *) seeds="$here/regressions/bad-input $root/data/seeds $root/data/articles" ;;
    esac
    regressions="$here/regressions/$harness"
    [ -d "$regressions" ] || regressions=""
    echo "fuzz: $harness for ${seconds}s" >&2
    # shellcheck disable=SC2086  # seeds is a list of directories
    if ! "$build/tests/fuzz/${harness}_fuzzer" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
            -max_len=16384 -dict="$here/kfacts.dict" -print_final_stats=1 \
            -artifact_prefix="$crashes/$harness-" "$corpus" $regressions $seeds \
            >"$build/fuzz/$harness.log" 2>&1; then
        echo "fuzz: $harness FAILED; the input is in $crashes, the log in $build/fuzz/$harness.log:" >&2
        tail -n 40 "$build/fuzz/$harness.log" >&2
        status=1
        continue
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/fuzz/$harness.log" | tr '\n' ' ' >&2
    echo >&2
done
exit $status
