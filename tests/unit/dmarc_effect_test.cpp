// Whether receivers apply a DMARC record, and with which policy (RFC 9989 §4.7 and §4.10.1,
// RFC 7489 §6.3 and §6.6.3): record shapes from the grammar and from records seen published, each
// run through `dmarc check` (effect_of) and through the verdict, which must agree.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "maildiag/dmarc/effect.hpp"
#include "maildiag/dmarc/json.hpp"
#include "maildiag/dmarc/verdict.hpp"
#include "zone_support.hpp"

using namespace maildiag;
using namespace maildiag::dmarc;

namespace {

constexpr auto N = Policy::none;
constexpr auto Q = Policy::quarantine;
constexpr auto R = Policy::reject;

struct Shape {
  const char* record;
  bool in_effect;
  Policy p, sp, np;                 // effective (none when not in effect)
  std::size_t rua;                  // destinations receivers use
  std::set<std::string> codes;      // every finding code
};

std::vector<Shape> shapes() {
  return {
      {"v=DMARC1; p=reject; rua=mailto:d@example.com", true, R, R, R, 1, {}},
      {"v=DMARC1;p=none;fo:0;adkim=r;aspf=r;sp=none;rua=mailto:postmaster@example.com", true, N, N, N, 1,
       {"dmarc.syntax", "dmarc.monitoring_only"}},
      {"v=DMARC1;p=none;0;adkim=r;aspf=r;sp=none;rua=mailto:postmaster@example.com", true, N, N, N, 1,
       {"dmarc.syntax", "dmarc.monitoring_only"}},
      {"v=DMARC1;p=quarantine;sp-none;rua=mailto:postmaster@example.com", true, Q, Q, Q, 1, {"dmarc.syntax"}},
      {"v=DMARC1; p=reject; ruf=mailto://abuse.example; rua=mailto:d@example.com", true, R, R, R, 1,
       {"dmarc.invalid_uri"}},
      {"v=DMARC1; p=quarantine; rua=mailto:d@example.com!10 K", true, Q, Q, Q, 1, {"dmarc.invalid_size"}},
      {"v=DMARC1; psd=y", true, N, N, N, 0,
       {"dmarc.missing_p", "dmarc.rfc7489_ignores", "dmarc.no_rua"}},
      {"v=DMARC1; p=reject; sp=invalid; rua=mailto:d@example.com", true, N, N, N, 1,
       {"dmarc.invalid_policy"}},
      {"v=DMARC1; p=reject; sp=invalid", false, N, N, N, 0, {"dmarc.invalid_policy", "dmarc.no_rua"}},
      {"v=DMARC1; p=block; rua=mailto:d@example.com", true, N, N, N, 1, {"dmarc.invalid_policy"}},
      {"v=DMARC1; p=block", false, N, N, N, 0, {"dmarc.invalid_policy", "dmarc.no_rua"}},
      {"v=DMARC1; p=reject; np=bogus; rua=mailto:d@example.com", true, N, N, N, 1,
       {"dmarc.invalid_policy", "dmarc.rfc7489_ignores"}},
      {"v=DMARC1; p=reject; sp=; rua=mailto:d@example.com", true, N, N, N, 1, {"dmarc.invalid_policy"}},
      {"v=DMARC1; p=reject; sp=invalid; rua=mailto:nobody", false, N, N, N, 0,
       {"dmarc.invalid_policy", "dmarc.invalid_uri"}},
      {"v=DMARC1", true, N, N, N, 0, {"dmarc.missing_p", "dmarc.no_rua"}},
      {"v=DMARC1; rua=mailto:d@example.com", true, N, N, N, 1, {"dmarc.missing_p"}},
      {"v=dmarc1; p=reject", false, N, N, N, 0, {"dmarc.bad_version"}},
      {"v=DMARC2; p=reject", false, N, N, N, 0, {"dmarc.bad_version"}},
      {" v=DMARC1; p=reject", false, N, N, N, 0, {"dmarc.leading_whitespace"}},
      {"p=reject; v=DMARC1", false, N, N, N, 0, {"dmarc.missing_version", "dmarc.version_not_first"}},
      {"", false, N, N, N, 0, {"dmarc.missing_version"}},
      {"v=spf1 -all", false, N, N, N, 0, {"dmarc.bad_version"}},
      {"v=DMARC1; p=reject; sp=quarantine; np=none; rua=mailto:d@example.com", true, R, Q, N, 1,
       {"dmarc.rfc7489_ignores", "dmarc.sp_weaker", "dmarc.np_weaker"}},
      {"v=DMARC1; p=quarantine; np=reject; rua=mailto:d@example.com", true, Q, Q, R, 1,
       {"dmarc.rfc7489_ignores"}},
      {"v=DMARC1; p=none; sp=reject; rua=mailto:d@example.com", true, N, R, R, 1, {"dmarc.monitoring_only"}},
      {"v=DMARC1; p=reject; adkim=s; aspf=s; rua=mailto:d@example.com", true, R, R, R, 1, {}},
      {"v=DMARC1; p=reject; adkim=strict; rua=mailto:d@example.com", true, R, R, R, 1,
       {"dmarc.invalid_alignment"}},
      {"v=DMARC1; p=reject; aspf=x; rua=mailto:d@example.com", true, R, R, R, 1, {"dmarc.invalid_alignment"}},
      {"v=DMARC1; p=quarantine; t=y; rua=mailto:d@example.com", true, Q, Q, Q, 1,
       {"dmarc.rfc7489_ignores", "dmarc.testing"}},
      {"v=DMARC1; p=quarantine; t=yes; rua=mailto:d@example.com", true, Q, Q, Q, 1,
       {"dmarc.invalid_t", "dmarc.rfc7489_ignores"}},
      {"v=DMARC1; p=reject; psd=n; rua=mailto:d@example.com", true, R, R, R, 1, {"dmarc.rfc7489_ignores"}},
      {"v=DMARC1; p=reject; psd=maybe; rua=mailto:d@example.com", true, R, R, R, 1,
       {"dmarc.invalid_psd", "dmarc.rfc7489_ignores"}},
      {"v=DMARC1; p=quarantine; pct=50; rua=mailto:d@example.com", true, Q, Q, Q, 1, {"dmarc.removed_tag"}},
      {"v=DMARC1; p=reject; pct=150; rua=mailto:d@example.com", true, R, R, R, 1,
       {"dmarc.invalid_pct", "dmarc.removed_tag"}},
      {"v=DMARC1; p=reject; rf=afrf; ri=86400; rua=mailto:d@example.com", true, R, R, R, 1,
       {"dmarc.removed_tag"}},
      {"v=DMARC1; p=reject; p=none; rua=mailto:d@example.com", true, R, R, R, 1, {"dmarc.duplicate_tag"}},
      {"v=DMARC1; p=reject; foo=bar; rua=mailto:d@example.com", true, R, R, R, 1, {"dmarc.unknown_tag"}},
      {"v=DMARC1; p=reject; rua=d@example.com", true, R, R, R, 0, {"dmarc.invalid_uri"}},
      {"v=DMARC1; p=reject; rua=https://reports.example.com/", true, R, R, R, 0,
       {"dmarc.unsupported_uri_scheme"}},
      {"v=DMARC1; p=reject; rua=", true, R, R, R, 0, {"dmarc.empty_uri_list"}},
      {"v=DMARC1; p=reject; rua=mailto:a@example.com,mailto:b@example.net,mailto:c@example.org", true, R,
       R, R, 3, {"dmarc.too_many_report_uris"}},
      {"v=DMARC1; p=reject; fo=1:d:s; ruf=mailto:f@example.com; rua=mailto:d@example.com", true, R, R, R,
       1, {}},
      {"v=DMARC1; p=reject; fo=2; rua=mailto:d@example.com", true, R, R, R, 1,
       {"dmarc.invalid_fo", "dmarc.fo_without_ruf"}},
      {"v=DMARC1; p=Reject; rua=mailto:d@example.com", true, R, R, R, 1, {}},
      {"v=DMARC1; p=reject; v=DMARC1; rua=mailto:d@example.com", true, R, R, R, 1,
       {"dmarc.duplicate_tag"}},
      {"v=DMARC1 ; p = reject ; rua = mailto:d@example.com ;", true, R, R, R, 1, {}},
      {"v=DMARC1; p=reject; rua=mailto:d@example.com!10m", true, R, R, R, 1, {"dmarc.size_suffix"}},
      {"v=DMARC1; rua=mailto:d@example.com; p=quarantine", true, Q, Q, Q, 1, {"dmarc.p_not_second"}},
  };
}

// The distinct codes, sorted and joined, so a failed check prints them.
std::string codes_of(const std::vector<Finding>& findings) {
  std::set<std::string> codes;
  for (const auto& f : findings) codes.insert(f.code);
  std::string out;
  for (const auto& c : codes) out += c + " ";
  return out;
}

std::string joined(const std::set<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += c + " ";
  return out;
}

Verdict evaluate_at(const std::string& record, const std::string& from) {
  nlohmann::json zone{
      {"example.com", {{{"type", "A"}, {"data", "192.0.2.1"}}}},
      {"sub.example.com", {{{"type", "A"}, {"data", "192.0.2.2"}}}},
      {"_dmarc.example.com", {{{"type", "TXT"}, {"data", record}}}}};
  VerdictInput in{from, AuthResult{"example.com", "fail"}, {}};
  return test_support::evaluate_on_zone(zone.dump(),
                                        [&](const dns::Cache& c) { return evaluate(in, c); });
}

bool has(const std::vector<Finding>& fs, const std::string& code) {
  return std::any_of(fs.begin(), fs.end(), [&](const Finding& f) { return f.code == code; });
}

}  // namespace

TEST_CASE("Record shapes: in effect, effective policy and finding codes") {
  const auto all = shapes();
  CHECK(all.size() >= 40);
  for (const auto& s : all) {
    const std::string record = s.record;
    CAPTURE(record);
    Record r = parse_record(s.record);
    Effect e = effect_of(r);
    CHECK(e.in_effect == s.in_effect);
    CHECK(e.p == s.p);
    CHECK(e.sp == s.sp);
    CHECK(e.np == s.np);
    CHECK(e.rua.size() == s.rua);
    CHECK(codes_of(r.findings) == joined(s.codes));
    CHECK(describe_effect(r).rfind(s.in_effect ? "In effect: " : "Not in effect: ", 0) == 0);
    auto j = to_json(r);
    CHECK(j["in_effect"] == s.in_effect);
    if (s.in_effect) CHECK(j["effective"]["p"] == to_string(s.p));
  }
}

TEST_CASE("dmarc check and dmarc eval agree on every record shape") {
  for (const auto& s : shapes()) {
    const std::string record = s.record;
    CAPTURE(record);
    const Effect e = effect_of(parse_record(s.record));
    const struct {
      const char* from;
      Policy expected;
    } cases[] = {{"example.com", s.p}, {"sub.example.com", s.sp}, {"ghost.example.com", s.np}};
    for (const auto& c : cases) {
      CAPTURE(c.from);
      Verdict v = evaluate_at(s.record, c.from);
      if (!s.in_effect) {
        CHECK(v.result == DmarcResult::none);
        CHECK(v.policy == Policy::none);
        continue;
      }
      CHECK(v.result == DmarcResult::fail);
      REQUIRE(v.published_policy);
      CHECK(*v.published_policy == c.expected);
      // t=y: receivers apply one level less.
      CHECK(v.policy == (e.testing ? (c.expected == R ? Q : N) : c.expected));
      CHECK(v.aspf == e.aspf);
      CHECK(v.adkim == e.adkim);
    }
  }
}

TEST_CASE("The in-effect line says which policy is lost and why") {
  CHECK(describe_effect(parse_record("v=DMARC1; p=reject; sp=invalid; rua=mailto:d@contoso.example"),
                        "contoso.example") ==
        "In effect: receivers apply p=none to contoso.example (your p=reject is lost: sp=invalid "
        "is not a valid policy).");
  CHECK(describe_effect(parse_record("v=DMARC1; p=reject; sp=invalid")) ==
        "Not in effect: receivers apply no DMARC (your p=reject is lost: sp=invalid is not a valid "
        "policy and no rua destination is valid).");
  CHECK(describe_effect(parse_record("v=DMARC1; p=reject; sp=quarantine; t=y"), "example.com") ==
        "In effect: receivers apply p=reject, sp=quarantine, np=quarantine to example.com, one "
        "level less while t=y.");
  auto lost = parse_record("v=DMARC1; p=reject; sp=invalid; rua=mailto:d@example.com");
  auto f = std::find_if(lost.findings.begin(), lost.findings.end(),
                        [](const Finding& x) { return x.code == "dmarc.invalid_policy"; });
  REQUIRE(f != lost.findings.end());
  CHECK(f->message.find("apply p=none") != std::string::npos);
  CHECK(f->message.find("your p=reject is lost") != std::string::npos);
  for (const char* ignored : {"v=DMARC1;p=none;fo:0;rua=mailto:d@example.com",
                              "v=DMARC1; p=none; ruf=mailto://abuse.example",
                              "v=DMARC1; p=none; rua=mailto:d@example.com!10 K"}) {
    CAPTURE(ignored);
    auto r = parse_record(ignored);
    CHECK(std::all_of(r.findings.begin(), r.findings.end(), [](const Finding& x) {
      return x.severity != Severity::error || x.message.find("receivers ignore this") != std::string::npos;
    }));
  }
}

TEST_CASE("RFC 9989 §4.10.1: an invalid sp without a usable rua means no DMARC, with a finding") {
  Verdict v = evaluate_at("v=DMARC1; p=reject; sp=invalid", "example.com");
  CHECK(v.result == DmarcResult::none);
  CHECK(v.policy == Policy::none);
  CHECK(has(v.findings, "dmarc.invalid_policy"));
  Verdict with_rua = evaluate_at("v=DMARC1; p=reject; sp=invalid; rua=mailto:d@example.com", "example.com");
  CHECK(with_rua.result == DmarcResult::fail);
  CHECK(with_rua.policy == Policy::none);
  CHECK(has(with_rua.findings, "dmarc.invalid_policy"));
}
