#!/usr/bin/env bash
# Peak resident memory of turning one 4K-sized OpenAI response (24 MiB image, 33.5 MB body) into
# image bytes, by each path of tests/benchmarks/b64_peak.cpp. "extra" is what a path holds beyond
# the body it was given (none for stream, which never holds it) and the image it returns: the
# target is a small constant — no third copy.
#   tests/benchmarks/peak_memory.sh [path/to/b64_peak] [image_MiB]
# Without a path the driver is compiled into a temporary directory (CXX, default g++).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
BIN=${1:-}
MIB=${2:-24}
if [[ -z "$BIN" ]]; then
  "${CXX:-g++}" -O2 -std=c++17 -I"$ROOT/include" -I"$ROOT/tests/benchmarks" \
    "$ROOT/tests/benchmarks/b64_peak.cpp" -o "$WORK/b64_peak"
  BIN=$WORK/b64_peak
fi

field() { sed -n "s/.*$1=\([0-9]*\).*/\1/p" <<<"$2"; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

printf '%-7s %12s %12s %12s %12s %14s\n' path "peak MiB" "body MiB" "image MiB" "extra MiB" "peak/(b+i)"
for mode in dom scan stream; do
  if [[ -x /usr/bin/time ]]; then
    out=$(/usr/bin/time -v "$BIN" "$mode" "$MIB" 2>"$WORK/time.txt")
    peak=$(sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\).*/\1/p' "$WORK/time.txt")
  else
    out=$("$BIN" "$mode" "$MIB")
    peak=$(field peak_kib "$out")
  fi
  baseline=$(field baseline_kib "$out")
  body=$(($(field body_bytes "$out") / 1024))
  image=$(($(field image_bytes "$out") / 1024))
  held_body=$body
  [[ $mode == stream ]] && held_body=0  # streamed: the body is never held
  extra=$((peak - baseline - held_body - image))
  ratio=$(awk -v p="$((peak - baseline))" -v d="$((held_body + image))" 'BEGIN { printf "%.2f", p / d }')
  printf '%-7s %12s %12s %12s %12s %14s\n' "$mode" "$(mib "$peak")" "$(mib "$body")" \
    "$(mib "$image")" "$(mib "$extra")" "$ratio"
done
echo "(baseline: the process before the body exists; extra = peak - baseline - body held - image)"
