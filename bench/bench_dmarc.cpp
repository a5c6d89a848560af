// Throughput of DMARC and DKIM record validation (records/s, MB/s) over realistic records, and
// of the Public Suffix List lookup. Run, not asserted.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "maildiag/dkim/key_record.hpp"
#include "maildiag/dmarc/record.hpp"
#include "maildiag/psl/public_suffix.hpp"

namespace {

template <class F>
void measure(const char* name, const std::vector<std::string>& inputs, F&& f) {
  using clock = std::chrono::steady_clock;
  std::size_t bytes_per_round = 0;
  for (const auto& s : inputs) bytes_per_round += s.size();
  std::size_t rounds = 0, sink = 0;
  auto start = clock::now();
  double seconds = 0;
  do {
    for (const auto& s : inputs) sink += f(s);
    ++rounds;
    seconds = std::chrono::duration<double>(clock::now() - start).count();
  } while (seconds < 1.0);
  double items = double(rounds * inputs.size());
  std::printf("%-28s %12.0f items/s %9.1f MB/s   (checksum %zu)\n", name, items / seconds,
              double(rounds * bytes_per_round) / seconds / 1e6, sink % 1000);
}

}  // namespace

int main() {
  const std::vector<std::string> dmarc_records{
      "v=DMARC1; p=none; rua=mailto:dmarc@example.com",
      "v=DMARC1; p=reject; sp=reject; adkim=s; aspf=s; rua=mailto:agg@example.com; ruf=mailto:fail@example.com; fo=1",
      "v=DMARC1; p=quarantine; pct=25; rua=mailto:a@example.com,mailto:b@reports.example.net!10m; ri=86400",
      "v=DMARC1; p=reject; np=reject; psd=n; t=y; rua=mailto:dmarc_agg@vali.email",
      "v=DMARC1;p=none;sp=quarantine;rua=mailto:x@y.com;ruf=mailto:z@y.com;rf=afrf;fo=d:s",
      " v=dmarc1; p=block; foo=bar; rua=nobody",
  };
  const std::vector<std::string> dkim_records{
      "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEArDOJaAV0WMBnZZH23FKYo0cLUENK2twT0ab06ey2a6EevMrGepsF20tHEQKgYoHKyb3MK47jXW/TI+iJ9t9ZURx03i6rIkMF+ePSJR2kSHqya/GGTJ3FcHHEjyl7yny0+Ueqo98efNfeRAO4L+HYxICCxvK2JG8ONfzWx7UBQLHGZxGLN3X8Kt/82HBi6AiaQQ3HYA18sv5CKDjU9hTyecfKiB3yFLPsug8gG1AlukFT8RUGJk/MJemRNxQlTc42+Rl5YdkLb01bjAZrObeW4SJsw3Ov+Le6pe/fEmy/b55GJv1axY4Fz4l/CxTCHVmgUmW0lVaQRe4diApkggqHowIDAQAB",
      "v=DKIM1; k=rsa; h=sha256; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC265BjHaet11/MtIYsb7kgwIf9Quht5ckgfuml26GtMa8AD0LhCF23JH5kLCsnxrIMEzoTlkLL4P7Cy/Jx5vfSCZFBitQtS6gQeiMn/ohsdY6o38Sh9Ui9rrc6maUyPRZVvltarOb5wqO6TSoVVtUEoCmM3h8iHZDwxQB6GwAkJQIDAQAB",
      "v=DKIM1; k=ed25519; p=phu3B78ASfrE6rloUn8/bVA9VdhHVhBoG06f0vZkvbY=",
      "v=DKIM1; p=",
  };
  const std::vector<std::string> domains{"mail.example.com", "a.b.example.co.uk", "x.github.io",
                                         "www.city.kawasaki.jp", "host.unlisted"};
  measure("dmarc record validation", dmarc_records,
          [](const std::string& s) { return maildiag::dmarc::parse_record(s).findings.size(); });
  measure("dkim key record validation", dkim_records, [](const std::string& s) {
    return std::size_t(maildiag::dkim::parse_key_record(s).key_bits.value_or(0));
  });
  measure("psl organizational domain", domains,
          [](const std::string& s) { return maildiag::psl::organizational_domain(s).size(); });
  return 0;
}
