// Sizes checked by the compiler: a size the provider does not offer does not compile.
// Needs only <gpt_image/tables.hpp> (the standard library, nothing else).
#include <gpt_image/tables.hpp>

#include <cstdio>

namespace gi = gpt_image;

// ToAPIs offers 16:9 at 4K (seed 001): 3840x2160.
constexpr gi::pixels poster = gi::checked_size<gi::provider::toapis, 16, 9, gi::tier::k4>();
static_assert(poster.width == 3840 && poster.height == 2160);

// OpenAI takes any size that meets its rule: sides multiples of 16, ratio at most 3:1, ...
constexpr gi::pixels banner = gi::checked_pixels<gi::provider::openai, 2400, 800>();

// Uncomment to see the compiler refuse 4:3 at 1K on ToAPIs, naming the nearest valid choices:
// constexpr gi::pixels nope = gi::checked_size<gi::provider::toapis, 4, 3, gi::tier::k1>();

int main() {
  std::printf("toapis 16:9 at 4K: %ux%u\n", poster.width, poster.height);
  std::printf("openai banner:     %ux%u\n", banner.width, banner.height);
  // A size from a config file is checked at run time instead, with the same facts.
  const auto ratio = gi::parse_aspect("4:3");
  const auto tier = gi::parse_tier("1K");
  if (ratio && tier && !gi::supports(gi::provider::toapis, *ratio, *tier))
    std::printf("4:3 at 1K on toapis: %s\n",
                gi::explain_unsupported(gi::provider::toapis, *ratio, *tier).c_str());
  // Offer a user only what the provider has.
  std::printf("toapis at 4K:");
  for (const auto& choice : gi::choices(gi::provider::toapis, gi::tier::k4))
    std::printf(" %s", gi::format_aspect(choice.ratio).c_str());
  std::printf("\n");
  return 0;
}
