// Precompiled for the Meson build of the unit suite: the third-party headers every test parses.
#include <doctest/doctest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
