// Bounce decoding: one message (whole, or a pasted body without headers) in, a Report out.
//
// One pipeline serves every layout. The MIME layer finds the parts; machine-readable parts
// (message/delivery-status, message/feedback-report) give recipients and fields directly; the
// human-readable text gives what they lack (the remote server's words, the recipients of
// formats without a delivery-status part: Exim, qmail, Gmail, Exchange, ...). Each recipient's
// reason comes from its status code and text (ndr/reason.hpp); the layout is named from
// signatures (ndr/format.hpp).
#pragma once

#include <string_view>

#include "maildiag/config.hpp"
#include "maildiag/mime/header.hpp"
#include "maildiag/ndr/report.hpp"

namespace maildiag {
namespace ndr {

struct ParseOptions {
  mime::Limits limits;
};

/// Decodes one message. Never throws for any input; limits hit mark the report partial.
MAILDIAG_FUNC Report parse(std::string_view message, const ParseOptions& options = {});

}  // namespace ndr
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/ndr/parser-inl.hpp"
#endif
