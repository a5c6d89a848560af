// Records pasted the way DNS tools show TXT records (RFC 1035 §5.1 presentation form), and the
// checks that accept them: spf check, dmarc check, dkim check.
#include <doctest/doctest.h>

#include "maildiag/dkim/key_record.hpp"
#include "maildiag/dmarc/effect.hpp"
#include "maildiag/dmarc/record.hpp"
#include "maildiag/dns/txt_presentation.hpp"
#include "maildiag/spf/validate.hpp"

using namespace maildiag;

namespace {
const std::string ed25519 = "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
}  // namespace

TEST_CASE("RFC 1035 §5.1: quoted strings are joined as a resolver joins them") {
  auto one = dns::parse_txt_presentation("\"v=spf1 include:spf.protection.outlook.com -all\"");
  REQUIRE(one);
  CHECK(one->text == "v=spf1 include:spf.protection.outlook.com -all");
  CHECK(one->strings == 1);

  auto two = dns::parse_txt_presentation("  \"v=DKIM1; k=rsa; p=MIIB\" \"AQAB\"\n");
  REQUIRE(two);
  CHECK(two->text == "v=DKIM1; k=rsa; p=MIIBAQAB");
  CHECK(two->strings == 2);

  // Zone files wrap long records in parentheses, over several lines.
  auto wrapped = dns::parse_txt_presentation("( \"v=DMARC1; p=reject; \"\n\t\"rua=mailto:d@example.com\" )");
  REQUIRE(wrapped);
  CHECK(wrapped->text == "v=DMARC1; p=reject; rua=mailto:d@example.com");
}

TEST_CASE("RFC 1035 §5.1: \\\" and \\DDD escapes are decoded") {
  auto r = dns::parse_txt_presentation(R"("say \"hi\"\059 a\\b \195\169")");
  REQUIRE(r);
  CHECK(r->text == "say \"hi\"; a\\b \xC3\xA9");
}

TEST_CASE("text that is not wholly quoted strings is left as it is") {
  CHECK_FALSE(dns::parse_txt_presentation("v=spf1 mx -all"));
  CHECK_FALSE(dns::parse_txt_presentation(""));
  CHECK_FALSE(dns::parse_txt_presentation("\"v=spf1 mx -all"));          // unterminated
  CHECK_FALSE(dns::parse_txt_presentation("\"v=spf1\" mx -all"));        // text outside the quotes
  CHECK_FALSE(dns::parse_txt_presentation("\"a\\256\""));                // not a byte
  CHECK_FALSE(dns::parse_txt_presentation("\"a\\25\""));                 // \DDD takes three digits
  CHECK_FALSE(dns::parse_txt_presentation("\"a\\"));                     // a lone backslash
  CHECK_FALSE(dns::parse_txt_presentation("( \"v=spf1 -all\""));         // unclosed parenthesis
  CHECK_FALSE(dns::parse_txt_presentation("v=spf1 a:\"x\" -all"));       // quotes inside a record
}

TEST_CASE("spf check accepts a quoted record and says that the quotes were removed") {
  auto v = spf::validate_pasted("\"v=spf1 include:spf.protection.outlook.com -all\"");
  CHECK_FALSE(v.has_errors());
  CHECK(v.text == "v=spf1 include:spf.protection.outlook.com -all");
  REQUIRE(!v.findings.empty());
  CHECK(v.findings.front().code == "txt.quotes_removed");
  CHECK(v.findings.front().severity == Severity::info);
  // Term spans point into the joined text.
  REQUIRE(v.record.terms.size() == 2);
  CHECK(v.term_text(v.record.terms[1]) == "-all");

  // A bare record gets no such finding; the DNS path (validate) never unquotes.
  CHECK(spf::validate_pasted("v=spf1 -all").findings.empty());
  CHECK(spf::validate("\"v=spf1 -all\"").has_errors());
}

TEST_CASE("dmarc check accepts a quoted record") {
  auto r = dmarc::parse_pasted_record("\"v=DMARC1; p=reject; rua=mailto:dmarc@example.com\"");
  CHECK(r.valid());
  CHECK(dmarc::effect_of(r).in_effect);
  CHECK(dmarc::effect_of(r).p == dmarc::Policy::reject);
  REQUIRE(!r.findings.empty());
  CHECK(r.findings.front().code == "txt.quotes_removed");
  CHECK_FALSE(dmarc::parse_record("\"v=DMARC1; p=reject\"").valid());
}

TEST_CASE("dkim check accepts a key split into quoted strings") {
  const std::string split = "\"v=DKIM1; k=ed25519; p=" + ed25519.substr(0, 20) + "\" \"" + ed25519.substr(20) + "\"";
  auto r = dkim::parse_pasted_key_record(split);
  CHECK(r.valid());
  CHECK(r.text == "v=DKIM1; k=ed25519; p=" + ed25519);
  REQUIRE(!r.findings.empty());
  CHECK(r.findings.front().code == "txt.quotes_removed");
  CHECK(r.findings.front().message.find("2 quoted strings") != std::string::npos);
  CHECK_FALSE(dkim::parse_key_record(split).valid());
}
