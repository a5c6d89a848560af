// DMARC discovery (RFC 9989 §4.10 tree walk, RFC 7489 §6.6.3 with the PSL) and verdicts
// (RFC 9989 §4.4 / RFC 7489 §3.1 alignment), against a static JSON zone.
#include <doctest/doctest.h>

#include <algorithm>

#include "maildiag/dmarc/discovery.hpp"
#include "maildiag/dmarc/json.hpp"
#include "maildiag/dmarc/verdict.hpp"
#include "maildiag/dns/resolver.hpp"
#include "maildiag/dns/zone.hpp"
#include "zone_support.hpp"

using namespace maildiag;
using namespace maildiag::dmarc;

namespace {

const char* const kZone = R"({
    "example.com": [{"type":"A","data":"192.0.2.1"}],
    "mail.example.com": [{"type":"A","data":"192.0.2.2"}],
    "mxonly.example.com": [{"type":"MX","preference":10,"exchange":"mx.example.net"}],
    "_dmarc.example.com": [{"type":"TXT","data":"v=DMARC1; p=reject; sp=quarantine; np=reject; rua=mailto:d@example.com"}],
    "strict.test": [{"type":"A","data":"192.0.2.3"}],
    "_dmarc.strict.test": [{"type":"TXT","data":"v=DMARC1; p=quarantine; adkim=s; aspf=s; t=y"}],
    "_dmarc.gov.test": [{"type":"TXT","data":"v=DMARC1; p=reject; psd=y"}],
    "agency.gov.test": [{"type":"A","data":"192.0.2.4"}],
    "_dmarc.twice.test": [{"type":"TXT","data":"v=DMARC1; p=none"},{"type":"TXT","data":"v=DMARC1; p=reject"}],
    "_dmarc.flaky.test": [{"type":"TIMEOUT"}],
    "nodmarc.test": [{"type":"A","data":"192.0.2.5"}]
  })";

Discovery run_discover(const std::string& domain) {
  return test_support::evaluate_on_zone(
      kZone, [&](const dns::Cache& c) { return discover(domain, c); });
}

Verdict run(const VerdictInput& in) {
  return test_support::evaluate_on_zone(kZone, [&](const dns::Cache& c) { return evaluate(in, c); });
}

}  // namespace

TEST_CASE("RFC 9989 §4.10: tree walk names, with the jump to seven labels") {
  CHECK(tree_walk_names("a.b.example.com") ==
        std::vector<std::string>{"a.b.example.com", "b.example.com", "example.com", "com"});
  auto names = tree_walk_names("a.b.c.d.e.f.g.h.i.example.com");
  REQUIRE(names.size() == kMaxTreeWalkQueries);
  CHECK(names[0] == "a.b.c.d.e.f.g.h.i.example.com");
  CHECK(names[1] == "e.f.g.h.i.example.com");
  CHECK(names.back() == "com");
}

TEST_CASE("RFC 9989 §4.10.1: the first record up the tree is the policy; both methods agree") {
  auto d = run_discover("mail.example.com");
  CHECK(d.complete());
  CHECK(d.tree_walk.status == DiscoveryStatus::found);
  CHECK(d.tree_walk.policy_domain == "example.com");
  CHECK(d.tree_walk.organizational_domain == "example.com");
  CHECK(d.psl.policy_domain == "example.com");
  CHECK(d.psl.organizational_domain == "example.com");
  CHECK_FALSE(d.methods_disagree);
  CHECK(d.tree_walk.lookups.size() == 3);  // mail.example.com, example.com, com
}

TEST_CASE("RFC 9989 §4.10.2: psd=y makes the name below it the organizational domain") {
  auto d = run_discover("agency.gov.test");
  CHECK(d.tree_walk.policy_domain == "gov.test");
  CHECK(d.tree_walk.organizational_domain == "agency.gov.test");
  // RFC 7489 with the PSL: gov.test is not a public suffix, so it is the org domain
  CHECK(d.psl.organizational_domain == "gov.test");
  CHECK(d.methods_disagree);
  CHECK(std::any_of(d.findings.begin(), d.findings.end(),
                    [](const Finding& f) { return f.code == "dmarc.org_domain_disagrees"; }));
}

TEST_CASE("RFC 9989 §4.10.1: multiple records are discarded and the walk goes on; RFC 7489 stops") {
  auto d = run_discover("twice.test");
  CHECK(d.tree_walk.status == DiscoveryStatus::none);
  CHECK(d.tree_walk.lookups.size() == 2);  // twice.test, test
  CHECK(d.tree_walk.lookups[0].outcome == "multiple_records");
  CHECK(d.psl.status == DiscoveryStatus::multiple_records);
  CHECK(std::any_of(d.findings.begin(), d.findings.end(),
                    [](const Finding& f) { return f.code == "dmarc.multiple_records"; }));
}

TEST_CASE("Discovery is sans-IO: it asks one question at a time until complete") {
  dns::Cache cache;
  auto d = discover("mail.example.com", cache);
  REQUIRE(d.pending.size() == 1);
  CHECK(d.pending[0].name == "_dmarc.mail.example.com");
  CHECK(d.pending[0].type == dns::RecordType::TXT);
}

TEST_CASE("RFC 9989 §4.4: relaxed SPF alignment via the organizational domain passes") {
  auto v = run({"mail.example.com", AuthResult{"bounce.example.com", "pass"}, {}});
  CHECK(v.result == DmarcResult::pass);
  CHECK(v.spf_aligned);
  CHECK_FALSE(v.dkim_aligned);
  CHECK(v.policy == Policy::none);
  CHECK(v.policy_domain == "example.com");
  CHECK(v.published_policy == Policy::quarantine);  // sp for an existing subdomain
  CHECK_FALSE(v.steps.empty());
}

TEST_CASE("RFC 9989 §4.4: a failing aligned DKIM and an unaligned passing SPF fail; np applies") {
  auto v = run({"ghost.example.com", AuthResult{"other.net", "pass"}, {{"example.com", "fail"}}});
  CHECK(v.result == DmarcResult::fail);
  CHECK_FALSE(v.spf_aligned);
  CHECK_FALSE(v.dkim_aligned);
  CHECK(v.from_domain_exists == false);
  CHECK(v.policy == Policy::reject);  // np=reject for a non-existent subdomain
}

TEST_CASE("RFC 9989 np: a name with only an MX record exists, so sp applies, not np") {
  auto v = run({"mxonly.example.com", std::nullopt, {}});
  CHECK(v.result == DmarcResult::fail);
  CHECK(v.from_domain_exists == true);
  CHECK(v.policy == Policy::quarantine);
}

TEST_CASE("RFC 7489 §3.1.1: strict alignment needs the exact domain; t=y weakens the policy") {
  auto v = run({"strict.test", std::nullopt, {{"mail.strict.test", "pass"}}});
  CHECK(v.result == DmarcResult::fail);
  CHECK(v.adkim == AlignmentMode::strict);
  CHECK(v.published_policy == Policy::quarantine);
  CHECK(v.policy == Policy::none);  // t=y: quarantine is applied as none
  auto exact = run({"strict.test", std::nullopt, {{"strict.test", "pass"}}});
  CHECK(exact.result == DmarcResult::pass);
  CHECK(exact.dkim_aligned);
}

TEST_CASE("Results none and temperror; two records at one name count as none (RFC 9989 §4.10.1)") {
  CHECK(run({"nodmarc.test", std::nullopt, {}}).result == DmarcResult::none);
  CHECK(run({"twice.test", std::nullopt, {}}).result == DmarcResult::none);
  CHECK(run({"flaky.test", std::nullopt, {}}).result == DmarcResult::temperror);
}

TEST_CASE("RFC 9989 §4.10.1: two records below a parent record: the parent's policy applies") {
  VerdictInput in{"twice.example.org", AuthResult{"other.net", "fail"}, {}};
  auto v = test_support::evaluate_on_zone(R"({
    "twice.example.org": [{"type":"A","data":"192.0.2.9"}],
    "_dmarc.twice.example.org": [{"type":"TXT","data":"v=DMARC1; p=none"},{"type":"TXT","data":"v=DMARC1; p=none"}],
    "_dmarc.example.org": [{"type":"TXT","data":"v=DMARC1; p=reject; sp=quarantine"}]
  })", [&](const dns::Cache& c) { return evaluate(in, c); });
  CHECK(v.result == DmarcResult::fail);
  CHECK(v.policy_domain == "example.org");
  CHECK(v.policy == Policy::quarantine);
  CHECK(std::any_of(v.findings.begin(), v.findings.end(),
                    [](const Finding& f) { return f.code == "dmarc.multiple_records"; }));
}

TEST_CASE("RFC 9989 §5.3.2: an SPF or DKIM temperror without an aligned pass is temperror, no policy") {
  auto spf = run({"example.com", AuthResult{"example.com", "temperror"}, {{"example.com", "fail"}}});
  CHECK(spf.result == DmarcResult::temperror);
  CHECK(spf.policy == Policy::none);
  CHECK(spf.published_policy == Policy::reject);
  auto dkim = run({"example.com", AuthResult{"example.com", "fail"}, {{"example.com", "temperror"}}});
  CHECK(dkim.result == DmarcResult::temperror);
  CHECK(dkim.policy == Policy::none);
  // An aligned pass settles it: the DNS error elsewhere does not matter.
  auto pass = run({"example.com", AuthResult{"example.com", "temperror"}, {{"example.com", "pass"}}});
  CHECK(pass.result == DmarcResult::pass);
}

TEST_CASE("RFC 9989 §3.2: only NXDOMAIN makes a From domain non-existent; a TXT-only name exists") {
  VerdictInput in{"txtonly.example.org", std::nullopt, {}};
  const char* zone = R"({
    "txtonly.example.org": [{"type":"TXT","data":"site-verification=1"}],
    "_dmarc.example.org": [{"type":"TXT","data":"v=DMARC1; p=quarantine; np=reject"}]
  })";
  auto v = test_support::evaluate_on_zone(zone, [&](const dns::Cache& c) { return evaluate(in, c); });
  CHECK(v.from_domain_exists == true);
  CHECK(v.policy == Policy::quarantine);
  in.from_domain = "ghost.example.org";
  auto ghost = test_support::evaluate_on_zone(zone, [&](const dns::Cache& c) { return evaluate(in, c); });
  CHECK(ghost.from_domain_exists == false);
  CHECK(ghost.policy == Policy::reject);
}

TEST_CASE("Steps and summary come from the same alignment facts and never contradict") {
  const char* domains[] = {"example.com", "mail.example.com", "other.net", "strict.test"};
  const char* results[] = {"pass", "fail", "temperror", "none"};
  for (const char* from : {"example.com", "strict.test"})
    for (const char* spf_domain : domains)
      for (const char* dkim_domain : domains)
        for (const char* result : results) {
          VerdictInput in{from, AuthResult{spf_domain, result}, {{dkim_domain, result}, {dkim_domain, "fail"}}};
          CAPTURE(from);
          CAPTURE(spf_domain);
          CAPTURE(dkim_domain);
          CAPTURE(result);
          Verdict v = run(in);
          for (const auto& c : v.checks) {
            const std::string who = c.mechanism == "spf" ? "SPF (MAIL FROM " + c.domain + ")"
                                                         : "DKIM (d=" + c.domain + ")";
            auto step = std::find_if(v.steps.begin(), v.steps.end(), [&](const std::string& s) {
              return s.rfind(who + " gave " + c.result + ";", 0) == 0;
            });
            REQUIRE(step != v.steps.end());
            CHECK((step->find("so it is aligned") != std::string::npos) == c.aligned);
            CHECK((step->find("It counts") != std::string::npos) == c.counts);
            const std::string& summary = c.mechanism == "spf" ? v.spf_alignment : v.dkim_alignment;
            CHECK(summary.find(c.domain + " " + c.result + (c.aligned ? ", aligned" : ", not aligned")) !=
                  std::string::npos);
          }
          CHECK(v.spf_aligned == (v.spf_alignment.find(": counts") != std::string::npos));
          CHECK(v.dkim_aligned == (v.dkim_alignment.find(": counts") != std::string::npos));
          CHECK((v.result == DmarcResult::pass) == (v.spf_aligned || v.dkim_aligned));
        }
}

TEST_CASE("DOMAIN:RESULT arguments") {
  auto r = parse_auth_result("Example.COM:Pass");
  REQUIRE(r);
  CHECK(r->domain == "example.com");
  CHECK(r->result == "pass");
  CHECK_FALSE(parse_auth_result("example.com"));
  CHECK_FALSE(parse_auth_result("example.com:maybe"));
}

TEST_CASE("JSON form of a verdict carries the contract fields") {
  auto j = to_json(run({"mail.example.com", AuthResult{"example.com", "pass"}, {}}));
  CHECK(j["result"] == "pass");
  CHECK(j["policy"] == "none");
  CHECK(j["policy_domain"] == "example.com");
  CHECK(j["spf_aligned"] == true);
  CHECK(j["dkim_aligned"] == false);
}

TEST_CASE("RFC 9989 §4.10.2: a failed lookup above the policy record keeps the policy and says so") {
  VerdictInput in{"mail.example.org", AuthResult{"example.org", "pass"}, {}};
  auto v = test_support::evaluate_on_zone(R"({
    "_dmarc.example.org": [{"type":"TXT","data":"v=DMARC1; p=reject"}],
    "_dmarc.org": [{"type":"TIMEOUT"}],
    "mail.example.org": [{"type":"A","data":"192.0.2.9"}]
  })", [&](const dns::Cache& c) { return evaluate(in, c); });
  CHECK(v.result == DmarcResult::pass);
  CHECK(v.organizational_domain == "example.org");
  CHECK(std::any_of(v.findings.begin(), v.findings.end(),
                    [](const Finding& f) { return f.code == "dmarc.tree_walk_incomplete"; }));
}

TEST_CASE("RFC 9989 §4.7: a record with a wrong version is ignored, and discovery says why") {
  auto parsed = dns::Zone::parse(R"({"_dmarc.lower.test": [{"type":"TXT","data":"v=dmarc1; p=reject"}]})");
  REQUIRE(parsed.zone);
  dns::Cache cache;
  auto d = dns::drive([&](const dns::Cache& c) { return discover("lower.test", c); }, *parsed.zone, cache);
  CHECK(d.tree_walk.status == DiscoveryStatus::none);
  CHECK(std::any_of(d.findings.begin(), d.findings.end(),
                    [](const Finding& f) { return f.code == "dmarc.bad_version"; }));
}

TEST_CASE("Audit of a name with two records: merge them, not publish a third") {
  auto a = test_support::evaluate_on_zone(kZone, [](const dns::Cache& c) { return audit("twice.test", c); });
  auto has = [&](const char* code) {
    return std::any_of(a.findings.begin(), a.findings.end(), [&](const Finding& f) { return f.code == code; });
  };
  CHECK(has("dmarc.multiple_records"));
  CHECK_FALSE(has("dmarc.no_record"));
  CHECK(has_errors(a.findings));
}
