// Content-Type values (RFC 2045 §5.1) with their parameters, including RFC 2231 continuations
// and charset-tagged values ("filename*=UTF-8''%E2%82%AC", "boundary*0=...; boundary*1=...").
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "maildiag/config.hpp"

namespace maildiag {
namespace mime {

struct ContentType {
  std::string type = "text";     // lowercase
  std::string subtype = "plain"; // lowercase
  std::vector<std::pair<std::string, std::string>> parameters;  // names lowercase, values decoded

  /// The parameter's value, or "" when absent.
  MAILDIAG_FUNC std::string_view parameter(std::string_view name) const noexcept;
  bool is(std::string_view t, std::string_view s) const noexcept { return type == t && subtype == s; }
  bool is_multipart() const noexcept { return type == "multipart"; }
};

/// Parses a Content-Type field value (unfolded). An empty or unreadable value gives the
/// RFC 2045 §5.2 default, text/plain; charset=us-ascii.
MAILDIAG_FUNC ContentType parse_content_type(std::string_view value);

}  // namespace mime
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/mime/content_type-inl.hpp"
#endif
