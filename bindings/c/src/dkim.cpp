#include "maildiag/c/dkim.h"

#include <memory>
#include <string>

#include "guard.hpp"
#include "maildiag/dkim/json.hpp"
#include "maildiag/dkim/key_record.hpp"

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
    handle->result = maildiag::dkim::parse_key_record(std::string_view(record ? record : "", length));
    handle->json = maildiag::dkim::to_json(handle->result)
                       .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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

}  // extern "C"
