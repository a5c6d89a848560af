#pragma once

#include "maildiag/dns/ip_address.hpp"
#include "maildiag/dns/json.hpp"

namespace maildiag {
namespace dns {

MAILDIAG_FUNC nlohmann::json to_json(const Record& record) {
  nlohmann::json j;
  j["type"] = std::string(to_string(record.type));
  switch (record.type) {
    case RecordType::TXT:
    case RecordType::SPF:
      if (record.strings.size() == 1)
        j["data"] = record.strings.front();
      else
        j["data"] = record.strings;
      break;
    case RecordType::MX:
      j["preference"] = record.preference;
      j["exchange"] = record.data;
      break;
    default:
      j["data"] = record.data;
  }
  return j;
}

MAILDIAG_FUNC nlohmann::json to_json(const Question& question) {
  return {{"name", question.name}, {"type", std::string(to_string(question.type))}};
}

MAILDIAG_FUNC nlohmann::json to_json(const Answer& answer) {
  nlohmann::json j;
  j["kind"] = std::string(to_string(answer.kind));
  j["records"] = nlohmann::json::array();
  for (const auto& r : answer.records) j["records"].push_back(to_json(r));
  if (!answer.error.empty()) j["error"] = answer.error;
  return j;
}

MAILDIAG_FUNC nlohmann::json to_json(const std::optional<Outage>& outage) {
  if (!outage) return nullptr;
  return {{"kind", std::string(to_string(outage->kind))},
          {"error", outage->error},
          {"failed_questions", outage->failed_questions}};
}

namespace json_detail {

inline bool read_name(const nlohmann::json& value, const char* field, std::string& out,
                      std::string& error) {
  auto it = value.find(field);
  if (it == value.end() || !it->is_string()) {
    error = std::string("\"") + field + "\" must be a string";
    return false;
  }
  out = normalize_name(it->get_ref<const std::string&>());
  return true;
}

}  // namespace json_detail

MAILDIAG_FUNC bool record_from_json(const nlohmann::json& value, Record& out, std::string& error) {
  if (!value.is_object()) {
    error = "a record must be an object";
    return false;
  }
  auto type_it = value.find("type");
  if (type_it == value.end() || !type_it->is_string()) {
    error = "\"type\" must be a string";
    return false;
  }
  auto type = parse_record_type(type_it->get_ref<const std::string&>());
  if (!type) {
    error = "unknown record type \"" + type_it->get_ref<const std::string&>() + "\"";
    return false;
  }
  out = Record{};
  out.type = *type;
  switch (*type) {
    case RecordType::TXT:
    case RecordType::SPF: {
      auto it = value.find("data");
      if (it != value.end() && it->is_string()) {
        out.strings.push_back(it->get<std::string>());
        return true;
      }
      if (it != value.end() && it->is_array()) {
        for (const auto& part : *it) {
          if (!part.is_string()) {
            error = "\"data\" parts must be strings";
            return false;
          }
          out.strings.push_back(part.get<std::string>());
        }
        return true;
      }
      error = "\"data\" must be a string or an array of strings";
      return false;
    }
    case RecordType::MX: {
      auto pref = value.find("preference");
      if (pref == value.end() || !pref->is_number_unsigned() || pref->get<std::uint64_t>() > 65535) {
        error = "\"preference\" must be a number from 0 to 65535";
        return false;
      }
      out.preference = static_cast<std::uint16_t>(pref->get<std::uint64_t>());
      return json_detail::read_name(value, "exchange", out.data, error);
    }
    case RecordType::A:
    case RecordType::AAAA: {
      auto it = value.find("data");
      if (it == value.end() || !it->is_string()) {
        error = "\"data\" must be a string";
        return false;
      }
      auto ip = IpAddress::parse(it->get_ref<const std::string&>());
      if (!ip || ip->is_v6 != (*type == RecordType::AAAA)) {
        error = "\"" + it->get_ref<const std::string&>() + "\" is not an " +
                std::string(to_string(*type) == "A" ? "IPv4" : "IPv6") + " address";
        return false;
      }
      out.data = ip->to_string();
      return true;
    }
    case RecordType::PTR:
    case RecordType::CNAME:
      return json_detail::read_name(value, "data", out.data, error);
  }
  error = "unsupported record type";
  return false;
}

MAILDIAG_FUNC std::string add_answers_from_json(std::string_view json_text, Cache& cache) {
  auto doc = nlohmann::json::parse(json_text.begin(), json_text.end(), nullptr, false);
  if (doc.is_discarded()) return "answers: not valid JSON";
  if (!doc.is_array()) return "answers: expected an array";
  for (std::size_t i = 0; i < doc.size(); ++i) {
    const auto& item = doc[i];
    std::string where = "answers[" + std::to_string(i) + "]";
    if (!item.is_object()) return where + ": expected an object";
    Question q;
    std::string error;
    if (!json_detail::read_name(item, "name", q.name, error)) return where + ": " + error;
    auto type_it = item.find("type");
    std::optional<RecordType> type;
    if (type_it != item.end() && type_it->is_string())
      type = parse_record_type(type_it->get_ref<const std::string&>());
    else if (type_it != item.end() && type_it->is_number_unsigned())
      type = parse_record_type(std::to_string(type_it->get<std::uint64_t>()));
    if (!type) return where + ": \"type\" is missing or unknown";
    q.type = *type;
    auto kind_it = item.find("kind");
    std::optional<AnswerKind> kind;
    if (kind_it != item.end() && kind_it->is_string())
      kind = parse_answer_kind(kind_it->get_ref<const std::string&>());
    if (!kind) return where + ": \"kind\" is missing or unknown";
    Answer answer;
    answer.kind = *kind;
    auto err_it = item.find("error");
    if (err_it != item.end() && err_it->is_string()) answer.error = err_it->get<std::string>();
    auto recs = item.find("records");
    if (recs != item.end()) {
      if (!recs->is_array()) return where + ": \"records\" must be an array";
      for (std::size_t r = 0; r < recs->size(); ++r) {
        Record record;
        if (!record_from_json((*recs)[r], record, error))
          return where + ".records[" + std::to_string(r) + "]: " + error;
        answer.records.push_back(std::move(record));
      }
    }
    if (answer.kind == AnswerKind::records && answer.records.empty()) answer.kind = AnswerKind::nodata;
    cache.insert(q, std::move(answer));
  }
  return {};
}

}  // namespace dns
}  // namespace maildiag
