/* The whole-domain mail audit in the C API, with DNS answers from a JSON zone (the format of
 * `--zone`). The JSON is the document `maildiag domain --json` prints. */
#ifndef MAILDIAG_C_DOMAIN_H
#define MAILDIAG_C_DOMAIN_H

#include "maildiag/c/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The audit of one domain. Borrowed strings from it live until maildiag_domain_audit_free. */
typedef struct maildiag_domain_audit maildiag_domain_audit;

/* Audits `domain` against the zone. `selectors` holds `selector_count` DKIM selectors with their
 * lengths (none: the common selectors are tried). MAILDIAG_ERROR_PARSE for an unreadable zone. */
MAILDIAG_API int maildiag_domain_audit_zone(const char* zone_json, size_t zone_length,
                                            const char* domain, size_t domain_length,
                                            const char* const* selectors,
                                            const size_t* selector_lengths, size_t selector_count,
                                            maildiag_domain_audit** out);
MAILDIAG_API void maildiag_domain_audit_free(maildiag_domain_audit* audit);
/* Number of findings of severity "error". */
MAILDIAG_API size_t maildiag_domain_audit_error_count(const maildiag_domain_audit* audit);
/* The audit as JSON (severity-ordered findings with fixes and records to publish). Borrowed. */
MAILDIAG_API const char* maildiag_domain_audit_json(const maildiag_domain_audit* audit);

#ifdef __cplusplus
}
#endif

#endif /* MAILDIAG_C_DOMAIN_H */
