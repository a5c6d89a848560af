#include "maildiag/explain-inl.hpp"
