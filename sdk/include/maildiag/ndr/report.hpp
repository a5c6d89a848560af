// What a bounce says, per message and per recipient: the result of ndr::parse().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/finding.hpp"
#include "maildiag/kb/diagnose.hpp"
#include "maildiag/ndr/reason.hpp"
#include "maildiag/status_code.hpp"

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

/// What the report says happened to a recipient (RFC 3464 section 2.3.3), or `none` when it
/// does not say.
enum class Action : std::uint8_t { none, failed, delayed, delivered, relayed, expanded };

/// "", "failed", "delayed", "delivered", "relayed", "expanded".
constexpr std::string_view to_string(Action a) noexcept {
  switch (a) {
    case Action::none: return "";
    case Action::failed: return "failed";
    case Action::delayed: return "delayed";
    case Action::delivered: return "delivered";
    case Action::relayed: return "relayed";
    case Action::expanded: return "expanded";
  }
  return "";
}

struct Recipient {
  std::string address;
  Action action = Action::none;
  /// The enhanced status code the bounce gave (its Status field or the server's text); absent
  /// when it gave none.
  std::optional<EnhancedStatus> status;
  /// Without `status`: the registered code that stands for the reason maildiag found (5.1.1 for
  /// an unknown user, 4.4.7 for an expired delay). Never a private code; absent with `status`.
  std::optional<EnhancedStatus> status_inferred;
  std::optional<std::uint16_t> reply_code;  // the SMTP reply code the server gave
  std::string diagnostic;    // the remote server's text, unwrapped
  std::string remote_mta;
  std::string smtp_command;  // CONN, HELO, EHLO, MAIL, RCPT, DATA, "" when unknown
  /// The reason, in the shared vocabulary: the diagnosis entry's reason, or feedback, vacation
  /// or delivered for reports that are not failures.
  Reason reason = Reason::undefined;
  bool hard_bounce = false;
  std::string feedback_type; // ARF Feedback-Type for complaint reports
  /// The knowledge-base diagnosis of a failure, with its confidence and evidence; its spans
  /// point into `diagnostic`. Absent for feedback, auto-replies and deliveries.
  std::optional<kb::Diagnosis> diagnosis;
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
