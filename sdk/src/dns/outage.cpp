#include "maildiag/dns/outage-inl.hpp"
