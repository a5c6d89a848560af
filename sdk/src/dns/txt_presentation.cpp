#include "maildiag/dns/txt_presentation-inl.hpp"
