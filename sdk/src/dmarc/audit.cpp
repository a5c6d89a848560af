#include "maildiag/dmarc/audit-inl.hpp"
