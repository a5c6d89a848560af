#include "maildiag/dns/wire-inl.hpp"
