// check_host() (RFC 7208 §4-§8, §11): would mail from this IP pass SPF for this sender?
//
// Sans-IO: the evaluation reads DNS answers from a dns::Cache. When it needs one the cache does
// not hold, it stops and lists the questions in `pending`; the host answers them and calls it
// again (or use the Resolver overload, which runs that loop). Each call starts over from the
// cache, so the counted lookups, the trace and the result do not depend on how many calls it took.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/dns/answer.hpp"
#include "maildiag/dns/cache.hpp"
#include "maildiag/dns/outage.hpp"
#include "maildiag/dns/resolver.hpp"
#include "maildiag/finding.hpp"

namespace maildiag {
namespace spf {

enum class Result : std::uint8_t { none, neutral, pass, fail, softfail, temperror, permerror };

/// "none", "neutral", "pass", "fail", "softfail", "temperror", "permerror".
MAILDIAG_FUNC std::string_view to_string(Result r) noexcept;

struct Request {
  std::string ip;         // the SMTP client's address, IPv4 or IPv6 (IPv4-mapped is unmapped)
  std::string mail_from;  // MAIL FROM; empty for a bounce: then postmaster@HELO is checked
  std::string helo;       // HELO/EHLO name
  std::string receiver = "unknown";  // %{r}: the checking host's name
  std::uint64_t timestamp = 0;       // %{t}: seconds since the epoch
  /// Used when the result is fail and the record has no usable exp= (RFC 7208 §6.2).
  std::string default_explanation = "%{o} does not designate %{c} as a permitted sender";
};

/// A request argument that cannot be evaluated, as every face reports it before evaluating.
struct RequestError {
  enum class Field { ip, mail_from, helo };
  Field field;
  std::string message;
};

/// The first problem with the request's IP, or with the identity checked: the MAIL FROM address,
/// or the HELO name when MAIL FROM is empty (maildiag/argument_check.hpp); nullopt when none.
MAILDIAG_FUNC std::optional<RequestError> check_request(const Request& request);

/// The processing limits of RFC 7208 §4.6.4 (defaults as the RFC requires).
struct Limits {
  int dns_terms = 10;     // include, a, mx, ptr, exists, redirect
  int void_lookups = 2;   // answers with no records or NXDOMAIN
  int mx_names = 10;      // MX names per mx mechanism: more is a permerror
  int ptr_names = 10;     // PTR names examined per lookup: the rest are ignored
};

/// One DNS query the evaluation made, in order.
struct TraceEntry {
  dns::Question question;
  dns::Answer answer;
  std::string domain;  // the domain whose record was being evaluated
  std::string cause;   // "record", "exp", "%{p}", or the term, e.g. "include:_spf.example.com"
  int depth = 0;       // 0 for the checked domain, +1 per include/redirect
};

struct Evaluation {
  Result result = Result::none;
  std::string domain;          // the domain checked: the MAIL FROM domain, or the HELO name
  std::string sender;          // <sender> as used for macros: local-part@domain
  std::string explanation;     // only when result is fail
  /// The deciding terms from the checked domain down to the one that matched, e.g.
  /// {"include:_spf.example.com", "ip4:192.0.2.0/24"}; empty when no term matched.
  std::vector<std::string> matched_chain;
  std::string matched_term;    // the last entry of matched_chain
  std::string matched_domain;  // the domain whose record holds matched_term
  std::string reason;          // why: for errors, none and neutral, in plain words
  int dns_lookups = 0;         // terms counted against Limits::dns_terms
  int void_lookups = 0;
  std::vector<TraceEntry> trace;
  /// Set when no question got an answer: the temperror is the resolver's, not the domain's.
  std::optional<dns::Outage> dns_outage;
  std::vector<dns::Question> pending;  // answers needed before the result is final

  bool done() const noexcept { return pending.empty(); }
};

/// One pass over the cache. When `pending` is not empty the other fields are not final.
MAILDIAG_FUNC Evaluation check_host(const Request& request, const dns::Cache& cache,
                                    const Limits& limits = {});

/// The whole evaluation with a synchronous host; answers are added to `cache`.
MAILDIAG_FUNC Evaluation check_host(const Request& request, dns::Resolver& resolver,
                                    dns::Cache& cache, const Limits& limits = {});

}  // namespace spf
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/spf/check_host-inl.hpp"
#endif
