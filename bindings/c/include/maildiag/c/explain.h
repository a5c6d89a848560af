/* Explaining status codes from text: maildiag_explain and its result handle. */
#ifndef MAILDIAG_C_EXPLAIN_H
#define MAILDIAG_C_EXPLAIN_H

#include "maildiag/c/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The explanation of one text. Borrowed strings from it live until maildiag_explanation_free. */
typedef struct maildiag_explanation maildiag_explanation;

/* Explains the codes found in text[0..length). `*out` receives a new handle on success.
 * `provider` (may be NULL with provider_length 0) names the provider when the caller knows it
 * ("microsoft", "outlook-com", "google", "yahoo", an alias such as "office365", ...); an unknown
 * name gives MAILDIAG_ERROR_INVALID_ARGUMENT. Empty: the provider is detected from the text. */
MAILDIAG_API int maildiag_explain(const char* text, size_t length, const char* provider,
                                  size_t provider_length, maildiag_explanation** out);

MAILDIAG_API void maildiag_explanation_free(maildiag_explanation* explanation);

/* 1 when the text carried a reply code or an enhanced status code, else 0. */
MAILDIAG_API int maildiag_explanation_found(const maildiag_explanation* explanation);

/* The SMTP reply code (e.g. 550), or 0 when the text has none. */
MAILDIAG_API int maildiag_explanation_reply_code(const maildiag_explanation* explanation);

/* The enhanced status code ("5.1.1"), or "" when the text has none. Borrowed. */
MAILDIAG_API const char* maildiag_explanation_status(const maildiag_explanation* explanation);

/* "success", "transient", "permanent", or "" when no code was found. Borrowed. */
MAILDIAG_API const char* maildiag_explanation_class(const maildiag_explanation* explanation);

/* RFC 3463's subject of the enhanced code ("Network and routing status"), or "". Borrowed. */
MAILDIAG_API const char* maildiag_explanation_subject(const maildiag_explanation* explanation);

/* 1 when retrying the same message will not help, 0 otherwise: the knowledge-base entry's
 * verdict where it overrides the class digit (550 4.4.7 is final), else the class. */
MAILDIAG_API int maildiag_explanation_permanent(const maildiag_explanation* explanation);

/* The whole explanation as JSON, the same document `maildiag explain --json` prints. Borrowed. */
MAILDIAG_API const char* maildiag_explanation_json(const maildiag_explanation* explanation);

/* The knowledge-base entry that best explains the text: its stable id ("ms.5.2.2-submission-quota"),
 * title and category ("sending-limit"), or "" when no entry applies. The JSON gives the rest
 * (meaning, causes, fixes, who acts, references, alternatives). Borrowed, valid for the program's
 * lifetime. */
MAILDIAG_API const char* maildiag_explanation_entry_id(const maildiag_explanation* explanation);
MAILDIAG_API const char* maildiag_explanation_entry_title(const maildiag_explanation* explanation);
MAILDIAG_API const char* maildiag_explanation_entry_category(const maildiag_explanation* explanation);

/* The provider id given or detected ("outlook-com"), or "" when unknown. Borrowed. */
MAILDIAG_API const char* maildiag_explanation_provider(const maildiag_explanation* explanation);

/* How the entry was chosen: "provider_text", "provider_code", "reason_wording",
 * "registry_code", "report_context" or "class_fallback"; "" without an entry. Borrowed. */
MAILDIAG_API const char* maildiag_explanation_specificity(const maildiag_explanation* explanation);

/* The bounce reason the entry stands for ("userunknown", "emailtoolarge", ...) and how sure the
 * diagnosis is ("high", "medium", "low"); "" without an entry. Borrowed. The evidence that chose
 * the entry is in the JSON. */
MAILDIAG_API const char* maildiag_explanation_reason(const maildiag_explanation* explanation);
MAILDIAG_API const char* maildiag_explanation_confidence(const maildiag_explanation* explanation);

#ifdef __cplusplus
}
#endif

#endif /* MAILDIAG_C_EXPLAIN_H */
