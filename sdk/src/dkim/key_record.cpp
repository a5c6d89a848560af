#include "maildiag/dkim/key_record-inl.hpp"
