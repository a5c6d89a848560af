#include <maildiag/maildiag.hpp>

int main() {
  auto e = maildiag::explain("550 5.1.1");
  return e.status && e.status->to_string() == "5.1.1" && e.permanent() ? 0 : 1;
}
