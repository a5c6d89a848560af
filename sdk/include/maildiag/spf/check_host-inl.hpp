#pragma once

#include <optional>

#include "maildiag/argument_check.hpp"
#include "maildiag/dns/ip_address.hpp"
#include "maildiag/spf/check_host.hpp"
#include "maildiag/spf/macro.hpp"
#include "maildiag/spf/record.hpp"

namespace maildiag {
namespace spf {
namespace check_detail {

// RFC 7208 §4.3: a domain that can be queried: valid labels, at least two of them, no literal.
inline bool is_checkable_domain(std::string_view name) {
  return dns::is_valid_name(name) && name.find('.') != std::string_view::npos &&
         name.front() != '[';
}

inline bool is_same_or_subdomain(std::string_view name, std::string_view parent) {
  if (name == parent) return true;
  return name.size() > parent.size() && name[name.size() - parent.size() - 1] == '.' &&
         name.substr(name.size() - parent.size()) == parent;
}

inline bool is_ascii(std::string_view text) {
  for (char c : text)
    if (static_cast<unsigned char>(c) > 0x7e || (static_cast<unsigned char>(c) < 0x20)) return false;
  return true;
}

struct Outcome {
  Result result = Result::neutral;
  std::vector<std::string> chain;
  std::string matched_domain;
  std::string explanation;
};

enum class Match : std::uint8_t { no, yes, temperror, permerror };

class Engine {
 public:
  Engine(const Request& request, const dns::Cache& cache, const Limits& limits, Evaluation& out)
      : request_(request), cache_(cache), limits_(limits), out_(out) {}

  void run() {
    auto ip = dns::IpAddress::parse(request_.ip);
    if (!ip) {
      out_.result = Result::none;
      out_.reason = "\"" + request_.ip + "\" is not an IP address";
      return;
    }
    ip_ = ip->unmapped();
    std::string_view helo = request_.helo;
    if (!helo.empty() && helo.back() == '.') helo.remove_suffix(1);
    helo_ = std::string(helo);
    std::string domain, local;
    if (request_.mail_from.empty()) {
      local = "postmaster";
      domain = helo_;
    } else {
      std::size_t at = request_.mail_from.rfind('@');
      if (at == std::string::npos) {
        local = "postmaster";
        domain = request_.mail_from;
      } else {
        local = request_.mail_from.substr(0, at);
        domain = request_.mail_from.substr(at + 1);
        if (local.empty()) local = "postmaster";
      }
    }
    if (!domain.empty() && domain.back() == '.') domain.pop_back();
    local_ = local;
    sender_domain_ = domain;
    sender_ = local + "@" + domain;
    out_.domain = domain;
    out_.sender = sender_;
    std::string name = dns::normalize_name(domain);
    if (!check_detail::is_checkable_domain(name)) {
      out_.result = Result::none;
      out_.reason = "\"" + domain + "\" is not a domain that can have an SPF record (RFC 7208 section 4.3)";
      return;
    }
    Outcome o = check(name, domain, 0, true);
    if (stalled_) return;
    out_.result = o.result;
    out_.matched_chain = o.chain;
    if (!o.chain.empty()) out_.matched_term = o.chain.back();
    out_.matched_domain = o.matched_domain;
    if (!o.chain.empty())
      out_.reason = "\"" + out_.matched_term + "\" in the SPF record of " + o.matched_domain + " matched";
    if (o.result == Result::fail) out_.explanation = o.explanation;
    out_.dns_lookups = lookups_;
    out_.void_lookups = voids_;
  }

 private:
  // Returns the cached answer, or nullptr after recording the question as pending.
  const dns::Answer* lookup(const std::string& name, dns::RecordType type, std::string_view domain,
                            std::string_view cause, int depth) {
    const dns::Answer* answer = cache_.find(name, type);
    if (!answer) {
      need(name, type);
      stalled_ = true;
      return nullptr;
    }
    out_.trace.push_back({{name, type}, *answer, std::string(domain), std::string(cause), depth});
    return answer;
  }

  void need(const std::string& name, dns::RecordType type) {
    for (const auto& q : out_.pending)
      if (q.type == type && q.name == name) return;
    out_.pending.push_back({name, type});
  }

  // Makes sure every (name, type) is in the cache; lists the missing ones together so that a
  // host can answer them in one round trip.
  bool prefetch(const std::vector<std::string>& names, dns::RecordType type) {
    bool all = true;
    for (const auto& n : names)
      if (!cache_.find(n, type)) {
        need(n, type);
        all = false;
      }
    if (!all) stalled_ = true;
    return all;
  }

  dns::RecordType address_type() const { return ip_.is_v6 ? dns::RecordType::AAAA : dns::RecordType::A; }

  MacroValues macro_values(std::string_view current_domain) const {
    MacroValues v;
    v.ip = ip_;
    v.sender = sender_;
    v.local_part = local_;
    v.sender_domain = sender_domain_;
    v.domain = current_domain;
    v.helo = helo_;
    v.receiver = request_.receiver;
    v.timestamp = request_.timestamp;
    return v;
  }

  // RFC 7208 §7.3 "p": a name of the client validated by a forward lookup, preferring the
  // current domain, then its subdomains. Lookup failures only mean "unknown".
  std::optional<std::string> validated_name(const std::string& current, int depth) {
    const dns::Answer* ptr = lookup(ip_.reverse_name(), dns::RecordType::PTR, current, "%{p}", depth);
    if (!ptr) return std::nullopt;
    std::vector<std::string> names;
    for (const auto& r : ptr->records) {
      if (static_cast<int>(names.size()) == limits_.ptr_names) break;
      if (!r.data.empty()) names.push_back(r.data);
    }
    if (!prefetch(names, address_type())) return std::nullopt;
    std::string best;
    int best_rank = 0;
    for (const auto& n : names) {
      const dns::Answer* a = lookup(n, address_type(), current, "%{p}", depth);
      bool valid = false;
      for (const auto& r : a->records) {
        auto addr = dns::IpAddress::parse(r.data);
        valid = valid || (addr && *addr == ip_);
      }
      if (!valid) continue;
      int rank = n == current ? 3 : check_detail::is_same_or_subdomain(n, current) ? 2 : 1;
      if (rank > best_rank) {
        best_rank = rank;
        best = n;
      }
    }
    return best.empty() ? std::string("unknown") : best;
  }

  // Expands a domain-spec; std::nullopt when stalled or on a macro error (then `error` is set).
  std::optional<std::string> target(std::string_view spec, const std::string& current,
                                    std::string_view current_original, int depth, bool& error) {
    error = false;
    MacroValues values = macro_values(current_original);
    std::string p;
    if (uses_macro_letter(spec, 'p')) {
      auto name = validated_name(current, depth);
      if (!name) return std::nullopt;
      p = *name;
      values.validated_domain = p;
    }
    std::string out;
    if (expand_domain(spec, values, out) != ExpandStatus::ok) {
      error = true;
      return std::nullopt;
    }
    return out;
  }

  bool count_lookup(Outcome& o, std::string_view term) {
    if (++lookups_ > limits_.dns_terms) {
      o.result = Result::permerror;
      out_.reason = "more than " + std::to_string(limits_.dns_terms) +
                    " DNS-querying terms (RFC 7208 section 4.6.4), reached at \"" + std::string(term) + "\"";
      return false;
    }
    return true;
  }

  // Counts a void answer; false once the limit is passed.
  bool count_void(const dns::Answer& answer, std::string_view term) {
    if (!answer.is_void()) return true;
    if (++voids_ > limits_.void_lookups) {
      out_.reason = "more than " + std::to_string(limits_.void_lookups) +
                    " lookups returned no records (void lookups, RFC 7208 section 4.6.4), reached at \"" +
                    std::string(term) + "\"";
      return false;
    }
    return true;
  }

  bool address_matches(const dns::Answer& answer, const Term& term) const {
    for (const auto& r : answer.records) {
      auto addr = dns::IpAddress::parse(r.data);
      if (!addr) continue;
      unsigned prefix = static_cast<unsigned>(ip_.is_v6 ? term.ip6_prefix() : term.ip4_prefix());
      if (ip_.in_network(*addr, prefix)) return true;
    }
    return false;
  }

  Match temperror(std::string why) {
    out_.reason = std::move(why);
    return Match::temperror;
  }

  // Evaluates one mechanism. `inner` receives the chain below an include that matched.
  Match mechanism(const Term& term, std::string_view text, const std::string& current,
                  std::string_view current_original, int depth, Outcome& o, Outcome& inner) {
    std::string_view term_text = text.substr(term.span.begin, term.span.size());
    std::string_view spec = text.substr(term.value.begin, term.value.size());
    switch (term.mechanism) {
      case Mechanism::all:
        return Match::yes;
      case Mechanism::ip4:
      case Mechanism::ip6: {
        unsigned prefix = static_cast<unsigned>(term.network.is_v6 ? term.ip6_prefix() : term.ip4_prefix());
        return ip_.in_network(term.network, prefix) ? Match::yes : Match::no;
      }
      default:
        break;
    }
    if (!count_lookup(o, term_text)) return Match::permerror;
    std::string name = current;
    if (term.has_value) {
      bool error = false;
      auto t = target(spec, current, current_original, depth, error);
      if (error) {
        out_.reason = "the macros in \"" + std::string(term_text) + "\" cannot be expanded";
        return Match::permerror;
      }
      if (!t) return Match::no;  // stalled
      name = *t;
    }
    bool valid = check_detail::is_checkable_domain(name);
    switch (term.mechanism) {
      case Mechanism::include: {
        Outcome sub;
        if (valid) {
          sub = check(name, name, depth + 1, false, term_text);
          if (stalled_) return Match::no;
        } else {
          sub.result = Result::none;
        }
        switch (sub.result) {
          case Result::pass:
            inner = std::move(sub);
            return Match::yes;
          case Result::fail:
          case Result::softfail:
          case Result::neutral:
            return Match::no;
          case Result::temperror:
            return Match::temperror;
          case Result::none:
            out_.reason = "\"" + std::string(term_text) + "\" points to a domain without an SPF record"
                          " (RFC 7208 section 5.2)";
            return Match::permerror;
          case Result::permerror:
            return Match::permerror;
        }
        return Match::permerror;
      }
      case Mechanism::a:
      case Mechanism::exists: {
        if (!valid) return Match::no;
        dns::RecordType type = term.mechanism == Mechanism::exists ? dns::RecordType::A : address_type();
        const dns::Answer* a = lookup(name, type, current, term_text, depth);
        if (!a) return Match::no;
        if (a->is_failure())
          return temperror("the " + std::string(dns::to_string(type)) + " lookup for " + name + " failed (" +
                           std::string(dns::to_string(a->kind)) + ")");
        if (!count_void(*a, term_text)) return Match::permerror;
        if (term.mechanism == Mechanism::exists) return a->records.empty() ? Match::no : Match::yes;
        return address_matches(*a, term) ? Match::yes : Match::no;
      }
      case Mechanism::mx: {
        if (!valid) return Match::no;
        const dns::Answer* mx = lookup(name, dns::RecordType::MX, current, term_text, depth);
        if (!mx) return Match::no;
        if (mx->is_failure())
          return temperror("the MX lookup for " + name + " failed (" + std::string(dns::to_string(mx->kind)) + ")");
        if (!count_void(*mx, term_text)) return Match::permerror;
        if (static_cast<int>(mx->records.size()) > limits_.mx_names) {
          out_.reason = "\"" + std::string(term_text) + "\": " + name + " has " +
                        std::to_string(mx->records.size()) + " MX records, more than " +
                        std::to_string(limits_.mx_names) + " (RFC 7208 section 4.6.4)";
          return Match::permerror;
        }
        std::vector<std::string> hosts;
        for (const auto& r : mx->records)
          if (!r.data.empty()) hosts.push_back(r.data);
        if (!prefetch(hosts, address_type())) return Match::no;
        for (const auto& h : hosts) {
          const dns::Answer* a = lookup(h, address_type(), current, term_text, depth);
          if (a->is_failure())
            return temperror("the address lookup for MX host " + h + " failed (" +
                             std::string(dns::to_string(a->kind)) + ")");
          if (address_matches(*a, term)) return Match::yes;
        }
        return Match::no;
      }
      case Mechanism::ptr: {
        const dns::Answer* ptr = lookup(ip_.reverse_name(), dns::RecordType::PTR, current, term_text, depth);
        if (!ptr) return Match::no;
        if (ptr->is_failure()) return Match::no;  // RFC 7208 §5.5: a DNS error means no match
        if (!count_void(*ptr, term_text)) return Match::permerror;
        std::vector<std::string> candidates;
        int examined = 0;
        for (const auto& r : ptr->records) {
          if (examined++ == limits_.ptr_names) break;
          if (valid && check_detail::is_same_or_subdomain(r.data, name)) candidates.push_back(r.data);
        }
        if (!prefetch(candidates, address_type())) return Match::no;
        for (const auto& c : candidates) {
          const dns::Answer* a = lookup(c, address_type(), current, term_text, depth);
          for (const auto& r : a->records) {
            auto addr = dns::IpAddress::parse(r.data);
            if (addr && *addr == ip_) return Match::yes;
          }
        }
        return Match::no;
      }
      default:
        return Match::no;
    }
  }

  std::string explain(const Record& record, std::string_view text, const std::string& current,
                      std::string_view current_original, int depth) {
    MacroValues values = macro_values(current_original);
    auto default_text = [&]() -> std::string {
      std::string expanded;
      MacroValues v = values;
      v.validated_domain = "unknown";
      if (expand_macros(request_.default_explanation, MacroContext::explain_string, v, expanded) !=
          ExpandStatus::ok)
        return request_.default_explanation;
      return expanded;
    };
    const Term* exp = record.find_modifier(Modifier::exp);
    if (!exp) return default_text();
    bool error = false;
    auto name = target(text.substr(exp->value.begin, exp->value.size()), current, current_original, depth, error);
    if (error) return default_text();
    if (!name) return {};
    if (!check_detail::is_checkable_domain(*name)) return default_text();
    const dns::Answer* a = lookup(*name, dns::RecordType::TXT, current, "exp", depth);
    if (!a) return {};
    if (a->records.size() != 1) return default_text();
    std::string exp_text = a->records.front().joined_text();
    if (!check_detail::is_ascii(exp_text)) return default_text();
    std::string p;
    if (uses_macro_letter(exp_text, 'p')) {
      auto v = validated_name(current, depth);
      if (!v) return {};
      p = *v;
      values.validated_domain = p;
    }
    std::string out;
    if (expand_macros(exp_text, MacroContext::explain_string, values, out) != ExpandStatus::ok)
      return default_text();
    return out;
  }

  Outcome check(const std::string& name, std::string_view original, int depth, bool explain_allowed,
                std::string_view cause = "record") {
    Outcome o;
    const dns::Answer* answer = lookup(name, dns::RecordType::TXT, name, depth == 0 ? "record" : cause, depth);
    if (!answer) return o;
    if (answer->is_failure()) {
      o.result = Result::temperror;
      out_.reason = "the TXT lookup for " + name + " failed (" + std::string(dns::to_string(answer->kind)) +
                    (answer->error.empty() ? "" : ": " + answer->error) + ")";
      return o;
    }
    std::vector<std::string> records;
    for (const auto& r : answer->records) {
      std::string text = r.joined_text();
      if (is_spf_record(text)) records.push_back(std::move(text));
    }
    if (records.empty()) {
      o.result = Result::none;
      out_.reason = name + " publishes no SPF record";
      return o;
    }
    if (records.size() > 1) {
      o.result = Result::permerror;
      out_.reason = name + " publishes " + std::to_string(records.size()) +
                    " SPF records; there must be exactly one (RFC 7208 section 4.5)";
      return o;
    }
    const std::string& text = records.front();
    Record record = parse(text);
    if (!record.ok()) {
      o.result = Result::permerror;
      const Finding& f = record.findings.front();
      out_.reason = "the SPF record of " + name + " has a syntax error at byte " + std::to_string(f.span.begin) +
                    ": " + f.message;
      return o;
    }
    for (const auto& term : record.terms) {
      if (term.is_modifier) continue;
      Outcome inner;
      Match m = mechanism(term, text, name, original, depth, o, inner);
      if (stalled_) return o;
      if (m == Match::no) continue;
      if (m == Match::temperror) {
        o.result = Result::temperror;
        return o;
      }
      if (m == Match::permerror) {
        o.result = Result::permerror;
        return o;
      }
      switch (term.qualifier) {
        case Qualifier::pass: o.result = Result::pass; break;
        case Qualifier::fail: o.result = Result::fail; break;
        case Qualifier::softfail: o.result = Result::softfail; break;
        case Qualifier::neutral: o.result = Result::neutral; break;
      }
      o.chain.emplace_back(text.substr(term.span.begin, term.span.size()));
      o.matched_domain = name;
      if (!inner.chain.empty()) {
        o.chain.insert(o.chain.end(), inner.chain.begin(), inner.chain.end());
        o.matched_domain = inner.matched_domain;
      }
      if (o.result == Result::fail && explain_allowed) o.explanation = explain(record, text, name, original, depth);
      return o;
    }
    if (const Term* redirect = record.find_modifier(Modifier::redirect)) {
      std::string_view term_text = std::string_view(text).substr(redirect->span.begin, redirect->span.size());
      if (!count_lookup(o, term_text)) return o;
      bool error = false;
      auto t = target(std::string_view(text).substr(redirect->value.begin, redirect->value.size()), name,
                      original, depth, error);
      if (error) {
        o.result = Result::permerror;
        out_.reason = "the macros in \"" + std::string(term_text) + "\" cannot be expanded";
        return o;
      }
      if (!t) return o;
      Outcome sub;
      if (check_detail::is_checkable_domain(*t)) {
        sub = check(*t, *t, depth + 1, explain_allowed, term_text);
        if (stalled_) return o;
      } else {
        sub.result = Result::none;
      }
      if (sub.result == Result::none) {
        o.result = Result::permerror;
        out_.reason = "\"" + std::string(term_text) + "\" points to a domain without an SPF record"
                      " (RFC 7208 section 6.1)";
        return o;
      }
      sub.chain.insert(sub.chain.begin(), std::string(term_text));
      return sub;
    }
    o.result = Result::neutral;
    out_.reason = "no mechanism matched and there is no redirect: the default result is neutral";
    return o;
  }

  const Request& request_;
  const dns::Cache& cache_;
  Limits limits_;
  Evaluation& out_;
  dns::IpAddress ip_;
  std::string helo_, local_, sender_domain_, sender_;
  int lookups_ = 0;
  int voids_ = 0;
  bool stalled_ = false;
};

}  // namespace check_detail

MAILDIAG_FUNC std::string_view to_string(Result r) noexcept {
  switch (r) {
    case Result::none: return "none";
    case Result::neutral: return "neutral";
    case Result::pass: return "pass";
    case Result::fail: return "fail";
    case Result::softfail: return "softfail";
    case Result::temperror: return "temperror";
    case Result::permerror: return "permerror";
  }
  return "none";
}

MAILDIAG_FUNC std::optional<RequestError> check_request(const Request& request) {
  using Field = RequestError::Field;
  if (std::string why = ip_address_error(request.ip); !why.empty()) return RequestError{Field::ip, why};
  if (request.mail_from.empty() && request.helo.empty())
    return RequestError{Field::helo, "a HELO name is required when MAIL FROM is empty"};
  // The HELO name is checked only when it is the identity evaluated; otherwise it only fills %{h}.
  std::string why = request.mail_from.empty() ? check_domain(request.helo).error
                                              : check_address(request.mail_from).error;
  if (why.empty()) return std::nullopt;
  return RequestError{request.mail_from.empty() ? Field::helo : Field::mail_from, why};
}

MAILDIAG_FUNC Evaluation check_host(const Request& request, const dns::Cache& cache, const Limits& limits) {
  Evaluation out;
  check_detail::Engine(request, cache, limits, out).run();
  if (!out.pending.empty()) {
    out.result = Result::none;
    out.reason = "waiting for DNS answers";
  } else if (out.result == Result::temperror) {
    out.dns_outage = dns::find_outage(cache);
  }
  return out;
}

MAILDIAG_FUNC Evaluation check_host(const Request& request, dns::Resolver& resolver, dns::Cache& cache,
                                    const Limits& limits) {
  return dns::drive([&](const dns::Cache& c) { return check_host(request, c, limits); }, resolver, cache);
}

}  // namespace spf
}  // namespace maildiag
