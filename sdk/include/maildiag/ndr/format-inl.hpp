#pragma once

#include <array>

#include "maildiag/mime/text.hpp"
#include "maildiag/ndr/format.hpp"
#include "maildiag/ndr/phrase_set.hpp"

namespace maildiag {
namespace ndr {
namespace format_detail {

enum class Where { header_present, header_contains, text_contains };

struct Signature {
  std::string_view format;
  Where where;
  std::string_view field;   // header name (header_* only)
  std::string_view needle;  // lowercase
};

// Most specific first: a Microsoft 365 report also looks like Exchange, Google Groups like Gmail.
inline constexpr Signature signatures[] = {
    {"amazonses", Where::header_present, "x-ses-outgoing", ""},
    {"amazonses", Where::header_contains, "from", "amazonses.com"},
    {"amazonworkmail", Where::header_present, "x-original-mailer", ""},
    {"amazonworkmail", Where::text_contains, "", "amazon workmail"},
    {"googlegroups", Where::header_present, "x-google-group-id", ""},
    {"googlegroups", Where::text_contains, "", "google groups"},
    {"gmail", Where::header_contains, "from", "mailer-daemon@googlemail.com"},
    {"gmail", Where::text_contains, "", "google tried to deliver your message"},
    {"gmail", Where::text_contains, "", "delivery to the following recipient"},
    {"office365", Where::header_present, "x-ms-exchange-crosstenant-originalarrivaltime", ""},
    {"office365", Where::text_contains, "", "outlook.com"},
    {"office365", Where::text_contains, "", "office 365"},
    {"office365", Where::text_contains, "", "microsoft 365"},
    {"outlook", Where::header_contains, "from", "hotmail"},
    {"outlook", Where::header_contains, "from", "live.com"},
    {"exchange2007", Where::text_contains, "", "diagnostic information for administrators"},
    {"exchange2007", Where::text_contains, "", "delivery has failed to these recipients"},
    {"exchange2007", Where::text_contains, "", "remote server returned '"},
    {"exchange2007", Where::header_present, "x-ms-exchange-message-is-ndr", ""},
    {"exchange2003", Where::header_present, "x-mimeole", ""},
    {"exchange2003", Where::text_contains, "", "did not reach the following recipient"},
    {"yahoo", Where::header_present, "x-ymailisg", ""},
    {"yahoo", Where::text_contains, "", "sorry, we were unable to deliver your message"},
    {"dragonfly", Where::text_contains, "", "dragonfly mail agent"},
    {"opensmtpd", Where::text_contains, "", "this is the mailer-daemon at"},
    {"opensmtpd", Where::text_contains, "", "opensmtpd"},
    {"qmail", Where::text_contains, "", "this is the qmail-send program"},
    {"qmail", Where::text_contains, "", "qmail"},
    {"postfix", Where::header_present, "x-postfix-queue-id", ""},
    {"postfix", Where::text_contains, "", "this is the mail system at host"},
    {"postfix", Where::text_contains, "", "postfix"},
    {"exim", Where::header_present, "x-failed-recipients", ""},
    {"exim", Where::text_contains, "", "this message was created automatically by mail delivery"},
    {"courier", Where::text_contains, "", "courier mail server"},
    {"domino", Where::text_contains, "", "lotus domino"},
    {"domino", Where::text_contains, "", "notes"},
    {"messagingserver", Where::text_contains, "", "this report relates to a message you sent"},
    {"messagingserver", Where::text_contains, "", "messaging server"},
    {"sendmail", Where::text_contains, "", "the original message was received at"},
    {"sendmail", Where::text_contains, "", "----- transcript of session follows -----"},
    {"sendmail", Where::header_contains, "x-mailer", "sendmail"},
};

template <typename Found>
inline bool matches(const Signature& s, const mime::HeaderSection& headers,
                    const Found& found_in_text) {
  switch (s.where) {
    case Where::header_present: return headers.has(s.field);
    case Where::header_contains: {
      const mime::HeaderField* f = headers.find(s.field);
      return f && mime::ifind(f->value, s.needle) != std::string_view::npos;
    }
    case Where::text_contains: return found_in_text[static_cast<std::size_t>(&s - signatures)];
  }
  return false;
}

}  // namespace format_detail

MAILDIAG_FUNC std::string_view detect_format(const mime::HeaderSection& headers,
                                             std::string_view text) {
  using namespace format_detail;
  // One pass over the text finds every text signature. Signatures sit in the opening lines of a
  // report: reading its start is enough and keeps the cost independent of what follows.
  static const PhraseSet phrases = [] {
    std::vector<std::string_view> needles;
    for (const auto& s : signatures)
      needles.push_back(s.where == Where::text_contains ? s.needle : std::string_view());
    return PhraseSet(needles);
  }();
  std::array<bool, sizeof signatures / sizeof signatures[0]> found{};
  phrases.scan(text.substr(0, 1536), [&](std::uint16_t index, std::size_t) {
    found[index] = true;
    return true;
  });
  for (const auto& s : signatures)
    if (matches(s, headers, found)) return s.format;
  return {};
}

MAILDIAG_FUNC std::optional<Reason> format_default_reason(std::string_view format) noexcept {
  struct Default {
    std::string_view format;
    Reason reason;
  };
  static constexpr Default defaults[] = {
      {"googlegroups", Reason::rejected},
  };
  for (const auto& d : defaults)
    if (d.format == format) return d.reason;
  return std::nullopt;
}

}  // namespace ndr
}  // namespace maildiag
