// Content-Transfer-Encoding decoding (RFC 2045 §6): base64 and quoted-printable.
//
// Both decoders are lenient in the way real bounces need: characters outside the alphabet are
// skipped, broken padding ends the data, a "=" not followed by two hex digits is kept as is.
#pragma once

#include <string>
#include <string_view>

#include "maildiag/config.hpp"

namespace maildiag {
namespace mime {

/// Appends the bytes encoded in base64 `text` to `out` (RFC 2045 §6.8).
MAILDIAG_FUNC void decode_base64(std::string_view text, std::string& out);

/// Appends the bytes encoded in quoted-printable `text` to `out` (RFC 2045 §6.7). With
/// `header` set, "_" means a space (the Q encoding of RFC 2047 §4.2).
MAILDIAG_FUNC void decode_quoted_printable(std::string_view text, std::string& out,
                                           bool header = false);

/// Decodes `body` according to a Content-Transfer-Encoding value; 7bit, 8bit, binary and
/// unknown encodings are copied unchanged.
MAILDIAG_FUNC void decode_transfer_encoding(std::string_view body, std::string_view encoding,
                                            std::string& out);

}  // namespace mime
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/mime/transfer_encoding-inl.hpp"
#endif
