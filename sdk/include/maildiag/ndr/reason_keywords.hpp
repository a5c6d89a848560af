// Keyword tables, one per bounce reason: phrases that remote servers and mail systems write
// when they mean that reason. Lowercase; matched as substrings of the lowercased text. The
// tables are listed in priority order: when phrases of several reasons occur in one text, the
// reason listed first wins (a "mailbox full" text that also says "rejected" is about the
// mailbox). Maintained as data: add a phrase to the reason it proves, never a whole sample.
#pragma once

#include <string_view>

#include "maildiag/ndr/reason.hpp"

namespace maildiag {
namespace ndr {

struct ReasonKeywords {
  Reason reason;
  const std::string_view* phrases;
  std::size_t count;
};

namespace keywords {

inline constexpr std::string_view mailboxfull[] = {
    "mailbox full", "mailbox is full", "mailbox has exceeded", "mailbox size limit",
    "mailbox quota", "quota exceeded", "quota exceed", "over quota", "overquota",
    "exceeded storage allocation", "exceeds storage", "insufficient disk space in mailbox",
    "user has exceeded", "disk quota", "mailbox exceeds", "mailfolder is full",
    "is over its quota", "over the allowed quota", "account is full", "inbox is full",
    "quota full", "recipient's mailbox is full", "mailbox is over quota", "would exceed quota",
    "mailbox would exceed", "exceeded its quota", "exceeded their storage", "out of storage",
    "mail box full", "box is full", "maildir over quota", "too much mail data",
    "not enough storage space", "user is over quota", "has exceeded its storage quota",
    "full mailbox", "mailbox not available, quota", "quota violation", "mailbox storage full",
    "storage quota", "exceed mailbox quota", "the user's mailbox is full",
};
inline constexpr std::string_view emailtoolarge[] = {
    "message too large", "message too big", "message is too big", "message is too large",
    "message size exceeds", "message exceeds the maximum", "exceeds size limit",
    "size limit exceeded", "message size limit", "exceeds maximum message size",
    "mail too large", "email too large", "size exceeds", "message length exceeds",
    "exceeded maximum allowed size", "larger than the current system limit",
    "message file too big", "exceeds the maximum size", "too big for system",
    "message size larger than", "data size exceeds", "message exceeded", "size of the message",
    "too much data", "message is larger than", "exceeds the fixed maximum", "size too big",
    "rejected: message size",
};
inline constexpr std::string_view suspend[] = {
    "account that you tried to reach is disabled", "tried to reach is disabled",
    "account disabled", "account has been disabled", "account is disabled",
    "mailbox disabled", "mailbox is disabled", "mailbox has been disabled",
    "account suspended", "account has been suspended", "account is suspended",
    "suspended account", "mailbox is inactive", "mailbox inactive", "account inactive",
    "account is inactive", "account has been deactivated", "account is locked",
    "account has been locked", "account is not active", "mailbox currently suspended",
    "recipient suspended", "mailbox unavailable or suspended", "this account has been frozen",
    "user suspended", "user account disabled", "recipient address is inactive",
    "account blocked", "mailbox is frozen", "boite du destinataire archivee",
    "has been temporarily suspended", "is currently suspended", "deactivated mailbox",
};
inline constexpr std::string_view hasmoved[] = {
    "address has moved", "user has moved", "mailbox has moved", "no longer at this address",
    "has moved to", "changed to a new address", "is no longer valid. please use",
    "recipient has moved", "moved to a new email address",
};
inline constexpr std::string_view norelaying[] = {
    "not configured to relay", "insecure mail relay",
    "relay access denied", "relaying denied", "relay denied", "relay not permitted",
    "relaying not allowed", "not permitted to relay", "unable to relay", "relay not allowed",
    "we do not relay", "no relaying", "relaying mail to", "is not permitted to relay",
    "relay prohibited", "not a gateway", "not local host", "relay rejected",
    "cannot relay", "relaying is prohibited", "sorry, that domain isn't in my list of allowed rcpthosts",
    "that domain isn't in my list of allowed rcpthosts",
};
inline constexpr std::string_view authfailure[] = {
    "spf check failed", "spf fail", "spf validation", "failed spf", "spf: fail", "spf=fail",
    "does not pass dmarc", "dmarc policy", "dmarc verification", "dmarc check failed",
    "failed dmarc", "dmarc validation", "dmarc=fail", "unauthenticated email",
    "dkim signature", "dkim=fail", "dkim check failed", "failed dkim", "dkim validation",
    "is not allowed to send mail from", "is not designated to send", "sender policy framework",
    "not authorized by sender domain", "authentication failed for sender",
    "sender authentication", "is not authorized to send on behalf", "spf record",
    "message does not pass authentication", "authentication checks failed",
    "5.7.26", "4.7.26", "does not have a valid spf",
};
inline constexpr std::string_view requireptr[] = {
    "unverifyable sending ip", "unverifiable sending ip",
    "dns ptr", "ptr resource record", "bad reverse",
    "no ptr record", "ptr record", "reverse dns", "reverse lookup", "rdns",
    "cannot find your hostname", "cannot resolve your address", "cannot resolve your hostname",
    "client host rejected: cannot find your", "unresolvable hostname",
    "does not have a reverse", "no reverse", "reverse mapping", "reverse-dns",
    "ip name lookup failed", "unable to resolve your", "forward-confirmed",
    "connection rejected by policy", "your hostname does not match your ip",
    "invalid hostname", "hostname lookup failed",
};
inline constexpr std::string_view badreputation[] = {
    "bad reputation", "poor reputation", "low reputation", "ip reputation",
    "sender reputation", "reputation of your", "reputation is too low", "domain reputation",
    "sending ip has a poor", "envelope sender reputation",
};
inline constexpr std::string_view virusdetected[] = {
    "virus detected", "virus found", "contains a virus", "infected with",
    "virus", "malware", "infected", "trojan", "malicious content", "message contains malicious",
};
inline constexpr std::string_view spamdetected[] = {
    "spam detected", "detected as spam", "identified as spam",
    "blacklisted url",
    "spam", "junk mail", "bulk mail", "unsolicited", "message content rejected",
    "content filter rejection", "message scored too high", "rejected as junk",
    "considered unsolicited", "looks like spam", "blocked by anti-spam",
    "message was classified as", "suspicious content", "detected as bulk", "uce", "ube",
    "unwanted message", "message filtered", "rejected due to content",
    "our system has detected that this message is",
};
inline constexpr std::string_view policyviolation[] = {
    "content presents a potential",
    "denied by policy",
    "policy violation", "violates our policy", "violation of our policy", "against our policy",
    "email policy", "prohibited attachment", "attachment not allowed", "attachments are not allowed",
    "banned attachment", "banned content", "message contains a banned", "blocked by policy",
    "rejected by policy", "restricted attachment", "transport rule", "message policy",
    "not allowed to receive messages from", "local policy", "policy reasons",
    "by the recipient's organisation", "delivery not authorized",
};
inline constexpr std::string_view userunknown[] = {
    "recipient address rejected.", "ディレクトリには見つかりません",
    "ディレクトリのリストにありません", "not listed in the domino directory",
    "user unknown", "unknown user", "no such user", "no such mailbox", "no such recipient",
    "no such address", "no such account", "unknown recipient", "recipient unknown",
    "invalid recipient", "recipient invalid", "recipient address rejected: user unknown",
    "user does not exist", "user doesn't exist", "user not found", "mailbox not found",
    "mailbox unavailable", "mailbox does not exist", "mailbox doesn't exist",
    "address does not exist", "address doesn't exist", "address not found",
    "does not exist here", "doesn't have a ", "not a valid mailbox", "unknown mailbox",
    "recipient not found", "recipient does not exist",
    "unknown local part", "unknown address", "invalid mailbox", "mailbox name not allowed",
    "no mailbox here", "user not known", "unknown or illegal alias", "not listed in domino directory",
    "not our customer", "resolver.adr.recipnotfound", "recipnotfound", "recipient not recognized",
    "unroutable address", "no mailbox by that name",
    "bad destination mailbox", "destination mailbox address invalid",
    "invalid address", "email address could not be found", "email account that you tried to reach does not exist",
    "this user doesn't have", "user is unknown", "said: 550 5.1.1", "no valid recipients",
    "address unknown", "is not a valid", "mail receiving disabled", "account does not exist",
    "account doesn't exist", "no account by that name", "unknown account", "user invalid",
    "recipient address rejected: access denied", "recipient address rejected: invalid user",
    "this recipient is not", "not a known user", "no such local user", "no such person",
    "delivery error: dd this user doesn't have", "mailbox is not available",
    "user reject", "recipient is not local", "address is not valid", "unknown user account",
    "sorry, no mailbox here by that name", "undeliverable address", "couldn't be found",
    "wasn't found at", "could not be found",
};
inline constexpr std::string_view hostunknown[] = {
    "unrouteable address", "unroutable domain",
    "dns lookup failure", "couldn't find any host named",
    "host unknown", "unknown host", "host not found", "domain not found", "no such domain",
    "domain does not exist", "domain doesn't exist", "name or service not known",
    "host or domain name not found", "unrouteable mail domain", "nxdomain",
    "domain name not found", "unknown domain", "mx lookup", "dns lookup failed",
    "recipient domain not found", "no route to domain", "domain is not", "invalid domain",
    "domain does not accept mail", "could not resolve", "name server: host not found",
    "illegal host/domain name found", "unresolvable domain", "all relevant mx records point to non-existent hosts",
    "no valid mx", "domain not valid",
};
inline constexpr std::string_view ratelimited[] = {
    "rate limit", "ratelimit", "rate-limit", "too many messages", "too many connections",
    "too many recipients", "sending too fast", "too many emails", "exceeded the rate",
    "throttl", "sending rate", "message rate", "connection rate", "too many concurrent",
    "try again later, closing connection", "too fast", "exceeded the maximum number of",
    "too many sessions", "too many errors", "hourly sending limit", "daily sending limit",
    "has exceeded the limit", "exceeds the hourly", "temporarily deferred due to user complaints",
};
inline constexpr std::string_view blocked[] = {
    "relay quota",
    "refused to talk to me",
    "unfortunately, messages from", "blocked using", "blocked by spamhaus", "listed on spamhaus",
    "smtp server of your isp", "invalid ip for sending", "ip name lookup failed",
    "blocked", "blacklist", "black list", "blocklist", "block list", "dnsbl", "rbl",
    "spamhaus", "spamcop", "barracuda", "listed at", "listed in", "listed on",
    "client host rejected", "ip address rejected",
    "your ip", "your host", "service unavailable; client host", "rejected because of ip",
    "not allowed to connect", "mail from your ip", "denied by", "refused by",
    "banned", "ip has been", "host is not allowed", "has been temporarily blocked",
    "too many bad", "sending mta's poor reputation", "rejected due to", "poor ip",
    "is on a block", "sorbs", "cbl", "relay access denied",
};
inline constexpr std::string_view rejected[] = {
    "not a member of this mailing list", "you are not a member",
    "access denied",
    "not have permission to post", "permission to post messages",
    "sender rejected", "sender address rejected", "sender denied", "sender blocked",
    "domain of sender address", "sender domain", "sender verify failed",
    "sender verification", "invalid sender", "unknown sender", "from address rejected",
    "sender is not allowed", "envelope sender", "mail from rejected", "return path",
    "bad sender", "sender address is", "your address", "address blocked",
    "rejected by the recipient", "recipient has rejected", "rejected your message",
    "not accepting mail from", "does not accept mail from", "your email address has been",
    "mail from address", "you are not allowed to send", "sender not authorized",
    "we do not accept mail from", "sender address blacklisted", "returned mail: sender",
    "domain of sender", "has been rejected", "message rejected", "rejected the message",
    "refused to accept", "was rejected",
};
inline constexpr std::string_view filtered[] = {
    "due to recipient's filter", "filtered", "because of filter", "refused by the recipient",
    "rejected by recipient", "user refuses", "recipient refuses", "does not accept",
    "not accept any email", "message is not accepted", "delivery not allowed",
    "mail to this recipient is not allowed", "blocked by recipient", "recipient's preferences",
    "rejected by user", "refused by user", "the user has chosen not to receive",
    "bounced due to", "domain of recipient address not allowed", "unsubscribed",
};
inline constexpr std::string_view notcompliantrfc[] = {
    "multiple addresses in from",
    "rfc 5322", "rfc5322", "rfc 2822", "rfc2822", "rfc 822", "rfc822 ",
    "not rfc compliant", "non-compliant", "message-id header", "multiple from",
    "is not rfc", "headers are not", "missing required header",
    "invalid header", "header line too long", "bare lf", "bare line feed",
};
inline constexpr std::string_view contenterror[] = {
    "duplicate header",
    "content error", "content rejected", "improper mime", "invalid mime", "mime error",
    "malformed message", "message header error", "message headers", "charset",
    "8-bit", "8bit", "illegal character", "encoding", "message content", "content type",
    "media not supported",
};
inline constexpr std::string_view syntaxerror[] = {
    "incorrectly constructed",
    "syntax error", "command unrecognized", "command not recognized", "unrecognized command",
    "bad sequence of commands", "command not implemented", "invalid command",
    "line too long", "parameter not implemented",
};
inline constexpr std::string_view failedstarttls[] = {
    "starttls", "tls required", "requires tls", "must issue a starttls", "tls handshake",
    "encryption required", "ssl handshake", "tls negotiation failed", "certificate verify failed",
};
inline constexpr std::string_view securityerror[] = {
    "authentication required", "authentication failed", "authentication failure",
    "authentication is required", "auth failed", "submission requires", "insecure",
    "security policy", "credentials", "invalid credentials", "password", "login failed",
    "must be authenticated", "smtp auth", "sender is not authenticated",
    "not authenticated", "unauthorized", "permission denied",
};
inline constexpr std::string_view systemfull[] = {
    "mail system full", "system full", "insufficient system storage", "disk full",
    "no space left", "out of disk", "insufficient storage", "mail queue is full",
    "mailbox server storage", "file system full", "server is full",
};
inline constexpr std::string_view notaccept[] = {
    "no mx found", "couldn't find a mail exchanger", "no mx record",
   
    "does not accept mail", "doesn't accept mail", "accepts no mail", "null mx",
    "not accepting mail", "not accepting network messages", "mail service is not available",
    "this domain does not receive", "domain does not receive", "no mail service",
    "host does not accept mail", "mail is not accepted", "refusing mail",
};
inline constexpr std::string_view networkerror[] = {
    "host not found, try again", "name service error",
    "network error", "network is unreachable", "no route to host",
    "connection reset", "connection closed", "lost connection",
    "routing loop", "mail loop", "too many hops", "loops back to myself",
    "hop count exceeded", "unable to connect", "could not connect", "connection dropped",
    "name service error", "temporary lookup failure", "dns error", "dns failure",
    "host not responding", "broken pipe", "read error", "write error", "tls connection", "dns query failed",
};
inline constexpr std::string_view expired[] = {
    "attempts",
    "could not deliver for the last",
    "host not reachable",
    "have been failing for a long time", "was aborted after", "failing for a long time",
    "did not accept our requests to connect", "connection timed out", "timed out", "timeout", "envelope expired", "retry timeout exceeded", "delivery retry timeout",
    "delivery time expired", "message expired", "queue time expired", "expired", "retry time",
    "could not be delivered for", "was not delivered within", "giving up",
    "retry timeout exceeded", "delivery attempts will continue", "message timed out",
    "has been delayed", "unable to deliver for", "maximum time", "gave up",
    "undeliverable for", "is still undeliverable", "not yet been delivered",
    "delivery has been delayed", "time limit", "too long in queue", "in the queue for too long",
    "deferred", "could not be delivered within",
};
inline constexpr std::string_view systemerror[] = {
    "service currently unavailable",
    "system error", "internal error", "server error", "local error in processing",
    "temporary failure", "temporary error", "service not available", "server configuration",
    "configuration error", "system is not configured", "too many recipients",
    "mail system problem", "service temporarily unavailable", "system failure",
    "internal server error", "unexpected error", "delivery failure", "try again later",
    "misconfigured", "not configured",
};
inline constexpr std::string_view mailererror[] = {
    "pipe to |",
    "mailer error", "x-unix", "procmail", "command died", "exit status", "pipe to",
    "program exited", "unknown mailer error", "unable to execute", "command failed",
    "mail delivery agent", "mailer-daemon error", "exited with", "exit code",
};
inline constexpr std::string_view suppressed[] = {
    "suppression list", "suppressed", "on the suppression", "address is on the account-level",
};
inline constexpr std::string_view onhold[] = {
    "on hold",
};

}  // namespace keywords

#define MAILDIAG_NDR_KEYWORDS(name) \
  ReasonKeywords { Reason::name, keywords::name, sizeof(keywords::name) / sizeof(keywords::name[0]) }

/// All tables, in priority order.
inline constexpr ReasonKeywords reason_keyword_tables[] = {
    MAILDIAG_NDR_KEYWORDS(mailboxfull),     MAILDIAG_NDR_KEYWORDS(emailtoolarge),
    MAILDIAG_NDR_KEYWORDS(suspend),         MAILDIAG_NDR_KEYWORDS(hasmoved),
    MAILDIAG_NDR_KEYWORDS(norelaying),      MAILDIAG_NDR_KEYWORDS(authfailure),
    MAILDIAG_NDR_KEYWORDS(requireptr),      MAILDIAG_NDR_KEYWORDS(badreputation),
    MAILDIAG_NDR_KEYWORDS(virusdetected),   MAILDIAG_NDR_KEYWORDS(suppressed),
    MAILDIAG_NDR_KEYWORDS(userunknown),     MAILDIAG_NDR_KEYWORDS(notaccept),
    MAILDIAG_NDR_KEYWORDS(hostunknown),     MAILDIAG_NDR_KEYWORDS(blocked),
    MAILDIAG_NDR_KEYWORDS(spamdetected),    MAILDIAG_NDR_KEYWORDS(policyviolation),
    MAILDIAG_NDR_KEYWORDS(ratelimited),     MAILDIAG_NDR_KEYWORDS(rejected),
    MAILDIAG_NDR_KEYWORDS(filtered),        MAILDIAG_NDR_KEYWORDS(notcompliantrfc),
    MAILDIAG_NDR_KEYWORDS(failedstarttls),  MAILDIAG_NDR_KEYWORDS(syntaxerror),
    MAILDIAG_NDR_KEYWORDS(securityerror),   MAILDIAG_NDR_KEYWORDS(systemfull),
    MAILDIAG_NDR_KEYWORDS(contenterror),    MAILDIAG_NDR_KEYWORDS(mailererror),
    MAILDIAG_NDR_KEYWORDS(networkerror),    MAILDIAG_NDR_KEYWORDS(expired),
    MAILDIAG_NDR_KEYWORDS(systemerror),     MAILDIAG_NDR_KEYWORDS(onhold),
};

#undef MAILDIAG_NDR_KEYWORDS

}  // namespace ndr
}  // namespace maildiag
