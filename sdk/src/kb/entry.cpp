#include "maildiag/kb/entry-inl.hpp"
