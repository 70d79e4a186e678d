// SPDX-License-Identifier: MIT
#pragma once
// `gpt_image::client`: basic_client over the default transport, cpp-httplib + OpenSSL.
//
//   gpt_image::client c{gpt_image::endpoint::toapis(key)};
//   auto images = c.generate(request);

#include <gpt_image/client.hpp>
#include <gpt_image/transports/httplib.hpp>
#include <gpt_image/version.hpp>

GPT_IMAGE_BEGIN_NAMESPACE

using client = basic_client<httplib_transport>;

GPT_IMAGE_END_NAMESPACE
