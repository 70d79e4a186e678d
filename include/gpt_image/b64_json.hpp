// SPDX-License-Identifier: MIT
#pragma once
// The images of an OpenAI ImagesResponse (`{"created":…,"data":[{"b64_json":"…"}],…}`), decoded
// from the response bytes without building a JSON DOM.
//
// Why: a 4K image is ~33.5 MB of base64 in one JSON string. Parsing that body into a DOM takes
// ~230 ms and holds the text twice; scanning it takes ~2 ms. Here one pass over the bytes checks
// the JSON structure, and the content of every "b64_json" string value is decoded straight into
// that image's output buffer as it is read — so the only large allocations are the body (if the
// caller holds it at all) and the images themselves. The streaming decoder goes one step further:
// fed the body chunk by chunk as it arrives from the network, the body is never held whole.
//
// What comes back: the decoded images in document order, plus `json`, the body with each b64_json
// value replaced by the placeholder "#<index>" — a few hundred bytes that a codec can hand to a
// real JSON parser for everything else (created, usage, revised_prompt, …). The placeholder is the
// one providers/openai.hpp uses; '#' never occurs in base64.
//
// Robust to hostile input: the JSON grammar is checked (strings with their escapes, UTF-8 and
// surrogate pairs, numbers, literals, nesting up to max_depth, no trailing data), "b64_json" is
// recognised only as an object key (also when written with \u escapes), its base64 is validated
// strictly (RFC 4648 alphabet, `\/` and the other JSON escapes of ASCII, `\n`/`\r` line-break
// escapes skipped, `=` only as final padding, zero unused bits), an empty image is refused, and at
// most max_images are accepted. Memory is bounded by the input: the output never exceeds 3/4 of the
// bytes fed plus the metadata. Errors are errc::malformed_response with the byte offset and a
// short, printable excerpt. Standard and URL-safe base64 characters are both accepted (as the
// codecs do), since a gateway may use either.

#include <gpt_image/base64.hpp>
#include <gpt_image/error.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/version.hpp>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

GPT_IMAGE_BEGIN_NAMESPACE

struct b64_json_images {
  std::vector<std::string> images;  // the decoded files (PNG/JPEG/WebP bytes), in document order
  std::string json;                 // the body, each b64_json value replaced by "#<index>"
};

class b64_json_stream_decoder {
 public:
  static constexpr std::size_t max_depth = 64;
  static constexpr std::size_t max_images = 256;
  static constexpr std::size_t decode_block = 64 * 1024;  // characters decoded per step

  // `expected_body_size` (e.g. the Content-Length) lets each image's buffer be reserved once
  // instead of growing; 0 when unknown.
  explicit b64_json_stream_decoder(std::size_t expected_body_size = 0)
      : expected_(expected_body_size) {}

  // The same hint once it is known — e.g. from call_context::on_body_progress, which reports the
  // Content-Length (as `0 of total`) when the headers arrive, before the first body byte.
  void expect_body_size(std::size_t total) noexcept {
    if (expected_ == 0) expected_ = total;
  }

  // Feeds the next piece of the body. After an error every further call returns that error.
  result<void> feed(std::string_view chunk) { return feed(chunk.data(), chunk.size()); }
  result<void> feed(const char* data, std::size_t size) {
    if (failed_) return *failed_;
    if (finished_) return fail_at_end("feed() after finish()");
    chunk_begin_ = data;
    chunk_end_ = data + size;
    const char* p = data;
    span_ = mode_ == mode::bom || in_b64() ? nullptr : data;
    while (p < chunk_end_ && !failed_) {
      switch (mode_) {
        case mode::b64:
          p = run_b64(p);
          break;
        case mode::b64_escape:
        case mode::b64_unicode:
          p = run_b64_escape(p);
          break;
        case mode::string:
        case mode::string_escape:
        case mode::string_unicode:
          p = run_string(p);
          break;
        case mode::number:
          p = run_number(p);
          break;
        case mode::literal:
          p = run_literal(p);
          break;
        case mode::bom:
          p = run_bom(p);
          break;
        default:
          p = run_structure(p);
          break;
      }
    }
    if (failed_) return *failed_;
    if (span_ != nullptr) json_.append(span_, static_cast<std::size_t>(chunk_end_ - span_));
    fed_ += size;
    return {};
  }

  // Ends the body: checks that the document is complete and hands over the images.
  result<b64_json_images> finish() {
    if (failed_) return *failed_;
    if (finished_) return fail_at_end("finish() called twice");
    finished_ = true;
    const bool number_complete = mode_ == mode::number && number_accepting() && stack_.empty();
    if (mode_ != mode::done && !number_complete) {
      if (fed_ == 0 || (!seen_value_ && (mode_ == mode::value || mode_ == mode::bom)))
        return fail_at_end("the body is empty");
      return fail_at_end(std::string("the body ended inside ") + where_are_we());
    }
    b64_json_images out;
    out.images = std::move(images_);
    out.json = std::move(json_);
    return out;
  }

  std::size_t bytes_fed() const noexcept { return fed_; }
  std::size_t images_seen() const noexcept { return images_.size(); }

 private:
  enum class mode : unsigned char {
    bom,                 // the very start: an optional UTF-8 byte order mark
    value,               // a value is expected
    first_value_or_end,  // after '['
    first_key_or_end,    // after '{'
    key,                 // after ',' in an object
    colon,               // after a key
    after_value,         // ',' or a closing bracket (or the end at top level)
    done,                // the document is complete; only whitespace may follow
    string,
    string_escape,
    string_unicode,
    number,
    literal,
    b64,  // inside a b64_json value
    b64_escape,
    b64_unicode,
  };

  static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
  static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool in_b64() const {
    return mode_ == mode::b64 || mode_ == mode::b64_escape || mode_ == mode::b64_unicode;
  }
  bool number_accepting() const {
    return number_state_ == 1 || number_state_ == 2 || number_state_ == 4 || number_state_ == 7;
  }

  // --- errors ---
  std::string excerpt(const char* p) const {
    const char* from = p - std::min<std::ptrdiff_t>(24, p - chunk_begin_);
    const char* to = p + std::min<std::ptrdiff_t>(24, chunk_end_ - p);
    std::string text;
    for (const char* q = from; q < to; ++q) {
      const auto u = static_cast<unsigned char>(*q);
      text += (u >= 0x20 && u < 0x7F) ? *q : '?';
    }
    return text;
  }
  const char* fail(const char* p, const std::string& what) {
    const std::size_t offset = fed_ + static_cast<std::size_t>(p - chunk_begin_);
    failed_ =
        error(errc::malformed_response, "b64_json: " + what + " at byte " + std::to_string(offset) +
                                            " near `" + excerpt(p) + "`");
    return chunk_end_;
  }
  error fail_at_end(const std::string& what) {
    const std::size_t tail = std::min<std::size_t>(json_.size(), 40);
    std::string text;
    for (std::size_t i = json_.size() - tail; i < json_.size(); ++i) {
      const auto u = static_cast<unsigned char>(json_[i]);
      text += (u >= 0x20 && u < 0x7F) ? json_[i] : '?';
    }
    failed_ =
        error(errc::malformed_response, "b64_json: " + what + " (after " + std::to_string(fed_) +
                                            " bytes, ending `" + text + "`)");
    return *failed_;
  }
  std::string where_are_we() const {
    switch (mode_) {
      case mode::string:
      case mode::string_escape:
      case mode::string_unicode:
        return "a string";
      case mode::b64:
      case mode::b64_escape:
      case mode::b64_unicode:
        return "a b64_json string (the response was cut off)";
      case mode::number:
        return "a number";
      case mode::literal:
        return "a literal";
      default:
        return stack_.empty() ? "the document" : (stack_.back() == '{' ? "an object" : "an array");
    }
  }

  // --- structure ---
  void value_done() { mode_ = stack_.empty() ? mode::done : mode::after_value; }
  bool push(char bracket, const char* p) {
    if (stack_.size() >= max_depth) {
      fail(p, "nesting deeper than " + std::to_string(max_depth) + " levels");
      return false;
    }
    stack_.push_back(bracket);
    return true;
  }

  const char* run_bom(const char* p) {
    static constexpr unsigned char bom[3] = {0xEF, 0xBB, 0xBF};
    while (p < chunk_end_ && bom_matched_ < 3 &&
           static_cast<unsigned char>(*p) == bom[bom_matched_]) {
      ++bom_matched_;
      ++p;
    }
    if (bom_matched_ == 3 || (p < chunk_end_ && bom_matched_ == 0)) {
      mode_ = mode::value;
      span_ = p;  // the mark itself is not part of the JSON text
      return p;
    }
    if (p < chunk_end_) return fail(p, "an incomplete byte order mark");
    return p;
  }

  const char* run_structure(const char* p) {
    while (p < chunk_end_) {
      const char c = *p;
      if (is_space(c)) {
        ++p;
        continue;
      }
      switch (mode_) {
        case mode::done:
          return fail(p, "data after the end of the JSON document");
        case mode::colon:
          if (c != ':') return fail(p, "expected ':' after an object key");
          mode_ = mode::value;
          pending_b64_ = key_is_b64_;
          return p + 1;
        case mode::after_value:
          if (c == ',') {
            mode_ = stack_.back() == '{' ? mode::key : mode::value;
            return p + 1;
          }
          if ((c == '}' && stack_.back() == '{') || (c == ']' && stack_.back() == '[')) {
            stack_.pop_back();
            value_done();
            return p + 1;
          }
          return fail(p, stack_.back() == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
        case mode::first_key_or_end:
          if (c == '}') {
            stack_.pop_back();
            value_done();
            return p + 1;
          }
          [[fallthrough]];
        case mode::key:
          if (c != '"') return fail(p, "expected an object key in double quotes");
          start_string(true);
          return p + 1;
        case mode::first_value_or_end:
          if (c == ']') {
            stack_.pop_back();
            value_done();
            return p + 1;
          }
          [[fallthrough]];
        default:  // mode::value
          return start_value(p);
      }
    }
    return p;
  }

  const char* start_value(const char* p) {
    const char c = *p;
    const bool b64 = pending_b64_;
    pending_b64_ = false;
    seen_value_ = true;
    if (c == '"') {
      if (b64) return start_b64(p);
      start_string(false);
      return p + 1;
    }
    if (c == '{') {
      if (!push('{', p)) return chunk_end_;
      mode_ = mode::first_key_or_end;
      return p + 1;
    }
    if (c == '[') {
      if (!push('[', p)) return chunk_end_;
      mode_ = mode::first_value_or_end;
      return p + 1;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      mode_ = mode::number;
      number_state_ = 0;
      return p;  // run_number reads it
    }
    if (c == 't' || c == 'f' || c == 'n') {
      mode_ = mode::literal;
      literal_ = c == 't' ? "true" : c == 'f' ? "false" : "null";
      literal_matched_ = 0;
      return p;
    }
    return fail(p, "expected a value");
  }

  // --- ordinary strings (keys are collected to recognise "b64_json") ---
  void start_string(bool is_key) {
    mode_ = mode::string;
    string_is_key_ = is_key;
    key_length_ = 0;
    key_overflow_ = false;
  }
  void key_char(unsigned code) {
    if (!string_is_key_) return;
    if (key_length_ < sizeof(key_) && code < 0x80)
      key_[key_length_++] = static_cast<char>(code);
    else
      key_overflow_ = true;
  }
  const char* run_string(const char* p) {
    while (p < chunk_end_) {
      if (mode_ == mode::string_escape) {
        const char c = *p++;
        if (expect_low_surrogate_ && c != 'u')
          return fail(p - 1, "a UTF-16 high surrogate without its low surrogate");
        switch (c) {
          case '"':
          case '\\':
          case '/':
            key_char(static_cast<unsigned char>(c));
            break;
          case 'b':
            key_char('\b');
            break;
          case 'f':
            key_char('\f');
            break;
          case 'n':
            key_char('\n');
            break;
          case 'r':
            key_char('\r');
            break;
          case 't':
            key_char('\t');
            break;
          case 'u':
            mode_ = mode::string_unicode;
            hex_count_ = 0;
            hex_value_ = 0;
            continue;
          default:
            return fail(p - 1, "invalid escape in a string");
        }
        mode_ = mode::string;
        continue;
      }
      if (mode_ == mode::string_unicode) {
        const int h = hex_value(*p);
        if (h < 0) return fail(p, "invalid \\u escape in a string");
        ++p;
        hex_value_ = hex_value_ * 16 + static_cast<unsigned>(h);
        if (++hex_count_ == 4) {
          const bool high = hex_value_ >= 0xD800 && hex_value_ <= 0xDBFF;
          const bool low = hex_value_ >= 0xDC00 && hex_value_ <= 0xDFFF;
          if (low != expect_low_surrogate_)
            return fail(p - 1, low ? "a UTF-16 low surrogate without its high surrogate"
                                   : "a UTF-16 high surrogate without its low surrogate");
          expect_low_surrogate_ = high;
          key_char(hex_value_);
          mode_ = mode::string;
        }
        continue;
      }
      // mode::string: the bulk of the work.
      const auto u = static_cast<unsigned char>(*p);
      if (utf8_pending_ != 0) {  // a continuation byte of a multi-byte UTF-8 sequence
        if (u < utf8_low_ || u > utf8_high_) return fail(p, "invalid UTF-8 in a string");
        utf8_low_ = 0x80;
        utf8_high_ = 0xBF;
        --utf8_pending_;
        key_char(u);
        ++p;
        continue;
      }
      if (expect_low_surrogate_ && u != '\\')
        return fail(p, "a UTF-16 high surrogate without its low surrogate");
      if (u >=
          0x80) {  // the first byte of a sequence (RFC 3629 table: no overlongs, no surrogates)
        if (u >= 0xC2 && u <= 0xDF) {
          utf8_pending_ = 1;
        } else if (u >= 0xE0 && u <= 0xEF) {
          utf8_pending_ = 2;
          if (u == 0xE0) utf8_low_ = 0xA0;
          if (u == 0xED) utf8_high_ = 0x9F;
        } else if (u >= 0xF0 && u <= 0xF4) {
          utf8_pending_ = 3;
          if (u == 0xF0) utf8_low_ = 0x90;
          if (u == 0xF4) utf8_high_ = 0x8F;
        } else {
          return fail(p, "invalid UTF-8 in a string");
        }
        key_char(u);
        ++p;
        continue;
      }
      const char c = *p;
      if (c == '"') {
        if (string_is_key_) {
          key_is_b64_ = !key_overflow_ && key_length_ == 8 && std::memcmp(key_, "b64_json", 8) == 0;
          mode_ = mode::colon;
        } else {
          value_done();
        }
        return p + 1;
      }
      if (c == '\\') {
        mode_ = mode::string_escape;
        ++p;
        continue;
      }
      if (static_cast<unsigned char>(c) < 0x20) return fail(p, "a control character in a string");
      key_char(static_cast<unsigned char>(c));
      ++p;
    }
    return p;
  }

  // --- numbers and literals ---
  const char* run_number(const char* p) {
    while (p < chunk_end_) {
      const char c = *p;
      const bool digit = c >= '0' && c <= '9';
      int next = -1;
      switch (number_state_) {
        case 0:
          next = c == '-' ? 8 : c == '0' ? 1 : digit ? 2 : -1;
          break;
        case 8:
          next = c == '0' ? 1 : digit ? 2 : -1;
          break;  // after '-'
        case 1:
          next = c == '.' ? 3 : (c == 'e' || c == 'E') ? 5 : -1;
          break;
        case 2:
          next = digit ? 2 : c == '.' ? 3 : (c == 'e' || c == 'E') ? 5 : -1;
          break;
        case 3:
          next = digit ? 4 : -1;
          break;
        case 4:
          next = digit ? 4 : (c == 'e' || c == 'E') ? 5 : -1;
          break;
        case 5:
          next = (c == '+' || c == '-') ? 6 : digit ? 7 : -1;
          break;
        case 6:
          next = digit ? 7 : -1;
          break;
        case 7:
          next = digit ? 7 : -1;
          break;
        default:
          break;
      }
      if (next < 0) {
        if (!number_accepting()) return fail(p, "a malformed number");
        value_done();
        return p;  // the character after the number is structure
      }
      number_state_ = next;
      ++p;
    }
    return p;
  }
  const char* run_literal(const char* p) {
    while (p < chunk_end_ && literal_[literal_matched_] != '\0') {
      if (*p != literal_[literal_matched_]) return fail(p, "expected true, false or null");
      ++literal_matched_;
      ++p;
    }
    if (literal_[literal_matched_] == '\0') value_done();
    return p;
  }

  // --- b64_json values ---
  const char* start_b64(const char* quote) {
    if (images_.size() >= max_images)
      return fail(quote, "more than " + std::to_string(max_images) + " images");
    const char* content = quote + 1;
    // Copy the JSON so far, the opening quote included, then the placeholder.
    json_.append(span_, static_cast<std::size_t>(content - span_));
    json_ += '#';
    json_ += std::to_string(images_.size());
    span_ = nullptr;
    images_.emplace_back();
    // Reserve the image once: exactly, when its closing quote is in this chunk (the whole-body
    // case); from the expected body size otherwise.
    std::size_t reserve = 0;
    const void* closing = std::memchr(content, '"', static_cast<std::size_t>(chunk_end_ - content));
    if (closing != nullptr) {
      reserve = static_cast<std::size_t>(static_cast<const char*>(closing) - content) / 4 * 3 + 2;
    } else {
      const std::size_t position = fed_ + static_cast<std::size_t>(content - chunk_begin_);
      if (expected_ > position) reserve = (expected_ - position) / 4 * 3 + 2;
      if (largest_image_ != 0) reserve = std::min(reserve, largest_image_ + largest_image_ / 4);
    }
    // Plus one decode block of slack: the last block is sized before the closing quote is seen,
    // and growing a 24 MiB string by a few bytes would copy it whole.
    if (reserve != 0) images_.back().reserve(reserve + decode_block / 4 * 3);
    quad_length_ = 0;
    padding_ = 0;
    mode_ = mode::b64;
    return content;
  }

  // One character of base64 (after any JSON unescaping), off the fast path.
  bool b64_char(unsigned char c, const char* p) {
    const unsigned v = detail::base64_either_table[c];
    if (v != detail::base64_invalid) {
      if (padding_ != 0) {
        fail(p, "base64 data after the '=' padding");
        return false;
      }
      quad_[quad_length_++] = static_cast<unsigned char>(v);
      if (quad_length_ == 4) {
        std::string& out = images_.back();
        const unsigned x = (unsigned{quad_[0]} << 18) | (unsigned{quad_[1]} << 12) |
                           (unsigned{quad_[2]} << 6) | unsigned{quad_[3]};
        out += static_cast<char>(x >> 16);
        out += static_cast<char>((x >> 8) & 0xFF);
        out += static_cast<char>(x & 0xFF);
        quad_length_ = 0;
      }
      return true;
    }
    if (c == '=') {
      if (quad_length_ < 2 || quad_length_ + padding_ >= 4) {
        fail(p, "misplaced '=' padding in base64");
        return false;
      }
      ++padding_;
      return true;
    }
    fail(p, "invalid base64 character " + detail::describe_byte(c) +
                " (valid: A-Z a-z 0-9 + / - _ and '=' padding)");
    return false;
  }

  const char* end_b64(const char* quote) {
    std::string& out = images_.back();
    if (padding_ != 0 && quad_length_ + padding_ != 4)
      return fail(quote, "incomplete '=' padding in base64");
    if (quad_length_ == 1) return fail(quote, "base64 data ends with a single character");
    if (quad_length_ == 2) {
      if (quad_[1] & 0x0F) return fail(quote, "non-zero unused bits at the end of base64 data");
      out += static_cast<char>((quad_[0] << 2) | (quad_[1] >> 4));
    } else if (quad_length_ == 3) {
      if (quad_[2] & 0x03) return fail(quote, "non-zero unused bits at the end of base64 data");
      out += static_cast<char>((quad_[0] << 2) | (quad_[1] >> 4));
      out += static_cast<char>(((quad_[1] & 0x0F) << 4) | (quad_[2] >> 2));
    }
    if (out.empty()) return fail(quote, "an empty b64_json image");
    largest_image_ = std::max(largest_image_, out.size());
    quad_length_ = 0;
    padding_ = 0;
    span_ = quote;  // the closing quote belongs to the JSON text again
    value_done();
    return quote + 1;
  }

  const char* run_b64(const char* p) {
    std::string& out = images_.back();
    while (p < chunk_end_) {
      if (quad_length_ == 0 && padding_ == 0) {
        // The fast path: whole quads straight into the image, in blocks small enough that the
        // zero-fill of resize() stays in cache right before the decode overwrites it.
        std::size_t available = static_cast<std::size_t>(chunk_end_ - p);
        while (available >= 4) {
          const std::size_t take = std::min<std::size_t>(available & ~std::size_t{3}, decode_block);
          const std::size_t old_size = out.size();
          out.resize(old_size + take / 4 * 3);
          const std::size_t used =
              detail::base64_decode_quads(p, take, reinterpret_cast<unsigned char*>(&out[old_size]),
                                          detail::base64_either_table.data());
          out.resize(old_size + used / 4 * 3);
          p += used;
          available -= used;
          if (used < take) break;
        }
        if (p == chunk_end_) break;
      }
      const char c = *p;
      if (c == '"') return end_b64(p);
      if (c == '\\') {
        mode_ = mode::b64_escape;
        return p + 1;
      }
      if (!b64_char(static_cast<unsigned char>(c), p)) return chunk_end_;
      ++p;
    }
    return p;
  }

  const char* run_b64_escape(const char* p) {
    if (mode_ == mode::b64_escape) {
      const char c = *p;
      if (c == 'u') {
        mode_ = mode::b64_unicode;
        hex_count_ = 0;
        hex_value_ = 0;
        return p + 1;
      }
      mode_ = mode::b64;
      if (c == 'n' || c == 'r') return p + 1;  // a line-wrapped encoder; not data
      if (c == '/') return b64_char('/', p) ? p + 1 : chunk_end_;
      return fail(p - (p > chunk_begin_ ? 1 : 0),
                  "an escape that is not base64 in a b64_json value");
    }
    while (p < chunk_end_) {  // mode::b64_unicode
      const int h = hex_value(*p);
      if (h < 0) return fail(p, "invalid \\u escape in a b64_json value");
      hex_value_ = hex_value_ * 16 + static_cast<unsigned>(h);
      ++p;
      if (++hex_count_ == 4) {
        mode_ = mode::b64;
        if (hex_value_ >= 0x80 || hex_value_ == '"' || hex_value_ == '\\')
          return fail(p - 1, "a \\u escape that is not base64 in a b64_json value");
        if (!b64_char(static_cast<unsigned char>(hex_value_), p - 1)) return chunk_end_;
        return p;
      }
    }
    return p;
  }

  std::size_t expected_;
  std::size_t fed_ = 0;
  mode mode_ = mode::bom;
  bool finished_ = false;
  bool seen_value_ = false;
  std::optional<error> failed_;
  const char* chunk_begin_ = nullptr;
  const char* chunk_end_ = nullptr;
  const char* span_ = nullptr;  // start of the bytes of this chunk still to copy into json_
  std::string stack_;           // '{' and '['
  std::vector<std::string> images_;
  std::string json_;
  std::size_t largest_image_ = 0;
  // strings
  bool string_is_key_ = false;
  char key_[8] = {};
  std::size_t key_length_ = 0;
  bool key_overflow_ = false;
  bool key_is_b64_ = false;
  bool pending_b64_ = false;
  bool expect_low_surrogate_ = false;
  int utf8_pending_ = 0;  // continuation bytes still expected
  unsigned char utf8_low_ = 0x80;
  unsigned char utf8_high_ = 0xBF;
  unsigned hex_value_ = 0;
  int hex_count_ = 0;
  // numbers and literals
  int number_state_ = 0;
  const char* literal_ = "";
  std::size_t literal_matched_ = 0;
  int bom_matched_ = 0;
  // base64
  unsigned char quad_[4] = {};
  int quad_length_ = 0;
  int padding_ = 0;
};

// Decodes every b64_json image of a complete response body.
inline result<b64_json_images> decode_b64_json(std::string_view body) {
  b64_json_stream_decoder decoder(body.size());
  auto fed = decoder.feed(body);
  if (!fed) return std::move(fed).error();
  return decoder.finish();
}

GPT_IMAGE_END_NAMESPACE
