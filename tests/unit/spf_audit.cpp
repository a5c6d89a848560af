// The include/redirect tree audit and the JSON forms of SPF results.
#include <doctest/doctest.h>

#include <string>

#include "maildiag/dns/zone.hpp"
#include "maildiag/spf/audit.hpp"
#include "maildiag/spf/json.hpp"
#include "zone_support.hpp"

using namespace maildiag;

namespace {

spf::Audit run_audit(const std::string& zone_json, const std::string& domain) {
  auto a = test_support::evaluate_on_zone(
      zone_json, [&](const dns::Cache& cache) { return spf::audit(domain, cache); });
  CHECK(a.done());
  return a;
}

const Finding* find(const spf::Audit& a, const std::string& code) {
  for (const auto& f : a.findings)
    if (f.code == code) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("audit: branch costs add up through includes and redirects (RFC 7208 §4.6.4)") {
  auto a = run_audit(R"({
    "example.com":[{"type":"TXT","data":"v=spf1 mx include:_spf.example.com include:spf.protection.outlook.com -all"},
                   {"type":"MX","preference":10,"exchange":"mx.example.com"}],
    "_spf.example.com":[{"type":"TXT","data":"v=spf1 a:mx.example.com ip4:192.0.2.0/24 redirect=_spf2.example.com"}],
    "_spf2.example.com":[{"type":"TXT","data":"v=spf1 ip6:2001:db8::/32 -all"}],
    "spf.protection.outlook.com":[{"type":"TXT","data":"v=spf1 ip4:40.92.0.0/15 -all"}],
    "mx.example.com":[{"type":"A","data":"192.0.2.25"}]
  })", "Example.COM");
  CHECK(a.domain == "example.com");
  REQUIRE(a.nodes.size() == 4);
  CHECK(a.nodes[0].own_lookups == 3);
  CHECK(a.nodes[0].branch_lookups == 5);
  CHECK(a.total_lookups == 5);
  const auto& spf_node = a.nodes[a.nodes[0].children[0]];
  CHECK(spf_node.via == "include:_spf.example.com");
  CHECK(spf_node.own_lookups == 2);
  CHECK(spf_node.branch_lookups == 2);
  CHECK(a.nodes[a.nodes[0].children[1]].provider.find("Microsoft 365") == 0);
  CHECK(a.findings.empty());
  CHECK(a.over_limit_term.empty());
}

TEST_CASE("audit: names the include that pushes the domain over 10 lookups and proposes flattening") {
  std::string big = "v=spf1";
  for (int i = 0; i < 8; ++i) big += " a:h" + std::to_string(i) + ".big.example.net";
  big += " -all";
  std::string zone = R"({
    "example.com":[{"type":"TXT","data":"v=spf1 include:_spf.small.example.org include:big.example.net include:flat.example.org -all"}],
    "_spf.small.example.org":[{"type":"TXT","data":"v=spf1 ip4:198.51.100.0/24 -all"}],
    "flat.example.org":[{"type":"TXT","data":"v=spf1 ip4:203.0.113.0/24 ip6:2001:db8:1::/48 -all"}],
    "big.example.net":[{"type":"TXT","data":")" + big + R"("}])";
  for (int i = 0; i < 8; ++i) zone += R"(,"h)" + std::to_string(i) + R"(.big.example.net":[{"type":"A","data":"192.0.2.1"}])";
  zone += "}";
  auto a = run_audit(zone, "example.com");
  CHECK(a.total_lookups == 11);
  CHECK(a.over_limit_branch == "include:flat.example.org");
  CHECK(a.over_limit_term == "include:flat.example.org");
  const Finding* f = find(a, "spf.too_many_lookups");
  REQUIRE(f);
  CHECK(f->severity == Severity::error);
  CHECK(f->message.find("11 DNS lookups") != std::string::npos);
  CHECK(f->fix.find("include:big.example.net") != std::string::npos);
  CHECK(f->fix.find("saves 9 lookups") != std::string::npos);
}

TEST_CASE("audit: flattening lists the networks when the branch has only ip4/ip6") {
  std::string zone = R"({"example.com":[{"type":"TXT","data":"v=spf1 include:a.example.org a a a a a a a a a -all"}],
    "a.example.org":[{"type":"TXT","data":"v=spf1 ip4:203.0.113.0/24 include:b.example.org -all"}],
    "b.example.org":[{"type":"TXT","data":"v=spf1 ip6:2001:db8:1::/48 -all"}]})";
  auto a = run_audit(zone, "example.com");
  CHECK(a.total_lookups == 11);
  const Finding* f = find(a, "spf.too_many_lookups");
  REQUIRE(f);
  CHECK(f->fix.find("ip4:203.0.113.0/24 ip6:2001:db8:1::/48") != std::string::npos);
  CHECK(a.over_limit_term == "a");
}

TEST_CASE("audit: loops, includes without records, multiple records, DNS errors") {
  auto loop = run_audit(R"({"example.com":[{"type":"TXT","data":"v=spf1 include:b.example.com -all"}],
                            "b.example.com":[{"type":"TXT","data":"v=spf1 include:example.com -all"}]})",
                        "example.com");
  REQUIRE(find(loop, "spf.include_loop"));
  CHECK(find(loop, "spf.include_loop")->message.find("include:example.com") != std::string::npos);

  auto none = run_audit(R"({"example.com":[{"type":"TXT","data":"v=spf1 include:gone.example.org -all"}]})", "example.com");
  CHECK(find(none, "spf.include_none"));

  auto multi = run_audit(R"({"example.com":[{"type":"TXT","data":"v=spf1 -all"},{"type":"TXT","data":"v=spf1 mx -all"}]})",
                         "example.com");
  CHECK(find(multi, "spf.multiple_records"));

  auto no = run_audit(R"({"example.com":[{"type":"TXT","data":"hello"}]})", "example.com");
  CHECK(find(no, "spf.no_record"));

  auto err = run_audit(R"({"example.com":[{"type":"TXT","data":"v=spf1 include:slow.example.org -all"}],
                           "slow.example.org":[{"type":"TIMEOUT"}]})", "example.com");
  CHECK(find(err, "spf.dns_error"));
}

TEST_CASE("audit: void lookups, too many MX, obsolete SPF type, Sender ID, macros") {
  std::string mx;
  for (int i = 0; i < 11; ++i)
    mx += std::string(i ? "," : "") + R"({"type":"MX","preference":)" + std::to_string(i) +
          R"(,"exchange":"m)" + std::to_string(i) + R"(.example.com"})";
  auto a = run_audit(R"({"example.com":[{"type":"TXT","data":"v=spf1 a:gone1.example.com a:gone2.example.com mx:gone3.example.com mx:many.example.com exists:%{i}.x.example.com include:%{d}.y.example.com -all"},
                         {"type":"SPF","data":"v=spf1 -all"},{"type":"TXT","data":"spf2.0/pra -all"}],
                         "many.example.com":[)" + mx + "]}",
                     "example.com");
  CHECK(a.void_lookups == 3);
  CHECK(find(a, "spf.void_lookup"));
  CHECK(find(a, "spf.too_many_void_lookups"));
  CHECK(find(a, "spf.too_many_mx"));
  CHECK(find(a, "spf.obsolete_spf_type"));
  CHECK(find(a, "spf.sender_id"));
  CHECK(find(a, "spf.macro_include"));
}

TEST_CASE("audit: a hostile wide tree is cut at the node limit") {
  std::string zone = "{";
  std::string root = "v=spf1";
  for (int i = 0; i < 10; ++i) root += " include:n" + std::to_string(i) + ".e.com";
  zone += R"("e.com":[{"type":"TXT","data":")" + root + R"( -all"}])";
  for (int i = 0; i < 10; ++i) {
    std::string rec = "v=spf1";
    for (int j = 0; j < 10; ++j) rec += " include:n" + std::to_string(i) + "-" + std::to_string(j) + ".e.com";
    zone += R"(,"n)" + std::to_string(i) + R"(.e.com":[{"type":"TXT","data":")" + rec + R"( -all"}])";
    for (int j = 0; j < 10; ++j) {
      std::string rec2 = "v=spf1";
      for (int k = 0; k < 10; ++k) rec2 += " include:n" + std::to_string(i) + ".e.com";
      zone += R"(,"n)" + std::to_string(i) + "-" + std::to_string(j) + R"(.e.com":[{"type":"TXT","data":")" + rec2 + R"( -all"}])";
    }
  }
  zone += "}";
  auto a = run_audit(zone, "e.com");
  INFO("nodes ", a.nodes.size(), " lookups ", a.total_lookups, " findings ", a.findings.size());
  CHECK(a.nodes.size() <= spf::kMaxAuditNodes + 64);
  CHECK(find(a, "spf.tree_too_large"));
  CHECK(find(a, "spf.too_many_lookups"));
}

TEST_CASE("JSON: check, eval and audit carry the contract's field names") {
  auto v = spf::validate("v=spf1 include:spf.protection.outlook.com +all");
  auto jv = spf::to_json(v);
  CHECK(jv["valid"] == false);
  CHECK(jv["dns_lookups"] == 1);
  CHECK(jv["terms"][0]["name"] == "include");
  CHECK(jv["terms"][0]["value"] == "spf.protection.outlook.com");
  CHECK(jv["terms"][0]["span"] == nlohmann::json::array({7, 41}));
  CHECK(jv["terms"][0]["provider"]["name"].get<std::string>().find("Microsoft") == 0);
  CHECK(jv["terms"][1]["qualifier"] == "+");
  CHECK(jv["findings"][0]["code"] == "spf.pass_all");
  CHECK(jv["findings"][0]["span"] == nlohmann::json::array({42, 46}));

  const std::string zone = R"({"example.com":[{"type":"TXT","data":"v=spf1 -all"}]})";
  auto e = test_support::check_host_on_zone(zone, "192.0.2.1", "a@example.com");
  auto je = spf::to_json(e);
  CHECK(je["result"] == "fail");
  CHECK(je["matched_term"] == "-all");
  CHECK(je["explanation"] == "example.com does not designate 192.0.2.1 as a permitted sender");
  CHECK(je["dns_lookups"] == 0);
  CHECK(je["void_lookups"] == 0);
  CHECK(je["trace"][0]["name"] == "example.com");
  CHECK(je["trace"][0]["type"] == "TXT");
  CHECK(je["trace"][0]["kind"] == "records");
  CHECK(je["pending"].empty());

  auto ja = spf::to_json(run_audit(zone, "example.com"));
  CHECK(ja["total_lookups"] == 0);
  CHECK(ja["over_limit"] == false);
  CHECK(ja["tree"]["record"] == "v=spf1 -all");
}
