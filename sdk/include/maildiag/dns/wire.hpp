// DNS messages on the wire (RFC 1035 §4): queries to send and answers to read, for hosts that
// talk to servers themselves (the native c-ares resolver). The reader is bounded: compression
// pointers may not loop, names stay within 255 bytes, and every length is checked against the
// message, so a malformed or hostile answer becomes an `error` Answer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "maildiag/config.hpp"
#include "maildiag/dns/answer.hpp"

namespace maildiag {
namespace dns {

/// A standard query with recursion desired, one question, class IN.
MAILDIAG_FUNC std::string build_query(const Question& question, std::uint16_t id);

/// Reads a response: RCODE 3 is nxdomain, 0 gives the records of the asked type in the answer
/// section (following CNAMEs is the server's job) or nodata, other RCODEs and truncated or
/// malformed messages are errors.
MAILDIAG_FUNC Answer parse_response(std::string_view message, RecordType asked);

}  // namespace dns
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/dns/wire-inl.hpp"
#endif
