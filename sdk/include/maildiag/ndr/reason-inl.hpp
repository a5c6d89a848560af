#pragma once

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

#include "maildiag/mime/text.hpp"
#include "maildiag/ndr/reason.hpp"
#include "maildiag/ndr/phrase_set.hpp"
#include "maildiag/ndr/reason_keywords.hpp"

namespace maildiag {
namespace ndr {
namespace reason_detail {

struct ReasonInfo {
  Reason reason;
  std::string_view name;
  std::uint16_t inferred_detail;  // x.0.<detail> when a bounce carries no code
  std::string_view description;
};

inline constexpr ReasonInfo reason_info[] = {
    {Reason::undefined, "undefined", 900, "The reason could not be determined from the bounce."},
    {Reason::userunknown, "userunknown", 911, "The recipient's mailbox (the part before @) does not exist."},
    {Reason::hostunknown, "hostunknown", 912, "The recipient's domain does not exist or has no mail server."},
    {Reason::hasmoved, "hasmoved", 916, "The recipient's mailbox has moved and mail is not forwarded."},
    {Reason::suspend, "suspend", 921, "The recipient's account is disabled or suspended."},
    {Reason::mailboxfull, "mailboxfull", 922, "The recipient's mailbox is full."},
    {Reason::systemfull, "systemfull", 931, "The destination mail server is out of storage."},
    {Reason::mailererror, "mailererror", 939, "A local delivery program on the destination failed."},
    {Reason::emailtoolarge, "emailtoolarge", 934, "The message is larger than the destination accepts."},
    {Reason::rejected, "rejected", 918, "The destination refused the sender (envelope from or its domain)."},
    {Reason::blocked, "blocked", 971, "The destination refused the sending server's IP address or host name."},
    {Reason::authfailure, "authfailure", 926, "The message failed SPF, DKIM or DMARC checks."},
    {Reason::badreputation, "badreputation", 975, "The sending IP address or domain has a poor reputation."},
    {Reason::requireptr, "requireptr", 973, "The sending server's IP address has no valid reverse DNS (PTR)."},
    {Reason::notcompliantrfc, "notcompliantrfc", 974, "The message does not comply with the mail format RFCs."},
    {Reason::policyviolation, "policyviolation", 972, "The message violates a policy of the destination."},
    {Reason::securityerror, "securityerror", 970, "A security requirement (authentication, encryption) was not met."},
    {Reason::norelaying, "norelaying", 909, "The server refused to relay the message to the recipient's domain."},
    {Reason::filtered, "filtered", 910, "The recipient (or their filter) refused the message."},
    {Reason::contenterror, "contenterror", 960, "The message's content or format was refused."},
    {Reason::spamdetected, "spamdetected", 980, "The destination's spam filter refused the message."},
    {Reason::virusdetected, "virusdetected", 981, "The destination found a virus or malware in the message."},
    {Reason::expired, "expired", 947, "Delivery was retried until the queue lifetime ran out."},
    {Reason::networkerror, "networkerror", 944, "A network or DNS problem prevented delivery."},
    {Reason::notaccept, "notaccept", 932, "The destination accepts no mail at all (null MX, no service)."},
    {Reason::systemerror, "systemerror", 930, "The destination mail system had an error or is misconfigured."},
    {Reason::ratelimited, "ratelimited", 946, "Too many messages or connections: the destination throttles."},
    {Reason::syntaxerror, "syntaxerror", 902, "An SMTP command had a syntax error."},
    {Reason::failedstarttls, "failedstarttls", 976, "TLS (STARTTLS) was required or failed."},
    {Reason::suppressed, "suppressed", 903, "The sending service did not try: the address is on a suppression list."},
    {Reason::feedback, "feedback", 0, "A complaint or feedback report (RFC 5965), not a bounce."},
    {Reason::vacation, "vacation", 0, "An automatic reply (out of office, RFC 3834), not a bounce."},
    {Reason::delivered, "delivered", 0, "The message was delivered (a success notification)."},
    {Reason::onhold, "onhold", 901, "The bounce says too little to tell the reason yet."},
};

inline const ReasonInfo& info(Reason r) noexcept {
  for (const auto& i : reason_info)
    if (i.reason == r) return i;
  return reason_info[0];
}

struct StatusReason {
  std::uint8_t subject;
  std::uint16_t detail;
  Reason reason;
};

// What a standard enhanced status code means for the bounce reason. Codes that say only "some
// policy" (x.7.0, x.7.1) or "something" (x.0.0) are absent: the text decides those.
inline constexpr StatusReason status_reasons[] = {
    {1, 0, Reason::userunknown},    {1, 1, Reason::userunknown},   {1, 2, Reason::hostunknown},
    {1, 3, Reason::userunknown},    {1, 4, Reason::filtered},      {1, 5, Reason::delivered},
    {1, 6, Reason::hasmoved},       {1, 7, Reason::rejected},      {1, 8, Reason::rejected},
    // x.1.10 is null MX by RFC 7505 but "recipient not found" at Microsoft 365: the text decides.
    {1, 9, Reason::systemerror},    {2, 0, Reason::filtered},
    {2, 1, Reason::filtered},       {2, 2, Reason::mailboxfull},   {2, 3, Reason::emailtoolarge},
    {2, 4, Reason::filtered},       {3, 0, Reason::systemerror},   {3, 1, Reason::systemfull},
    {3, 2, Reason::notaccept},      {3, 3, Reason::systemerror},   {3, 4, Reason::emailtoolarge},
    {3, 5, Reason::systemerror},    {4, 0, Reason::networkerror},  {4, 1, Reason::expired},
    {4, 2, Reason::networkerror},   {4, 3, Reason::systemerror},   {4, 4, Reason::hostunknown},
    {4, 5, Reason::systemfull},     {4, 6, Reason::networkerror},  {4, 7, Reason::expired},
    {4, 8, Reason::networkerror},   {5, 2, Reason::syntaxerror},   {5, 3, Reason::ratelimited},
    {5, 4, Reason::systemerror},    {5, 5, Reason::systemerror},   {5, 6, Reason::syntaxerror},
    {6, 0, Reason::contenterror},   {6, 1, Reason::contenterror},  {6, 2, Reason::contenterror},
    {6, 3, Reason::contenterror},   {6, 5, Reason::contenterror},  {6, 6, Reason::contenterror},
    {6, 7, Reason::contenterror},   {6, 8, Reason::contenterror},  {6, 9, Reason::contenterror},
    {7, 2, Reason::securityerror},  {7, 3, Reason::securityerror}, {7, 4, Reason::securityerror},
    {7, 5, Reason::securityerror},  {7, 6, Reason::securityerror}, {7, 7, Reason::securityerror},
    {7, 8, Reason::securityerror},  {7, 9, Reason::securityerror}, {7, 10, Reason::failedstarttls},
    {7, 11, Reason::securityerror}, {7, 12, Reason::securityerror}, {7, 13, Reason::suspend},
    {7, 14, Reason::securityerror}, {7, 15, Reason::securityerror}, {7, 16, Reason::emailtoolarge},
    {7, 17, Reason::hasmoved},      {7, 18, Reason::hasmoved},     {7, 19, Reason::securityerror},
    {7, 20, Reason::authfailure},   {7, 21, Reason::authfailure},  {7, 22, Reason::authfailure},
    {7, 23, Reason::authfailure},   {7, 24, Reason::authfailure},  {7, 25, Reason::requireptr},
    {7, 26, Reason::authfailure},   {7, 27, Reason::notaccept},    {7, 28, Reason::spamdetected},
    {7, 29, Reason::authfailure},   {7, 30, Reason::failedstarttls},
    // Microsoft 365 extended codes (learn.microsoft.com NDR reference)
    {4, 316, Reason::networkerror}, {4, 317, Reason::failedstarttls}, {7, 57, Reason::securityerror},
    {7, 64, Reason::blocked},       {7, 124, Reason::filtered},     {7, 133, Reason::filtered},
    {7, 134, Reason::filtered},     {7, 509, Reason::authfailure},  {7, 510, Reason::blocked},
    {7, 511, Reason::blocked},      {7, 512, Reason::contenterror}, {7, 513, Reason::blocked},
    {7, 515, Reason::authfailure},  {7, 606, Reason::blocked},      {7, 705, Reason::ratelimited},
    {7, 708, Reason::blocked},      {7, 750, Reason::ratelimited},
};

// Reasons a status code names only loosely: the server's text may tell better.
constexpr bool text_may_override(Reason r) noexcept {
  return r == Reason::undefined || r == Reason::onhold || r == Reason::systemerror ||
         r == Reason::securityerror || r == Reason::expired || r == Reason::networkerror ||
         r == Reason::hostunknown || r == Reason::userunknown || r == Reason::filtered ||
         r == Reason::syntaxerror;
}

// All keyword tables in one phrase set: one pass over the text finds every phrase of every
// reason; the best match is then chosen by rank. Texts where single words do not count read
// only the multi-word phrases' matches (the same scan, fewer candidates).
class KeywordMatcher {
 public:
  KeywordMatcher() : phrases_(collect(entries_)) {}

  std::optional<Reason> find(std::string_view text, bool phrases_only) const {
    // The automaton reports matches by where they end; the choice below reads them by where
    // they start, then by table order.
    struct Match {
      std::size_t begin;
      std::uint16_t index;
    };
    std::vector<Match> matches;
    phrases_.scan(text, [&](std::uint16_t index, std::size_t i) {
      const Entry& e = entries_[index];
      if (phrases_only && !e.multi_word) return true;
      if (e.phrase.size() > 4 || word_at(text, i, e.phrase.size())) matches.push_back({i, index});
      return true;
    });
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.index < b.index;
    });
    int best = -1;
    std::size_t best_begin = 0, best_end = 0;
    Reason best_reason = Reason::undefined;
    for (const Match& m : matches) {
      const Entry& e = entries_[m.index];
      const std::size_t end = m.begin + e.phrase.size();
      // A longer phrase covering the best match so far is more precise whatever its rank
      // ("host not found, try again" over "host not found").
      const bool covers = best >= 0 && m.begin <= best_begin && end >= best_end &&
                          end - m.begin > best_end - best_begin;
      if (best >= 0 && e.rank >= best && !covers) continue;
      best = e.rank;
      best_begin = m.begin;
      best_end = end;
      best_reason = e.reason;
    }
    if (best < 0) return std::nullopt;
    return best_reason;
  }

 private:
  struct Entry {
    std::string_view phrase;
    Reason reason;
    std::uint16_t rank;  // lower wins
    bool multi_word;
  };
  static constexpr std::uint16_t kWordRank = 1000;

  // The phrases of every table, their entries in `entries`.
  static std::vector<std::string_view> collect(std::vector<Entry>& entries) {
    std::vector<std::string_view> phrases;
    std::uint16_t priority = 0;
    for (const auto& table : reason_keyword_tables) {
      for (std::size_t i = 0; i < table.count; ++i) {
        std::string_view p = table.phrases[i];
        // A phrase of several words proves more than a single word ("retry timeout exceeded"
        // beats "timeout"): phrases rank before words, then by table priority. Scripts without
        // spaces between words (Japanese) count as phrases by length alone.
        const bool non_ascii = !p.empty() && static_cast<unsigned char>(p[0]) >= 0x80;
        const bool multi_word =
            (p.find(' ') != std::string_view::npos || non_ascii) && p.size() >= 8;
        const auto rank = static_cast<std::uint16_t>((multi_word ? 0 : kWordRank) + priority);
        entries.push_back(Entry{p, table.reason, rank, multi_word});
        phrases.push_back(p);
      }
      ++priority;
    }
    return phrases;
  }
  static bool is_word_char(char c) noexcept {
    c = mime::ascii_lower(c);
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
  // Short phrases ("rbl", "uce") count only as whole words.
  static bool word_at(std::string_view s, std::size_t i, std::size_t len) noexcept {
    if (i > 0 && is_word_char(s[i - 1])) return false;
    if (i + len < s.size() && is_word_char(s[i + len])) return false;
    return true;
  }

  std::vector<Entry> entries_;
  PhraseSet phrases_;
};

inline const KeywordMatcher& matcher() {
  static const KeywordMatcher instance;
  return instance;
}

}  // namespace reason_detail

MAILDIAG_FUNC std::string_view to_string(Reason r) noexcept { return reason_detail::info(r).name; }

MAILDIAG_FUNC std::optional<Reason> reason_from_string(std::string_view name) noexcept {
  for (const auto& i : reason_detail::reason_info)
    if (i.name == name) return i.reason;
  return std::nullopt;
}

MAILDIAG_FUNC std::string_view describe(Reason r) noexcept {
  return reason_detail::info(r).description;
}

MAILDIAG_FUNC bool is_hard_bounce(Reason r, std::optional<StatusClass> klass) noexcept {
  if (klass && *klass != StatusClass::permanent) return false;
  return r == Reason::userunknown || r == Reason::hostunknown || r == Reason::hasmoved ||
         r == Reason::notaccept;
}

MAILDIAG_FUNC std::optional<Reason> reason_for_status(const EnhancedStatus& status) noexcept {
  if (status.klass == StatusClass::success) return Reason::delivered;
  if (status.subject == 0 && status.detail >= 900) {
    for (const auto& i : reason_detail::reason_info)
      if (i.inferred_detail == status.detail) return i.reason;
    return std::nullopt;
  }
  for (const auto& s : reason_detail::status_reasons)
    if (s.subject == status.subject && s.detail == status.detail) return s.reason;
  return std::nullopt;
}

MAILDIAG_FUNC std::string inferred_status(Reason r, StatusClass klass) {
  const auto& i = reason_detail::info(r);
  if (r == Reason::delivered) return "2.0.0";
  if (i.inferred_detail == 0) return std::string();
  return std::string(1, static_cast<char>('0' + static_cast<int>(klass))) + ".0." +
         std::to_string(i.inferred_detail);
}

MAILDIAG_FUNC std::optional<Reason> reason_from_text(std::string_view text, bool phrases_only) {
  // The cap also bounds the matches the choice has to hold (see KeywordMatcher::find).
  return reason_detail::matcher().find(text.substr(0, max_reason_text), phrases_only);
}

MAILDIAG_FUNC Reason classify(const ReasonEvidence& e) {
  using reason_detail::text_may_override;
  if (mime::iequals(e.action, "delivered") || mime::iequals(e.action, "relayed") ||
      mime::iequals(e.action, "expanded"))
    return Reason::delivered;
  std::optional<Reason> by_status = e.status ? reason_for_status(*e.status) : std::nullopt;
  if (by_status && *by_status == Reason::delivered && e.status->klass == StatusClass::success)
    return Reason::delivered;
  std::optional<Reason> by_text = reason_from_text(e.text);
  // The report's own prose around the server's answer is boilerplate-heavy: only whole
  // phrases count there, never single words.
  // A reason the status code gives is overridden only by the server's own words, not by the
  // report's prose, unless the code is a catch-all ("other mail system problem").
  const bool catch_all = !by_status || *by_status == Reason::systemerror;
  if (!by_text && !e.context.empty() && catch_all)
    by_text = reason_from_text(mime::collapse_space(e.context), true);
  if (by_status == Reason::userunknown) {
    // A 5.1.1 stays "user unknown" unless the text proves something more specific.
    if (by_text == Reason::mailboxfull || by_text == Reason::blocked ||
        by_text == Reason::hasmoved || by_text == Reason::rejected ||
        by_text == Reason::notaccept || by_text == Reason::suspend)
      return *by_text;
    return Reason::userunknown;
  }
  if (by_status && !text_may_override(*by_status)) return *by_status;
  if (by_text == Reason::userunknown) {
    // "Unknown user" after the recipient was accepted (at DATA), or under a status code that
    // is not about the address, is a filter's answer (Sisimai's reading, too).
    bool after_rcpt = e.smtp_command == "DATA";
    bool other_status = by_status && *by_status != Reason::hostunknown;
    bool unplaced_reply = !e.status && e.reply_code && e.smtp_command.empty();
    if (after_rcpt || unplaced_reply || (other_status && e.smtp_command != "RCPT"))
      return Reason::filtered;
  }
  if (by_text) return *by_text;
  if (by_status) return *by_status;
  if (e.default_reason) return *e.default_reason;
  std::string_view cmd = e.smtp_command;
  if (cmd == "MAIL") return Reason::rejected;
  if (cmd == "HELO" || cmd == "EHLO" || cmd == "CONN") return Reason::blocked;
  if (mime::iequals(e.action, "delayed")) return Reason::expired;
  if (e.status && e.status->subject == 7) return Reason::securityerror;
  return Reason::undefined;
}

}  // namespace ndr
}  // namespace maildiag
