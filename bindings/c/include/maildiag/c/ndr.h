/* Decoding bounces (non-delivery reports, delivery status notifications, feedback reports,
 * automatic replies): maildiag_ndr_parse and its report handle. */
#ifndef MAILDIAG_C_NDR_H
#define MAILDIAG_C_NDR_H

#include "maildiag/c/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The decoded report of one message. Borrowed strings from it live until maildiag_ndr_free. */
typedef struct maildiag_ndr_report maildiag_ndr_report;

/* Decodes message[0..length): a whole message (LF, CRLF or CR line endings) or a bounce's text
 * pasted without headers. `*out` receives a new handle on success. Input beyond the size limit
 * (32 MiB) is not read and the report is marked partial; any input gives a report. */
MAILDIAG_API int maildiag_ndr_parse(const char* message, size_t length, maildiag_ndr_report** out);

MAILDIAG_API void maildiag_ndr_free(maildiag_ndr_report* report);

/* "bounce", "delay", "feedback", "auto-reply", "delivered" or "not-a-report". Borrowed. */
MAILDIAG_API const char* maildiag_ndr_kind(const maildiag_ndr_report* report);

/* The layout decoded ("postfix", "office365", "rfc3464", ...), or "". Borrowed. */
MAILDIAG_API const char* maildiag_ndr_format(const maildiag_ndr_report* report);

/* 1 when a parsing limit was reached and the report may miss what lay beyond it, else 0. */
MAILDIAG_API int maildiag_ndr_partial(const maildiag_ndr_report* report);

/* The number of recipients the report names. */
MAILDIAG_API size_t maildiag_ndr_recipient_count(const maildiag_ndr_report* report);

/* Recipient `index` (from 0): its address; the enhanced status code the bounce gave ("5.1.1", or
 * "" when it gave none); the registered code maildiag infers when it gave none ("5.1.1" for an
 * unknown user; "" when a code was given or none can be inferred); the reason ("userunknown",
 * "mailboxfull", ...; the Sisimai v5 vocabulary, the same as the diagnosis entry's); the
 * diagnosis entry's id and its confidence ("high", "medium", "low"; "" without a diagnosis).
 * "" for an index out of range. Borrowed. */
MAILDIAG_API const char* maildiag_ndr_recipient_address(const maildiag_ndr_report* report, size_t index);
MAILDIAG_API const char* maildiag_ndr_recipient_status(const maildiag_ndr_report* report, size_t index);
MAILDIAG_API const char* maildiag_ndr_recipient_status_inferred(const maildiag_ndr_report* report, size_t index);
MAILDIAG_API const char* maildiag_ndr_recipient_reason(const maildiag_ndr_report* report, size_t index);
MAILDIAG_API const char* maildiag_ndr_recipient_entry_id(const maildiag_ndr_report* report, size_t index);
MAILDIAG_API const char* maildiag_ndr_recipient_confidence(const maildiag_ndr_report* report, size_t index);

/* Recipient `index`'s SMTP reply code (550), or 0 when the bounce gave none. */
MAILDIAG_API int maildiag_ndr_recipient_reply_code(const maildiag_ndr_report* report, size_t index);

/* 1 when retrying delivery to recipient `index` is pointless (hard bounce), else 0. */
MAILDIAG_API int maildiag_ndr_recipient_hard_bounce(const maildiag_ndr_report* report, size_t index);

/* The whole report as JSON: one element of the "messages" array `maildiag ndr --json` prints,
 * with every recipient's diagnostic, remote MTA, command, feedback type and diagnosis. Borrowed. */
MAILDIAG_API const char* maildiag_ndr_json(const maildiag_ndr_report* report);

#ifdef __cplusplus
}
#endif

#endif /* MAILDIAG_C_NDR_H */
