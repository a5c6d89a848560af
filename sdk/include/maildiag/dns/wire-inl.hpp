#pragma once

#include "maildiag/dns/ip_address.hpp"
#include "maildiag/dns/wire.hpp"

namespace maildiag {
namespace dns {
namespace wire_detail {

class Reader {
 public:
  explicit Reader(std::string_view m) : m_(m) {}

  bool u8(std::size_t& pos, std::uint8_t& v) const {
    if (pos + 1 > m_.size()) return false;
    v = static_cast<std::uint8_t>(m_[pos++]);
    return true;
  }
  bool u16(std::size_t& pos, std::uint16_t& v) const {
    if (pos + 2 > m_.size()) return false;
    v = static_cast<std::uint16_t>(static_cast<std::uint8_t>(m_[pos]) << 8 | static_cast<std::uint8_t>(m_[pos + 1]));
    pos += 2;
    return true;
  }

  // Reads a possibly compressed name at `pos`, advancing `pos` past it in the message.
  bool name(std::size_t& pos, std::string& out) const {
    out.clear();
    std::size_t cursor = pos;
    bool jumped = false;
    int jumps = 0;
    for (;;) {
      std::uint8_t len;
      if (!u8(cursor, len)) return false;
      if ((len & 0xc0) == 0xc0) {
        std::uint8_t low;
        if (!u8(cursor, low)) return false;
        if (++jumps > 64) return false;
        if (!jumped) pos = cursor;
        jumped = true;
        cursor = static_cast<std::size_t>((len & 0x3f) << 8 | low);
        continue;
      }
      if (len & 0xc0) return false;
      if (len == 0) break;
      if (cursor + len > m_.size() || out.size() + len + 1 > 255) return false;
      if (!out.empty()) out += '.';
      out.append(m_.data() + cursor, len);
      cursor += len;
    }
    if (!jumped) pos = cursor;
    return true;
  }

  std::string_view bytes(std::size_t pos, std::size_t n) const { return m_.substr(pos, n); }
  std::size_t size() const { return m_.size(); }

 private:
  std::string_view m_;
};

}  // namespace wire_detail

MAILDIAG_FUNC std::string build_query(const Question& question, std::uint16_t id) {
  std::string q;
  q += static_cast<char>(id >> 8);
  q += static_cast<char>(id & 0xff);
  const unsigned char header[] = {0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0};
  q.append(reinterpret_cast<const char*>(header), sizeof header);
  std::string_view name = question.name;
  while (!name.empty()) {
    std::size_t dot = name.find('.');
    std::string_view label = name.substr(0, dot);
    q += static_cast<char>(label.size() > 63 ? 63 : label.size());
    q.append(label.data(), label.size() > 63 ? 63 : label.size());
    if (dot == std::string_view::npos) break;
    name.remove_prefix(dot + 1);
  }
  q += '\0';
  auto type = static_cast<std::uint16_t>(question.type);
  q += static_cast<char>(type >> 8);
  q += static_cast<char>(type & 0xff);
  q += '\0';
  q += '\1';
  return q;
}

MAILDIAG_FUNC Answer parse_response(std::string_view message, RecordType asked) {
  wire_detail::Reader r(message);
  auto malformed = [] { return Answer::failure(AnswerKind::error, "malformed DNS answer"); };
  std::size_t pos = 2;
  std::uint16_t flags, qd, an;
  if (!r.u16(pos, flags) || !r.u16(pos, qd) || !r.u16(pos, an)) return malformed();
  pos = 12;
  if (message.size() < 12) return malformed();
  if (flags & 0x0200) return Answer::failure(AnswerKind::error, "truncated DNS answer");
  int rcode = flags & 0x000f;
  if (rcode == 3) return Answer::failure(AnswerKind::nxdomain, {});
  if (rcode == 2) return Answer::failure(AnswerKind::error, "SERVFAIL");
  if (rcode == 5) return Answer::failure(AnswerKind::error, "REFUSED");
  if (rcode != 0) return Answer::failure(AnswerKind::error, "DNS error code " + std::to_string(rcode));
  std::string owner;
  for (std::uint16_t i = 0; i < qd; ++i) {
    if (!r.name(pos, owner)) return malformed();
    pos += 4;
    if (pos > message.size()) return malformed();
  }
  std::vector<Record> records;
  for (std::uint16_t i = 0; i < an; ++i) {
    std::uint16_t type, klass, rdlength, ttl_hi, ttl_lo;
    if (!r.name(pos, owner) || !r.u16(pos, type) || !r.u16(pos, klass) || !r.u16(pos, ttl_hi) ||
        !r.u16(pos, ttl_lo) || !r.u16(pos, rdlength))
      return malformed();
    std::size_t end = pos + rdlength;
    if (end > message.size()) return malformed();
    if (type != static_cast<std::uint16_t>(asked) || klass != 1) {
      pos = end;
      continue;
    }
    Record record;
    record.type = asked;
    switch (asked) {
      case RecordType::TXT:
      case RecordType::SPF: {
        std::size_t p = pos;
        while (p < end) {
          std::uint8_t len;
          if (!r.u8(p, len) || p + len > end) return malformed();
          record.strings.emplace_back(r.bytes(p, len));
          p += len;
        }
        break;
      }
      case RecordType::A:
      case RecordType::AAAA: {
        std::size_t n = asked == RecordType::A ? 4 : 16;
        if (rdlength != n) return malformed();
        IpAddress ip;
        ip.is_v6 = n == 16;
        for (std::size_t k = 0; k < n; ++k) ip.bytes[k] = static_cast<std::uint8_t>(message[pos + k]);
        record.data = ip.to_string();
        break;
      }
      case RecordType::MX: {
        std::size_t p = pos;
        if (!r.u16(p, record.preference) || !r.name(p, record.data) || p != end) return malformed();
        break;
      }
      case RecordType::PTR:
      case RecordType::CNAME: {
        std::size_t p = pos;
        if (!r.name(p, record.data) || p != end) return malformed();
        break;
      }
    }
    records.push_back(std::move(record));
    pos = end;
  }
  return Answer::with_records(std::move(records));
}

}  // namespace dns
}  // namespace maildiag
