// SPDX-License-Identifier: MIT
// doctest's main for the emulator tests (tests/unit/main.cpp belongs to the unit suite, which is
// also built against the single header; the emulator is not part of it).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
