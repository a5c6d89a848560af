#include "maildiag/mime/header-inl.hpp"
