#include "maildiag/argument_check-inl.hpp"
