#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "maildiag/mime/charset.hpp"
#include "maildiag/mime/content_type.hpp"
#include "maildiag/mime/delivery_status.hpp"
#include "maildiag/mime/encoded_word.hpp"
#include "maildiag/mime/header.hpp"
#include "maildiag/mime/mbox.hpp"
#include "maildiag/mime/message.hpp"
#include "maildiag/mime/transfer_encoding.hpp"

using namespace maildiag;
using namespace maildiag::mime;

namespace {
std::string eol(std::string lf, const char* ending) {
  std::string out;
  for (char c : lf) {
    if (c == '\n') out += ending;
    else out += c;
  }
  return out;
}
}  // namespace

TEST_CASE("RFC 5322 §2.2.3: folded header fields unfold, with LF, CRLF and CR line endings") {
  const std::string lf =
      "Subject: a long\n\tsubject line\nX-Other: 1\nContent-Type: text/plain;\n charset=utf-8\n\nbody\n";
  for (const char* ending : {"\n", "\r\n", "\r"}) {
    const std::string text = eol(lf, ending);
    HeaderSection h = parse_header_section(text);
    REQUIRE(h.fields.size() == 3);
    CHECK(h.get("subject") == "a long\tsubject line");
    CHECK(h.get("SUBJECT") == "a long\tsubject line");
    CHECK(h.get("x-other") == "1");
    CHECK(text.substr(h.body_offset, 4) == "body");
    CHECK(h.fields[0].span.begin == 0);
  }
}

TEST_CASE("header sections: a pasted body has none, and an mbox From line is skipped") {
  HeaderSection pasted = parse_header_section("Delivery has failed to these recipients or groups:\n\nx@y.z\n");
  CHECK(pasted.fields.empty());
  CHECK(pasted.body_offset == 0);

  HeaderSection mbox = parse_header_section("From MAILER-DAEMON Thu Apr 29 2015\nSubject: x\n\nb");
  REQUIRE(mbox.fields.size() == 1);
  CHECK(mbox.get("subject") == "x");
}

TEST_CASE("header limits: fields beyond max_header_fields are dropped and flagged") {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "X-Field-" + std::to_string(i) + ": v\n";
  text += "\nbody";
  Limits limits;
  limits.max_header_fields = 10;
  HeaderSection h = parse_header_section(text, limits);
  CHECK(h.fields.size() == 10);
  CHECK(h.truncated);
  CHECK(text.substr(h.body_offset) == "body");
}

TEST_CASE("RFC 2047 §4: B and Q encoded words decode to UTF-8; whitespace between words goes") {
  CHECK(decode_encoded_words("=?UTF-8?B?44GT44KT44Gr44Gh44Gv?=") == "こんにちは");
  CHECK(decode_encoded_words("=?ISO-8859-1?Q?Caf=E9_au_lait?=") == "Café au lait");
  CHECK(decode_encoded_words("=?UTF-8?Q?a?= =?UTF-8?Q?b?=") == "ab");  // RFC 2047 §6.2
  CHECK(decode_encoded_words("Re: =?UTF-8?Q?x?= done") == "Re: x done");
  CHECK(decode_encoded_words("=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=") == "テスト");
  CHECK(decode_encoded_words("=?bogus") == "=?bogus");  // not an encoded word: kept
}

TEST_CASE("RFC 2045 §6.8 and §6.7: base64 and quoted-printable") {
  std::string out;
  decode_base64("SGVs\nbG8=", out);
  CHECK(out == "Hello");
  out.clear();
  decode_quoted_printable("a=3Db=\nc =XY", out);
  CHECK(out == "a=bc =XY");  // soft line break joined, invalid escape kept
  out.clear();
  decode_quoted_printable("soft=\r\nbreak", out);
  CHECK(out == "softbreak");
}

TEST_CASE("charsets convert to UTF-8: Japanese, Windows and ISO-8859 families") {
  std::string out;
  CHECK(to_utf8("\x1b$B%F%9%H\x1b(B", "ISO-2022-JP", out));
  CHECK(out == "テスト");
  out.clear();
  CHECK(to_utf8("\x83\x65\x83\x58\x83\x67", "Shift_JIS", out));
  CHECK(out == "テスト");
  out.clear();
  CHECK(to_utf8("\xa5\xc6\xa5\xb9\xa5\xc8", "EUC-JP", out));
  CHECK(out == "テスト");
  out.clear();
  CHECK(to_utf8("\x80", "windows-1252", out));
  CHECK(out == "€");
  out.clear();
  CHECK(to_utf8("\xa4", "ISO-8859-15", out));
  CHECK(out == "€");
  out.clear();
  CHECK_FALSE(to_utf8("caf\xe9", "x-no-such-charset", out));  // unknown: read as Latin-1
  CHECK(out == "café");
}

TEST_CASE("RFC 2045 §5.1 and RFC 2231: Content-Type parameters") {
  ContentType ct = parse_content_type("Multipart/Report; report-type=delivery-status;\n boundary=\"a b\"");
  CHECK(ct.type == "multipart");
  CHECK(ct.subtype == "report");
  CHECK(ct.parameter("boundary") == "a b");
  CHECK(ct.parameter("REPORT-TYPE") == "delivery-status");

  ContentType split = parse_content_type("text/plain; name*0=\"abc\"; name*1=\"def\"");
  CHECK(split.parameter("name") == "abcdef");  // RFC 2231 §3 continuations
  ContentType ext = parse_content_type("text/plain; name*=UTF-8''%E2%82%AC.txt");
  CHECK(ext.parameter("name") == "€.txt");  // RFC 2231 §4 charset and percent-encoding

  ContentType fallback = parse_content_type("");
  CHECK(fallback.is("text", "plain"));  // RFC 2045 §5.2 default
}

TEST_CASE("RFC 2046 §5.1: nested multiparts, message/rfc822 and transfer encodings") {
  const std::string msg =
      "Content-Type: multipart/mixed; boundary=outer\n\n"
      "preamble\n"
      "--outer\n"
      "Content-Type: multipart/alternative; boundary=inner\n\n"
      "--inner\n"
      "Content-Type: text/plain; charset=iso-8859-1\n"
      "Content-Transfer-Encoding: quoted-printable\n\n"
      "caf=E9\n"
      "--inner--\n"
      "--outer\n"
      "Content-Type: message/rfc822\n\n"
      "Subject: original\n\n"
      "hello\n"
      "--outer--\n"
      "epilogue\n";
  for (const char* ending : {"\n", "\r\n", "\r"}) {
    const std::string text = eol(msg, ending);
    Message m = parse_message(text);
    REQUIRE(m.parts.size() == 5);
    CHECK(m.parts[1].content_type.is("multipart", "alternative"));
    CHECK(m.parts[2].depth == 2);
    CHECK(m.text(m.parts[2]) == "café");
    CHECK(m.parts[3].content_type.is("message", "rfc822"));
    CHECK(m.parts[4].is_message);
    CHECK(m.parts[4].headers.get("subject") == "original");
    CHECK_FALSE(m.partial);
  }
}

TEST_CASE("malformed structure: missing close delimiter, no boundary in body, nesting limit") {
  Message open = parse_message("Content-Type: multipart/mixed; boundary=b\n\n--b\n\ntext\n");
  REQUIRE(open.parts.size() == 2);
  CHECK(open.text(open.parts[1]) == "text\n");

  Message lost = parse_message("Content-Type: multipart/mixed; boundary=zz\n\njust text\n");
  REQUIRE(lost.parts.size() == 2);
  CHECK(lost.parts[1].body == "just text\n");

  std::string deep;
  for (int i = 0; i < 40; ++i) deep += "Content-Type: message/rfc822\n\n";
  deep += "Subject: bottom\n\nx";
  Limits limits;
  limits.max_depth = 8;
  Message m = parse_message(deep, limits);
  CHECK(m.partial);
  CHECK(m.parts.size() == 9);
  REQUIRE_FALSE(m.findings.empty());
  CHECK(m.findings[0].code == "mime.too_deep");
}

TEST_CASE("size and part-count limits give a partial result, never a failure") {
  Limits limits;
  limits.max_message_size = 64;
  Message big = parse_message(std::string(1000, 'a'), limits);
  CHECK(big.partial);
  CHECK(big.findings.at(0).code == "mime.too_large");

  std::string many = "Content-Type: multipart/mixed; boundary=b\n\n";
  for (int i = 0; i < 100; ++i) many += "--b\n\npart\n";
  many += "--b--\n";
  limits = Limits{};
  limits.max_parts = 10;
  Message m = parse_message(many, limits);
  CHECK(m.parts.size() == 10);
  CHECK(m.partial);
}

TEST_CASE("RFC 3464 §2.2 and §2.3: per-message and per-recipient field groups, folded values") {
  DeliveryStatus ds = parse_delivery_status(
      "Reporting-MTA: dns; mx.example.jp\n"
      "Arrival-Date: Thu, 29 Apr 2010\n"
      "\n"
      "Final-Recipient: rfc822; a@example.jp\n"
      "Action: failed\n"
      "Status: 5.1.1\n"
      "Diagnostic-Code: smtp; 550 5.1.1 <a@example.jp>:\n"
      "    User unknown\n"
      "\n"
      "Final-Recipient: rfc822; b@example.jp\n"
      "Original-Recipient: rfc822; b@example.jp\n"
      "Action: delayed\n"
      "Status: 4.2.2\n"
      "Final-Recipient: rfc822; c@example.jp\n"
      "Action: failed\n");
  CHECK(ds.per_message.get("reporting-mta") == "dns; mx.example.jp");
  REQUIRE(ds.per_recipient.size() == 3);  // the third group had no blank line before it
  CHECK(ds.per_recipient[0].get("diagnostic-code") == "smtp; 550 5.1.1 <a@example.jp>:    User unknown");
  CHECK(ds.per_recipient[1].get("status") == "4.2.2");
  CHECK(ds.per_recipient[1].get("original-recipient") == "rfc822; b@example.jp");
  CHECK(ds.per_recipient[2].get("final-recipient") == "rfc822; c@example.jp");
}

TEST_CASE("RFC 4155: mbox messages split on From lines, in memory and streamed") {
  const std::string mbox =
      "From a@b Thu Apr 29 2015\nSubject: one\n\nbody 1\nFrom inside the body is not a separator\n\n"
      "From c@d Thu Apr 29 2015\nSubject: two\n\nbody 2\n";
  auto messages = split_mbox(mbox);
  REQUIRE(messages.size() == 2);
  CHECK(parse_header_section(messages[0]).get("subject") == "one");
  CHECK(parse_header_section(messages[1]).get("subject") == "two");

  std::istringstream in(mbox);
  MboxReader reader(in);
  std::string message;
  REQUIRE(reader.next(message));
  CHECK(message.find("body 1") != std::string::npos);
  REQUIRE(reader.next(message));
  CHECK(message.find("Subject: two") == 0);
  CHECK(reader.offset() > 0);
  CHECK_FALSE(reader.next(message));
}
