#include "maildiag/spf/check_host-inl.hpp"
