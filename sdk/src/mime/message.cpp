#include "maildiag/mime/message-inl.hpp"
