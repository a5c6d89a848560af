#pragma once

#include "maildiag/finding_json.hpp"
#include "maildiag/kb/json.hpp"
#include "maildiag/ndr/json.hpp"

namespace maildiag {
namespace ndr {

MAILDIAG_FUNC nlohmann::json to_json(const Recipient& r) {
  auto code = [](const std::optional<EnhancedStatus>& s) {
    return s ? nlohmann::json(s->to_string()) : nlohmann::json();
  };
  nlohmann::json j;
  j["address"] = r.address;
  j["action"] = to_string(r.action);
  j["status"] = code(r.status);
  j["status_inferred"] = code(r.status_inferred);
  j["reply_code"] = r.reply_code ? nlohmann::json(*r.reply_code) : nlohmann::json();
  j["diagnostic"] = r.diagnostic;
  j["remote_mta"] = r.remote_mta;
  j["smtp_command"] = r.smtp_command;
  j["reason"] = to_string(r.reason);
  j["hard_bounce"] = r.hard_bounce;
  j["feedback_type"] = r.feedback_type;
  j["diagnosis"] = r.diagnosis ? kb::diagnosis_json(*r.diagnosis) : nlohmann::json();
  return j;
}

MAILDIAG_FUNC nlohmann::json to_json(const Report& report) {
  nlohmann::json j;
  j["source"] = report.source;
  j["kind"] = std::string(to_string(report.kind));
  j["format"] = report.format;
  j["reporting_mta"] = report.reporting_mta;
  j["arrival_date"] = report.arrival_date;
  j["original"] = {{"message_id", report.original.message_id},
                   {"from", report.original.from},
                   {"to", report.original.to},
                   {"subject", report.original.subject}};
  nlohmann::json recipients = nlohmann::json::array();
  for (const auto& r : report.recipients) recipients.push_back(to_json(r));
  j["recipients"] = std::move(recipients);
  j["partial"] = report.partial;
  j["findings"] = findings_json(report.findings);
  return j;
}

MAILDIAG_FUNC nlohmann::json to_json(const std::vector<Report>& reports) {
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& r : reports) messages.push_back(to_json(r));
  return nlohmann::json{{"messages", std::move(messages)}};
}

}  // namespace ndr
}  // namespace maildiag
