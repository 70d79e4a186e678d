// SPDX-License-Identifier: MIT
#pragma once
// The umbrella header: the whole library.

#include <gpt_image/version.hpp>
#include <gpt_image/tables.hpp>
#include <gpt_image/error.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/http.hpp>
