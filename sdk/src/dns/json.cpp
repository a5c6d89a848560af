#include "maildiag/dns/json-inl.hpp"
