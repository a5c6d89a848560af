// TXT records as people copy them from DNS tools and providers' consoles: the presentation form
// of RFC 1035 §5.1, one or more quoted character-strings ("v=DKIM1; k=rsa; p=MIIB" "...rest"),
// with \" and \DDD escapes. A resolver hands the strings over joined; so do the checks that take
// a pasted record, and they say that they removed the quotes.
//
// Finding code (stable): txt.quotes_removed (info).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "maildiag/config.hpp"
#include "maildiag/finding.hpp"

namespace maildiag {
namespace dns {

struct PresentationText {
  std::string text;         // the strings joined, escapes decoded: what a resolver returns
  std::size_t strings = 0;  // how many quoted strings there were
};

/// Reads `pasted` as one or more quoted strings separated by white space, optionally wrapped in
/// the parentheses zone files use for long records; nullopt when it is not in that form (a bare
/// record, an unterminated quote, text outside the quotes, an escape such as \256).
MAILDIAG_FUNC std::optional<PresentationText> parse_txt_presentation(std::string_view pasted);

/// The info finding that tells the user the quotes were removed.
MAILDIAG_FUNC Finding quotes_removed(const PresentationText& given);

/// Runs `check(text)` on a record as people paste it: bare, or in presentation form, which is
/// unquoted first. The result's findings then start with txt.quotes_removed.
template <class Check>
auto check_pasted(std::string_view pasted, Check&& check) {
  auto unquoted = parse_txt_presentation(pasted);
  if (!unquoted) return check(pasted);
  auto result = check(std::string_view(unquoted->text));
  result.findings.insert(result.findings.begin(), quotes_removed(*unquoted));
  return result;
}

}  // namespace dns
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/dns/txt_presentation-inl.hpp"
#endif
