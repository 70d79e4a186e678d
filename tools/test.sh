#!/usr/bin/env bash
# Builds and runs every test of gpt_image: the unit suite with g++ (C++17) and clang++ (C++20),
# against the amalgamated header, with -fno-exceptions, under ASan+UBSan; the Meson build; a consumer
# of the installed package (CMake find_package, pkg-config) and of the Meson subproject; the
# compile-fail cases; the fuzz smoke runs; and the amalgamation check.
# Installs missing Debian packages when it can (root or sudo). Ends with one summary line.
#
#   ./tools/test.sh                 everything
#   ./tools/test.sh gcc_cxx17 ...   only the named steps (see ALL_STEPS below)
#   FUZZ_SECONDS=20                 seconds per fuzz target
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${GPT_IMAGE_BUILD_DIR:-$ROOT/build}
JOBS=${JOBS:-$(nproc 2>/dev/null || echo 2)}
export FUZZ_SECONDS=${FUZZ_SECONDS:-20}

# shellcheck source=tools/lib/packages.sh
. "$ROOT/tools/lib/packages.sh"
ensure_packages cmake ninja-build g++ clang libclang-rt-14-dev meson pkg-config python3 \
  python3-jsonschema nlohmann-json3-dev doctest-dev libcpp-httplib-dev libssl-dev zlib1g-dev \
  libbenchmark-dev || exit 1

passed=0
failed=0
failures=()
step() {  # step NAME COMMAND...: runs one step, logs to $BUILD/logs/NAME.log
  local name=$1
  shift
  mkdir -p "$BUILD/logs"
  local log="$BUILD/logs/$name.log" start=$SECONDS
  printf '== %-22s ' "$name"
  if "$@" >"$log" 2>&1; then
    passed=$((passed + 1))
    echo "ok ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1))
    failures+=("$name")
    echo "FAILED ($((SECONDS - start)) s) — last lines of $log:"
    tail -n 40 "$log" | sed 's/^/   | /'
  fi
}

cmake_suite() {  # cmake_suite DIR CXX STD [cmake args...]: configure, build, ctest
  local dir=$BUILD/$1 cxx=$2 std=$3
  shift 3
  # No build type: -O0 without debug info compiles fastest; a failure is re-run by hand.
  cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE= -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_CXX_STANDARD="$std" -DCMAKE_CXX_STANDARD_REQUIRED=ON -DCMAKE_CXX_EXTENSIONS=OFF "$@" &&
    cmake --build "$dir" -j "$JOBS" &&
    ctest --test-dir "$dir" --output-on-failure -j "$JOBS" --timeout 600
}

# Five variants of the suite in three builds (each variant is covered; pairs share a build to keep
# the whole run well inside CI's time):
amalgamation_check() { python3 tools/amalgamate.py --check; }
# g++, C++17, include/: unit, headers alone, compile-fail, tools, emulator, integration, examples.
gcc_cxx17() { cmake_suite gcc-cxx17 g++ 17; }
# clang++, C++20, ASan + UBSan: the same minus the examples and the headers-alone checks.
clang_cxx20_sanitizers() {
  ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    cmake_suite clang-cxx20-sanitizers clang++ 20 -DGPT_IMAGE_TEST_SANITIZE=address,undefined \
    -DCMAKE_CXX_FLAGS=-O1 -DGPT_IMAGE_BUILD_EXAMPLES=OFF -DGPT_IMAGE_TEST_HEADERS=OFF
}
# g++, C++20, the amalgamated single header, -fno-exceptions: the unit suite.
single_include_no_exceptions() {
  cmake_suite single-include-no-exceptions g++ 20 -DGPT_IMAGE_TEST_SINGLE_INCLUDE=ON \
    -DGPT_IMAGE_TEST_NO_EXCEPTIONS=ON -DGPT_IMAGE_BUILD_TOOLS=OFF -DGPT_IMAGE_BUILD_EXAMPLES=OFF
}
meson_build() {
  local dir=$BUILD/meson
  # The tools' own suites run in the CMake builds; Meson builds and runs the library's.
  local options=(-Dtools=disabled -Dexamples=disabled --buildtype=plain)
  if [ -d "$dir" ]; then
    meson setup --reconfigure "${options[@]}" "$dir" "$ROOT"
  else
    meson setup "${options[@]}" "$dir" "$ROOT"
  fi &&
    meson compile -C "$dir" -j "$JOBS" && meson test -C "$dir" --print-errorlogs
}
consumers() { bash "$ROOT/tests/consumer/run.sh" "$BUILD/consumer"; }
fuzz_smoke() {
  if [ -x "$ROOT/tests/fuzz/run_fuzzers.sh" ]; then
    "$ROOT/tests/fuzz/run_fuzzers.sh" "$BUILD/fuzz"
  else
    echo "no fuzz targets"
  fi
}

ALL_STEPS=(amalgamation_check gcc_cxx17 clang_cxx20_sanitizers single_include_no_exceptions
  meson_build consumers fuzz_smoke)
STEPS=("${ALL_STEPS[@]}")
if [ $# -gt 0 ]; then STEPS=("$@"); fi
for s in "${STEPS[@]}"; do
  fn=${s//-/_}
  if ! declare -F "$fn" >/dev/null; then
    echo "tools/test.sh: unknown step '$s'; steps: ${ALL_STEPS[*]}" >&2
    exit 2
  fi
  step "$s" "$fn"
done

echo
if [ "$failed" -gt 0 ]; then echo "failed steps: ${failures[*]}"; fi
echo "test.sh: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
