// The native host: answers questions over the network with c-ares, from the system's resolver
// configuration or one explicit server. Part of the separate library maildiag::resolver (the
// core never links c-ares and never does I/O); not available in the WebAssembly build.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "maildiag/dns/resolver.hpp"

namespace maildiag {
namespace dns {

struct CaresOptions {
  /// "HOST[:PORT]" with HOST an IPv4 address, an IPv6 address or "[IPv6]"; empty uses the
  /// system configuration (/etc/resolv.conf).
  std::string server;
  int timeout_ms = 1500;  // per try; c-ares doubles it on each retry
  int tries = 2;
  bool use_tcp = false;
};

class MAILDIAG_API CaresResolver : public Resolver {
 public:
  /// nullptr and a one-line reason in `error` when the options or c-ares cannot be set up.
  static std::unique_ptr<CaresResolver> create(const CaresOptions& options, std::string& error);
  ~CaresResolver() override;
  CaresResolver(const CaresResolver&) = delete;
  CaresResolver& operator=(const CaresResolver&) = delete;

  /// Sends every question at once and waits for all answers, each bounded by the time-outs.
  std::vector<Answer> resolve(const std::vector<Question>& questions) override;

 private:
  struct Impl;
  explicit CaresResolver(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Turns "HOST[:PORT]" into c-ares' "ip:port" / "[ip6]:port" server syntax; empty when invalid.
std::string cares_server_csv(const std::string& server);

}  // namespace dns
}  // namespace maildiag
