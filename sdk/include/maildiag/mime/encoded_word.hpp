// RFC 2047 encoded words in header fields ("=?ISO-2022-JP?B?GyRC...?=").
#pragma once

#include <string>
#include <string_view>

#include "maildiag/config.hpp"

namespace maildiag {
namespace mime {

/// `value` (an unfolded header field body) with every encoded word decoded and converted to
/// UTF-8. Whitespace between two adjacent encoded words is dropped (RFC 2047 §6.2); text that
/// is not an encoded word is kept, raw 8-bit bytes are read as UTF-8 (invalid ones replaced).
MAILDIAG_FUNC std::string decode_encoded_words(std::string_view value);

}  // namespace mime
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/mime/encoded_word-inl.hpp"
#endif
