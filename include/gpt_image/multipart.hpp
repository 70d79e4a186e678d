// SPDX-License-Identifier: MIT
#pragma once
// A multipart/form-data body builder (RFC 7578) for OpenAI's image edits and ToAPIs' uploads.
//
// The boundary is random by default — so that it cannot be predicted by whoever supplies the
// image bytes — and injectable, so that tests can compare bodies byte for byte. A boundary that
// occurs inside a part would silently cut the body short at the server, so encode() checks for
// it and fails loudly instead (a random boundary of 192 bits practically never does).

#include <gpt_image/error.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/version.hpp>

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

GPT_IMAGE_BEGIN_NAMESPACE

struct multipart_part {
  std::string name;
  std::string filename;      // empty for a plain text field
  std::string content_type;  // empty for a plain text field
  std::string data;
};

namespace detail {
// Quotes and line breaks in a name or filename would end the header early; browsers (WHATWG
// "multipart/form-data encoding") percent-encode exactly these three. Other control characters
// are percent-encoded too: no server expects them in a header.
inline std::string multipart_escape_quoted(std::string_view s) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c < 0x20 || c == 0x7f) {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

// RFC 2046 `bchars`.
inline bool is_multipart_boundary_char(char c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  return std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

// 32 characters from the RFC 2046 boundary alphabet (letters and digits), 6 bits each.
inline std::string random_multipart_boundary() {
  static constexpr char alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::random_device entropy;
  std::seed_seq seed{entropy(), entropy(), entropy(), entropy(), entropy(), entropy()};
  std::mt19937_64 generator(seed);
  std::string boundary = "gpt-image-";
  for (int i = 0; i < 32; ++i) boundary += alphabet[generator() % 64];
  return boundary;
}
}  // namespace detail

class multipart_form {
 public:
  multipart_form() : boundary_(detail::random_multipart_boundary()) {}
  // For reproducible bodies (tests). RFC 2046: 1-70 characters; checked by encode().
  explicit multipart_form(std::string boundary) : boundary_(std::move(boundary)) {}

  multipart_form& add_field(std::string name, std::string value) {
    parts_.push_back({std::move(name), {}, {}, std::move(value)});
    return *this;
  }
  multipart_form& add_file(std::string name, std::string filename, std::string content_type,
                           std::string data) {
    parts_.push_back(
        {std::move(name), std::move(filename), std::move(content_type), std::move(data)});
    return *this;
  }

  const std::string& boundary() const noexcept { return boundary_; }
  const std::vector<multipart_part>& parts() const noexcept { return parts_; }
  std::string content_type() const { return "multipart/form-data; boundary=" + boundary_; }

  // The body, or errc::invalid_request when the boundary is unusable or occurs inside a part.
  result<std::string> encode() const {
    if (boundary_.empty() || boundary_.size() > 70)
      return error(errc::invalid_request, "multipart boundary must be 1-70 characters long, got " +
                                              std::to_string(boundary_.size()));
    for (char c : boundary_)
      if (!detail::is_multipart_boundary_char(c))
        return error(errc::invalid_request,
                     "multipart boundary may hold only letters, digits and '()+_,-./:=? "
                     "(RFC 2046)");
    if (boundary_.back() == ' ')
      return error(errc::invalid_request, "multipart boundary must not end with a space");
    const std::string delimiter = "--" + boundary_;
    std::size_t total = delimiter.size() + 4;
    for (const auto& part : parts_) {
      if (part.data.find(delimiter) != std::string::npos)
        return error(errc::invalid_request,
                     "multipart part \"" + detail::multipart_escape_quoted(part.name) +
                         "\" contains the boundary; choose another boundary");
      total += delimiter.size() + part.name.size() + part.filename.size() +
               part.content_type.size() + part.data.size() + 96;
    }
    std::string body;
    body.reserve(total);
    for (const auto& part : parts_) {
      body += delimiter;
      body += "\r\nContent-Disposition: form-data; name=\"";
      body += detail::multipart_escape_quoted(part.name);
      body += '"';
      if (!part.filename.empty() || !part.content_type.empty()) {
        body += "; filename=\"";
        body += detail::multipart_escape_quoted(part.filename);
        body += '"';
      }
      if (!part.content_type.empty()) {
        body += "\r\nContent-Type: ";
        // A content type is a token/parameter list; line breaks would inject headers.
        for (char c : part.content_type)
          if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) body += c;
      }
      body += "\r\n\r\n";
      body += part.data;
      body += "\r\n";
    }
    body += delimiter;
    body += "--\r\n";
    return body;
  }

 private:
  std::string boundary_;
  std::vector<multipart_part> parts_;
};

GPT_IMAGE_END_NAMESPACE
