#include "maildiag/kb/diagnose-inl.hpp"
