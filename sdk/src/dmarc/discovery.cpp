#include "maildiag/dmarc/discovery-inl.hpp"
