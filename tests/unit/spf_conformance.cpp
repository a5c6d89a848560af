// check_host() edge cases of RFC 7208 that conformance suites probe: limits counted as terms are
// evaluated, PTR and MX bounds, void lookups, %{p}, exp handling, macro transformers.
#include <doctest/doctest.h>

#include <string>

#include "maildiag/dns/zone.hpp"
#include "maildiag/spf/check_host.hpp"
#include "zone_support.hpp"

using namespace maildiag;
using spf::Result;

namespace {

spf::Evaluation run(const std::string& zone_json, const std::string& ip, const std::string& mail_from,
                    const std::string& helo = "mail.example.com") {
  auto e = test_support::check_host_on_zone(zone_json, ip, mail_from, helo);
  REQUIRE(e.done());
  return e;
}

const char* kLimits = R"({
  "mail.example.com":[{"type":"A","data":"1.2.3.4"}],
  "e1.example.com":[{"type":"TXT","data":"v=spf1 ip4:1.1.1.1 redirect=e1.example.com"}],
  "e2.example.com":[{"type":"TXT","data":"v=spf1 include:e3.example.com"}],
  "e3.example.com":[{"type":"TXT","data":"v=spf1 include:e2.example.com"}],
  "e5.example.com":[{"type":"TXT","data":"v=spf1 ptr"},{"type":"A","data":"1.2.3.5"}],
  "e6.example.com":[{"type":"TXT","data":"v=spf1 a mx a mx a mx a mx a ptr ip4:1.2.3.4 -all"},{"type":"A","data":"1.2.3.8"},
                    {"type":"MX","preference":10,"exchange":"e6.example.com"}],
  "e8.example.com":[{"type":"TXT","data":"v=spf1 a include:inc.example.com ip4:1.2.3.4 mx -all"},{"type":"A","data":"1.2.3.4"}],
  "e9.example.com":[{"type":"TXT","data":"v=spf1 a include:inc.example.com a ip4:1.2.3.4 -all"},{"type":"A","data":"1.2.3.21"}],
  "inc.example.com":[{"type":"TXT","data":"v=spf1 a a a a a a a a"},{"type":"A","data":"1.2.3.10"}],
  "e10.example.com":[{"type":"TXT","data":"v=spf1 a -all"},
    {"type":"A","data":"1.2.3.1"},{"type":"A","data":"1.2.3.2"},{"type":"A","data":"1.2.3.3"},{"type":"A","data":"1.2.3.4"},
    {"type":"A","data":"1.2.3.5"},{"type":"A","data":"1.2.3.6"},{"type":"A","data":"1.2.3.7"},{"type":"A","data":"1.2.3.8"},
    {"type":"A","data":"1.2.3.9"},{"type":"A","data":"1.2.3.10"},{"type":"A","data":"1.2.3.11"},{"type":"A","data":"1.2.3.12"}],
  "e12.example.com":[{"type":"TXT","data":"v=spf1 a:err.example.com a:err1.example.com ?all"}],
  "5.3.2.1.in-addr.arpa":[
    {"type":"PTR","data":"e1.example.com."},{"type":"PTR","data":"e2.example.com."},{"type":"PTR","data":"e3.example.com."},
    {"type":"PTR","data":"e4.example.com."},{"type":"PTR","data":"example.com."},{"type":"PTR","data":"e6.example.com."},
    {"type":"PTR","data":"e7.example.com."},{"type":"PTR","data":"e8.example.com."},{"type":"PTR","data":"e9.example.com."},
    {"type":"PTR","data":"e10.example.com."},{"type":"PTR","data":"e5.example.com."}]
})";

}  // namespace

TEST_CASE("RFC 7208 §4.6.4: terms are counted as they are evaluated (at and over the limit)") {
  CHECK(run(kLimits, "1.2.3.4", "foo@e8.example.com").result == Result::pass);       // include at limit
  CHECK(run(kLimits, "1.2.3.4", "foo@e9.example.com").result == Result::permerror);  // include over limit
  CHECK(run(kLimits, "1.2.3.4", "foo@e6.example.com").result == Result::pass);       // 10 mechanisms
  CHECK(run(kLimits, "1.2.3.4", "foo@e1.example.com").result == Result::permerror);  // redirect loop
  CHECK(run(kLimits, "1.2.3.4", "foo@e2.example.com").result == Result::permerror);  // include loop
}

TEST_CASE("RFC 7208 §4.6.4: A records have no limit; PTR names beyond 10 are ignored") {
  CHECK(run(kLimits, "1.2.3.12", "foo@e10.example.com").result == Result::pass);
  CHECK(run(kLimits, "1.2.3.5", "foo@e5.example.com").result == Result::neutral);
}

TEST_CASE("RFC 7208 §4.6.4: two void lookups are allowed") {
  auto e = run(kLimits, "1.2.3.4", "foo@e12.example.com");
  CHECK(e.result == Result::neutral);
  CHECK(e.void_lookups == 2);
}

TEST_CASE("RFC 7208 §5: a DNS error in exists is temperror, also for IPv6 clients") {
  std::string zone = R"({"e6.example.com":[{"type":"TXT","data":"v=spf1 exists:err.example.com -all"}],
                         "err.example.com":[{"type":"TIMEOUT"}]})";
  CHECK(run(zone, "cafe:babe::3", "foo@e6.example.com").result == Result::temperror);
}

TEST_CASE("RFC 7208 §7.3: %{p} prefers a validated subdomain of the current domain") {
  std::string zone = R"({
    "e7.example.com":[{"type":"TXT","data":"v=spf1 exists:%{p}.should.example.com ~exists:%{p}.ok.example.com"}],
    "42.218.168.192.in-addr.arpa":[{"type":"PTR","data":"mx.example.com"},{"type":"PTR","data":"mx.e7.example.com"}],
    "mx.example.com":[{"type":"A","data":"192.168.218.42"}],
    "mx.e7.example.com":[{"type":"A","data":"192.168.218.42"}],
    "mx.e7.example.com.should.example.com":[{"type":"A","data":"127.0.0.2"}],
    "mx.example.com.ok.example.com":[{"type":"A","data":"127.0.0.2"}],
    "e6.example.com":[{"type":"TXT","data":"v=spf1 -all exp=e6msg.example.com"}],
    "e6msg.example.com":[{"type":"TXT","data":"connect from %{p}"}],
    "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.e.b.a.b.e.f.a.c.ip6.arpa":[{"type":"PTR","data":"mx.example.com"}],
    "3.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.e.b.a.b.e.f.a.c.ip6.arpa":[{"type":"PTR","data":"mx.example.com"}]
  })";
  CHECK(run(zone, "192.168.218.42", "test@e7.example.com").result == Result::pass);
  std::string with_aaaa = zone;
  with_aaaa.replace(with_aaaa.find(R"("mx.example.com":[{"type":"A","data":"192.168.218.42"}])"),
                    std::string(R"("mx.example.com":[{"type":"A","data":"192.168.218.42"}])").size(),
                    R"("mx.example.com":[{"type":"A","data":"192.168.218.42"},{"type":"AAAA","data":"CAFE:BABE::3"}])");
  CHECK(run(with_aaaa, "CAFE:BABE::3", "test@e6.example.com").explanation == "connect from mx.example.com");
  CHECK(run(with_aaaa, "CAFE:BABE::1", "test@e6.example.com").explanation == "connect from unknown");
}

TEST_CASE("RFC 7208 §6.2 and §7: explanation strings") {
  std::string zone = R"({
    "e8.example.com":[{"type":"TXT","data":"v=spf1 -all exp=msg8.%{D2}"}],
    "msg8.example.com":[{"type":"TXT","data":"http://example.com/why.html?l=%{L}"}],
    "exp.example.com":[{"type":"TXT","data":"v=spf1 exp=msg.example.com. -all"}],
    "msg.example.com":[{"type":"TXT","data":"This is a test."}],
    "e9.example.com":[{"type":"TXT","data":"v=spf1 -all exp=e9msg.example.com"}],
    "e9msg.example.com":[{"type":"TXT","data":"%{l} in implementation"}],
    "e23.example.com":[{"type":"TXT","data":"v=spf1 a:erehwon.example.com a:foobar.com exp=nxdomain.com -all"}],
    "e3.example.com":[{"type":"TXT","data":"v=spf1 -all exp=%{ir}.example.com"}],
    "40.218.168.192.example.com":[{"type":"TXT","data":"Connections from %{c} not authorized."}],
    "somewhat.long.exp.example.com":[{"type":"TXT","data":"v=spf1 -all exp=foobar.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.%{o}.example.com"}],
    "somewhat.long.exp.example.com.somewhat.long.exp.example.com.somewhat.long.exp.example.com.somewhat.long.exp.example.com.somewhat.long.exp.example.com.somewhat.long.exp.example.com.somewhat.long.exp.example.com.somewhat.long.exp.example.com.example.com":[{"type":"TXT","data":"Tricky."}],
    "nonascii.example.com":[{"type":"TXT","data":"v=spf1 exp=badexp.example.com -all"}],
    "badexp.example.com":[{"type":"TXT","data":"\u00efExplanation"}]
  })";
  CHECK(run(zone, "192.168.218.42", "jack&jill=up@e8.example.com").explanation ==
        "http://example.com/why.html?l=jack%26jill%3Dup");
  CHECK(run(zone, "192.168.218.40", "test@exp.example.com").explanation == "This is a test.");
  CHECK(run(zone, "1.2.3.4", "Macro Error@e9.example.com").explanation == "Macro Error in implementation");
  auto vo = run(zone, "1.2.3.4", "foo@e23.example.com");
  CHECK(vo.result == Result::fail);
  CHECK(vo.void_lookups == 2);
  CHECK(run(zone, "192.168.218.40", "test@e3.example.com").explanation == "Connections from 192.168.218.40 not authorized.");
  // 7.1/25: "foobar." is cut so that the name fits in 253 bytes.
  CHECK(run(zone, "192.168.218.40", "test@somewhat.long.exp.example.com").explanation == "Tricky.");
  CHECK(run(zone, "1.2.3.4", "foo@nonascii.example.com").explanation ==
        "nonascii.example.com does not designate 1.2.3.4 as a permitted sender");
}

TEST_CASE("RFC 7208 §7.3: transformers with several delimiters and reversal") {
  std::string zone = R"({
    "e11.example.com":[{"type":"TXT","data":"v=spf1 exists:%{i}.%{l2r-}.user.%{d2}"}],
    "1.2.3.4.gladstone.philip.user.example.com":[{"type":"A","data":"127.0.0.2"}],
    "e12.example.com":[{"type":"TXT","data":"v=spf1 exists:%{l2r+-}.user.%{d2}"}],
    "bar.foo.user.example.com":[{"type":"A","data":"127.0.0.2"}],
    "e9.example.com":[{"type":"TXT","data":"v=spf1 a:%{H} -all"}],
    "msgbas2x.cos.example.com":[{"type":"A","data":"192.168.218.40"}],
    "e1a.example.com":[{"type":"TXT","data":"v=spf1 a:macro%%percent%_%_space%-url-space.example.com -all"}],
    "macro%percent  space%20url-space.example.com":[{"type":"A","data":"1.2.3.4"}]
  })";
  CHECK(run(zone, "1.2.3.4", "philip-gladstone-test@e11.example.com").result == Result::pass);
  CHECK(run(zone, "1.2.3.4", "foo-bar+zip+quux@e12.example.com").result == Result::pass);
  CHECK(run(zone, "192.168.218.40", "test@e9.example.com", "msgbas2x.cos.example.com").result == Result::pass);
  CHECK(run(zone, "192.168.218.40", "test@e9.example.com", "[192.168.218.40]").result == Result::fail);
  CHECK(run(zone, "192.168.218.40", "test@e9.example.com", "JUMPIN' JUPITER").result == Result::fail);
  CHECK(run(zone, "1.2.3.4", "test@e1a.example.com").result == Result::pass);
}

TEST_CASE("RFC 7208 §4.3: a trailing dot is ignored in domains; empty MAIL FROM with a null MX is neutral") {
  std::string zone = R"({
    "example.com":[{"type":"TXT","data":"v=spf1 redirect=%{d}.d.spf.example.com."}],
    "example.com.d.spf.example.com":[{"type":"TXT","data":"v=spf1 redirect=a.spf.example.com"}],
    "a.spf.example.com":[{"type":"TXT","data":"v=spf1 include:o.spf.example.com. ~all"}],
    "o.spf.example.com":[{"type":"TXT","data":"v=spf1 ip4:192.168.218.40"}],
    "mail.example.com":[{"type":"A","data":"1.2.3.4"},{"type":"MX","preference":0,"exchange":""},{"type":"TXT","data":"v=spf1 mx"}]
  })";
  CHECK(run(zone, "192.168.218.40", "test@example.com").result == Result::pass);
  CHECK(run(zone, "1.2.3.4", "", "mail.example.com").result == Result::neutral);
}
