// multipart.hpp: the multipart/form-data builder (RFC 7578).
#include <doctest/doctest.h>
#include <gpt_image/gpt_image.hpp>

#include <string>

namespace gi = gpt_image;

TEST_CASE("multipart: fields and files, byte for byte") {
  gi::multipart_form form("AaB03x");
  form.add_field("prompt", "a cat")
      .add_file("image[]", "cat.png", "image/png", std::string("\x89PNG\0x", 6));
  CHECK(form.content_type() == "multipart/form-data; boundary=AaB03x");
  auto body = form.encode();
  REQUIRE(body.has_value());
  const char expected[] =
      "--AaB03x\r\n"
      "Content-Disposition: form-data; name=\"prompt\"\r\n"
      "\r\n"
      "a cat\r\n"
      "--AaB03x\r\n"
      "Content-Disposition: form-data; name=\"image[]\"; filename=\"cat.png\"\r\n"
      "Content-Type: image/png\r\n"
      "\r\n"
      "\x89PNG\0x\r\n"
      "--AaB03x--\r\n";
  CHECK(*body == std::string(expected, sizeof(expected) - 1));
}

TEST_CASE("multipart: an empty form is just the closing delimiter") {
  auto body = gi::multipart_form("b").encode();
  REQUIRE(body.has_value());
  CHECK(*body == "--b--\r\n");
}

TEST_CASE("multipart: quotes and line breaks in names cannot end the header") {
  gi::multipart_form form("b");
  form.add_file("x\"y", "evil\"\r\nContent-Type: text/html.png", "image/png\r\nX-Injected: 1", "d");
  auto body = form.encode();
  REQUIRE(body.has_value());
  CHECK(*body ==
        "--b\r\n"
        "Content-Disposition: form-data; name=\"x%22y\"; "
        "filename=\"evil%22%0D%0AContent-Type: text/html.png\"\r\n"
        "Content-Type: image/pngX-Injected: 1\r\n"
        "\r\n"
        "d\r\n"
        "--b--\r\n");
}

TEST_CASE("multipart: a boundary inside a part is refused, not sent truncated") {
  gi::multipart_form form("cut");
  form.add_field("prompt", "before\r\n--cut\r\nafter");
  auto body = form.encode();
  REQUIRE_FALSE(body.has_value());
  CHECK(body.error().code == gi::errc::invalid_request);
  CHECK(body.error().message.find("\"prompt\"") != std::string::npos);
}

TEST_CASE("multipart: boundaries must follow RFC 2046") {
  CHECK_FALSE(gi::multipart_form("").encode().has_value());
  CHECK_FALSE(gi::multipart_form(std::string(71, 'a')).encode().has_value());
  CHECK(gi::multipart_form(std::string(70, 'a')).encode().has_value());
  CHECK_FALSE(gi::multipart_form("a\"b").encode().has_value());
  CHECK_FALSE(gi::multipart_form("a\r\nb").encode().has_value());
  CHECK_FALSE(gi::multipart_form("ends with space ").encode().has_value());
  CHECK(gi::multipart_form("with space'()+_,-./:=?").encode().has_value());
}

TEST_CASE("multipart: the default boundary is random and well-formed") {
  const gi::multipart_form a;
  const gi::multipart_form b;
  CHECK(a.boundary() != b.boundary());
  CHECK(a.boundary().size() == 42);
  CHECK(a.boundary().rfind("gpt-image-", 0) == 0);
  CHECK(a.encode().has_value());
}
