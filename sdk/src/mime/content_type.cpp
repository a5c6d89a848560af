#include "maildiag/mime/content_type-inl.hpp"
