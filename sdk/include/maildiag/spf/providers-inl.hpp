#pragma once

#include <algorithm>

#include "maildiag/spf/providers.hpp"

namespace maildiag {
namespace spf {
namespace provider_detail {

// Sorted by include domain by the generator.
constexpr Provider kProviders[] = {
#include "maildiag/spf/providers.inc"
};

}  // namespace provider_detail

MAILDIAG_FUNC const Provider* find_provider(std::string_view domain) noexcept {
  if (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
  if (domain.size() > 64) return nullptr;
  char buf[64];
  for (std::size_t i = 0; i < domain.size(); ++i) {
    char c = domain[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view key(buf, domain.size());
  const auto* begin = std::begin(provider_detail::kProviders);
  const auto* end = std::end(provider_detail::kProviders);
  const auto* it = std::lower_bound(begin, end, key,
                                    [](const Provider& p, std::string_view k) { return p.include < k; });
  return (it != end && it->include == key) ? it : nullptr;
}

}  // namespace spf
}  // namespace maildiag
