// SPDX-License-Identifier: MIT
#pragma once
// The umbrella header: the whole library, with the default transport (cpp-httplib + OpenSSL).
// Define GPT_IMAGE_NO_HTTPLIB to leave the default transport out — for an engine that brings its
// own HTTP stack — and use basic_client<your_transport>. (That only removes two separate types;
// no layout depends on it.)

#include <gpt_image/b64_json.hpp>
#include <gpt_image/base64.hpp>
#include <gpt_image/cancel.hpp>
#include <gpt_image/client.hpp>
#include <gpt_image/endpoint.hpp>
#include <gpt_image/error.hpp>
#include <gpt_image/http.hpp>
#include <gpt_image/http_date.hpp>
#include <gpt_image/image_info.hpp>
#include <gpt_image/multipart.hpp>
#include <gpt_image/providers/aivideoapi.hpp>
#include <gpt_image/providers/codec.hpp>
#include <gpt_image/providers/common.hpp>
#include <gpt_image/providers/openai.hpp>
#include <gpt_image/providers/toapis.hpp>
#include <gpt_image/request.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/retry.hpp>
#include <gpt_image/size.hpp>
#include <gpt_image/tables.hpp>
#include <gpt_image/task.hpp>
#include <gpt_image/transport.hpp>
#include <gpt_image/transports/any.hpp>
#include <gpt_image/transports/fake.hpp>
#include <gpt_image/validate.hpp>
#include <gpt_image/version.hpp>

#if !defined(GPT_IMAGE_NO_HTTPLIB)
#include <gpt_image/default_client.hpp>
#include <gpt_image/transports/httplib.hpp>
#endif
