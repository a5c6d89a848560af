#include "maildiag/c/domain.h"

#include <memory>
#include <string>
#include <vector>

#include "arguments.hpp"
#include "guard.hpp"
#include "zone.hpp"
#include "maildiag/dns/resolver.hpp"
#include "maildiag/dns/zone.hpp"
#include "maildiag/domain_audit.hpp"
#include "maildiag/domain_audit_json.hpp"
#include "maildiag/json_text.hpp"

struct maildiag_domain_audit {
  maildiag::DomainAudit result;
  std::string json;
};

extern "C" {

int maildiag_domain_audit_zone(const char* zone_json, size_t zone_length, const char* domain,
                               size_t domain_length, const char* const* selectors,
                               const size_t* selector_lengths, size_t selector_count,
                               maildiag_domain_audit** out) {
  if (!out || (!zone_json && zone_length) || (!domain && domain_length) ||
      (selector_count && (!selectors || !selector_lengths)))
    return MAILDIAG_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  return maildiag::c_api::guarded([&] {
    std::vector<std::string> sels;
    if (!maildiag::c_api::copy_strings(selectors, selector_lengths, selector_count, sels))
      return int(MAILDIAG_ERROR_INVALID_ARGUMENT);
    const auto checked = maildiag::c_api::checked_domain(domain, domain_length);
    if (!checked) return int(MAILDIAG_ERROR_INVALID_ARGUMENT);
    const std::string& name = *checked;
    auto result = maildiag::c_api::evaluate_on_zone(
        maildiag::c_api::view(zone_json, zone_length),
        [&](const maildiag::dns::Cache& c) { return maildiag::audit_domain(name, sels, c); });
    if (!result) return int(MAILDIAG_ERROR_PARSE);
    auto handle = std::make_unique<maildiag_domain_audit>();
    handle->result = std::move(*result);
    handle->json = maildiag::to_json_text(maildiag::to_json(handle->result));
    *out = handle.release();
    return int(MAILDIAG_OK);
  });
}

void maildiag_domain_audit_free(maildiag_domain_audit* audit) { delete audit; }

size_t maildiag_domain_audit_error_count(const maildiag_domain_audit* a) {
  return a ? a->result.count(maildiag::Severity::error) : 0;
}

const char* maildiag_domain_audit_json(const maildiag_domain_audit* a) { return a ? a->json.c_str() : "{}"; }

}  // extern "C"
