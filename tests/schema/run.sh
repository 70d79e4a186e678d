#!/usr/bin/env bash
# Standalone run of the OpenAI schema conformance check: builds the body writer into a scratch
# directory and validates what it writes. CMake registers the same check as a test (see README.md).
#   tests/schema/run.sh [SCRATCH_DIR]      (default: a fresh temporary directory)
set -euo pipefail
cd "$(dirname "$0")/../.."
scratch=${1:-$(mktemp -d /tmp/gpt_image_schema.XXXXXX)}
mkdir -p "$scratch"
# The writer includes the umbrella header, which brings the cpp-httplib transport along.
# shellcheck disable=SC2046
${CXX:-g++} -std=c++17 -O1 -Wall -Wextra -Wpedantic -Werror -Iinclude $(pkg-config --cflags cpp-httplib) \
  tests/schema/write_openai_bodies.cpp -o "$scratch/write_openai_bodies" \
  -lcpp-httplib -lssl -lcrypto -lz -pthread
/usr/bin/python3 tests/schema/check_openai_schema.py --writer "$scratch/write_openai_bodies" \
  --schema tests/data/openai/openai_images_schema.json
