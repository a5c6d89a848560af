#include "maildiag/c/dkim.h"

#include <memory>
#include <vector>
#include <string>

#include "arguments.hpp"
#include "guard.hpp"
#include "zone.hpp"
#include "owned_string.hpp"
#include "maildiag/dkim/audit.hpp"
#include "maildiag/dkim/json.hpp"
#include "maildiag/dkim/key_record.hpp"
#include "maildiag/dns/resolver.hpp"
#include "maildiag/dns/zone.hpp"
#include "maildiag/json_text.hpp"

struct maildiag_dkim_key {
  maildiag::dkim::KeyRecord result;
  std::string json;
};

extern "C" {

int maildiag_dkim_check(const char* record, size_t length, maildiag_dkim_key** out) {
  if (!out || (!record && length)) return MAILDIAG_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  return maildiag::c_api::guarded([&] {
    auto handle = std::make_unique<maildiag_dkim_key>();
    handle->result = maildiag::dkim::parse_pasted_key_record(std::string_view(record ? record : "", length));
    handle->json = maildiag::to_json_text(maildiag::dkim::to_json(handle->result));
    *out = handle.release();
    return MAILDIAG_OK;
  });
}

void maildiag_dkim_key_free(maildiag_dkim_key* key) { delete key; }

int maildiag_dkim_key_valid(const maildiag_dkim_key* k) { return k && k->result.valid(); }

int maildiag_dkim_key_bits(const maildiag_dkim_key* k) {
  return k && k->result.key_bits ? static_cast<int>(*k->result.key_bits) : 0;
}

const char* maildiag_dkim_key_type(const maildiag_dkim_key* k) { return k ? k->result.key_type.c_str() : ""; }

const char* maildiag_dkim_key_json(const maildiag_dkim_key* k) { return k ? k->json.c_str() : "{}"; }

int maildiag_dkim_audit_zone_json(const char* zone_json, size_t zone_length, const char* domain,
                                  size_t domain_length, const char* const* selectors,
                                  const size_t* selector_lengths, size_t selector_count,
                                  char** json_out) {
  if (!json_out || (!zone_json && zone_length) || (!domain && domain_length) ||
      (selector_count && (!selectors || !selector_lengths)))
    return MAILDIAG_ERROR_INVALID_ARGUMENT;
  *json_out = nullptr;
  return maildiag::c_api::guarded([&] {
    std::vector<std::string> sels;
    if (!maildiag::c_api::copy_strings(selectors, selector_lengths, selector_count, sels))
      return int(MAILDIAG_ERROR_INVALID_ARGUMENT);
    const auto checked = maildiag::c_api::checked_domain(domain, domain_length);
    if (!checked) return int(MAILDIAG_ERROR_INVALID_ARGUMENT);
    const std::string& name = *checked;
    auto a = maildiag::c_api::evaluate_on_zone(
        maildiag::c_api::view(zone_json, zone_length),
        [&](const maildiag::dns::Cache& c) { return maildiag::dkim::audit(name, sels, c); });
    if (!a) return int(MAILDIAG_ERROR_PARSE);
    return maildiag::c_api::copy_out(
        maildiag::to_json_text(maildiag::dkim::to_json(*a)), json_out);
  });
}

}  // extern "C"
