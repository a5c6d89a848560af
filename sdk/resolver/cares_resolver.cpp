// maildiag::resolver: the c-ares host. Uses only calls present in c-ares 1.18 (Debian bookworm).
#include "maildiag/dns/cares_resolver.hpp"

#include <ares.h>
#include <arpa/nameser.h>
#include <netdb.h>
#include <sys/select.h>

#include <algorithm>
#include <chrono>

#include "maildiag/dns/ip_address.hpp"
#include "maildiag/dns/wire.hpp"

namespace maildiag {
namespace dns {

namespace {

struct Pending {
  RecordType type;
  Answer* out;
  bool done = false;
};

void on_answer(void* arg, int status, int /*timeouts*/, unsigned char* abuf, int alen) {
  auto* p = static_cast<Pending*>(arg);
  p->done = true;
  switch (status) {
    case ARES_SUCCESS:
      *p->out = parse_response(std::string_view(reinterpret_cast<const char*>(abuf), static_cast<std::size_t>(alen)),
                               p->type);
      return;
    case ARES_ENODATA:
      *p->out = Answer::with_records({});
      return;
    case ARES_ENOTFOUND:
      *p->out = Answer::failure(AnswerKind::nxdomain, {});
      return;
    case ARES_ETIMEOUT:
      *p->out = Answer::failure(AnswerKind::timeout, "no answer from the DNS server in time");
      return;
    default:
      *p->out = Answer::failure(AnswerKind::error, ares_strerror(status));
  }
}

struct LibraryInit {
  int status;
  LibraryInit() : status(ares_library_init(ARES_LIB_INIT_ALL)) {}
  ~LibraryInit() { ares_library_cleanup(); }
};

}  // namespace

struct CaresResolver::Impl {
  ares_channel channel = nullptr;
  CaresOptions options;
  ~Impl() {
    if (channel) ares_destroy(channel);
  }
};

std::string cares_server_csv(const std::string& server) {
  std::string host = server;
  std::string port;
  if (!host.empty() && host.front() == '[') {
    auto close = host.find(']');
    if (close == std::string::npos) return {};
    port = host.substr(close + 1);
    host = host.substr(1, close - 1);
    if (!port.empty()) {
      if (port.front() != ':') return {};
      port = port.substr(1);
    }
  } else if (std::count(host.begin(), host.end(), ':') == 1) {
    auto colon = host.find(':');
    port = host.substr(colon + 1);
    host = host.substr(0, colon);
  }
  auto ip = IpAddress::parse(host);
  if (!ip) return {};
  if (port.empty()) port = "53";
  if (port.size() > 5) return {};
  unsigned value = 0;
  for (char c : port) {
    if (c < '0' || c > '9') return {};
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  if (value == 0 || value > 65535) return {};
  return ip->is_v6 ? "[" + ip->to_string() + "]:" + port : ip->to_string() + ":" + port;
}

std::unique_ptr<CaresResolver> CaresResolver::create(const CaresOptions& options, std::string& error) {
  static LibraryInit init;
  if (init.status != ARES_SUCCESS) {
    error = std::string("c-ares: ") + ares_strerror(init.status);
    return nullptr;
  }
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  ares_options o{};
  o.timeout = options.timeout_ms > 0 ? options.timeout_ms : 1500;
  o.tries = options.tries > 0 ? options.tries : 1;
  o.flags = ARES_FLAG_NOSEARCH | ARES_FLAG_NOALIASES | (options.use_tcp ? ARES_FLAG_USEVC : 0);
  int status = ares_init_options(&impl->channel, &o, ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_FLAGS);
  if (status != ARES_SUCCESS) {
    error = std::string("c-ares: ") + ares_strerror(status);
    return nullptr;
  }
  if (!options.server.empty()) {
    std::string csv = cares_server_csv(options.server);
    if (csv.empty()) {
      error = "\"" + options.server + "\" is not HOST[:PORT] with HOST an IP address";
      return nullptr;
    }
    status = ares_set_servers_ports_csv(impl->channel, csv.c_str());
    if (status != ARES_SUCCESS) {
      error = std::string("c-ares: ") + ares_strerror(status);
      return nullptr;
    }
  }
  return std::unique_ptr<CaresResolver>(new CaresResolver(std::move(impl)));
}

CaresResolver::CaresResolver(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CaresResolver::~CaresResolver() = default;

std::vector<Answer> CaresResolver::resolve(const std::vector<Question>& questions) {
  std::vector<Answer> answers(questions.size(), Answer::failure(AnswerKind::error, "not answered"));
  std::vector<Pending> pending(questions.size());
  for (std::size_t i = 0; i < questions.size(); ++i) {
    pending[i] = Pending{questions[i].type, &answers[i]};
    ares_query(impl_->channel, questions[i].name.c_str(), ns_c_in, static_cast<int>(questions[i].type), on_answer,
               &pending[i]);
  }
  // c-ares ends every query by itself within timeout * (2^tries - 1); the deadline only guards
  // against a stuck event loop.
  long long budget = static_cast<long long>(impl_->options.timeout_ms) * ((1LL << impl_->options.tries) + 1) + 2000;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(budget);
  for (;;) {
    fd_set readers, writers;
    FD_ZERO(&readers);
    FD_ZERO(&writers);
    int nfds = ares_fds(impl_->channel, &readers, &writers);
    if (nfds == 0) break;
    if (std::chrono::steady_clock::now() > deadline) {
      ares_cancel(impl_->channel);
      break;
    }
    timeval tv{};
    timeval max{0, 100000};
    timeval* wait = ares_timeout(impl_->channel, &max, &tv);
    select(nfds, &readers, &writers, nullptr, wait);
    ares_process(impl_->channel, &readers, &writers);
  }
  for (auto& p : pending)
    if (!p.done) *p.out = Answer::failure(AnswerKind::timeout, "no answer from the DNS server in time");
  return answers;
}

}  // namespace dns
}  // namespace maildiag
