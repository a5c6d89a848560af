// Every code of the sources the knowledge base is built from resolves to the right entry: the
// IANA registry, the basic reply codes, and each provider's published codes and tokens.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "maildiag/kb/diagnose.hpp"
#include "maildiag/kb/entry.hpp"

using namespace maildiag;
using namespace maildiag::kb;

namespace {

struct Expect {
  std::string_view text;
  std::string_view provider;  // hint, "" to detect
  std::string_view entry;
  std::string_view category;
  int permanent;  // 1, 0
};

void check_all(const Expect* rows, std::size_t count) {
  for (std::size_t i = 0; i < count; ++i) {
    const Expect& x = rows[i];
    CAPTURE(x.text);
    CAPTURE(x.provider);
    const Diagnosis d = diagnose(x.text, x.provider);
    REQUIRE(d.entry);
    CHECK(d.entry->id == x.entry);
    CHECK(to_string(d.entry->category) == x.category);
    CHECK(d.permanent == (x.permanent == 1));
  }
}

}  // namespace

TEST_CASE("RFC 3463 and updates: every IANA enhanced status code resolves to its registry entry") {
  // subject -> highest detail in the registry (RFC 3463, 3886, 4468, 4954, 5248, 6531, 6710,
  // 7293, 7372, 7505, 8617, 8689).
  const int last_detail[8] = {0, 10, 4, 6, 7, 6, 10, 30};
  int checked = 0;
  for (int subject = 0; subject <= 7; ++subject) {
    for (int detail = 0; detail <= last_detail[subject]; ++detail) {
      for (int klass : {4, 5}) {
        const std::string code =
            std::to_string(klass) + "." + std::to_string(subject) + "." + std::to_string(detail);
        const std::string id = "iana.x." + std::to_string(subject) + "." + std::to_string(detail);
        CAPTURE(code);
        const Diagnosis d = diagnose(code);
        REQUIRE(d.entry);
        CHECK(d.entry->id == id);
        CHECK(d.specificity == Specificity::registry_code);
        CHECK(d.permanent == (klass == 5));
        ++checked;
      }
    }
  }
  CHECK(checked == 2 * 81);
}

TEST_CASE("RFC 5321 §4.2.3, RFC 7504, RFC 4954, RFC 3207, RFC 5248: every basic reply code resolves") {
  const int codes[] = {211, 214, 220, 221, 235, 250, 251, 252, 334, 354, 421, 432, 450, 451, 452,
                       454, 455, 500, 501, 502, 503, 504, 521, 523, 525, 530, 534, 535, 538, 550,
                       551, 552, 553, 554, 555, 556};
  for (int code : codes) {
    CAPTURE(code);
    const Diagnosis d = diagnose(std::to_string(code) + " text");
    REQUIRE(d.entry);
    CHECK(d.entry->id == "smtp." + std::to_string(code));
    CHECK(d.specificity == Specificity::registry_code);
    CHECK(d.permanent == (code >= 500));
  }
}

TEST_CASE("Exchange Online: every documented code and range resolves to a Microsoft entry") {
  static const Expect rows[] = {
      {"432 4.3.2 STOREDRV.Deliver; recipient thread limit exceeded", "microsoft", "ms.4.3.2-recipient-thread-limit", "throttling", 0},
      {"554 4.3.2 mailbox busy", "microsoft", "ms.4.3.2-mailbox-busy", "mailbox-capacity", 1},
      {"550 4.4.7 QUEUE.Expired; message expired", "microsoft", "ms.4.4.7-expired", "expired", 1},
      {"451 4.4.8 MX hostname not in MTA-STS policy", "microsoft", "ms.x.4.8-mta-sts-mx", "tls", 0},
      {"550 5.4.8 MX hostname not in MTA-STS policy", "microsoft", "ms.x.4.8-mta-sts-mx", "tls", 1},
      {"451 4.4.62 Mail sent to the wrong Office 365 region. ATTR35", "microsoft", "ms.4.4.62-wrong-region", "relay-connector", 0},
      {"450 4.4.312 DNS query failed", "microsoft", "ms.4.4.312-dns-failure", "dns", 0},
      {"450 4.4.315 Connection timed out", "microsoft", "ms.4.4.315-connection-timeout", "network", 0},
      {"450 4.4.316 Connection refused", "microsoft", "ms.4.4.316-connection-refused", "network", 0},
      {"450 4.4.317 Cannot connect to remote server [Message=UntrustedRoot]", "microsoft", "ms.4.4.317-untrusted-root", "tls", 0},
      {"450 4.4.318 Connection was closed abruptly", "microsoft", "ms.4.4.318-connection-closed", "network", 0},
      {"452 4.5.3 Too many recipients", "microsoft", "ms.4.5.3-too-many-recipients", "throttling", 0},
      {"451 4.7.5 certificate validation failure", "microsoft", "ms.x.7.5-mta-sts-certificate", "tls", 0},
      {"550 5.7.5 certificate validation failure", "microsoft", "ms.x.7.5-mta-sts-certificate", "tls", 1},
      {"451 4.7.26 access denied, a message sent over IPv6 must pass SPF or DKIM", "microsoft", "ms.4.7.26-ipv6-unauthenticated", "spf", 0},
      {"451 4.7.321 starttls-not-supported", "microsoft", "ms.x.7.321-dane", "tls", 0},
      {"550 5.7.323 tlsa-invalid", "microsoft", "ms.x.7.321-dane", "tls", 1},
      {"550 5.7.324 dnssec-invalid", "microsoft", "ms.x.7.324-dnssec", "dns", 1},
      {"550 5.7.325 certificate-host-mismatch", "microsoft", "ms.x.7.321-dane", "tls", 1},
      {"450 4.7.320 Certificate validation failed", "microsoft", "ms.4.7.320-certificate-validation", "tls", 0},
      {"451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (AS843)", "microsoft", "ms.4.7.500-throttled", "throttling", 0},
      {"451 4.7.650 The mail server [192.0.2.1] has been temporarily rate limited", "microsoft", "ms.4.7.500-throttled", "throttling", 0},
      {"451 4.7.699 deferred", "microsoft", "ms.4.7.500-throttled", "throttling", 0},
      {"451 4.7.850 IP under evaluation", "microsoft", "ms.4.7.850-ip-under-evaluation", "reputation", 0},
      {"550 5.0.350 Remote server returned an error -> 550 x-dg-ref header is too long", "microsoft", "ms.5.0.350-generic", "content-policy", 1},
      {"550 5.1.0 Sender Denied", "microsoft", "ms.5.1.0-sender-denied", "tenant-config", 1},
      {"550 5.1.1 RESOLVER.ADR.RecipNotFound; not found", "", "ms.5.1.1-bad-mailbox", "recipient-address", 1},
      {"550 5.1.8 Access denied, bad outbound sender", "microsoft", "ms.5.1.8-compromised-sender", "account-banned", 1},
      {"550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", "", "ms.5.1.10-recipient-not-found", "recipient-address", 1},
      {"550 5.1.20 Multiple From addresses are not allowed", "microsoft", "ms.5.1.20-multiple-from", "message-format", 1},
      {"550 5.1.90 Your message can't be sent because you've reached your daily limit", "microsoft", "ms.5.1.90-recipient-rate-limit", "sending-limit", 1},
      {"554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException", "microsoft", "ms.5.2.2-public-folder-full", "mailbox-capacity", 1},
      {"550 5.2.0 STOREDRV.Deliver.Exception: BadPrimary", "microsoft", "ms.5.2.0-bad-primary", "tenant-config", 1},
      {"550 5.2.121 Recipient's per sender hourly message receive limit exceeded", "microsoft", "ms.5.2.121-sender-hourly-limit", "throttling", 1},
      {"550 5.2.122 Recipient's hourly message receive limit exceeded", "microsoft", "ms.5.2.122-recipient-hourly-limit", "throttling", 1},
      {"550 5.3.190 Journaling on-premises messages to Microsoft 365 or Office 365 not supported", "microsoft", "ms.5.3.190-journaling", "tenant-config", 1},
      {"550 5.4.1 Relay Access Denied", "microsoft", "ms.5.4.1-relay-denied", "relay-connector", 1},
      {"550 5.4.1 Recipient address rejected: Access denied. AS(201806281)", "microsoft", "ms.5.4.1-dbeb", "recipient-address", 1},
      {"554 5.4.6 Hop count exceeded - possible mail loop", "microsoft", "ms.5.4.6-routing-loop", "routing-loop", 1},
      {"554 5.4.14 Hop count exceeded - possible mail loop", "microsoft", "ms.5.4.6-routing-loop", "routing-loop", 1},
      {"550 5.4.300 Message expired", "microsoft", "ms.5.4.300-expired", "expired", 1},
      {"550 5.5.0 Requested action not taken: mailbox unavailable", "microsoft", "ms.5.5.0-mailbox-unavailable", "recipient-address", 1},
      {"550 5.6.0 moderation failed", "microsoft", "ms.5.6.0-moderation-or-rules", "tenant-config", 1},
      {"550 5.6.11 SMTPSEND.BareLinefeedsAreIllegal", "microsoft", "ms.5.6.11-bare-lf", "message-format", 1},
      {"550 5.7.1 Delivery not authorized, message refused", "microsoft", "ms.5.7.1-not-authorized", "recipient-restriction", 1},
      {"550 5.7.1 Unable to relay", "microsoft", "ms.5.7.1-unable-to-relay", "relay-connector", 1},
      {"550 5.7.12 Sender was not authenticated by organization", "microsoft", "ms.5.7.12-external-rejected", "recipient-restriction", 1},
      {"550 5.7.13 public folder", "microsoft", "ms.5.7.13-public-folder-external", "recipient-restriction", 1},
      {"550 5.7.135 public folder", "microsoft", "ms.5.7.13-public-folder-external", "recipient-restriction", 1},
      {"550 5.7.23 The message was rejected because of Sender Policy Framework violation", "microsoft", "ms.5.7.23-spf-fail", "spf", 1},
      {"550 5.7.25 The sending IPv6 address must have a reverse DNS record", "microsoft", "ms.5.7.25-ipv6-no-ptr", "dns", 1},
      {"530 5.7.57 Client not authenticated to send mail", "microsoft", "ms.5.7.57-client-not-authenticated", "submission-auth", 1},
      {"550 5.7.64 TenantAttribution; Relay Access Denied", "microsoft", "ms.5.7.64-tenant-attribution", "relay-connector", 1},
      {"550 5.7.124 sender not in allowed-senders list", "microsoft", "ms.5.7.124-not-allowed-sender", "recipient-restriction", 1},
      {"550 5.7.129 account disabled", "microsoft", "ms.5.7.129-disabled-account", "mailbox-state", 1},
      {"550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup", "microsoft", "ms.5.7.133-authenticated-only", "recipient-restriction", 1},
      {"550 5.7.134 RESOLVER.RST.SenderNotAuthenticatedForMailbox", "microsoft", "ms.5.7.133-authenticated-only", "recipient-restriction", 1},
      {"550 5.7.136 RESOLVER.RST.SenderNotAuthenticatedForMailUser", "microsoft", "ms.5.7.133-authenticated-only", "recipient-restriction", 1},
      {"550 5.7.193 UnifiedGroupAgent; Delivery failed", "microsoft", "ms.5.7.193-group-external", "recipient-restriction", 1},
      {"550 5.7.232 tenant external recipient limit", "microsoft", "ms.5.7.232-external-recipient-limit", "sending-limit", 1},
      {"550 5.7.233 tenant external recipient limit", "microsoft", "ms.5.7.232-external-recipient-limit", "sending-limit", 1},
      {"550 5.7.236 onmicrosoft.com domain", "microsoft", "ms.5.7.236-onmicrosoft-limit", "sending-limit", 1},
      {"550 5.7.501 Access denied, spam abuse detected", "microsoft", "ms.5.7.501-banned-account", "account-banned", 1},
      {"550 5.7.502 banned", "microsoft", "ms.5.7.501-banned-account", "account-banned", 1},
      {"550 5.7.503 banned", "microsoft", "ms.5.7.501-banned-account", "account-banned", 1},
      {"550 5.7.504 Recipient address rejected: Access denied", "microsoft", "ms.5.7.504-invalid-recipient", "recipient-address", 1},
      {"550 5.7.505 banned recipient", "microsoft", "ms.5.7.504-invalid-recipient", "recipient-address", 1},
      {"550 5.7.506 Access Denied, Bad HELO", "microsoft", "ms.5.7.506-bad-helo", "protocol", 1},
      {"550 5.7.507 Access denied, rejected by recipient", "microsoft", "ms.5.7.507-ip-blocked", "reputation", 1},
      {"550 5.7.508 IPv6 range over limit", "microsoft", "ms.5.7.508-ipv6-range-limit", "throttling", 1},
      {"550 5.7.509 Access denied, sending domain [EMAIL.EXAMPLE.JP] does not pass DMARC verification and has a DMARC policy of reject. [OS3P286MB3225.JPNP286.PROD.OUTLOOK.COM]", "", "ms.5.7.509-dmarc-reject", "dmarc", 1},
      {"550 5.7.510 recipient does not accept IPv6", "microsoft", "ms.5.7.510-no-ipv6", "network", 1},
      {"550 5.7.511 Access denied, banned sender[192.0.2.1]. To request removal send to delist@microsoft.com", "microsoft", "ms.5.7.511-banned-ip", "reputation", 1},
      {"550 5.7.512 Access denied, message must be RFC 5322 section 3.6.2 compliant", "microsoft", "ms.5.7.512-from-not-compliant", "message-format", 1},
      {"550 5.7.513 Service unavailable, Client host is blocked by the customer block list", "microsoft", "ms.5.7.513-customer-block-list", "reputation", 1},
      {"550 5.7.606 Access denied, banned sending IP [192.0.2.1]", "microsoft", "ms.5.7.606-banned-ip", "reputation", 1},
      {"550 5.7.649 Access denied, banned sending IP [192.0.2.1]", "microsoft", "ms.5.7.606-banned-ip", "reputation", 1},
      {"550 5.7.703 Your message can't be delivered", "microsoft", "ms.5.7.703-tenant-block", "content-policy", 1},
      {"550 5.7.705 Access denied, tenant has exceeded threshold", "microsoft", "ms.5.7.705-tenant-spam", "account-banned", 1},
      {"550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP", "microsoft", "ms.5.7.708-low-reputation-ip", "reputation", 1},
      {"550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains", "microsoft", "ms.5.7.750-unregistered-domain", "tenant-config", 1},
      {"550 5.7.800 sending domain banned", "microsoft", "ms.5.7.800-domain-banned", "account-banned", 1},
      {"550 5.7.367 Remote server returned not permitted to relay", "microsoft", "ms.5.7.367-relay-pool", "dmarc", 1},
      {"5.2.2 submission quota exceeded", "microsoft", "ms.5.2.2-submission-quota", "sending-limit", 1},
  };
  check_all(rows, std::size(rows));
}

TEST_CASE("Outlook.com: every postmaster token and 5.7.515 resolve") {
  static const Expect rows[] = {
      {"421 RP-001 (COL004-MC4F22) Unfortunately, some messages from 192.0.2.1 weren't sent", "", "outlook.rp-001-rate-limit", "throttling", 0},
      {"421 RP-002 rate limit", "", "outlook.rp-001-rate-limit", "throttling", 0},
      {"421 RP-003 connection limit", "", "outlook.rp-003-connection-limit", "throttling", 0},
      {"550 SC-001 (COL0-MC4-F44) Unfortunately, messages from 192.0.2.1 weren't sent", "", "outlook.sc-001-policy", "reputation", 1},
      {"550 SC-002 namespace mining", "", "outlook.sc-002-namespace-mining", "reputation", 1},
      {"550 SC-003 block list", "", "outlook.sc-003-block-list", "reputation", 1},
      {"550 SC-004 complaints", "", "outlook.sc-004-complaints", "reputation", 1},
      {"550 DY-001 dynamic IP", "", "outlook.dy-001-dynamic-ip", "reputation", 1},
      {"550 DY-002 compromised", "", "outlook.dy-002-compromised", "reputation", 1},
      {"550 OU-001 block list", "", "outlook.ou-001-block-list", "reputation", 1},
      {"550 OU-002 policy", "", "outlook.ou-002-policy", "reputation", 1},
      {"550 5.7.515 Access denied, sending domain example.com does not meet the required authentication level.", "outlook-com", "outlook.5.7.515-bulk-sender-auth", "dmarc", 1},
  };
  check_all(rows, std::size(rows));
}

TEST_CASE("Gmail: every published code resolves to a Google entry") {
  static const Expect rows[] = {
      {"450 4.2.1 The user you are trying to contact is receiving mail too quickly", "google", "gmail.4.2.1-rate", "throttling", 0},
      {"452 4.2.2 The recipient's inbox is out of storage space", "google", "gmail.x.2.2-over-quota", "mailbox-capacity", 0},
      {"552 5.2.2 The recipient's inbox is out of storage space", "google", "gmail.x.2.2-over-quota", "mailbox-capacity", 1},
      {"451 4.3.0 Mail server temporarily rejected message", "google", "gmail.x.3.0-temporary", "remote-system", 0},
      {"421 4.4.5 Server busy, try again later", "google", "gmail.x.3.0-temporary", "remote-system", 0},
      {"451 4.4.2 Timeout - closing connection", "google", "gmail.4.4.2-connection", "network", 0},
      {"452 4.5.3 Domain policies allow only", "google", "gmail.x.5.3-recipients", "throttling", 0},
      {"550 5.5.3 Domain policies allow only", "google", "gmail.x.5.3-recipients", "throttling", 1},
      {"421 4.7.0 Our system has detected an unusual rate of unsolicited mail", "google", "gmail.4.7.0-suspicious", "reputation", 0},
      {"454 4.7.0 Too many login attempts, please try again later", "google", "gmail.x.7.0-too-many-logins", "submission-auth", 0},
      {"451 4.7.23 The sending IP does not have a PTR record", "google", "gmail.x.7.23-ptr", "dns", 0},
      {"550 5.7.25 The IP address sending this message does not have a PTR record setup", "google", "gmail.x.7.23-ptr", "dns", 1},
      {"451 4.7.24 SPF check failed", "google", "gmail.x.7.24-spf", "spf", 0},
      {"550 5.7.24 SPF check failed", "google", "gmail.x.7.24-spf", "spf", 1},
      {"421 4.7.26 This mail has been rate limited because it is unauthenticated", "google", "gmail.x.7.26-unauthenticated", "dmarc", 0},
      {"550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy", "google", "gmail.x.7.26-unauthenticated", "dmarc", 1},
      {"421 4.7.27 SPF authentication didn't pass for this message", "google", "gmail.x.7.27-spf", "spf", 0},
      {"550 5.7.27 SPF authentication didn't pass", "google", "gmail.x.7.27-spf", "spf", 1},
      {"421 4.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP address", "google", "gmail.x.7.28-rate-limited", "throttling", 0},
      {"550 5.7.28 unusual rate of unsolicited mail originating from your domain", "google", "gmail.x.7.28-rate-limited", "throttling", 1},
      {"421 4.7.29 this message wasn't sent over TLS", "google", "gmail.x.7.29-tls", "tls", 0},
      {"550 5.7.29 TLS required", "google", "gmail.x.7.29-tls", "tls", 1},
      {"421 4.7.30 DKIM authentication didn't pass", "google", "gmail.x.7.30-dkim", "dkim", 0},
      {"550 5.7.30 DKIM authentication didn't pass", "google", "gmail.x.7.30-dkim", "dkim", 1},
      {"421 4.7.31 no DMARC record", "google", "gmail.x.7.31-no-dmarc", "dmarc", 0},
      {"550 5.7.40 no DMARC record", "google", "gmail.x.7.31-no-dmarc", "dmarc", 1},
      {"421 4.7.32 the From: header isn't aligned with either the authenticated SPF or DKIM", "google", "gmail.x.7.32-not-aligned", "dmarc", 0},
      {"421 5.7.32 not aligned", "google", "gmail.x.7.32-not-aligned", "dmarc", 0},
      {"550 5.1.1 The email account that you tried to reach does not exist", "google", "gmail.5.1.1-no-such-user", "recipient-address", 1},
      {"553 5.1.2 We weren't able to find the recipient domain", "google", "gmail.5.1.2-bad-domain", "dns", 1},
      {"553 5.1.3 The recipient address is not a valid RFC 5321 address", "google", "gmail.5.1.3-invalid-address", "recipient-address", 1},
      {"553 5.1.7 The sender address is invalid", "google", "gmail.5.1.7-bad-sender", "message-format", 1},
      {"550 5.2.1 The email account that you tried to reach is inactive", "google", "gmail.5.2.1-inactive", "mailbox-state", 1},
      {"552 5.3.4 Your message exceeded Google's message size limits", "google", "gmail.5.3.4-size", "message-size", 1},
      {"550 5.4.5 Daily user sending limit exceeded", "google", "gmail.5.4.5-daily-limit", "sending-limit", 1},
      {"554 5.4.6 Message rejected: routing loop detected", "google", "gmail.5.4.6-loop", "routing-loop", 1},
      {"502 5.5.1 Unrecognized command", "google", "gmail.5.5.x-protocol", "protocol", 1},
      {"555 5.5.2 Syntax error", "google", "gmail.5.5.x-protocol", "protocol", 1},
      {"501 5.5.4 HELO/EHLO argument is invalid", "google", "gmail.5.5.x-protocol", "protocol", 1},
      {"554 5.6.0 Message contained unexpected data", "google", "gmail.5.6.0-malformed", "message-format", 1},
      {"552 5.7.0 This message was blocked because its content presents a potential security issue", "google", "gmail.5.7.0-content", "content-policy", 1},
      {"550 5.7.0 Mail relay denied", "google", "gmail.5.7.0-relay-auth", "submission-auth", 1},
      {"550 5.7.1 likely unsolicited mail", "google", "gmail.5.7.1-unsolicited", "content-policy", 1},
      {"550 5.7.1 very low reputation of the sending IP", "google", "gmail.5.7.1-low-reputation", "reputation", 1},
      {"550 5.7.1 Messages missing a valid Message-ID header are not accepted; missing a valid Message-ID", "google", "gmail.5.7.1-headers", "message-format", 1},
      {"550 5.7.1 The user or domain that you are sending to has a policy that prohibited the mail; email to this recipient is blocked", "google", "gmail.5.7.1-not-authorized", "recipient-restriction", 1},
      {"534 5.7.14 Please log in with your web browser and then try again", "google", "gmail.x.7.x-smtp-auth", "submission-auth", 1},
      {"535 5.7.8 Username and Password not accepted", "google", "gmail.x.7.x-smtp-auth", "submission-auth", 1},
      {"504 5.7.40 Unrecognized authentication type", "google", "gmail.x.7.x-smtp-auth", "submission-auth", 1},
      {"504 5.7.4 Unrecognized authentication type", "google", "gmail.x.7.x-smtp-auth", "submission-auth", 1},
      {"451 4.5.0 SMTP protocol violation", "google", "gmail.5.5.x-protocol", "protocol", 0},
      {"535 5.7.80 Username and Password not accepted", "google", "gmail.x.7.x-smtp-auth", "submission-auth", 1},
      {"534 5.7.90 Application-specific password required", "google", "gmail.x.7.x-smtp-auth", "submission-auth", 1},
      {"530 5.7.10 Must issue a STARTTLS command first", "google", "gmail.x.7.x-smtp-auth", "submission-auth", 1},
  };
  check_all(rows, std::size(rows));
}

TEST_CASE("Yahoo: every bracket token and published category resolves") {
  static const Expect rows[] = {
      {"421 4.7.0 [TS01] Messages from 192.0.2.1 temporarily deferred", "", "yahoo.tss04-deferred", "reputation", 0},
      {"421 4.7.0 [TS02] Messages from 192.0.2.1 temporarily deferred", "", "yahoo.tss04-deferred", "reputation", 0},
      {"421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints", "", "yahoo.tss04-deferred", "reputation", 0},
      {"421 4.7.1 [TS03] All messages from 192.0.2.1 will be permanently deferred", "", "yahoo.ts03-permanently-deferred", "reputation", 0},
      {"553 5.7.2 [TSS09] All messages from 192.0.2.1 will be permanently deferred", "", "yahoo.ts03-permanently-deferred", "reputation", 1},
      {"553 5.7.2 [TSS11] All messages from 192.0.2.1 will be permanently deferred", "", "yahoo.ts03-permanently-deferred", "reputation", 1},
      {"553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.1, because the ip is in Spamhaus's list", "", "yahoo.bl21-spamhaus", "reputation", 1},
      {"553 5.7.1 [BL23] Connections not accepted from IP addresses on Spamhaus XBL", "", "yahoo.bl21-spamhaus", "reputation", 1},
      {"554 Message not allowed - [PH01] Email not accepted for policy reasons", "", "yahoo.ph01-content", "content-policy", 1},
      {"550 5.7.9 This mail has been blocked because the sender is unauthenticated. Yahoo requires all senders to authenticate with either SPF or DKIM", "yahoo", "yahoo.5.7.9-authentication", "dmarc", 1},
      {"451 Message temporarily deferred due to unresolvable RFC.5321 from domain; sender domain does not resolve", "yahoo", "yahoo.sender-domain-unresolvable", "recipient-restriction", 0},
      {"554 delivery error: dd This user doesn't have a yahoo.com account", "", "yahoo.no-such-account", "recipient-address", 1},
      {"554 30 Sorry your message to x@yahoo.com cannot be delivered. This mailbox is disabled", "", "yahoo.account-disabled", "mailbox-state", 1},
      {"421 4.7.0 [GL01] Message from 192.0.2.1 temporarily deferred - Resources temporarily unavailable", "yahoo", "yahoo.rate-limited", "throttling", 0},
  };
  check_all(rows, std::size(rows));
}
