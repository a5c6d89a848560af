#include "maildiag/dns/resolver-inl.hpp"
