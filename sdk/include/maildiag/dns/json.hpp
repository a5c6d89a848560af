// JSON forms of the DNS model, shared by the zone file, the traces in results, and the answers
// the browser host feeds back into the WASM module.
//
// Record: {"type":"TXT","data":"..."} or "data":["part1","part2"]; {"type":"A","data":"192.0.2.1"};
// {"type":"MX","preference":10,"exchange":"mx.example.com"}; PTR and CNAME with "data".
// Question: {"name":"example.com","type":"TXT"}.
// Answer: {"kind":"records"|"nodata"|"nxdomain"|"timeout"|"error","records":[...],"error":"..."}.
// Outage: {"kind":"timeout"|"error","error":"...","failed_questions":3}, or null when DNS answered.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "maildiag/config.hpp"
#include "maildiag/dns/answer.hpp"
#include "maildiag/dns/cache.hpp"
#include "maildiag/dns/outage.hpp"

namespace maildiag {
namespace dns {

MAILDIAG_FUNC nlohmann::json to_json(const Record& record);
MAILDIAG_FUNC nlohmann::json to_json(const Question& question);
MAILDIAG_FUNC nlohmann::json to_json(const Answer& answer);
MAILDIAG_FUNC nlohmann::json to_json(const std::optional<Outage>& outage);

/// Reads one record; on failure returns false and says why in `error`. Never throws.
MAILDIAG_FUNC bool record_from_json(const nlohmann::json& value, Record& out, std::string& error);

/// Adds answers given as a JSON array of {"name","type","kind","records","error"} objects (the
/// browser host's reply) to the cache. Returns an empty string, or what is wrong and where.
MAILDIAG_FUNC std::string add_answers_from_json(std::string_view json_text, Cache& cache);

}  // namespace dns
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/dns/json-inl.hpp"
#endif
