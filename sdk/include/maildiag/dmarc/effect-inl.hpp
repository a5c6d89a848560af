#pragma once

#include "maildiag/dmarc/effect.hpp"

namespace maildiag {
namespace dmarc {

MAILDIAG_FUNC Effect effect_of(const Record& r) {
  Effect e;
  const bool falls_back = r.invalid_policy_tag.has_value();
  e.in_effect = r.is_dmarc && (!falls_back || r.has_valid_rua());
  if (falls_back && r.p && *r.p != Policy::none) e.lost = r.p;
  if (!e.in_effect) return e;
  if (!falls_back) {
    e.p = r.p.value_or(Policy::none);
    e.sp = r.sp.value_or(e.p);
    e.np = r.np.value_or(e.sp);
  }
  e.adkim = r.adkim;
  e.aspf = r.aspf;
  e.psd = r.psd;
  e.testing = r.testing;
  for (const auto& u : r.rua)
    if (u.valid) e.rua.push_back(u.uri);
  for (const auto& u : r.ruf)
    if (u.valid) e.ruf.push_back(u.uri);
  return e;
}

MAILDIAG_FUNC std::string describe_effect(const Record& r, std::string_view domain) {
  const Effect e = effect_of(r);
  const std::string to = domain.empty() ? std::string() : " to " + std::string(domain);
  if (!r.is_dmarc)
    return "Not in effect: this is not a DMARC record (it must start with exactly "
           "\"v=DMARC1\"), so receivers ignore it.";
  std::string why;
  if (const auto& bad = r.invalid_policy_tag)
    why = bad->name + "=" + bad->value + " is not a valid policy";
  const std::string lost =
      e.lost ? "your p=" + std::string(to_string(*e.lost)) + " is lost: " : "";
  if (!e.in_effect)
    return "Not in effect: receivers apply no DMARC" + to + " (" + lost + why +
           " and no rua destination is valid).";
  std::string s = "In effect: receivers apply p=" + std::string(to_string(e.p));
  if (!why.empty()) return s + to + " (" + lost + why + ").";
  if (e.sp != e.p || e.np != e.sp)
    s += ", sp=" + std::string(to_string(e.sp)) + ", np=" + std::string(to_string(e.np));
  s += to;
  if (e.testing) s += ", one level less while t=y";
  return s + ".";
}

}  // namespace dmarc
}  // namespace maildiag
