// DKIM key records (RFC 6376 §3.6.1, RFC 8463, RFC 8301): parser and validator.
//
// A key record is the text of the TXT record at `<selector>._domainkey.<domain>`, its strings
// joined. The parser never fails: it returns the tags with byte spans, what it learnt about the
// public key (type, format, size) and findings ("dkim.*" codes). RSA key sizes are read from the
// DER structure of the key (SubjectPublicKeyInfo, or a bare RSAPublicKey, which some verifiers
// accept); ed25519 keys must be the raw 32-byte key of RFC 8463.
//
// Limits: records over `kMaxRecordSize` bytes and DER nested deeper than the two structures
// above are rejected with a finding; at most `kMaxTags` tags are examined.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/dns/txt_presentation.hpp"
#include "maildiag/finding.hpp"

namespace maildiag {
namespace dkim {

constexpr std::size_t kMaxRecordSize = 8192;
constexpr std::size_t kMaxTags = 64;

struct Tag {
  std::string name;   // as written (DKIM tag names are case-sensitive)
  std::string value;  // surrounding whitespace removed
  Span span;
  Span name_span;
  Span value_span;
  bool known = true;
  bool duplicate = false;
};

/// How the public key in `p` is encoded.
enum class KeyFormat : std::uint8_t {
  none,                    // no key: p missing, empty (revoked) or undecodable
  subject_public_key_info, // RFC 6376 §3.6.1 for rsa: DER SubjectPublicKeyInfo
  rsa_public_key,          // a bare DER RSAPublicKey (PKCS#1), accepted by many verifiers
  raw,                     // RFC 8463: the raw 32-byte ed25519 key
  unrecognized,            // base64 that is none of the above
};
MAILDIAG_FUNC std::string_view to_string(KeyFormat f) noexcept;

struct KeyRecord {
  std::string text;
  std::vector<Tag> tags;

  std::string key_type = "rsa";          // k=, default rsa
  std::vector<std::string> hash_algorithms;  // h=, empty means all
  std::vector<std::string> service_types;    // s=, empty means "*"
  std::vector<std::string> flags;            // t=
  bool testing = false;                  // t=y
  bool strict_identity = false;          // t=s
  bool has_key_tag = false;              // p= present
  bool revoked = false;                  // p= present and empty
  KeyFormat key_format = KeyFormat::none;
  std::optional<unsigned> key_bits;      // RSA modulus size, or 256 for ed25519
  std::size_t key_bytes = 0;             // decoded length of p

  std::vector<Finding> findings;

  /// Usable for verifying signatures: a key is present and no error-level finding.
  MAILDIAG_FUNC bool valid() const noexcept;
};

/// Parses and validates one DKIM key record.
MAILDIAG_FUNC KeyRecord parse_key_record(std::string_view text);

/// parse_key_record() for a record as people paste it: bare, or quoted and split into strings as
/// DNS tools show TXT records (maildiag/dns/txt_presentation.hpp).
MAILDIAG_FUNC KeyRecord parse_pasted_key_record(std::string_view text);

/// True when a TXT string plausibly is a DKIM key record: starts with "v=DKIM1" or holds a
/// "p=" tag. Used to pick the key record among TXT records at a selector name.
MAILDIAG_FUNC bool looks_like_key_record(std::string_view txt) noexcept;

}  // namespace dkim
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/dkim/key_record-inl.hpp"
#endif
