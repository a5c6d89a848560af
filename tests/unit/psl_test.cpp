// The compiled-in Public Suffix List and RFC 7489 §3.2 organizational domains.
#include <doctest/doctest.h>

#include <string>

#include "maildiag/psl/public_suffix.hpp"

using namespace maildiag;

TEST_CASE("PSL: the whole list is compiled in") { CHECK(psl::rule_count() > 9000); }

TEST_CASE("RFC 7489 §3.2: organizational domain is the public suffix plus one label") {
  CHECK(psl::organizational_domain("mail.example.com") == "example.com");
  CHECK(psl::organizational_domain("a.b.example.co.uk") == "example.co.uk");
  CHECK(psl::organizational_domain("Example.COM.") == "Example.COM");
  // a public suffix is its own organizational domain
  CHECK(psl::organizational_domain("co.uk") == "co.uk");
  CHECK(psl::organizational_domain("bad..name").empty());
}

TEST_CASE("PSL algorithm: wildcard and exception rules") {
  // *.kawasaki.jp with the exception !city.kawasaki.jp
  auto w = psl::lookup("a.b.kawasaki.jp");
  CHECK(w.public_suffix == "b.kawasaki.jp");
  CHECK(w.registrable_domain == "a.b.kawasaki.jp");
  auto e = psl::lookup("www.city.kawasaki.jp");
  CHECK(e.public_suffix == "kawasaki.jp");
  CHECK(e.registrable_domain == "city.kawasaki.jp");
}

TEST_CASE("PSL algorithm: unlisted TLDs use the implicit * rule; private rules are marked") {
  auto u = psl::lookup("host.example.unlistedtld");
  CHECK_FALSE(u.matched_rule);
  CHECK(u.public_suffix == "unlistedtld");
  CHECK(u.registrable_domain == "example.unlistedtld");
  auto p = psl::lookup("someone.github.io");
  CHECK(p.private_rule);
  CHECK(p.registrable_domain == "someone.github.io");
}

TEST_CASE("PSL: internationalised rules match both U-labels and A-labels") {
  CHECK(psl::lookup("example.xn--p1ai").public_suffix == "xn--p1ai");
  CHECK(psl::lookup("example.рф").public_suffix == "рф");
  CHECK(psl::lookup("example.рф").matched_rule);
}

TEST_CASE("PSL: over-long names have no public suffix") {
  std::string longname(300, 'a');
  CHECK(psl::lookup(longname).public_suffix.empty());
}
