// The fields of a message/delivery-status body (RFC 3464 §2.1): one group of per-message
// fields, then one group per recipient, groups separated by blank lines.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "maildiag/config.hpp"

namespace maildiag {
namespace mime {

/// One group of fields; values unfolded, names as written.
struct FieldGroup {
  std::vector<std::pair<std::string, std::string>> fields;

  /// The first value of the field (ASCII case-insensitive name), or "" when absent.
  MAILDIAG_FUNC std::string_view get(std::string_view name) const noexcept;
  bool has(std::string_view name) const noexcept { return get(name).data() != nullptr && !get(name).empty(); }
};

struct DeliveryStatus {
  FieldGroup per_message;
  std::vector<FieldGroup> per_recipient;
};

/// Reads a delivery-status body (decoded text). Lenient where real reports are sloppy: groups
/// run together without a blank line are split at each new Final-Recipient or
/// Original-Recipient, and recipient fields inside the first group start a recipient group.
MAILDIAG_FUNC DeliveryStatus parse_delivery_status(std::string_view text);

}  // namespace mime
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/mime/delivery_status-inl.hpp"
#endif
