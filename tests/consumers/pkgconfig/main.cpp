#include <maildiag/maildiag.hpp>

int main() { return maildiag::explain("4.4.312").permanent() ? 1 : 0; }
