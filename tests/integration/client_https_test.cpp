// The default client over HTTPS, against an in-process httplib::SSLServer whose certificate is made
// at test time: verification is on, the right CA passes, a wrong CA is a TLS error before anything
// is sent, and the key goes to the API origin only — not to the result host.
#include <doctest/doctest.h>
#include <gpt_image/gpt_image.hpp>
#include <support/loopback_server.hpp>
#include <support/tls_cert.hpp>

#include <atomic>
#include <memory>
#include <string>

namespace gi = gpt_image;
using namespace std::chrono_literals;

namespace {

constexpr const char* key = "sk-https-test-KEY-5555555555";
const std::string png_bytes = std::string("\x89PNG\r\n\x1a\n", 8) + "https-image";

struct toapis_over_https {
  test_support::test_pki pki;
  test_support::loopback_server server{
      std::make_unique<httplib::SSLServer>(pki.server_cert(), pki.server_key()), "https"};
  std::atomic<int> creates{0};
  std::atomic<int> keyed_file_requests{0};

  toapis_over_https() {
    server->Post("/v1/images/generations", [this](const httplib::Request& req,
                                                  httplib::Response& res) {
      ++creates;
      if (req.get_header_value("Authorization") != std::string("Bearer ") + key) {
        res.status = 401;
        res.set_content(
            R"({"error":{"code":401,"message":"Authentication failed","type":"authentication_error"}})",
            "application/json");
        return;
      }
      res.set_content(
          R"({"id":"task_img_tls","object":"generation.task","status":"queued","progress":0})",
          "application/json");
    });
    server->Get("/v1/images/generations/task_img_tls", [this](const httplib::Request&,
                                                              httplib::Response& res) {
      // The result lives on another origin: same server, but named "localhost".
      res.set_content(
          R"({"id":"task_img_tls","object":"generation.task","status":"completed","progress":100,)"
          R"("result":{"type":"image","data":[{"url":")" +
              server.url("/files/x.png", "localhost") + R"("}]}})",
          "application/json");
    });
    server->Get("/files/x.png", [this](const httplib::Request& req, httplib::Response& res) {
      if (req.has_header("Authorization")) ++keyed_file_requests;
      res.set_content(png_bytes, "image/png");
    });
    server.start();
  }

  gi::client client(const std::string& ca_file) {
    gi::endpoint e = gi::endpoint::toapis(key);
    e.base_url = server.origin();
    gi::httplib_transport_options t;
    t.ca_file = ca_file;
    gi::client_options o;
    o.polling = gi::poll_policy{0ms, 0ms, 0.0};
    return gi::client{e, gi::httplib_transport{t}, o};
  }
};

}  // namespace

TEST_CASE("https: the right CA passes and the result host never sees the key") {
  toapis_over_https f;
  auto c = f.client(f.pki.ca_file());
  gi::image_request r;
  r.prompt = "over tls";
  auto images = c.generate(r);
  REQUIRE_MESSAGE(images, (images ? "" : images.error().message));
  CHECK((*images)[0].bytes == png_bytes);
  CHECK(f.creates == 1);
  CHECK(f.keyed_file_requests == 0);
}

TEST_CASE("https: a wrong CA is a TLS error, and the create never reached the server") {
  toapis_over_https f;
  test_support::test_pki other("another CA");
  auto c = f.client(other.ca_file());
  gi::image_request r;
  r.prompt = "over tls";
  auto t = c.submit(r);
  REQUIRE_FALSE(t);
  CHECK(t.error().code == gi::errc::tls_error);
  CHECK(f.creates == 0);
  CHECK(t.error().message.find(key) == std::string::npos);
}
