#include "maildiag/dns/zone-inl.hpp"
