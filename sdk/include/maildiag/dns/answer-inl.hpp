#pragma once

#include "maildiag/dns/answer.hpp"
#include "maildiag/dns/ip_address.hpp"

namespace maildiag {
namespace dns {
namespace answer_detail {

inline bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

struct TypeName {
  RecordType type;
  std::string_view name;
};
constexpr TypeName kTypeNames[] = {
    {RecordType::A, "A"},     {RecordType::CNAME, "CNAME"}, {RecordType::PTR, "PTR"},
    {RecordType::MX, "MX"},   {RecordType::TXT, "TXT"},     {RecordType::AAAA, "AAAA"},
    {RecordType::SPF, "SPF"},
};

constexpr std::string_view kKindNames[] = {"records", "nodata", "nxdomain", "timeout", "error"};

}  // namespace answer_detail

MAILDIAG_FUNC std::string_view to_string(RecordType type) noexcept {
  for (const auto& t : answer_detail::kTypeNames)
    if (t.type == type) return t.name;
  return "TYPE?";
}

MAILDIAG_FUNC std::optional<RecordType> parse_record_type(std::string_view text) noexcept {
  for (const auto& t : answer_detail::kTypeNames)
    if (answer_detail::iequals(t.name, text)) return t.type;
  unsigned number = 0;
  if (text.empty() || text.size() > 5) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    number = number * 10 + static_cast<unsigned>(c - '0');
  }
  for (const auto& t : answer_detail::kTypeNames)
    if (static_cast<unsigned>(t.type) == number) return t.type;
  return std::nullopt;
}

MAILDIAG_FUNC std::string_view to_string(AnswerKind kind) noexcept {
  return answer_detail::kKindNames[static_cast<std::size_t>(kind)];
}

MAILDIAG_FUNC std::optional<AnswerKind> parse_answer_kind(std::string_view text) noexcept {
  for (std::size_t i = 0; i < 5; ++i)
    if (answer_detail::kKindNames[i] == text) return static_cast<AnswerKind>(i);
  return std::nullopt;
}

MAILDIAG_FUNC std::string Record::joined_text() const {
  std::string out;
  std::size_t total = 0;
  for (const auto& s : strings) total += s.size();
  out.reserve(total);
  for (const auto& s : strings) out += s;
  return out;
}

MAILDIAG_FUNC std::string normalize_name(std::string_view name) {
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);
  std::string out(name);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

MAILDIAG_FUNC bool is_valid_name(std::string_view name) noexcept {
  if (name.empty() || name.size() > 253) return false;
  std::size_t label = 0;
  for (char c : name) {
    if (c == '.') {
      if (label == 0) return false;
      label = 0;
    } else if (++label > 63) {
      return false;
    }
  }
  return label > 0;
}

MAILDIAG_FUNC Answer sanitize(Answer answer, RecordType asked, const AnswerLimits& limits) {
  if (answer.kind != AnswerKind::records && answer.kind != AnswerKind::nodata) {
    answer.records.clear();
    return answer;
  }
  std::vector<Record> kept;
  for (auto& record : answer.records) {
    if (record.type != asked) continue;
    if (kept.size() == limits.max_records)
      return Answer::failure(AnswerKind::error, "answer holds more than " +
                                                    std::to_string(limits.max_records) +
                                                    " records");
    switch (record.type) {
      case RecordType::TXT:
      case RecordType::SPF: {
        std::size_t total = 0;
        for (const auto& s : record.strings) {
          if (s.size() > limits.max_string_bytes)
            return Answer::failure(AnswerKind::error, "TXT string longer than " +
                                                          std::to_string(limits.max_string_bytes) +
                                                          " bytes");
          total += s.size();
        }
        if (total > limits.max_text_bytes)
          return Answer::failure(AnswerKind::error, "TXT record longer than " +
                                                        std::to_string(limits.max_text_bytes) +
                                                        " bytes");
        break;
      }
      case RecordType::A:
      case RecordType::AAAA: {
        auto ip = IpAddress::parse(record.data);
        if (!ip || ip->is_v6 != (record.type == RecordType::AAAA))
          return Answer::failure(AnswerKind::error, "malformed " +
                                                        std::string(to_string(record.type)) +
                                                        " record data");
        record.data = ip->to_string();
        break;
      }
      case RecordType::MX:
      case RecordType::PTR:
      case RecordType::CNAME: {
        record.data = normalize_name(record.data);
        // The root "." (a null MX, RFC 7505) normalizes to the empty name and is kept.
        if (record.data.size() > limits.max_name_bytes)
          return Answer::failure(AnswerKind::error, "name in answer is too long");
        break;
      }
    }
    kept.push_back(std::move(record));
  }
  return Answer::with_records(std::move(kept));
}

}  // namespace dns
}  // namespace maildiag
