#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "maildiag/psl/public_suffix.hpp"

namespace psl = maildiag::psl;

// The list keeps internationalised rules once, as U-labels; A-labels are decoded at lookup.
TEST_CASE("PSL: RFC 3492 A-labels and U-labels of a name meet the same rule") {
  const psl::SuffixInfo a = psl::lookup("mail.example.xn--p1ai");  // .рф
  CHECK(a.matched_rule);
  CHECK(a.public_suffix == "xn--p1ai");
  CHECK(a.registrable_domain == "example.xn--p1ai");
  const psl::SuffixInfo u = psl::lookup("mail.example.рф");
  CHECK(u.matched_rule);
  CHECK(u.public_suffix == "рф");

  // Two-label rules: 岡山.jp, 個人.香港, aéroport.ci, in both spellings and mixed.
  CHECK(psl::lookup("shop.xn--rht3d.jp").public_suffix == "xn--rht3d.jp");
  CHECK(psl::lookup("shop.岡山.jp").public_suffix == "岡山.jp");
  CHECK(psl::lookup("a.b.xn--gmqw5a.xn--j6w193g").public_suffix == "xn--gmqw5a.xn--j6w193g");
  CHECK(psl::lookup("a.b.個人.xn--j6w193g").public_suffix == "個人.xn--j6w193g");
  CHECK(psl::lookup("x.XN--AROPORT-BYA.CI").public_suffix == "XN--AROPORT-BYA.CI");
  CHECK(psl::organizational_domain("mx.example.xn--rht3d.jp") == "example.xn--rht3d.jp");
}

TEST_CASE("PSL: A-labels that are not valid Punycode are looked up as they are") {
  for (const char* name : {"example.xn--", "example.xn---", "example.xn--zz99999999999999",
                           "example.xn--a-9999", "example.xn--\xff", "example.xn--ab-c"}) {
    CAPTURE(name);
    const psl::SuffixInfo info = psl::lookup(name);
    CHECK_FALSE(info.matched_rule);  // only the implicit "*" rule
    CHECK(info.public_suffix == std::string_view(name).substr(8));
    CHECK(info.registrable_domain == name);
  }
  // The longest name, all of it one A-label's worth of digits: no overflow, no crash.
  std::string long_label = "xn--" + std::string(58, '9');
  std::string name = long_label;
  while (name.size() + 1 + long_label.size() <= 253) name += "." + long_label;
  CHECK(psl::lookup(name).public_suffix == long_label);
  std::string long_basic = "xn--" + std::string(70, 'a') + "-ba";
  CHECK_FALSE(psl::lookup("example." + long_basic).matched_rule);
}
