// Naming the layout of a bounce ("postfix", "office365", "exim", ...) from signatures: header
// fields and phrases each mail system writes. The table is data, checked in order.
#pragma once

#include <string_view>

#include "maildiag/config.hpp"
#include <optional>

#include "maildiag/mime/header.hpp"
#include "maildiag/ndr/reason.hpp"

namespace maildiag {
namespace ndr {

/// The name of the mail system that wrote the report, or "" when no signature matches.
/// `headers` are the report's own header section, `text` its human-readable text (any case).
MAILDIAG_FUNC std::string_view detect_format(const mime::HeaderSection& headers,
                                             std::string_view text);

/// The reason a layout stands for when its text names none (a Google Groups bounce is the
/// group refusing the sender: rejected), or nullopt.
MAILDIAG_FUNC std::optional<Reason> format_default_reason(std::string_view format) noexcept;

}  // namespace ndr
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/ndr/format-inl.hpp"
#endif
