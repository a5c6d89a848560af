// Codes no registry defines are read as the providers that use them define them, even when the
// text names no provider: a user pasting a bare "5.7.367" wants Exchange Online's meaning, not
// "some security failure".
#include <doctest/doctest.h>

#include <string>

#include "maildiag/kb/diagnose.hpp"
#include "maildiag/kb/entry.hpp"

using namespace maildiag;
using namespace maildiag::kb;

TEST_CASE("a bare provider-only code resolves to the provider's entry") {
  const Diagnosis relay = diagnose("5.7.367");
  REQUIRE(relay.entry);
  CHECK(std::string(relay.entry->id) == "ms.5.7.367-relay-pool");
  CHECK(relay.specificity == Specificity::provider_code);
  CHECK(relay.permanent);

  const Diagnosis dns = diagnose("450 4.4.312");
  REQUIRE(dns.entry);
  CHECK(std::string(dns.entry->id) == "ms.4.4.312-dns-failure");
  CHECK(dns.specificity == Specificity::provider_code);
  CHECK_FALSE(dns.permanent);
}

TEST_CASE("RFC 3463 §2: a code the registry defines keeps the registry's meaning without a provider") {
  const Diagnosis d = diagnose("550 5.1.1");
  REQUIRE(d.entry);
  CHECK(std::string(d.entry->id) == "iana.x.1.1");
  CHECK(d.specificity == Specificity::registry_code);

  // With the provider known, its own meaning of a registry code still wins.
  const Diagnosis ms = diagnose("5.2.2 submission quota exceeded", "microsoft");
  REQUIRE(ms.entry);
  CHECK(ms.entry->category == Category::sending_limit);
}

TEST_CASE("an unregistered detail nobody documents still falls back to its subject or class") {
  const Diagnosis d = diagnose("5.4.399");
  REQUIRE(d.entry);
  CHECK(d.specificity == Specificity::class_fallback);
}
