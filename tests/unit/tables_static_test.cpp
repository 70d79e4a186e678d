// SPDX-License-Identifier: MIT
// Every cell of every seed table, checked at compile time against numbers typed from the seeds
// (the seeds): if this file compiles, the tables say what the seeds say. The same cells are
// checked through the runtime API in tables_test.cpp.

#include <doctest/doctest.h>
#include <gpt_image/gpt_image.hpp>

#include <cstdint>

namespace {
namespace gi = gpt_image;
using gi::provider;
using gi::tier;

constexpr gi::pixels not_supported{0, 0};

// One row of a seed table: the ratio and its 1K / 2K / 4K pixels ("Not supported" = {0, 0}).
constexpr bool cell_is(provider p, gi::aspect a, tier t, gi::pixels expected) {
  const auto got = gi::resolve(p, a, t);
  if (expected == not_supported) return !got && !gi::supports(p, a, t);
  return got && *got == expected && gi::supports(p, a, t) && gi::supports(p, expected);
}
constexpr bool row_is(provider p, gi::aspect a, gi::pixels k1, gi::pixels k2, gi::pixels k4) {
  return cell_is(p, a, tier::k1, k1) && cell_is(p, a, tier::k2, k2) && cell_is(p, a, tier::k4, k4);
}
// The pixels map back to the cell (the inverse lookup).
constexpr bool inverse_is(provider p, gi::pixels s, gi::aspect a, tier t) {
  const auto c = gi::find_choice(p, s);
  return c && c->ratio == a && c->resolution == t && gi::price_tier(p, s) == t;
}

// --- The tables' own invariants (kept out of the headers so that an include does not pay) --------
static_assert(gi::detail::size_table_is_well_formed(gi::choices(provider::openai)));
static_assert(gi::detail::size_table_is_well_formed(gi::choices(provider::toapis)));
static_assert(gi::detail::size_table_is_well_formed(gi::choices(provider::aivideoapi)));
static_assert(gi::detail::every_openai_cell_meets_the_rule());
static_assert(gi::detail::error_table_is_in_enumerator_order());

// --- ToAPIs, seed 001 "Size Reference" -----------------------------------------------------------
constexpr provider toapis = provider::toapis;
static_assert(row_is(toapis, {1, 1}, {1024, 1024}, {2048, 2048}, not_supported));
static_assert(row_is(toapis, {3, 2}, {1536, 1024}, {2048, 1360}, not_supported));
static_assert(row_is(toapis, {2, 3}, {1024, 1536}, {1360, 2048}, not_supported));
static_assert(row_is(toapis, {4, 3}, not_supported, {2048, 1536}, not_supported));
static_assert(row_is(toapis, {3, 4}, not_supported, {1536, 2048}, not_supported));
static_assert(row_is(toapis, {5, 4}, not_supported, {2560, 2048}, not_supported));
static_assert(row_is(toapis, {4, 5}, not_supported, {2048, 2560}, not_supported));
static_assert(row_is(toapis, {16, 9}, not_supported, {2048, 1152}, {3840, 2160}));
static_assert(row_is(toapis, {9, 16}, not_supported, {1152, 2048}, {2160, 3840}));
static_assert(row_is(toapis, {2, 1}, not_supported, {2688, 1344}, {3840, 1920}));
static_assert(row_is(toapis, {1, 2}, not_supported, {1344, 2688}, {1920, 3840}));
static_assert(row_is(toapis, {21, 9}, not_supported, {2688, 1152}, {3840, 1648}));
static_assert(row_is(toapis, {9, 21}, not_supported, {1152, 2688}, {1648, 3840}));
// Nothing else: 3 + 13 + 6 cells; seed 004's 3:1 and 1:3 are not ToAPIs ratios; no `auto`.
static_assert(gi::choices(toapis).size() == 22);
static_assert(gi::choices(toapis, tier::k1).size() == 3);
static_assert(gi::choices(toapis, tier::k2).size() == 13);
static_assert(gi::choices(toapis, tier::k4).size() == 6);
static_assert(row_is(toapis, {3, 1}, not_supported, not_supported, not_supported));
static_assert(row_is(toapis, {1, 3}, not_supported, not_supported, not_supported));
static_assert(row_is(toapis, gi::aspect_auto, not_supported, not_supported, not_supported));
static_assert(inverse_is(toapis, {3840, 2160}, {16, 9}, tier::k4));
static_assert(inverse_is(toapis, {2048, 1360}, {3, 2}, tier::k2));
static_assert(!gi::supports(toapis, gi::pixels{2880, 2880}));  // HEAD's 4K 1:1, not in seed 001

// Seeds 002/003 (legacy): size 1024x1024 | 1536x1024 | 1024x1536, resolution 1024 | 1536 | 2048.
static_assert(inverse_is(toapis, {1024, 1024}, {1, 1}, tier::k1));
static_assert(inverse_is(toapis, {1536, 1024}, {3, 2}, tier::k1));
static_assert(inverse_is(toapis, {1024, 1536}, {2, 3}, tier::k1));
static_assert(gi::toapis_legacy_choice(gi::pixels{1024, 1024})->size == gi::pixels{1024, 1024});
static_assert(gi::toapis_legacy_choice(gi::pixels{1024, 1024}, 1024)->size ==
              gi::pixels{1024, 1024});
static_assert(gi::toapis_legacy_choice(gi::pixels{1024, 1024}, 2048)->size ==
              gi::pixels{2048, 2048});
static_assert(gi::toapis_legacy_choice(gi::pixels{1536, 1024}, 1536)->size ==
              gi::pixels{1536, 1024});
static_assert(gi::toapis_legacy_choice(gi::pixels{1536, 1024}, 2048)->size ==
              gi::pixels{2048, 1360});
static_assert(gi::toapis_legacy_choice(gi::pixels{1024, 1536}, 2048)->size ==
              gi::pixels{1360, 2048});
static_assert(!gi::toapis_legacy_choice(gi::pixels{1024, 1024}, 1536));  // no 1:1 with edge 1536
static_assert(!gi::toapis_legacy_choice(gi::pixels{1536, 1024}, 1024));
static_assert(!gi::toapis_legacy_choice(gi::pixels{1024, 1024}, 4096));  // not a legacy value
static_assert(!gi::toapis_legacy_choice(gi::pixels{2048, 2048}));        // not a legacy size
static_assert(gi::toapis_legacy_choice("1024x1536", "2048")->resolution == tier::k2);
static_assert(gi::toapis_legacy_choice("1024x1024", "")->resolution == tier::k1);
static_assert(!gi::toapis_legacy_choice("1024x1024", "2k"));

// --- aivideoapi, seed 004 "Size & Resolution" (first / alternate at 1k)
// ----------------------------
constexpr provider aivideoapi = provider::aivideoapi;
static_assert(row_is(aivideoapi, {1, 1}, {1024, 1024}, {2048, 2048}, {2880, 2880}));
static_assert(row_is(aivideoapi, {3, 2}, {1536, 1024}, {2048, 1360}, {3520, 2336}));
static_assert(row_is(aivideoapi, {2, 3}, {1024, 1536}, {1360, 2048}, {2336, 3520}));
static_assert(row_is(aivideoapi, {4, 3}, {1024, 768}, {2048, 1536}, {3312, 2480}));
static_assert(row_is(aivideoapi, {3, 4}, {768, 1024}, {1536, 2048}, {2480, 3312}));
static_assert(row_is(aivideoapi, {5, 4}, {1280, 1024}, {2560, 2048}, {3216, 2576}));
static_assert(row_is(aivideoapi, {4, 5}, {1024, 1280}, {2048, 2560}, {2576, 3216}));
static_assert(row_is(aivideoapi, {16, 9}, {1536, 864}, {2048, 1152}, {3840, 2160}));
static_assert(row_is(aivideoapi, {9, 16}, {864, 1536}, {1152, 2048}, {2160, 3840}));
static_assert(row_is(aivideoapi, {2, 1}, {2048, 1024}, {2688, 1344}, {3840, 1920}));
static_assert(row_is(aivideoapi, {1, 2}, {1024, 2048}, {1344, 2688}, {1920, 3840}));
static_assert(row_is(aivideoapi, {3, 1}, {1881, 836}, {3072, 1024}, {3840, 1280}));
static_assert(row_is(aivideoapi, {1, 3}, {887, 1774}, {1024, 3072}, {1280, 3840}));
static_assert(row_is(aivideoapi, {21, 9}, {2016, 864}, {2688, 1152}, {3840, 1648}));
static_assert(row_is(aivideoapi, {9, 21}, {864, 2016}, {1152, 2688}, {1648, 3840}));
static_assert(gi::choices(aivideoapi).size() == 45);
// "auto is treated as 1:1".
static_assert(row_is(aivideoapi, gi::aspect_auto, {1024, 1024}, {2048, 2048}, {2880, 2880}));
// The alternate 1k sizes, accepted as explicit pixels and mapped to their cell.
constexpr bool alternate_is(gi::aspect a, gi::pixels alternate) {
  const auto cell = gi::find_choice(aivideoapi, a, tier::k1);
  return cell && cell->alternate == alternate && inverse_is(aivideoapi, alternate, a, tier::k1);
}
static_assert(alternate_is({1, 1}, {1254, 1254}));
static_assert(alternate_is({5, 4}, {1448, 1086}));
static_assert(alternate_is({4, 5}, {1122, 1402}));
static_assert(alternate_is({16, 9}, {1672, 941}));
static_assert(alternate_is({9, 16}, {941, 1672}));
static_assert(alternate_is({2, 1}, {1774, 887}));
static_assert(alternate_is({3, 1}, {1536, 512}));
static_assert(alternate_is({1, 3}, {512, 1536}));
static_assert(alternate_is({21, 9}, {1915, 821}));
static_assert(alternate_is({9, 21}, {821, 1915}));
// 887x1774 is listed twice: 1:2's alternate and 1:3's first size; it maps to 1:3.
static_assert(gi::find_choice(aivideoapi, gi::aspect{1, 2}, tier::k1)->alternate ==
              gi::pixels{887, 1774});
static_assert(inverse_is(aivideoapi, {887, 1774}, {1, 3}, tier::k1));
// Cells without an alternate have none.
static_assert(!gi::find_choice(aivideoapi, gi::aspect{3, 2}, tier::k1)->alternate);
static_assert(!gi::find_choice(aivideoapi, gi::aspect{4, 3}, tier::k1)->alternate);
static_assert(inverse_is(aivideoapi, {1881, 836}, {3, 1}, tier::k1));
static_assert(inverse_is(aivideoapi, {3840, 1280}, {3, 1}, tier::k4));
static_assert(!gi::supports(aivideoapi, gi::pixels{1000, 1000}));

// --- OpenAI: the rule, auto and the presets ------------------------------------------------------
constexpr provider openai = provider::openai;
static_assert(gi::supports(openai, gi::pixels{1024, 1024}));  // presets
static_assert(gi::supports(openai, gi::pixels{1536, 1024}));
static_assert(gi::supports(openai, gi::pixels{1024, 1536}));
static_assert(gi::supports(openai, gi::pixels{3840, 2160}));   // 8,294,400 = the maximum
static_assert(gi::supports(openai, gi::pixels{2880, 2880}));   // as many pixels, shorter edges
static_assert(gi::supports(openai, gi::pixels{1024, 640}));    // 655,360 = the minimum
static_assert(gi::supports(openai, gi::pixels{3072, 1024}));   // exactly 3:1
static_assert(gi::supports(openai, gi::pixels{1008, 1008}));   // any multiple of 16 in range
static_assert(!gi::supports(openai, gi::pixels{1000, 1000}));  // not multiples of 16
static_assert(!gi::supports(openai, gi::pixels{3088, 1024}));  // beyond 3:1
static_assert(!gi::supports(openai, gi::pixels{1008, 640}));   // 645,120 < 655,360
static_assert(!gi::supports(openai, gi::pixels{3840, 2176}));  // 8,355,840 > 8,294,400
static_assert(!gi::supports(openai, gi::pixels{3856, 1536}));  // edge 3856 > 3840
static_assert(gi::check_openai_size({1000, 1024}) == gi::openai_size_issue::not_multiple_of_16);
static_assert(gi::check_openai_size({3088, 1024}) == gi::openai_size_issue::ratio_beyond_3_to_1);
static_assert(gi::check_openai_size({3856, 1536}) == gi::openai_size_issue::edge_too_long);
static_assert(gi::check_openai_size({1008, 640}) == gi::openai_size_issue::too_few_pixels);
static_assert(gi::check_openai_size({3840, 2176}) == gi::openai_size_issue::too_many_pixels);
static_assert(gi::auto_size_of(openai) == gi::auto_size::server_chooses);
static_assert(gi::auto_size_of(aivideoapi) == gi::auto_size::square);
static_assert(gi::auto_size_of(toapis) == gi::auto_size::not_offered);
// The ratio x tier matrix (seed 004's sizes meeting the rule) and price tiers of free sizes.
static_assert(row_is(openai, {16, 9}, {1536, 864}, {2048, 1152}, {3840, 2160}));
static_assert(row_is(openai, {3, 1}, {1536, 512}, {3072, 1024}, {3840, 1280}));
static_assert(row_is(openai, {1, 1}, {1024, 1024}, {2048, 2048}, {2880, 2880}));
static_assert(row_is(openai, {7, 5}, not_supported, not_supported, not_supported));
static_assert(inverse_is(openai, {3840, 1280}, {3, 1}, tier::k4));     // a cell keeps its tier
static_assert(inverse_is(openai, {2048, 1024}, {2, 1}, tier::k1));     // 2,097,152 px, a 1K cell
static_assert(inverse_is(openai, {1920, 1088}, {30, 17}, tier::k1));   // 2,088,960 <= 2,097,152
static_assert(inverse_is(openai, {1936, 1088}, {121, 68}, tier::k2));  // 2,106,368
static_assert(inverse_is(openai, {2720, 2160}, {34, 27}, tier::k2));   // 5,875,200 <= 5,898,240
static_assert(inverse_is(openai, {2736, 2160}, {19, 15}, tier::k4));   // 5,909,760

// --- Limits --------------------------------------------------------------------------------------
static_assert(gi::limits_of(openai).prompt_max_chars == 32000);
static_assert(gi::limits_of(toapis).prompt_max_chars == 32000);      // seed 001 (seed 003: 4,000)
static_assert(gi::limits_of(aivideoapi).prompt_max_chars == 20000);  // seed 004
static_assert(gi::limits_of(openai).reference_images_max == 16);
static_assert(gi::limits_of(toapis).reference_images_max == 16);
static_assert(gi::limits_of(aivideoapi).reference_images_max == 16);  // "Maximum 16 images"
static_assert(gi::limits_of(openai).n_min == 1 && gi::limits_of(openai).n_max == 10);
static_assert(gi::limits_of(toapis).n_min == 1 && gi::limits_of(toapis).n_max == 10);
static_assert(gi::limits_of(aivideoapi).n_min == 1 && gi::limits_of(aivideoapi).n_max == 1);
static_assert(!gi::limits_of(toapis).reference_inline && gi::limits_of(toapis).reference_by_url);
static_assert(!gi::limits_of(aivideoapi).reference_inline &&
              gi::limits_of(aivideoapi).reference_by_url);
static_assert(gi::limits_of(openai).reference_multipart);
static_assert(gi::limits_of(toapis).returns_url && gi::limits_of(toapis).returns_b64_json);
static_assert(gi::limits_of(aivideoapi).returns_url && !gi::limits_of(aivideoapi).returns_b64_json);
static_assert(!gi::limits_of(openai).returns_url && gi::limits_of(openai).returns_b64_json);

// --- Prices (seed 000, seed 004) -----------------------------------------------------------------
static_assert(gi::price_of(openai, tier::k1) == gi::price{220000, 0});         // $0.22
static_assert(gi::price_of(openai, tier::k2) == gi::price{500000, 0});         // $0.50
static_assert(gi::price_of(openai, tier::k4) == gi::price{1300000, 0});        // $1.30
static_assert(gi::price_of(toapis, tier::k1) == gi::price{15000, 0});          // $0.015
static_assert(gi::price_of(toapis, tier::k2) == gi::price{20000, 0});          // $0.020
static_assert(gi::price_of(toapis, tier::k4) == gi::price{25000, 0});          // $0.025
static_assert(gi::price_of(aivideoapi, tier::k1) == gi::price{23500, 4700});   // 4.7 cr, $0.0235
static_assert(gi::price_of(aivideoapi, tier::k2) == gi::price{47000, 9400});   // 9.4 cr, $0.047
static_assert(gi::price_of(aivideoapi, tier::k4) == gi::price{70500, 14100});  // 14.1 cr, $0.0705
static_assert(gi::estimate(toapis, tier::k4, 400) == gi::price{10000000, 0});  // "$10 ... 400 4K"
static_assert(gi::estimate(aivideoapi, tier::k2, 3) == gi::price{141000, 28200});
static_assert(gi::estimate(openai, tier::k1, 0) == gi::price{0, 0});

// --- Error taxonomy: aivideoapi's "Error Reference" (seed 004) -----------------------------------
constexpr bool wire_row(int status, const char* code, const char* type, gi::errc expected) {
  const gi::error_info& info = gi::describe(expected);
  return gi::classify(status, code) == expected && info.http_status == status &&
         info.wire_code == code && info.type == type && info.from_provider;
}
static_assert(wire_row(400, "invalid_request", "invalid_request_error", gi::errc::invalid_request));
static_assert(gi::classify(401, "invalid_api_key") == gi::errc::authentication_failed);
static_assert(wire_row(402, "insufficient_credits", "billing_error",
                       gi::errc::insufficient_credits));
static_assert(wire_row(403, "ip_not_allowed", "permission_error", gi::errc::ip_not_allowed));
static_assert(wire_row(404, "model_not_found", "invalid_request_error", gi::errc::model_not_found));
static_assert(wire_row(404, "task_not_found", "invalid_request_error", gi::errc::task_not_found));
static_assert(wire_row(429, "rate_limit_exceeded", "rate_limit_error",
                       gi::errc::rate_limit_exceeded));
static_assert(wire_row(429, "spend_limit_exceeded", "billing_error",
                       gi::errc::spend_limit_exceeded));
static_assert(wire_row(500, "internal_error", "api_error", gi::errc::internal_error));
static_assert(wire_row(503, "upstream_error", "upstream_error", gi::errc::upstream_error));
static_assert(gi::describe(gi::errc::authentication_failed).wire_code == "invalid_api_key");
static_assert(gi::describe(gi::errc::authentication_failed).http_status == 401);
static_assert(gi::describe(gi::errc::authentication_failed).type == "authentication_error");
// "429 and 503 are retryable"; "Failed tasks are automatically refunded".
static_assert(gi::describe(gi::errc::rate_limit_exceeded).retryable);
static_assert(gi::describe(gi::errc::upstream_error).retryable);
static_assert(!gi::describe(gi::errc::spend_limit_exceeded).retryable);
static_assert(gi::describe(gi::errc::upstream_error).refund == gi::refund_policy::refunded);
static_assert(gi::failed_task_refund(aivideoapi) == gi::refund_policy::refunded);

// --- Error taxonomy: ToAPIs' "Common Errors" (seeds 001-003) -------------------------------------
static_assert(gi::classify(400, "invalid_request_error") == gi::errc::invalid_request);
static_assert(gi::classify(400, "invalid_reference_images") == gi::errc::invalid_reference_images);
static_assert(gi::describe(gi::errc::invalid_reference_images).http_status == 400);
static_assert(gi::classify(401, "authentication_error") == gi::errc::authentication_failed);
static_assert(gi::classify(429, "rate_limit_exceeded") == gi::errc::rate_limit_exceeded);
// "Use 1s/2s/4s backoff with jitter".
static_assert(gi::describe(gi::errc::rate_limit_exceeded).backoff.delay_ms(0) == 1000);
static_assert(gi::describe(gi::errc::rate_limit_exceeded).backoff.delay_ms(1) == 2000);
static_assert(gi::describe(gi::errc::rate_limit_exceeded).backoff.delay_ms(2) == 4000);
static_assert(gi::describe(gi::errc::rate_limit_exceeded).backoff.delay_ms(3) == 0);
static_assert(gi::describe(gi::errc::rate_limit_exceeded).backoff.jitter);
static_assert(!gi::describe(gi::errc::invalid_request).retryable);  // "only after correcting"

// --- Compile-time checked sizes
// --------------------------------------------------------------------
static_assert(gi::checked_size<toapis, 16, 9, tier::k4>() == gi::pixels{3840, 2160});
static_assert(gi::checked_size<toapis, 3, 2, tier::k1>() == gi::pixels{1536, 1024});
static_assert(gi::checked_size<aivideoapi, 3, 1, tier::k1>() == gi::pixels{1881, 836});
static_assert(gi::checked_size<aivideoapi, 0, 0, tier::k2>() == gi::pixels{2048, 2048});  // auto
static_assert(gi::checked_size<openai, 21, 9, tier::k4>() == gi::pixels{3840, 1648});
static_assert(gi::checked_pixels<openai, 1008, 1008>() == gi::pixels{1008, 1008});
static_assert(gi::checked_pixels<aivideoapi, 1254, 1254>() == gi::pixels{1254, 1254});
static_assert(gi::checked_pixels<toapis, 1024, 1536>() == gi::pixels{1024, 1536});
static_assert(GPT_IMAGE_CHECKED_SIZE(toapis, "21:9", "4K") == gi::pixels{3840, 1648});
static_assert(GPT_IMAGE_CHECKED_SIZE(aivideoapi, "auto", "4k") == gi::pixels{2880, 2880});
static_assert(GPT_IMAGE_CHECKED_PIXELS(openai, "1536x1024") == gi::pixels{1536, 1024});
#if __cplusplus >= 202002L
static_assert(gi::size<toapis>("16:9", "4K") == gi::pixels{3840, 2160});
static_assert(gi::size<aivideoapi>("1:3", "1k") == gi::pixels{887, 1774});
static_assert(gi::size<openai>("2880x2880") == gi::pixels{2880, 2880});
static_assert(gi::size<aivideoapi>("941x1672") == gi::pixels{941, 1672});
#endif
}  // namespace

TEST_CASE("tables: the static_asserts of this file compiled") {
  // The checks above ran at compile time; this case records in the test report that they did.
  CHECK(gi::choices(gi::provider::toapis).size() == 22);
}
