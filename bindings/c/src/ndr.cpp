#include "maildiag/c/ndr.h"

#include <memory>
#include <string>
#include <vector>

#include "guard.hpp"
#include "maildiag/json_text.hpp"
#include "maildiag/ndr/json.hpp"
#include "maildiag/ndr/parser.hpp"

struct maildiag_ndr_report {
  maildiag::ndr::Report report;
  std::string json;
  // The codes as text, one pair per recipient, for the borrowed accessors.
  std::vector<std::string> statuses;
  std::vector<std::string> inferred;
};

namespace {

const maildiag::ndr::Recipient* recipient_at(const maildiag_ndr_report* r, size_t index) {
  return r && index < r->report.recipients.size() ? &r->report.recipients[index] : nullptr;
}

}  // namespace

extern "C" {

int maildiag_ndr_parse(const char* message, size_t length, maildiag_ndr_report** out) {
  if (!out || (!message && length)) return MAILDIAG_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  return maildiag::c_api::guarded([&] {
    auto handle = std::make_unique<maildiag_ndr_report>();
    handle->report = maildiag::ndr::parse(std::string_view(message ? message : "", length));
    handle->json = maildiag::to_json_text(maildiag::ndr::to_json(handle->report));
    for (const auto& rc : handle->report.recipients) {
      handle->statuses.push_back(rc.status ? rc.status->to_string() : std::string());
      handle->inferred.push_back(rc.status_inferred ? rc.status_inferred->to_string() : std::string());
    }
    *out = handle.release();
    return MAILDIAG_OK;
  });
}

void maildiag_ndr_free(maildiag_ndr_report* report) { delete report; }

const char* maildiag_ndr_kind(const maildiag_ndr_report* r) {
  // to_string(Kind) returns views of string literals: NUL-terminated.
  return r ? maildiag::ndr::to_string(r->report.kind).data() : "";
}

const char* maildiag_ndr_format(const maildiag_ndr_report* r) { return r ? r->report.format.c_str() : ""; }

int maildiag_ndr_partial(const maildiag_ndr_report* r) { return r && r->report.partial; }

size_t maildiag_ndr_recipient_count(const maildiag_ndr_report* r) {
  return r ? r->report.recipients.size() : 0;
}

const char* maildiag_ndr_recipient_address(const maildiag_ndr_report* r, size_t index) {
  const auto* rc = recipient_at(r, index);
  return rc ? rc->address.c_str() : "";
}

const char* maildiag_ndr_recipient_status(const maildiag_ndr_report* r, size_t index) {
  return recipient_at(r, index) ? r->statuses[index].c_str() : "";
}

const char* maildiag_ndr_recipient_status_inferred(const maildiag_ndr_report* r, size_t index) {
  return recipient_at(r, index) ? r->inferred[index].c_str() : "";
}

int maildiag_ndr_recipient_reply_code(const maildiag_ndr_report* r, size_t index) {
  const auto* rc = recipient_at(r, index);
  return rc && rc->reply_code ? *rc->reply_code : 0;
}

const char* maildiag_ndr_recipient_entry_id(const maildiag_ndr_report* r, size_t index) {
  const auto* rc = recipient_at(r, index);
  // Entry ids are string literals of the compiled knowledge base: NUL-terminated.
  return rc && rc->diagnosis && rc->diagnosis->entry ? rc->diagnosis->entry->id.data() : "";
}

const char* maildiag_ndr_recipient_confidence(const maildiag_ndr_report* r, size_t index) {
  const auto* rc = recipient_at(r, index);
  return rc && rc->diagnosis ? maildiag::kb::to_string(rc->diagnosis->confidence).data() : "";
}

const char* maildiag_ndr_recipient_reason(const maildiag_ndr_report* r, size_t index) {
  const auto* rc = recipient_at(r, index);
  // Reason names are string literals: NUL-terminated.
  return rc ? maildiag::ndr::to_string(rc->reason).data() : "";
}

int maildiag_ndr_recipient_hard_bounce(const maildiag_ndr_report* r, size_t index) {
  const auto* rc = recipient_at(r, index);
  return rc && rc->hard_bounce;
}

const char* maildiag_ndr_json(const maildiag_ndr_report* r) { return r ? r->json.c_str() : "{}"; }

}  // extern "C"
