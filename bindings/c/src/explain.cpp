#include "maildiag/c/explain.h"

#include <memory>
#include <string>

#include "guard.hpp"
#include "maildiag/explain.hpp"
#include "maildiag/explain_json.hpp"
#include "maildiag/json_text.hpp"
#include "maildiag/kb/entry.hpp"

struct maildiag_explanation {
  std::string text;  // owned copy: the Explanation borrows from it
  maildiag::Explanation result;
  std::string status;
  std::string json;
};

extern "C" {

int maildiag_explain(const char* text, size_t length, const char* provider, size_t provider_length,
                     maildiag_explanation** out) {
  if (!out || (!text && length) || (!provider && provider_length)) return MAILDIAG_ERROR_INVALID_ARGUMENT;
  *out = nullptr;
  return maildiag::c_api::guarded([&] {
    const std::string_view hint(provider ? provider : "", provider_length);
    if (!hint.empty() && !maildiag::kb::find_provider(hint)) return MAILDIAG_ERROR_INVALID_ARGUMENT;
    auto handle = std::make_unique<maildiag_explanation>();
    handle->text.assign(text ? text : "", length);
    handle->result = maildiag::explain(handle->text, hint);
    if (handle->result.status) handle->status = handle->result.status->to_string();
    handle->json = maildiag::to_json_text(maildiag::to_json(handle->result));
    *out = handle.release();
    return MAILDIAG_OK;
  });
}

void maildiag_explanation_free(maildiag_explanation* explanation) { delete explanation; }

int maildiag_explanation_found(const maildiag_explanation* e) { return e && e->result.found(); }

int maildiag_explanation_reply_code(const maildiag_explanation* e) {
  return e && e->result.reply_code ? *e->result.reply_code : 0;
}

const char* maildiag_explanation_status(const maildiag_explanation* e) {
  return e ? e->status.c_str() : "";
}

const char* maildiag_explanation_class(const maildiag_explanation* e) {
  // to_string(StatusClass) returns views of string literals, so .data() is NUL-terminated.
  return e && e->result.klass ? maildiag::to_string(*e->result.klass).data() : "";
}

const char* maildiag_explanation_subject(const maildiag_explanation* e) {
  return e && e->result.status ? maildiag::subject_meaning(e->result.status->subject).data() : "";
}

int maildiag_explanation_permanent(const maildiag_explanation* e) { return e && e->result.permanent(); }

const char* maildiag_explanation_json(const maildiag_explanation* e) { return e ? e->json.c_str() : "{}"; }

// The knowledge base's strings are string literals compiled into the library, so their views are
// NUL-terminated and live as long as the program.
static const maildiag::kb::Entry* entry_of(const maildiag_explanation* e) {
  return e ? e->result.diagnosis.entry : nullptr;
}

const char* maildiag_explanation_entry_id(const maildiag_explanation* e) {
  const auto* entry = entry_of(e);
  return entry ? entry->id.data() : "";
}

const char* maildiag_explanation_entry_title(const maildiag_explanation* e) {
  const auto* entry = entry_of(e);
  return entry ? entry->title.data() : "";
}

const char* maildiag_explanation_entry_category(const maildiag_explanation* e) {
  const auto* entry = entry_of(e);
  return entry ? maildiag::kb::to_string(entry->category).data() : "";
}

const char* maildiag_explanation_provider(const maildiag_explanation* e) {
  return e && e->result.diagnosis.provider ? e->result.diagnosis.provider->id.data() : "";
}

const char* maildiag_explanation_specificity(const maildiag_explanation* e) {
  return entry_of(e) ? maildiag::kb::to_string(e->result.diagnosis.specificity).data() : "";
}

const char* maildiag_explanation_reason(const maildiag_explanation* e) {
  return entry_of(e) ? maildiag::to_string(e->result.diagnosis.reason).data() : "";
}

const char* maildiag_explanation_confidence(const maildiag_explanation* e) {
  return entry_of(e) ? maildiag::kb::to_string(e->result.diagnosis.confidence).data() : "";
}

}  // extern "C"
