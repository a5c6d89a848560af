#include <doctest/doctest.h>

#include <string>

#include "maildiag/ndr/json.hpp"
#include "maildiag/ndr/parser.hpp"
#include "maildiag/ndr/reason.hpp"

using namespace maildiag;
using namespace maildiag::ndr;

namespace {

// Small fixtures, each the shape of one mail system's report (addresses are examples).
const char* const rfc3464_dsn =
    "From: MAILER-DAEMON@mx.example.org\n"
    "To: sender@example.org\n"
    "Subject: Undelivered Mail Returned to Sender\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n"
    "\n"
    "--B\n"
    "Content-Type: text/plain\n"
    "\n"
    "This is the mail system at host mx.example.org.\n"
    "\n"
    "--B\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; mx.example.org\n"
    "Arrival-Date: Thu, 29 Apr 2021 23:34:45 +0900\n"
    "\n"
    "Final-Recipient: rfc822; nobody@example.net\n"
    "Action: failed\n"
    "Status: 5.1.1\n"
    "Remote-MTA: dns; mx.example.net\n"
    "Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.net>: Recipient address\n"
    "    rejected: User unknown in local recipient table\n"
    "\n"
    "Final-Recipient: rfc822; full@example.net\n"
    "Action: delayed\n"
    "Status: 4.2.2\n"
    "Diagnostic-Code: smtp; 452 4.2.2 Mailbox full\n"
    "\n"
    "--B\n"
    "Content-Type: text/rfc822-headers\n"
    "\n"
    "Message-ID: <m1@example.org>\n"
    "From: Sender <sender@example.org>\n"
    "To: nobody@example.net\n"
    "Subject: =?UTF-8?Q?Caf=C3=A9?=\n"
    "\n"
    "--B--\n";

const char* const exim_text =
    "From: Mail Delivery System <Mailer-Daemon@mx.example.org>\n"
    "To: sender@example.org\n"
    "Subject: Mail delivery failed: returning message to sender\n"
    "X-Failed-Recipients: a@example.net, b@example.net\n"
    "\n"
    "This message was created automatically by mail delivery software.\n"
    "\n"
    "A message that you sent could not be delivered to one or more of its\n"
    "recipients. This is a permanent error. The following address(es) failed:\n"
    "\n"
    "  a@example.net\n"
    "    SMTP error from remote mail server after RCPT TO:<a@example.net>:\n"
    "    host mx.example.net [192.0.2.1]: 550 5.1.1 <a@example.net>... User Unknown\n"
    "  b@example.net\n"
    "    SMTP error from remote mail server after end of data:\n"
    "    host mx.example.net [192.0.2.1]: 552 5.3.4 Message size exceeds fixed limit\n"
    "\n"
    "------ This is a copy of the message, including all the headers. ------\n"
    "\n"
    "Message-Id: <m2@example.org>\n"
    "From: sender@example.org\n"
    "Subject: hello\n"
    "\n"
    "body\n";

const char* const qmail_text =
    "From: MAILER-DAEMON@mx.example.org\n"
    "Subject: failure notice\n"
    "\n"
    "Hi. This is the qmail-send program at mx.example.org.\n"
    "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
    "This is a permanent error; I've given up. Sorry it didn't work out.\n"
    "\n"
    "<gone@example.net>:\n"
    "192.0.2.2 does not like recipient.\n"
    "Remote host said: 550 5.2.2 <gone@example.net>... Mailbox Full\n"
    "Giving up on 192.0.2.2.\n"
    "\n"
    "--- Below this line is a copy of the message.\n"
    "\n"
    "Subject: hi\n";

// What a user pastes from Outlook: no headers at all (Microsoft 365 classic layout).
const char* const office365_pasted =
    "Delivery has failed to these recipients or groups:\n"
    "\n"
    "user@contoso.example<mailto:user@contoso.example>\n"
    "The email address you entered couldn't be found. Please check the recipient's email address "
    "and try to resend the message.\n"
    "\n"
    "Diagnostic information for administrators:\n"
    "\n"
    "Generating server: AM0PR01MB0001.eurprd01.prod.outlook.com\n"
    "\n"
    "user@contoso.example\n"
    "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\n"
    "\n"
    "Original message headers:\n"
    "\n"
    "Message-ID: <m3@fabrikam.example>\n"
    "Subject: Quarterly report\n";

const char* const exchange_imceaex =
    "Delivery has failed to these recipients or groups:\n"
    "\n"
    "IMCEAEX-_O=EXAMPLE_OU=EXCHANGE+20ADMINISTRATIVE+20GROUP_CN=RECIPIENTS_CN=jdoe@contoso.example\n"
    "#550 5.1.1 RESOLVER.ADR.ExRecipNotFound; not found ##\n";

const char* const arf_report =
    "From: feedback@mailbox.example\n"
    "Subject: FW: complaint\n"
    "Content-Type: multipart/report; report-type=feedback-report; boundary=\"F\"\n"
    "\n"
    "--F\n"
    "Content-Type: text/plain\n"
    "\n"
    "This is an email abuse report.\n"
    "--F\n"
    "Content-Type: message/feedback-report\n"
    "\n"
    "Feedback-Type: abuse\n"
    "User-Agent: SomeGenerator/1.0\n"
    "Version: 1\n"
    "Original-Rcpt-To: <complainer@mailbox.example>\n"
    "Arrival-Date: Thu, 8 Mar 2005 14:00:00 EDT\n"
    "Reporting-MTA: dns; mail.mailbox.example\n"
    "--F\n"
    "Content-Type: message/rfc822\n"
    "\n"
    "From: list@sender.example\n"
    "Subject: offer\n"
    "\n"
    "x\n"
    "--F--\n";

const char* const auto_reply =
    "From: Person <person@example.net>\n"
    "To: sender@example.org\n"
    "Subject: Automatic reply: hello\n"
    "Auto-Submitted: auto-replied\n"
    "\n"
    "I am out of the office until Monday.\n";

const char* const success_dsn =
    "From: MAILER-DAEMON@mx.example.org\n"
    "Subject: Successful Mail Delivery Report\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"S\"\n"
    "\n"
    "--S\n"
    "Content-Type: message/delivery-status\n"
    "\n"
    "Reporting-MTA: dns; mx.example.org\n"
    "\n"
    "Final-Recipient: rfc822; ok@example.net\n"
    "Action: delivered\n"
    "Status: 2.0.0\n"
    "Diagnostic-Code: smtp; 250 2.0.0 Ok: queued\n"
    "--S--\n";

}  // namespace

TEST_CASE("RFC 3464 §2.3: per-recipient fields, with the returned message's headers") {
  Report r = parse(rfc3464_dsn);
  CHECK(r.kind == Kind::bounce);
  CHECK(r.format == "postfix");
  CHECK(r.reporting_mta == "mx.example.org");
  CHECK(r.original.message_id == "<m1@example.org>");
  CHECK(r.original.subject == "Café");
  REQUIRE(r.recipients.size() == 2);
  const Recipient& a = r.recipients[0];
  CHECK(a.address == "nobody@example.net");
  CHECK(a.action == Action::failed);
  CHECK(a.status == parse_enhanced_status("5.1.1"));
  CHECK(a.reply_code == 550);
  CHECK(a.remote_mta == "mx.example.net");
  CHECK(a.diagnostic.find("User unknown in local recipient table") != std::string::npos);
  CHECK(a.reason == Reason::userunknown);
  CHECK(a.hard_bounce);
  const Recipient& b = r.recipients[1];
  CHECK(b.action == Action::delayed);
  CHECK(b.status == parse_enhanced_status("4.2.2"));
  CHECK(b.reason == Reason::mailboxfull);
  CHECK_FALSE(b.hard_bounce);
}

TEST_CASE("Exim text layout: several recipients, each with its own SMTP command and answer") {
  Report r = parse(exim_text);
  CHECK(r.format == "exim");
  CHECK(r.original.message_id == "<m2@example.org>");
  REQUIRE(r.recipients.size() == 2);
  CHECK(r.recipients[0].address == "a@example.net");
  CHECK(r.recipients[0].smtp_command == "RCPT");
  CHECK(r.recipients[0].remote_mta == "mx.example.net");
  CHECK(r.recipients[0].reason == Reason::userunknown);
  CHECK(r.recipients[1].address == "b@example.net");
  CHECK(r.recipients[1].smtp_command == "DATA");
  CHECK(r.recipients[1].status == parse_enhanced_status("5.3.4"));
  CHECK(r.recipients[1].reason == Reason::emailtoolarge);
}

TEST_CASE("qmail layout: <address>: then the remote host's words") {
  Report r = parse(qmail_text);
  CHECK(r.format == "qmail");
  REQUIRE(r.recipients.size() == 1);
  CHECK(r.recipients[0].address == "gone@example.net");
  CHECK(r.recipients[0].status == parse_enhanced_status("5.2.2"));
  CHECK(r.recipients[0].reply_code == 550);
  CHECK(r.recipients[0].reason == Reason::mailboxfull);
}

TEST_CASE("Microsoft 365 pasted body without headers reads like the whole message") {
  Report r = parse(office365_pasted);
  CHECK(r.kind == Kind::bounce);
  REQUIRE(r.recipients.size() == 1);
  CHECK(r.recipients[0].address == "user@contoso.example");
  CHECK(r.recipients[0].status == parse_enhanced_status("5.1.1"));
  CHECK(r.recipients[0].reply_code == 550);
  CHECK(r.recipients[0].reason == Reason::userunknown);
  CHECK(r.original.subject == "Quarterly report");
}

TEST_CASE("Microsoft 365 modern layout pasted: the reported error, not the status summary") {
  const char* modern =
      "Your message to jdoe@contoso.example couldn't be delivered.\n"
      "jdoe wasn't found at contoso.example.\n"
      "\n"
      "More Info for Email Admins\n"
      "Status code: 550 5.1.10\n"
      "\n"
      "Original Message Details\n"
      "Created Date: 11/27/2026 9:12:03 AM\n"
      "Sender Address: sender@fabrikam.example\n"
      "Recipient Address: jdoe@contoso.example\n"
      "Subject: Quarterly   report\n"
      "\n"
      "Error Details\n"
      "Reported error: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP "
      "address lookup\n"
      "\n"
      "Message Hops\n"
      "HOP  TIME (UTC)  FROM  TO\n";
  Report r = parse(modern);
  REQUIRE(r.recipients.size() == 1);
  const Recipient& rc = r.recipients[0];
  CHECK(rc.address == "jdoe@contoso.example");
  CHECK(rc.status == parse_enhanced_status("5.1.10"));
  CHECK(rc.reply_code == 550);
  CHECK(rc.diagnostic.find("RESOLVER.ADR.RecipientNotFound") != std::string::npos);
  CHECK(rc.reason == Reason::userunknown);  // x.1.10 is "not found" at Microsoft, not null MX
  CHECK(rc.hard_bounce);
  // No message attached: the report's own description of it is read instead.
  CHECK(r.original.subject == "Quarterly report");
  CHECK(r.original.from == "sender@fabrikam.example");
  CHECK(r.original.to == "jdoe@contoso.example");
}

TEST_CASE("Exchange: a 5.1.1 to an IMCEAEX address is a stale auto-complete entry") {
  Report r = parse(exchange_imceaex);
  REQUIRE(r.recipients.size() == 1);
  const Recipient& rc = r.recipients[0];
  CHECK(rc.status == parse_enhanced_status("5.1.1"));
  CHECK(rc.reason == Reason::userunknown);
  REQUIRE(rc.diagnosis);
  CHECK(rc.diagnosis->entry->title.find("auto-complete") != std::string::npos);
  REQUIRE_FALSE(rc.diagnosis->entry->fixes.empty());
  CHECK(rc.diagnosis->entry->fixes[0].find("auto-complete") != std::string::npos);
}

TEST_CASE("RFC 5965 §3: a feedback report names the complaint type and the recipient") {
  Report r = parse(arf_report);
  CHECK(r.kind == Kind::feedback);
  CHECK(r.format == "arf");
  CHECK(r.reporting_mta == "mail.mailbox.example");
  REQUIRE(r.recipients.size() == 1);
  CHECK(r.recipients[0].address == "complainer@mailbox.example");
  CHECK(r.recipients[0].feedback_type == "abuse");
  CHECK(r.recipients[0].reason == Reason::feedback);
  CHECK_FALSE(r.recipients[0].hard_bounce);
}

TEST_CASE("RFC 3834 §5: an automatic reply is not a bounce") {
  Report r = parse(auto_reply);
  CHECK(r.kind == Kind::auto_reply);
  REQUIRE(r.recipients.size() == 1);
  CHECK(r.recipients[0].address == "person@example.net");
  CHECK(r.recipients[0].reason == Reason::vacation);
}

TEST_CASE("an unsubscribe request sent by the user's mail client is an opt-out, not a reply") {
  // Apple Mail mails the List-Unsubscribe address and marks the message auto-replied.
  Report r = parse(
      "From: reader@mail.example\n"
      "To: opt-out-1234@lists.example.org\n"
      "Subject: unsubscribe\n"
      "Auto-Submitted: auto-replied\n"
      "X-Apple-Unsubscribe: true\n"
      "\n"
      "Apple Mail sent this email to unsubscribe from the message \"Weekly news\".\n");
  CHECK(r.kind == Kind::feedback);
  CHECK(r.format == "unsubscribe");
  REQUIRE(r.recipients.size() == 1);
  CHECK(r.recipients[0].address == "reader@mail.example");
  CHECK(r.recipients[0].feedback_type == "opt-out");
  CHECK(r.recipients[0].reason == Reason::feedback);
  CHECK_FALSE(r.recipients[0].hard_bounce);
}

TEST_CASE("RFC 3464 success notification: Action delivered, 2.x.x") {
  Report r = parse(success_dsn);
  CHECK(r.kind == Kind::delivered);
  REQUIRE(r.recipients.size() == 1);
  CHECK(r.recipients[0].reason == Reason::delivered);
  CHECK(r.recipients[0].status == parse_enhanced_status("2.0.0"));
  CHECK(r.recipients[0].reply_code == 250);
  CHECK_FALSE(r.recipients[0].diagnosis);
}

TEST_CASE("Amazon SES notification JSON (SNS)") {
  const std::string sns =
      "From: no-reply@sns.amazonaws.com\n"
      "Subject: AWS Notification Message\n\n"
      "{\"Type\":\"Notification\",\"Message\":\"{\\\"notificationType\\\":\\\"Bounce\\\","
      "\\\"bounce\\\":{\\\"bouncedRecipients\\\":[{\\\"emailAddress\\\":\\\"x@example.net\\\","
      "\\\"action\\\":\\\"failed\\\",\\\"status\\\":\\\"5.1.1\\\",\\\"diagnosticCode\\\":"
      "\\\"smtp; 550 5.1.1 user unknown\\\"}]}}\"}\n";
  Report r = parse(sns);
  CHECK(r.format == "amazonses");
  REQUIRE(r.recipients.size() == 1);
  CHECK(r.recipients[0].address == "x@example.net");
  CHECK(r.recipients[0].status == parse_enhanced_status("5.1.1"));
  CHECK(r.recipients[0].reason == Reason::userunknown);
}

TEST_CASE("an ordinary message is not a report") {
  Report r = parse("From: a@example.org\nTo: b@example.net\nSubject: lunch?\n\nNoon at the usual place.\n");
  CHECK(r.kind == Kind::not_a_report);
  CHECK(r.recipients.empty());
  CHECK(r.format.empty());
}

TEST_CASE("reasons: keyword tables, status codes, inferred codes and hard bounces") {
  CHECK(reason_from_text("552 5.2.2 Mailbox full") == Reason::mailboxfull);
  CHECK(reason_from_text("Client host rejected: blocked using zen.spamhaus.org") == Reason::blocked);
  CHECK(reason_from_text("nothing to see here") == std::nullopt);
  // A phrase proves more than a word: "retry timeout exceeded" over "timeout".
  CHECK(reason_from_text("retry timeout exceeded") == Reason::expired);
  CHECK(reason_from_text("message blocked", true) == std::nullopt);  // words need phrases_only off

  // Inferred codes are registered ones, never private pseudo-codes.
  CHECK(inferred_status(Reason::userunknown, StatusClass::permanent)->to_string() == "5.1.1");
  CHECK(inferred_status(Reason::expired, StatusClass::transient)->to_string() == "4.4.7");
  CHECK_FALSE(inferred_status(Reason::undefined, StatusClass::permanent));

  CHECK(is_hard_bounce(Reason::userunknown, StatusClass::permanent));
  CHECK_FALSE(is_hard_bounce(Reason::userunknown, StatusClass::transient));
  CHECK_FALSE(is_hard_bounce(Reason::mailboxfull, StatusClass::permanent));
  CHECK(to_string(Reason::emailtoolarge) == "emailtoolarge");
  CHECK(reason_from_string("notaccept") == Reason::notaccept);

  // Refused after the recipient was accepted: a filter's answer, with the filter's entry.
  maildiag::kb::Evidence after_data;
  after_data.text = "550 unknown user";
  after_data.reply_code = 550;
  after_data.smtp_command = "DATA";
  const auto d = maildiag::kb::diagnose(after_data);
  CHECK(d.reason == Reason::filtered);
  REQUIRE(d.entry);
  CHECK(d.entry->reason == d.reason);
}

TEST_CASE("RFC 5321 §4.2.1: a folded multi-line reply in Diagnostic-Code reads as one sentence") {
  const std::string dsn =
      "From: MAILER-DAEMON@mx.example.org\n"
      "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B\"\n\n"
      "--B\n"
      "Content-Type: message/delivery-status\n\n"
      "Reporting-MTA: dns; mx.example.org\n\n"
      "Final-Recipient: rfc822; x@gmail.example\n"
      "Action: failed\n"
      "Status: 5.7.1\n"
      "Diagnostic-Code: smtp; 550-5.7.1 Messages with multiple\n"
      "    550 5.7.1 addresses in From: header are not accepted.\n"
      "--B--\n";
  Report r = parse(dsn);
  REQUIRE(r.recipients.size() == 1);
  CHECK(r.recipients[0].diagnostic ==
        "550-5.7.1 Messages with multiple addresses in From: header are not accepted.");
  CHECK(r.recipients[0].reason == Reason::notcompliantrfc);
}

TEST_CASE("JSON contract: field names of messages and recipients") {
  nlohmann::json j = to_json(std::vector<Report>{parse(rfc3464_dsn)});
  REQUIRE(j["messages"].size() == 1);
  const auto& m = j["messages"][0];
  for (const char* key : {"source", "kind", "format", "reporting_mta", "arrival_date", "original",
                          "recipients"})
    CHECK(m.contains(key));
  for (const char* key : {"message_id", "from", "to", "subject"}) CHECK(m["original"].contains(key));
  const auto& rc = m["recipients"][0];
  for (const char* key : {"address", "action", "status", "reply_code", "diagnostic", "remote_mta",
                          "smtp_command", "reason", "hard_bounce", "feedback_type", "diagnosis"})
    CHECK(rc.contains(key));
  CHECK(rc["reason"] == "userunknown");
  CHECK(rc["hard_bounce"] == true);
  CHECK(m["kind"] == "bounce");
}

TEST_CASE("bad input never fails: binary noise, huge headers, endless nesting") {
  std::string noise;
  for (int i = 0; i < 5000; ++i) noise += static_cast<char>((i * 7919) & 0xFF);
  Report a = parse(noise);
  CHECK(a.recipients.size() < 100);

  std::string deep = "From: MAILER-DAEMON@x.example\n";
  for (int i = 0; i < 200; ++i) {
    const std::string boundary = "b" + std::to_string(i);
    deep += "Content-Type: multipart/mixed; boundary=" + boundary + "\n\n--" + boundary + "\n";
  }
  Report b = parse(deep);
  CHECK(b.partial);

  ParseOptions small;
  small.limits.max_message_size = 100;
  Report c = parse(exim_text, small);
  CHECK(c.partial);
  REQUIRE_FALSE(c.findings.empty());
  CHECK(c.findings[0].code == "mime.too_large");

  // One endless paragraph full of keywords is one recipient's diagnostic; the keyword scan reads
  // only its first ndr::max_reason_text bytes, which bounds the matches it keeps.
  std::string keywords = "user@example.com\n550 5.2.2 mailbox full ";
  while (keywords.size() < 2 * 1024 * 1024) keywords += "spam blocked user unknown relay denied ";
  Report d = parse(keywords);
  REQUIRE(d.recipients.size() == 1);
  CHECK(d.recipients[0].reason == Reason::mailboxfull);
  CHECK(reason_from_text(std::string(max_reason_text, ' ') + "mailbox full") == std::nullopt);
}

TEST_CASE("bounce detection needs evidence: documents, binaries and ordinary mail are not reports") {
  // Markdown source that quotes a bounce.
  Report doc = parse("# maildiag\n\nDecode bounces:\n\n```sh\nprintf '550 5.1.1 <gone@example.net>... User unknown'\n```\n");
  CHECK(doc.kind == Kind::not_a_report);
  CHECK(doc.recipients.empty());
  // A binary file.
  const std::string binary("\x7f" "ELF\x02\x01\x01\0\0\0\0\0 550 5.1.1 user@example.net", 40);
  Report bin = parse(binary);
  CHECK(bin.kind == Kind::not_a_report);
  CHECK(bin.recipients.empty());
  // An ordinary message saved with a blank line before its headers.
  Report mail = parse("\nFrom: a@example.org\nTo: b@example.net\nSubject: lunch?\n\nNoon at the usual place.\n");
  CHECK(mail.kind == Kind::not_a_report);
  CHECK(mail.recipients.empty());
  // Plain prose pasted: no code, no bounce wording.
  Report prose = parse("Hello Bob,\nsee you at noon. Write to alice@example.org if you are late.\n");
  CHECK(prose.kind == Kind::not_a_report);
  CHECK(parse("").kind == Kind::not_a_report);
}

TEST_CASE("a pasted error line alone gets that line's diagnosis") {
  Report r = parse("550 5.1.1 user unknown\n");
  CHECK(r.kind == Kind::bounce);
  REQUIRE(r.recipients.size() == 1);
  CHECK(r.recipients[0].address.empty());
  CHECK(r.recipients[0].status == parse_enhanced_status("5.1.1"));
  CHECK(r.recipients[0].reason == Reason::userunknown);
  REQUIRE(r.recipients[0].diagnosis);
  CHECK(r.recipients[0].diagnosis->entry->reason == Reason::userunknown);
}

TEST_CASE("status is what the bounce gave; an inferred code is registered and separate") {
  Report r = parse("From: MAILER-DAEMON@mx.example.org\nSubject: failure notice\n\n"
                   "<gone@example.net>:\nSorry, no mailbox here by that name.\n");
  REQUIRE(r.recipients.size() == 1);
  CHECK_FALSE(r.recipients[0].status);
  REQUIRE(r.recipients[0].status_inferred);
  CHECK(r.recipients[0].status_inferred->to_string() == "5.1.1");
  const std::string json = maildiag::ndr::to_json(r).dump();
  CHECK(json.find("\"status\":null") != std::string::npos);
  CHECK(json.find("\"status_inferred\":\"5.1.1\"") != std::string::npos);
  CHECK(json.find(".0.9") == std::string::npos);  // never a private pseudo-code
}

TEST_CASE("without a code, the diagnostic is the paragraph that names a reason, not the greeting") {
  const char* dma =
      "From: MAILER-DAEMON@df.example.jp\n"
      "To: kijitora@df.example.jp\n"
      "Subject: Mail delivery failed\n"
      "\n"
      "This is the DragonFly Mail Agent v0.13 at df.example.jp.\n"
      "\n"
      "There was an error delivering your mail to <neko@cx.example.org>.\n"
      "\n"
      "DNS lookup failure: host cx.example.org not found\n"
      "\n"
      "Message headers follow.\n";
  Report r = parse(dma);
  REQUIRE(r.recipients.size() == 1);
  CHECK(r.recipients[0].diagnostic.find("DragonFly Mail Agent") == std::string::npos);
  CHECK(r.recipients[0].diagnostic.find("not found") != std::string::npos);
}
