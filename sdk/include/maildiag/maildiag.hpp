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
