#pragma once

#include <algorithm>

#include "maildiag/dkim/key_record.hpp"
#include "maildiag/tag_list.hpp"

namespace maildiag {
namespace dkim {
namespace detail {

inline bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
inline bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
inline char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }
inline std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}
using tag_list::trim;

inline int base64_value(char c) noexcept {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (is_digit(c)) return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

/// Decodes base64 with whitespace allowed anywhere (RFC 6376 §2.4 base64string). On failure
/// returns false and sets `bad` to the offending offset in `in`.
inline bool base64_decode(std::string_view in, std::vector<std::uint8_t>& out, std::size_t& bad) {
  out.clear();
  std::uint32_t acc = 0;
  int bits = 0;
  std::size_t digits = 0, padding = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (is_space(c)) continue;
    if (c == '=') {
      ++padding;
      if (padding > 2) {
        bad = i;
        return false;
      }
      continue;
    }
    int v = base64_value(c);
    if (v < 0 || padding > 0) {
      bad = i;
      return false;
    }
    ++digits;
    acc = (acc << 6) | std::uint32_t(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(std::uint8_t((acc >> bits) & 0xFF));
    }
  }
  if ((digits + padding) % 4 != 0 || digits % 4 == 1) {
    bad = in.size();
    return false;
  }
  return true;
}

// A bounded DER reader: one TLV at a time, definite lengths of at most four bytes.
struct Der {
  const std::uint8_t* data;
  std::size_t size;
  std::size_t pos = 0;

  struct Tlv {
    std::uint8_t tag = 0;
    const std::uint8_t* content = nullptr;
    std::size_t length = 0;
  };

  bool next(Tlv& out) noexcept {
    if (pos + 2 > size) return false;
    out.tag = data[pos++];
    if ((out.tag & 0x1F) == 0x1F) return false;  // high tag numbers never occur in keys
    std::size_t len = data[pos++];
    if (len & 0x80) {
      std::size_t n = len & 0x7F;
      if (n == 0 || n > 4 || pos + n > size) return false;
      len = 0;
      for (std::size_t i = 0; i < n; ++i) len = (len << 8) | data[pos++];
    }
    if (len > size - pos) return false;
    out.content = data + pos;
    out.length = len;
    pos += len;
    return true;
  }
  bool at_end() const noexcept { return pos == size; }
};

constexpr std::uint8_t kSequence = 0x30, kInteger = 0x02, kBitString = 0x03, kOid = 0x06;
constexpr std::uint8_t kRsaEncryptionOid[] = {0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01};
constexpr std::uint8_t kEd25519Oid[] = {0x2B, 0x65, 0x70};

inline bool oid_is(const Der::Tlv& t, const std::uint8_t* oid, std::size_t n) noexcept {
  return t.tag == kOid && t.length == n && std::equal(oid, oid + n, t.content);
}

// Bits in a positive big-endian INTEGER's content (leading zero bytes ignored).
inline unsigned integer_bits(const Der::Tlv& t) noexcept {
  std::size_t i = 0;
  while (i < t.length && t.content[i] == 0) ++i;
  if (i == t.length) return 0;
  unsigned bits = unsigned(t.length - i - 1) * 8;
  for (std::uint8_t top = t.content[i]; top; top >>= 1) ++bits;
  return bits;
}

struct RsaKey {
  unsigned modulus_bits = 0;
  bool exponent_ok = true;
};

// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 A.1.1).
inline bool read_rsa_public_key(const std::uint8_t* p, std::size_t n, RsaKey& key) noexcept {
  Der outer{p, n};
  Der::Tlv seq;
  if (!outer.next(seq) || seq.tag != kSequence || !outer.at_end()) return false;
  Der inner{seq.content, seq.length};
  Der::Tlv mod, exp;
  if (!inner.next(mod) || mod.tag != kInteger || !inner.next(exp) || exp.tag != kInteger ||
      !inner.at_end())
    return false;
  if (mod.length == 0 || (mod.content[0] & 0x80) || exp.length == 0 || (exp.content[0] & 0x80))
    return false;
  key.modulus_bits = integer_bits(mod);
  unsigned exp_bits = integer_bits(exp);
  bool odd = (exp.content[exp.length - 1] & 1) != 0;
  key.exponent_ok = odd && exp_bits >= 2;  // e >= 3 and odd
  return true;
}

enum class SpkiKind { not_spki, rsa, ed25519, other };

// SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
inline SpkiKind read_spki(const std::uint8_t* p, std::size_t n, const std::uint8_t*& key,
                          std::size_t& key_len) noexcept {
  Der outer{p, n};
  Der::Tlv seq;
  if (!outer.next(seq) || seq.tag != kSequence || !outer.at_end()) return SpkiKind::not_spki;
  Der body{seq.content, seq.length};
  Der::Tlv alg, bits;
  if (!body.next(alg) || alg.tag != kSequence || !body.next(bits) || bits.tag != kBitString ||
      !body.at_end() || bits.length < 1 || bits.content[0] != 0)
    return SpkiKind::not_spki;
  Der alg_body{alg.content, alg.length};
  Der::Tlv oid;
  if (!alg_body.next(oid) || oid.tag != kOid) return SpkiKind::not_spki;
  key = bits.content + 1;
  key_len = bits.length - 1;
  if (oid_is(oid, kRsaEncryptionOid, sizeof kRsaEncryptionOid)) return SpkiKind::rsa;
  if (oid_is(oid, kEd25519Oid, sizeof kEd25519Oid)) return SpkiKind::ed25519;
  return SpkiKind::other;
}

class Parser {
 public:
  explicit Parser(KeyRecord& r) : r_(r), text_(r.text) {}
  void run();

 private:
  void add(const char* code, Severity sev, std::string message, Span span, std::string fix = {}) {
    r_.findings.push_back(Finding{code, sev, std::move(message), span, std::move(fix)});
  }
  static std::vector<std::string> split_list(std::string_view v) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= v.size()) {
      std::size_t colon = v.find(':', start);
      std::size_t end = colon == std::string_view::npos ? v.size() : colon;
      std::size_t b = start, e = end;
      trim(v, b, e);
      out.emplace_back(v.substr(b, e - b));
      if (colon == std::string_view::npos) break;
      start = colon + 1;
    }
    return out;
  }
  void handle(Tag& tag);
  void analyse_key(const Tag& tag);

  KeyRecord& r_;
  std::string_view text_;
  const Tag* key_tag_ = nullptr;
};

inline void Parser::run() {
  if (text_.size() > kMaxRecordSize) {
    add("dkim.too_long", Severity::error,
        "The record is " + std::to_string(text_.size()) + " bytes long, more than the " +
            std::to_string(kMaxRecordSize) + " bytes maildiag examines.",
        {0, text_.size()});
    return;
  }
  bool first = true;
  tag_list::for_each_tag(text_, 0, [&](const tag_list::RawTag& raw) {
    if (r_.tags.size() >= kMaxTags) {
      add("dkim.too_many_tags", Severity::error,
          "The record has more than " + std::to_string(kMaxTags) + " tags; the rest was not "
          "examined.",
          {raw.span.begin, text_.size()});
      return false;
    }
    if (!raw.has_equals) {
      add("dkim.syntax", Severity::error,
          "\"" + std::string(text_.substr(raw.span.begin, raw.span.size())) + "\" is not a tag=value "
          "pair; the whole record is invalid (RFC 6376 §3.2).",
          raw.span, "Write tags as name=value, separated by semicolons.");
      first = false;
      return true;
    }
    Tag tag;
    tag.span = raw.span;
    tag.name_span = raw.name;
    tag.value_span = raw.value;
    tag.name = std::string(text_.substr(raw.name.begin, raw.name.size()));
    tag.value = std::string(text_.substr(raw.value.begin, raw.value.size()));
    if (!raw.valid_name) {
      add("dkim.syntax", Severity::error,
          "\"" + tag.name + "\" is not a valid tag name; the whole record is invalid.",
          tag.name_span, "Tag names are letters, digits and underscores, like p or k.");
      tag.known = false;
      r_.tags.push_back(std::move(tag));
      first = false;
      return true;
    }
    bool duplicate = std::any_of(r_.tags.begin(), r_.tags.end(),
                                 [&](const Tag& t) { return t.name == tag.name && !t.duplicate; });
    if (duplicate) {
      tag.duplicate = true;
      add("dkim.duplicate_tag", Severity::error,
          "The tag \"" + tag.name + "\" appears twice; RFC 6376 §3.2 makes the whole record "
          "invalid.",
          tag.span, "Keep one " + tag.name + "= tag.");
    } else if (tag.name == "v" && !first) {
      add("dkim.version_not_first", Severity::error,
          "v=DKIM1 must be the first tag when present (RFC 6376 §3.6.1).", tag.span,
          "Move v=DKIM1 to the start, or remove it.");
    } else {
      handle(tag);
    }
    first = false;
    r_.tags.push_back(std::move(tag));
    return true;
  });
  for (const auto& t : r_.tags)
    if (t.name == "p" && !t.duplicate) key_tag_ = &t;
  if (!key_tag_) {
    add("dkim.missing_p", Severity::error,
        "No p= tag: a key record must carry the public key (RFC 6376 §3.6.1), so every "
        "signature with this selector fails.",
        {0, text_.size()}, "Publish the public key from your mail provider as p=<base64>.");
  } else {
    analyse_key(*key_tag_);
  }
}

inline void Parser::handle(Tag& tag) {
  const std::string& n = tag.name;
  if (n == "v") {
    if (tag.value != "DKIM1")
      add("dkim.bad_version", Severity::error,
          "v must be exactly DKIM1; with \"" + tag.value + "\" verifiers discard the key.",
          tag.value_span, "Write v=DKIM1.");
  } else if (n == "k") {
    r_.key_type = to_lower(tag.value);
    if (r_.key_type != "rsa" && r_.key_type != "ed25519")
      add("dkim.unknown_key_type", Severity::error,
          "Unknown key type \"" + tag.value + "\": verifiers know rsa (RFC 6376) and ed25519 "
          "(RFC 8463).",
          tag.value_span, "Write k=rsa or k=ed25519.");
  } else if (n == "h") {
    r_.hash_algorithms = split_list(tag.value);
    bool sha256 = false;
    for (auto& h : r_.hash_algorithms) {
      h = to_lower(h);
      if (h == "sha256") sha256 = true;
      else if (h != "sha1")
        add("dkim.unknown_hash", Severity::warning,
            "Unknown hash algorithm \"" + h + "\" in h=; verifiers ignore it.", tag.value_span);
    }
    if (!sha256)
      add("dkim.no_sha256", Severity::error,
          "h= does not allow sha256; RFC 8301 forbids sha1, so no signature with this key "
          "verifies.",
          tag.value_span, "Write h=sha256, or remove h= to allow all algorithms.");
  } else if (n == "s") {
    r_.service_types = split_list(tag.value);
    bool email = false;
    for (auto& s : r_.service_types) {
      s = to_lower(s);
      if (s == "*" || s == "email") email = true;
    }
    if (!email)
      add("dkim.not_for_email", Severity::error,
          "s= does not include email or *, so the key may not be used for email.",
          tag.value_span, "Write s=email, or remove s=.");
  } else if (n == "t") {
    r_.flags = split_list(tag.value);
    for (auto& f : r_.flags) {
      f = to_lower(f);
      if (f == "y") r_.testing = true;
      else if (f == "s") r_.strict_identity = true;
      else
        add("dkim.unknown_flag", Severity::info,
            "Unknown flag \"" + f + "\" in t=; verifiers ignore it.", tag.value_span);
    }
    if (r_.testing)
      add("dkim.testing", Severity::warning,
          "t=y marks the domain as testing DKIM: verifiers must treat its mail like unsigned "
          "mail, so signatures give no benefit.",
          tag.span, "Remove y from t= once signing works.");
  } else if (n == "p" || n == "n") {
    // p is analysed once all tags are known (k may come after it); n is free text.
  } else if (n == "g") {
    tag.known = false;
    add("dkim.obsolete_tag", Severity::info,
        "g= (key granularity) was removed by RFC 6376; verifiers ignore it.", tag.span,
        "Remove g=.");
  } else {
    tag.known = false;
    add("dkim.unknown_tag", Severity::info,
        "Unknown tag \"" + n + "\": verifiers ignore it (RFC 6376 §3.2).", tag.span);
  }
}

inline void Parser::analyse_key(const Tag& tag) {
  r_.has_key_tag = true;
  std::string_view value = text_.substr(tag.value_span.begin, tag.value_span.size());
  if (value.empty()) {
    r_.revoked = true;
    add("dkim.revoked", Severity::warning,
        "p= is empty: the key is revoked and every signature with this selector fails "
        "(RFC 6376 §3.6.1).",
        tag.span, "If this selector still signs mail, publish its public key.");
    return;
  }
  std::vector<std::uint8_t> key;
  std::size_t bad = 0;
  if (!base64_decode(value, key, bad)) {
    Span where = bad < value.size() ? Span{tag.value_span.begin + bad, tag.value_span.begin + bad + 1}
                                     : tag.value_span;
    add("dkim.bad_base64", Severity::error,
        bad < value.size() ? "p= is not valid base64: unexpected character here."
                           : "p= is not valid base64: it is truncated or badly padded.",
        where, "Copy the key again from your mail provider; quotes and line breaks inside the "
               "key often break it.");
    return;
  }
  r_.key_bytes = key.size();
  const std::uint8_t* inner = nullptr;
  std::size_t inner_len = 0;
  SpkiKind spki = read_spki(key.data(), key.size(), inner, inner_len);
  if (r_.key_type == "ed25519") {
    if (key.size() == 32) {
      r_.key_format = KeyFormat::raw;
      r_.key_bits = 256;
      add("dkim.ed25519", Severity::info,
          "ed25519 key (RFC 8463). Not every receiver verifies ed25519 yet; sign with an RSA "
          "key too.",
          tag.span);
    } else if (spki == SpkiKind::ed25519) {
      r_.key_format = KeyFormat::subject_public_key_info;
      add("dkim.ed25519_wrapped", Severity::error,
          "The ed25519 key is published as a SubjectPublicKeyInfo structure; RFC 8463 §4.2 wants "
          "only the raw 32-byte key, so verifiers fail.",
          tag.value_span, "Publish the last 32 bytes of the structure (the raw key), base64-encoded.");
    } else {
      r_.key_format = KeyFormat::unrecognized;
      add("dkim.ed25519_bad_length", Severity::error,
          "An ed25519 key is 32 bytes; this one is " + std::to_string(key.size()) + ".",
          tag.value_span, "Publish the raw 32-byte ed25519 public key, base64-encoded.");
    }
    return;
  }
  if (r_.key_type != "rsa") return;  // unknown type already reported
  RsaKey rsa;
  bool ok = false;
  if (spki == SpkiKind::rsa) {
    r_.key_format = KeyFormat::subject_public_key_info;
    ok = read_rsa_public_key(inner, inner_len, rsa);
  } else if (spki == SpkiKind::ed25519) {
    r_.key_format = KeyFormat::subject_public_key_info;
    add("dkim.key_type_mismatch", Severity::error,
        "The key is an ed25519 key but the record says k=rsa (the default).", tag.value_span,
        "Add k=ed25519 and publish the raw 32-byte key.");
    return;
  } else if (spki == SpkiKind::not_spki && read_rsa_public_key(key.data(), key.size(), rsa)) {
    r_.key_format = KeyFormat::rsa_public_key;
    ok = true;
    add("dkim.rsa_pkcs1_key", Severity::warning,
        "The key is a bare RSAPublicKey; RFC 6376 §3.6.1 asks for a SubjectPublicKeyInfo "
        "structure, and some verifiers reject this form.",
        tag.value_span, "Publish the key in SubjectPublicKeyInfo form (\"BEGIN PUBLIC KEY\").");
  }
  if (!ok) {
    r_.key_format = KeyFormat::unrecognized;
    add("dkim.bad_rsa_key", Severity::error,
        "p= decodes to " + std::to_string(key.size()) + " bytes that are not an RSA public key.",
        tag.value_span, "Copy the public key again from your mail provider.");
    return;
  }
  r_.key_bits = rsa.modulus_bits;
  std::string bits = std::to_string(rsa.modulus_bits);
  if (rsa.modulus_bits < 1024)
    add("dkim.rsa_key_too_short", Severity::error,
        "The RSA key has " + bits + " bits; verifiers must reject keys under 1024 bits "
        "(RFC 8301 §3.2), so signatures with it fail.",
        tag.value_span, "Generate a 2048-bit key and publish it under a new selector.");
  else if (rsa.modulus_bits < 2048)
    add("dkim.rsa_key_short", Severity::warning,
        "The RSA key has " + bits + " bits; RFC 8301 §3.2 asks signers for at least 2048 bits, "
        "and some receivers distrust shorter keys.",
        tag.value_span, "Rotate to a 2048-bit key under a new selector.");
  if (!rsa.exponent_ok)
    add("dkim.rsa_bad_exponent", Severity::error,
        "The RSA public exponent is not an odd number of at least 3; the key is unusable.",
        tag.value_span, "Generate a new key pair.");
}

}  // namespace detail

MAILDIAG_FUNC std::string_view to_string(KeyFormat f) noexcept {
  switch (f) {
    case KeyFormat::none: return "none";
    case KeyFormat::subject_public_key_info: return "subject_public_key_info";
    case KeyFormat::rsa_public_key: return "rsa_public_key";
    case KeyFormat::raw: return "raw";
    case KeyFormat::unrecognized: return "unrecognized";
  }
  return "none";
}

MAILDIAG_FUNC bool KeyRecord::valid() const noexcept {
  return has_key_tag && !revoked && key_bits.has_value() && !has_errors(findings);
}

MAILDIAG_FUNC KeyRecord parse_key_record(std::string_view text) {
  KeyRecord r;
  r.text = std::string(text);
  detail::Parser(r).run();
  return r;
}

MAILDIAG_FUNC KeyRecord parse_pasted_key_record(std::string_view text) {
  return dns::check_pasted(text, [](std::string_view record) { return parse_key_record(record); });
}

MAILDIAG_FUNC bool looks_like_key_record(std::string_view txt) noexcept {
  std::size_t i = 0;
  while (i < txt.size() && detail::is_space(txt[i])) ++i;
  txt.remove_prefix(i);
  if (txt.substr(0, 7) == "v=DKIM1") return true;
  // a "p=" tag at the start of the record or after a semicolon
  for (std::size_t pos = 0; pos < txt.size(); ++pos) {
    if (txt[pos] != 'p') continue;
    std::size_t back = pos;
    while (back > 0 && detail::is_space(txt[back - 1])) --back;
    if (back != 0 && txt[back - 1] != ';') continue;
    std::size_t fwd = pos + 1;
    while (fwd < txt.size() && detail::is_space(txt[fwd])) ++fwd;
    if (fwd < txt.size() && txt[fwd] == '=') return true;
  }
  return false;
}

}  // namespace dkim
}  // namespace maildiag
