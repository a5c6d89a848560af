#include "maildiag/status_code-inl.hpp"
