#!/usr/bin/env bash
# Builds every libFuzzer target (tests/fuzz/*_fuzz.cpp) with clang++ and runs each for a short
# smoke period, seeded from the fixtures in tests/data. Exits non-zero when a target fails to build
# or finds a crash (the crashing input is kept under WORK_DIR/artifacts/), and prints the number of
# executions per target.
#
#   tests/fuzz/run_fuzzers.sh [WORK_DIR]     (default: a fresh temporary directory)
#   FUZZ_SECONDS=30            seconds per target
#   FUZZ_CXX=clang++           the compiler (clang 14 with libFuzzer)
#   FUZZ_EXTRA_CXXFLAGS=...    added to the compile line (e.g. another -I in front)
set -u
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=${1:-$(mktemp -d /tmp/gpt_image_fuzz.XXXXXX)}
SECONDS_PER_TARGET=${FUZZ_SECONDS:-30}
CXX=${FUZZ_CXX:-clang++}
# shellcheck disable=SC2206
EXTRA=(${FUZZ_EXTRA_CXXFLAGS:-})
mkdir -p "$WORK/bin" "$WORK/corpus" "$WORK/artifacts" "$WORK/logs"

# Seeds: every fixture (JSON, event streams), plus short strings for the parsers.
seed_corpus() {  # seed_corpus TARGET DIR
  local target=$1 dir=$2 f i=0
  mkdir -p "$dir"
  while IFS= read -r -d '' f; do
    case "$f" in *openai_images_schema.json) continue ;; esac
    cp "$f" "$dir/fixture_$i"
    i=$((i + 1))
  done < <(find "$ROOT/tests/data" -type f \( -name '*.json' -o -name '*.txt' \) -print0 | sort -z)
  if [ "$target" = tables_parse_fuzz ] || [ "$target" = request_fuzz ]; then
    for s in "16:9|4K" "1:1|1k" "auto" "auto|4K" "3840x2160" "1881x836|" "1024x1024|2048" \
      "21:9|2K" "0:1" "65535x65535" "openai" "toapis" "aivideoapi" "in_progress" "SUCCESS"; do
      printf '%s' "$s" >"$dir/string_$i"
      i=$((i + 1))
    done
  fi
}

status=0
summary=()
for source in "$ROOT"/tests/fuzz/*_fuzz.cpp; do
  name=$(basename "$source" .cpp)
  binary="$WORK/bin/$name"
  log="$WORK/logs/$name.log"
  echo "== building $name"
  if ! "$CXX" -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
    "${EXTRA[@]}" -I"$ROOT/include" "$source" -o "$binary" >"$log.build" 2>&1; then
    cat "$log.build"
    summary+=("$(printf '%-28s %12s  %s' "$name" "-" "BUILD FAILED")")
    status=1
    continue
  fi
  corpus="$WORK/corpus/$name"
  seed_corpus "$name" "$corpus"
  echo "== running $name for ${SECONDS_PER_TARGET}s"
  "$binary" "$corpus" -max_total_time="$SECONDS_PER_TARGET" -max_len=262144 -timeout=20 \
    -rss_limit_mb=2560 -print_final_stats=1 -artifact_prefix="$WORK/artifacts/$name-" >"$log" 2>&1
  rc=$?
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  if [ "$rc" -ne 0 ]; then
    tail -n 40 "$log"
    summary+=("$(printf '%-28s %12s  %s' "$name" "${executions:-?}" "CRASH (exit $rc, see $log)")")
    status=1
  else
    summary+=("$(printf '%-28s %12s  %s' "$name" "${executions:-?}" "ok")")
  fi
done

echo
printf '%-28s %12s  %s\n' "target" "executions" "result"
printf '%s\n' "${summary[@]}"
ls "$WORK/artifacts" 2>/dev/null | sed 's/^/artifact: /'
exit "$status"
