// What a bounce says, per message and per recipient: the result of ndr::parse().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/finding.hpp"
#include "maildiag/ndr/reason.hpp"

namespace maildiag {
namespace ndr {

/// What kind of message it is: a failure report, a delay warning, a complaint (ARF), an
/// automatic reply, a success notification, or none of these.
enum class Kind : std::uint8_t { bounce, delay, feedback, auto_reply, delivered, not_a_report };

/// "bounce", "delay", "feedback", "auto-reply", "delivered", "not-a-report".
constexpr std::string_view to_string(Kind k) noexcept {
  switch (k) {
    case Kind::bounce: return "bounce";
    case Kind::delay: return "delay";
    case Kind::feedback: return "feedback";
    case Kind::auto_reply: return "auto-reply";
    case Kind::delivered: return "delivered";
    case Kind::not_a_report: return "not-a-report";
  }
  return "not-a-report";
}

/// The knowledge-base entry that explains a recipient's failure and how to fix it.
struct Diagnosis {
  std::string id;                     // knowledge-base entry id, e.g. "ms.5.1.1-bad-mailbox"
  std::string title;
  std::string category;               // knowledge-base category, e.g. "recipient_address"
  std::vector<std::string> who_acts;  // parties: sender, sender_admin, recipient, ...
  std::vector<std::string> fixes;
};

struct Recipient {
  std::string address;
  std::string action;        // RFC 3464: failed, delayed, delivered, relayed, expanded
  std::string status;        // enhanced status code, given or inferred ("5.0.911")
  std::string reply_code;    // SMTP reply code ("550"), "" when none
  std::string diagnostic;    // the remote server's text, unwrapped
  std::string remote_mta;
  std::string smtp_command;  // CONN, HELO, EHLO, MAIL, RCPT, DATA, "" when unknown
  Reason reason = Reason::undefined;
  bool hard_bounce = false;
  std::string feedback_type; // ARF Feedback-Type for complaint reports
  std::optional<Diagnosis> diagnosis;
};

/// The returned original message, when the report carries it (or its headers).
struct Original {
  std::string message_id;
  std::string from;
  std::string to;
  std::string subject;
};

struct Report {
  std::string source;        // where the message came from (file name, mbox offset), set by callers
  Kind kind = Kind::not_a_report;
  std::string format;        // which layout was decoded: "rfc3464", "postfix", "office365", ...
  std::string reporting_mta;
  std::string arrival_date;
  Original original;
  std::vector<Recipient> recipients;
  std::vector<Finding> findings;
  bool partial = false;      // a parsing limit was hit; see findings
};

}  // namespace ndr
}  // namespace maildiag
