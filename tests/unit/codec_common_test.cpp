// What the codecs share: the status vocabularies of every source, the error envelopes, and the
// shapes of the other gateways in PROVIDERS.md read by the tolerant decoders.
#include <doctest/doctest.h>
#include <gpt_image/gpt_image.hpp>
#include <support/fixtures.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace gi = gpt_image;
using test_support::fixture;
using test_support::json_of;
using test_support::ok;

TEST_CASE("task states: every status spelling of every source") {
  struct row {
    const char* status;
    gi::task_state state;
  };
  const row rows[] = {
      // ToAPIs polling (seed 001 enum; submitted and pending per PROVIDERS.md C9)
      {"queued", gi::task_state::queued},
      {"in_progress", gi::task_state::in_progress},
      {"completed", gi::task_state::completed},
      {"failed", gi::task_state::failed},
      {"submitted", gi::task_state::queued},
      // aivideoapi (seed 004: pending -> processing -> completed or failed)
      {"pending", gi::task_state::queued},
      {"processing", gi::task_state::in_progress},
      // ToAPIs webhooks
      {"SUCCESS", gi::task_state::completed},
      {"FAILURE", gi::task_state::failed},
      // kie.ai
      {"waiting", gi::task_state::queued},
      {"queuing", gi::task_state::queued},
      {"generating", gi::task_state::in_progress},
      {"success", gi::task_state::completed},
      {"fail", gi::task_state::failed},
      // DimiLinks, runbase
      {"succeeded", gi::task_state::completed},
      // Evolink callbacks
      {"cancelled", gi::task_state::cancelled},
      {"canceled", gi::task_state::cancelled},
      // case does not matter
      {"Completed", gi::task_state::completed},
      {"IN_PROGRESS", gi::task_state::in_progress},
      // unknown: keep polling
      {"warming_up", gi::task_state::unknown},
      {"", gi::task_state::unknown},
  };
  for (const row& r : rows) {
    CAPTURE(r.status);
    CHECK(gi::parse_task_state(r.status) == r.state);
  }
  CHECK(gi::is_terminal(gi::task_state::completed));
  CHECK(gi::is_terminal(gi::task_state::failed));
  CHECK(gi::is_terminal(gi::task_state::cancelled));
  CHECK_FALSE(gi::is_terminal(gi::task_state::queued));
  CHECK_FALSE(gi::is_terminal(gi::task_state::in_progress));
  CHECK_FALSE(gi::is_terminal(gi::task_state::unknown));
  CHECK(gi::to_string(gi::task_state::in_progress) == "in_progress");
  CHECK(gi::to_string(gi::task_state::unknown) == "unknown");
}

TEST_CASE("decode_error: every envelope shape") {
  SUBCASE("{error:{code,message,type}} with a string code (seed 004)") {
    auto e = gi::decode_error(
        {429,
         {},
         R"({"error":{"code":"spend_limit_exceeded","message":"Key spend limit reached","type":"billing_error"}})"});
    CHECK(e.code == gi::errc::spend_limit_exceeded);
    CHECK(e.http_status == 429);
    CHECK(e.wire_code == "spend_limit_exceeded");
    CHECK(e.message == "HTTP 429 spend_limit_exceeded: Key spend limit reached");
  }
  SUBCASE("{error:{code,message,type}} with an integer code (ToAPIs status page)") {
    auto e = gi::decode_error({404, {}, fixture("toapis/error_404_task_not_found.json")});
    CHECK(e.code == gi::errc::task_not_found);
    CHECK(e.wire_code == "404");
  }
  SUBCASE("{code,msg} (aivideoapi's wrapper)") {
    auto e = gi::decode_error({500, {}, R"({"code":500,"msg":"server busy"})"});
    CHECK(e.code == gi::errc::internal_error);
    CHECK(e.wire_code == "500");
    CHECK(e.message == "HTTP 500 500: server busy");
  }
  SUBCASE("{success:false,message} (ToAPIs uploads)") {
    auto e = gi::decode_error({400, {}, fixture("toapis/upload_too_large.json")});
    CHECK(e.code == gi::errc::invalid_request);
    CHECK(e.wire_code.empty());
    CHECK(e.message == "HTTP 400: Image too large. Maximum size is 10MB");
  }
  SUBCASE("{error:\"text\"}") {
    auto e = gi::decode_error({403, {}, R"({"error":"forbidden"})"});
    CHECK(e.code == gi::errc::permission_denied);
    CHECK(e.message == "HTTP 403: forbidden");
  }
  SUBCASE("an HTML error page from a proxy") {
    auto e = gi::decode_error(
        {502,
         {},
         "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body></html>"});
    CHECK(e.code == gi::errc::service_unavailable);
    CHECK(e.http_status == 502);
    CHECK(e.message ==
          "HTTP 502 with a body that is not a JSON error envelope (78 bytes): <html>  "
          "<head><title>502 "
          "Bad Gateway</title></head>  <body>nginx</body></html>");
  }
  SUBCASE("an empty body") {
    auto e = gi::decode_error({500, {}, ""});
    CHECK(e.code == gi::errc::internal_error);
    CHECK(e.message == "HTTP 500 with an empty body");
  }
  SUBCASE("Retry-After in seconds; the HTTP-date form is left to the caller") {
    CHECK(gi::decode_error({429, {{"Retry-After", "120"}}, "{}"}).retry_after ==
          std::chrono::milliseconds(120000));
    CHECK_FALSE(gi::decode_error({429, {{"Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"}}, "{}"})
                    .retry_after.has_value());
    CHECK_FALSE(gi::decode_error({429, {{"Retry-After", "-5"}}, "{}"}).retry_after.has_value());
  }
  SUBCASE("the request id") {
    CHECK(gi::decode_error({500, {{"X-Request-ID", "req_abc"}}, ""}).request_id == "req_abc");
  }
}

TEST_CASE("other gateways of PROVIDERS.md through the tolerant decoders") {
  namespace toapis = gi::providers::toapis;
  namespace aivideoapi = gi::providers::aivideoapi;
  SUBCASE("Evolink submit (§4): id, pending") {
    auto t = toapis::decode_create(ok(fixture("other/evolink_submit.json")));
    REQUIRE(t.has_value());
    CHECK(t->id == "task-unified-1757156493-imcg5zqt");
    CHECK(t->state == gi::task_state::queued);
    CHECK(t->raw_status == "pending");
    CHECK(t->created_at == 1757156493);
    CHECK(t->progress == 0);
  }
  SUBCASE("Evolink failed task (§4)") {
    auto t = toapis::decode_status(ok(fixture("other/evolink_failed.json")));
    REQUIRE(t.has_value());
    CHECK(t->state == gi::task_state::failed);
    REQUIRE(t->failure.has_value());
    CHECK(t->failure->code == gi::errc::content_policy_violation);
    CHECK(t->failure->wire_code == "content_policy_violation");
  }
  SUBCASE("kie.ai create (§5)") {
    auto t = aivideoapi::decode_create(ok(fixture("other/kie_create.json")));
    REQUIRE(t.has_value());
    CHECK(t->id == "…");
  }
  SUBCASE("kie.ai record: state success, resultJson as a string") {
    auto t = aivideoapi::decode_status(ok(fixture("other/kie_record_success.json")));
    REQUIRE(t.has_value());
    CHECK(t->id == "kie_task_1");
    CHECK(t->state == gi::task_state::completed);
    CHECK(t->raw_status == "success");
    REQUIRE(t->outputs.size() == 1);
    CHECK(t->outputs[0].url == "https://example.com/kie/result.png");
  }
  SUBCASE("kie.ai record: state fail with failCode/failMsg") {
    auto t = aivideoapi::decode_status(ok(fixture("other/kie_record_fail.json")));
    REQUIRE(t.has_value());
    CHECK(t->state == gi::task_state::failed);
    REQUIRE(t->failure.has_value());
    CHECK(t->failure->wire_code == "400");
    CHECK(t->failure->code == gi::errc::invalid_request);
    CHECK(t->failure->message == "task kie_task_2 failed (400): prompt rejected");
  }
  SUBCASE("DimiLinks submit (§6): literally not JSON; filled, a task_id") {
    auto literal = toapis::decode_create(ok(fixture("other/dimilinks_submit.json")));
    REQUIRE_FALSE(literal.has_value());
    CHECK(literal.error().code == gi::errc::malformed_response);
    auto filled = toapis::decode_create(ok(fixture("other/dimilinks_submit_filled.json")));
    REQUIRE(filled.has_value());
    CHECK(filled->id == "img_x");
    CHECK(filled->state == gi::task_state::queued);
  }
  SUBCASE("ToAPIs webhook vocabulary: SUCCESS and progress \"100%\" (PROVIDERS.md C9)") {
    auto t = toapis::decode_status(ok(R"({"task_id":"t9","status":"SUCCESS","progress":"100%",
      "result":{"data":[{"url":"https://files.toapis.com/w.png"}]}})"));
    REQUIRE(t.has_value());
    CHECK(t->id == "t9");
    CHECK(t->state == gi::task_state::completed);
    CHECK(t->progress == 100);
  }
}
