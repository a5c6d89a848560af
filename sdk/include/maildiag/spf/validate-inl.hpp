#pragma once

#include "maildiag/spf/validate.hpp"

namespace maildiag {
namespace spf {
namespace validate_detail {

struct Network {
  const char* text;
  unsigned prefix;
  const char* what;
};

// Networks that are never the source of Internet mail (RFC 6890 special-purpose registries).
constexpr Network kNonRoutable[] = {
    {"0.0.0.0", 8, "\"this network\" (RFC 6890)"},
    {"10.0.0.0", 8, "private (RFC 1918)"},
    {"100.64.0.0", 10, "carrier-grade NAT shared space (RFC 6598)"},
    {"127.0.0.0", 8, "loopback"},
    {"169.254.0.0", 16, "link-local"},
    {"172.16.0.0", 12, "private (RFC 1918)"},
    {"192.168.0.0", 16, "private (RFC 1918)"},
    {"224.0.0.0", 4, "multicast"},
    {"240.0.0.0", 4, "reserved"},
    {"::", 128, "unspecified"},
    {"::1", 128, "loopback"},
    {"fc00::", 7, "unique local (RFC 4193)"},
    {"fe80::", 10, "link-local"},
    {"ff00::", 8, "multicast"},
};

inline const char* non_routable(const dns::IpAddress& network, unsigned prefix) {
  static const std::vector<dns::IpAddress> bases = [] {
    std::vector<dns::IpAddress> out;
    for (const auto& n : kNonRoutable) out.push_back(*dns::IpAddress::parse(n.text));
    return out;
  }();
  for (std::size_t i = 0; i < bases.size(); ++i) {
    const Network& n = kNonRoutable[i];
    if (bases[i].is_v6 != network.is_v6) continue;
    // The published network lies inside the special one.
    if (prefix >= n.prefix && network.in_network(bases[i], n.prefix)) return n.what;
  }
  return nullptr;
}

inline std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

class Checker {
 public:
  explicit Checker(Validation& v) : v_(v) {}

  void run() {
    const auto& terms = v_.record.terms;
    const Term* all = nullptr;
    const Term* redirect = v_.record.find_modifier(Modifier::redirect);
    const Term* limit_term = nullptr;
    int lookups = 0;
    for (std::size_t i = 0; i < terms.size(); ++i) {
      const Term& t = terms[i];
      if (t.is_modifier) continue;
      if (all) {
        add("spf.terms_after_all", Severity::warning, t.span,
            "\"" + text(t) + "\" comes after \"all\" and is never evaluated",
            "move it before \"all\" or remove it");
      }
      if (queries_dns(t.mechanism) && ++lookups == 11) limit_term = &t;
      switch (t.mechanism) {
        case Mechanism::all:
          if (!all) all = &t;
          if (t.qualifier == Qualifier::pass)
            add("spf.pass_all", Severity::error, t.span,
                "\"+all\" authorizes every server on the Internet to send as this domain",
                "end the record with \"-all\" (or \"~all\" while testing)");
          else if (t.qualifier == Qualifier::neutral)
            add("spf.neutral_all", Severity::warning, t.span,
                "\"?all\" makes unlisted servers neutral: receivers treat such mail as if there were no SPF",
                "end the record with \"-all\" (or \"~all\" while testing)");
          break;
        case Mechanism::ptr:
          add("spf.ptr_deprecated", Severity::warning, t.span,
              "\"ptr\" is slow, unreliable and deprecated (RFC 7208 section 5.5); many receivers ignore it",
              "list the sending servers with ip4/ip6 or a instead");
          break;
        case Mechanism::include: {
          std::string_view domain = std::string_view(v_.text).substr(t.value.begin, t.value.size());
          if (const Provider* p = find_provider(domain)) {
            if (v_.providers.empty()) v_.providers.assign(terms.size(), nullptr);
            v_.providers[i] = p;
          }
          break;
        }
        case Mechanism::ip4:
        case Mechanism::ip6:
          check_network(i);
          break;
        case Mechanism::a:
        case Mechanism::mx:
          if (t.cidr4 == 0 || t.cidr6 == 0)
            add("spf.suspicious_cidr", Severity::error, t.cidr,
                "a /0 prefix on \"" + text(t) + "\" authorizes every address of that family once the name resolves",
                "remove the prefix length");
          else if ((t.cidr4 > 0 && t.cidr4 < 16) || (t.cidr6 > 0 && t.cidr6 < 32))
            add("spf.suspicious_cidr", Severity::warning, t.cidr,
                "the prefix length on \"" + text(t) + "\" authorizes a very large network",
                "use the exact addresses, or a prefix you own");
          break;
        default:
          break;
      }
    }
    if (redirect) {
      if (all)
        add("spf.redirect_ignored", Severity::warning, redirect->span,
            "\"redirect\" is ignored because the record has an \"all\" mechanism (RFC 7208 section 6.1)",
            "remove either the redirect or the all");
      else if (++lookups == 11)
        limit_term = redirect;
    }
    v_.dns_terms = lookups;
    if (lookups > 10)
      add("spf.too_many_lookups", Severity::error, limit_term ? limit_term->span : Span{},
          "the record has " + std::to_string(lookups) +
              " terms that need DNS lookups; more than 10 is a permerror for every message "
              "(RFC 7208 section 4.6.4), and includes add their own",
          "replace includes you do not use, or flatten stable ones into ip4/ip6 networks");
    if (!all && !redirect && v_.record.ok())
      add("spf.no_all", Severity::warning, {0, v_.text.size()},
          "the record has no \"all\" and no \"redirect\": unlisted servers get neutral, like no SPF at all",
          "end the record with \"-all\" (or \"~all\" while testing)");
    if (v_.text.size() > kMaxTxtStringBytes)
      add("spf.string_too_long", Severity::warning, {kMaxTxtStringBytes, v_.text.size()},
          "the record is " + std::to_string(v_.text.size()) +
              " bytes; one TXT string holds at most 255, so it must be published as several "
              "quoted strings, which receivers join without spaces",
          "publish it as \"part one\" \"part two\" with each part at most 255 bytes");
    if (v_.text.size() > kRecommendedMaxRecordBytes)
      add("spf.record_too_long", Severity::warning, {0, v_.text.size()},
          "the record is " + std::to_string(v_.text.size()) +
              " bytes; answers this large risk UDP truncation and failed lookups",
          "shorten it: merge networks, drop unused includes");
  }

 private:
  std::string text(const Term& t) const { return std::string(v_.term_text(t)); }

  void add(const char* code, Severity severity, Span span, std::string message, std::string fix) {
    Finding f;
    f.code = code;
    f.severity = severity;
    f.message = std::move(message);
    f.span = span;
    f.fix = std::move(fix);
    v_.findings.push_back(std::move(f));
  }

  void check_network(std::size_t index) {
    const auto& terms = v_.record.terms;
    const Term& t = terms[index];
    bool v6 = t.mechanism == Mechanism::ip6;
    unsigned prefix = static_cast<unsigned>(v6 ? t.ip6_prefix() : t.ip4_prefix());
    if (prefix == 0) {
      add("spf.suspicious_cidr", Severity::error, t.span,
          "\"" + text(t) + "\" authorizes every " + (v6 ? "IPv6" : "IPv4") + " address",
          "list only your own networks");
    } else if ((!v6 && prefix < 8) || (v6 && prefix < 16)) {
      add("spf.suspicious_cidr", Severity::warning, t.span,
          "\"" + text(t) + "\" authorizes a network far larger than any single sender owns",
          "check the prefix length");
    }
    if (const char* what = non_routable(t.network, prefix))
      add("spf.non_routable_network", Severity::warning, t.span,
          "\"" + text(t) + "\" is a " + what +
              " network: mail never arrives from it over the Internet, and Microsoft 365 rejects "
              "senders in it",
          "list the public address your servers send from");
    for (std::size_t j = 0; j < index; ++j) {
      const Term& o = terms[j];
      if (o.is_modifier || o.mechanism != t.mechanism) continue;
      unsigned op = static_cast<unsigned>(v6 ? o.ip6_prefix() : o.ip4_prefix());
      if (op == prefix && t.network.in_network(o.network, prefix)) {
        add("spf.duplicate_network", Severity::warning, t.span,
            "\"" + text(t) + "\" repeats \"" + text(o) + "\"", "remove the duplicate");
        return;
      }
      if (op <= prefix && t.network.in_network(o.network, op)) {
        add("spf.overlapping_network", Severity::info, t.span,
            "\"" + text(t) + "\" lies inside \"" + text(o) + "\"", "remove the narrower network");
        return;
      }
      if (prefix < op && o.network.in_network(t.network, prefix)) {
        add("spf.overlapping_network", Severity::info, t.span,
            "\"" + text(t) + "\" contains \"" + text(o) + "\"", "remove the narrower network");
        return;
      }
    }
  }

  Validation& v_;
};

inline bool starts_with_sender_id(std::string_view text) {
  return text.size() >= 7 && lowercase(text.substr(0, 7)) == "spf2.0/";
}

}  // namespace validate_detail

MAILDIAG_FUNC Validation validate_pasted(std::string_view text) {
  return dns::check_pasted(text, [](std::string_view record) { return validate(record); });
}

MAILDIAG_FUNC Validation validate(std::string_view text) {
  Validation v;
  v.text = std::string(text);
  if (validate_detail::starts_with_sender_id(text)) {
    std::size_t end = text.find(' ');
    Finding f;
    f.code = "spf.sender_id";
    f.severity = Severity::error;
    f.message = "this is a Sender ID record (spf2.0), not SPF: receivers ignore it for SPF";
    f.span = {0, end == std::string_view::npos ? text.size() : end};
    f.fix = "publish a \"v=spf1 ...\" record; the Sender ID record can be removed";
    v.findings.push_back(std::move(f));
    return v;
  }
  v.record = parse(v.text);
  v.findings = v.record.findings;
  if (v.record.findings.size() == 1 && v.record.findings.front().code == "spf.no_version") return v;
  validate_detail::Checker(v).run();
  return v;
}

}  // namespace spf
}  // namespace maildiag
