// gpt_image — header-only C++ client for the GPT-Image-2 model.
// SPDX-License-Identifier: MIT
#pragma once

// The single source of the version: CMake and Meson read these three lines.
#define GPT_IMAGE_VERSION_MAJOR 0
#define GPT_IMAGE_VERSION_MINOR 1
#define GPT_IMAGE_VERSION_PATCH 0

#define GPT_IMAGE_VERSION_STRING_(a, b, c) #a "." #b "." #c
#define GPT_IMAGE_VERSION_STRING_X_(a, b, c) GPT_IMAGE_VERSION_STRING_(a, b, c)
#define GPT_IMAGE_VERSION_STRING                                                \
  GPT_IMAGE_VERSION_STRING_X_(GPT_IMAGE_VERSION_MAJOR, GPT_IMAGE_VERSION_MINOR, \
                              GPT_IMAGE_VERSION_PATCH)

// Every declaration lives in an inline namespace named after the version, so
// two incompatible copies of the library linked into one program are distinct
// types at link time instead of a silent ODR violation.
#define GPT_IMAGE_ABI_NAMESPACE v0_1
#define GPT_IMAGE_BEGIN_NAMESPACE \
  namespace gpt_image {           \
  inline namespace GPT_IMAGE_ABI_NAMESPACE {
#define GPT_IMAGE_END_NAMESPACE \
  }                             \
  }

GPT_IMAGE_BEGIN_NAMESPACE

struct version_info {
  int major;
  int minor;
  int patch;
  const char* string;
};

inline constexpr version_info version{GPT_IMAGE_VERSION_MAJOR, GPT_IMAGE_VERSION_MINOR,
                                      GPT_IMAGE_VERSION_PATCH, GPT_IMAGE_VERSION_STRING};

GPT_IMAGE_END_NAMESPACE
