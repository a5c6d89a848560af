#include "maildiag/dmarc/record-inl.hpp"
