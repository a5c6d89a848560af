#include "maildiag/ndr/json-inl.hpp"
