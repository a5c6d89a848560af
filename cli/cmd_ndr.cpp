// `maildiag ndr [FILE|DIR|-]...`: bounces in, one diagnosis per recipient out.
//
// Inputs are read one message at a time: mbox files are streamed (never loaded whole), maildir
// folders are walked (cur/ and new/), other folders give their files, "-" is standard input.
// --json prints one document {"messages": [...]}; --jsonl one line per message, for big inputs.
#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "context.hpp"
#include "maildiag/json_text.hpp"
#include "maildiag/kb/text.hpp"
#include "maildiag/mime/mbox.hpp"
#include "maildiag/ndr/json.hpp"
#include "maildiag/ndr/parser.hpp"

namespace maildiag::cli {

namespace {

namespace fs = std::filesystem;

struct Options {
  std::vector<std::string> inputs;
  bool json = false;
  bool jsonl = false;
};

// A progress line on stderr for long runs, only when a person is watching.
class Progress {
 public:
  Progress() : enabled_(isatty(STDERR_FILENO) == 1), start_(Clock::now()), last_(start_) {}
  ~Progress() {
    if (shown_) std::cerr << "\r\033[K" << std::flush;
  }
  void tick(std::size_t bytes) {
    ++messages_;
    bytes_ += bytes;
    if (!enabled_ || (messages_ & 63) != 0) return;
    auto now = Clock::now();
    if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    shown_ = true;
    std::cerr << fmt::format("\r{} messages, {:.1f} MB", messages_, bytes_ / 1048576.0) << std::flush;
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool shown_ = false;
  Clock::time_point start_, last_;
  std::size_t messages_ = 0, bytes_ = 0;
};

class Runner {
 public:
  Runner(const Options& opts, Context& ctx) : opts_(opts), ctx_(ctx) {}

  void input(const std::string& path) {
    if (path == "-") {
      if (stream(std::cin, "-") == 0)
        throw Failure(exit_unreadable, "standard input is empty: there is no message to decode");
      return;
    }
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      folder(path);
      return;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Failure(exit_unreadable, "cannot read " + path + ": " + std::strerror(errno));
    const std::size_t messages = stream(in, path);
    if (in.bad()) throw Failure(exit_unreadable, "cannot read " + path);
    if (messages == 0) throw Failure(exit_unreadable, path + " is empty: there is no message to decode");
  }

  void finish() {
    if (opts_.json) ctx_.print_json(nlohmann::json{{"messages", std::move(collected_)}});
  }

 private:
  // A maildir (cur/ and new/) or any folder: its regular files in name order.
  void folder(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    const bool maildir = fs::is_directory(dir / "cur", ec) || fs::is_directory(dir / "new", ec);
    for (const fs::path& sub : maildir ? std::vector<fs::path>{dir / "cur", dir / "new"}
                                       : std::vector<fs::path>{dir}) {
      if (!fs::is_directory(sub, ec)) continue;
      for (fs::directory_iterator it(sub, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) files.push_back(it->path());
      if (ec) throw Failure(exit_unreadable, "cannot read folder " + sub.string() + ": " + ec.message());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) input(f.string());
  }

  // Decodes every message of a file or stream; returns how many there were.
  std::size_t stream(std::istream& in, const std::string& source) {
    mime::MboxReader reader(in);
    std::string message;
    std::size_t index = 0;
    while (reader.next(message)) {
      ndr::Report report = ndr::parse(message);
      report.source = index == 0 && reader.offset() == 0 ? source
                                                          : fmt::format("{}@{}", source, reader.offset());
      if (reader.truncated()) report.partial = true;
      progress_.tick(message.size());
      emit(report);
      ++index;
    }
    return index;
  }

  void emit(const ndr::Report& report) {
    if (opts_.json) {
      collected_.push_back(ndr::to_json(report));
    } else if (opts_.jsonl) {
      std::cout << to_json_text(ndr::to_json(report))
                << '\n';
    } else {
      print_text(report);
    }
  }

  static void print_text(const ndr::Report& r) {
    std::cout << fmt::format("{}: {}", r.source, ndr::to_string(r.kind));
    if (!r.format.empty()) std::cout << fmt::format(" ({})", r.format);
    if (r.partial) std::cout << " [partial: a limit was reached]";
    std::cout << '\n';
    if (!r.original.subject.empty()) std::cout << fmt::format("  original: {}\n", r.original.subject);
    for (const auto& rc : r.recipients) {
      std::cout << fmt::format("  {}  {}", rc.address.empty() ? "(unknown)" : rc.address,
                               ndr::to_string(rc.reason));
      if (rc.status) std::cout << ' ' << rc.status->to_string();
      else if (rc.status_inferred) std::cout << ' ' << rc.status_inferred->to_string() << " (inferred)";
      if (rc.reply_code) std::cout << ' ' << *rc.reply_code;
      if (!rc.feedback_type.empty()) std::cout << " feedback: " << rc.feedback_type;
      if (rc.reason != ndr::Reason::feedback && rc.reason != ndr::Reason::vacation &&
          rc.reason != ndr::Reason::delivered)
        std::cout << (rc.hard_bounce ? "  hard bounce: do not retry" : "  soft bounce");
      std::cout << '\n';
      if (!rc.diagnostic.empty()) std::cout << fmt::format("    said:  {}\n", rc.diagnostic.substr(0, 300));
      if (rc.diagnosis) std::cout << kb::diagnosis_text(*rc.diagnosis, kb::TextDetail::brief, "    ");
    }
  }

  const Options& opts_;
  Context& ctx_;
  Progress progress_;
  nlohmann::json collected_ = nlohmann::json::array();
};

}  // namespace

void register_ndr(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "ndr", "Decode bounces (files, mbox, maildir folders, or - for stdin) into per-recipient diagnoses");
  cmd->add_option("inputs", opts->inputs, "Message files, mbox files, maildir folders, or - (default)");
  auto* json = cmd->add_flag("--json", opts->json, "Print one JSON document {\"messages\": [...]}");
  cmd->add_flag("--jsonl", opts->jsonl, "Print one JSON line per message (for big inputs)")->excludes(json);
  cmd->callback([opts, &ctx]() {
    std::vector<std::string> inputs = opts->inputs;
    if (inputs.empty()) inputs.push_back("-");
    Runner runner(*opts, ctx);
    for (const auto& path : inputs) runner.input(path);
    runner.finish();
  });
}

}  // namespace maildiag::cli
