/* maildiag C API: why an email was not delivered, and what to do about it.
 * The umbrella header: includes every part of the C API. */
#ifndef MAILDIAG_MAILDIAG_H
#define MAILDIAG_MAILDIAG_H

#include "maildiag/c/common.h"
#include "maildiag/c/explain.h"
#include "maildiag/c/spf.h"
#include "maildiag/c/dmarc.h"
#include "maildiag/c/dkim.h"
#include "maildiag/c/domain.h"
#include "maildiag/c/ndr.h"

#endif /* MAILDIAG_MAILDIAG_H */
