// Charset conversion to UTF-8.
//
// Bounces from Japanese carriers come in ISO-2022-JP, Shift_JIS or EUC-JP, European ones in
// ISO-8859-x or Windows-125x. maildiag decodes them itself, from tables generated at build time
// out of Python's codecs (scripts/gen_charsets.py), so that native and WebAssembly builds read
// mail alike and the bundle carries no C library converter tables. Charsets read:
//   UTF-8 and US-ASCII (well-formed UTF-8 kept), ISO-8859-1 to -16, Windows-1250 to -1258,
//   KOI8-R, KOI8-U, Shift_JIS and Windows-31J (CP932, with the NEC and IBM extensions and the
//   user-defined area), EUC-JP (JIS X 0212 characters become U+FFFD), ISO-2022-JP (RFC 1468,
//   plus JIS X 0201 katakana; the other sets of ISO-2022-JP-2 become U+FFFD), UTF-16 and UTF-32
//   (RFC 2781: BOM, else big-endian; or -BE/-LE).
// Labels match ignoring case and punctuation ("ISO_8859-1" = "iso8859-1" = "latin1"), with the
// usual aliases ("cp1252", "x-sjis", "ms932", "csISO2022JP", "ujis", ...). Not included, and so
// unknown: the Chinese and Korean charsets (GB2312, GBK, GB18030, Big5, EUC-KR), UTF-7 and the
// DOS and Mac code pages.
#pragma once

#include <string>
#include <string_view>

#include "maildiag/config.hpp"

namespace maildiag {
namespace mime {

/// `bytes` in `charset` converted to UTF-8 and appended to `out`. Unknown charsets and invalid
/// sequences never fail: bytes that cannot be converted become U+FFFD (a bad two-byte sequence
/// whose second byte is ASCII gives U+FFFD and that ASCII character). Returns false when the
/// charset was unknown (the text is then read as Latin-1 for bytes >= 0x80), true otherwise;
/// pure-ASCII text in an ASCII-compatible charset is taken as it is even when the name is
/// unknown. Linear time, no allocation beyond `out`.
MAILDIAG_FUNC bool to_utf8(std::string_view bytes, std::string_view charset, std::string& out);

/// True for names of charsets whose ASCII range is plain ASCII and that need no conversion for
/// pure-ASCII text: everything but ISO-2022-JP, UTF-16 and UTF-32 under any of their labels,
/// and, among unknown names, the iso-2022*, utf-7*, ucs-* and hz-* families.
MAILDIAG_FUNC bool ascii_compatible(std::string_view charset) noexcept;

}  // namespace mime
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/mime/charset-inl.hpp"
#endif
