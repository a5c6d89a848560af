/* DKIM key records in the C API (offline validation). The JSON is the document
 * `maildiag dkim check --json` prints. */
#ifndef MAILDIAG_C_DKIM_H
#define MAILDIAG_C_DKIM_H

#include "maildiag/c/common.h"
#include "maildiag/c/dmarc.h"

#ifdef __cplusplus
extern "C" {
#endif

/* A validated key record. Borrowed strings from it live until maildiag_dkim_key_free. */
typedef struct maildiag_dkim_key maildiag_dkim_key;

/* Parses and validates record[0..length), the text at <selector>._domainkey.<domain>, bare or
 * quoted and split into strings as DNS tools show it (joined, with a txt.quotes_removed finding). */
MAILDIAG_API int maildiag_dkim_check(const char* record, size_t length, maildiag_dkim_key** out);
MAILDIAG_API void maildiag_dkim_key_free(maildiag_dkim_key* key);
/* 1 when the key can verify signatures (present, readable, no error-level finding), else 0. */
MAILDIAG_API int maildiag_dkim_key_valid(const maildiag_dkim_key* key);
/* The key size in bits (RSA modulus, 256 for ed25519), 0 when unknown. */
MAILDIAG_API int maildiag_dkim_key_bits(const maildiag_dkim_key* key);
/* The key type from k= ("rsa" by default). Borrowed. */
MAILDIAG_API const char* maildiag_dkim_key_type(const maildiag_dkim_key* key);
/* The record as JSON (tags with spans, key type/format/bits, findings). Borrowed. */
MAILDIAG_API const char* maildiag_dkim_key_json(const maildiag_dkim_key* key);

/* Checks DKIM selectors of `domain` with DNS answers from a JSON zone; `selectors` holds
 * `selector_count` names with their lengths (none: the common selectors, Microsoft 365's first).
 * `*json_out` receives the document `maildiag dkim audit --json` prints, released with
 * maildiag_string_free. MAILDIAG_ERROR_PARSE for an unreadable zone. */
MAILDIAG_API int maildiag_dkim_audit_zone_json(const char* zone_json, size_t zone_length,
                                               const char* domain, size_t domain_length,
                                               const char* const* selectors,
                                               const size_t* selector_lengths,
                                               size_t selector_count, char** json_out);

#ifdef __cplusplus
}
#endif

#endif /* MAILDIAG_C_DKIM_H */
