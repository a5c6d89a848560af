#pragma once

#include "maildiag/dkim/audit.hpp"
#include "maildiag/dns/answer.hpp"

namespace maildiag {
namespace dkim {
namespace detail {

inline bool ends_with(std::string_view s, std::string_view suffix) noexcept {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

inline bool is_microsoft_selector(std::string_view s) noexcept {
  return s == "selector1" || s == "selector2";
}

inline bool is_microsoft_target(std::string_view target) noexcept {
  return ends_with(target, ".onmicrosoft.com") || ends_with(target, ".dkim.mail.microsoft");
}

// Looks up a question, adding it to `pending` when the cache does not hold it yet.
inline const dns::Answer* ask(const dns::Cache& cache, dns::Question q,
                              std::vector<dns::Question>& pending) {
  if (const dns::Answer* a = cache.find(q)) return a;
  for (const auto& p : pending)
    if (p == q) return nullptr;
  pending.push_back(std::move(q));
  return nullptr;
}

}  // namespace detail

MAILDIAG_FUNC const std::vector<std::string>& default_selectors() {
  static const std::vector<std::string> selectors{
      "selector1", "selector2",  // Microsoft 365
      "google",                  // Google Workspace
      "k1", "k2",                // Mailchimp / Mandrill
      "s1", "s2",                // SendGrid
      "default", "dkim", "mail", "smtp"};
  return selectors;
}

MAILDIAG_FUNC std::string microsoft_365_cname(std::string_view selector, std::string_view domain,
                                              std::string_view tenant) {
  std::string guid = dns::normalize_name(domain);
  for (char& c : guid)
    if (c == '.') c = '-';
  return std::string(selector) + "-" + guid + "._domainkey." + std::string(tenant) +
         ".onmicrosoft.com";
}

MAILDIAG_FUNC Audit audit(std::string_view domain, const std::vector<std::string>& selectors,
                          const dns::Cache& cache) {
  using detail::ask;
  Audit a;
  a.domain = dns::normalize_name(domain);
  a.default_selectors = selectors.empty();
  const std::vector<std::string>& list = selectors.empty() ? default_selectors() : selectors;
  if (!dns::is_valid_name(a.domain)) {
    a.findings.push_back({"dkim.invalid_domain", Severity::error,
                          "\"" + std::string(domain) + "\" is not a domain name.", {}, ""});
    return a;
  }
  if ((a.dns_outage = dns::find_outage(cache))) {
    a.findings.push_back(dns::outage_finding(*a.dns_outage));
    return a;
  }
  // The MX tells whether Microsoft 365 receives (and most likely sends) the domain's mail.
  const dns::Answer* mx = ask(cache, {a.domain, dns::RecordType::MX}, a.pending);
  if (mx && mx->kind == dns::AnswerKind::nxdomain) {
    a.findings.push_back({"dkim.domain_nxdomain", Severity::error,
                          "The DNS resolver says " + a.domain +
                              " does not exist, so it has no DKIM keys either.",
                          {}, "Check the spelling of the domain; if it is right, ask another DNS "
                              "resolver."});
    return a;
  }
  if (mx)
    for (const auto& r : mx->records)
      a.microsoft_365_mx =
          a.microsoft_365_mx || detail::ends_with(dns::normalize_name(r.data), ".mail.protection.outlook.com");

  std::size_t keys = 0, unknown = 0;
  for (const auto& sel : list) {
    SelectorReport rep;
    rep.selector = dns::normalize_name(sel);
    rep.name = rep.selector + "._domainkey." + a.domain;
    if (rep.selector.empty() || !dns::is_valid_name(rep.name)) {
      rep.status = "not_found";
      rep.findings.push_back({"dkim.invalid_selector", Severity::error,
                              "\"" + sel + "\" is not a valid selector.", {}, ""});
      a.selectors.push_back(std::move(rep));
      continue;
    }
    const dns::Answer* cname = ask(cache, {rep.name, dns::RecordType::CNAME}, a.pending);
    const dns::Answer* txt = ask(cache, {rep.name, dns::RecordType::TXT}, a.pending);
    if (!cname || !txt) {
      a.selectors.push_back(std::move(rep));
      continue;
    }
    if (cname->kind == dns::AnswerKind::records && !cname->records.empty())
      rep.cname_target = dns::normalize_name(cname->records.front().data);
    if (txt->is_failure()) {
      rep.status = "unknown";
      ++unknown;
      rep.findings.push_back({"dkim.lookup_failed", Severity::warning,
                              "Whether a key is published at " + rep.name +
                                  " is unknown: the DNS lookup failed (" +
                                  (txt->error.empty() ? std::string(dns::to_string(txt->kind))
                                                      : txt->error) +
                                  ").",
                              {}, "Check again when DNS answers."});
    } else {
      std::vector<std::string> keys_found;
      for (const auto& r : txt->records) {
        std::string text = r.joined_text();
        if (looks_like_key_record(text)) keys_found.push_back(std::move(text));
      }
      if (keys_found.size() > 1) {
        rep.status = "multiple";
        rep.findings.push_back({"dkim.multiple_records", Severity::error,
                                std::to_string(keys_found.size()) + " key records at " + rep.name +
                                    ": verifiers may pick any, so signatures fail at random.",
                                {}, "Keep only the key that matches the private key in use."});
      } else if (keys_found.size() == 1) {
        rep.status = "found";
        rep.record = parse_key_record(keys_found.front());
        ++keys;
      } else {
        rep.status = txt->records.empty() ? "not_found" : "no_key_record";
      }
    }
    const bool microsoft = detail::is_microsoft_selector(rep.selector);
    if (rep.status == "not_found" || rep.status == "no_key_record") {
      if (!rep.cname_target.empty()) {
        rep.findings.push_back(
            {"dkim.cname_without_key", Severity::error,
             rep.name + " is a CNAME to " + rep.cname_target + ", but no key is published there." +
                 (microsoft && detail::is_microsoft_target(rep.cname_target)
                      ? " Microsoft 365 publishes the key once DKIM signing is enabled for the "
                        "domain."
                      : ""),
             {}, microsoft ? "Enable DKIM for the domain in the Microsoft Defender portal "
                             "(Email authentication settings, DKIM)."
                           : "Ask the provider behind " + rep.cname_target +
                                 " to enable DKIM signing for this domain."});
      } else if (microsoft && a.microsoft_365_mx) {
        rep.findings.push_back(
            {"dkim.m365_cname_missing", Severity::error,
             "The domain's mail goes through Microsoft 365, but " + rep.name +
                 " has no CNAME, so Microsoft 365 cannot sign with the domain's own key and "
                 "DMARC relies on SPF alone.",
             {}, "Publish CNAME " + rep.name + " -> " +
                     microsoft_365_cname(rep.selector, a.domain, "<tenant>") +
                     " (the exact value is shown in the Defender portal), then enable DKIM."});
      } else if (!a.default_selectors) {
        rep.findings.push_back({"dkim.selector_not_found", Severity::error,
                                "No DKIM key is published at " + rep.name +
                                    ": signatures with selector " + rep.selector + " fail.",
                                {}, "Publish the key record your mail provider gives you at " +
                                        rep.name + "."});
      }
    } else if (rep.status == "found" && microsoft && !rep.cname_target.empty() &&
               !detail::is_microsoft_target(rep.cname_target) && a.microsoft_365_mx) {
      rep.findings.push_back({"dkim.m365_cname_unexpected", Severity::warning,
                              rep.name + " points to " + rep.cname_target +
                                  ", not to the tenant's onmicrosoft.com name; Microsoft 365 "
                                  "signs with its own keys and this one will not match.",
                              {}, "Point the CNAME at the value shown in the Defender portal."});
    }
    a.selectors.push_back(std::move(rep));
  }
  if (!a.pending.empty()) return a;
  if (keys == 0 && unknown)
    a.findings.push_back({"dkim.keys_unknown", Severity::warning,
                          "No DKIM key was found, but " + std::to_string(unknown) + " of the " +
                              std::to_string(list.size()) +
                              " selectors could not be looked up: whether the domain has a key "
                              "is unknown.",
                          {}, "Check again when DNS answers."});
  else if (keys == 0)
    a.findings.push_back(
        a.default_selectors
            ? Finding{"dkim.no_selector_found", Severity::warning,
                      "None of the common selectors (" + std::to_string(list.size()) +
                          " tried) has a DKIM key. The domain may use another selector: it is "
                          "the s= tag of the DKIM-Signature header of a message you sent.",
                      {}, "Find the s= value in the DKIM-Signature header of a message you "
                          "sent, and check again with that selector."}
            : Finding{"dkim.no_key", Severity::error,
                      "No DKIM key was found for any of the given selectors, so mail from " +
                          a.domain + " cannot pass DKIM.",
                      {}, "Publish the key record your mail provider gives you."});
  return a;
}

}  // namespace dkim
}  // namespace maildiag
