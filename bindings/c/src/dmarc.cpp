#include "maildiag/c/dmarc.h"

#include <memory>
#include <string>

#include "arguments.hpp"
#include "guard.hpp"
#include "zone.hpp"
#include "owned_string.hpp"
#include "maildiag/dmarc/audit.hpp"
#include "maildiag/dmarc/effect.hpp"
#include "maildiag/dmarc/json.hpp"
#include "maildiag/dmarc/record.hpp"
#include "maildiag/dmarc/verdict.hpp"
#include "maildiag/dns/resolver.hpp"
#include "maildiag/dns/zone.hpp"
#include "maildiag/json_text.hpp"

struct maildiag_dmarc_record {
  maildiag::dmarc::Record result;
  std::string json;
};

struct maildiag_dmarc_verdict {
  maildiag::dmarc::Verdict result;
  std::string json;
};

extern "C" {

int maildiag_dmarc_check(const char* record, size_t length, maildiag_dmarc_record** out) {
  if (!out || (!record && length)) return MAILDIAG_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  return maildiag::c_api::guarded([&] {
    auto handle = std::make_unique<maildiag_dmarc_record>();
    handle->result = maildiag::dmarc::parse_pasted_record(std::string_view(record ? record : "", length));
    handle->json = maildiag::to_json_text(maildiag::dmarc::to_json(handle->result));
    *out = handle.release();
    return MAILDIAG_OK;
  });
}

void maildiag_dmarc_record_free(maildiag_dmarc_record* record) { delete record; }

int maildiag_dmarc_record_is_dmarc(const maildiag_dmarc_record* r) { return r && r->result.is_dmarc; }

int maildiag_dmarc_record_valid(const maildiag_dmarc_record* r) { return r && r->result.valid(); }

int maildiag_dmarc_record_in_effect(const maildiag_dmarc_record* r) {
  return r && maildiag::dmarc::effect_of(r->result).in_effect;
}

const char* maildiag_dmarc_record_policy(const maildiag_dmarc_record* r) {
  // to_string(Policy) returns views of string literals, so .data() is NUL-terminated.
  return r ? maildiag::dmarc::to_string(maildiag::dmarc::effect_of(r->result).p).data() : "none";
}

size_t maildiag_dmarc_record_finding_count(const maildiag_dmarc_record* r) {
  return r ? r->result.findings.size() : 0;
}

const char* maildiag_dmarc_record_json(const maildiag_dmarc_record* r) { return r ? r->json.c_str() : "{}"; }

int maildiag_dmarc_evaluate_zone(const char* zone_json, size_t zone_length, const char* from_domain,
                                 size_t from_length, const char* spf, size_t spf_length,
                                 const char* const* dkim, const size_t* dkim_lengths,
                                 size_t dkim_count, maildiag_dmarc_verdict** out) {
  if (!out || (!zone_json && zone_length) || (!from_domain && from_length) || (!spf && spf_length) ||
      (dkim_count && (!dkim || !dkim_lengths)))
    return MAILDIAG_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  return maildiag::c_api::guarded([&] {
    namespace dmarc = maildiag::dmarc;
    dmarc::VerdictInput input;
    auto from = maildiag::c_api::checked_domain(from_domain, from_length);
    if (!from) return int(MAILDIAG_ERROR_INVALID_ARGUMENT);
    input.from_domain = std::move(*from);
    if (spf_length) {
      input.spf = dmarc::parse_auth_result(std::string_view(spf, spf_length));
      if (!input.spf) return int(MAILDIAG_ERROR_PARSE);
    }
    for (size_t i = 0; i < dkim_count; ++i) {
      if (!dkim[i] && dkim_lengths[i]) return int(MAILDIAG_ERROR_INVALID_ARGUMENT);
      auto r = dmarc::parse_auth_result(std::string_view(dkim[i] ? dkim[i] : "", dkim_lengths[i]));
      if (!r) return int(MAILDIAG_ERROR_PARSE);
      input.dkim.push_back(std::move(*r));
    }
    auto result = maildiag::c_api::evaluate_on_zone(
        maildiag::c_api::view(zone_json, zone_length),
        [&](const maildiag::dns::Cache& c) { return dmarc::evaluate(input, c); });
    if (!result) return int(MAILDIAG_ERROR_PARSE);
    auto handle = std::make_unique<maildiag_dmarc_verdict>();
    handle->result = std::move(*result);
    handle->json = maildiag::to_json_text(dmarc::to_json(handle->result));
    *out = handle.release();
    return int(MAILDIAG_OK);
  });
}

void maildiag_dmarc_verdict_free(maildiag_dmarc_verdict* verdict) { delete verdict; }

const char* maildiag_dmarc_verdict_result(const maildiag_dmarc_verdict* v) {
  return v ? maildiag::dmarc::to_string(v->result.result).data() : "none";
}

const char* maildiag_dmarc_verdict_policy(const maildiag_dmarc_verdict* v) {
  return v ? maildiag::dmarc::to_string(v->result.policy).data() : "none";
}

const char* maildiag_dmarc_verdict_json(const maildiag_dmarc_verdict* v) { return v ? v->json.c_str() : "{}"; }

int maildiag_dmarc_audit_zone_json(const char* zone_json, size_t zone_length, const char* domain,
                                   size_t domain_length, char** json_out) {
  if (!json_out || (!zone_json && zone_length) || (!domain && domain_length))
    return MAILDIAG_ERROR_INVALID_ARGUMENT;
  *json_out = nullptr;
  return maildiag::c_api::guarded([&] {
    const auto checked = maildiag::c_api::checked_domain(domain, domain_length);
    if (!checked) return int(MAILDIAG_ERROR_INVALID_ARGUMENT);
    const std::string& name = *checked;
    auto a = maildiag::c_api::evaluate_on_zone(
        maildiag::c_api::view(zone_json, zone_length),
        [&](const maildiag::dns::Cache& c) { return maildiag::dmarc::audit(name, c); });
    if (!a) return int(MAILDIAG_ERROR_PARSE);
    return maildiag::c_api::copy_out(
        maildiag::to_json_text(maildiag::dmarc::to_json(*a)), json_out);
  });
}

void maildiag_dmarc_string_free(char* text) { maildiag_string_free(text); }

}  // extern "C"
