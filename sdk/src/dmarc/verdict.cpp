#include "maildiag/dmarc/verdict-inl.hpp"
