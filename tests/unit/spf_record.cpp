// The SPF record parser and validator: grammar of RFC 7208 §4.6.1, §5, §6, §7.1 and §12, spans,
// and every validation finding.
#include <doctest/doctest.h>

#include <string>

#include "maildiag/spf/macro.hpp"
#include "maildiag/spf/record.hpp"
#include "maildiag/spf/validate.hpp"

using namespace maildiag;
using namespace maildiag::spf;

namespace {

bool has_code(const std::vector<Finding>& findings, const std::string& code) {
  for (const auto& f : findings)
    if (f.code == code) return true;
  return false;
}

const Finding* first(const std::vector<Finding>& findings, const std::string& code) {
  for (const auto& f : findings)
    if (f.code == code) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("RFC 7208 §4.5: the version must be v=spf1 followed by a space or the end") {
  CHECK(is_spf_record("v=spf1"));
  CHECK(is_spf_record("V=SPF1 -all"));
  CHECK_FALSE(is_spf_record("v=spf10"));
  CHECK_FALSE(is_spf_record("v=spf1-all"));
  CHECK_FALSE(is_spf_record(" v=spf1"));
  auto r = parse("spf1 -all");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].code == "spf.no_version");
}

TEST_CASE("RFC 7208 §4.6.1: every term has a byte span; qualifiers and names are case-insensitive") {
  std::string text = "v=spf1  +A:Mail.Example.com/24//64 ~MX ip4:192.0.2.0/24 -Include:_spf.example.com ?all exp=why.example.com  ";
  auto r = parse(text);
  REQUIRE(r.ok());
  REQUIRE(r.terms.size() == 6);
  CHECK(r.terms[0].mechanism == Mechanism::a);
  CHECK(r.terms[0].qualifier == Qualifier::pass);
  CHECK(r.terms[0].explicit_qualifier);
  CHECK(text.substr(r.terms[0].span.begin, r.terms[0].span.size()) == "+A:Mail.Example.com/24//64");
  CHECK(text.substr(r.terms[0].value.begin, r.terms[0].value.size()) == "Mail.Example.com");
  CHECK(text.substr(r.terms[0].cidr.begin, r.terms[0].cidr.size()) == "/24//64");
  CHECK(r.terms[0].cidr4 == 24);
  CHECK(r.terms[0].cidr6 == 64);
  CHECK(r.terms[1].mechanism == Mechanism::mx);
  CHECK(r.terms[1].qualifier == Qualifier::softfail);
  CHECK(r.terms[2].network.to_string() == "192.0.2.0");
  CHECK(r.terms[2].cidr4 == 24);
  CHECK(r.terms[3].mechanism == Mechanism::include);
  CHECK(r.terms[4].qualifier == Qualifier::neutral);
  CHECK(r.terms[5].is_modifier);
  CHECK(r.terms[5].modifier == Modifier::exp);
  CHECK(text.substr(r.terms[5].span.begin, r.terms[5].span.size()) == "exp=why.example.com");
}

TEST_CASE("RFC 7208 §5.1-§5.7: mechanism argument grammar") {
  for (const char* ok : {"v=spf1 all", "v=spf1 a", "v=spf1 a/24", "v=spf1 a//64", "v=spf1 a//0",
                         "v=spf1 a:foo.example.com/24//64", "v=spf1 mx:foo:bar/baz.example.com",
                         "v=spf1 a:foo.example.xn--zckzah", "v=spf1 ptr", "v=spf1 ptr:example.com",
                         "v=spf1 ip6:::1", "v=spf1 ip6:2001:db8::/32", "v=spf1 ip4:1.2.3.4/0",
                         "v=spf1 exists:%{ir}.%{v}._spf.%{d2}", "v=spf1 a:example.com.",
                         "v=spf1 include:%{d}", "v=spf1 moo.cow-far_out=man:dog/cat",
                         "v=spf1 a:macro%%percent%_%_space%-url-space.example.com"}) {
    CHECK_MESSAGE(parse(ok).ok(), ok);
  }
  struct Bad {
    const char* text;
    const char* code;
  };
  for (Bad bad : {Bad{"v=spf1 -all:foobar", "spf.syntax"}, Bad{"v=spf1 -all.", "spf.syntax"},
                  Bad{"v=spf1 -all/8", "spf.syntax"}, Bad{"v=spf1 a:", "spf.syntax"},
                  Bad{"v=spf1 a:museum", "spf.syntax"}, Bad{"v=spf1 a:museum.", "spf.syntax"},
                  Bad{"v=spf1 a:abc.123", "spf.syntax"}, Bad{"v=spf1 a:example.-com", "spf.syntax"},
                  Bad{"v=spf1 a:example.com:8080", "spf.syntax"}, Bad{"v=spf1 a/33", "spf.invalid_cidr"},
                  Bad{"v=spf1 a//129", "spf.invalid_cidr"}, Bad{"v=spf1 a/24/64", "spf.invalid_cidr"},
                  Bad{"v=spf1 ip4:1.2.3.4/33", "spf.invalid_cidr"}, Bad{"v=spf1 ip4:1.2.3.4/032", "spf.invalid_cidr"},
                  Bad{"v=spf1 ip4:1.2.3.4//32", "spf.invalid_cidr"}, Bad{"v=spf1 ip4:1.2.3", "spf.invalid_ip"},
                  Bad{"v=spf1 ip4:1.2.3.4:8080", "spf.invalid_ip"}, Bad{"v=spf1 ip4", "spf.syntax"},
                  Bad{"v=spf1 ip6::CAFE::BABE", "spf.invalid_ip"}, Bad{"v=spf1 ip6:::1.1.1.1//33", "spf.invalid_cidr"},
                  Bad{"v=spf1 ip6:2001:db8::/129", "spf.invalid_cidr"}, Bad{"v=spf1 ip4:2001:db8::", "spf.invalid_ip"},
                  Bad{"v=spf1 include", "spf.syntax"}, Bad{"v=spf1 include:", "spf.syntax"},
                  Bad{"v=spf1 include:ip5.example.com/24", "spf.syntax"}, Bad{"v=spf1 exists", "spf.syntax"},
                  Bad{"v=spf1 exists:mail.example.com/24", "spf.syntax"}, Bad{"v=spf1 ptr/0", "spf.syntax"},
                  Bad{"v=spf1 ptr:", "spf.syntax"}, Bad{"v=spf1 mx:", "spf.syntax"},
                  Bad{"v=spf1 redirect:example.com", "spf.unknown_mechanism"}, Bad{"v=spf1 moo", "spf.unknown_mechanism"},
                  Bad{"v=spf1 \x96" "all", "spf.syntax"}, Bad{"v=spf1 =all", "spf.syntax"},
                  Bad{"v=spf1 1up=foo", "spf.syntax"}, Bad{"v=spf1 -redirect=a.example.com", "spf.syntax"},
                  Bad{"v=spf1 moo.cow/far_out=man:dog/cat", "spf.unknown_mechanism"}}) {
    auto r = parse(bad.text);
    CHECK_MESSAGE(!r.ok(), std::string(bad.text));
    if (!r.ok()) CHECK_MESSAGE(r.findings[0].code == std::string(bad.code), std::string(bad.text));
  }
}

TEST_CASE("RFC 7208 §6: redirect and exp take a domain-spec and appear at most once") {
  CHECK(parse("v=spf1 redirect=_spf.example.com").ok());
  CHECK(first(parse("v=spf1 exp=").findings, "spf.syntax"));
  CHECK(first(parse("v=spf1 redirect=").findings, "spf.syntax"));
  CHECK(first(parse("v=spf1 exp=-all").findings, "spf.syntax"));
  auto twice = parse("v=spf1 redirect=a.example.com -all redirect=b.example.com");
  REQUIRE(first(twice.findings, "spf.duplicate_modifier"));
  CHECK(first(twice.findings, "spf.duplicate_modifier")->span.begin == 35);
  CHECK(first(parse("v=spf1 exp=a.example.com exp=b.example.com").findings, "spf.duplicate_modifier"));
  CHECK(parse("v=spf1 default=pass").ok());
  CHECK(parse("v=spf1 x-note=").ok());
}

TEST_CASE("RFC 7208 §7.1: macro syntax; errors point at the character") {
  std::string_view why;
  CHECK(check_macro_string("%{s}%{l}%{o}%{d}%{i}%{p}%{h}%{v}", MacroContext::domain_spec, &why) ==
        std::string_view::npos);
  CHECK(check_macro_string("%{d2}%{ir}%{l-}%{L2r+-}%{d128}%%%_%-", MacroContext::domain_spec, &why) ==
        std::string_view::npos);
  CHECK(check_macro_string("%{c}", MacroContext::domain_spec, &why) == 2);
  CHECK(check_macro_string("%{c}%{r}%{t} text with spaces", MacroContext::explain_string, &why) ==
        std::string_view::npos);
  CHECK(check_macro_string("%{d0}", MacroContext::domain_spec, &why) == 3);
  CHECK(check_macro_string("%{x}", MacroContext::domain_spec, &why) == 2);
  CHECK(check_macro_string("foo%", MacroContext::domain_spec, &why) == 3);
  CHECK(check_macro_string("%(ir)", MacroContext::domain_spec, &why) == 0);
  CHECK(check_macro_string("%{d", MacroContext::domain_spec, &why) != std::string_view::npos);
  CHECK(check_macro_string("%{d2r.x}", MacroContext::domain_spec, &why) != std::string_view::npos);
  auto r = parse("v=spf1 a:%{q}.example.com -all");
  REQUIRE(!r.ok());
  CHECK(r.findings[0].code == "spf.invalid_macro");
  CHECK(r.findings[0].span.begin == 11);
}

TEST_CASE("RFC 7208 §7.3: macro expansion of every letter, transformers and delimiters") {
  MacroValues v;
  v.ip = *dns::IpAddress::parse("192.0.2.3");
  v.sender = "strong-bad@email.example.com";
  v.local_part = "strong-bad";
  v.sender_domain = "email.example.com";
  v.domain = "email.example.com";
  v.helo = "mx.example.org";
  v.receiver = "receiver.example.net";
  v.timestamp = 1234;
  auto x = [&](const char* m) {
    std::string out;
    REQUIRE(expand_macros(m, MacroContext::explain_string, v, out) == ExpandStatus::ok);
    return out;
  };
  // The examples of RFC 7208 §7.4.
  CHECK(x("%{s}") == "strong-bad@email.example.com");
  CHECK(x("%{o}") == "email.example.com");
  CHECK(x("%{d}") == "email.example.com");
  CHECK(x("%{d4}") == "email.example.com");
  CHECK(x("%{d3}") == "email.example.com");
  CHECK(x("%{d2}") == "example.com");
  CHECK(x("%{d1}") == "com");
  CHECK(x("%{dr}") == "com.example.email");
  CHECK(x("%{d2r}") == "example.email");
  CHECK(x("%{l}") == "strong-bad");
  CHECK(x("%{l-}") == "strong.bad");
  CHECK(x("%{lr}") == "strong-bad");
  CHECK(x("%{lr-}") == "bad.strong");
  CHECK(x("%{l1r-}") == "strong");
  CHECK(x("%{ir}.%{v}._spf.%{d2}") == "3.2.0.192.in-addr._spf.example.com");
  CHECK(x("%{lr-}.lp._spf.%{d2}") == "bad.strong.lp._spf.example.com");
  CHECK(x("%{lr-}.lp.%{ir}.%{v}._spf.%{d2}") == "bad.strong.lp.3.2.0.192.in-addr._spf.example.com");
  CHECK(x("%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}") == "3.2.0.192.in-addr.strong.lp._spf.example.com");
  CHECK(x("%{d2}.trusted-domains.example.net") == "example.com.trusted-domains.example.net");
  CHECK(x("%{h} %{c} %{r} %{t} %{p}") == "mx.example.org 192.0.2.3 receiver.example.net 1234 unknown");
  CHECK(x("%%%_%-") == "% %20");
  CHECK(x("%{S}") == "strong-bad%40email.example.com");
  v.ip = *dns::IpAddress::parse("2001:db8::cb01");
  CHECK(x("%{ir}.%{v}._spf.%{d2}") ==
        "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com");
  CHECK(x("%{c}") == "2001:db8::cb01");
}

TEST_CASE("RFC 7208 §7.3: hostile expansions are bounded") {
  MacroValues v;
  std::string local(64, 'x');
  v.local_part = local;
  std::string spec;
  for (int i = 0; i < 200; ++i) spec += "%{l}";
  std::string out;
  CHECK(expand_macros(spec, MacroContext::domain_spec, v, out) == ExpandStatus::too_long);
  CHECK(out.size() <= kMaxExpansionBytes + 64);
  std::string short_spec = "%{l}.%{l}.%{l}.%{l}.%{l}.example.com";
  CHECK(expand_domain(short_spec, v, out) == ExpandStatus::ok);
  CHECK(out.size() <= 253);
  CHECK(out == local + "." + local + "." + local + ".example.com");
}

TEST_CASE("validate: clean records have no findings and count their lookups") {
  auto v = validate("v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 include:spf.protection.outlook.com mx -all");
  CHECK(v.findings.empty());
  CHECK(v.dns_terms == 2);
  CHECK(v.provider(0) == nullptr);
  REQUIRE(v.provider(2) != nullptr);
  CHECK(v.provider(2)->name.find("Microsoft 365") != std::string_view::npos);
  CHECK(validate("v=spf1 mx -all").providers.empty());
  CHECK(find_provider("_SPF.Google.com.") != nullptr);
  CHECK(find_provider("spf.example.com") == nullptr);
}

TEST_CASE("validate: each finding with its span") {
  auto plus = validate("v=spf1 mx +all");
  REQUIRE(first(plus.findings, "spf.pass_all"));
  CHECK(first(plus.findings, "spf.pass_all")->span == Span{10, 14});
  CHECK(first(plus.findings, "spf.pass_all")->severity == Severity::error);
  CHECK(has_code(validate("v=spf1 mx ?all").findings, "spf.neutral_all"));
  CHECK(has_code(validate("v=spf1 mx").findings, "spf.no_all"));
  CHECK_FALSE(has_code(validate("v=spf1 redirect=_spf.example.com").findings, "spf.no_all"));
  auto ptr = validate("v=spf1 ptr -all");
  REQUIRE(first(ptr.findings, "spf.ptr_deprecated"));
  CHECK(first(ptr.findings, "spf.ptr_deprecated")->span == Span{7, 10});
  auto redirect = validate("v=spf1 -all redirect=_spf.example.com");
  CHECK(has_code(redirect.findings, "spf.redirect_ignored"));
  CHECK(redirect.dns_terms == 0);
  auto after = validate("v=spf1 -all mx");
  REQUIRE(first(after.findings, "spf.terms_after_all"));
  CHECK(first(after.findings, "spf.terms_after_all")->span == Span{12, 14});
  auto dup = validate("v=spf1 ip4:192.0.2.0/24 ip4:192.0.2.0/24 ip4:192.0.2.128/25 ip4:198.51.100.1 ip4:198.51.100.0/24 -all");
  CHECK(first(dup.findings, "spf.duplicate_network")->span == Span{24, 40});
  int overlaps = 0;
  for (const auto& f : dup.findings) overlaps += f.code == "spf.overlapping_network";
  CHECK(overlaps == 2);
  auto priv = validate("v=spf1 ip4:10.1.2.3 ip4:192.168.0.0/16 ip4:127.0.0.1 ip6:fe80::1 ip6:fd00::/8 ip4:8.8.8.8 -all");
  int non_routable = 0;
  for (const auto& f : priv.findings) non_routable += f.code == "spf.non_routable_network";
  CHECK(non_routable == 5);
  auto wide = validate("v=spf1 ip4:0.0.0.0/0 ip4:8.0.0.0/6 ip6:2000::/3 a/0 mx/8 -all");
  int errors = 0, warnings = 0;
  for (const auto& f : wide.findings)
    if (f.code == "spf.suspicious_cidr") (f.severity == Severity::error ? errors : warnings)++;
  CHECK(errors == 2);
  CHECK(warnings == 3);
}

TEST_CASE("validate: lookup limit, record sizes, Sender ID") {
  std::string eleven = "v=spf1";
  for (int i = 0; i < 11; ++i) eleven += " include:s" + std::to_string(i) + ".example.com";
  eleven += " -all";
  auto v = validate(eleven);
  const Finding* f = first(v.findings, "spf.too_many_lookups");
  REQUIRE(f);
  CHECK(v.dns_terms == 11);
  CHECK(eleven.substr(f->span.begin, f->span.size()) == "include:s10.example.com");
  std::string ten = "v=spf1 a a a a a a a a a redirect=x.example.com";
  CHECK_FALSE(has_code(validate(ten).findings, "spf.too_many_lookups"));
  CHECK(has_code(validate(ten + " mx").findings, "spf.too_many_lookups"));

  std::string long_record = "v=spf1";
  while (long_record.size() < 300) long_record += " ip4:198.51.100.1";
  long_record += " -all";
  auto lv = validate(long_record);
  CHECK(has_code(lv.findings, "spf.string_too_long"));
  CHECK_FALSE(has_code(lv.findings, "spf.record_too_long"));
  while (long_record.size() < 460) long_record += " ip4:203.0.113.7";
  CHECK(has_code(validate(long_record).findings, "spf.record_too_long"));

  auto sid = validate("spf2.0/mfrom,pra mx -all");
  REQUIRE(sid.findings.size() == 1);
  CHECK(sid.findings[0].code == "spf.sender_id");
}

TEST_CASE("parser limits: huge and hostile records end in findings") {
  std::string huge = "v=spf1 " + std::string(kMaxRecordBytes, 'a');
  auto r = parse(huge);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].code == "spf.record_too_large");
  std::string many = "v=spf1";
  for (int i = 0; i < 1500; ++i) many += " ?a";
  auto m = parse(many);
  CHECK(m.ok());
  CHECK(m.terms.size() == 1500);
  std::string nul("v=spf1 a:foo.example.com\0 -all", 30);
  CHECK_FALSE(parse(nul).ok());
}
