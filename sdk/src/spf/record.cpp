#include "maildiag/spf/record-inl.hpp"
