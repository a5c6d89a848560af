#pragma once

#include <algorithm>

#include "maildiag/dmarc/record.hpp"
#include "maildiag/tag_list.hpp"

namespace maildiag {
namespace dmarc {
namespace detail {

inline bool is_wsp(char c) noexcept { return c == ' ' || c == '\t'; }
// Whitespace a TXT record may carry at its edges (some publishers paste line breaks).
inline bool is_space(char c) noexcept { return is_wsp(c) || c == '\r' || c == '\n'; }
inline char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }
inline bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

inline bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

inline std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// Shrinks [b, e) of `text` so it has no surrounding whitespace.
using tag_list::trim;

/// A host name as DNS allows it in mail: letters, digits, hyphens, underscores, at least two
/// labels of at most 63 bytes, 253 bytes in all.
inline bool valid_domain(std::string_view d) noexcept {
  if (!d.empty() && d.back() == '.') d.remove_suffix(1);
  if (d.empty() || d.size() > 253) return false;
  std::size_t labels = 0, len = 0;
  for (std::size_t i = 0; i <= d.size(); ++i) {
    if (i == d.size() || d[i] == '.') {
      if (len == 0 || len > 63) return false;
      if (d[i - 1] == '-' || d[i - len] == '-') return false;
      ++labels;
      len = 0;
      continue;
    }
    char c = d[i];
    if (!(is_alpha(c) || is_digit(c) || c == '-' || c == '_')) return false;
    ++len;
  }
  return labels >= 2;
}

inline int hex_value(char c) noexcept {
  if (is_digit(c)) return c - '0';
  c = lower(c);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

inline bool percent_decode(std::string_view in, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    if (i + 2 >= in.size()) return false;
    int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

class Parser {
 public:
  explicit Parser(Record& r) : r_(r), text_(r.text) {}

  void run();

 private:
  void add(const char* code, Severity sev, std::string message, Span span, std::string fix = {}) {
    r_.findings.push_back(Finding{code, sev, std::move(message), span, std::move(fix)});
  }
  void handle_tag(Tag& tag);
  void handle_policy(const Tag& tag, std::optional<Policy>& out);
  void report_invalid_policy(bool has_valid_rua);
  void handle_alignment(const Tag& tag, AlignmentMode& out);
  void handle_uri_list(const Tag& tag, std::vector<ReportUri>& out);
  void check_whole_record();

  Record& r_;
  std::string_view text_;
};

inline void Parser::run() {
  if (text_.size() > kMaxRecordSize) {
    add("dmarc.too_long", Severity::error,
        "The record is " + std::to_string(text_.size()) + " bytes long, more than the " +
            std::to_string(kMaxRecordSize) + " bytes maildiag examines; no DMARC record is that long.",
        {0, text_.size()});
    return;
  }
  std::size_t pos = 0;
  while (pos < text_.size() && is_space(text_[pos])) ++pos;
  if (pos > 0 && pos < text_.size())
    add("dmarc.leading_whitespace", Severity::error,
        "The record starts with whitespace. Receivers look for \"v=DMARC1\" at the very start and "
        "ignore this record.",
        {0, pos}, "Remove the whitespace before v=DMARC1.");

  bool first = true;
  std::size_t p_index = 0;
  tag_list::for_each_tag(text_, pos, [&](const tag_list::RawTag& raw) {
    if (r_.tags.size() >= kMaxTags) {
      add("dmarc.too_many_tags", Severity::error,
          "The record has more than " + std::to_string(kMaxTags) +
              " tags; the rest was not examined.",
          {raw.span.begin, text_.size()});
      return false;
    }
    if (!raw.has_equals) {
      add("dmarc.syntax", Severity::error,
          "\"" + std::string(text_.substr(raw.span.begin, raw.span.size())) +
              "\" is not a tag=value pair; receivers ignore this part.",
          raw.span, "Write tags as name=value, separated by semicolons.");
      if (first) {
        add("dmarc.missing_version", Severity::error,
            "The record does not start with v=DMARC1, so receivers ignore it.", raw.span,
            "Start the record with \"v=DMARC1;\".");
        first = false;
      }
      return true;
    }
    Tag tag;
    tag.span = raw.span;
    tag.name_span = raw.name;
    tag.value_span = raw.value;
    tag.name = to_lower(text_.substr(raw.name.begin, raw.name.size()));
    tag.value = std::string(text_.substr(raw.value.begin, raw.value.size()));
    if (!raw.valid_name) {
      add("dmarc.syntax", Severity::error,
          "\"" + std::string(text_.substr(raw.name.begin, raw.name.size())) +
              "\" is not a valid tag name; receivers ignore this part.",
          tag.name_span, "Tag names are letters, digits and underscores, like p or rua.");
      tag.status = TagStatus::unknown;
      r_.tags.push_back(std::move(tag));
      first = false;
      return true;
    }
    if (first) {
      first = false;
      if (tag.name != "v") {
        add("dmarc.missing_version", Severity::error,
            "The record does not start with v=DMARC1, so receivers ignore it.", tag.span,
            "Start the record with \"v=DMARC1;\".");
      } else if (tag.value == "DMARC1") {
        r_.is_dmarc = pos == 0;
      } else if (iequals(tag.value, "DMARC1")) {
        add("dmarc.bad_version", Severity::error,
            "The version must be written exactly \"DMARC1\" (upper case); receivers ignore this "
            "record.",
            tag.value_span, "Write v=DMARC1.");
      } else {
        add("dmarc.bad_version", Severity::error,
            "Unknown DMARC version \"" + tag.value + "\"; receivers ignore this record.",
            tag.value_span, "Write v=DMARC1.");
      }
      r_.tags.push_back(std::move(tag));
      return true;
    }
    bool duplicate = std::any_of(r_.tags.begin(), r_.tags.end(),
                                 [&](const Tag& t) { return t.name == tag.name && !t.duplicate; });
    if (duplicate) {
      tag.duplicate = true;
      add("dmarc.duplicate_tag", Severity::error,
          "The tag \"" + tag.name + "\" appears more than once; receivers use the first value and "
          "ignore this part (some older ones ignore the whole record).",
          tag.span, "Keep one " + tag.name + "= tag.");
    } else if (tag.name == "v") {
      add("dmarc.version_not_first", Severity::error,
          "v=DMARC1 must be the first tag; receivers ignore this part.", tag.span,
          "Move v=DMARC1 to the start of the record.");
    } else {
      handle_tag(tag);
      if (tag.name == "p") p_index = r_.tags.size();
    }
    r_.tags.push_back(std::move(tag));
    return true;
  });
  if (!r_.is_dmarc) {
    if (r_.tags.empty() && r_.findings.empty())
      add("dmarc.missing_version", Severity::error, "The record is empty.", {0, text_.size()},
          "Publish a record such as \"v=DMARC1; p=none; rua=mailto:dmarc@example.com\".");
    return;
  }
  if (p_index > 1)
    add("dmarc.p_not_second", Severity::info,
        "RFC 7489's grammar puts p right after v; RFC 9989 allows any order, but some older "
        "receivers reject records where p comes later.",
        r_.tags[p_index].span, "Write \"v=DMARC1; p=...\" first.");
  check_whole_record();
}

inline void Parser::handle_policy(const Tag& tag, std::optional<Policy>& out) {
  if (auto pol = parse_policy(tag.value)) {
    out = pol;
    return;
  }
  if (!r_.invalid_policy_tag) r_.invalid_policy_tag = tag;
}

// RFC 9989 §4.10.1 (RFC 7489 §6.6.3): an invalid p, sp or np makes receivers act as if the record
// said p=none when a rua destination is usable, and skip DMARC otherwise. The finding says which.
inline void Parser::report_invalid_policy(bool has_valid_rua) {
  const Tag& tag = *r_.invalid_policy_tag;
  std::string message = "\"" + tag.value + "\" is not a valid value for " + tag.name +
                        "; it must be none, quarantine or reject. ";
  message += has_valid_rua
                 ? "Receivers discard the record's policies and apply p=none to all mail"
                 : "With no valid rua destination either, receivers apply no DMARC at all";
  if (r_.p && *r_.p != Policy::none)
    message += ": your p=" + std::string(to_string(*r_.p)) + " is lost";
  message += ".";
  add("dmarc.invalid_policy", Severity::error, std::move(message), tag.value_span,
      "Write " + tag.name + "=none, " + tag.name + "=quarantine or " + tag.name + "=reject.");
}

inline void Parser::handle_alignment(const Tag& tag, AlignmentMode& out) {
  if (iequals(tag.value, "r")) {
    out = AlignmentMode::relaxed;
  } else if (iequals(tag.value, "s")) {
    out = AlignmentMode::strict;
  } else {
    add("dmarc.invalid_alignment", Severity::error,
        "\"" + tag.value + "\" is not a valid value for " + tag.name +
            "; it must be r (relaxed) or s (strict). Receivers ignore this part and use relaxed.",
        tag.value_span, "Write " + tag.name + "=r or " + tag.name + "=s.");
  }
}

inline void Parser::handle_uri_list(const Tag& tag, std::vector<ReportUri>& out) {
  const std::size_t base = tag.value_span.begin;
  std::string_view value = text_.substr(base, tag.value_span.size());
  if (value.empty()) {
    add("dmarc.empty_uri_list", Severity::warning,
        "The " + tag.name + " tag is empty, so no reports are sent.", tag.span,
        "Add a destination such as " + tag.name + "=mailto:dmarc@example.com, or remove the tag.");
    return;
  }
  std::size_t start = 0;
  std::size_t count = 0;
  while (start <= value.size()) {
    std::size_t comma = value.find(',', start);
    std::size_t end = comma == std::string_view::npos ? value.size() : comma;
    std::size_t b = start, e = end;
    trim(value, b, e);
    start = end + 1;
    if (++count > kMaxReportUris) {
      add("dmarc.too_many_report_uris", Severity::warning,
          "More than " + std::to_string(kMaxReportUris) + " report destinations; the rest was not "
          "examined.",
          {base + b, base + value.size()});
      break;
    }
    ReportUri uri;
    uri.span = {base + b, base + e};
    std::string_view item = value.substr(b, e - b);
    if (item.empty()) {
      add("dmarc.invalid_uri", Severity::error, "Empty report destination in " + tag.name + "; receivers ignore this part.",
          uri.span, "Remove the extra comma.");
      if (comma == std::string_view::npos) break;
      continue;
    }
    if (count == 3)
      add("dmarc.too_many_report_uris", Severity::warning,
          "More than two " + tag.name + " destinations: receivers only have to send to the "
          "first two, so later ones may get nothing.",
          uri.span, "Keep at most two destinations, or forward reports on your side.");
    std::size_t bang = item.rfind('!');
    std::string_view body = item;
    if (bang != std::string_view::npos) {
      std::string_view size = item.substr(bang + 1);
      body = item.substr(0, bang);
      std::uint64_t n = 0;
      std::size_t i = 0;
      bool ok = !size.empty() && size.size() <= 16;
      while (ok && i < size.size() && is_digit(size[i])) n = n * 10 + std::uint64_t(size[i++] - '0');
      ok = ok && i > 0;
      if (ok && i < size.size()) {
        char unit = lower(size[i]);
        int shift = unit == 'k' ? 10 : unit == 'm' ? 20 : unit == 'g' ? 30 : unit == 't' ? 40 : -1;
        ok = shift >= 0 && i + 1 == size.size() && n < (std::uint64_t(1) << (63 - shift));
        if (ok) n <<= shift;
      }
      Span size_span{uri.span.begin + bang, uri.span.end};
      if (!ok) {
        add("dmarc.invalid_size", Severity::error,
            "\"!" + std::string(size) + "\" is not a valid size limit (a number optionally "
            "followed by k, m, g or t); receivers ignore this part.",
            size_span, "Remove the size limit, or write it like !10m.");
      } else {
        uri.max_size = n;
        add("dmarc.size_suffix", Severity::info,
            "The size limit \"!" + std::string(size) + "\" is RFC 7489 syntax; RFC 9989 dropped it "
            "and receivers following it ignore the limit.",
            size_span, "Remove the size limit.");
      }
    }
    uri.uri = std::string(body);
    std::size_t colon = body.find(':');
    bool scheme_ok = colon != std::string_view::npos && colon > 0 && is_alpha(body[0]);
    for (std::size_t i = 1; scheme_ok && i < colon; ++i)
      scheme_ok = is_alpha(body[i]) || is_digit(body[i]) || body[i] == '+' || body[i] == '-' ||
                  body[i] == '.';
    if (!scheme_ok) {
      add("dmarc.invalid_uri", Severity::error,
          "\"" + std::string(body) + "\" is not a URI: report destinations are written as "
          "mailto:address. Receivers ignore this destination.",
          uri.span, "Write " + tag.name + "=mailto:" + std::string(body) + ".");
      out.push_back(std::move(uri));
      if (comma == std::string_view::npos) break;
      continue;
    }
    uri.scheme = to_lower(body.substr(0, colon));
    if (uri.scheme != "mailto") {
      add("dmarc.unsupported_uri_scheme", Severity::warning,
          "Receivers only send reports to mailto: destinations; \"" + uri.scheme +
              ":\" gets nothing.",
          uri.span, "Use a mailto: address.");
      out.push_back(std::move(uri));
      if (comma == std::string_view::npos) break;
      continue;
    }
    std::string_view addr = body.substr(colon + 1);
    addr = addr.substr(0, addr.find('?'));
    std::string decoded;
    bool ok = percent_decode(addr, decoded);
    std::size_t at = decoded.rfind('@');
    if (ok && at != std::string::npos && at > 0 && decoded.find('@') == at) {
      std::string_view domain = std::string_view(decoded).substr(at + 1);
      for (std::size_t i = 0; ok && i < at; ++i)
        ok = static_cast<unsigned char>(decoded[i]) > ' ' && decoded[i] != ',' &&
             decoded[i] != ';' && decoded[i] != '!';
      ok = ok && valid_domain(domain);
      if (ok) {
        uri.address = decoded;
        uri.domain = to_lower(domain);
        if (!uri.domain.empty() && uri.domain.back() == '.') uri.domain.pop_back();
        uri.valid = true;
      }
    } else {
      ok = false;
    }
    if (!ok)
      add("dmarc.invalid_uri", Severity::error,
          "\"" + std::string(body) + "\" is not a valid mailto: address; receivers ignore this "
          "destination.", uri.span,
          "Write a complete address, like mailto:dmarc-reports@example.com.");
    out.push_back(std::move(uri));
    if (comma == std::string_view::npos) break;
  }
}

inline void Parser::handle_tag(Tag& tag) {
  const std::string& n = tag.name;
  if (n == "p") {
    handle_policy(tag, r_.p);
  } else if (n == "sp") {
    handle_policy(tag, r_.sp);
  } else if (n == "np") {
    handle_policy(tag, r_.np);
    add("dmarc.rfc7489_ignores", Severity::info,
        "np (policy for non-existent subdomains) is new in RFC 9989; RFC 7489 receivers ignore it "
        "and apply sp instead.",
        tag.span);
  } else if (n == "adkim") {
    handle_alignment(tag, r_.adkim);
  } else if (n == "aspf") {
    handle_alignment(tag, r_.aspf);
  } else if (n == "rua") {
    handle_uri_list(tag, r_.rua);
  } else if (n == "ruf") {
    handle_uri_list(tag, r_.ruf);
  } else if (n == "fo") {
    r_.fo.clear();
    std::string_view v = tag.value;
    std::size_t start = 0;
    while (start <= v.size()) {
      std::size_t colon = v.find(':', start);
      std::size_t end = colon == std::string_view::npos ? v.size() : colon;
      std::size_t b = start, e = end;
      trim(v, b, e);
      std::string opt = to_lower(v.substr(b, e - b));
      if (opt == "0" || opt == "1" || opt == "d" || opt == "s") {
        r_.fo.push_back(opt);
      } else {
        add("dmarc.invalid_fo", Severity::warning,
            "\"" + std::string(v.substr(b, e - b)) + "\" is not a failure reporting option "
            "(fo takes 0, 1, d or s separated by colons); receivers ignore this part.",
            {tag.value_span.begin + b, tag.value_span.begin + e}, "Write fo=1 (report any failure) or remove fo.");
      }
      if (colon == std::string_view::npos) break;
      start = colon + 1;
    }
  } else if (n == "psd") {
    std::string v = to_lower(tag.value);
    if (v == "y" || v == "n" || v == "u")
      r_.psd = v[0];
    else
      add("dmarc.invalid_psd", Severity::error,
          "\"" + tag.value + "\" is not a valid value for psd (y, n or u); receivers ignore this "
          "part.",
          tag.value_span, "Remove psd unless you run a public suffix domain.");
    add("dmarc.rfc7489_ignores", Severity::info,
        "psd is new in RFC 9989 (it guides the DNS tree walk); RFC 7489 receivers ignore it.",
        tag.span);
  } else if (n == "t") {
    std::string v = to_lower(tag.value);
    if (v == "y" || v == "n") {
      r_.testing = v == "y";
    } else {
      add("dmarc.invalid_t", Severity::error,
          "\"" + tag.value + "\" is not a valid value for t (y or n); receivers ignore this part.",
          tag.value_span,
          "Write t=y during a test phase, otherwise remove t.");
    }
    add("dmarc.rfc7489_ignores", Severity::info,
        "t (testing mode) is new in RFC 9989; RFC 7489 receivers ignore it and apply the policy "
        "as written.",
        tag.span);
  } else if (n == "pct") {
    tag.status = TagStatus::removed;
    int value = -1;
    if (!tag.value.empty() && tag.value.size() <= 3 &&
        std::all_of(tag.value.begin(), tag.value.end(), is_digit))
      value = std::stoi(tag.value);
    if (value < 0 || value > 100) {
      add("dmarc.invalid_pct", Severity::warning,
          "\"" + tag.value + "\" is not a percentage from 0 to 100; receivers ignore this part.",
          tag.value_span);
    } else {
      r_.pct = value;
    }
    std::string message =
        "RFC 9989 removed pct: receivers following it apply the policy to all failing mail";
    if (value >= 0 && value < 100)
      message += ", not " + std::to_string(value) + "% of it; RFC 7489 receivers still sample";
    message += ".";
    add("dmarc.removed_tag", Severity::warning, std::move(message), tag.span,
        value >= 0 && value < 100 ? "Use t=y for a test phase, or remove pct when ready."
                                  : "Remove pct.");
  } else if (n == "rf" || n == "ri") {
    tag.status = TagStatus::removed;
    add("dmarc.removed_tag", Severity::info,
        "RFC 9989 removed " + n + (n == "rf" ? " (failure report format)" : " (report interval)") +
            "; receivers ignore it.",
        tag.span, "Remove " + n + ".");
  } else {
    tag.status = TagStatus::unknown;
    add("dmarc.unknown_tag", Severity::warning,
        "Unknown tag \"" + tag.name + "\": receivers ignore it.", tag.span,
        "Check the spelling; DMARC tags are p, sp, np, adkim, aspf, fo, rua, ruf, psd and t.");
  }
}

inline int strength(Policy p) noexcept { return static_cast<int>(p); }

inline void Parser::check_whole_record() {
  auto find_tag = [&](const char* name) -> const Tag* {
    for (const auto& t : r_.tags)
      if (t.name == name && !t.duplicate) return &t;
    return nullptr;
  };
  const bool has_valid_rua = r_.has_valid_rua();
  if (r_.invalid_policy_tag) report_invalid_policy(has_valid_rua);
  const Tag* p_tag = find_tag("p");
  if (!p_tag) {
    std::string msg =
        "No p tag: RFC 9989 receivers treat the record as p=none (monitoring only)";
    msg += has_valid_rua ? ", and so do RFC 7489 receivers because rua is present."
                         : "; RFC 7489 receivers ignore the whole record because it has neither "
                           "p nor a valid rua.";
    add("dmarc.missing_p", has_valid_rua ? Severity::warning : Severity::error, std::move(msg),
        {0, r_.text.size()}, "Add p=none, p=quarantine or p=reject after v=DMARC1.");
  } else if (r_.p == Policy::none) {
    add("dmarc.monitoring_only", Severity::info,
        "p=none is monitoring only: mail failing DMARC is delivered as usual, so the domain is "
        "not protected against spoofing.",
        p_tag->span,
        "When reports show all your legitimate mail passes, move to p=quarantine, then p=reject.");
  }
  const Policy domain = r_.p.value_or(Policy::none);
  if (const Tag* sp = find_tag("sp"); sp && r_.sp && strength(*r_.sp) < strength(domain))
    add("dmarc.sp_weaker", Severity::warning,
        "sp=" + std::string(to_string(*r_.sp)) + " is weaker than p=" +
            std::string(to_string(domain)) + ": mail spoofing subdomains gets less protection "
            "than the domain itself.",
        sp->span, "Set sp=" + std::string(to_string(domain)) + " or remove sp.");
  if (const Tag* np = find_tag("np");
      np && r_.np && strength(*r_.np) < strength(r_.sp.value_or(domain)))
    add("dmarc.np_weaker", Severity::warning,
        "np=" + std::string(to_string(*r_.np)) + " is weaker than the policy for existing "
            "subdomains: spoofing names that do not exist is treated more leniently.",
        np->span, "Set np=reject: non-existent subdomains never send legitimate mail.");
  if (!find_tag("rua"))
    add("dmarc.no_rua", Severity::warning,
        "No rua tag: nobody receives aggregate reports, so you cannot see who sends mail as this "
        "domain or whether it passes.",
        {0, r_.text.size()}, "Add rua=mailto:dmarc-reports@<your domain>.");
  if (find_tag("fo") && !find_tag("ruf"))
    add("dmarc.fo_without_ruf", Severity::info,
        "fo only affects failure reports, and there is no ruf destination for them.",
        find_tag("fo")->span, "Remove fo, or add ruf=mailto:... .");
  if (r_.testing)
    add("dmarc.testing", Severity::info,
        "t=y (testing): RFC 9989 receivers apply one level less (reject as quarantine, quarantine "
        "as none).",
        find_tag("t")->span, "Remove t=y when the test phase is over.");
}

}  // namespace detail

MAILDIAG_FUNC std::string_view to_string(Policy p) noexcept {
  switch (p) {
    case Policy::none: return "none";
    case Policy::quarantine: return "quarantine";
    case Policy::reject: return "reject";
  }
  return "none";
}

MAILDIAG_FUNC std::string_view to_string(AlignmentMode m) noexcept {
  return m == AlignmentMode::strict ? "strict" : "relaxed";
}

MAILDIAG_FUNC std::string_view to_string(TagStatus s) noexcept {
  switch (s) {
    case TagStatus::current: return "current";
    case TagStatus::removed: return "removed";
    case TagStatus::unknown: return "unknown";
  }
  return "unknown";
}

MAILDIAG_FUNC bool Record::valid() const noexcept { return is_dmarc && !has_errors(findings); }
MAILDIAG_FUNC bool Record::has_valid_rua() const noexcept {
  return std::any_of(rua.begin(), rua.end(), [](const ReportUri& u) { return u.valid; });
}

MAILDIAG_FUNC std::optional<Policy> parse_policy(std::string_view v) noexcept {
  using detail::iequals;
  if (iequals(v, "none")) return Policy::none;
  if (iequals(v, "quarantine")) return Policy::quarantine;
  if (iequals(v, "reject")) return Policy::reject;
  return std::nullopt;
}

MAILDIAG_FUNC Record parse_record(std::string_view text) {
  Record r;
  r.text = std::string(text);
  r.fo = {"0"};
  detail::Parser(r).run();
  return r;
}

MAILDIAG_FUNC Record parse_pasted_record(std::string_view text) {
  return dns::check_pasted(text, [](std::string_view record) { return parse_record(record); });
}

MAILDIAG_FUNC bool looks_like_dmarc(std::string_view txt) noexcept {
  using namespace detail;
  std::size_t i = 0;
  while (i < txt.size() && is_space(txt[i])) ++i;
  if (i >= txt.size() || lower(txt[i]) != 'v') return false;
  ++i;
  while (i < txt.size() && is_wsp(txt[i])) ++i;
  if (i >= txt.size() || txt[i] != '=') return false;
  ++i;
  while (i < txt.size() && is_wsp(txt[i])) ++i;
  if (!iequals(txt.substr(i, 6), "dmarc1")) return false;
  i += 6;
  return i == txt.size() || txt[i] == ';' || is_space(txt[i]);
}

MAILDIAG_FUNC RecordSet select_record(const std::vector<std::string>& txt_records) {
  using namespace detail;
  RecordSet set;
  const std::string* found = nullptr;
  for (std::size_t i = 0; i < txt_records.size(); ++i) {
    const std::string& txt = txt_records[i];
    std::string where = "TXT record " + std::to_string(i + 1);
    if (looks_like_dmarc(txt)) {
      if (!found) found = &txt;
      ++set.dmarc_records;
      continue;
    }
    std::size_t b = 0;
    while (b < txt.size() && is_space(txt[b])) ++b;
    if (iequals(std::string_view(txt).substr(b, 6), "v=spf1"))
      set.findings.push_back(
          {"dmarc.spf_at_dmarc", Severity::warning,
           where + " at the _dmarc name is an SPF record. SPF records belong at the domain "
                   "itself; here it does nothing.",
           {}, "Move the SPF record to the domain and delete it from _dmarc."});
    else
      set.findings.push_back({"dmarc.unrelated_txt", Severity::info,
                              where + " at the _dmarc name is not a DMARC record; receivers "
                                      "ignore it.",
                              {}, "Delete TXT records other than the DMARC record from _dmarc."});
  }
  if (set.dmarc_records > 1) {
    set.findings.push_back(
        {"dmarc.multiple_records", Severity::error,
         std::to_string(set.dmarc_records) + " DMARC records are published at one name; receivers "
             "discard them all: RFC 9989 receivers look further up the DNS tree (§4.10.1), RFC "
             "7489 receivers apply no DMARC at all (§6.6.3).",
         {}, "Merge them into one record and delete the others."});
  } else if (found) {
    set.record = parse_record(*found);
  }
  return set;
}

}  // namespace dmarc
}  // namespace maildiag
