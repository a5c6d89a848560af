#include "maildiag/mime/mbox-inl.hpp"
