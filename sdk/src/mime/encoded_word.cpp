#include "maildiag/mime/encoded_word-inl.hpp"
