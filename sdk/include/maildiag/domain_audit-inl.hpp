#pragma once

#include <algorithm>

#include "maildiag/domain_audit.hpp"
#include "maildiag/spf/audit.hpp"

namespace maildiag {
namespace domain_audit_detail {

inline const dns::Answer* ask(const dns::Cache& cache, dns::Question q,
                              std::vector<dns::Question>& pending) {
  if (const dns::Answer* a = cache.find(q)) return a;
  for (const auto& p : pending)
    if (p == q) return nullptr;
  pending.push_back(std::move(q));
  return nullptr;
}

inline bool starts_with_ci(std::string_view s, std::string_view prefix) noexcept {
  std::size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
  s.remove_prefix(i);
  if (s.size() < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    char c = s[k];
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    if (c != prefix[k]) return false;
  }
  return s.size() == prefix.size() || s[prefix.size()] == ' ' || s[prefix.size()] == ';' ||
         s[prefix.size()] == '\t';
}

// The value of `tag` in a "k=v; k=v" record, empty when absent.
inline std::string tag_value(std::string_view record, std::string_view tag) {
  std::size_t pos = 0;
  while (pos <= record.size()) {
    std::size_t semi = record.find(';', pos);
    std::string_view part = record.substr(pos, semi == std::string_view::npos ? std::string_view::npos : semi - pos);
    std::size_t b = part.find_first_not_of(" \t");
    if (b != std::string_view::npos) {
      part.remove_prefix(b);
      std::size_t eq = part.find('=');
      if (eq != std::string_view::npos) {
        std::string_view name = part.substr(0, eq);
        while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.remove_suffix(1);
        if (name == tag) {
          std::string_view v = part.substr(eq + 1);
          std::size_t vb = v.find_first_not_of(" \t");
          if (vb == std::string_view::npos) return {};
          v.remove_prefix(vb);
          while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
          return std::string(v);
        }
      }
    }
    if (semi == std::string_view::npos) break;
    pos = semi + 1;
  }
  return {};
}

// TXT strings at a name that start with `version` ("v=spf1").
inline std::vector<std::string> records_with(const dns::Answer& a, std::string_view version) {
  std::vector<std::string> out;
  for (const auto& r : a.records) {
    std::string text = r.joined_text();
    if (starts_with_ci(text, version)) out.push_back(std::move(text));
  }
  return out;
}

inline int rank(Severity s) noexcept {
  return s == Severity::error ? 0 : s == Severity::warning ? 1 : 2;
}

}  // namespace domain_audit_detail

MAILDIAG_FUNC DomainAudit audit_domain(std::string_view domain,
                                       const std::vector<std::string>& selectors,
                                       const dns::Cache& cache) {
  using namespace domain_audit_detail;
  DomainAudit a;
  a.domain = dns::normalize_name(domain);
  auto add = [&](const char* area, Finding f, std::optional<RecordToPublish> publish = {}) {
    a.findings.push_back({area, std::move(f), std::move(publish)});
  };
  if (!dns::is_valid_name(a.domain) || a.domain.find('.') == std::string::npos) {
    add("domain", {"domain.invalid", Severity::error,
                   "\"" + std::string(domain) + "\" is not a domain name like example.com.", {}, ""});
    return a;
  }
  if ((a.dns_outage = dns::find_outage(cache))) {
    add("dns", dns::outage_finding(*a.dns_outage));
    return a;
  }

  // MX (RFC 5321 §5.1; null MX: RFC 7505).
  bool null_mx = false;
  if (const dns::Answer* mx = ask(cache, {a.domain, dns::RecordType::MX}, a.pending)) {
    if (mx->kind == dns::AnswerKind::nxdomain) {
      a.mx_status = "nxdomain";
      add("domain", {"domain.nxdomain", Severity::error,
                     "The DNS resolver says " + a.domain + " does not exist: if so, nobody can "
                     "send mail to it, and receivers reject mail from it. Nothing else was "
                     "checked.",
                     {}, "Check the spelling of the domain. If it is right and the domain is "
                         "registered, ask another DNS resolver: this one may be wrong."});
    } else if (mx->is_failure()) {
      a.mx_status = "temperror";
      add("mx", {"mx.temperror", Severity::warning,
                 "The MX lookup failed (" + mx->error + "); senders would retry later.", {},
                 "Check that the domain's DNS servers answer."});
    } else if (mx->records.empty()) {
      a.mx_status = "none";
      add("mx",
          {"mx.none", Severity::warning,
           "No MX record: senders fall back to the domain's address (RFC 5321 §5.1), which is "
           "rarely a mail server. If the domain receives no mail, say so with a null MX.",
           {}, "Publish the MX records of your mail provider, or a null MX if no mail is received."},
          RecordToPublish{a.domain, "MX", "0 ."});
    } else {
      a.mx_status = "ok";
      for (const auto& r : mx->records) {
        std::string ex = dns::normalize_name(r.data);
        if (ex.empty() || ex == ".") {
          null_mx = true;
          continue;
        }
        a.mx_hosts.push_back({r.preference, ex, ""});
      }
      if (null_mx) {
        a.mx_status = "null_mx";
        if (mx->records.size() > 1)
          add("mx", {"mx.null_mx_mixed", Severity::error,
                     "A null MX (\"0 .\") must be the only MX record (RFC 7505 §3); here it is "
                     "mixed with others, which confuses senders.",
                     {}, "Remove the null MX if the domain receives mail, or the other MX records."});
        else
          add("mx", {"mx.null_mx", Severity::info,
                     a.domain + " declares that it receives no mail (null MX, RFC 7505).", {}, ""});
      }
      std::stable_sort(a.mx_hosts.begin(), a.mx_hosts.end(),
                       [](const MxHost& x, const MxHost& y) { return x.preference < y.preference; });
      if (a.mx_hosts.size() > kMaxMxHosts) a.mx_hosts.resize(kMaxMxHosts);
      for (auto& h : a.mx_hosts) {
        const dns::Answer* v4 = ask(cache, {h.exchange, dns::RecordType::A}, a.pending);
        const dns::Answer* v6 = ask(cache, {h.exchange, dns::RecordType::AAAA}, a.pending);
        if (!v4 || !v6) continue;
        if (!v4->records.empty() || !v6->records.empty())
          h.status = "resolves";
        else if (v4->is_failure() || v6->is_failure())
          h.status = "temperror";
        else
          h.status = "unresolvable";
        if (h.status == "unresolvable")
          add("mx", {"mx.unresolvable", Severity::error,
                     "The mail server " + h.exchange + " named in the MX record has no address "
                     "(no A or AAAA record): mail sent to it cannot be delivered.",
                     {}, "Fix the MX record to name your provider's server, or publish its address."});
        else if (h.status == "temperror")
          add("mx", {"mx.target_temperror", Severity::warning,
                     "The address of mail server " + h.exchange + " could not be looked up.", {}, ""});
      }
    }
  }

  if (a.mx_status == "nxdomain") return a;  // nothing else can be right for a missing domain

  // SPF: the record and its include tree (maildiag/spf/audit), with a record to publish when
  // there is none.
  const std::string spf_fix_value = null_mx ? "v=spf1 -all" : "v=spf1 mx -all";
  a.spf = spf::audit(a.domain, cache);
  a.pending.insert(a.pending.end(), a.spf.pending.begin(), a.spf.pending.end());
  if (a.spf.pending.empty()) {
    for (const auto& f : a.spf.findings) {
      std::optional<RecordToPublish> publish;
      if (f.code == "spf.no_record") publish = RecordToPublish{a.domain, "TXT", spf_fix_value};
      add("spf", f, publish);
    }
    if (!a.spf.nodes.empty()) {
      if (!a.spf.nodes[0].record.empty()) a.spf_records = {a.spf.nodes[0].record};
      for (auto f : a.spf.nodes[0].findings) {
        f.message = "SPF record of " + a.domain + ": " + f.message;
        add("spf", std::move(f));
      }
    }
  }

  // DMARC and DKIM.
  a.dmarc = dmarc::audit(a.domain, cache);
  a.dkim = dkim::audit(a.domain, selectors, cache);
  a.pending.insert(a.pending.end(), a.dmarc.pending.begin(), a.dmarc.pending.end());
  a.pending.insert(a.pending.end(), a.dkim.pending.begin(), a.dkim.pending.end());
  if (a.dmarc.pending.empty()) {
    const std::string suggested = "v=DMARC1; p=none; rua=mailto:dmarc-reports@" + a.domain;
    for (const auto& f : a.dmarc.findings) {
      std::optional<RecordToPublish> publish;
      if (f.code == "dmarc.no_record")
        publish = RecordToPublish{"_dmarc." + a.domain, "TXT",
                                  null_mx ? "v=DMARC1; p=reject" : suggested};
      add("dmarc", f, publish);
    }
    if (const auto& rec = a.dmarc.discovery.tree_walk.record)
      for (const auto& f : rec->findings) add("dmarc", f);
  }
  if (a.dkim.pending.empty()) {
    for (const auto& s : a.dkim.selectors) {
      for (const auto& f : s.findings) {
        std::optional<RecordToPublish> publish;
        if (f.code == "dkim.m365_cname_missing")
          publish = RecordToPublish{s.name, "CNAME",
                                    dkim::microsoft_365_cname(s.selector, a.domain, "<tenant>")};
        add("dkim", f, publish);
      }
      if (s.record)
        for (auto f : s.record->findings) {
          f.message = s.name + ": " + f.message;
          add("dkim", std::move(f));
        }
    }
    for (const auto& f : a.dkim.findings) add("dkim", f);
  }

  // MTA-STS (RFC 8461 §3.1) and TLS-RPT (RFC 8460 §3).
  const std::string sts_name = "_mta-sts." + a.domain;
  if (const dns::Answer* sts = ask(cache, {sts_name, dns::RecordType::TXT}, a.pending)) {
    std::vector<std::string> recs = sts->is_failure() ? std::vector<std::string>{}
                                                      : records_with(*sts, "v=stsv1");
    if (recs.size() > 1) {
      add("mta_sts", {"mta_sts.multiple_records", Severity::error,
                      "Several MTA-STS records: senders then ignore MTA-STS (RFC 8461 §3.1).", {},
                      "Keep one record."});
    } else if (recs.size() == 1) {
      a.mta_sts_record = recs.front();
      std::string id = tag_value(recs.front(), "id");
      bool id_ok = !id.empty() && id.size() <= 32 &&
                   std::all_of(id.begin(), id.end(), [](char c) {
                     return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                   });
      if (!id_ok)
        add("mta_sts", {"mta_sts.invalid_id", Severity::error,
                        "The MTA-STS record needs an id= of 1 to 32 letters and digits (RFC 8461 "
                        "§3.1); senders ignore it otherwise.",
                        {}, "Write id= followed by a date stamp, like id=20250101T000000."});
      else
        add("mta_sts", {"mta_sts.present", Severity::info,
                        "MTA-STS is announced. The policy file at https://mta-sts." + a.domain +
                            "/.well-known/mta-sts.txt was not checked.",
                        {}, ""});
    } else if (!sts->is_failure() && a.mx_status == "ok") {
      add("mta_sts", {"mta_sts.none", Severity::info,
                      "No MTA-STS: senders deliver to this domain with TLS only when it happens "
                      "to work, and an attacker on the path can downgrade it.",
                      {}, "Publish a policy file at https://mta-sts." + a.domain +
                              "/.well-known/mta-sts.txt and announce it in DNS."},
          RecordToPublish{sts_name, "TXT", "v=STSv1; id=20250101T000000"});
    }
  }
  const std::string rpt_name = "_smtp._tls." + a.domain;
  if (const dns::Answer* rpt = ask(cache, {rpt_name, dns::RecordType::TXT}, a.pending)) {
    std::vector<std::string> recs = rpt->is_failure() ? std::vector<std::string>{}
                                                      : records_with(*rpt, "v=tlsrptv1");
    if (recs.size() > 1) {
      add("tls_rpt", {"tls_rpt.multiple_records", Severity::error,
                      "Several TLS-RPT records: senders then send no reports (RFC 8460 §3).", {},
                      "Keep one record."});
    } else if (recs.size() == 1) {
      a.tls_rpt_record = recs.front();
      std::string rua = tag_value(recs.front(), "rua");
      if (rua.rfind("mailto:", 0) != 0 && rua.rfind("https:", 0) != 0)
        add("tls_rpt", {"tls_rpt.invalid_rua", Severity::warning,
                        "The TLS-RPT record needs rua=mailto:... or rua=https://... (RFC 8460 §3).",
                        {}, "Write rua=mailto:tls-reports@" + a.domain + "."});
    } else if (!rpt->is_failure() && a.mx_status == "ok") {
      add("tls_rpt", {"tls_rpt.none", a.mta_sts_record ? Severity::warning : Severity::info,
                      a.mta_sts_record ? "MTA-STS is on but TLS-RPT is not: you will not hear "
                                         "when senders fail to deliver over TLS."
                                       : "No TLS-RPT: senders cannot report TLS delivery "
                                         "problems to you.",
                      {}, "Publish a TLS-RPT record."},
          RecordToPublish{rpt_name, "TXT", "v=TLSRPTv1; rua=mailto:tls-reports@" + a.domain});
    }
  }

  std::stable_sort(a.findings.begin(), a.findings.end(),
                   [](const DomainFinding& x, const DomainFinding& y) {
                     return rank(x.finding.severity) < rank(y.finding.severity);
                   });
  return a;
}

}  // namespace maildiag
