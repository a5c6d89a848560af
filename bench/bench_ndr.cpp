// Bounce decoding throughput: every sample of the shared NDR corpus, repeated until at least
// 100 MB have been decoded, on one core. Prints messages/s and MB/s. Run, not asserted.
//
// Usage: bench_ndr [CORPUS_DIR] [MIN_MB] [--json]
// With --json each report is also serialised, as the CLI, the C API and the WASM module do (the
// figure to compare with the WebAssembly build's md.ndr()).
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "maildiag/json_text.hpp"
#include "maildiag/mime/mbox.hpp"
#include "maildiag/ndr/json.hpp"
#include "maildiag/ndr/parser.hpp"

namespace fs = std::filesystem;

int main(int argc, char** argv) {
  const fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path(MAILDIAG_SHARED_DIR) / "corpus" / "ndr";
  const double min_mb = argc > 2 ? std::atof(argv[2]) : 100.0;
  const bool with_json = argc > 3 && std::string(argv[3]) == "--json";
  std::vector<std::string> samples;
  std::error_code ec;
  for (fs::directory_iterator it(dir / "samples", ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() != ".eml") continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    // The file's text must outlive the views split_mbox() returns into it.
    const std::string file = ss.str();
    for (std::string_view m : maildiag::mime::split_mbox(file)) samples.emplace_back(m);
  }
  if (samples.empty()) {
    std::printf("bench_ndr: no samples under %s\n", (dir / "samples").string().c_str());
    return 0;
  }
  std::size_t corpus_bytes = 0;
  for (const auto& s : samples) corpus_bytes += s.size();

  // Warm up: first-use tables (keyword index, converters) are built outside the timing.
  std::size_t sink = 0;
  for (const auto& s : samples) sink += maildiag::ndr::parse(s).recipients.size();

  const std::size_t rounds =
      static_cast<std::size_t>(min_mb * 1e6 / static_cast<double>(corpus_bytes)) + 1;
  std::size_t messages = 0, bytes = 0, recipients = 0;
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  for (std::size_t round = 0; round < rounds; ++round) {
    for (const auto& s : samples) {
      maildiag::ndr::Report report = maildiag::ndr::parse(s);
      recipients += report.recipients.size();
      if (with_json)
        sink += maildiag::to_json_text(maildiag::ndr::to_json(report))
                    .size();
      bytes += s.size();
      ++messages;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // CPU time as well as wall time: on a shared machine the wall clock also counts other work.
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::printf("ndr parse%s: %zu messages (%zu samples x %zu rounds), %.1f MB, %zu recipients (%zu)\n",
              with_json ? " + JSON" : "", messages, samples.size(), rounds, bytes / 1e6, recipients,
              sink);
  std::printf("  wall %.3f s: %.0f messages/s, %.1f MB/s\n", seconds, messages / seconds,
              bytes / 1e6 / seconds);
  std::printf("  cpu  %.3f s: %.0f messages/s, %.1f MB/s (one core)\n", cpu_seconds,
              messages / cpu_seconds, bytes / 1e6 / cpu_seconds);
  return 0;
}
