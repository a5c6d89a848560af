#include "maildiag/dmarc/effect-inl.hpp"
