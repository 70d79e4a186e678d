// SPDX-License-Identifier: MIT
// The size tables, limits, prices and error taxonomy through the runtime API: the seed tables typed
// as the seeds print them (strings, parsed at run time), the parsers' junk rejection, the
// spellings, iteration, nearest_supported() and its messages, describe() and classify().

#include <doctest/doctest.h>
#include <gpt_image/gpt_image.hpp>

#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace {
namespace gi = gpt_image;
using gi::provider;
using gi::tier;

struct seed_row {
  const char* ratio;
  const char* k1;  // "WxH", "WxH / WxH" (first / alternate) or "Not supported"
  const char* k2;
  const char* k4;
};

// Seed 001 (ToAPIs) "Size Reference", as printed.
const seed_row toapis_seed_001[] = {
    {"1:1", "1024x1024", "2048x2048", "Not supported"},
    {"3:2", "1536x1024", "2048x1360", "Not supported"},
    {"2:3", "1024x1536", "1360x2048", "Not supported"},
    {"4:3", "Not supported", "2048x1536", "Not supported"},
    {"3:4", "Not supported", "1536x2048", "Not supported"},
    {"5:4", "Not supported", "2560x2048", "Not supported"},
    {"4:5", "Not supported", "2048x2560", "Not supported"},
    {"16:9", "Not supported", "2048x1152", "3840x2160"},
    {"9:16", "Not supported", "1152x2048", "2160x3840"},
    {"2:1", "Not supported", "2688x1344", "3840x1920"},
    {"1:2", "Not supported", "1344x2688", "1920x3840"},
    {"21:9", "Not supported", "2688x1152", "3840x1648"},
    {"9:21", "Not supported", "1152x2688", "1648x3840"},
};

// Seed 004 (aivideoapi) "Size & Resolution", as printed (× written x).
const seed_row aivideoapi_seed_004[] = {
    {"1:1", "1024x1024 / 1254x1254", "2048x2048", "2880x2880"},
    {"3:2", "1536x1024", "2048x1360", "3520x2336"},
    {"2:3", "1024x1536", "1360x2048", "2336x3520"},
    {"4:3", "1024x768", "2048x1536", "3312x2480"},
    {"3:4", "768x1024", "1536x2048", "2480x3312"},
    {"5:4", "1280x1024 / 1448x1086", "2560x2048", "3216x2576"},
    {"4:5", "1024x1280 / 1122x1402", "2048x2560", "2576x3216"},
    {"16:9", "1536x864 / 1672x941", "2048x1152", "3840x2160"},
    {"9:16", "864x1536 / 941x1672", "1152x2048", "2160x3840"},
    {"2:1", "2048x1024 / 1774x887", "2688x1344", "3840x1920"},
    {"1:2", "1024x2048 / 887x1774", "1344x2688", "1920x3840"},
    {"3:1", "1881x836 / 1536x512", "3072x1024", "3840x1280"},
    {"1:3", "887x1774 / 512x1536", "1024x3072", "1280x3840"},
    {"21:9", "2016x864 / 1915x821", "2688x1152", "3840x1648"},
    {"9:21", "864x2016 / 821x1915", "1152x2688", "1648x3840"},
};

std::string text(const gi::inline_string& s) {
  return std::string(s.view());
}

// Checks one printed cell against the runtime API; returns how many pixel sizes it named.
int check_cell(provider p, const char* ratio_text, tier t, std::string_view cell) {
  CAPTURE(gi::to_string(p));
  CAPTURE(ratio_text);
  CAPTURE(gi::tier_name(t, p));
  const auto ratio = gi::parse_aspect(ratio_text);
  REQUIRE(ratio);
  if (cell == "Not supported") {
    CHECK_FALSE(gi::resolve(p, *ratio, t));
    CHECK_FALSE(gi::supports(p, *ratio, t));
    return 0;
  }
  const std::size_t slash = cell.find(" / ");
  const auto first = gi::parse_pixels(cell.substr(0, slash));
  REQUIRE(first);
  const auto resolved = gi::resolve(p, *ratio, t);
  REQUIRE(resolved);
  CHECK(*resolved == *first);
  CHECK(gi::supports(p, *ratio, t));
  CHECK(gi::supports(p, *first));
  const auto cell_choice = gi::find_choice(p, *ratio, t);
  REQUIRE(cell_choice);
  CHECK(text(gi::format_aspect(cell_choice->ratio)) == ratio_text);  // the wire's own spelling
  if (slash == std::string_view::npos) {
    CHECK_FALSE(cell_choice->alternate);
    return 1;
  }
  const auto alternate = gi::parse_pixels(cell.substr(slash + 3));
  REQUIRE(alternate);
  CHECK(cell_choice->alternate == *alternate);
  CHECK(gi::supports(p, *alternate));
  return 2;
}

int check_seed_table(provider p, const seed_row* rows, std::size_t count) {
  int sizes = 0;
  for (std::size_t i = 0; i < count; ++i) {
    sizes += check_cell(p, rows[i].ratio, tier::k1, rows[i].k1);
    sizes += check_cell(p, rows[i].ratio, tier::k2, rows[i].k2);
    sizes += check_cell(p, rows[i].ratio, tier::k4, rows[i].k4);
  }
  return sizes;
}

std::string ratios_of(gi::choice_list cells) {
  std::string out;
  for (const gi::size_choice& c : cells)
    out += (out.empty() ? "" : " ") + text(gi::format_aspect(c.ratio));
  return out;
}
}  // namespace

TEST_CASE("tables: ToAPIs matrix equals seed 001, cell by cell") {
  CHECK(check_seed_table(provider::toapis, toapis_seed_001, std::size(toapis_seed_001)) == 22);
  CHECK(gi::choices(provider::toapis).size() == 22);  // nothing beyond the seed's cells
  CHECK(ratios_of(gi::choices(provider::toapis, tier::k1)) == "1:1 3:2 2:3");
  CHECK(ratios_of(gi::choices(provider::toapis, tier::k4)) == "16:9 9:16 2:1 1:2 21:9 9:21");
  CHECK(ratios_of(gi::choices(provider::toapis, tier::k2)) ==
        "1:1 3:2 2:3 4:3 3:4 5:4 4:5 16:9 9:16 2:1 1:2 21:9 9:21");
}

TEST_CASE("tables: ToAPIs legacy pixel sizes (seeds 002/003) map onto the matrix") {
  const auto square = gi::toapis_legacy_choice("1024x1024", "");
  REQUIRE(square);
  CHECK(text(gi::format_aspect(square->ratio)) == "1:1");
  CHECK(gi::tier_name(square->resolution, provider::toapis) == "1K");
  const auto wide_2k = gi::toapis_legacy_choice("1536x1024", "2048");
  REQUIRE(wide_2k);
  CHECK(text(gi::format_pixels(wide_2k->size)) == "2048x1360");
  const auto tall_1k = gi::toapis_legacy_choice("1024x1536", "1536");
  REQUIRE(tall_1k);
  CHECK(text(gi::format_pixels(tall_1k->size)) == "1024x1536");
  CHECK_FALSE(gi::toapis_legacy_choice("1024x1024", "1536"));
  CHECK_FALSE(gi::toapis_legacy_choice("1024x1024", "1K"));
  CHECK_FALSE(gi::toapis_legacy_choice("2048x2048", ""));
  CHECK_FALSE(gi::toapis_legacy_choice("1024X1024", ""));
}

TEST_CASE("tables: aivideoapi matrix equals seed 004, cell by cell, alternates included") {
  CHECK(check_seed_table(provider::aivideoapi, aivideoapi_seed_004,
                         std::size(aivideoapi_seed_004)) == 45 + 11);
  CHECK(gi::choices(provider::aivideoapi).size() == 45);
  for (tier t : gi::all_tiers) {
    CAPTURE(gi::tier_name(t, provider::aivideoapi));
    CHECK(ratios_of(gi::choices(provider::aivideoapi, t)) ==
          "1:1 3:2 2:3 4:3 3:4 5:4 4:5 16:9 9:16 2:1 1:2 3:1 1:3 21:9 9:21");
    // "auto is treated as 1:1".
    CHECK(gi::resolve(provider::aivideoapi, gi::aspect_auto, t) ==
          gi::resolve(provider::aivideoapi, gi::aspect{1, 1}, t));
  }
  // Explicit pixel sizes from the table, as aivideoapi accepts them in aspect_ratio.
  const auto wide = gi::find_choice(provider::aivideoapi, *gi::parse_pixels("1881x836"));
  REQUIRE(wide);
  CHECK(text(gi::format_aspect(wide->ratio)) == "3:1");
  CHECK(gi::tier_name(wide->resolution, provider::aivideoapi) == "1k");
  const auto tall = gi::find_choice(provider::aivideoapi, *gi::parse_pixels("887x1774"));
  REQUIRE(tall);
  CHECK(text(gi::format_aspect(tall->ratio)) == "1:3");  // its first size; 1:2's alternate
}

TEST_CASE("tables: OpenAI size rule, presets and auto") {
  const provider openai = provider::openai;
  for (const char* preset : {"1024x1024", "1536x1024", "1024x1536"}) {
    CAPTURE(preset);
    CHECK(gi::supports(openai, *gi::parse_pixels(preset)));
    CHECK(gi::price_tier(openai, *gi::parse_pixels(preset)) == tier::k1);
  }
  const std::vector<std::pair<const char*, gi::openai_size_issue>> cases = {
      {"3840x2160", gi::openai_size_issue::none},
      {"2880x2880", gi::openai_size_issue::none},
      {"1024x640", gi::openai_size_issue::none},
      {"3840x1280", gi::openai_size_issue::none},
      {"1000x1024", gi::openai_size_issue::not_multiple_of_16},
      {"1024x1000", gi::openai_size_issue::not_multiple_of_16},
      {"4096x2048", gi::openai_size_issue::edge_too_long},
      {"3200x1024", gi::openai_size_issue::ratio_beyond_3_to_1},
      {"1024x3088", gi::openai_size_issue::ratio_beyond_3_to_1},
      {"800x800", gi::openai_size_issue::too_few_pixels},
      {"3840x2176", gi::openai_size_issue::too_many_pixels},
  };
  for (const auto& entry : cases) {
    CAPTURE(entry.first);
    const auto size = gi::parse_pixels(entry.first);
    REQUIRE(size);
    CHECK(gi::check_openai_size(*size) == entry.second);
    CHECK(gi::supports(openai, *size) == (entry.second == gi::openai_size_issue::none));
  }
  CHECK(gi::auto_size_of(openai) == gi::auto_size::server_chooses);
  CHECK_FALSE(gi::resolve(openai, gi::aspect_auto, tier::k1));
  // Price tier of free sizes: nearest reference area on a log scale; cells keep theirs.
  CHECK(gi::price_tier(openai, {1920, 1088}) == tier::k1);
  CHECK(gi::price_tier(openai, {1936, 1088}) == tier::k2);
  CHECK(gi::price_tier(openai, {2720, 2160}) == tier::k2);
  CHECK(gi::price_tier(openai, {2736, 2160}) == tier::k4);
  CHECK(gi::price_tier(openai, {3840, 1280}) == tier::k4);
  CHECK_FALSE(gi::price_tier(openai, {1000, 1000}));
}

TEST_CASE("tables: parsers accept the documented spellings") {
  CHECK(gi::parse_tier("1K") == tier::k1);
  CHECK(gi::parse_tier("1k") == tier::k1);
  CHECK(gi::parse_tier("2K") == tier::k2);
  CHECK(gi::parse_tier("2k") == tier::k2);
  CHECK(gi::parse_tier("4K") == tier::k4);
  CHECK(gi::parse_tier("4k") == tier::k4);
  CHECK(gi::parse_aspect("16:9") == gi::aspect{16, 9});
  CHECK(gi::parse_aspect("9:21") == gi::aspect{9, 21});
  CHECK(gi::parse_aspect("auto") == gi::aspect_auto);
  CHECK(gi::parse_aspect("65535:1") == gi::aspect{65535, 1});
  CHECK(gi::parse_pixels("3840x2160") == gi::pixels{3840, 2160});
  CHECK(gi::parse_pixels("1x65535") == gi::pixels{1, 65535});
  CHECK(gi::parse_provider("openai") == provider::openai);
  CHECK(gi::parse_provider("toapis") == provider::toapis);
  CHECK(gi::parse_provider("aivideoapi") == provider::aivideoapi);
}

TEST_CASE("tables: parsers reject junk instead of guessing") {
  for (const char* junk : {"", " ", "1", "K", "1K ", " 1K", "+1K", "01K", "3K", "8K", "1M", "1KK",
                           "1024", "k1", "2 K"}) {
    CAPTURE(junk);
    CHECK_FALSE(gi::parse_tier(junk));
  }
  for (const char* junk :
       {"",        ":",     "16:",    ":9",    "16:0",  "0:9",   "0:0",    "16/9",  "16x9",
        " 16:9",   "16:9 ", "16 :9",  "+16:9", "-16:9", "16:-9", "16:9:1", "016:9", "65536:1",
        "1:99999", "1e3:1", "16.0:9", "Auto",  "AUTO",  "auto ", "１6:9"}) {
    CAPTURE(junk);
    CHECK_FALSE(gi::parse_aspect(junk));
  }
  for (const char* junk :
       {"",           "x",          "3840x",       "x2160",       "0x0",           "0x2160",
        "3840x0",     "3840X2160",  "3840×2160",   "3840 x 2160", " 3840x2160",    "3840x2160 ",
        "+3840x2160", "3840x-2160", "3840x2160x1", "65536x1",     "99999999999x1", "03840x2160",
        "3840:2160",  "auto"}) {
    CAPTURE(junk);
    CHECK_FALSE(gi::parse_pixels(junk));
  }
  for (const char* junk : {"", "OpenAI", "open ai", "toapi", "aivideoapi "}) {
    CAPTURE(junk);
    CHECK_FALSE(gi::parse_provider(junk));
  }
}

TEST_CASE("tables: spellings per dialect") {
  CHECK(gi::tier_name(tier::k1, provider::toapis) == "1K");
  CHECK(gi::tier_name(tier::k2, provider::toapis) == "2K");
  CHECK(gi::tier_name(tier::k4, provider::toapis) == "4K");
  CHECK(gi::tier_name(tier::k1, provider::aivideoapi) == "1k");
  CHECK(gi::tier_name(tier::k2, provider::aivideoapi) == "2k");
  CHECK(gi::tier_name(tier::k4, provider::aivideoapi) == "4k");
  CHECK(gi::tier_name(tier::k4, provider::openai) == "4K");
  CHECK(gi::to_string(provider::openai) == "openai");
  CHECK(gi::to_string(provider::toapis) == "toapis");
  CHECK(gi::to_string(provider::aivideoapi) == "aivideoapi");
  CHECK(text(gi::format_aspect({16, 9})) == "16:9");
  CHECK(text(gi::format_aspect(gi::aspect_auto)) == "auto");
  CHECK(text(gi::format_pixels({3840, 2160})) == "3840x2160");
  const gi::inline_string widest = gi::format_pixels({65535, 65535});
  CHECK(widest.view() == "65535x65535");
  CHECK(std::string(widest.c_str()) == "65535x65535");
  // Ratios are matched in lowest terms; the wire gets the table's spelling.
  CHECK(gi::reduce({32, 18}) == gi::aspect{16, 9});
  CHECK(gi::reduce({21, 9}) == gi::aspect{7, 3});
  const auto cinema = gi::find_choice(provider::toapis, gi::aspect{7, 3}, tier::k4);
  REQUIRE(cinema);
  CHECK(text(gi::format_aspect(cinema->ratio)) == "21:9");
  CHECK(gi::resolve(provider::toapis, gi::aspect{32, 18}, tier::k2) == gi::pixels{2048, 1152});
}

TEST_CASE("tables: nearest_supported and the messages that quote it") {
  const auto near = gi::nearest_supported(provider::toapis, gi::aspect{4, 3}, tier::k1);
  REQUIRE(near.same_tier);
  REQUIRE(near.same_ratio);
  CHECK(near.same_tier->size == gi::pixels{1536, 1024});
  CHECK(near.same_ratio->size == gi::pixels{2048, 1536});
  CHECK(gi::explain_unsupported(provider::toapis, gi::aspect{4, 3}, tier::k1) ==
        "4:3 is not offered at 1K by toapis; nearest: 3:2 at 1K (1536x1024) or 4:3 at 2K "
        "(2048x1536)");
  CHECK(gi::explain_unsupported(provider::toapis, gi::aspect{1, 1}, tier::k4) ==
        "1:1 is not offered at 4K by toapis; nearest: 16:9 at 4K (3840x2160) or 1:1 at 2K "
        "(2048x2048)");
  CHECK(gi::explain_unsupported(provider::toapis, gi::aspect{9, 16}, tier::k1) ==
        "9:16 is not offered at 1K by toapis; nearest: 2:3 at 1K (1024x1536) or 9:16 at 2K "
        "(1152x2048)");
  CHECK(gi::explain_unsupported(provider::toapis, gi::aspect_auto, tier::k1) ==
        "auto is not offered by toapis; pick a ratio; nearest: 1:1 at 1K (1024x1024)");
  CHECK(gi::explain_unsupported(provider::aivideoapi, gi::aspect{7, 5}, tier::k2) ==
        "7:5 is not offered at 2k by aivideoapi; nearest: 4:3 at 2k (2048x1536)");
  CHECK(gi::explain_unsupported(provider::openai, gi::aspect_auto, tier::k2) ==
        "auto lets openai choose the size, so it has no pixels at 2K; send the size \"auto\" "
        "without a tier, or pick a ratio such as 1:1 at 2K (2048x2048)");
  // A supported choice is its own nearest.
  const auto same = gi::nearest_supported(provider::toapis, gi::aspect{16, 9}, tier::k4);
  CHECK(same.same_tier == same.same_ratio);
  CHECK(same.same_tier->size == gi::pixels{3840, 2160});
  CHECK(gi::explain_unsupported(provider::toapis, gi::aspect{16, 9}, tier::k4) ==
        "16:9 at 4K is offered by toapis");
}

TEST_CASE("tables: nearest supported pixel sizes") {
  CHECK(gi::nearest_supported(provider::openai, gi::pixels{1000, 1000})->size ==
        gi::pixels{1008, 1008});
  CHECK(gi::nearest_supported(provider::openai, gi::pixels{3200, 1024})->size ==
        gi::pixels{3072, 1024});
  CHECK(gi::nearest_supported(provider::openai, gi::pixels{4096, 4096})->size ==
        gi::pixels{2880, 2880});
  CHECK(gi::nearest_supported(provider::openai, gi::pixels{512, 512})->size ==
        gi::pixels{816, 816});
  CHECK_FALSE(gi::nearest_supported(provider::openai, gi::pixels{0, 512}));
  // Whatever goes in, what comes out meets the rule.
  for (std::uint16_t w : {1, 17, 333, 1000, 2049, 5000, 40000, 65535})
    for (std::uint16_t h : {1, 15, 640, 999, 3000, 9999, 65535}) {
      CAPTURE(w);
      CAPTURE(h);
      const auto n = gi::nearest_supported(provider::openai, gi::pixels{w, h});
      REQUIRE(n);
      CHECK(gi::meets_openai_rule(n->size));
    }
  CHECK(gi::explain_unsupported(provider::openai, gi::pixels{1000, 1000}) ==
        "1000x1000 is not a valid openai size: both sides must be multiples of 16 (1000 is not); "
        "nearest: 1008x1008");
  CHECK(gi::explain_unsupported(provider::openai, gi::pixels{3200, 1024}) ==
        "3200x1024 is not a valid openai size: the long side may be at most 3 times the short "
        "side (3:1); nearest: 3072x1024");
  CHECK(gi::explain_unsupported(provider::openai, gi::pixels{512, 512}) ==
        "512x512 is not a valid openai size: it has 262144 pixels, fewer than the minimum of "
        "655360; nearest: 816x816");
  CHECK(gi::explain_unsupported(provider::toapis, gi::pixels{1000, 1000}) ==
        "1000x1000 is not in the toapis size table; nearest: 1:1 at 1K (1024x1024)");
  CHECK(gi::explain_unsupported(provider::toapis, gi::pixels{1536, 1000}) ==
        "1536x1000 is not in the toapis size table; nearest: 3:2 at 1K (1536x1024)");
  // A gateway's alternate size can be the nearest.
  CHECK(gi::explain_unsupported(provider::aivideoapi, gi::pixels{1250, 1250}) ==
        "1250x1250 is not in the aivideoapi size table; nearest: 1:1 at 1k (1254x1254)");
  CHECK(gi::explain_unsupported(provider::aivideoapi, gi::pixels{1254, 1254}) ==
        "1254x1254 is accepted by aivideoapi");
}

TEST_CASE("tables: limits per provider") {
  const gi::limits& openai = gi::limits_of(provider::openai);
  const gi::limits& toapis = gi::limits_of(provider::toapis);
  const gi::limits& aivideoapi = gi::limits_of(provider::aivideoapi);
  CHECK(openai.prompt_max_chars == 32000);
  CHECK(toapis.prompt_max_chars == 32000);
  CHECK(aivideoapi.prompt_max_chars == 20000);
  CHECK(aivideoapi.reference_images_max == 16);
  CHECK(toapis.reference_images_max == 16);
  CHECK(openai.n_max == 10);
  CHECK(aivideoapi.n_max == 1);
  CHECK(toapis.has_upload_endpoint);
  CHECK_FALSE(aivideoapi.has_upload_endpoint);
  CHECK_FALSE(toapis.reference_inline);
  CHECK(openai.reference_inline);
  CHECK(toapis.default_tier == tier::k1);
  CHECK(aivideoapi.default_tier == tier::k1);
}

TEST_CASE("tables: prices and estimates in exact integer units") {
  struct expected_price {
    provider p;
    tier t;
    std::uint64_t micro_usd;
    std::uint64_t milli_credits;
  };
  const expected_price seeds[] = {
      {provider::openai, tier::k1, 220000, 0},        {provider::openai, tier::k2, 500000, 0},
      {provider::openai, tier::k4, 1300000, 0},       {provider::toapis, tier::k1, 15000, 0},
      {provider::toapis, tier::k2, 20000, 0},         {provider::toapis, tier::k4, 25000, 0},
      {provider::aivideoapi, tier::k1, 23500, 4700},  {provider::aivideoapi, tier::k2, 47000, 9400},
      {provider::aivideoapi, tier::k4, 70500, 14100},
  };
  for (const auto& s : seeds) {
    CAPTURE(gi::to_string(s.p));
    CAPTURE(gi::tier_name(s.t, s.p));
    CHECK(gi::price_of(s.p, s.t).micro_usd == s.micro_usd);
    CHECK(gi::price_of(s.p, s.t).milli_credits == s.milli_credits);
    CHECK(gi::estimate(s.p, s.t, 7).micro_usd == 7 * s.micro_usd);
  }
  // Seed 000: "a $10 top-up is roughly 600+ additional 1K images".
  CHECK(gi::estimate(provider::toapis, tier::k1, 666).micro_usd <= 10000000);
  CHECK(gi::estimate(provider::toapis, tier::k1, 667).micro_usd > 10000000);
}

TEST_CASE("tables: describe() covers every errc") {
  for (int i = 0; i <= static_cast<int>(gi::errc::io_error); ++i) {
    const auto e = static_cast<gi::errc>(i);
    const gi::error_info& info = gi::describe(e);
    CAPTURE(info.name);
    CHECK(info.code == e);
    CHECK_FALSE(info.name.empty());
    CHECK(gi::to_string(e) == info.name);
    CHECK(info.fix.size() > 20);
    if (info.retryable) CHECK(info.backoff.retries > 0);
    if (!info.retryable) CHECK(info.backoff.retries == 0);
    if (!info.from_provider) CHECK(info.wire_code.empty());
    // classify() maps the entry's own wire code and every alias back to it.
    if (!info.wire_code.empty()) CHECK(gi::classify(info.http_status, info.wire_code) == e);
    std::string_view aliases = info.wire_aliases;
    while (!aliases.empty()) {
      const std::size_t space = aliases.find(' ');
      const std::string_view alias = aliases.substr(0, space);
      CAPTURE(alias);
      CHECK(gi::classify(info.http_status, alias) == e);
      aliases = space == std::string_view::npos ? std::string_view() : aliases.substr(space + 1);
    }
  }
  CHECK(gi::describe(gi::errc::rate_limit_exceeded).request_refused);
  CHECK_FALSE(gi::describe(gi::errc::internal_error).request_refused);
  CHECK_FALSE(gi::describe(gi::errc::timeout).request_refused);
  CHECK(gi::describe(gi::errc::connection_failed).request_refused);
  CHECK(gi::describe(gi::errc::connection_failed).retryable);
  CHECK_FALSE(gi::describe(gi::errc::outcome_unknown).retryable);
  CHECK(gi::failed_task_refund(provider::toapis) == gi::refund_policy::undocumented);
  CHECK(gi::failed_task_refund(provider::openai) == gi::refund_policy::not_applicable);
}

TEST_CASE("tables: classify() tells the two 429s and the two 404s apart") {
  CHECK(gi::classify(429, "rate_limit_exceeded") == gi::errc::rate_limit_exceeded);
  CHECK(gi::classify(429, "spend_limit_exceeded") == gi::errc::spend_limit_exceeded);
  CHECK(gi::classify(404, "model_not_found") == gi::errc::model_not_found);
  CHECK(gi::classify(404, "task_not_found") == gi::errc::task_not_found);
  // A specific code wins over the status (a failed task arrives with HTTP 200).
  CHECK(gi::classify(200, "upstream_error") == gi::errc::upstream_error);
  CHECK(gi::classify(200, "generation_failed") == gi::errc::task_failed);
  CHECK(gi::classify(200, "content_policy_violation") == gi::errc::content_policy_violation);
  CHECK(gi::classify(429, "insufficient_quota") == gi::errc::insufficient_credits);  // OpenAI
}

TEST_CASE("tables: classify() accepts the aliases PROVIDERS.md lists") {
  CHECK(gi::classify(401, "unauthorized") == gi::errc::authentication_failed);
  CHECK(gi::classify(402, "insufficient_quota") == gi::errc::insufficient_credits);
  CHECK(gi::classify(402, "quota_exceeded") == gi::errc::insufficient_credits);
  CHECK(gi::classify(404, "404") == gi::errc::task_not_found);  // ToAPIs' integer code
  CHECK(gi::classify(0, "404") == gi::errc::task_not_found);
  CHECK(gi::classify(401, "401") == gi::errc::authentication_failed);
  CHECK(gi::classify(200, "401") == gi::errc::authentication_failed);  // code inside a 200
  CHECK(gi::classify(404, "not_found_error") == gi::errc::task_not_found);
  CHECK(gi::classify(422, "content_policy_violation") == gi::errc::content_policy_violation);
  CHECK(gi::classify(503, "rate_limit_unavailable") == gi::errc::service_unavailable);
  CHECK(gi::classify(200, "generation_failed") == gi::errc::task_failed);
  CHECK(gi::classify(403, "model_access_denied") == gi::errc::permission_denied);
  CHECK(gi::classify(400, "image_content_policy_violation") == gi::errc::content_policy_violation);
  // Types stand in for a null code; billing_error depends on the status.
  CHECK(gi::classify(402, "billing_error") == gi::errc::insufficient_credits);
  CHECK(gi::classify(429, "billing_error") == gi::errc::spend_limit_exceeded);
  CHECK(gi::classify(429, "rate_limit_error") == gi::errc::rate_limit_exceeded);
  CHECK(gi::classify(500, "api_error") == gi::errc::internal_error);
  CHECK(gi::classify(403, "permission_error") == gi::errc::permission_denied);
  CHECK(gi::classify(404, "invalid_request_error") == gi::errc::not_found);
  // Case and surrounding spaces do not matter.
  CHECK(gi::classify(429, " Rate_Limit_Exceeded ") == gi::errc::rate_limit_exceeded);
  // With the envelope's type as a second opinion.
  CHECK(gi::classify(429, "", "billing_error") == gi::errc::spend_limit_exceeded);
  CHECK(gi::classify(429, "something_new", "billing_error") == gi::errc::spend_limit_exceeded);
  CHECK(gi::classify(429, "rate_limit_exceeded", "billing_error") == gi::errc::rate_limit_exceeded);
}

TEST_CASE("tables: classify() falls back by HTTP status") {
  CHECK(gi::classify(400, "") == gi::errc::invalid_request);
  CHECK(gi::classify(401, "") == gi::errc::authentication_failed);
  CHECK(gi::classify(402, "whatever") == gi::errc::insufficient_credits);
  CHECK(gi::classify(403, "") == gi::errc::permission_denied);
  CHECK(gi::classify(404, "") == gi::errc::not_found);
  CHECK(gi::classify(408, "") == gi::errc::timeout);
  CHECK(gi::classify(422, "") == gi::errc::content_policy_violation);
  CHECK(gi::classify(429, "") == gi::errc::rate_limit_exceeded);
  CHECK(gi::classify(500, "") == gi::errc::internal_error);
  CHECK(gi::classify(502, "") == gi::errc::service_unavailable);
  CHECK(gi::classify(503, "") == gi::errc::service_unavailable);
  CHECK(gi::classify(504, "") == gi::errc::service_unavailable);
  CHECK(gi::classify(507, "") == gi::errc::internal_error);
  CHECK(gi::classify(418, "") == gi::errc::http_error);
  CHECK(gi::classify(200, "") == gi::errc::task_failed);
  CHECK(gi::classify(200, "no_such_code") == gi::errc::task_failed);
  CHECK(gi::classify(0, "") == gi::errc::http_error);
  CHECK(gi::classify(302, "") == gi::errc::http_error);
}

TEST_CASE("tables: every message fits its fixed buffer and converts to std::string") {
  std::size_t longest = 0;
  const gi::aspect ratios[] = {{4, 3},     {1, 1},         {7, 5}, {65535, 1},
                               {1, 65535}, {65535, 65534}, {0, 5}, gi::aspect_auto};
  const gi::pixels sizes[] = {{1000, 1000}, {65535, 65535}, {1, 1},       {65535, 1},
                              {16, 65535},  {800, 800},     {3840, 2176}, {3200, 1024}};
  for (provider p : gi::all_providers) {
    for (gi::aspect a : ratios)
      for (tier t : gi::all_tiers) {
        const gi::inline_message m = gi::explain_unsupported(p, a, t);
        CHECK(m.size() < gi::inline_message::capacity);
        longest = m.size() > longest ? m.size() : longest;
      }
    for (gi::pixels s : sizes) {
      const gi::inline_message m = gi::explain_unsupported(p, s);
      CHECK(m.size() < gi::inline_message::capacity);
      longest = m.size() > longest ? m.size() : longest;
    }
  }
  CHECK(longest > 100);  // the loop did reach the long messages
  const std::string owned = gi::explain_unsupported(provider::openai, gi::pixels{1000, 1000});
  CHECK(owned.rfind("1000x1000 is not a valid openai size", 0) == 0);
  CHECK(gi::explain_unsupported(provider::toapis, gi::aspect{0, 5}, tier::k2) ==
        "0:5 is not a ratio: both terms must be positive, e.g. 16:9");
}
