// maildiag: why an email was not delivered, and what to do about it.
// The umbrella header: includes every public header of the SDK.
#pragma once

#include "maildiag/config.hpp"
#include "maildiag/finding.hpp"
#include "maildiag/status_code.hpp"
#include "maildiag/explain.hpp"
#include "maildiag/mime/mbox.hpp"
#include "maildiag/mime/message.hpp"
#include "maildiag/ndr/json.hpp"
#include "maildiag/ndr/parser.hpp"
#include "maildiag/psl/public_suffix.hpp"
#include "maildiag/dmarc/record.hpp"
#include "maildiag/dmarc/discovery.hpp"
#include "maildiag/dmarc/verdict.hpp"
#include "maildiag/dmarc/audit.hpp"
#include "maildiag/dkim/key_record.hpp"
#include "maildiag/dkim/audit.hpp"
#include "maildiag/domain_audit.hpp"
