#include "maildiag/config-inl.hpp"
