#include "maildiag/spf/macro-inl.hpp"
