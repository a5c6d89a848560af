#pragma once

#include "maildiag/kb/entry.hpp"
#include "maildiag/kb/detail/tables.hpp"

namespace maildiag {
namespace kb {
namespace detail {

inline constexpr std::string_view kCategoryNames[category_count] = {
    "recipient-address", "mailbox-state", "mailbox-capacity", "throttling", "sending-limit",
    "account-banned", "spf", "dkim", "dmarc", "reputation", "recipient-restriction",
    "content-policy", "message-format", "relay-connector", "submission-auth", "dns", "network",
    "tls", "routing-loop", "message-size", "expired", "tenant-config", "protocol",
    "remote-system",
};
inline constexpr std::string_view kPartyNames[party_count] = {
    "sender", "sender-admin", "recipient", "recipient-admin", "provider",
};

// Compares `a` lower-cased with `b`, which is lower case already.
inline int compare_lowered(std::string_view a, std::string_view b) noexcept {
  const std::size_t n = a.size() < b.size() ? a.size() : b.size();
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned char x = static_cast<unsigned char>(ascii_lower(a[i]));
    const unsigned char y = static_cast<unsigned char>(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

}  // namespace detail

MAILDIAG_FUNC std::string_view to_string(Category c) noexcept {
  const auto i = static_cast<std::size_t>(c);
  return i < category_count ? detail::kCategoryNames[i] : std::string_view("remote-system");
}

MAILDIAG_FUNC std::optional<Category> parse_category(std::string_view name) noexcept {
  for (std::size_t i = 0; i < category_count; ++i)
    if (detail::kCategoryNames[i] == name) return static_cast<Category>(i);
  return std::nullopt;
}

MAILDIAG_FUNC std::string_view to_string(Party p) noexcept {
  const auto i = static_cast<std::size_t>(p);
  return i < party_count ? detail::kPartyNames[i] : std::string_view("sender");
}

MAILDIAG_FUNC std::string_view list_item(std::size_t index) noexcept {
  constexpr std::size_t count = sizeof(detail::kListOffsets) / sizeof(detail::kListOffsets[0]) - 1;
  if (index >= count) return {};
  const std::uint32_t begin = detail::kListOffsets[index];
  return {detail::kListPool + begin, detail::kListOffsets[index + 1] - begin};
}

MAILDIAG_FUNC TableView<Entry> entries() noexcept {
  return {detail::kEntries, sizeof(detail::kEntries) / sizeof(detail::kEntries[0])};
}

MAILDIAG_FUNC const Entry* find_entry(std::string_view id) noexcept {
  for (const Entry& e : entries())
    if (e.id == id) return &e;
  return nullptr;
}

MAILDIAG_FUNC TableView<ProviderInfo> providers() noexcept {
  return {detail::kProviders, sizeof(detail::kProviders) / sizeof(detail::kProviders[0])};
}

MAILDIAG_FUNC const ProviderInfo* find_provider(std::string_view name) noexcept {
  const auto* first = std::begin(detail::kProviderAliases);
  std::size_t count = std::size(detail::kProviderAliases);
  while (count > 0) {
    const std::size_t half = count / 2;
    const int cmp = detail::compare_lowered(name, first[half].name);
    if (cmp == 0) return &detail::kProviders[first[half].provider];
    if (cmp > 0) {
      first += half + 1;
      count -= half + 1;
    } else {
      count = half;
    }
  }
  return nullptr;
}

}  // namespace kb
}  // namespace maildiag
