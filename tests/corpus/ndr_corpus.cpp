// Runs the bounce decoder over the shared NDR sample corpus and compares every recipient with
// the corpus' expectations (status, reply code, reason, hard/soft, feedback type).
//
// Required: at least 95% of expected recipients with the right status (a corpus pseudo-code
// x.0.9xx, which no server sends, is met by an absent status), every sample decoded without
// error, and every failed recipient with a diagnosis whose category fits the recipient's own
// reason under REASON_CATEGORIES (the shared mapping); the same results from the LF, CRLF and CR
// versions of every sample and from the pasted body alone of the Office 365 samples. The reason
// and the fit with the corpus' expected reason are held at the levels reached (86% and 90%):
// the rest are corpus conventions maildiag does not follow (docs/ndr.md lists them), and a
// change that loses agreement must say why. Prints a per-sample disagreement list and the
// totals; exits 1 below the thresholds.
//
// Usage: ndr_corpus CORPUS_DIR REASON_CATEGORIES [--quiet]
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "maildiag/mime/mbox.hpp"
#include "maildiag/mime/message.hpp"
#include "maildiag/kb/entry.hpp"
#include "maildiag/ndr/parser.hpp"

namespace fs = std::filesystem;
using maildiag::ndr::Report;

namespace {

struct Expected {
  std::string status, reply_code, reason, feedback_type;
  bool hard_bounce = false;
};

// The reason -> categories table of a Markdown file: rows "| reason (aliases) | cat, cat |".
std::map<std::string, std::set<std::string>> read_reason_categories(const fs::path& p) {
  std::map<std::string, std::set<std::string>> out;
  std::ifstream in(p);
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() < 4 || line[0] != '|' || line.find("---") != std::string::npos) continue;
    const std::size_t bar = line.find('|', 1);
    if (bar == std::string::npos) continue;
    std::istringstream name_in(line.substr(1, bar - 1));
    std::string name;
    name_in >> name;
    if (name.empty() || name == "reason") continue;
    std::string cats = line.substr(bar + 1);
    cats = cats.substr(0, cats.find('|'));
    std::istringstream cats_in(cats);
    std::string cat;
    while (std::getline(cats_in, cat, ',')) {
      const std::size_t b = cat.find_first_not_of(' '), e = cat.find_last_not_of(' ');
      if (b != std::string::npos) out[name].insert(cat.substr(b, e - b + 1));
    }
  }
  return out;
}

// A corpus status: "" and the x.0.9xx pseudo-codes stand for "the bounce gave none".
bool pseudo_or_empty(const std::string& status) {
  return status.empty() || (status.size() == 7 && status.compare(1, 4, ".0.9") == 0);
}

std::string code(const std::optional<maildiag::EnhancedStatus>& s) {
  return s ? s->to_string() : std::string();
}

std::string reply(const std::optional<std::uint16_t>& r) { return r ? std::to_string(*r) : std::string(); }

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The sample with every line ending (LF, CRLF or CR as stored) replaced by `eol`.
std::string with_line_endings(const std::string& raw, const char* eol) {
  std::string out;
  out.reserve(raw.size() * 2);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
    if (c == '\n' || c == '\r') out += eol;
    else out += c;
  }
  return out;
}

// What a user would paste from their mail client: the text of the report, no headers.
std::string pasted_body(const std::string& raw) {
  maildiag::mime::Message m = maildiag::mime::parse_message(raw);
  for (const auto& p : m.parts) {
    if (p.content_type.is("text", "plain")) return m.text(p);
  }
  return std::string(m.root().body);
}

// A sample may be an mbox of several reports: their recipients in order.
Report parse_sample(const std::string& raw) {
  Report all;
  bool first = true;
  for (std::string_view message : maildiag::mime::split_mbox(raw)) {
    Report r = maildiag::ndr::parse(message);
    if (first) {
      all = std::move(r);
      first = false;
      continue;
    }
    for (auto& rc : r.recipients) all.recipients.push_back(std::move(rc));
    for (auto& f : r.findings) all.findings.push_back(std::move(f));
  }
  return all;
}

// A comparable summary of one decoded report: per recipient status, reply code, reason, hard.
std::string summary(const Report& r) {
  std::string s;
  for (const auto& rc : r.recipients)
    s += code(rc.status) + "|" + reply(rc.reply_code) + "|" + std::string(maildiag::ndr::to_string(rc.reason)) +
         "|" + (rc.hard_bounce ? "hard" : "soft") + "|" +
         (rc.diagnosis ? std::string(rc.diagnosis->entry->id) : std::string()) + ";";
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: ndr_corpus CORPUS_DIR REASON_CATEGORIES [--quiet]\n";
    return 2;
  }
  fs::path dir = argv[1];
  bool quiet = argc > 3 && std::string(argv[3]) == "--quiet";
  const auto fits = read_reason_categories(argv[2]);
  if (fits.empty()) {
    std::cerr << "ndr_corpus: no reason categories in " << argv[2] << "\n";
    return 2;
  }
  // True when a diagnosis of this category may describe this reason (unlisted reasons: any).
  auto category_fits = [&](const std::string& reason, std::string_view category) {
    auto it = fits.find(reason);
    return it == fits.end() || it->second.count(std::string(category)) > 0;
  };
  if (!fs::exists(dir / "expected.jsonl")) {
    std::cout << "SKIP: NDR corpus not found at " << dir.string()
              << " (expected.jsonl missing); nothing to compare\n";
    return 0;
  }
  std::map<std::string, std::vector<Expected>> expected;
  {
    std::ifstream in(dir / "expected.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line);
      Expected e;
      e.status = j.value("status", "");
      e.reply_code = j.value("reply_code", "");
      e.reason = j.value("reason", "");
      e.hard_bounce = j.value("hard_bounce", false);
      e.feedback_type = j.value("feedback_type", "");
      std::size_t index = j.value("index", 1);
      auto& v = expected[j.value("file", "")];
      if (v.size() < index) v.resize(index);
      v[index - 1] = e;
    }
  }

  std::size_t total = 0, ok_status = 0, ok_reason = 0, ok_reply = 0, ok_hard = 0, ok_feedback = 0;
  std::size_t failed = 0, diagnosed = 0, fits_own = 0, fits_expected = 0;
  std::size_t samples = 0, sample_errors = 0, eol_mismatch = 0, pasted_checked = 0,
              pasted_mismatch = 0;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir / "samples"))
    if (entry.path().extension() == ".eml") files.push_back(entry.path());
  std::sort(files.begin(), files.end());

  for (const auto& path : files) {
    const std::string name = path.filename().string();
    const std::string raw = read_file(path);
    ++samples;
    Report report = parse_sample(raw);
    bool errored = false;
    for (const auto& f : report.findings)
      if (f.severity == maildiag::Severity::error) errored = true;
    auto it = expected.find(name);
    if (errored || (it != expected.end() && report.recipients.empty())) {
      ++sample_errors;
      std::cout << name << ": not decoded (" << report.recipients.size() << " recipients, kind "
                << maildiag::ndr::to_string(report.kind) << ")\n";
    }
    // Line endings must not change anything.
    const std::string base = summary(report);
    for (const char* eol : {"\n", "\r\n", "\r"}) {
      Report other = parse_sample(with_line_endings(raw, eol));
      if (summary(other) != base) {
        ++eol_mismatch;
        std::cout << name << ": differs with "
                  << (eol[0] == '\n' ? "LF" : eol[1] ? "CRLF" : "CR") << " line endings: "
                  << summary(other) << " vs " << base << "\n";
      }
    }
    if (it == expected.end()) continue;
    const auto& exp = it->second;
    // Pasted body: the Office 365 reports must read the same without their headers.
    if (name.rfind("lhost-office365", 0) == 0) {
      ++pasted_checked;
      Report pasted = maildiag::ndr::parse(pasted_body(raw));
      bool same = pasted.recipients.size() == report.recipients.size();
      for (std::size_t i = 0; same && i < pasted.recipients.size(); ++i)
        same = pasted.recipients[i].status == report.recipients[i].status &&
               pasted.recipients[i].reason == report.recipients[i].reason &&
               pasted.recipients[i].reply_code == report.recipients[i].reply_code;
      if (!same) {
        ++pasted_mismatch;
        std::cout << name << ": pasted body reads differently: " << summary(pasted) << " vs "
                  << base << "\n";
      }
    }
    for (std::size_t i = 0; i < exp.size(); ++i) {
      ++total;
      const Expected& e = exp[i];
      if (i >= report.recipients.size()) {
        std::cout << name << " #" << i + 1 << ": missing recipient (expected " << e.status << " "
                  << e.reason << ")\n";
        continue;
      }
      const auto& r = report.recipients[i];
      const std::string reason(maildiag::ndr::to_string(r.reason));
      const bool s = pseudo_or_empty(e.status) ? !r.status : code(r.status) == e.status;
      bool rs = reason == e.reason, rc = reply(r.reply_code) == e.reply_code,
           h = r.hard_bounce == e.hard_bounce, fb = r.feedback_type == e.feedback_type;
      ok_status += s;
      ok_reason += rs;
      ok_reply += rc;
      ok_hard += h;
      ok_feedback += fb;
      // Every failed recipient: a diagnosis whose category fits its own reason, and the
      // expected one.
      bool fo = true, fe = true;
      if (r.reason != maildiag::Reason::feedback && r.reason != maildiag::Reason::vacation &&
          r.reason != maildiag::Reason::delivered) {
        ++failed;
        if (r.diagnosis) {
          ++diagnosed;
          const std::string_view cat = maildiag::kb::to_string(r.diagnosis->entry->category);
          fo = category_fits(reason, cat);
          fe = category_fits(e.reason, cat);
          fits_own += fo;
          fits_expected += fe;
          if (!fo)
            std::cout << name << " #" << i + 1 << ": diagnosis " << r.diagnosis->entry->id << " ("
                      << cat << ") does not fit the recipient's own reason " << reason << "\n";
        } else {
          fo = fe = false;
          std::cout << name << " #" << i + 1 << ": failed recipient without a diagnosis\n";
        }
      }
      if (!(s && rs && rc && h && fb && fe) && !quiet) {
        std::cout << name << " #" << i + 1 << " <" << r.address << ">:";
        if (!s) std::cout << " status " << code(r.status) << " (expected " << e.status << ")";
        if (!rc) std::cout << " reply_code '" << reply(r.reply_code) << "' (expected '" << e.reply_code << "')";
        if (!fe) std::cout << " diagnosis " << (r.diagnosis ? r.diagnosis->entry->id : std::string_view("none"))
                           << " does not fit the expected reason";
        if (!rs) std::cout << " reason " << reason << " (expected " << e.reason << ")";
        if (!h) std::cout << " hard_bounce " << r.hard_bounce << " (expected " << e.hard_bounce << ")";
        if (!fb) std::cout << " feedback_type '" << r.feedback_type << "' (expected '" << e.feedback_type << "')";
        std::cout << "\n      diagnostic: " << r.diagnostic.substr(0, 200) << "\n";
      }
    }
  }
  auto pct = [&](std::size_t n) { return total ? 100.0 * n / total : 0.0; };
  std::printf("\nNDR corpus: %zu samples, %zu expected recipients\n", samples, total);
  std::printf("  status        %4zu  %6.2f%%  (need >= 95%%)\n", ok_status, pct(ok_status));
  std::printf("  reason        %4zu  %6.2f%%  (need >= 86%%)\n", ok_reason, pct(ok_reason));
  std::printf("  reply_code    %4zu  %6.2f%%\n", ok_reply, pct(ok_reply));
  std::printf("  hard_bounce   %4zu  %6.2f%%\n", ok_hard, pct(ok_hard));
  std::printf("  feedback_type %4zu  %6.2f%%\n", ok_feedback, pct(ok_feedback));
  std::printf("  samples not decoded: %zu; line-ending differences: %zu; pasted Office 365 "
              "bodies differing: %zu of %zu\n",
              sample_errors, eol_mismatch, pasted_mismatch, pasted_checked);
  auto of_failed = [&](std::size_t n) { return failed ? 100.0 * n / failed : 100.0; };
  std::printf("  failed recipients %zu: diagnosed %zu; category fits their own reason %zu "
              "(need all); fits the expected reason %zu, %.2f%% (need >= 90%%)\n",
              failed, diagnosed, fits_own, fits_expected, of_failed(fits_expected));
  bool pass = pct(ok_status) >= 95.0 && pct(ok_reason) >= 86.0 && sample_errors == 0 &&
              eol_mismatch == 0 && pasted_mismatch == 0 && diagnosed == failed &&
              fits_own == failed && of_failed(fits_expected) >= 90.0;
  std::printf("%s\n", pass ? "PASS" : "FAIL");
  return pass ? 0 : 1;
}
