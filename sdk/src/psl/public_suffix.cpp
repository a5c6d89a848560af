#include "maildiag/psl/public_suffix-inl.hpp"
