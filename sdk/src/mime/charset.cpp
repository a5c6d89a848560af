#include "maildiag/mime/charset-inl.hpp"
