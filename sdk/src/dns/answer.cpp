#include "maildiag/dns/answer-inl.hpp"
