#include "maildiag/spf/providers-inl.hpp"
