#include "maildiag/c/spf.h"

#include <memory>
#include <string>

#include "arguments.hpp"
#include "guard.hpp"
#include "zone.hpp"
#include "maildiag/dns/json.hpp"
#include "maildiag/dns/zone.hpp"
#include "maildiag/json_text.hpp"
#include "maildiag/spf/audit.hpp"
#include "maildiag/spf/check_host.hpp"
#include "maildiag/spf/json.hpp"
#include "maildiag/spf/validate.hpp"

struct maildiag_spf_check {
  maildiag::spf::Validation result;
  std::string json;
};

struct maildiag_spf_evaluation {
  maildiag::spf::Evaluation result;
  std::string json;
};

struct maildiag_spf_audit {
  maildiag::spf::Audit result;
  std::string json;
};

namespace {

std::string text(const char* data, size_t length) { return std::string(data ? data : "", length); }

bool bad(const char* data, size_t length) { return !data && length; }

maildiag::spf::Request request(const char* ip, size_t ip_length, const char* mail_from, size_t mail_from_length,
                               const char* helo, size_t helo_length) {
  maildiag::spf::Request r;
  r.ip = text(ip, ip_length);
  r.mail_from = text(mail_from, mail_from_length);
  r.helo = text(helo, helo_length);
  return r;
}

// Fills a cache from the answers JSON; false when it cannot be read.
bool fill(maildiag::dns::Cache& cache, const char* answers, size_t length) {
  if (length == 0) return true;
  return maildiag::dns::add_answers_from_json(std::string_view(answers, length), cache).empty();
}

}  // namespace

extern "C" {

int maildiag_spf_check_record(const char* record, size_t length, maildiag_spf_check** out) {
  if (!out || bad(record, length)) return MAILDIAG_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  return maildiag::c_api::guarded([&] {
    auto handle = std::make_unique<maildiag_spf_check>();
    handle->result = maildiag::spf::validate_pasted(std::string_view(record ? record : "", length));
    handle->json = maildiag::to_json_text(maildiag::spf::to_json(handle->result));
    *out = handle.release();
    return MAILDIAG_OK;
  });
}

void maildiag_spf_check_free(maildiag_spf_check* check) { delete check; }

int maildiag_spf_check_has_errors(const maildiag_spf_check* check) { return check && check->result.has_errors(); }

size_t maildiag_spf_check_finding_count(const maildiag_spf_check* check) {
  return check ? check->result.findings.size() : 0;
}

const char* maildiag_spf_check_finding_code(const maildiag_spf_check* check, size_t index) {
  if (!check || index >= check->result.findings.size()) return "";
  return check->result.findings[index].code.c_str();
}

const char* maildiag_spf_check_json(const maildiag_spf_check* check) { return check ? check->json.c_str() : "{}"; }

int maildiag_spf_eval_zone(const char* ip, size_t ip_length, const char* mail_from, size_t mail_from_length,
                           const char* helo, size_t helo_length, const char* zone_json, size_t zone_length,
                           maildiag_spf_evaluation** out) {
  if (!out || bad(ip, ip_length) || bad(mail_from, mail_from_length) || bad(helo, helo_length) ||
      bad(zone_json, zone_length))
    return MAILDIAG_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  return maildiag::c_api::guarded([&] {
    const auto req = request(ip, ip_length, mail_from, mail_from_length, helo, helo_length);
    if (maildiag::spf::check_request(req)) return MAILDIAG_ERROR_INVALID_ARGUMENT;
    auto result = maildiag::c_api::evaluate_on_zone(
        maildiag::c_api::view(zone_json, zone_length),
        [&](const maildiag::dns::Cache& c) { return maildiag::spf::check_host(req, c); });
    if (!result) return MAILDIAG_ERROR_PARSE;
    auto handle = std::make_unique<maildiag_spf_evaluation>();
    handle->result = std::move(*result);
    handle->json = maildiag::to_json_text(maildiag::spf::to_json(handle->result));
    *out = handle.release();
    return MAILDIAG_OK;
  });
}

int maildiag_spf_eval_answers(const char* ip, size_t ip_length, const char* mail_from, size_t mail_from_length,
                              const char* helo, size_t helo_length, const char* answers_json, size_t answers_length,
                              maildiag_spf_evaluation** out) {
  if (!out || bad(ip, ip_length) || bad(mail_from, mail_from_length) || bad(helo, helo_length) ||
      bad(answers_json, answers_length))
    return MAILDIAG_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  return maildiag::c_api::guarded([&] {
    maildiag::dns::Cache cache;
    if (!fill(cache, answers_json, answers_length)) return MAILDIAG_ERROR_PARSE;
    const auto req = request(ip, ip_length, mail_from, mail_from_length, helo, helo_length);
    if (maildiag::spf::check_request(req)) return MAILDIAG_ERROR_INVALID_ARGUMENT;
    auto handle = std::make_unique<maildiag_spf_evaluation>();
    handle->result = maildiag::spf::check_host(req, cache);
    handle->json = maildiag::to_json_text(maildiag::spf::to_json(handle->result));
    *out = handle.release();
    return MAILDIAG_OK;
  });
}

void maildiag_spf_evaluation_free(maildiag_spf_evaluation* evaluation) { delete evaluation; }

const char* maildiag_spf_evaluation_result(const maildiag_spf_evaluation* evaluation) {
  // to_string(Result) returns views of string literals, so .data() is NUL-terminated.
  return evaluation ? maildiag::spf::to_string(evaluation->result.result).data() : "";
}

size_t maildiag_spf_evaluation_pending_count(const maildiag_spf_evaluation* evaluation) {
  return evaluation ? evaluation->result.pending.size() : 0;
}

const char* maildiag_spf_evaluation_json(const maildiag_spf_evaluation* evaluation) {
  return evaluation ? evaluation->json.c_str() : "{}";
}

int maildiag_spf_audit_zone(const char* domain, size_t domain_length, const char* zone_json, size_t zone_length,
                            maildiag_spf_audit** out) {
  if (!out || bad(domain, domain_length) || bad(zone_json, zone_length)) return MAILDIAG_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  return maildiag::c_api::guarded([&] {
    const auto checked = maildiag::c_api::checked_domain(domain, domain_length);
    if (!checked) return MAILDIAG_ERROR_INVALID_ARGUMENT;
    const std::string& name = *checked;
    auto result = maildiag::c_api::evaluate_on_zone(
        maildiag::c_api::view(zone_json, zone_length),
        [&](const maildiag::dns::Cache& c) { return maildiag::spf::audit(name, c); });
    if (!result) return MAILDIAG_ERROR_PARSE;
    auto handle = std::make_unique<maildiag_spf_audit>();
    handle->result = std::move(*result);
    handle->json = maildiag::to_json_text(maildiag::spf::to_json(handle->result));
    *out = handle.release();
    return MAILDIAG_OK;
  });
}

int maildiag_spf_audit_answers(const char* domain, size_t domain_length, const char* answers_json,
                               size_t answers_length, maildiag_spf_audit** out) {
  if (!out || bad(domain, domain_length) || bad(answers_json, answers_length)) return MAILDIAG_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  return maildiag::c_api::guarded([&] {
    maildiag::dns::Cache cache;
    if (!fill(cache, answers_json, answers_length)) return MAILDIAG_ERROR_PARSE;
    const auto checked = maildiag::c_api::checked_domain(domain, domain_length);
    if (!checked) return MAILDIAG_ERROR_INVALID_ARGUMENT;
    auto handle = std::make_unique<maildiag_spf_audit>();
    handle->result = maildiag::spf::audit(*checked, cache);
    handle->json = maildiag::to_json_text(maildiag::spf::to_json(handle->result));
    *out = handle.release();
    return MAILDIAG_OK;
  });
}

void maildiag_spf_audit_free(maildiag_spf_audit* audit) { delete audit; }

size_t maildiag_spf_audit_total_lookups(const maildiag_spf_audit* audit) {
  return audit && audit->result.total_lookups > 0 ? static_cast<size_t>(audit->result.total_lookups) : 0;
}

size_t maildiag_spf_audit_pending_count(const maildiag_spf_audit* audit) {
  return audit ? audit->result.pending.size() : 0;
}

const char* maildiag_spf_audit_json(const maildiag_spf_audit* audit) { return audit ? audit->json.c_str() : "{}"; }

}  // extern "C"
