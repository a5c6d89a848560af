#include "maildiag/mime/transfer_encoding-inl.hpp"
