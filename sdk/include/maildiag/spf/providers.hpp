// Large senders' SPF includes, recognised by name (data: sdk/data/spf/providers.toml).
#pragma once

#include <string_view>

#include "maildiag/config.hpp"

namespace maildiag {
namespace spf {

struct Provider {
  std::string_view include;  // e.g. "spf.protection.outlook.com"
  std::string_view name;     // e.g. "Microsoft 365 (Exchange Online)"
  std::string_view note;     // what publishing the include means
};

/// The provider whose include domain is `domain` (any case, trailing dot allowed), or nullptr.
MAILDIAG_FUNC const Provider* find_provider(std::string_view domain) noexcept;

}  // namespace spf
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/spf/providers-inl.hpp"
#endif
