#!/usr/bin/env bash
# ./tools/demo.sh "a prompt" — installs what is missing, builds the gpt-image CLI and generates a
# real PNG end to end through it, against the built-in emulator (no API key needed). Extra
# arguments go to `gpt-image generate` (e.g. --provider aivideoapi --size 16:9 --resolution 2K).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PROMPT=${1:-"a lighthouse at dawn"}
shift || true

# shellcheck source=tools/lib/packages.sh
. "$ROOT/tools/lib/packages.sh"
ensure_packages cmake ninja-build g++ pkg-config nlohmann-json3-dev libcpp-httplib-dev libssl-dev \
  zlib1g-dev

BUILD=$ROOT/build/demo
mkdir -p "$ROOT/build"
echo "building gpt-image in $BUILD ..."
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGPT_IMAGE_BUILD_TESTS=OFF \
  -DGPT_IMAGE_BUILD_EXAMPLES=OFF -DGPT_IMAGE_BUILD_TOOLS=ON >"$BUILD.log" 2>&1 ||
  { cat "$BUILD.log"; exit 1; }
cmake --build "$BUILD" --target gpt_image_cli >>"$BUILD.log" 2>&1 || { tail -40 "$BUILD.log"; exit 1; }

mkdir -p "$ROOT/out"
OUT=$ROOT/out/demo.png
# Neither GPT_IMAGE_API_KEY nor GPT_IMAGE_BASE_URL: the CLI starts its emulator and says so.
result=$(env -u GPT_IMAGE_API_KEY -u GPT_IMAGE_BASE_URL "$BUILD/tools/cli/gpt-image" generate \
  "$PROMPT" -o "$OUT" "$@")
echo "$result"
first=$(echo "$result" | head -n 1)
echo
echo "generated: ${first%% (*}"
