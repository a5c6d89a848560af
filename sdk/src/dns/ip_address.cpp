#include "maildiag/dns/ip_address-inl.hpp"
