// Audits over a static zone: DMARC report authorization (RFC 7489 §7.1), DKIM selectors and
// Microsoft 365 CNAMEs, and the whole-domain audit (RFC 5321 §5.1 MX, RFC 7505 null MX,
// RFC 7208 §3.2 SPF, RFC 8461 §3.1 MTA-STS, RFC 8460 §3 TLS-RPT).
#include <doctest/doctest.h>

#include <algorithm>

#include "maildiag/dkim/audit.hpp"
#include "maildiag/dkim/json.hpp"
#include "maildiag/dmarc/audit.hpp"
#include "maildiag/dmarc/json.hpp"
#include "maildiag/dns/resolver.hpp"
#include "maildiag/dns/zone.hpp"
#include "maildiag/domain_audit.hpp"
#include "maildiag/domain_audit_json.hpp"
#include "zone_support.hpp"

using namespace maildiag;

namespace {

const std::string key2048 = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArDOJaAV0WMBnZZH23FKYo0cLUENK2twT0ab06ey2a6EevMrGepsF20tHEQKgYoHKyb3MK47jXW/TI+iJ9t9ZURx03i6rIkMF+ePSJR2kSHqya/GGTJ3FcHHEjyl7yny0+Ueqo98efNfeRAO4L+HYxICCxvK2JG8ONfzWx7UBQLHGZxGLN3X8Kt/82HBi6AiaQQ3HYA18sv5CKDjU9hTyecfKiB3yFLPsug8gG1AlukFT8RUGJk/MJemRNxQlTc42+Rl5YdkLb01bjAZrObeW4SJsw3Ov+Le6pe/fEmy/b55GJv1axY4Fz4l/CxTCHVmgUmW0lVaQRe4diApkggqHowIDAQAB";

dns::Zone zone() {
  std::string json = R"({
    "good.test": [{"type":"MX","preference":10,"exchange":"mx.good.test"},
                  {"type":"TXT","data":"v=spf1 mx -all"}],
    "mx.good.test": [{"type":"A","data":"192.0.2.10"}],
    "_dmarc.good.test": [{"type":"TXT","data":"v=DMARC1; p=reject; rua=mailto:d@good.test,mailto:x@reports.example,mailto:y@noauth.example"}],
    "good.test._report._dmarc.reports.example": [{"type":"TXT","data":"v=DMARC1"}],
    "selector1._domainkey.good.test": [{"type":"CNAME","data":"selector1-good-test._domainkey.goodtenant.onmicrosoft.com"}],
    "selector1-good-test._domainkey.goodtenant.onmicrosoft.com": [{"type":"TXT","data":["v=DKIM1; k=rsa; p=KEY"]}],
    "_mta-sts.good.test": [{"type":"TXT","data":"v=STSv1; id=20250101"}],
    "_smtp._tls.good.test": [{"type":"TXT","data":"v=TLSRPTv1; rua=mailto:tls@good.test"}],

    "m365.test": [{"type":"MX","preference":0,"exchange":"m365-test.mail.protection.outlook.com"},
                  {"type":"TXT","data":"v=spf1 include:spf.protection.outlook.com -all"},
                  {"type":"TXT","data":"v=spf1 -all"}],
    "m365-test.mail.protection.outlook.com": [{"type":"A","data":"192.0.2.20"}],
    "selector2._domainkey.m365.test": [{"type":"CNAME","data":"selector2-m365-test._domainkey.tenant.onmicrosoft.com"}],

    "broken.test": [{"type":"MX","preference":10,"exchange":"gone.broken.test"}],
    "nullmx.test": [{"type":"MX","preference":0,"exchange":"."}]
  })";
  // a 2048-bit key needs two TXT strings (at most 255 bytes each, RFC 1035 §3.3)
  auto pos = json.find("KEY");
  json.replace(pos, 3, key2048.substr(0, 200) + "\",\"" + key2048.substr(200));
  return test_support::zone_from(json);
}

template <class F>
auto drive(F&& f) {
  auto z = zone();
  dns::Cache cache;
  return dns::drive(f, z, cache);
}

bool has(const std::vector<Finding>& fs, const std::string& code) {
  return std::any_of(fs.begin(), fs.end(), [&](const Finding& f) { return f.code == code; });
}
bool has(const DomainAudit& a, const std::string& code) {
  return std::any_of(a.findings.begin(), a.findings.end(),
                     [&](const DomainFinding& f) { return f.finding.code == code; });
}

}  // namespace

TEST_CASE("RFC 7489 §7.1: external report destinations must authorize the policy domain") {
  auto a = drive([](const dns::Cache& c) { return dmarc::audit("good.test", c); });
  REQUIRE(a.destinations.size() == 3);
  CHECK(a.destinations[0].status == "internal");
  CHECK(a.destinations[1].status == "authorized");
  CHECK(a.destinations[1].authorization_name == "good.test._report._dmarc.reports.example");
  CHECK(a.destinations[2].status == "not_authorized");
  CHECK(has(a.findings, "dmarc.report_not_authorized"));
  CHECK(dmarc::to_json(a)["report_destinations"][2]["status"] == "not_authorized");
}

TEST_CASE("DMARC audit without a record says what to publish") {
  auto a = drive([](const dns::Cache& c) { return dmarc::audit("broken.test", c); });
  REQUIRE(has(a.findings, "dmarc.no_record"));
  auto it = std::find_if(a.findings.begin(), a.findings.end(),
                         [](const Finding& f) { return f.code == "dmarc.no_record"; });
  CHECK(it->fix.find("_dmarc.broken.test") != std::string::npos);
}

TEST_CASE("DKIM audit follows the Microsoft 365 CNAME to the key (RFC 6376 §3.6.2.1)") {
  auto a = drive([](const dns::Cache& c) { return dkim::audit("good.test", {"selector1"}, c); });
  REQUIRE(a.selectors.size() == 1);
  const auto& s = a.selectors[0];
  CHECK(s.status == "found");
  CHECK(s.cname_target == "selector1-good-test._domainkey.goodtenant.onmicrosoft.com");
  REQUIRE(s.record);
  CHECK(s.record->key_bits == 2048u);
  CHECK(a.findings.empty());
}

TEST_CASE("DKIM audit: Microsoft 365 CNAME missing, and a CNAME to a tenant without a key") {
  auto a = drive([](const dns::Cache& c) { return dkim::audit("m365.test", {}, c); });
  CHECK(a.default_selectors);
  CHECK(a.microsoft_365_mx);
  auto sel = [&](const std::string& name) {
    return *std::find_if(a.selectors.begin(), a.selectors.end(),
                         [&](const dkim::SelectorReport& s) { return s.selector == name; });
  };
  CHECK(has(sel("selector1").findings, "dkim.m365_cname_missing"));
  CHECK(has(sel("selector2").findings, "dkim.cname_without_key"));
  CHECK(has(a.findings, "dkim.no_selector_found"));
  CHECK(dkim::microsoft_365_cname("selector1", "m365.test", "tenant") ==
        "selector1-m365-test._domainkey.tenant.onmicrosoft.com");
}

TEST_CASE("DKIM audit: an explicit selector without a key is an error") {
  auto a = drive([](const dns::Cache& c) { return dkim::audit("good.test", {"missing"}, c); });
  CHECK(has(a.selectors[0].findings, "dkim.selector_not_found"));
  CHECK(has(a.findings, "dkim.no_key"));
}

TEST_CASE("Domain audit of a well-configured domain has no errors") {
  auto a = drive([](const dns::Cache& c) { return audit_domain("good.test", {"selector1"}, c); });
  CHECK(a.pending.empty());
  CHECK(a.mx_status == "ok");
  REQUIRE(a.mx_hosts.size() == 1);
  CHECK(a.mx_hosts[0].status == "resolves");
  CHECK(a.spf_records.size() == 1);
  CHECK(a.mta_sts_record);
  CHECK(a.tls_rpt_record);
  CHECK(a.count(Severity::error) == 0);
}

TEST_CASE("Domain audit: unresolvable MX, no SPF, no DMARC; errors come first with records to publish") {
  auto a = drive([](const dns::Cache& c) { return audit_domain("broken.test", {}, c); });
  CHECK(has(a, "mx.unresolvable"));
  CHECK(has(a, "spf.no_record"));
  CHECK(has(a, "dmarc.no_record"));
  CHECK(a.findings.front().finding.severity == Severity::error);
  for (std::size_t i = 1; i < a.findings.size(); ++i)
    CHECK(static_cast<int>(a.findings[i - 1].finding.severity) >=
          static_cast<int>(a.findings[i].finding.severity));
  auto dmarc = std::find_if(a.findings.begin(), a.findings.end(),
                            [](const DomainFinding& f) { return f.finding.code == "dmarc.no_record"; });
  REQUIRE(dmarc->publish);
  CHECK(dmarc->publish->name == "_dmarc.broken.test");
  CHECK(dmarc->publish->type == "TXT");
}

TEST_CASE("Domain audit: RFC 7208 §3.2 two SPF records; RFC 7505 null MX") {
  auto m = drive([](const dns::Cache& c) { return audit_domain("m365.test", {}, c); });
  CHECK(has(m, "spf.multiple_records"));
  CHECK(has(m, "dkim.m365_cname_missing"));
  auto n = drive([](const dns::Cache& c) { return audit_domain("nullmx.test", {}, c); });
  CHECK(n.mx_status == "null_mx");
  CHECK(has(n, "mx.null_mx"));
  auto spf = std::find_if(n.findings.begin(), n.findings.end(),
                          [](const DomainFinding& f) { return f.finding.code == "spf.no_record"; });
  REQUIRE(spf != n.findings.end());
  CHECK(spf->publish->value == "v=spf1 -all");
}

TEST_CASE("Domain audit of a non-existent domain") {
  auto a = drive([](const dns::Cache& c) { return audit_domain("nothing.test", {}, c); });
  CHECK(has(a, "domain.nxdomain"));
  auto j = to_json(a);
  CHECK(j["summary"]["errors"].get<int>() >= 1);
  CHECK(j["findings"][0]["severity"] == "error");
}
