// A C++ program linked against the shared library: the C++ API, a polymorphic class from it
// included (dns::Zone, whose vtable lives in the library), is exported.
#include <maildiag/maildiag.hpp>

int main() {
  auto parsed = maildiag::dns::Zone::parse(R"({"example.com":[{"type":"TXT","data":"v=spf1 -all"}]})");
  if (!parsed.zone) return 1;
  maildiag::dns::Cache cache;
  auto audit = maildiag::dns::drive(
      [](const maildiag::dns::Cache& c) { return maildiag::spf::audit("example.com", c); }, *parsed.zone, cache);
  if (audit.nodes.empty()) return 2;
  return maildiag::explain("550 5.1.1").permanent() ? 0 : 3;
}
