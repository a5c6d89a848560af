#include "maildiag/ndr/reason-inl.hpp"
