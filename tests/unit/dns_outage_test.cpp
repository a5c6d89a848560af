// DNS that could not be asked is not a fault of the domain (maildiag/dns/outage.hpp): when no
// question gets an answer, every evaluator stops after the first round and reports one finding;
// a lookup that failed among answered ones is "unknown", never "missing"; a domain the resolver
// says does not exist is reported once.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "maildiag/dkim/audit.hpp"
#include "maildiag/dkim/json.hpp"
#include "maildiag/dns/outage.hpp"
#include "maildiag/dns/resolver.hpp"
#include "maildiag/domain_audit.hpp"
#include "maildiag/domain_audit_json.hpp"
#include "maildiag/spf/audit.hpp"
#include "maildiag/spf/check_host.hpp"
#include "maildiag/spf/json.hpp"
#include "zone_support.hpp"

using namespace maildiag;

namespace {

// A resolver that answers every question the same way, and counts the rounds it was asked.
class SameAnswerResolver : public dns::Resolver {
 public:
  explicit SameAnswerResolver(dns::Answer answer) : answer_(std::move(answer)) {}
  std::vector<dns::Answer> resolve(const std::vector<dns::Question>& questions) override {
    ++rounds;
    return std::vector<dns::Answer>(questions.size(), answer_);
  }
  int rounds = 0;

 private:
  dns::Answer answer_;
};

dns::Answer timeout() { return dns::Answer::failure(dns::AnswerKind::timeout, "no answer in time"); }
dns::Answer servfail() { return dns::Answer::failure(dns::AnswerKind::error, "SERVFAIL"); }
dns::Answer nxdomain() { return dns::Answer::failure(dns::AnswerKind::nxdomain, ""); }

// Answers from a zone, except that TXT lookups under _domainkey fail.
class DkimLookupsFail : public dns::Resolver {
 public:
  explicit DkimLookupsFail(dns::Zone zone) : zone_(std::move(zone)) {}
  std::vector<dns::Answer> resolve(const std::vector<dns::Question>& questions) override {
    std::vector<dns::Answer> answers = zone_.resolve(questions);
    for (std::size_t i = 0; i < questions.size(); ++i)
      if (questions[i].type == dns::RecordType::TXT &&
          questions[i].name.find("._domainkey.") != std::string::npos)
        answers[i] = servfail();
    return answers;
  }

 private:
  dns::Zone zone_;
};

template <class Evaluate>
auto run(dns::Resolver& resolver, Evaluate&& evaluate) {
  dns::Cache cache;
  return dns::drive(std::forward<Evaluate>(evaluate), resolver, cache);
}

std::vector<std::string> codes(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.code);
  return out;
}

}  // namespace

TEST_CASE("find_outage: only when no question got a DNS answer") {
  dns::Cache cache;
  CHECK_FALSE(dns::find_outage(cache));
  cache.insert({"a.example", dns::RecordType::TXT}, timeout());
  cache.insert({"b.example", dns::RecordType::TXT}, servfail());
  cache.insert({"c.example", dns::RecordType::MX}, timeout());
  auto outage = dns::find_outage(cache);
  REQUIRE(outage);
  CHECK(outage->kind == dns::AnswerKind::timeout);  // the most common failure
  CHECK(outage->error == "no answer in time");
  CHECK(outage->failed_questions == 3);
  Finding f = dns::outage_finding(*outage);
  CHECK(f.code == "dns.unreachable");
  CHECK(f.severity == Severity::error);
  CHECK(f.message.find("Could not reach DNS (no answer in time): nothing was checked") == 0);

  cache.insert({"d.example", dns::RecordType::TXT}, nxdomain());  // an answer: DNS works
  CHECK_FALSE(dns::find_outage(cache));
}

TEST_CASE("domain audit: a resolver that times out or fails gives one finding and no others") {
  for (const dns::Answer& failure : {timeout(), servfail()}) {
    SameAnswerResolver resolver(failure);
    DomainAudit a = run(resolver, [](const dns::Cache& c) {
      return audit_domain("microsoft.com", {}, c);
    });
    CHECK(resolver.rounds == 1);  // the first round failed: nothing more is asked
    REQUIRE(a.dns_outage);
    CHECK(a.pending.empty());
    REQUIRE(a.findings.size() == 1);
    CHECK(a.findings[0].area == "dns");
    CHECK(a.findings[0].finding.code == "dns.unreachable");
    CHECK(a.dkim.selectors.empty());
    auto j = to_json(a);
    CHECK(j["dns_outage"]["kind"] == std::string(dns::to_string(failure.kind)));
    CHECK(j["summary"]["errors"] == 1);
    CHECK(j["summary"]["warnings"] == 0);
  }
}

TEST_CASE("spf audit and check_host: an outage is not a missing record") {
  SameAnswerResolver resolver(timeout());
  spf::Audit a = run(resolver, [](const dns::Cache& c) { return spf::audit("microsoft.com", c); });
  REQUIRE(a.dns_outage);
  CHECK(codes(a.findings) == std::vector<std::string>{"dns.unreachable"});
  CHECK(spf::to_json(a)["dns_outage"]["kind"] == "timeout");

  SameAnswerResolver refused(dns::Answer::failure(dns::AnswerKind::error, "Connection refused"));
  spf::Request request;
  request.ip = "192.0.2.1";
  request.mail_from = "a@microsoft.com";
  request.helo = "mail.example.com";
  spf::Evaluation e = run(refused, [&](const dns::Cache& c) { return spf::check_host(request, c); });
  CHECK(e.result == spf::Result::temperror);  // RFC 7208 §2.6.6 still holds
  REQUIRE(e.dns_outage);
  CHECK(e.dns_outage->error == "Connection refused");

  // One include failing after the domain's own record answered is the domain's problem.
  auto partial = test_support::evaluate_on_zone(
      R"({"example.com":[{"type":"TXT","data":"v=spf1 include:gone.example.org -all"}],
          "gone.example.org":[{"type":"TIMEOUT"}]})",
      [](const dns::Cache& c) { return spf::audit("example.com", c); });
  CHECK_FALSE(partial.dns_outage);
  std::vector<std::string> partial_codes = codes(partial.findings);
  CHECK(std::count(partial_codes.begin(), partial_codes.end(), "spf.dns_error") == 1);
}

TEST_CASE("dkim audit: selectors that could not be looked up are unknown, not missing") {
  DkimLookupsFail resolver(test_support::zone_from(
      R"({"example.com":[{"type":"MX","preference":10,"exchange":"mx.example.com"}]})"));
  dkim::Audit a = run(resolver, [](const dns::Cache& c) { return dkim::audit("example.com", {}, c); });
  CHECK_FALSE(a.dns_outage);
  REQUIRE_FALSE(a.selectors.empty());
  for (const auto& s : a.selectors) {
    CHECK(s.status == "unknown");
    CHECK(codes(s.findings) == std::vector<std::string>{"dkim.lookup_failed"});
  }
  CHECK(codes(a.findings) == std::vector<std::string>{"dkim.keys_unknown"});
  CHECK(dkim::to_json(a)["selectors"][0]["status"] == "unknown");

  SameAnswerResolver dead(servfail());
  dkim::Audit none = run(dead, [](const dns::Cache& c) { return dkim::audit("example.com", {"s1"}, c); });
  REQUIRE(none.dns_outage);
  CHECK(codes(none.findings) == std::vector<std::string>{"dns.unreachable"});
  CHECK(none.selectors.empty());
}

TEST_CASE("a resolver that answers NXDOMAIN for everything: the domain's absence is said once") {
  SameAnswerResolver resolver(nxdomain());
  DomainAudit a = run(resolver, [](const dns::Cache& c) {
    return audit_domain("microsoft.com", {}, c);
  });
  CHECK_FALSE(a.dns_outage);
  REQUIRE(a.findings.size() == 1);
  CHECK(a.findings[0].finding.code == "domain.nxdomain");
  CHECK(a.findings[0].finding.fix.find("spelling") != std::string::npos);
  CHECK(a.findings[0].finding.fix.find("resolver") != std::string::npos);

  spf::Audit s = run(resolver, [](const dns::Cache& c) { return spf::audit("microsoft.com", c); });
  CHECK(codes(s.findings) == std::vector<std::string>{"spf.domain_nxdomain"});

  dkim::Audit k = run(resolver, [](const dns::Cache& c) { return dkim::audit("microsoft.com", {}, c); });
  CHECK(codes(k.findings) == std::vector<std::string>{"dkim.domain_nxdomain"});
  CHECK(k.selectors.empty());
}
