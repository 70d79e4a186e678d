// SPDX-License-Identifier: MIT
#pragma once
// What each provider says on the wire, as the provider documents (the seeds) and PROVIDERS.md describe it:
// request validation (sizes through the library's own tables), error bodies and status codes, and
// the task bodies of the two gateways. No I/O here: emulator.hpp owns sockets, time and storage.
//
//   openai      synchronous; POST /v1/images/generations (JSON) and /v1/images/edits (multipart or
//               JSON); answers {created, data:[{b64_json}], size, quality, ...}; errors
//               {"error":{"message","type","param","code"}}.
//   toapis      tasks; POST /v1/images/generations -> {id, object:"generation.task", status, ...},
//               GET /v1/images/generations/{id}, POST /v1/uploads/images; errors {"error":{...}}
//               whose `code` is a string, except the documented integer 404 of the status query.
//   aivideoapi  tasks; POST /v1/images/generations {model, callback_url, input:{...}} ->
//               {code:200, msg:"success", data:{taskId}}, GET /v1/tasks/{id}, GET /v1/credits;
//               errors {"error":{"code","message","type"}} (seed 004 "Error Reference").

#include <gpt_image/tables.hpp>
// The umbrella above is the contract; the pieces are named too so that this file compiles on its
// own while tables.hpp is being assembled.
#include <gpt_image/tables/format.hpp>
#include <gpt_image/tables/limits.hpp>
#include <gpt_image/tables/nearest.hpp>
#include <gpt_image/tables/parse.hpp>
#include <gpt_image/tables/sizes.hpp>
#include <gpt_image/tables/toapis.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gpt_image_emulator {

namespace gi = ::gpt_image;
using json = nlohmann::json;

enum class dialect { openai, toapis, aivideoapi };

inline constexpr dialect all_dialects[] = {dialect::openai, dialect::toapis, dialect::aivideoapi};

inline constexpr std::string_view to_string(dialect d) {
  switch (d) {
    case dialect::toapis:
      return "toapis";
    case dialect::aivideoapi:
      return "aivideoapi";
    case dialect::openai:
      break;
  }
  return "openai";
}

inline std::optional<dialect> parse_dialect(std::string_view text) {
  for (dialect d : all_dialects)
    if (to_string(d) == text) return d;
  return std::nullopt;
}

inline constexpr gi::provider provider_of(dialect d) {
  switch (d) {
    case dialect::toapis:
      return gi::provider::toapis;
    case dialect::aivideoapi:
      return gi::provider::aivideoapi;
    case dialect::openai:
      break;
  }
  return gi::provider::openai;
}

// One HTTP answer before fault injection shapes how (and whether) it is delivered.
struct reply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
};

inline reply json_reply(int status, const json& body) {
  reply r;
  r.status = status;
  r.body = body.dump();
  return r;
}

// ---------------------------------------------------------------------------------------------
// Error bodies
// ---------------------------------------------------------------------------------------------

// OpenAI: all four keys are always present; `param` and `code` may be null (PROVIDERS.md §1).
inline reply openai_error(int status, std::string_view type, std::string message,
                          json param = nullptr, json code = nullptr) {
  return json_reply(status, json{{"error",
                                  {{"message", std::move(message)},
                                   {"type", type},
                                   {"param", std::move(param)},
                                   {"code", std::move(code)}}}});
}

// ToAPIs: the envelope differs per endpoint (PROVIDERS.md C10); `type` is omitted when empty, as in
// the documented 429 body.
inline reply toapis_error(int status, json code, std::string message, std::string_view type = {}) {
  json error = {{"code", std::move(code)}, {"message", std::move(message)}};
  if (!type.empty()) error["type"] = type;
  return json_reply(status, json{{"error", std::move(error)}});
}

// aivideoapi: seed 004's "Error Reference" table.
inline reply aivideoapi_error(int status, std::string_view code, std::string message,
                              std::string_view type) {
  return json_reply(
      status, json{{"error", {{"code", code}, {"message", std::move(message)}, {"type", type}}}});
}

// The situations every dialect has an answer for.
enum class common_error {
  missing_key,           // no `Authorization: Bearer ...`
  wrong_key,             // a key that is not the configured one
  rate_limited,          // 429
  upstream_unavailable,  // 503 upstream_error
  internal,              // 500
  out_of_credits,        // 402 (OpenAI: 429 insufficient_quota)
  no_such_route,         // 404 for a path the dialect does not serve
  task_not_found,        // 404 for an unknown task id
};

inline reply error_reply(dialect d, common_error e, std::string_view detail = {}) {
  switch (d) {
    case dialect::openai:
      switch (e) {
        case common_error::missing_key:
          return openai_error(401, "invalid_request_error",
                              "You didn't provide an API key. Send it as 'Authorization: Bearer "
                              "YOUR_KEY'.");
        case common_error::wrong_key:
          // The real message echoes a masked key; the emulator never repeats any part of it.
          return openai_error(401, "invalid_request_error", "Incorrect API key provided.", nullptr,
                              "invalid_api_key");
        case common_error::rate_limited:
          return openai_error(429, "requests",
                              "Rate limit reached for images per minute. Please try again later.",
                              nullptr, "rate_limit_exceeded");
        case common_error::upstream_unavailable:
          return openai_error(503, "server_error",
                              "The engine is currently overloaded, please try again later.",
                              nullptr, "upstream_error");
        case common_error::internal:
          return openai_error(500, "server_error",
                              "The server had an error while processing your request. Sorry "
                              "about that!");
        case common_error::out_of_credits:
          return openai_error(429, "insufficient_quota",
                              "You exceeded your current quota, please check your plan and "
                              "billing details.",
                              nullptr, "insufficient_quota");
        case common_error::no_such_route:
        case common_error::task_not_found:
          return openai_error(404, "invalid_request_error",
                              "Invalid URL (" + std::string(detail) +
                                  "); the emulator serves POST /v1/images/generations and POST "
                                  "/v1/images/edits");
      }
      break;
    case dialect::toapis:
      switch (e) {
        // Seed 000: "401 authentication_error" (the status page writes the code as the integer
        // 401, PROVIDERS.md C10; the seed is followed).
        case common_error::missing_key:
          return toapis_error(401, "authentication_error",
                              "Missing Authorization header; send 'Authorization: Bearer "
                              "YOUR_API_KEY'",
                              "authentication_error");
        case common_error::wrong_key:
          return toapis_error(401, "authentication_error",
                              "Authentication failed, please check your API key",
                              "authentication_error");
        case common_error::rate_limited:
          return toapis_error(429, "rate_limit_exceeded", "Async task request rate exceeded");
        case common_error::upstream_unavailable:
          return toapis_error(503, "upstream_error",
                              "Upstream service temporarily unavailable, please retry later",
                              "upstream_error");
        case common_error::internal:
          return toapis_error(500, "internal_error", "Internal server error", "api_error");
        case common_error::out_of_credits:
          return toapis_error(402, "insufficient_quota",
                              "Insufficient quota; top up your balance and retry",
                              "insufficient_quota");
        case common_error::task_not_found:
          // PROVIDERS.md §2: the status query's 404 carries the integer code 404.
          return toapis_error(404, 404, "Task not found", "not_found_error");
        case common_error::no_such_route:
          return toapis_error(404, 404,
                              "Not found: " + std::string(detail) +
                                  "; ToAPIs serves POST /v1/images/generations, GET "
                                  "/v1/images/generations/{id} and POST /v1/uploads/images",
                              "not_found_error");
      }
      break;
    case dialect::aivideoapi:
      switch (e) {
        case common_error::missing_key:
          return aivideoapi_error(401, "invalid_api_key",
                                  "Missing API key; send 'Authorization: Bearer sk-...'",
                                  "authentication_error");
        case common_error::wrong_key:
          return aivideoapi_error(401, "invalid_api_key",
                                  "API key is invalid, disabled, or deleted",
                                  "authentication_error");
        case common_error::rate_limited:
          return aivideoapi_error(429, "rate_limit_exceeded", "Too many requests, please slow down",
                                  "rate_limit_error");
        case common_error::upstream_unavailable:
          return aivideoapi_error(503, "upstream_error", "Upstream AI provider returned an error",
                                  "upstream_error");
        case common_error::internal:
          return aivideoapi_error(500, "internal_error", "Unexpected server error", "api_error");
        case common_error::out_of_credits:
          return aivideoapi_error(402, "insufficient_credits",
                                  "Your credit balance is too low. Please top up.",
                                  "billing_error");
        case common_error::task_not_found:
          return aivideoapi_error(404, "task_not_found", "Task ID does not exist",
                                  "invalid_request_error");
        case common_error::no_such_route:
          return aivideoapi_error(404, "not_found",
                                  "Not found: " + std::string(detail) +
                                      "; aivideoapi serves POST /v1/images/generations, GET "
                                      "/v1/tasks/{taskId} and GET /v1/credits",
                                  "invalid_request_error");
      }
      break;
  }
  return json_reply(500, json{{"error", {{"message", "unreachable"}}}});
}

// A 400 for a request that failed validation, in the dialect's words.
inline reply invalid_request(dialect d, std::string message, std::string_view param = {}) {
  switch (d) {
    case dialect::openai:
      return openai_error(400, "invalid_request_error", std::move(message),
                          param.empty() ? json(nullptr) : json(param));
    case dialect::toapis:
      // Seed 000: "400 invalid_request_error".
      return toapis_error(400, "invalid_request_error", std::move(message),
                          "invalid_request_error");
    case dialect::aivideoapi:
      break;
  }
  return aivideoapi_error(400, "invalid_request", std::move(message), "invalid_request_error");
}

// ---------------------------------------------------------------------------------------------
// Validation helpers
// ---------------------------------------------------------------------------------------------

namespace detail {

// Unicode code points of UTF-8 text: what a "character" limit most plausibly counts (PROVIDERS.md
// C1 notes that only Evolink says so explicitly).
inline std::size_t count_characters(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

inline bool is_http_url(const std::string& s) {
  return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0;
}

inline std::string join(const std::vector<std::string>& items, std::string_view sep = ", ") {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

inline std::string pixels_text(gi::pixels p) {
  return std::string(gi::format_pixels(p).view());
}
inline std::string aspect_text(gi::aspect a) {
  return std::string(gi::format_aspect(a).view());
}

// The ratios a gateway accepts at one tier, in table order, e.g. "16:9, 9:16, 2:1, ...".
template <std::size_t N>
inline std::string ratios_at(const gi::size_choice (&table)[N], gi::tier t) {
  std::vector<std::string> names;
  for (const auto& cell : table)
    if (cell.resolution == t) names.push_back(aspect_text(cell.ratio));
  return join(names);
}

template <std::size_t N>
inline std::string all_ratios(const gi::size_choice (&table)[N]) {
  std::vector<std::string> names;
  for (const auto& cell : table) {
    const std::string name = aspect_text(cell.ratio);
    bool seen = false;
    for (const auto& n : names) seen = seen || n == name;
    if (!seen) names.push_back(name);
  }
  return join(names, "|");
}

// The cell that lists `p` (as its size or its alternate), if any.
template <std::size_t N>
inline std::optional<gi::size_choice> cell_with_pixels(const gi::size_choice (&table)[N],
                                                       gi::pixels p) {
  for (const auto& cell : table)
    if (cell.size == p || (cell.alternate && *cell.alternate == p)) return cell;
  return std::nullopt;
}

inline const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

}  // namespace detail

// ---------------------------------------------------------------------------------------------
// What a valid create asks for
// ---------------------------------------------------------------------------------------------

struct order {
  std::string prompt;
  gi::pixels size{1024, 1024};
  std::optional<gi::tier> resolution;  // the price tier (gateways)
  int n = 1;
  std::string model = "gpt-image-2";
  std::vector<std::string> references;  // URLs (gateways) or uploaded file names (OpenAI edits)
  std::string callback_url;             // aivideoapi
  // OpenAI's echo fields.
  std::string quality = "auto";
  std::string output_format = "png";
  std::string background = "auto";
};

// Either an order or the error reply explaining what was wrong.
struct checked_order {
  std::optional<order> value;
  reply error;
};

inline checked_order rejected(reply r) {
  return checked_order{std::nullopt, std::move(r)};
}
inline checked_order accepted(order o) {
  return checked_order{std::move(o), reply{}};
}

// --- OpenAI ---------------------------------------------------------------------------------

namespace detail {

inline constexpr std::string_view openai_generation_fields[] = {"prompt",
                                                                "model",
                                                                "n",
                                                                "size",
                                                                "quality",
                                                                "output_format",
                                                                "output_compression",
                                                                "background",
                                                                "moderation",
                                                                "stream",
                                                                "partial_images",
                                                                "user",
                                                                "response_format",
                                                                "style"};

inline constexpr std::string_view openai_edit_fields[] = {"prompt",
                                                          "model",
                                                          "n",
                                                          "size",
                                                          "quality",
                                                          "output_format",
                                                          "output_compression",
                                                          "background",
                                                          "input_fidelity",
                                                          "stream",
                                                          "partial_images",
                                                          "user",
                                                          "response_format",
                                                          "image",
                                                          "image[]",
                                                          "mask",
                                                          "images",
                                                          "moderation"};

inline std::optional<std::string> one_of(const json& value,
                                         std::initializer_list<std::string_view> allowed) {
  if (!value.is_string()) return std::nullopt;
  const std::string& s = value.get_ref<const std::string&>();
  for (auto a : allowed)
    if (a == s) return s;
  return std::nullopt;
}

inline std::string list_text(std::initializer_list<std::string_view> allowed) {
  std::string out;
  for (auto a : allowed) {
    if (!out.empty()) out += ", ";
    out += "'" + std::string(a) + "'";
  }
  return out;
}

}  // namespace detail

// The fields OpenAI's generation and edit bodies share, read from a JSON object. Multipart edits
// are converted to that object first (every part a string) by the caller.
inline checked_order check_openai_common(const json& body, bool edit, bool multipart) {
  const dialect d = dialect::openai;
  order o;
  auto is_known = [edit](const std::string& key) {
    if (edit) {
      for (auto k : detail::openai_edit_fields)
        if (k == key) return true;
      return false;
    }
    for (auto k : detail::openai_generation_fields)
      if (k == key) return true;
    return false;
  };
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (!is_known(it.key()))
      return rejected(
          invalid_request(d, "Unrecognized request argument supplied: " + it.key(), it.key()));
  }

  const json* prompt = detail::member(body, "prompt");
  if (!prompt || !prompt->is_string() || prompt->get_ref<const std::string&>().empty())
    return rejected(invalid_request(d, "Missing required parameter: 'prompt'.", "prompt"));
  o.prompt = prompt->get<std::string>();
  const std::size_t limit = gi::limits_of(gi::provider::openai).prompt_max_chars;
  if (detail::count_characters(o.prompt) > limit)
    return rejected(invalid_request(d,
                                    "Invalid 'prompt': string too long. Expected a string with "
                                    "maximum length " +
                                        std::to_string(limit) + ", but got a string with length " +
                                        std::to_string(detail::count_characters(o.prompt)) + ".",
                                    "prompt"));

  if (const json* model = detail::member(body, "model")) {
    if (!model->is_string())
      return rejected(invalid_request(d, "Invalid type for 'model': expected a string.", "model"));
    o.model = model->get<std::string>();
    if (o.model != "gpt-image-2" && o.model != "gpt-image-2-2026-04-21")
      return rejected(openai_error(404, "invalid_request_error",
                                   "The model '" + o.model +
                                       "' does not exist or you do not have access to it; the "
                                       "emulator serves 'gpt-image-2'.",
                                   nullptr, "model_not_found"));
  }

  if (const json* n = detail::member(body, "n")) {
    // Multipart parts arrive as text; JSON must carry a number.
    long value = 0;
    bool ok = false;
    if (n->is_number_integer()) {
      value = n->get<long>();
      ok = true;
    } else if (multipart && n->is_string()) {
      const auto parsed = gi::detail::parse_positive_u16(n->get_ref<const std::string&>());
      ok = parsed.has_value();
      value = parsed ? *parsed : 0;
    }
    const int n_max = static_cast<int>(gi::limits_of(gi::provider::openai).n_max);
    if (!ok || value < 1 || value > n_max)
      return rejected(invalid_request(
          d, "Invalid 'n': expected an integer from 1 to " + std::to_string(n_max) + ".", "n"));
    o.n = static_cast<int>(value);
  }

  const json* size = detail::member(body, "size");
  std::string size_text = size ? (size->is_string() ? size->get<std::string>() : std::string("?"))
                               : std::string(multipart ? "1024x1024" : "auto");
  if (size_text == "auto") {
    o.size = gi::pixels{1024, 1024};  // what the emulator "picks" for auto
  } else {
    const auto p = gi::parse_pixels(size_text);
    // JSON edits only take the three classic sizes (PROVIDERS.md §1, EditImageBodyJsonParam).
    const bool classic = p && (*p == gi::pixels{1024, 1024} || *p == gi::pixels{1536, 1024} ||
                               *p == gi::pixels{1024, 1536});
    if (!p || !gi::supports(gi::provider::openai, *p) || (edit && !multipart && !classic)) {
      std::string message = "Invalid value for 'size': '" + size_text + "'. ";
      if (edit && !multipart)
        message += "Supported values are: 'auto', '1024x1024', '1536x1024' and '1024x1536'.";
      else
        message +=
            "Supported values are 'auto' or WIDTHxHEIGHT with both sides multiples of 16, a "
            "long-to-short ratio of at most 3:1, at most 3840 pixels per side and 655,360 to "
            "8,294,400 pixels in total.";
      if (p && !(edit && !multipart)) {
        if (const auto near = gi::nearest_supported(gi::provider::openai, *p))
          message += " The nearest supported size is '" + detail::pixels_text(near->size) + "'.";
      }
      return rejected(invalid_request(d, std::move(message), "size"));
    }
    o.size = *p;
  }

  auto check_enum = [&](const char* key, std::initializer_list<std::string_view> allowed,
                        std::string* out) -> std::optional<reply> {
    const json* v = detail::member(body, key);
    if (!v) return std::nullopt;
    const auto s = detail::one_of(*v, allowed);
    if (!s)
      return invalid_request(d,
                             std::string("Invalid value for '") + key +
                                 "'. Supported values are: " + detail::list_text(allowed) + ".",
                             key);
    if (out) *out = *s;
    return std::nullopt;
  };
  if (auto e = check_enum("quality", {"low", "medium", "high", "auto"}, &o.quality))
    return rejected(std::move(*e));
  if (auto e = check_enum("output_format", {"png", "jpeg", "webp"}, &o.output_format))
    return rejected(std::move(*e));
  if (auto e = check_enum("background", {"transparent", "opaque", "auto"}, &o.background))
    return rejected(std::move(*e));
  if (auto e = check_enum("moderation", {"low", "auto"}, nullptr)) return rejected(std::move(*e));
  if (auto e = check_enum("input_fidelity", {"high", "low"}, nullptr))
    return rejected(std::move(*e));
  // GPT image models always answer with b64_json; `url` is DALL-E only (PROVIDERS.md §1).
  if (auto e = check_enum("response_format", {"b64_json"}, nullptr)) return rejected(std::move(*e));
  if (o.background == "transparent" && o.output_format == "jpeg")
    return rejected(invalid_request(
        d, "Transparent backgrounds need output_format 'png' or 'webp', not 'jpeg'.",
        "background"));
  if (const json* c = detail::member(body, "output_compression")) {
    bool ok = c->is_number_integer() && c->get<long>() >= 0 && c->get<long>() <= 100;
    if (multipart && c->is_string()) {
      const std::string& s = c->get_ref<const std::string&>();
      const auto v = gi::detail::parse_positive_u16(s);
      ok = s == "0" || (v && *v <= 100);
    }
    if (!ok)
      return rejected(
          invalid_request(d, "Invalid 'output_compression': expected an integer from 0 to 100.",
                          "output_compression"));
  }
  if (const json* stream = detail::member(body, "stream")) {
    const bool on = (stream->is_boolean() && stream->get<bool>()) ||
                    (stream->is_string() && stream->get_ref<const std::string&>() == "true");
    if (on)
      return rejected(invalid_request(
          d, "The emulator does not stream; send 'stream': false or leave it out.", "stream"));
  }
  return accepted(std::move(o));
}

inline checked_order check_openai_generation(const std::string& body_text) {
  const json body = json::parse(body_text, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return rejected(invalid_request(
        dialect::openai,
        "We could not parse the JSON body of your request. The body must be a JSON object."));
  return check_openai_common(body, /*edit=*/false, /*multipart=*/false);
}

// A JSON edit: `images` is 1-16 objects with exactly one of image_url / file_id.
inline checked_order check_openai_json_edit(const std::string& body_text) {
  const dialect d = dialect::openai;
  const json body = json::parse(body_text, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return rejected(invalid_request(
        d, "We could not parse the JSON body of your request. The body must be a JSON object."));
  const json* images = detail::member(body, "images");
  const std::size_t max_refs = gi::limits_of(gi::provider::openai).reference_images_max;
  if (!images || !images->is_array() || images->empty() || images->size() > max_refs)
    return rejected(invalid_request(
        d, "'images' must be an array of 1 to " + std::to_string(max_refs) + " image references.",
        "images"));
  std::vector<std::string> refs;
  for (const auto& item : *images) {
    const json* url = detail::member(item, "image_url");
    const json* file = detail::member(item, "file_id");
    if (!item.is_object() || item.size() != 1 || (!url && !file) ||
        !(url ? url : file)->is_string())
      return rejected(invalid_request(
          d,
          "Each entry of 'images' must be an object with exactly one of 'image_url' or "
          "'file_id'.",
          "images"));
    refs.push_back((url ? url : file)->get<std::string>());
  }
  auto checked = check_openai_common(body, /*edit=*/true, /*multipart=*/false);
  if (checked.value) checked.value->references = std::move(refs);
  return checked;
}

// --- ToAPIs ---------------------------------------------------------------------------------

inline checked_order check_toapis_create(const std::string& body_text) {
  const dialect d = dialect::toapis;
  const json body = json::parse(body_text, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return rejected(invalid_request(d, "Request body must be a JSON object"));
  order o;

  const json* model = detail::member(body, "model");
  if (!model || !model->is_string())
    return rejected(invalid_request(d, "Missing required field: model (use \"gpt-image-2\")"));
  o.model = model->get<std::string>();
  if (o.model != "gpt-image-2")
    return rejected(invalid_request(
        d, "Unsupported model '" + o.model + "'; the emulator serves \"gpt-image-2\""));

  const json* prompt = detail::member(body, "prompt");
  if (!prompt || !prompt->is_string() || prompt->get_ref<const std::string&>().empty())
    return rejected(invalid_request(d, "Missing required field: prompt"));
  o.prompt = prompt->get<std::string>();
  const std::size_t limit = gi::limits_of(gi::provider::toapis).prompt_max_chars;
  if (detail::count_characters(o.prompt) > limit)
    return rejected(invalid_request(
        d, "prompt is too long: " + std::to_string(detail::count_characters(o.prompt)) +
               " characters, maximum " + std::to_string(limit)));

  std::string size_text = "1:1";
  if (const json* size = detail::member(body, "size")) {
    if (!size->is_string())
      return rejected(invalid_request(d, "size must be a string such as \"16:9\""));
    size_text = size->get<std::string>();
  }
  std::string resolution_text;
  if (const json* res = detail::member(body, "resolution")) {
    if (!res->is_string())
      return rejected(invalid_request(d, "resolution must be one of \"1K\", \"2K\", \"4K\""));
    resolution_text = res->get<std::string>();
  }

  if (const auto legacy_pixels = gi::parse_pixels(size_text)) {
    // The oldest revision's pixel strings (seeds 002/003), mapped onto the matrix by the tables.
    const auto cell = gi::toapis_legacy_choice(size_text, resolution_text);
    if (!cell)
      return rejected(invalid_request(
          d, "Invalid size-resolution combination: size \"" + size_text + "\"" +
                 (resolution_text.empty() ? "" : " with resolution \"" + resolution_text + "\"") +
                 "; legacy pixel sizes are 1024x1024, 1536x1024, 1024x1536 (resolution 1024, 1536 "
                 "or 2048), or send a ratio as size with resolution 1K, 2K or 4K"));
    o.size = cell->size;
    o.resolution = cell->resolution;
  } else {
    const auto ratio = gi::parse_aspect(size_text);
    if (!ratio || ratio->is_auto())
      return rejected(invalid_request(
          d, "Invalid size \"" + size_text + "\"; valid: " + detail::all_ratios(gi::toapis_sizes)));
    const auto tier_value = resolution_text.empty() ? std::optional<gi::tier>(gi::tier::k1)
                                                    : gi::parse_tier(resolution_text);
    if (!tier_value)
      return rejected(
          invalid_request(d, "Invalid resolution \"" + resolution_text + "\"; valid: 1K, 2K, 4K"));
    const auto resolved = gi::resolve(gi::provider::toapis, *ratio, *tier_value);
    if (!resolved)
      return rejected(
          invalid_request(d, "Invalid size-resolution combination: " + size_text +
                                 " is not supported at " + std::string(gi::tier_name(*tier_value)) +
                                 "; supported at " + std::string(gi::tier_name(*tier_value)) +
                                 ": " + detail::ratios_at(gi::toapis_sizes, *tier_value)));
    o.size = *resolved;
    o.resolution = *tier_value;
  }

  if (const json* n = detail::member(body, "n")) {
    const long n_max = static_cast<long>(gi::limits_of(gi::provider::toapis).n_max);
    if (!n->is_number_integer() || n->get<long>() < 1 || n->get<long>() > n_max)
      return rejected(
          invalid_request(d, "n must be an integer from 1 to " + std::to_string(n_max)));
    o.n = n->get<int>();
  }
  if (const json* rf = detail::member(body, "response_format")) {
    if (!detail::one_of(*rf, {"url", "b64_json"}))
      return rejected(invalid_request(d, "response_format must be \"url\" or \"b64_json\""));
  }
  const std::size_t max_refs = gi::limits_of(gi::provider::toapis).reference_images_max;
  for (const char* key : {"reference_images", "image_urls"}) {
    const json* refs = detail::member(body, key);
    if (!refs) continue;
    if (!refs->is_array())
      return rejected(toapis_error(400, "invalid_reference_images",
                                   std::string(key) + " must be an array of image URLs",
                                   "invalid_request_error"));
    for (const auto& r : *refs) {
      // Seed 000: base64, local paths and other non-URL values are invalid_reference_images.
      if (!r.is_string() || !detail::is_http_url(r.get<std::string>()))
        return rejected(toapis_error(
            400, "invalid_reference_images",
            std::string(key) + " entries must be public http(s) URLs; upload local files with POST "
                               "/v1/uploads/images first (base64 is not supported)",
            "invalid_request_error"));
      o.references.push_back(r.get<std::string>());
    }
  }
  if (o.references.size() > max_refs)
    return rejected(
        toapis_error(400, "invalid_reference_images",
                     "too many reference images: " + std::to_string(o.references.size()) +
                         ", maximum " + std::to_string(max_refs),
                     "invalid_request_error"));
  return accepted(std::move(o));
}

// --- aivideoapi -----------------------------------------------------------------------------

inline checked_order check_aivideoapi_create(const std::string& body_text) {
  const dialect d = dialect::aivideoapi;
  const json body = json::parse(body_text, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    return rejected(invalid_request(d, "Request body must be a JSON object."));
  order o;

  const json* model = detail::member(body, "model");
  if (!model || !model->is_string()) return rejected(invalid_request(d, "'model' is required."));
  o.model = model->get<std::string>();
  if (o.model != "gpt-image-2")
    return rejected(aivideoapi_error(
        404, "model_not_found",
        "Model '" + o.model + "' does not exist or is inactive; use 'gpt-image-2'.",
        "invalid_request_error"));
  if (const json* cb = detail::member(body, "callback_url")) {
    if (!cb->is_string() || !detail::is_http_url(cb->get<std::string>()))
      return rejected(invalid_request(d, "'callback_url' must be an http(s) URL."));
    o.callback_url = cb->get<std::string>();
  }
  const json* input = detail::member(body, "input");
  if (!input || !input->is_object())
    return rejected(invalid_request(d, "'input' is required and must be an object."));

  const json* prompt = detail::member(*input, "prompt");
  const json* urls = detail::member(*input, "image_urls");
  if (prompt) {
    if (!prompt->is_string())
      return rejected(invalid_request(d, "'input.prompt' must be a string."));
    o.prompt = prompt->get<std::string>();
    const std::size_t limit = gi::limits_of(gi::provider::aivideoapi).prompt_max_chars;
    if (detail::count_characters(o.prompt) > limit)
      return rejected(invalid_request(
          d, "'input.prompt' is too long: " + std::to_string(detail::count_characters(o.prompt)) +
                 " characters, maximum " + std::to_string(limit) + "."));
  }
  if (urls) {
    const std::size_t max_refs = gi::limits_of(gi::provider::aivideoapi).reference_images_max;
    if (!urls->is_array() || urls->size() > max_refs)
      return rejected(invalid_request(d, "'input.image_urls' must be an array of at most " +
                                             std::to_string(max_refs) + " URLs."));
    for (const auto& u : *urls) {
      if (!u.is_string() || !detail::is_http_url(u.get<std::string>()))
        return rejected(invalid_request(d, "'input.image_urls' entries must be http(s) URLs."));
      o.references.push_back(u.get<std::string>());
    }
  }
  if (o.prompt.empty() && o.references.empty())
    return rejected(
        invalid_request(d, "At least one of 'input.prompt' or 'input.image_urls' is required."));

  std::string resolution_text = "1k";
  if (const json* res = detail::member(*input, "resolution")) {
    if (!res->is_string())
      return rejected(invalid_request(d, "'input.resolution' must be one of 1k, 2k, 4k."));
    resolution_text = res->get<std::string>();
  }
  const auto tier_value = gi::parse_tier(resolution_text);
  if (!tier_value)
    return rejected(invalid_request(
        d, "Invalid 'input.resolution' '" + resolution_text + "'; valid: 1k, 2k, 4k."));

  std::string aspect_text = "auto";
  if (const json* ar = detail::member(*input, "aspect_ratio")) {
    if (!ar->is_string())
      return rejected(invalid_request(d, "'input.aspect_ratio' must be a string."));
    aspect_text = ar->get<std::string>();
  }
  if (const auto p = gi::parse_pixels(aspect_text)) {
    // An explicit pixel size from the table (seed 004); the table's tier decides the price.
    const auto cell = detail::cell_with_pixels(gi::aivideoapi_sizes, *p);
    if (!cell || !gi::supports(gi::provider::aivideoapi, *p))
      return rejected(invalid_request(
          d, "Invalid 'input.aspect_ratio' '" + aspect_text +
                 "': explicit pixel sizes must be one of the Size & Resolution table's cells (e.g. "
                 "1881x836, 887x1774, 2048x1152)."));
    o.size = *p;
    o.resolution = cell->resolution;
  } else {
    auto ratio = gi::parse_aspect(aspect_text);
    if (!ratio)
      return rejected(invalid_request(
          d, "Invalid 'input.aspect_ratio' '" + aspect_text + "'; valid: auto|" +
                 detail::all_ratios(gi::aivideoapi_sizes) + " or a pixel size from the table."));
    const auto resolved = gi::resolve(gi::provider::aivideoapi, *ratio, *tier_value);
    if (!resolved)
      return rejected(invalid_request(
          d, "Unsupported 'input.aspect_ratio' '" + aspect_text + "' at " +
                 std::string(gi::tier_name(*tier_value, gi::provider::aivideoapi)) +
                 "; valid: auto|" + detail::ratios_at(gi::aivideoapi_sizes, *tier_value) + "."));
    o.size = *resolved;
    o.resolution = *tier_value;
  }
  if (const json* nsfw = detail::member(*input, "nsfw_checker")) {
    if (!nsfw->is_boolean())
      return rejected(invalid_request(d, "'input.nsfw_checker' must be a boolean."));
  }
  return accepted(std::move(o));
}

// ---------------------------------------------------------------------------------------------
// Task bodies
// ---------------------------------------------------------------------------------------------

enum class task_phase { waiting, running, completed, failed };

struct task_view {
  std::string id;
  std::string model = "gpt-image-2";
  std::int64_t created_at = 0;
  std::int64_t completed_at = 0;  // when completed or failed
  task_phase phase = task_phase::waiting;
  int progress = 0;               // 0-100
  std::vector<std::string> urls;  // when completed
  bool has_references = false;
  std::int64_t cost_seconds = 0;
};

// ToAPIs (seeds 001/003, PROVIDERS.md §2): queued -> in_progress -> completed | failed.
inline json toapis_task_json(const task_view& t) {
  json j = {{"id", t.id},         {"object", "generation.task"}, {"model", t.model},
            {"status", "queued"}, {"progress", t.progress},      {"created_at", t.created_at}};
  switch (t.phase) {
    case task_phase::waiting:
      j["metadata"] = json::object();
      break;
    case task_phase::running:
      j["status"] = "in_progress";
      break;
    case task_phase::completed: {
      j["status"] = "completed";
      j["progress"] = 100;
      j["completed_at"] = t.completed_at;
      j["expires_at"] = t.completed_at + 86400;  // result URLs live 24 h
      json data = json::array();
      for (const auto& u : t.urls) data.push_back({{"url", u}});
      j["result"] = {{"type", "image"}, {"data", std::move(data)}};
      break;
    }
    case task_phase::failed:
      j["status"] = "failed";
      j["progress"] = 0;
      j["error"] = {{"code", "generation_failed"},
                    {"message", "call upstream API failed: upstream returned status 422"}};
      break;
  }
  return j;
}

// aivideoapi (seed 004): pending -> processing -> completed | failed; `progress` is null while
// the task runs (PROVIDERS.md §3) and absent once it has finished.
inline json aivideoapi_task_json(const task_view& t) {
  json j = {{"id", t.id}, {"status", "pending"}, {"model", t.model}, {"created_at", t.created_at}};
  switch (t.phase) {
    case task_phase::waiting:
      j["progress"] = nullptr;
      break;
    case task_phase::running:
      j["status"] = "processing";
      j["progress"] = nullptr;
      break;
    case task_phase::completed:
      j["status"] = "completed";
      j["completed_at"] = t.completed_at;
      j["output"] = {{"urls", t.urls},
                     {"metadata",
                      {{"model", t.has_references ? "gpt-image-2-image-to-image"
                                                  : "gpt-image-2-text-to-image"},
                       {"costTime", t.cost_seconds}}}};
      break;
    case task_phase::failed:
      j["status"] = "failed";
      j["error"] = {{"code", "upstream_error"}, {"message", "Generation failed"}};
      break;
  }
  return j;
}

}  // namespace gpt_image_emulator
