// SPDX-License-Identifier: MIT
#pragma once
// What every provider codec shares: tolerant JSON reading, the error-envelope decoder, and the
// task-object decoder that the two task gateways (ToAPIs, aivideoapi) have in common.
//
// Tolerant means: unknown fields are ignored, a number may arrive as a string (and a string code
// as a number), `null` is the same as absent — but anything that cannot be understood becomes
// errc::malformed_response with a short, printable excerpt of the body. Never an exception: JSON
// is parsed with allow_exceptions=false and read with find()/is_*() only (no at(), no get<>() on
// an unchecked type), so this works under -fno-exceptions, where nlohmann would abort instead.

#include <gpt_image/error.hpp>
#include <gpt_image/http.hpp>
#include <gpt_image/http_date.hpp>
#include <gpt_image/request.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/tables.hpp>
#include <gpt_image/task.hpp>
#include <gpt_image/version.hpp>

#include <nlohmann/json.hpp>

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

GPT_IMAGE_BEGIN_NAMESPACE

// How an encoder addresses its provider. Both fields are optional.
struct encode_options {
  std::string base_url;            // scheme://host[:port]; empty: the provider's public endpoint
  std::string multipart_boundary;  // empty: a random one (set it for reproducible bodies)
};

namespace detail {

using json = nlohmann::json;

// The MIME type of an image from its first bytes, for multipart parts whose caller named none.
inline std::string_view sniff_image_mime(std::string_view bytes) {
  if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8))
    return "image/png";
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xFF\xD8\xFF") return "image/jpeg";
  if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP")
    return "image/webp";
  if (bytes.size() >= 6 && (bytes.substr(0, 6) == "GIF87a" || bytes.substr(0, 6) == "GIF89a"))
    return "image/gif";
  return "application/octet-stream";
}

inline std::string_view extension_for_mime(std::string_view mime) {
  if (mime == "image/png") return "png";
  if (mime == "image/jpeg" || mime == "image/jpg") return "jpg";
  if (mime == "image/webp") return "webp";
  if (mime == "image/gif") return "gif";
  return "bin";
}

// Error bodies are small; one that is not is not an error envelope anyone wrote by hand, and is
// not worth parsing into a DOM.
inline constexpr std::size_t max_envelope_bytes = 1u << 20;

inline bool is_http_success(int status) {
  return status >= 200 && status <= 299;
}

// nlohmann's dump() throws (or, without exceptions, aborts) on invalid UTF-8 unless told to
// replace it; every body the library writes goes through here.
inline std::string dump_json(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// No response of any provider nests deeper than a handful of levels. A body that does is refused
// before it reaches the parser: a megabyte of '[' would otherwise become a million nested arrays
// (hundreds of megabytes and seconds of work) just to be thrown away.
inline constexpr int max_json_depth = 64;

inline bool json_nesting_within(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return true;
}

// Parses without exceptions; nullopt for anything that is not one complete JSON text.
inline std::optional<json> parse_json(std::string_view text) {
  if (!json_nesting_within(text, max_json_depth)) return std::nullopt;
  json j = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return std::nullopt;
  return j;
}

// Up to `limit` printable ASCII characters of a body, for error messages: control characters,
// line breaks and non-ASCII bytes become '?' or a space, so the excerpt is safe to log.
inline std::string body_excerpt(std::string_view body, std::size_t limit = 120) {
  std::string out;
  const std::size_t n = body.size() < limit ? body.size() : limit;
  out.reserve(n + 3);
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(body[i]);
    if (c == '\r' || c == '\n' || c == '\t')
      out += ' ';
    else if (c < 0x20 || c >= 0x7f)
      out += '?';
    else
      out += static_cast<char>(c);
  }
  if (body.size() > n) out += "...";
  return out;
}

// Text the server wrote (an error message, a code, a task id), made safe for one log line:
// control characters become spaces — no line breaks or terminal escapes forged into a log — and
// the length is capped at a UTF-8 character boundary. The JSON parser has already rejected
// invalid UTF-8.
inline std::string clean_text(std::string_view text, std::size_t limit = 500) {
  std::string out;
  const std::size_t n = text.size() < limit ? text.size() : limit;
  std::size_t end = n;
  if (n < text.size())
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u) --end;
  out.reserve(end + 3);
  for (std::size_t i = 0; i < end; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    out += (c < 0x20 || c == 0x7f) ? ' ' : static_cast<char>(c);
  }
  if (end < text.size()) out += "...";
  return out;
}

// errc::malformed_response saying what was expected and what arrived instead. The whole message
// is printable ASCII: `what` may quote a task id from the body.
inline error malformed(std::string_view what, const http_response& response) {
  std::string message = body_excerpt(what, 300);
  if (response.body.empty()) {
    message += "; the body is empty";
  } else {
    message += "; the body (" + std::to_string(response.body.size()) + " bytes) starts with: ";
    message += body_excerpt(response.body);
  }
  error e(errc::malformed_response, response.status, std::string(), std::move(message));
  e.request_id = std::string(find_header(response.headers, "x-request-id"));
  return e;
}

// --- the b64_json scanner ----------------------------------------------------------------------

// Index of the quote closing a JSON string whose content starts at `from`, or npos.
inline std::size_t json_string_end(std::string_view text, std::size_t from) {
  while (from <= text.size()) {
    const void* hit =
        from < text.size() ? std::memchr(text.data() + from, '"', text.size() - from) : nullptr;
    if (!hit) return std::string_view::npos;
    const std::size_t quote = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
    std::size_t backslashes = 0;
    while (quote - backslashes > from && text[quote - backslashes - 1] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return quote;
    from = quote + 1;
  }
  return std::string_view::npos;
}

inline std::size_t skip_json_space(std::string_view text, std::size_t at) {
  while (at < text.size() &&
         (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r'))
    ++at;
  return at;
}

// `body` with the content of every "b64_json" string value replaced by "#<index>" (a character
// no base64 text contains), plus where each original value sits in `body`.
struct thinned_json {
  std::string text;
  std::vector<std::pair<std::size_t, std::size_t>> b64_spans;  // offset, length
};

inline std::optional<thinned_json> thin_b64_json(std::string_view body) {
  thinned_json out;
  out.text.reserve(body.size() < 4096 ? body.size() : 4096);
  std::size_t copied = 0;
  std::size_t pos = 0;
  while (pos < body.size()) {
    const void* hit = std::memchr(body.data() + pos, '"', body.size() - pos);
    if (!hit) break;
    const std::size_t open = static_cast<std::size_t>(static_cast<const char*>(hit) - body.data());
    const std::size_t close = json_string_end(body, open + 1);
    if (close == std::string_view::npos) return std::nullopt;  // truncated
    pos = close + 1;
    if (body.substr(open + 1, close - open - 1) != "b64_json") continue;
    std::size_t at = skip_json_space(body, close + 1);
    if (at >= body.size() || body[at] != ':') continue;
    at = skip_json_space(body, at + 1);
    if (at >= body.size() || body[at] != '"') continue;
    const std::size_t value_close = json_string_end(body, at + 1);
    if (value_close == std::string_view::npos) return std::nullopt;
    out.text.append(body.substr(copied, at + 1 - copied));
    out.text += '#';
    out.text += std::to_string(out.b64_spans.size());
    out.b64_spans.emplace_back(at + 1, value_close - at - 1);
    copied = value_close;
    pos = value_close + 1;
  }
  out.text.append(body.substr(copied));
  return out;
}

// The base64 text of a b64_json value as it sits in the body: copied with `\/` unescaped (some
// JSON writers escape the slash) and line-break escapes dropped; nullopt for anything outside the
// base64 alphabet, so that garbage is reported here rather than decoded into a broken image.
inline std::optional<std::string> extract_base64(std::string_view raw) {
  auto in_alphabet = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
           c == '/' || c == '=' || c == '-' || c == '_';
  };
  std::string out;
  out.reserve(raw.size());
  std::size_t i = 0;
  while (i < raw.size()) {
    // Copy the run of plain base64 characters in one append: a 4K image is ~33 MB of them.
    std::size_t run = i;
    while (run < raw.size() && in_alphabet(raw[run])) ++run;
    out.append(raw.data() + i, run - i);
    if (run == raw.size()) break;
    if (raw[run] != '\\' || run + 1 >= raw.size()) return std::nullopt;
    const char escaped = raw[run + 1];
    if (escaped == '/')
      out += '/';
    else if (escaped != 'n' && escaped != 'r')
      return std::nullopt;
    i = run + 2;
  }
  return out;
}

// A parsed JSON body whose b64_json strings were set aside by the scanner: `root` holds "#<k>"
// placeholders in their place, resolved against `source` (which must outlive the document).
struct json_document {
  json root;
  thinned_json thinned;
  std::string_view source;
};

// --- tolerant readers: nullptr / nullopt when the member is absent, null or of another type ---

inline const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return nullptr;
  return &*it;
}

inline const json* object_member(const json& object, const char* key) {
  const json* m = member(object, key);
  return (m && m->is_object()) ? m : nullptr;
}

inline const json* array_member(const json& object, const char* key) {
  const json* m = member(object, key);
  return (m && m->is_array()) ? m : nullptr;
}

inline std::optional<std::string> string_value(const json* value) {
  if (!value || !value->is_string()) return std::nullopt;
  return *value->get_ptr<const json::string_t*>();
}

inline std::string string_member(const json& object, const char* key) {
  return string_value(member(object, key)).value_or(std::string());
}

// A decimal integer in text, optionally signed, optionally with a fraction (dropped).
inline std::optional<std::int64_t> integer_from_text(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  std::int64_t value = 0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (*first == '+' && ++first != last && *first == '-') return std::nullopt;
  auto [end, ec] = std::from_chars(first, last, value);
  if (ec != std::errc() || end == first) return std::nullopt;
  if (end != last) {
    if (*end != '.') return std::nullopt;
    for (const char* p = end + 1; p != last; ++p)
      if (*p < '0' || *p > '9') return std::nullopt;
  }
  return value;
}

// An integer given as a number (integral or not) or as a numeric string.
inline std::optional<std::int64_t> integer_value(const json* value) {
  if (!value) return std::nullopt;
  if (value->is_number_unsigned()) {
    const auto u = *value->get_ptr<const json::number_unsigned_t*>();
    if (u > static_cast<json::number_unsigned_t>(std::numeric_limits<std::int64_t>::max()))
      return std::nullopt;
    return static_cast<std::int64_t>(u);
  }
  if (value->is_number_integer()) return *value->get_ptr<const json::number_integer_t*>();
  if (value->is_number_float()) {
    const double d = *value->get_ptr<const json::number_float_t*>();
    // 2^63 as a double; anything at or beyond it (or NaN) does not fit.
    if (!(d > -9.2233720368547758e18 && d < 9.2233720368547758e18)) return std::nullopt;
    return static_cast<std::int64_t>(d);
  }
  if (value->is_string()) return integer_from_text(*value->get_ptr<const json::string_t*>());
  return std::nullopt;
}

inline std::optional<double> number_value(const json* value) {
  if (!value) return std::nullopt;
  if (value->is_number_float()) {
    const double d = *value->get_ptr<const json::number_float_t*>();
    if (!std::isfinite(d)) return std::nullopt;
    return d;
  }
  if (auto i = integer_value(value)) return static_cast<double>(*i);
  return std::nullopt;
}

// Progress as 0-100 from 50, 50.0, "50", "50%" (ToAPIs webhooks) or null (aivideoapi).
inline std::optional<int> progress_value(const json* value) {
  if (!value) return std::nullopt;
  std::optional<std::int64_t> p;
  if (value->is_string()) {
    std::string_view text = *value->get_ptr<const json::string_t*>();
    if (!text.empty() && text.back() == '%') text.remove_suffix(1);
    p = integer_from_text(text);
  } else {
    p = integer_value(value);
  }
  if (!p) return std::nullopt;
  if (*p < 0) return 0;
  if (*p > 100) return 100;
  return static_cast<int>(*p);
}

// An error or status code as text: "rate_limit_exceeded" stays, 404 becomes "404".
inline std::string code_text(const json* value) {
  if (!value) return {};
  if (value->is_string()) return *value->get_ptr<const json::string_t*>();
  if (auto i = integer_value(value)) return std::to_string(*i);
  return {};
}

// The pieces of an error envelope, from whichever shape the provider used.
struct envelope_fields {
  bool found = false;
  std::string code;  // string code, or an integer code as decimal text
  std::string type;
  std::string message;
  int envelope_status = 0;  // an HTTP-like integer code inside a {code,msg} wrapper
};

// Recognises {error:{code,message,type,param}} (OpenAI, ToAPIs, aivideoapi; code a string, an
// integer or null), {error:"text"}, aivideoapi's {code,msg} wrapper with a code other than 200,
// ToAPIs uploads' {success:false,message}, and a bare {message}/{detail} as a last resort.
inline envelope_fields read_envelope(const json& body) {
  envelope_fields f;
  if (!body.is_object()) return f;
  if (const json* err = member(body, "error")) {
    if (err->is_object()) {
      f.found = true;
      f.code = code_text(member(*err, "code"));
      f.type = string_member(*err, "type");
      f.message = string_member(*err, "message");
      if (f.message.empty()) f.message = string_member(*err, "msg");
      return f;
    }
    if (err->is_string()) {
      f.found = true;
      f.message = *err->get_ptr<const json::string_t*>();
      f.code = code_text(member(body, "code"));
      return f;
    }
  }
  if (const json* success = member(body, "success"); success && success->is_boolean()) {
    if (!*success->get_ptr<const json::boolean_t*>()) {
      f.found = true;
      f.message = string_member(body, "message");
      f.code = code_text(member(body, "code"));
    }
    return f;
  }
  if (const json* code = member(body, "code"); code && member(body, "msg")) {
    auto numeric = integer_value(code);
    const bool ok = numeric ? (*numeric >= 200 && *numeric <= 299) : code_text(code) == "success";
    if (!ok) {
      f.found = true;
      f.code = code_text(code);
      f.message = string_member(body, "msg");
      if (numeric && *numeric >= 100 && *numeric <= 599) f.envelope_status = int(*numeric);
    }
    return f;
  }
  return f;
}

// The taxonomy code for a wire error (tables/errors.hpp decides; the envelope's type is its
// second opinion when the code names nothing, e.g. OpenAI's "code": null).
inline errc classify_wire_error(int status, const envelope_fields& f) {
  // An error envelope inside a 2xx is a refusal: its own HTTP-like code if it has one, else 400.
  int effective = status;
  if (is_http_success(status)) effective = f.envelope_status ? f.envelope_status : 400;
  return classify(effective, f.code, f.type);
}

inline error error_from_envelope(const http_response& response, const envelope_fields& f) {
  error e;
  e.http_status = response.status;
  e.code = classify_wire_error(response.status, f);
  e.wire_code = clean_text(!f.code.empty() ? f.code : f.type, 100);
  std::string message = "HTTP " + std::to_string(response.status);
  if (!e.wire_code.empty()) message += " " + e.wire_code;
  message += ": ";
  message += f.message.empty() ? std::string("(no message)") : clean_text(f.message);
  e.message = std::move(message);
  e.request_id = std::string(find_header(response.headers, "x-request-id"));
  // The HTTP-date form needs a clock; a codec is a pure function, so the client reads that form.
  e.retry_after = parse_retry_after_seconds(find_header(response.headers, "retry-after"));
  return e;
}

}  // namespace detail

// The error an HTTP response stands for, whatever envelope the provider wrapped it in — or, when
// the body is not an envelope (an HTML page from a proxy, an empty body), an error classified by
// the HTTP status alone whose message quotes the start of the body.
inline error decode_error(const http_response& response) {
  using namespace detail;
  envelope_fields f;
  if (response.body.size() <= max_envelope_bytes)
    if (auto body = parse_json(response.body)) f = read_envelope(*body);
  if (!f.found) {
    error e;
    e.http_status = response.status;
    e.code = is_http_success(response.status) ? errc::malformed_response
                                              : classify(response.status, std::string_view());
    std::string message = "HTTP " + std::to_string(response.status);
    if (response.body.empty())
      message += " with an empty body";
    else
      message += " with a body that is not a JSON error envelope (" +
                 std::to_string(response.body.size()) + " bytes): " + body_excerpt(response.body);
    e.message = std::move(message);
    e.request_id = std::string(find_header(response.headers, "x-request-id"));
    e.retry_after = parse_retry_after_seconds(find_header(response.headers, "retry-after"));
    return e;
  }
  return error_from_envelope(response, f);
}

namespace detail {

// The b64_json text of an object, resolved from the scanner's placeholder (or taken as it is when
// the scanner did not see it, e.g. a key written with escapes); "" when absent. Sets `bad` when
// the value is not base64.
inline std::string b64_member(const json_document& doc, const json& object, bool& bad) {
  std::string value = string_member(object, "b64_json");
  if (value.empty()) return value;
  std::optional<std::string> text;
  if (value[0] == '#') {
    const auto index = integer_from_text(std::string_view(value).substr(1));
    if (index && *index >= 0 && static_cast<std::size_t>(*index) < doc.thinned.b64_spans.size()) {
      const auto& span = doc.thinned.b64_spans[static_cast<std::size_t>(*index)];
      text = extract_base64(doc.source.substr(span.first, span.second));
    }
  } else {
    text = extract_base64(value);
  }
  if (!text) {
    bad = true;
    return {};
  }
  return std::move(*text);
}

// Parses a (possibly huge) JSON text: b64_json strings are set aside by the scanner, and what
// remains — a few hundred bytes in any real response — must fit max_envelope_bytes.
inline result<json_document> parse_document(std::string_view text, const http_response& response,
                                            std::string_view what) {
  auto thinned = thin_b64_json(text);
  if (!thinned) return malformed(std::string(what) + ": a JSON string is not terminated", response);
  if (thinned->text.size() > max_envelope_bytes)
    return malformed(std::string(what) + ": over " + std::to_string(max_envelope_bytes) +
                         " bytes of JSON outside the image data",
                     response);
  auto root = parse_json(thinned->text);
  if (!root) return malformed(std::string(what) + ": expected JSON", response);
  return json_document{std::move(*root), std::move(*thinned), text};
}

// Parses a 2xx body that must be a JSON object. An error envelope inside a 2xx (aivideoapi's
// {code:401,msg} wrapper, ToAPIs uploads' {success:false}) becomes that error.
inline result<json_document> parse_success_object(const http_response& response,
                                                  std::string_view what) {
  if (!is_http_success(response.status)) return decode_error(response);
  auto doc = parse_document(response.body, response, what);
  if (!doc) return std::move(doc).error();
  const json& body = doc->root;
  if (!body.is_object())
    return malformed(
        std::string(what) + ": expected a JSON object, got a JSON " + std::string(body.type_name()),
        response);
  // A task object can carry an `error` member of its own (a failed task); only a body without
  // a status is taken as an error envelope.
  const bool looks_like_task = member(body, "status") || member(body, "state");
  if (!looks_like_task) {
    envelope_fields f = read_envelope(body);
    if (f.found) return error_from_envelope(response, f);
  }
  return doc;
}

// The {code:200,msg:"success",data:{…}} wrapper of aivideoapi and kie.ai; other bodies pass.
inline const json& unwrap_data(const json& body) {
  if (member(body, "status") || member(body, "state")) return body;
  if (const json* data = object_member(body, "data"))
    if (member(body, "code") || member(body, "msg") || member(body, "success")) return *data;
  return body;
}

inline std::string task_id_of(const json& object) {
  for (const char* key : {"id", "taskId", "task_id"}) {
    std::string id = code_text(member(object, key));
    if (!id.empty()) return id;
  }
  return {};
}

// Gathers a task's images from wherever the provider put them.
struct image_collector {
  const json_document& doc;
  std::vector<image_ref> out;
  bool bad_base64 = false;

  void add(image_ref ref) {
    if (ref.url.empty() && ref.b64_json.empty()) return;
    // ToAPIs documents the same image at the top level (`url`) and in `result.data[]` (C8).
    for (const auto& existing : out)
      if (!ref.url.empty() && existing.url == ref.url) return;
    out.push_back(std::move(ref));
  }

  // An element of a result list: a URL string or an object holding `url` / `b64_json`.
  void element(const json& e) {
    if (e.is_string()) {
      add(image_ref{*e.get_ptr<const json::string_t*>(), {}, {}, {}});
      return;
    }
    if (!e.is_object()) return;
    image_ref ref;
    ref.url = string_member(e, "url");
    if (ref.url.empty()) ref.url = string_member(e, "image_url");
    ref.b64_json = b64_member(doc, e, bad_base64);
    ref.revised_prompt = string_member(e, "revised_prompt");
    add(std::move(ref));
  }

  void list(const json* l) {
    if (!l) return;
    if (l->is_array())
      for (const auto& e : *l) element(e);
    else
      element(*l);
  }

  // Every place the sources put a result: ToAPIs `result.data[].url` (and the documented but
  // unseen top-level `url`, C8; `b64_json` when asked for, seeds 001/003), aivideoapi
  // `output.urls[]`, Evolink `results[]`, DimiLinks `data[].url`, kie.ai's `resultJson` string
  // holding {resultUrls:[…]}.
  void task_outputs(const json& task_object) {
    if (const json* result = member(task_object, "result")) {
      if (result->is_object()) {
        list(member(*result, "data"));
        list(member(*result, "urls"));
        list(member(*result, "images"));
        element(*result);
      } else {
        list(result);
      }
    }
    if (const json* output = member(task_object, "output")) {
      if (output->is_object()) {
        list(member(*output, "urls"));
        list(member(*output, "images"));
        element(*output);
      } else {
        list(output);
      }
    }
    list(array_member(task_object, "data"));
    list(member(task_object, "results"));
    list(member(task_object, "urls"));
    list(member(task_object, "images"));
    if (auto url = string_value(member(task_object, "url"))) add(image_ref{*url, {}, {}, {}});
    if (auto nested = string_value(member(task_object, "resultJson"))) {
      if (nested->size() <= max_envelope_bytes)
        if (auto parsed = parse_json(*nested); parsed && parsed->is_object())
          list(member(*parsed, "resultUrls"));
    }
  }
};

// The failure of a failed task: {error:{code,message,type}} or {error:"text"}, kie.ai's
// failCode/failMsg, or a bare message.
inline error task_failure(const json& task_object, const http_response& response,
                          const std::string& task_id) {
  error e;
  e.http_status = response.status;
  e.request_id = task_id;
  std::string message;
  std::string type;
  if (const json* err = member(task_object, "error")) {
    if (err->is_object()) {
      e.wire_code = code_text(member(*err, "code"));
      type = string_member(*err, "type");
      message = string_member(*err, "message");
    } else if (err->is_string()) {
      message = *err->get_ptr<const json::string_t*>();
    }
  }
  if (e.wire_code.empty()) e.wire_code = code_text(member(task_object, "failCode"));
  if (message.empty()) message = string_member(task_object, "failMsg");
  if (message.empty()) message = string_member(task_object, "fail_reason");
  if (message.empty()) message = string_member(task_object, "message");
  // A task's error is classified like an HTTP error that arrived with 200: a specific code
  // (upstream_error, content_policy_violation, …) decides, anything else is errc::task_failed.
  e.code = classify(response.status, e.wire_code, type);
  e.wire_code = clean_text(e.wire_code.empty() ? type : e.wire_code, 100);
  std::string text = "task " + clean_text(task_id, 100) + " failed";
  if (!e.wire_code.empty()) text += " (" + e.wire_code + ")";
  text += ": ";
  text += message.empty() ? std::string("the provider gave no reason") : clean_text(message);
  e.message = std::move(text);
  return e;
}

// A task object as the gateways return it from create, status and callbacks. `require_status`
// is false for create responses, which may carry only an id (aivideoapi's data.taskId).
inline result<task> decode_task_object(const json& object, const json_document& doc,
                                       const http_response& response, std::string_view what,
                                       bool require_status) {
  task t;
  t.id = task_id_of(object);
  if (t.id.empty()) return malformed(std::string(what) + ": the task has no id", response);
  const json* status = member(object, "status");
  if (!status) status = member(object, "state");
  if (status) {
    t.raw_status = code_text(status);
    if (!status->is_string())
      return malformed(std::string(what) + ": the task status is not a string", response);
    t.state = parse_task_state(t.raw_status);
  } else if (require_status) {
    return malformed(std::string(what) + ": the task has no status", response);
  } else {
    t.state = task_state::queued;  // just created; the provider said nothing more
  }
  t.progress = progress_value(member(object, "progress"));
  t.model = string_member(object, "model");
  auto first_integer = [&](std::initializer_list<const char*> keys) -> std::optional<std::int64_t> {
    for (const char* key : keys)
      if (auto v = integer_value(member(object, key))) return v;
    return std::nullopt;
  };
  t.created_at = first_integer({"created_at", "created", "submitted_at", "createTime"});
  t.completed_at = first_integer({"completed_at", "finished_at", "completeTime"});
  t.expires_at = first_integer({"expires_at"});
  image_collector images{doc, {}};
  images.task_outputs(object);
  if (images.bad_base64)
    return malformed(std::string(what) + ": a b64_json value is not base64", response);
  t.outputs = std::move(images.out);
  if (t.state == task_state::completed) {
    if (t.outputs.empty())
      return malformed(std::string(what) + ": task " + t.id +
                           " is completed but carries no image URL or base64 data",
                       response);
    if (!t.progress) t.progress = 100;
  } else if (t.state == task_state::failed || t.state == task_state::cancelled) {
    t.failure = task_failure(object, response, t.id);
  }
  return t;
}

// --- encoding helpers ---

// Owning copies of the tables' wire spellings ("16:9", "auto", "3840x2160").
inline std::string aspect_text(aspect a) {
  const inline_string text = format_aspect(a);
  return std::string(text.view());
}
inline std::string pixels_text(pixels p) {
  const inline_string text = format_pixels(p);
  return std::string(text.view());
}

inline bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() &&
         equals_ignoring_ascii_case(text.substr(0, prefix.size()), prefix);
}

inline bool is_http_url(std::string_view url) {
  return (starts_with_ignoring_case(url, "https://") && url.size() > 8) ||
         (starts_with_ignoring_case(url, "http://") && url.size() > 7);
}
inline bool is_data_url(std::string_view url) {
  return starts_with_ignoring_case(url, "data:");
}

// Writes `extra` over the parameter object: a caller's key wins over the library's own.
inline void merge_extra(json& target, const std::map<std::string, json>& extra) {
  for (const auto& [key, value] : extra) target[key] = value;
}

// A JSON value as a multipart text field: strings verbatim, everything else as JSON text.
inline std::string form_text(const json& value) {
  if (value.is_string()) return *value.get_ptr<const json::string_t*>();
  return dump_json(value);
}

inline http_request json_post(std::string url, const json& body) {
  http_request request;
  request.method = "POST";
  request.url = std::move(url);
  request.body = dump_json(body);
  request.content_type = "application/json";
  return request;
}

inline http_request get_request(std::string url) {
  http_request request;
  request.method = "GET";
  request.url = std::move(url);
  return request;
}

inline error encode_error(std::string message) {
  return error(errc::validation_failed, std::move(message));
}

// Percent-encodes a task id for use as one path segment: an id is opaque and must not be able to
// change the path or add a query.
inline std::string path_segment(std::string_view id) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : id) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// Joins a base URL ("https://host" or "https://host/") and an absolute path ("/v1/…").
inline std::string join_url(std::string_view base, std::string_view path) {
  while (!base.empty() && base.back() == '/') base.remove_suffix(1);
  return std::string(base) + std::string(path);
}

}  // namespace detail

GPT_IMAGE_END_NAMESPACE
