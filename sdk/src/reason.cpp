#include "maildiag/reason-inl.hpp"
