#include "maildiag/ndr/parser-inl.hpp"
