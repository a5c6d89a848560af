#pragma once

#include "maildiag/dmarc/discovery.hpp"
#include "maildiag/psl/public_suffix.hpp"

namespace maildiag {
namespace dmarc {
namespace detail {

// What one `_dmarc.<name>` TXT answer tells discovery.
struct NameState {
  bool answered = false;
  std::string outcome;
  RecordSet set;
};

inline NameState read_name(const std::string& name, const dns::Cache& cache,
                           std::vector<dns::Question>& pending) {
  NameState st;
  dns::Question q{"_dmarc." + name, dns::RecordType::TXT};
  const dns::Answer* a = cache.find(q);
  if (!a) {
    bool already = false;
    for (const auto& p : pending) already = already || p == q;
    if (!already) pending.push_back(std::move(q));
    return st;
  }
  st.answered = true;
  if (a->is_failure()) {
    st.outcome = "temperror";
    return st;
  }
  std::vector<std::string> txts;
  for (const auto& r : a->records) txts.push_back(r.joined_text());
  st.set = select_record(txts);
  if (st.set.dmarc_records > 1)
    st.outcome = "multiple_records";
  else if (st.set.record && st.set.record->is_dmarc)
    st.outcome = "record";
  else
    st.outcome = "no_record";
  return st;
}

inline std::size_t count_labels(std::string_view d) noexcept {
  if (d.empty()) return 0;
  std::size_t n = 1;
  for (char c : d) n += c == '.';
  return n;
}

// The rightmost `labels` labels of `d`.
inline std::string rightmost(std::string_view d, std::size_t labels) {
  std::size_t total = count_labels(d);
  std::size_t skip = total > labels ? total - labels : 0;
  std::size_t pos = 0;
  while (skip-- > 0) pos = d.find('.', pos) + 1;
  return std::string(d.substr(pos));
}

// Runs the tree walk as far as the cache allows. `policy_only` stops at the first record.
inline void walk(const std::string& domain, const dns::Cache& cache, MethodResult& out,
                 std::vector<dns::Question>& pending, std::vector<Finding>* findings) {
  std::vector<std::string> names = tree_walk_names(domain);
  std::string last_found;
  bool org_fixed = false;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    NameState st = read_name(name, cache, pending);
    if (!st.answered) return;
    Lookup lookup{name, st.outcome, std::nullopt};
    if (st.outcome == "temperror") {
      out.lookups.push_back(lookup);
      if (out.status == DiscoveryStatus::none) {
        out.status = DiscoveryStatus::temperror;
        out.organizational_domain = domain;
        return;
      }
      // The policy is known; only the organizational domain walk was cut short. Use what was
      // found so far and say so.
      out.organizational_domain = last_found.empty() ? domain : last_found;
      if (findings)
        findings->push_back({"dmarc.tree_walk_incomplete", Severity::warning,
                             "The lookup of _dmarc." + name + " failed, so the organizational "
                             "domain (" + out.organizational_domain + ") was decided without "
                             "the rest of the DNS tree walk.",
                             {}, ""});
      return;
    }
    if (findings) {
      for (auto f : st.set.findings) {
        f.message = "_dmarc." + name + ": " + f.message;
        findings->push_back(std::move(f));
      }
      // A record that starts like DMARC but is unusable is ignored by receivers: say why.
      if (st.set.record && !st.set.record->is_dmarc)
        for (const auto& f : st.set.record->findings)
          if (f.severity == Severity::error)
            findings->push_back({f.code, f.severity,
                                 "_dmarc." + name + " is ignored: " + f.message + " (\"" +
                                     st.set.record->text + "\")",
                                 {}, f.fix});
    }
    // RFC 9989 §4.10.1: several DMARC records at one name are all discarded and the walk goes
    // on, as if there were none (RFC 7489 §6.6.3 stopped there and applied no DMARC).
    if (st.outcome == "record") {
      const Record& rec = *st.set.record;
      lookup.psd = rec.psd;
      if (out.policy_domain.empty()) {
        out.status = DiscoveryStatus::found;
        out.policy_domain = name;
        out.record = rec;
      }
      if (rec.psd == 'n') {
        out.organizational_domain = name;
        org_fixed = true;
      } else if (rec.psd == 'y') {
        // The organizational domain is one label below the public suffix domain, or the
        // author domain itself when the record is its own.
        out.organizational_domain =
            name == domain ? domain : rightmost(domain, count_labels(name) + 1);
        org_fixed = true;
      } else {
        last_found = name;
      }
    }
    out.lookups.push_back(std::move(lookup));
    if (org_fixed) break;
  }
  if (!org_fixed) out.organizational_domain = last_found.empty() ? domain : last_found;
}

}  // namespace detail

MAILDIAG_FUNC std::string_view to_string(DiscoveryStatus s) noexcept {
  switch (s) {
    case DiscoveryStatus::found: return "found";
    case DiscoveryStatus::none: return "none";
    case DiscoveryStatus::multiple_records: return "multiple_records";
    case DiscoveryStatus::temperror: return "temperror";
  }
  return "none";
}

MAILDIAG_FUNC std::vector<std::string> tree_walk_names(std::string_view domain) {
  std::vector<std::string> names;
  std::string d = dns::normalize_name(domain);
  std::size_t labels = detail::count_labels(d);
  if (labels == 0) return names;
  names.push_back(d);
  std::size_t next = labels >= 8 ? 7 : labels - 1;
  for (; next >= 1 && names.size() < kMaxTreeWalkQueries; --next)
    names.push_back(detail::rightmost(d, next));
  return names;
}

MAILDIAG_FUNC std::string tree_walk_organizational_domain(std::string_view domain,
                                                          const dns::Cache& cache,
                                                          std::vector<dns::Question>& pending) {
  MethodResult r;
  detail::walk(dns::normalize_name(domain), cache, r, pending, nullptr);
  return r.organizational_domain;
}

MAILDIAG_FUNC Discovery discover(std::string_view domain, const dns::Cache& cache) {
  Discovery d;
  d.domain = dns::normalize_name(domain);
  if (!dns::is_valid_name(d.domain) || d.domain.find('.') == std::string::npos) {
    d.findings.push_back({"dmarc.invalid_domain", Severity::error,
                          "\"" + std::string(domain) + "\" is not a domain name with at least two "
                          "labels.",
                          {}, "Give the domain of the From address, like example.com."});
    d.tree_walk.organizational_domain = d.psl.organizational_domain = d.domain;
    return d;
  }
  detail::walk(d.domain, cache, d.tree_walk, d.pending, &d.findings);

  // RFC 7489 §6.6.3: the author domain, then its organizational domain from the list.
  MethodResult& psl = d.psl;
  psl.organizational_domain = std::string(psl::organizational_domain(d.domain));
  std::vector<std::string> names{d.domain};
  if (psl.organizational_domain != d.domain) names.push_back(psl.organizational_domain);
  for (const auto& name : names) {
    detail::NameState st = detail::read_name(name, cache, d.pending);
    if (!st.answered) break;
    psl.lookups.push_back({name, st.outcome, st.set.record ? st.set.record->psd : std::nullopt});
    if (st.outcome == "temperror") {
      psl.status = DiscoveryStatus::temperror;
      break;
    }
    if (st.outcome == "multiple_records") {
      psl.status = DiscoveryStatus::multiple_records;
      psl.policy_domain = name;
      break;
    }
    if (st.outcome == "record") {
      psl.status = DiscoveryStatus::found;
      psl.policy_domain = name;
      psl.record = st.set.record;
      break;
    }
  }
  if (!d.pending.empty()) return d;

  d.methods_disagree = d.tree_walk.policy_domain != psl.policy_domain ||
                       d.tree_walk.organizational_domain != psl.organizational_domain;
  if (d.tree_walk.policy_domain != psl.policy_domain) {
    auto where = [](const MethodResult& m) {
      if (m.status == DiscoveryStatus::multiple_records)
        return "no DMARC (several records at _dmarc." + m.policy_domain + ")";
      return m.policy_domain.empty() ? std::string("no record") : "_dmarc." + m.policy_domain;
    };
    d.findings.push_back(
        {"dmarc.discovery_disagrees", Severity::warning,
         "RFC 9989 receivers (DNS tree walk) apply " + where(d.tree_walk) +
             ", but RFC 7489 receivers (Public Suffix List) apply " + where(psl) +
             ": the domain is treated differently depending on the receiver.",
         {}, "Publish a DMARC record at _dmarc." + d.domain +
                 " itself so that both methods find the same policy."});
  } else if (d.tree_walk.organizational_domain != psl.organizational_domain) {
    d.findings.push_back(
        {"dmarc.org_domain_disagrees", Severity::info,
         "The organizational domain is " + d.tree_walk.organizational_domain +
             " by DNS tree walk (RFC 9989) but " + psl.organizational_domain +
             " by Public Suffix List (RFC 7489); relaxed alignment can differ between receivers.",
         {},
         {}});
  }
  return d;
}

}  // namespace dmarc
}  // namespace maildiag
