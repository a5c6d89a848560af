#include "maildiag/domain_audit-inl.hpp"
