#!/usr/bin/env bash
# Compile-time cost of including the single headers, over an empty translation unit: the median of
# RUNS compilations of each (g++ and clang++, C++17, -fsyntax-only and a full -c).
#   tests/benchmarks/compile_time.sh [RUNS]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-9}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
echo 'int main() { return 0; }' >"$WORK/empty.cpp"
printf '#include "%s"\nint main() { return 0; }\n' "$ROOT/single_include/gpt_image/gpt_image_tables.hpp" \
  >"$WORK/tables.cpp"
printf '#include "%s"\nint main() { return 0; }\n' "$ROOT/single_include/gpt_image/gpt_image.hpp" \
  >"$WORK/umbrella.cpp"

median_ms() {  # median_ms COMMAND...: median wall time of RUNS runs, in milliseconds
  local times=() i start end
  for ((i = 0; i < RUNS; i++)); do
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}

printf '%-10s %-12s %10s %10s %12s\n' compiler header "empty ms" "with ms" "overhead ms"
for cxx in g++ clang++; do
  base=$(median_ms "$cxx" -std=c++17 -c "$WORK/empty.cpp" -o "$WORK/o.o")
  for tu in tables umbrella; do
    extra=()
    if [ "$tu" = umbrella ]; then
      # shellcheck disable=SC2207
      extra=($(pkg-config --cflags cpp-httplib))
    fi
    with=$(median_ms "$cxx" -std=c++17 "${extra[@]}" -c "$WORK/$tu.cpp" -o "$WORK/o.o")
    printf '%-10s %-12s %10d %10d %12d\n' "$cxx" "$tu" "$base" "$with" $((with - base))
  done
done
