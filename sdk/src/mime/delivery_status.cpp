#include "maildiag/mime/delivery_status-inl.hpp"
