#!/bin/sh
# The benchmark in one command: builds kfacts (Release) in build-bench,
# writes a corpus of realistic articles once, and runs kfacts_bench on it.
#
#   tests/bench/run.sh            64 MB of articles: rule loading, stages, -j 1 and -j 2 three times each
#   tests/bench/run.sh --big      also 1 GB of JSON Lines through -j 1 and -j 2 once (peak RSS)
#
# Corpora go to $KFACTS_BENCH_DATA (default /tmp/kfacts-bench), never into
# the repository; they depend only on their size and seed, so they are
# written once and reused. docs/performance.md records the figures.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${KFACTS_BENCH_DATA:-/tmp/kfacts-bench}
mb=${KFACTS_BENCH_MB:-64}
big=no
[ "${1:-}" = "--big" ] && big=yes

cmake -S "$root" -B "$root/build-bench" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build-bench" -j "$(nproc)" --target kfacts kfacts_bench >/dev/null

mkdir -p "$data"
corpus="$data/articles-${mb}mb"
[ -d "$corpus" ] || /usr/bin/python3 "$root/tests/bench/make_corpus.py" --mb "$mb" --out "$corpus"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "kfacts: $(cd "$root" && git describe --always --dirty 2>/dev/null || echo unknown), Release build"
"$root/build-bench/tests/bench/kfacts_bench" --kfacts "$root/build-bench/kfacts" --jobs 1,2 --repeat 3 "$corpus"

if [ "$big" = yes ]; then
    big_corpus="$data/articles-1gb.jsonl"
    [ -f "$big_corpus" ] || /usr/bin/python3 "$root/tests/bench/make_corpus.py" --mb 1024 --out "$big_corpus"
    "$root/build-bench/tests/bench/kfacts_bench" --kfacts "$root/build-bench/kfacts" --jobs 1,2 --stages-mb 0 "$big_corpus"
fi
