#include "maildiag/ndr/format-inl.hpp"
