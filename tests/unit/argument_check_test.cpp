// What people type where a domain, an address or an IP address is expected.
#include <doctest/doctest.h>

#include "maildiag/argument_check.hpp"

using namespace maildiag;

TEST_CASE("check_domain: domains are normalized, addresses give their domain with a note") {
  auto plain = check_domain("  Contoso.Example. ");
  CHECK(plain.ok());
  CHECK(plain.domain == "contoso.example");
  CHECK(plain.note.empty());

  auto address = check_domain("alice@contoso.example");
  CHECK(address.ok());
  CHECK(address.domain == "contoso.example");
  CHECK(address.note == "\"alice@contoso.example\" is an email address: checking its domain, contoso.example.");

  CHECK(check_domain("_dmarc.contoso.example").ok());
  CHECK(check_domain("xn--bcher-kva.example").ok());
}

TEST_CASE("check_domain: what is not a domain says why") {
  CHECK(check_domain("").error == "a domain is required, like example.com");
  CHECK(check_domain("not a domain").error == "\"not a domain\" is not a domain name: it contains a space");
  CHECK(check_domain("192.0.2.1").error == "\"192.0.2.1\" is an IP address, not a domain name");
  CHECK(check_domain("2001:db8::1").error == "\"2001:db8::1\" is an IP address, not a domain name");
  CHECK(check_domain("localhost").error.find("top-level domain") != std::string::npos);
  CHECK(check_domain("a..example").error.find("empty label") != std::string::npos);
  CHECK(check_domain("-a.example").error.find("hyphen") != std::string::npos);
  CHECK(check_domain("1.2.3").error.find("all digits") != std::string::npos);
  CHECK(check_domain("b\xc3\xbc" "cher.example").error.find("xn--") != std::string::npos);
  CHECK(check_domain("a/b.example").error.find("'/'") != std::string::npos);
  CHECK(check_domain(std::string(64, 'a') + ".example").error.find("63 bytes") != std::string::npos);
  CHECK(check_domain("@contoso.example").error.find("local-part@domain") != std::string::npos);
  CHECK(check_domain("alice@not a domain").error.find("contains a space") != std::string::npos);
  CHECK(check_domain("x").domain.empty());
}

TEST_CASE("check_address and ip_address_error") {
  CHECK(check_address("a@b.example").domain == "b.example");
  CHECK(check_address("b.example").error == "\"b.example\" is not an email address: write it as local-part@domain");
  CHECK(check_address("").error == "an email address is required, like user@example.com");
  CHECK(ip_address_error("192.0.2.1").empty());
  CHECK(ip_address_error("2001:db8::1").empty());
  CHECK(ip_address_error("not-an-ip") == "\"not-an-ip\" is not an IPv4 or IPv6 address");
  CHECK(ip_address_error("").find("required") != std::string::npos);
}
