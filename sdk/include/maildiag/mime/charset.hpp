// Charset conversion to UTF-8.
//
// Bounces from Japanese carriers come in ISO-2022-JP, Shift_JIS or EUC-JP, European ones in
// ISO-8859-x or Windows-125x. Conversion uses the C library's iconv (glibc natively, musl's in
// the WebAssembly build); US-ASCII and UTF-8 input is passed through without a converter.
#pragma once

#include <string>
#include <string_view>

#include "maildiag/config.hpp"

namespace maildiag {
namespace mime {

/// `bytes` in `charset` converted to UTF-8. Unknown charsets and invalid sequences never fail:
/// bytes that cannot be converted become U+FFFD. Returns false when the charset was unknown
/// (the text is then read as Latin-1 for bytes >= 0x80), true otherwise.
MAILDIAG_FUNC bool to_utf8(std::string_view bytes, std::string_view charset, std::string& out);

/// True for names of charsets whose ASCII range is plain ASCII and that need no conversion for
/// pure-ASCII text (everything but the ISO-2022 and UTF-16/32 families).
MAILDIAG_FUNC bool ascii_compatible(std::string_view charset) noexcept;

}  // namespace mime
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/mime/charset-inl.hpp"
#endif
