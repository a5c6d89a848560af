#include "maildiag/dns/cache-inl.hpp"
