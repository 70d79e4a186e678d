#!/usr/bin/env bash
# Consumes gpt_image from outside: installs it into a temporary prefix and builds a program with
# find_package(gpt_image) and with pkg-config; then builds the same program with gpt_image as a
# Meson subproject.  Usage: run.sh WORK_DIR
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${1:?usage: run.sh WORK_DIR}
rm -rf "$WORK"
mkdir -p "$WORK"
PREFIX=$WORK/prefix

echo "--- install into $PREFIX"
cmake -S "$ROOT" -B "$WORK/lib" -G Ninja -DGPT_IMAGE_BUILD_TESTS=OFF -DGPT_IMAGE_BUILD_TOOLS=OFF \
  -DGPT_IMAGE_BUILD_EXAMPLES=OFF -DCMAKE_INSTALL_PREFIX="$PREFIX"
cmake --install "$WORK/lib"
test -f "$PREFIX/include/gpt_image/gpt_image.hpp"

echo "--- find_package(gpt_image)"
cmake -S "$ROOT/tests/consumer/cmake" -B "$WORK/cmake" -G Ninja -DCMAKE_PREFIX_PATH="$PREFIX"
cmake --build "$WORK/cmake"
"$WORK/cmake/consumer"
"$WORK/cmake/tables_consumer"

echo "--- pkg-config"
export PKG_CONFIG_PATH=$PREFIX/share/pkgconfig
pkg-config --modversion gpt_image
# shellcheck disable=SC2046
c++ -std=c++17 -Wall -Wextra -Werror -o "$WORK/pkgconfig_consumer" "$ROOT/tests/consumer/consumer.cpp" \
  $(pkg-config --cflags --libs gpt_image-httplib)
"$WORK/pkgconfig_consumer"
# The tables alone need no library but the standard one.
# shellcheck disable=SC2046
c++ -std=c++17 -Wall -Wextra -Werror -o "$WORK/pkgconfig_tables" \
  "$ROOT/tests/consumer/tables_consumer.cpp" $(pkg-config --cflags gpt_image)
"$WORK/pkgconfig_tables"

echo "--- Meson subproject"
cp -r "$ROOT/tests/consumer/meson" "$WORK/meson-src"
cp "$ROOT/tests/consumer/"*.cpp "$WORK/"
mkdir -p "$WORK/meson-src/subprojects"
ln -s "$ROOT" "$WORK/meson-src/subprojects/gpt_image"
unset PKG_CONFIG_PATH
# forcefallback: the dependency must come from the subproject, not from an installed copy.
meson setup --wrap-mode=forcefallback "$WORK/meson-build" "$WORK/meson-src"
meson compile -C "$WORK/meson-build"
meson test -C "$WORK/meson-build" --print-errorlogs
echo "consumers: all built and ran"
