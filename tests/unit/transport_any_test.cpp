// any_transport: a transport chosen at run time, behind one type.
#include <doctest/doctest.h>

#include <gpt_image/gpt_image.hpp>

#include <string>
#include <utility>

namespace gi = gpt_image;

namespace {
// What an engine's own HTTP stack might look like once adapted.
struct engine_transport {
  int* sends;
  gi::result<gi::http_response> send(const gi::http_request& request, const gi::call_context&) {
    ++*sends;
    gi::http_response response;
    response.status = 200;
    response.body = "engine:" + request.url;
    return response;
  }
  gi::result<gi::http_response> download(const gi::http_request&, const gi::call_context&,
                                         gi::body_sink sink) {
    sink("abc", 3);
    gi::http_response response;
    response.status = 200;
    return response;
  }
};

gi::http_request get(std::string url) {
  gi::http_request request;
  request.url = std::move(url);
  return request;
}
}  // namespace

TEST_CASE("any_transport: forwards send and download to the wrapped transport") {
  int sends = 0;
  gi::any_transport transport = engine_transport{&sends};
  auto answer = transport.send(get("http://127.0.0.1/x"), {});
  REQUIRE(answer);
  CHECK(answer->body == "engine:http://127.0.0.1/x");
  CHECK(sends == 1);

  std::string received;
  auto downloaded =
      transport.download(get("http://127.0.0.1/y"), {}, [&](const char* d, std::size_t n) {
        received.append(d, n);
        return true;
      });
  REQUIRE(downloaded);
  CHECK(received == "abc");
}

TEST_CASE("any_transport: chosen at run time, inspected without RTTI") {
  for (bool use_fake : {true, false}) {
    int sends = 0;
    gi::fake_transport fake;
    fake.respond(204, "");
    gi::any_transport transport =
        use_fake ? gi::any_transport(fake) : gi::any_transport(engine_transport{&sends});
    auto answer = transport.send(get("http://127.0.0.1/"), {});
    REQUIRE(answer);
    CHECK(answer->status == (use_fake ? 204 : 200));
    CHECK((transport.target<gi::fake_transport>() != nullptr) == use_fake);
    CHECK((transport.target<engine_transport>() != nullptr) == !use_fake);
    CHECK(transport.target<gi::httplib_transport>() == nullptr);
    if (use_fake) CHECK(fake.count("GET") == 1);  // the copy inside shares the fake's log
  }
}

TEST_CASE("any_transport: ref() uses a transport the caller keeps") {
  int sends = 0;
  engine_transport kept{&sends};
  gi::any_transport transport = gi::any_transport::ref(kept);
  CHECK(transport.send(get("http://127.0.0.1/"), {}));
  CHECK(sends == 1);
  CHECK(transport.target<engine_transport>() == &kept);
}

TEST_CASE("any_transport: moves, and holds an httplib_transport") {
  gi::any_transport a = gi::httplib_transport{};
  gi::any_transport b = std::move(a);
  REQUIRE(b.target<gi::httplib_transport>() != nullptr);
  CHECK(b.target<gi::httplib_transport>()->options().max_redirects == 3);
  // A URL that cannot be sent fails the same way through the wrapper.
  auto refused = b.send(get("ftp://example.com/"), {});
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == gi::errc::validation_failed);
}
