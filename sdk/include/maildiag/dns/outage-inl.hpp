#pragma once

#include "maildiag/dns/outage.hpp"

namespace maildiag {
namespace dns {

MAILDIAG_FUNC std::optional<Outage> find_outage(const Cache& cache) {
  std::size_t timeouts = 0, errors = 0;
  const Answer* first_timeout = nullptr;
  const Answer* first_error = nullptr;
  for (const auto& entry : cache.entries()) {
    const Answer& a = entry.second;
    if (!a.is_failure()) return std::nullopt;
    if (a.kind == AnswerKind::timeout) {
      if (!timeouts++) first_timeout = &a;
    } else if (!errors++) {
      first_error = &a;
    }
  }
  if (timeouts + errors == 0) return std::nullopt;
  const Answer& typical = timeouts >= errors ? *first_timeout : *first_error;
  return Outage{typical.kind, typical.error, timeouts + errors};
}

MAILDIAG_FUNC Finding outage_finding(const Outage& outage) {
  std::string why = outage.error.empty() ? std::string(to_string(outage.kind)) : outage.error;
  Finding f;
  f.code = "dns.unreachable";
  f.severity = Severity::error;
  f.message = "Could not reach DNS (" + why + "): nothing was checked. " +
              (outage.failed_questions == 1
                   ? std::string("The one question asked got no answer")
                   : "None of the " + std::to_string(outage.failed_questions) +
                         " questions asked got an answer") +
              ", so this says nothing about the domain.";
  f.fix = "Check the network connection and the DNS server in use, then try again. If other "
          "domains resolve and only this one fails, its name servers are not answering.";
  return f;
}

}  // namespace dns
}  // namespace maildiag
