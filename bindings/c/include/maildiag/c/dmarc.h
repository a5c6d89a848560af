/* DMARC in the C API: record validation (offline) and message verdicts over a JSON zone.
 *
 * The JSON documents returned are the same ones `maildiag dmarc check --json` and
 * `maildiag dmarc eval --json` print. */
#ifndef MAILDIAG_C_DMARC_H
#define MAILDIAG_C_DMARC_H

#include "maildiag/c/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A validated DMARC record. Borrowed strings from it live until maildiag_dmarc_record_free. */
typedef struct maildiag_dmarc_record maildiag_dmarc_record;

/* Parses and validates record[0..length), the text of one TXT record at _dmarc.<domain>, bare or
 * quoted and split into strings as DNS tools show it (joined, with a txt.quotes_removed finding). */
MAILDIAG_API int maildiag_dmarc_check(const char* record, size_t length,
                                      maildiag_dmarc_record** out);
MAILDIAG_API void maildiag_dmarc_record_free(maildiag_dmarc_record* record);
/* 1 when the text is a DMARC record (starts with v=DMARC1), else 0. */
MAILDIAG_API int maildiag_dmarc_record_is_dmarc(const maildiag_dmarc_record* record);
/* 1 when it is a DMARC record without error-level findings, else 0 (lint: a record with
 * errors can still be in effect). */
MAILDIAG_API int maildiag_dmarc_record_valid(const maildiag_dmarc_record* record);
/* 1 when receivers apply the record (RFC 9989: they ignore the faulty parts), else 0. */
MAILDIAG_API int maildiag_dmarc_record_in_effect(const maildiag_dmarc_record* record);
/* The policy receivers apply to the domain: "none", "quarantine" or "reject" (none when p is
 * absent, when an invalid p, sp or np makes them fall back, or when the record is not in
 * effect). Static. */
MAILDIAG_API const char* maildiag_dmarc_record_policy(const maildiag_dmarc_record* record);
/* Number of findings; their details are in the JSON. */
MAILDIAG_API size_t maildiag_dmarc_record_finding_count(const maildiag_dmarc_record* record);
/* The record as JSON (in_effect, summary, effective policy, tags with spans, report URIs,
 * findings). Borrowed. */
MAILDIAG_API const char* maildiag_dmarc_record_json(const maildiag_dmarc_record* record);

/* The DMARC verdict for one message. Borrowed strings live until maildiag_dmarc_verdict_free. */
typedef struct maildiag_dmarc_verdict maildiag_dmarc_verdict;

/* Evaluates a message with DNS answers taken from a JSON zone (the format of `--zone`).
 * `spf` is "DOMAIN:RESULT" for the MAIL FROM domain (may be NULL with length 0); `dkim` holds
 * `dkim_count` strings "DOMAIN:RESULT" with their lengths in `dkim_lengths`.
 * Returns MAILDIAG_ERROR_PARSE for an unreadable zone or a malformed DOMAIN:RESULT. */
MAILDIAG_API int maildiag_dmarc_evaluate_zone(const char* zone_json, size_t zone_length,
                                              const char* from_domain, size_t from_length,
                                              const char* spf, size_t spf_length,
                                              const char* const* dkim, const size_t* dkim_lengths,
                                              size_t dkim_count, maildiag_dmarc_verdict** out);
MAILDIAG_API void maildiag_dmarc_verdict_free(maildiag_dmarc_verdict* verdict);
/* "pass", "fail", "none", "temperror" or "permerror". Static. */
MAILDIAG_API const char* maildiag_dmarc_verdict_result(const maildiag_dmarc_verdict* verdict);
/* The policy to apply: "none", "quarantine" or "reject". Static. */
MAILDIAG_API const char* maildiag_dmarc_verdict_policy(const maildiag_dmarc_verdict* verdict);
/* The verdict as JSON (result, policy, policy_domain, spf_aligned, dkim_aligned, spf_alignment,
 * dkim_alignment, steps). Borrowed. */
MAILDIAG_API const char* maildiag_dmarc_verdict_json(const maildiag_dmarc_verdict* verdict);

/* Which DMARC record applies to `domain` (RFC 9989 tree walk and RFC 7489 PSL), its findings and
 * report destinations, with DNS answers from a JSON zone. `*json_out` receives a NUL-terminated
 * JSON document (the one `maildiag dmarc audit --json` prints), released with
 * maildiag_string_free. MAILDIAG_ERROR_PARSE for an unreadable zone. */
MAILDIAG_API int maildiag_dmarc_audit_zone_json(const char* zone_json, size_t zone_length,
                                                const char* domain, size_t domain_length,
                                                char** json_out);
/* Deprecated: the same as maildiag_string_free, kept for programs written against 0.1. */
MAILDIAG_API void maildiag_dmarc_string_free(char* text);

#ifdef __cplusplus
}
#endif

#endif /* MAILDIAG_C_DMARC_H */
