#include "maildiag/dkim/audit-inl.hpp"
