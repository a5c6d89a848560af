// The JSON form of bounce reports: the one shape the CLI (--json, --jsonl), the C API and the
// WebAssembly module all print. Field names are a public contract.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "maildiag/config.hpp"
#include "maildiag/ndr/report.hpp"

namespace maildiag {
namespace ndr {

/// One recipient: {"address", "action", "status", "reply_code", "diagnostic", "remote_mta",
/// "smtp_command", "reason", "hard_bounce", "feedback_type", "diagnosis"}.
MAILDIAG_FUNC nlohmann::json to_json(const Recipient& recipient);
/// One message: {"source", "kind", "format", "reporting_mta", "arrival_date", "original",
/// "recipients", "partial", "findings"}.
MAILDIAG_FUNC nlohmann::json to_json(const Report& report);
/// Several messages: {"messages": [...]}.
MAILDIAG_FUNC nlohmann::json to_json(const std::vector<Report>& reports);

}  // namespace ndr
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/ndr/json-inl.hpp"
#endif
