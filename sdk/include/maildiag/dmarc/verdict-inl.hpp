#pragma once

#include "maildiag/dmarc/effect.hpp"
#include "maildiag/dmarc/verdict.hpp"
#include "maildiag/psl/public_suffix.hpp"

namespace maildiag {
namespace dmarc {
namespace detail {

inline bool iequal_names(std::string_view a, std::string_view b) noexcept {
  return dns::normalize_name(a) == dns::normalize_name(b);
}

inline Policy weaken(Policy p) noexcept {
  return p == Policy::reject ? Policy::quarantine : Policy::none;
}

// Whether one identifier makes DMARC pass: the same words in the steps and the summary.
inline std::string counting(const AlignmentCheck& c) {
  if (c.counts) return "It counts: an aligned pass";
  if (c.aligned) return "It does not count: aligned, but " + c.result + " is not a pass";
  return "It does not count: not aligned";
}

// "d=example.com fail, aligned: does not count" for every identifier of one mechanism.
inline std::string alignment_summary(const std::vector<AlignmentCheck>& checks,
                                     std::string_view mechanism) {
  std::string out;
  bool counts = false;
  for (const auto& c : checks) {
    if (c.mechanism != mechanism) continue;
    if (!out.empty()) out += "; ";
    out += c.domain + " " + c.result + (c.aligned ? ", aligned" : ", not aligned");
    counts = counts || c.counts;
  }
  if (out.empty()) return "no result given";
  return out + (counts ? ": counts" : ": does not count");
}

}  // namespace detail

MAILDIAG_FUNC std::string_view to_string(DmarcResult r) noexcept {
  switch (r) {
    case DmarcResult::pass: return "pass";
    case DmarcResult::fail: return "fail";
    case DmarcResult::none: return "none";
    case DmarcResult::temperror: return "temperror";
    case DmarcResult::permerror: return "permerror";
  }
  return "none";
}

MAILDIAG_FUNC std::optional<AuthResult> parse_auth_result(std::string_view text) {
  std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size())
    return std::nullopt;
  AuthResult r;
  r.domain = dns::normalize_name(text.substr(0, colon));
  r.result = dns::normalize_name(text.substr(colon + 1));
  static constexpr std::string_view known[] = {"pass", "fail", "softfail", "neutral", "none",
                                               "temperror", "permerror", "policy"};
  bool ok = false;
  for (auto k : known) ok = ok || r.result == k;
  if (!ok || !dns::is_valid_name(r.domain)) return std::nullopt;
  return r;
}

MAILDIAG_FUNC bool aligned(std::string_view a, std::string_view org_a, std::string_view b,
                           std::string_view org_b, AlignmentMode mode) noexcept {
  if (detail::iequal_names(a, b)) return true;
  return mode == AlignmentMode::relaxed && !org_a.empty() && detail::iequal_names(org_a, org_b);
}

MAILDIAG_FUNC Verdict evaluate(const VerdictInput& input, const dns::Cache& cache) {
  Verdict v;
  const std::string from = dns::normalize_name(input.from_domain);
  v.discovery = discover(from, cache);
  v.pending = v.discovery.pending;
  if (!v.pending.empty()) return v;
  // DNS that could not be asked says nothing about the domain: no policy, no guess.
  if ((v.dns_outage = dns::find_outage(cache))) {
    v.result = DmarcResult::temperror;
    v.findings = {dns::outage_finding(*v.dns_outage)};
    v.steps = {"No DNS question got an answer, so nothing about " + from +
               " was checked: result temperror, and no policy applies."};
    return v;
  }
  v.findings = v.discovery.findings;
  const MethodResult& walk = v.discovery.tree_walk;
  v.policy_domain = walk.policy_domain;
  v.organizational_domain = walk.organizational_domain;

  auto say = [&](std::string s) { v.steps.push_back(std::move(s)); };
  say("The From domain is " + from + ".");
  switch (walk.status) {
    case DiscoveryStatus::temperror:
      v.result = DmarcResult::temperror;
      say("A DNS lookup of a _dmarc record failed temporarily, so the result is temperror; "
          "receivers usually try again later.");
      return v;
    case DiscoveryStatus::none:
    case DiscoveryStatus::multiple_records:  // only the RFC 7489 method ends there
      v.result = DmarcResult::none;
      say("No DMARC record applies to " + from + " or its parent domains (RFC 9989 DNS tree "
          "walk; a name with several DMARC records counts as none), so DMARC does not apply: "
          "result none.");
      return v;
    case DiscoveryStatus::found:
      break;
  }
  const Record& rec = *walk.record;
  const Effect effect = effect_of(rec);
  say("The DMARC record at _dmarc." + walk.policy_domain + " applies: \"" + rec.text + "\".");
  say(describe_effect(rec, walk.policy_domain));
  for (const auto& f : rec.findings)
    if (f.code == "dmarc.invalid_policy")
      v.findings.push_back({f.code, f.severity, "_dmarc." + walk.policy_domain + ": " + f.message,
                            {}, f.fix});
  if (!effect.in_effect) {
    v.result = DmarcResult::none;
    say("So DMARC does not apply to this message: result none.");
    return v;
  }
  v.aspf = effect.aspf;
  v.adkim = effect.adkim;
  say("The organizational domain of " + from + " is " + v.organizational_domain +
      " (RFC 9989 tree walk).");

  // Organizational domains of the authenticated identifiers, for relaxed alignment.
  auto org_of = [&](const std::string& d) {
    if (d == from) return v.organizational_domain;
    return tree_walk_organizational_domain(d, cache, v.pending);
  };
  auto check = [&](const char* mech, const AuthResult& ar, AlignmentMode mode) {
    AlignmentCheck c;
    c.mechanism = mech;
    c.domain = dns::normalize_name(ar.domain);
    c.result = ar.result;
    c.organizational_domain = mode == AlignmentMode::relaxed ? org_of(c.domain) : c.domain;
    c.aligned = aligned(c.domain, c.organizational_domain, from, v.organizational_domain, mode);
    c.counts = c.aligned && c.result == "pass";
    return c;
  };
  if (input.spf) v.checks.push_back(check("spf", *input.spf, effect.aspf));
  for (const auto& d : input.dkim) v.checks.push_back(check("dkim", d, effect.adkim));
  if (!v.pending.empty()) return v;

  bool psl_differs = false;
  bool temporary = false;
  for (const auto& c : v.checks) {
    AlignmentMode mode = c.mechanism == "spf" ? effect.aspf : effect.adkim;
    std::string what = c.mechanism == "spf" ? "SPF (MAIL FROM " + c.domain + ")"
                                            : "DKIM (d=" + c.domain + ")";
    std::string alignment;
    if (c.domain == from)
      alignment = "it is the From domain itself, so it is aligned";
    else if (c.aligned)
      alignment = "it shares the organizational domain " + c.organizational_domain +
                  " with the From domain, so it is aligned in relaxed mode";
    else if (mode == AlignmentMode::strict)
      alignment = "it differs from the From domain and alignment is strict (a" + c.mechanism +
                  "=s), so it is not aligned";
    else
      alignment = "its organizational domain is " + c.organizational_domain + ", not " +
                  v.organizational_domain + ", so it is not aligned";
    say(what + " gave " + c.result + "; " + alignment + ". " + detail::counting(c) + ".");
    if (c.mechanism == "spf") v.spf_aligned = v.spf_aligned || c.counts;
    else v.dkim_aligned = v.dkim_aligned || c.counts;
    temporary = temporary || c.result == "temperror";
    if (mode == AlignmentMode::relaxed && c.domain != from) {
      bool by_psl = aligned(c.domain, psl::organizational_domain(c.domain), from,
                            psl::organizational_domain(from), mode);
      psl_differs = psl_differs || by_psl != c.aligned;
    }
  }
  v.spf_alignment = detail::alignment_summary(v.checks, "spf");
  v.dkim_alignment = detail::alignment_summary(v.checks, "dkim");
  if (input.spf == std::nullopt) say("No SPF result was given.");
  if (input.dkim.empty()) say("No DKIM signature was given.");
  if (psl_differs)
    v.findings.push_back({"dmarc.alignment_disagrees", Severity::warning,
                          "Alignment by Public Suffix List (RFC 7489) differs from alignment by "
                          "DNS tree walk (RFC 9989) for at least one identifier: receivers "
                          "following the older standard reach a different result.",
                          {}, "Sign with and send from the From domain itself."});

  // The requested policy: p for the policy domain itself, sp/np below it (RFC 9989 §4.7).
  Policy requested = effect.p;
  if (from != walk.policy_domain) {
    // RFC 9989 §3.2 (after RFC 8020): a domain does not exist when its name answers NXDOMAIN. A
    // name with any record, even only TXT, exists; a failed lookup counts as existing, since the
    // subdomain policy is the safer reading.
    const dns::Question q{from, dns::RecordType::A};
    const dns::Answer* a = cache.find(q);
    if (!a) {
      v.pending.push_back(q);
      return v;
    }
    v.from_domain_exists = a->kind != dns::AnswerKind::nxdomain;
    requested = *v.from_domain_exists ? effect.sp : effect.np;
    say(*v.from_domain_exists
            ? "The From domain is below the policy domain, so the subdomain policy applies: " +
                  std::string(to_string(requested)) + "."
            : "The From domain does not exist (NXDOMAIN), so the policy for non-existent "
              "subdomains applies: " + std::string(to_string(requested)) + ".");
  }
  v.published_policy = requested;

  if (v.spf_aligned || v.dkim_aligned) {
    v.result = DmarcResult::pass;
    v.policy = Policy::none;
    say(std::string("DMARC passes: ") +
        (v.spf_aligned && v.dkim_aligned ? "both SPF and DKIM"
         : v.spf_aligned                  ? "SPF"
                                          : "DKIM") +
        " passed and aligned with the From domain. No policy is applied.");
    return v;
  }
  if (temporary) {
    // A DNS error is neither pass nor fail: the receiver cannot conclude that DMARC failed.
    v.result = DmarcResult::temperror;
    v.policy = Policy::none;
    say("No identifier passed and aligned, but a temporary DNS error (temperror) kept SPF or "
        "DKIM from a final result, so DMARC is temperror: the receiver applies no policy and "
        "will retry (it defers the message, and the sender tries again later).");
    return v;
  }
  v.result = DmarcResult::fail;
  v.policy = requested;
  say("DMARC fails: no identifier both passed and aligned with the From domain.");
  if (effect.testing && requested != Policy::none) {
    v.policy = detail::weaken(requested);
    say("The record is in testing mode (t=y), so receivers apply one level less: " +
        std::string(to_string(v.policy)) + " instead of " + std::string(to_string(requested)) +
        ".");
  }
  if (rec.pct && *rec.pct < 100 && requested != Policy::none)
    say("The record has pct=" + std::to_string(*rec.pct) + ": RFC 7489 receivers apply the policy "
        "to that share of failing mail only; RFC 9989 receivers ignore pct.");
  say("The receiver should apply: " + std::string(to_string(v.policy)) + ".");
  return v;
}

MAILDIAG_FUNC std::string summarize(const Verdict& v) {
  switch (v.result) {
    case DmarcResult::pass:
      return "DMARC pass: an aligned identifier passed; no policy is applied.";
    case DmarcResult::fail:
      if (v.policy == Policy::none)
        return "DMARC fail, but the policy to apply is none: the message is delivered as usual.";
      return "DMARC fail: the receiver applies " + std::string(to_string(v.policy)) + ".";
    case DmarcResult::none:
      return "DMARC none: no DMARC policy applies to this message.";
    case DmarcResult::temperror:
      return "DMARC temperror: a DNS lookup failed, so the receiver will retry; no policy is "
             "applied, this is not a rejection.";
    case DmarcResult::permerror:
      return "DMARC permerror: no policy is applied.";
  }
  return {};
}

}  // namespace dmarc
}  // namespace maildiag
