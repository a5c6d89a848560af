// check_host() against in-memory zones, one rule of RFC 7208 per test case.
#include <doctest/doctest.h>

#include <string>

#include "maildiag/dns/zone.hpp"
#include "maildiag/spf/check_host.hpp"
#include "zone_support.hpp"

using namespace maildiag;
using spf::Result;

namespace {

using test_support::txt;

spf::Evaluation eval(const std::string& zone_json, const std::string& ip, const std::string& mail_from,
                     const std::string& helo = "mail.example.com") {
  auto result = test_support::check_host_on_zone(zone_json, ip, mail_from, helo);
  CHECK(result.done());
  return result;
}

Result result_of(const std::string& zone_json, const std::string& ip, const std::string& mail_from,
                 const std::string& helo = "mail.example.com") {
  return eval(zone_json, ip, mail_from, helo).result;
}

}  // namespace

TEST_CASE("RFC 7208 §4.3: malformed or single-label domains give none without a lookup") {
  std::string zone = "{" + txt("example.com", "v=spf1 -all") + "}";
  CHECK(result_of(zone, "1.2.3.4", "a@" + std::string(64, 'a') + ".example.com") == Result::none);
  CHECK(result_of(zone, "1.2.3.4", "a@a...example.com") == Result::none);
  CHECK(result_of(zone, "1.2.3.4", "foo@[1.2.3.5]") == Result::none);
  CHECK(result_of(zone, "1.2.3.4", "", "A2345678") == Result::none);
  auto r = eval(zone, "1.2.3.4", "", "A2345678");
  CHECK(r.trace.empty());
  CHECK(result_of(zone, "1.2.3.4", "a@" + std::string(63, 'a') + ".example.com") == Result::none);
}

TEST_CASE("RFC 7208 §4.3: no local-part means postmaster; empty MAIL FROM checks the HELO name") {
  std::string zone = "{" + txt("example.net", "v=spf1 -all exp=exp.example.net") + "," +
                     txt("exp.example.net", "%{l}") + "," + txt("mail.example.net", "v=spf1 +all") + "}";
  auto r = eval(zone, "1.2.3.4", "@example.net");
  CHECK(r.result == Result::fail);
  CHECK(r.explanation == "postmaster");
  auto helo = eval(zone, "1.2.3.4", "", "mail.example.net");
  CHECK(helo.result == Result::pass);
  CHECK(helo.sender == "postmaster@mail.example.net");
}

TEST_CASE("RFC 7208 §4.4: record lookup failures and NXDOMAIN") {
  std::string zone = R"({"timeout.example.com":[{"type":"TIMEOUT"}], "other.example.com":[{"type":"A","data":"1.2.3.4"}]})";
  CHECK(result_of(zone, "1.2.3.4", "a@timeout.example.com") == Result::temperror);
  CHECK(result_of(zone, "1.2.3.4", "a@nowhere.example.com") == Result::none);
  CHECK(result_of(zone, "1.2.3.4", "a@other.example.com") == Result::none);
}

TEST_CASE("RFC 7208 §4.5: record selection") {
  std::string zone = R"({
    "multi.example.com":[{"type":"TXT","data":"v=spf1 -all"},{"type":"TXT","data":"V=sPf1 +all"}],
    "nospace.example.com":[{"type":"TXT","data":["v=spf1","mx"]}],
    "spf10.example.com":[{"type":"TXT","data":"v=spf10"},{"type":"TXT","data":"v=spf1 +all"}],
    "case.example.com":[{"type":"TXT","data":"v=SpF1 ~all"}],
    "empty.example.com":[{"type":"TXT","data":"v=spf1"}],
    "spftype.example.com":[{"type":"SPF","data":"v=spf1 +all"},{"type":"TXT","data":"v=spf1 -all"}],
    "spfonly.example.com":[{"type":"SPF","data":"v=spf1 +all"},{"type":"TXT","data":"NONE"}],
    "other.example.com":[{"type":"TXT","data":"google-site-verification=x"},{"type":"TXT","data":"v=spf1 -all"}],
    "nonascii.example.com":[{"type":"TXT","data":"v=spf1 -all"},{"type":"TXT","data":"\u0096"}]
  })";
  CHECK(result_of(zone, "1.2.3.4", "a@multi.example.com") == Result::permerror);
  CHECK(result_of(zone, "1.2.3.4", "a@nospace.example.com") == Result::none);
  CHECK(result_of(zone, "1.2.3.4", "a@spf10.example.com") == Result::pass);
  CHECK(result_of(zone, "1.2.3.4", "a@case.example.com") == Result::softfail);
  CHECK(result_of(zone, "1.2.3.4", "a@empty.example.com") == Result::neutral);
  CHECK(result_of(zone, "1.2.3.4", "a@spftype.example.com") == Result::fail);
  CHECK(result_of(zone, "1.2.3.4", "a@spfonly.example.com") == Result::none);
  CHECK(result_of(zone, "1.2.3.4", "a@other.example.com") == Result::fail);
  CHECK(result_of(zone, "1.2.3.4", "a@nonascii.example.com") == Result::fail);
}

TEST_CASE("RFC 7208 §4.6: syntax errors anywhere are permerror, even after a match") {
  std::string zone = "{" + txt("t1.example.com", "v=spf1 ip4:1.2.3.4 -all moo") + "," +
                     txt("t2.example.com", "v=spf1 moo.cow-far_out=man:dog/cat ip4:1.2.3.4 -all") + "," +
                     txt("t3.example.com", "v=spf1 moo.cow/far_out=man:dog/cat ip4:1.2.3.4 -all") + "," +
                     txt("t4.example.com", "v=spf1 moo.cow:far_out=man:dog/cat ip4:1.2.3.4 -all") + "," +
                     txt("t8.example.com", "v=spf1 ip4:1.2.3.4 redirect:t2.example.com") + "," +
                     txt("t9.example.com", "v=spf1 a:foo-bar -all") + "," +
                     txt("t7.example.com", "v=spf1 ip4:1.2.3.4") + "," +
                     txt("hosed.example.com", "v=spf1 a:\u00ef\u00bbgarbage.example.net -all") + "," +
                     txt("exp.example.com", "v=spf1 exp= -all") + "}";
  CHECK(result_of(zone, "1.2.3.4", "a@t1.example.com") == Result::permerror);
  CHECK(result_of(zone, "1.2.3.4", "a@t2.example.com") == Result::pass);
  CHECK(result_of(zone, "1.2.3.4", "a@t3.example.com") == Result::permerror);
  CHECK(result_of(zone, "1.2.3.4", "a@t4.example.com") == Result::permerror);
  CHECK(result_of(zone, "1.2.3.4", "a@t8.example.com") == Result::permerror);
  CHECK(result_of(zone, "1.2.3.4", "a@t9.example.com") == Result::permerror);
  CHECK(result_of(zone, "1.2.3.5", "a@t7.example.com") == Result::neutral);
  CHECK(result_of(zone, "1.2.3.4", "a@hosed.example.com") == Result::permerror);
  CHECK(result_of(zone, "1.2.3.4", "a@exp.example.com") == Result::permerror);
}

TEST_CASE("RFC 7208 §4.6.4: more than 10 DNS-querying terms is permerror; ip4/all do not count") {
  std::string zone = R"({
    "ten.example.com":[{"type":"TXT","data":"v=spf1 a:a.example.com a:a.example.com a:a.example.com a:a.example.com a:a.example.com a:a.example.com a:a.example.com a:a.example.com a:a.example.com a:a.example.com ip4:1.2.3.4 -all"}],
    "eleven.example.com":[{"type":"TXT","data":"v=spf1 a:a.example.com a:a.example.com a:a.example.com a:a.example.com a:a.example.com a:a.example.com a:a.example.com a:a.example.com a:a.example.com a:a.example.com a:a.example.com ip4:1.2.3.4 -all"}],
    "loop.example.com":[{"type":"TXT","data":"v=spf1 include:loop.example.com -all"}],
    "a.example.com":[{"type":"A","data":"192.0.2.1"}]
  })";
  auto ten = eval(zone, "1.2.3.4", "x@ten.example.com");
  CHECK(ten.result == Result::pass);
  CHECK(ten.dns_lookups == 10);
  auto eleven = eval(zone, "1.2.3.4", "x@eleven.example.com");
  CHECK(eleven.result == Result::permerror);
  CHECK(eleven.reason.find("more than 10") != std::string::npos);
  CHECK(result_of(zone, "1.2.3.4", "x@loop.example.com") == Result::permerror);
}

TEST_CASE("RFC 7208 §4.6.4: more than 2 void lookups is permerror") {
  std::string zone = R"({
    "two.example.com":[{"type":"TXT","data":"v=spf1 exists:n1.example.com exists:n2.example.com ip4:1.2.3.4 -all"}],
    "three.example.com":[{"type":"TXT","data":"v=spf1 exists:n1.example.com exists:n2.example.com a:nodata.example.com ip4:1.2.3.4 -all"}],
    "nodata.example.com":[{"type":"MX","preference":1,"exchange":"x.example.com"}]
  })";
  auto two = eval(zone, "1.2.3.4", "x@two.example.com");
  CHECK(two.result == Result::pass);
  CHECK(two.void_lookups == 2);
  auto three = eval(zone, "1.2.3.4", "x@three.example.com");
  CHECK(three.result == Result::permerror);
  CHECK(three.reason.find("void") != std::string::npos);
}

TEST_CASE("RFC 7208 §4.6.4: mx with more than 10 names is permerror; 10 is fine") {
  std::string many, ten;
  for (int i = 0; i < 11; ++i) {
    std::string rec = R"({"type":"MX","preference":)" + std::to_string(i) + R"(,"exchange":"mx)" +
                      std::to_string(i) + R"(.example.com"})";
    many += (i ? "," : "") + rec;
    if (i < 10) ten += (i ? "," : "") + rec;
  }
  std::string zone = R"({"many.example.com":[)" + many +
                     R"(,{"type":"TXT","data":"v=spf1 mx -all"}], "ten.example.com":[)" + ten +
                     R"(,{"type":"TXT","data":"v=spf1 mx -all"}], "mx9.example.com":[{"type":"A","data":"1.2.3.4"}]})";
  CHECK(result_of(zone, "1.2.3.4", "x@many.example.com") == Result::permerror);
  CHECK(result_of(zone, "1.2.3.4", "x@ten.example.com") == Result::pass);
  CHECK(result_of(zone, "1.2.3.5", "x@ten.example.com") == Result::fail);
}

TEST_CASE("RFC 7208 §5.1/§5.2: all and include result mapping") {
  std::string zone = "{" + txt("top.example.com", "v=spf1 include:pass.example.com include:fail.example.com ~all") + "," +
                     txt("pass.example.com", "v=spf1 ip4:1.2.3.4 -all") + "," +
                     txt("fail.example.com", "v=spf1 -all") + "," +
                     txt("none.example.com", "v=spf1 include:nospf.example.com -all") + "," +
                     R"("nospf.example.com":[{"type":"A","data":"1.2.3.4"}],)" +
                     txt("temp.example.com", "v=spf1 include:slow.example.com -all") + "," +
                     R"("slow.example.com":[{"type":"TIMEOUT"}],)" +
                     txt("perm.example.com", "v=spf1 include:broken.example.com +all") + "," +
                     txt("broken.example.com", "v=spf1 foo") + "," +
                     txt("neutral.example.com", "v=spf1 include:neu.example.com -all") + "," +
                     txt("neu.example.com", "v=spf1 ?all") + "}";
  auto pass = eval(zone, "1.2.3.4", "x@top.example.com");
  CHECK(pass.result == Result::pass);
  CHECK(pass.matched_term == "ip4:1.2.3.4");
  CHECK(pass.matched_domain == "pass.example.com");
  REQUIRE(pass.matched_chain.size() == 2);
  CHECK(pass.matched_chain[0] == "include:pass.example.com");
  auto soft = eval(zone, "1.2.3.5", "x@top.example.com");
  CHECK(soft.result == Result::softfail);
  CHECK(soft.matched_term == "~all");
  CHECK(result_of(zone, "1.2.3.4", "x@none.example.com") == Result::permerror);
  CHECK(result_of(zone, "1.2.3.4", "x@temp.example.com") == Result::temperror);
  CHECK(result_of(zone, "1.2.3.4", "x@perm.example.com") == Result::permerror);
  CHECK(result_of(zone, "1.2.3.4", "x@neutral.example.com") == Result::fail);
}

TEST_CASE("RFC 7208 §5.3: a with dual CIDR, IPv6, and a//0") {
  std::string zone = R"({
    "e.example.com":[{"type":"A","data":"1.2.3.5"},{"type":"AAAA","data":"2001:db8:1234::dead:beef"},
                     {"type":"TXT","data":"v=spf1 a/24//64 -all"}],
    "z.example.com":[{"type":"A","data":"1.2.3.5"},{"type":"TXT","data":"v=spf1 a//0 -all"}],
    "z4.example.com":[{"type":"A","data":"9.9.9.9"},{"type":"TXT","data":"v=spf1 a/0 -all"}],
    "cname.example.com":[{"type":"CNAME","data":"e.example.com"}],
    "c.example.com":[{"type":"TXT","data":"v=spf1 a:cname.example.com -all"}],
    "nx.example.com":[{"type":"TXT","data":"v=spf1 a:missing.example.com -all"}]
  })";
  CHECK(result_of(zone, "1.2.3.4", "x@e.example.com") == Result::pass);
  CHECK(result_of(zone, "1.2.4.4", "x@e.example.com") == Result::fail);
  CHECK(result_of(zone, "2001:db8:1234::cafe:babe", "x@e.example.com") == Result::pass);
  CHECK(result_of(zone, "2001:db8:1235::1", "x@e.example.com") == Result::fail);
  CHECK(result_of(zone, "::ffff:1.2.3.4", "x@e.example.com") == Result::pass);
  CHECK(result_of(zone, "1.2.3.4", "x@z.example.com") == Result::fail);
  CHECK(result_of(zone, "1.2.3.4", "x@z4.example.com") == Result::pass);
  CHECK(result_of(zone, "1.2.3.5", "x@c.example.com") == Result::pass);
  CHECK(result_of(zone, "1.2.3.5", "x@nx.example.com") == Result::fail);
}

TEST_CASE("RFC 7208 §5.4: mx, including MX hosts that time out") {
  std::string zone = R"({
    "m.example.com":[{"type":"MX","preference":10,"exchange":"mx.example.com"},{"type":"TXT","data":"v=spf1 mx/24 -all"}],
    "mx.example.com":[{"type":"A","data":"1.2.3.200"}],
    "t.example.com":[{"type":"MX","preference":10,"exchange":"slow.example.com"},{"type":"TXT","data":"v=spf1 mx -all"}],
    "slow.example.com":[{"type":"TIMEOUT"}],
    "null.example.com":[{"type":"MX","preference":0,"exchange":"."},{"type":"TXT","data":"v=spf1 mx -all"}]
  })";
  CHECK(result_of(zone, "1.2.3.4", "x@m.example.com") == Result::pass);
  CHECK(result_of(zone, "1.2.4.4", "x@m.example.com") == Result::fail);
  CHECK(result_of(zone, "1.2.3.4", "x@t.example.com") == Result::temperror);
  CHECK(result_of(zone, "1.2.3.4", "x@null.example.com") == Result::fail);
}

TEST_CASE("RFC 7208 §5.5: ptr validates names forward and ignores DNS errors") {
  std::string zone = R"({
    "4.3.2.1.in-addr.arpa":[{"type":"PTR","data":"mail.example.com"},{"type":"PTR","data":"bogus.example.com"}],
    "mail.example.com":[{"type":"A","data":"1.2.3.4"}],
    "bogus.example.com":[{"type":"A","data":"9.9.9.9"}],
    "example.com":[{"type":"TXT","data":"v=spf1 ptr -all"}],
    "other.example.org":[{"type":"TXT","data":"v=spf1 ptr:example.com -all"}],
    "bad.example.org":[{"type":"TXT","data":"v=spf1 ptr:bogus.example.com -all"}],
    "5.3.2.1.in-addr.arpa":[{"type":"TIMEOUT"}]
  })";
  CHECK(result_of(zone, "1.2.3.4", "x@example.com") == Result::pass);
  CHECK(result_of(zone, "1.2.3.4", "x@other.example.org") == Result::pass);
  CHECK(result_of(zone, "1.2.3.4", "x@bad.example.org") == Result::fail);
  CHECK(result_of(zone, "1.2.3.5", "x@example.com") == Result::fail);
}

TEST_CASE("RFC 7208 §5.6: ip4/ip6 networks, IPv4-mapped clients") {
  std::string zone = "{" + txt("v4.example.com", "v=spf1 ip4:192.0.2.0/24 -all") + "," +
                     txt("v6.example.com", "v=spf1 ip6:2001:db8::/32 -all") + "," +
                     txt("zero.example.com", "v=spf1 ip4:1.2.3.4/0 -all") + "," +
                     txt("bad.example.com", "v=spf1 ip4:1.2.3.4/33 -all") + "," +
                     txt("bad6.example.com", "v=spf1 ip6:::1/129 -all") + "," +
                     txt("lead.example.com", "v=spf1 ip4:1.2.3.4/032 -all") + "}";
  CHECK(result_of(zone, "192.0.2.77", "x@v4.example.com") == Result::pass);
  CHECK(result_of(zone, "::ffff:192.0.2.77", "x@v4.example.com") == Result::pass);
  CHECK(result_of(zone, "2001:db8::1", "x@v4.example.com") == Result::fail);
  CHECK(result_of(zone, "2001:db8:ff::1", "x@v6.example.com") == Result::pass);
  CHECK(result_of(zone, "192.0.2.77", "x@v6.example.com") == Result::fail);
  CHECK(result_of(zone, "8.8.8.8", "x@zero.example.com") == Result::pass);
  CHECK(result_of(zone, "1.2.3.4", "x@bad.example.com") == Result::permerror);
  CHECK(result_of(zone, "1.2.3.4", "x@bad6.example.com") == Result::permerror);
  CHECK(result_of(zone, "1.2.3.4", "x@lead.example.com") == Result::permerror);
}

TEST_CASE("RFC 7208 §5.7: exists always queries A, even for IPv6 clients") {
  std::string zone = R"({
    "e.example.com":[{"type":"TXT","data":"v=spf1 exists:%{ir}.%{v}._spf.%{d} -all"}],
    "4.3.2.1.in-addr._spf.e.example.com":[{"type":"A","data":"127.0.0.2"}],
    "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.e.example.com":[{"type":"A","data":"127.0.0.2"}]
  })";
  CHECK(result_of(zone, "1.2.3.4", "x@e.example.com") == Result::pass);
  CHECK(result_of(zone, "1.2.3.5", "x@e.example.com") == Result::fail);
  CHECK(result_of(zone, "2001:db8::1", "x@e.example.com") == Result::pass);
}

TEST_CASE("RFC 7208 §6.1: redirect, redirect to no record, redirect ignored after all") {
  std::string zone = "{" + txt("r.example.com", "v=spf1 redirect=target.example.com") + "," +
                     txt("target.example.com", "v=spf1 ip4:1.2.3.4 -all") + "," +
                     txt("r2.example.com", "v=spf1 redirect=nospf.example.com") + "," +
                     R"("nospf.example.com":[{"type":"A","data":"1.2.3.4"}],)" +
                     txt("r3.example.com", "v=spf1 redirect=r3.example.com ~all") + "," +
                     txt("r4.example.com", "v=spf1 ip4:1.2.3.4 redirect=r4.example.com") + "," +
                     txt("r5.example.com", "v=spf1 redirect=r5.example.com") + "," +
                     txt("r6.example.com", "v=spf1 redirect=nx.example.com") + "}";
  auto r = eval(zone, "1.2.3.4", "x@r.example.com");
  CHECK(r.result == Result::pass);
  CHECK(r.matched_chain.front() == "redirect=target.example.com");
  CHECK(r.dns_lookups == 1);
  CHECK(result_of(zone, "1.2.3.5", "x@r.example.com") == Result::fail);
  CHECK(result_of(zone, "1.2.3.4", "x@r2.example.com") == Result::permerror);
  CHECK(result_of(zone, "1.2.3.4", "x@r3.example.com") == Result::softfail);
  CHECK(result_of(zone, "1.2.3.4", "x@r4.example.com") == Result::pass);
  CHECK(result_of(zone, "1.2.3.4", "x@r5.example.com") == Result::permerror);
  CHECK(result_of(zone, "1.2.3.4", "x@r6.example.com") == Result::permerror);
}

TEST_CASE("RFC 7208 §6.2: exp explanations, failures fall back to the default") {
  std::string zone = "{" + txt("e1.example.com", "v=spf1 -all exp=exp1.example.com") + "," +
                     txt("exp1.example.com", "%{s} is not one of %{d}'s designated mail servers.") + "," +
                     txt("e2.example.com", "v=spf1 -all exp=nx.example.com") + "," +
                     txt("e3.example.com", "v=spf1 -all exp=twice.example.com") + "," +
                     R"("twice.example.com":[{"type":"TXT","data":"one"},{"type":"TXT","data":"two"}],)" +
                     txt("e4.example.com", "v=spf1 -all exp=bad.example.com") + "," +
                     txt("bad.example.com", "%{z} bad macro") + "," +
                     txt("e5.example.com", "v=spf1 include:e1.example.com -all exp=exp5.example.com") + "," +
                     txt("exp5.example.com", "outer %{d}") + "," +
                     txt("e6.example.com", "v=spf1 redirect=e1.example.com exp=exp5.example.com") + "," +
                     txt("e7.example.com", "v=spf1 -all exp=slow.example.com") + "," +
                     R"("slow.example.com":[{"type":"TIMEOUT"}],)" +
                     txt("e8.example.com", "v=spf1 -all exp=exp8.example.com") + "," +
                     txt("exp8.example.com", "%{c} %{r} %{t} %{i} %%%_%-") + "," +
                     txt("e9.example.com", "v=spf1 ~all exp=exp1.example.com") + "}";
  auto e1 = eval(zone, "1.2.3.4", "joe@e1.example.com");
  CHECK(e1.result == Result::fail);
  CHECK(e1.explanation == "joe@e1.example.com is not one of e1.example.com's designated mail servers.");
  CHECK(e1.dns_lookups == 0);
  auto e2 = eval(zone, "1.2.3.4", "joe@e2.example.com");
  CHECK(e2.result == Result::fail);
  CHECK(e2.explanation == "e2.example.com does not designate 1.2.3.4 as a permitted sender");
  CHECK(eval(zone, "1.2.3.4", "joe@e3.example.com").explanation ==
        "e3.example.com does not designate 1.2.3.4 as a permitted sender");
  CHECK(eval(zone, "1.2.3.4", "joe@e4.example.com").explanation ==
        "e4.example.com does not designate 1.2.3.4 as a permitted sender");
  CHECK(eval(zone, "1.2.3.4", "joe@e5.example.com").explanation == "outer e5.example.com");
  CHECK(eval(zone, "1.2.3.4", "joe@e6.example.com").explanation ==
        "joe@e6.example.com is not one of e1.example.com's designated mail servers.");
  auto e7 = eval(zone, "1.2.3.4", "joe@e7.example.com");
  CHECK(e7.result == Result::fail);
  CHECK(e7.explanation == "e7.example.com does not designate 1.2.3.4 as a permitted sender");
  CHECK(eval(zone, "1.2.3.4", "joe@e8.example.com").explanation == "1.2.3.4 unknown 0 1.2.3.4 % %20");
  CHECK(eval(zone, "1.2.3.4", "joe@e9.example.com").explanation.empty());
}

TEST_CASE("RFC 7208 §7: macro expansion in mechanisms (d2, ir, l-, uppercase escaping, p)") {
  std::string zone = R"({
    "example.com":[{"type":"TXT","data":"v=spf1 exists:%{ir}.ir.example.com -all"}],
    "l.example.net":[{"type":"TXT","data":"v=spf1 exists:%{l-}.l.example.com -all"}],
    "up.example.net":[{"type":"TXT","data":"v=spf1 exists:%{L}.up.example.com -all"}],
    "a.b.c.example.org":[{"type":"TXT","data":"v=spf1 exists:%{d2}.d2.example.com exists:%{d1r}.r.example.com -all"}],
    "example.org.d2.example.com":[{"type":"A","data":"127.0.0.2"}],
    "a.r.example.com":[{"type":"A","data":"127.0.0.2"}],
    "b.c.example.org":[{"type":"TXT","data":"v=spf1 exists:%{d1r}.r.example.com -all"}],
    "4.3.2.1.ir.example.com":[{"type":"A","data":"127.0.0.2"}],
    "jack.jill.l.example.com":[{"type":"A","data":"127.0.0.2"}],
    "jack%2bjill.up.example.com":[{"type":"A","data":"127.0.0.2"}],
    "p.example.com":[{"type":"TXT","data":"v=spf1 exists:%{p}.p.example.com -all"}],
    "4.3.2.1.in-addr.arpa":[{"type":"PTR","data":"mail.p.example.com"}],
    "mail.p.example.com":[{"type":"A","data":"1.2.3.4"}],
    "mail.p.example.com.p.example.com":[{"type":"A","data":"127.0.0.2"}]
  })";
  CHECK(result_of(zone, "1.2.3.4", "x@a.b.c.example.org") == Result::pass);   // %{d2}
  CHECK(result_of(zone, "1.2.3.4", "x@b.c.example.org") == Result::fail);     // %{d1r} = b
  CHECK(result_of(zone, "1.2.3.4", "x@example.com") == Result::pass);          // %{ir}
  CHECK(result_of(zone, "9.9.9.9", "x@example.com") == Result::fail);
  CHECK(result_of(zone, "9.9.9.9", "jack-jill@l.example.net") == Result::pass);   // %{l-}
  CHECK(result_of(zone, "9.9.9.9", "jack+jill@l.example.net") == Result::fail);
  CHECK(result_of(zone, "9.9.9.9", "jack+jill@up.example.net") == Result::pass);  // %{L}
  CHECK(result_of(zone, "9.9.9.9", "jack-jill@up.example.net") == Result::fail);
  CHECK(result_of(zone, "1.2.3.4", "x@p.example.com") == Result::pass);        // %{p}
  CHECK(result_of(zone, "1.2.3.5", "x@p.example.com") == Result::fail);        // p = unknown
}

TEST_CASE("RFC 7208 §7.1: invalid macros are permerror wherever they are") {
  std::string zone = "{" + txt("a.example.com", "v=spf1 -all a:%{x}.example.com") + "," +
                     txt("b.example.com", "v=spf1 +all exists:%{d0}.example.com") + "," +
                     txt("c.example.com", "v=spf1 +all exists:%{t}.example.com") + "," +
                     txt("d.example.com", "v=spf1 +all exists:%.example.com") + "," +
                     txt("e.example.com", "v=spf1 +all foo=%{q}") + "," +
                     txt("f.example.com", "v=spf1 +all exists:%{d}") + "}";
  for (const char* d : {"a", "b", "c", "d", "e"})
    CHECK_MESSAGE(result_of(zone, "1.2.3.4", std::string("x@") + d + ".example.com") == Result::permerror, d);
  CHECK(result_of(zone, "1.2.3.4", "x@f.example.com") == Result::pass);
}

TEST_CASE("RFC 7208 §7.3: expansions over 253 bytes are cut from the left by labels") {
  std::string local(60, 'l');
  std::string zone = R"({"long.example.com":[{"type":"TXT","data":"v=spf1 exists:%{l}.%{l}.%{l}.%{l}.%{l}.x.example.com -all"}]})";
  auto r = eval(zone, "1.2.3.4", local + "@long.example.com");
  CHECK(r.result == Result::fail);
  bool found = false;
  for (const auto& t : r.trace)
    if (t.question.type == dns::RecordType::A) {
      found = true;
      CHECK(t.question.name.size() <= 253);
      CHECK(t.question.name.compare(t.question.name.size() - 14, 14, ".x.example.com") == 0);
      CHECK(t.question.name.front() == 'l');
    }
  CHECK(found);
}

TEST_CASE("trace records every query in order; pending lists what is missing") {
  std::string zone = "{" + txt("example.com", "v=spf1 include:_spf.example.com -all") + "," +
                     txt("_spf.example.com", "v=spf1 ip4:1.2.3.4 -all") + "}";
  auto parsed = dns::Zone::parse(zone);
  REQUIRE(parsed.zone);
  dns::Cache cache;
  spf::Request request;
  request.ip = "1.2.3.4";
  request.mail_from = "x@example.com";
  auto first = spf::check_host(request, cache);
  REQUIRE(first.pending.size() == 1);
  CHECK(first.pending[0].name == "example.com");
  dns::answer_into(cache, *parsed.zone, first.pending);
  auto second = spf::check_host(request, cache);
  REQUIRE(second.pending.size() == 1);
  CHECK(second.pending[0].name == "_spf.example.com");
  dns::answer_into(cache, *parsed.zone, second.pending);
  auto done = spf::check_host(request, cache);
  CHECK(done.done());
  CHECK(done.result == Result::pass);
  REQUIRE(done.trace.size() == 2);
  CHECK(done.trace[1].cause == "include:_spf.example.com");
  CHECK(done.trace[1].depth == 1);
  CHECK(done.dns_lookups == 1);
}

TEST_CASE("a client address that is not an IP gives none with a reason") {
  auto r = eval("{}", "not-an-ip", "x@example.com");
  CHECK(r.result == Result::none);
  CHECK(r.reason.find("not an IP") != std::string::npos);
}
