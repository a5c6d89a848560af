// DKIM key records (RFC 6376 §3.6.1), key sizes (RFC 8301 §3.2) and ed25519 keys (RFC 8463 §4.2).
#include <doctest/doctest.h>

#include <algorithm>

#include "maildiag/dkim/json.hpp"
#include "maildiag/dkim/key_record.hpp"

using namespace maildiag;
using namespace maildiag::dkim;

namespace {
// Public keys made with openssl genpkey.
const std::string rsa512 = "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBANE7q9CW6SL43oUzVEqhArVZmjcwqkD9hs8ilsUdpKQ/nmS703kELC+p6d1qOvBjG2azgIdLlX8h5uVzbx8q2QsCAwEAAQ==";
const std::string rsa1024 = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC265BjHaet11/MtIYsb7kgwIf9Quht5ckgfuml26GtMa8AD0LhCF23JH5kLCsnxrIMEzoTlkLL4P7Cy/Jx5vfSCZFBitQtS6gQeiMn/ohsdY6o38Sh9Ui9rrc6maUyPRZVvltarOb5wqO6TSoVVtUEoCmM3h8iHZDwxQB6GwAkJQIDAQAB";
const std::string rsa2048 = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArDOJaAV0WMBnZZH23FKYo0cLUENK2twT0ab06ey2a6EevMrGepsF20tHEQKgYoHKyb3MK47jXW/TI+iJ9t9ZURx03i6rIkMF+ePSJR2kSHqya/GGTJ3FcHHEjyl7yny0+Ueqo98efNfeRAO4L+HYxICCxvK2JG8ONfzWx7UBQLHGZxGLN3X8Kt/82HBi6AiaQQ3HYA18sv5CKDjU9hTyecfKiB3yFLPsug8gG1AlukFT8RUGJk/MJemRNxQlTc42+Rl5YdkLb01bjAZrObeW4SJsw3Ov+Le6pe/fEmy/b55GJv1axY4Fz4l/CxTCHVmgUmW0lVaQRe4diApkggqHowIDAQAB";
const std::string rsa1024_pkcs1 = "MIGJAoGBALbrkGMdp63XX8y0hixvuSDAh/1C6G3lySB+6aXboa0xrwAPQuEIXbckfmQsKyfGsgwTOhOWQsvg/sLL8nHm99IJkUGK1C1LqBB6Iyf+iGx1jqjfxKH1SL2utzqZpTI9FlW+W1qs5vnCo7pNKhVW1QSgKYzeHyIdkPDFAHobACQlAgMBAAE=";
const std::string ed25519_raw = "phu3B78ASfrE6rloUn8/bVA9VdhHVhBoG06f0vZkvbY=";
const std::string ed25519_spki = "MCowBQYDK2VwAyEAphu3B78ASfrE6rloUn8/bVA9VdhHVhBoG06f0vZkvbY=";

const Finding* find(const KeyRecord& r, const std::string& code) {
  auto it = std::find_if(r.findings.begin(), r.findings.end(),
                         [&](const Finding& f) { return f.code == code; });
  return it == r.findings.end() ? nullptr : &*it;
}
}  // namespace

TEST_CASE("RFC 6376 §3.6.1: a 2048-bit RSA key record is valid; the size comes from the DER") {
  auto r = parse_key_record("v=DKIM1; k=rsa; h=sha256; p=" + rsa2048);
  CHECK(r.valid());
  CHECK(r.key_type == "rsa");
  CHECK(r.key_format == KeyFormat::subject_public_key_info);
  CHECK(r.key_bits == 2048u);
  CHECK(r.findings.empty());
}

TEST_CASE("RFC 8301 §3.2: RSA keys under 1024 bits fail, under 2048 warn") {
  auto weak = parse_key_record("v=DKIM1; p=" + rsa512);
  CHECK(weak.key_bits == 512u);
  REQUIRE(find(weak, "dkim.rsa_key_too_short"));
  CHECK_FALSE(weak.valid());
  auto short_key = parse_key_record("v=DKIM1; p=" + rsa1024);
  CHECK(short_key.key_bits == 1024u);
  REQUIRE(find(short_key, "dkim.rsa_key_short"));
  CHECK(find(short_key, "dkim.rsa_key_short")->severity == Severity::warning);
  CHECK(short_key.valid());
}

TEST_CASE("A bare RSAPublicKey is read but flagged") {
  auto r = parse_key_record("p=" + rsa1024_pkcs1);
  CHECK(r.key_format == KeyFormat::rsa_public_key);
  CHECK(r.key_bits == 1024u);
  CHECK(find(r, "dkim.rsa_pkcs1_key"));
}

TEST_CASE("RFC 8463 §4.2: ed25519 keys are the raw 32 bytes") {
  auto ok = parse_key_record("v=DKIM1; k=ed25519; p=" + ed25519_raw);
  CHECK(ok.valid());
  CHECK(ok.key_format == KeyFormat::raw);
  CHECK(ok.key_bytes == 32);
  auto wrapped = parse_key_record("v=DKIM1; k=ed25519; p=" + ed25519_spki);
  CHECK(find(wrapped, "dkim.ed25519_wrapped"));
  CHECK_FALSE(wrapped.valid());
  auto wrong = parse_key_record("v=DKIM1; k=ed25519; p=" + rsa1024);
  CHECK(find(wrong, "dkim.ed25519_bad_length"));
  auto mismatch = parse_key_record("v=DKIM1; p=" + ed25519_spki);
  CHECK(find(mismatch, "dkim.key_type_mismatch"));
}

TEST_CASE("RFC 6376 §3.6.1: an empty p= means the key is revoked") {
  std::string text = "v=DKIM1; p=";
  auto r = parse_key_record(text);
  CHECK(r.revoked);
  CHECK_FALSE(r.valid());
  REQUIRE(find(r, "dkim.revoked"));
  CHECK(find(r, "dkim.revoked")->span == Span{9, 11});
}

TEST_CASE("RFC 6376 §3.6.1: p= is required and must be base64") {
  CHECK(find(parse_key_record("v=DKIM1; k=rsa"), "dkim.missing_p"));
  std::string text = "v=DKIM1; p=MIIB*AQAB";
  auto r = parse_key_record(text);
  REQUIRE(find(r, "dkim.bad_base64"));
  CHECK(find(r, "dkim.bad_base64")->span == Span{15, 16});
  CHECK(find(parse_key_record("p=QUJD="), "dkim.bad_base64"));
}

TEST_CASE("RFC 6376 §3.6.1: base64 may contain whitespace") {
  std::string spaced = rsa2048.substr(0, 100) + " \t" + rsa2048.substr(100);
  CHECK(parse_key_record("p=" + spaced).key_bits == 2048u);
}

TEST_CASE("RFC 6376 §3.6.1: v must be first and DKIM1; k, h, s and t are checked") {
  CHECK(find(parse_key_record("k=rsa; v=DKIM1; p=" + rsa2048), "dkim.version_not_first"));
  CHECK(find(parse_key_record("v=DKIM2; p=" + rsa2048), "dkim.bad_version"));
  CHECK(find(parse_key_record("k=dsa; p=" + rsa2048), "dkim.unknown_key_type"));
  CHECK(find(parse_key_record("h=sha1; p=" + rsa2048), "dkim.no_sha256"));
  CHECK(find(parse_key_record("s=other; p=" + rsa2048), "dkim.not_for_email"));
  auto t = parse_key_record("t=y:s; p=" + rsa2048);
  CHECK(t.testing);
  CHECK(t.strict_identity);
  CHECK(find(t, "dkim.testing"));
}

TEST_CASE("RFC 6376 §3.2: duplicate tags invalidate the record; unknown tags are ignored") {
  CHECK(find(parse_key_record("p=" + rsa2048 + "; p=" + rsa2048), "dkim.duplicate_tag"));
  auto u = parse_key_record("x=1; p=" + rsa2048);
  CHECK(find(u, "dkim.unknown_tag"));
  CHECK(u.valid());
}

TEST_CASE("Hostile keys: truncated DER, huge lengths and garbage give findings") {
  CHECK(find(parse_key_record("p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"), "dkim.bad_rsa_key"));
  CHECK(find(parse_key_record("p=/////////w=="), "dkim.bad_rsa_key"));
  CHECK(find(parse_key_record("p=MIT/////AAAA"), "dkim.bad_rsa_key"));
  CHECK(find(parse_key_record(std::string(9000, 'A')), "dkim.too_long"));
}

TEST_CASE("Key records are recognised among TXT records") {
  CHECK(looks_like_key_record("v=DKIM1; p=abc"));
  CHECK(looks_like_key_record("k=rsa; p=abc"));
  CHECK_FALSE(looks_like_key_record("v=spf1 -all"));
}

TEST_CASE("JSON form of a key record") {
  auto j = to_json(parse_key_record("v=DKIM1; p=" + rsa1024));
  CHECK(j["key_bits"] == 1024);
  CHECK(j["key_type"] == "rsa");
  CHECK(j["key_format"] == "subject_public_key_info");
  CHECK(j["findings"][0]["code"] == "dkim.rsa_key_short");
}
