#include "maildiag/spf/audit-inl.hpp"
