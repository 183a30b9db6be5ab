#!/usr/bin/env bash
# The one entry point for set-up on a fresh Debian 12 machine (run as root):
#   ./setup.sh run    install what is missing, build, extract facts from data/seeds
#   ./setup.sh test   install what is missing, build, run the whole test suite
#                     (also under ASan+UBSan, the fuzzers for a bounded time, and
#                     the Dask driver on a local cluster)
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(build-essential cmake pkg-config
          libicu-dev libre2-dev nlohmann-json3-dev catch2 libfmt-dev
          libcli11-dev libxlsxwriter-dev libsqlite3-dev
          python3 python3-openpyxl python3-distributed python3-jsonschema
          clang-14 libclang-rt-14-dev)
JOBS=$(nproc 2>/dev/null || echo 2)

install_packages() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "setup: installing ${missing[*]}" >&2
    if [ "$(id -u)" -ne 0 ]; then
        echo "setup: these Debian packages are missing and installing them needs root: ${missing[*]}" >&2
        exit 2
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {  # build DIR [cmake options...]
    local dir=$1; shift
    cmake -S . -B "$dir" "$@" >/dev/null
    cmake --build "$dir" -j "$JOBS"
}

case "${1:-}" in
    run)
        install_packages
        build build
        build/kfacts extract --format jsonl data/seeds
        ;;
    test)
        install_packages
        build build
        (cd build && ctest --output-on-failure -j "$JOBS")
        echo "setup: the same suite under AddressSanitizer and UndefinedBehaviorSanitizer" >&2
        build build-asan -DKFACTS_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
        (cd build-asan && ctest --output-on-failure -j "$JOBS")
        echo "setup: each fuzzer for ${FUZZ_SECONDS:-25} s under ASan+UBSan (clang, libFuzzer)" >&2
        CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -DKFACTS_FUZZ=ON -DKFACTS_BENCH=OFF >/dev/null
        cmake --build build-fuzz -j "$JOBS" --target kfacts_fuzzers
        tests/fuzz/run.sh build-fuzz "${FUZZ_SECONDS:-25}"
        ;;
    *)
        echo "usage: ./setup.sh run|test" >&2
        exit 2
        ;;
esac
