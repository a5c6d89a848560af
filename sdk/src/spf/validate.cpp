#include "maildiag/spf/validate-inl.hpp"
