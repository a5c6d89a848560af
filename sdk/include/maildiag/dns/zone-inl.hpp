#pragma once

#include <nlohmann/json.hpp>

#include "maildiag/dns/json.hpp"
#include "maildiag/dns/zone.hpp"

namespace maildiag {
namespace dns {
namespace zone_detail {

// Builds the DOM like nlohmann's own SAX parser but keeps the byte offset of a syntax error
// instead of throwing it away.
class PositionedParser : public nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
 public:
  explicit PositionedParser(nlohmann::json& root)
      : nlohmann::detail::json_sax_dom_parser<nlohmann::json>(root, false) {}

  template <class Exception>
  bool parse_error(std::size_t position, const std::string& /*last_token*/, const Exception& ex) {
    error_position = position;
    message = ex.what();
    failed = true;
    return false;
  }

  bool failed = false;
  std::size_t error_position = 0;
  std::string message;
};

}  // namespace zone_detail

MAILDIAG_FUNC Zone::ParseResult Zone::parse(std::string_view json_text) {
  ParseResult result;
  nlohmann::json doc;
  zone_detail::PositionedParser parser(doc);
  bool ok = nlohmann::json::sax_parse(json_text.begin(), json_text.end(), &parser);
  if (!ok || parser.failed) {
    // nlohmann's message names the byte too; keep only its reason after the last ": ".
    std::string reason = parser.message;
    auto colon = reason.rfind(": ");
    if (colon != std::string::npos) reason = reason.substr(colon + 2);
    result.error = "zone: JSON syntax error at byte " + std::to_string(parser.error_position) +
                   (reason.empty() ? "" : ": " + reason);
    return result;
  }
  if (!doc.is_object()) {
    result.error = "zone: the top level must be an object of owner names";
    return result;
  }
  Zone zone;
  for (auto it = doc.begin(); it != doc.end(); ++it) {
    std::string owner = normalize_name(it.key());
    std::string where = "zone: \"" + it.key() + "\"";
    if (!is_valid_name(owner)) {
      result.error = where + ": not a valid domain name";
      return result;
    }
    if (!it.value().is_array()) {
      result.error = where + ": expected an array of records";
      return result;
    }
    Node& node = zone.nodes_[owner];
    for (std::size_t i = 0; i < it.value().size(); ++i) {
      const auto& item = it.value()[i];
      std::string here = where + "[" + std::to_string(i) + "]";
      if (item.is_object()) {
        auto type = item.find("type");
        if (type != item.end() && type->is_string() && type->get_ref<const std::string&>() == "TIMEOUT") {
          node.timeout = true;
          continue;
        }
      }
      Record record;
      std::string error;
      if (!record_from_json(item, record, error)) {
        result.error = here + ": " + error;
        return result;
      }
      node.records.push_back(std::move(record));
    }
  }
  result.zone = std::move(zone);
  return result;
}

MAILDIAG_FUNC Answer Zone::lookup(const Question& question) const {
  std::string name = question.name;
  for (int hops = 0; hops <= 8; ++hops) {
    auto it = nodes_.find(name);
    if (it == nodes_.end()) return Answer::failure(AnswerKind::nxdomain, {});
    std::vector<Record> found;
    const Record* cname = nullptr;
    for (const auto& r : it->second.records) {
      if (r.type == question.type) found.push_back(r);
      if (r.type == RecordType::CNAME) cname = &r;
    }
    if (!found.empty()) return Answer::with_records(std::move(found));
    if (cname && question.type != RecordType::CNAME) {
      name = cname->data;
      continue;
    }
    if (it->second.timeout)
      return Answer::failure(AnswerKind::timeout, "no answer from the zone (TIMEOUT record)");
    return Answer::with_records({});
  }
  return Answer::failure(AnswerKind::error, "CNAME chain longer than 8 or looping");
}

MAILDIAG_FUNC void Zone::set_records(std::string_view name, RecordType type,
                                     std::vector<Record> records) {
  Node& node = nodes_[normalize_name(name)];
  std::vector<Record> kept;
  for (auto& r : node.records)
    if (r.type != type) kept.push_back(std::move(r));
  for (auto& r : records) {
    r.type = type;
    kept.push_back(std::move(r));
  }
  node.records = std::move(kept);
}

MAILDIAG_FUNC std::vector<Answer> Zone::resolve(const std::vector<Question>& questions) {
  std::vector<Answer> answers;
  answers.reserve(questions.size());
  for (const auto& q : questions) answers.push_back(lookup(q));
  return answers;
}

}  // namespace dns
}  // namespace maildiag
