#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "maildiag/kb/diagnose.hpp"
#include "maildiag/kb/entry.hpp"

using namespace maildiag;
using namespace maildiag::kb;

namespace {
std::string best_id(std::string_view text, std::string_view hint = {}) {
  Diagnosis d = diagnose(text, hint);
  return d.entry ? std::string(d.entry->id) : std::string("-");
}
}  // namespace

TEST_CASE("acceptance: Outlook.com S3150 names its block list, reputation, permanent, delisting") {
  const Diagnosis d = diagnose(
      "550 5.7.1 Unfortunately, messages from [203.0.113.9] weren't sent. Please contact your "
      "Internet service provider since part of their network is on our block list (S3150)");
  REQUIRE(d.entry);
  CHECK(d.entry->id == "outlook.s3150-block-list");
  CHECK(d.entry->title.find("Outlook.com's block list") != std::string_view::npos);
  CHECK(d.entry->category == Category::reputation);
  CHECK(d.permanent);
  CHECK(d.specificity == Specificity::provider_text);
  REQUIRE(d.provider);
  CHECK(d.provider->id == "outlook-com");
  CHECK(d.provider_source == ProviderSource::text);
  bool delisting = false;
  for (std::string_view fix : d.entry->fixes)
    delisting = delisting || fix.find("olcsupport.office.com") != std::string_view::npos;
  CHECK(delisting);
  REQUIRE(d.match_span);
  CHECK(d.match_span->size() == 5);  // the token itself
}

TEST_CASE("acceptance: 5.2.2 with provider microsoft is the sending limit, not a full mailbox") {
  const Diagnosis d = diagnose("5.2.2 submission quota exceeded", "microsoft");
  REQUIRE(d.entry);
  CHECK(d.entry->id == "ms.5.2.2-submission-quota");
  CHECK(d.entry->category == Category::sending_limit);
  CHECK(d.provider_source == ProviderSource::hint);

  // The bare code at Microsoft still means the sending limit...
  CHECK(best_id("550 5.2.2 rejected", "microsoft") == "ms.5.2.2-submission-quota");
  CHECK(diagnose("550 5.2.2 rejected", "microsoft").specificity == Specificity::provider_code);
  // ...and RFC 3463's mailbox full everywhere else.
  const Diagnosis generic = diagnose("550 5.2.2 rejected");
  REQUIRE(generic.entry);
  CHECK(generic.entry->id == "iana.x.2.2");
  CHECK(generic.entry->category == Category::mailbox_capacity);
  CHECK(generic.specificity == Specificity::registry_code);
}

TEST_CASE("RFC 3463 §3.1: an unknown detail falls back to the subject, then the class") {
  const Diagnosis d = diagnose("550 5.1.99 something odd");
  REQUIRE(d.entry);
  CHECK(d.entry->id == "iana.x.1.0");
  CHECK(d.specificity == Specificity::class_fallback);
  CHECK(d.permanent);

  const Diagnosis t = diagnose("4.9.9 later");
  REQUIRE(t.entry);
  CHECK(t.entry->id == "class.4.x.x");
  CHECK(t.specificity == Specificity::class_fallback);
  CHECK_FALSE(t.permanent);

  // With a reply code beside it, the reply code's meaning is the better fallback.
  CHECK(best_id("451 4.9.9 later") == "smtp.451");
}

TEST_CASE("permanence follows the class of the code the server sent") {
  // Exchange Online's 550 4.4.7 NDR is final; a 550 5.2.121 is not retried by the sending server
  // either, although the limit clears by itself: the entry's retry text, which says so, is not
  // shown against the class.
  const Diagnosis expired = diagnose("550 4.4.7 QUEUE.Expired; message expired", "microsoft");
  REQUIRE(expired.entry);
  CHECK(expired.entry->id == "ms.4.4.7-expired");
  CHECK(expired.permanent);

  const Diagnosis hourly = diagnose("550 5.2.121 hourly limit", "office365");
  REQUIRE(hourly.entry);
  CHECK(hourly.entry->id == "ms.5.2.121-sender-hourly-limit");
  CHECK(hourly.permanent);
  CHECK_FALSE(hourly.entry_retry_applies);
}

TEST_CASE("the same code means different things at different providers") {
  CHECK(best_id("451 4.7.23 x", "gmail") == "gmail.x.7.23-ptr");
  CHECK(best_id("451 4.7.23 x") == "iana.x.7.23");
  CHECK(best_id("550 5.1.10 x", "microsoft") == "ms.5.1.10-recipient-not-found");
  CHECK(best_id("550 5.1.10 x") == "iana.x.1.10");
  CHECK(best_id("550 5.7.13 x", "microsoft") == "ms.5.7.13-public-folder-external");
  CHECK(best_id("550 5.7.13 x") == "iana.x.7.13");
  CHECK(best_id("550 5.7.30 x", "google") == "gmail.x.7.30-dkim");
  CHECK(best_id("550 5.7.30 x") == "iana.x.7.30");
}

TEST_CASE("the provider is detected from host names in the text") {
  const Diagnosis d = diagnose(
      "host gmail-smtp-in.l.google.com said: 550-5.1.1 The email account that you tried to "
      "reach does not exist. x.123 - gsmtp");
  REQUIRE(d.provider);
  CHECK(d.provider->id == "google");
  CHECK(d.provider_source == ProviderSource::text);
  REQUIRE(d.entry);
  CHECK(d.entry->id == "gmail.5.1.1-no-such-user");

  // Outlook.com is recognised before Exchange Online, whose host names it shares.
  const Diagnosis o = diagnose("host eur.olc.protection.outlook.com said: 550 5.7.1 x");
  REQUIRE(o.provider);
  CHECK(o.provider->id == "outlook-com");
  const Diagnosis m = diagnose("host contoso-com.mail.protection.outlook.com said: 550 5.7.1 x");
  REQUIRE(m.provider);
  CHECK(m.provider->id == "microsoft");
}

TEST_CASE("a mail service's wording counts only when the text comes from that service") {
  // A Gmail wording; without Gmail in sight the registry speaks.
  CHECK(best_id("550 5.7.26 This message does not have authentication information") == "iana.x.7.26");
  CHECK(best_id("550 5.7.26 This message does not have authentication information", "gmail") ==
        "gmail.x.7.26-unauthenticated");
  // A service's tokens, though, name it wherever they appear.
  const Diagnosis d = diagnose("The email account that you tried to reach does not exist.");
  REQUIRE(d.entry);
  CHECK(d.entry->id == "gmail.5.1.1-no-such-user");
  REQUIRE(d.provider);
  CHECK(d.provider->id == "google");
}

TEST_CASE("wording contradicted by the code is not taken") {
  // "Mailbox full" next to 5.1.1 is not a capacity problem.
  CHECK(best_id("550 5.1.1 Mailbox full of nonsense; user unknown") != "mta.quota-exceeded");
  CHECK(best_id("552 Error: disk quota exceeded") == "mta.quota-exceeded");
}

TEST_CASE("tokens must stand alone") {
  // "XS3150Y" is not the S3150 token.
  const Diagnosis d = diagnose("550 5.7.1 reference XS3150Y");
  REQUIRE(d.entry);
  CHECK(d.entry->id == "iana.x.7.1");
}

TEST_CASE("caller-given codes take precedence over those in the text") {
  const Diagnosis d = diagnose("this text says 550 5.1.1", EnhancedStatus{StatusClass::transient, 2, 2},
                               std::uint16_t{452}, {});
  REQUIRE(d.status);
  CHECK(d.status->to_string() == "4.2.2");
  CHECK(d.reply_code == 452);
  REQUIRE(d.entry);
  CHECK(d.entry->id == "iana.x.2.2");
  CHECK_FALSE(d.permanent);
}

TEST_CASE("texts without any code or known wording find nothing, and bad input is harmless") {
  const Diagnosis d = diagnose("hello world");
  CHECK_FALSE(d.found());
  CHECK(d.alternatives.empty());

  std::string junk(100000, '\xff');
  junk += "S3150";
  CHECK(diagnose(junk).found());

  std::string many;
  for (int i = 0; i < 1000; ++i) many += "user unknown mailbox full relay access denied ";
  const Diagnosis flood = diagnose(many);
  CHECK(flood.text_matches.size() <= max_text_matches);
  CHECK(flood.alternatives.size() <= max_alternatives);
}

TEST_CASE("an unknown provider hint is reported and detection from the text still works") {
  const Diagnosis d = diagnose("550 5.1.1 x gsmtp", "no-such-provider");
  CHECK(d.unknown_provider_hint);
  REQUIRE(d.provider);
  CHECK(d.provider->id == "google");
}
