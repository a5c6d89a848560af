/* SPF from C: offline record validation, RFC 7208 check_host() and the include-tree audit.
 *
 * DNS is sans-IO here too. Give the answers either as a whole static zone (the JSON zone format
 * of docs/dns.md), or step by step: call the *_answers function with the answers you have (a
 * JSON array, docs/dns.md); when the result's JSON lists "pending" questions, resolve them,
 * append the answers and call again. */
#ifndef MAILDIAG_C_SPF_H
#define MAILDIAG_C_SPF_H

#include "maildiag/c/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Validation of one record, offline. ---- */
typedef struct maildiag_spf_check maildiag_spf_check;

/* Validates `record`, bare or quoted and split into strings as DNS tools show TXT records (the
 * strings are joined, with a txt.quotes_removed finding); *out receives a handle to free with
 * maildiag_spf_check_free. */
MAILDIAG_API int maildiag_spf_check_record(const char* record, size_t length, maildiag_spf_check** out);
MAILDIAG_API void maildiag_spf_check_free(maildiag_spf_check* check);
/* 1 when a finding has severity error, else 0. */
MAILDIAG_API int maildiag_spf_check_has_errors(const maildiag_spf_check* check);
/* Number of findings. */
MAILDIAG_API size_t maildiag_spf_check_finding_count(const maildiag_spf_check* check);
/* The stable code of finding `index` ("spf.pass_all"), "" when out of range. Borrowed. */
MAILDIAG_API const char* maildiag_spf_check_finding_code(const maildiag_spf_check* check, size_t index);
/* The whole result as JSON (the `maildiag spf check --json` document). Borrowed. */
MAILDIAG_API const char* maildiag_spf_check_json(const maildiag_spf_check* check);

/* ---- check_host(). ---- */
typedef struct maildiag_spf_evaluation maildiag_spf_evaluation;

/* Evaluates with every answer taken from a JSON zone. MAILDIAG_ERROR_PARSE for a bad zone. */
MAILDIAG_API int maildiag_spf_eval_zone(const char* ip, size_t ip_length, const char* mail_from,
                                        size_t mail_from_length, const char* helo, size_t helo_length,
                                        const char* zone_json, size_t zone_length,
                                        maildiag_spf_evaluation** out);
/* One step with the answers given so far (a JSON array; may be empty or "[]"). */
MAILDIAG_API int maildiag_spf_eval_answers(const char* ip, size_t ip_length, const char* mail_from,
                                           size_t mail_from_length, const char* helo, size_t helo_length,
                                           const char* answers_json, size_t answers_length,
                                           maildiag_spf_evaluation** out);
MAILDIAG_API void maildiag_spf_evaluation_free(maildiag_spf_evaluation* evaluation);
/* "none", "neutral", "pass", "fail", "softfail", "temperror" or "permerror". Static string. */
MAILDIAG_API const char* maildiag_spf_evaluation_result(const maildiag_spf_evaluation* evaluation);
/* Number of questions still to answer: 0 when the result is final. */
MAILDIAG_API size_t maildiag_spf_evaluation_pending_count(const maildiag_spf_evaluation* evaluation);
/* The `maildiag spf eval --json` document (result, explanation, matched_term, trace, pending...). */
MAILDIAG_API const char* maildiag_spf_evaluation_json(const maildiag_spf_evaluation* evaluation);

/* ---- Audit of a domain's include tree. ---- */
typedef struct maildiag_spf_audit maildiag_spf_audit;

MAILDIAG_API int maildiag_spf_audit_zone(const char* domain, size_t domain_length, const char* zone_json,
                                         size_t zone_length, maildiag_spf_audit** out);
MAILDIAG_API int maildiag_spf_audit_answers(const char* domain, size_t domain_length,
                                            const char* answers_json, size_t answers_length,
                                            maildiag_spf_audit** out);
MAILDIAG_API void maildiag_spf_audit_free(maildiag_spf_audit* audit);
/* The lookup count of the whole tree (the limit is 10). */
MAILDIAG_API size_t maildiag_spf_audit_total_lookups(const maildiag_spf_audit* audit);
MAILDIAG_API size_t maildiag_spf_audit_pending_count(const maildiag_spf_audit* audit);
/* The `maildiag spf audit --json` document. Borrowed. */
MAILDIAG_API const char* maildiag_spf_audit_json(const maildiag_spf_audit* audit);

#ifdef __cplusplus
}
#endif

#endif /* MAILDIAG_C_SPF_H */
