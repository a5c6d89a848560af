// The examples a diagnosis must get right (tests/fixtures/diagnosis-examples.tsv, shared with the
// C API, CLI and WebAssembly tests): the entry, the reason, the class and the retry advice, and
// a reason that is always the entry's own.
#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "maildiag/explain.hpp"
#include "maildiag/kb/diagnose.hpp"
#include "maildiag/ndr/parser.hpp"

namespace {

struct Example {
  std::string text, entry, reason;
  bool permanent = true;
};

std::vector<Example> examples() {
  std::vector<Example> out;
  std::ifstream in(MAILDIAG_SOURCE_DIR "/tests/fixtures/diagnosis-examples.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    Example e;
    std::size_t a = line.find('\t'), b = line.find('\t', a + 1), c = line.find('\t', b + 1);
    e.text = line.substr(0, a);
    e.entry = line.substr(a + 1, b - a - 1);
    e.reason = line.substr(b + 1, c - b - 1);
    e.permanent = line.substr(c + 1) == "1";
    out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_CASE("every example gets the entry, reason, class and retry advice that fit it") {
  const auto all = examples();
  REQUIRE(all.size() >= 10);
  for (const Example& ex : all) {
    CAPTURE(ex.text);
    const maildiag::Explanation e = maildiag::explain(ex.text);
    REQUIRE(e.diagnosis.entry);
    CHECK(e.diagnosis.entry->id == ex.entry);
    CHECK(maildiag::to_string(e.diagnosis.reason) == ex.reason);
    CHECK(e.diagnosis.reason == e.diagnosis.entry->reason);
    CHECK(e.permanent() == ex.permanent);
    CHECK(e.diagnosis.retry.find(ex.permanent ? "Permanent failure" : "Temporary failure") == 0);
    REQUIRE_FALSE(e.diagnosis.evidence.empty());
    // The same line pasted as a bounce gets the same diagnosis.
    const maildiag::ndr::Report r = maildiag::ndr::parse(ex.text);
    REQUIRE(r.recipients.size() == 1);
    REQUIRE(r.recipients[0].diagnosis);
    CHECK(r.recipients[0].diagnosis->entry->id == ex.entry);
    CHECK(maildiag::to_string(r.recipients[0].reason) == ex.reason);
  }
}

TEST_CASE("a message too large is never advice to drop the address") {
  const auto e = maildiag::explain(
      "552 5.2.3 <bob@example.net>: Recipient address rejected: Message length exceeds administrative limit");
  REQUIRE(e.diagnosis.entry);
  CHECK(e.diagnosis.entry->category == maildiag::kb::Category::message_size);
  CHECK(e.diagnosis.confidence == maildiag::kb::Confidence::high);
  for (const auto& alt : e.diagnosis.alternatives) CHECK(alt.entry->reason != maildiag::Reason::userunknown);
}

TEST_CASE("wording the code does not allow is an alternative, not the answer") {
  const auto e = maildiag::explain("550 5.1.1 <x@example.net>: mailbox over quota");
  REQUIRE(e.diagnosis.entry);
  CHECK(e.diagnosis.reason == maildiag::Reason::userunknown);
  CHECK(e.diagnosis.confidence != maildiag::kb::Confidence::high);
  bool conflict_shown = false;
  for (const auto& alt : e.diagnosis.alternatives)
    conflict_shown = conflict_shown || (alt.conflicts && alt.entry->reason == maildiag::Reason::mailboxfull);
  CHECK(conflict_shown);
  bool conflict_said = false;
  for (const auto& item : e.diagnosis.evidence)
    conflict_said = conflict_said || item.kind == maildiag::kb::EvidenceItem::Kind::conflict;
  CHECK(conflict_said);
}

TEST_CASE("an undefined detail lets the wording choose; a specific code does not") {
  // 5.0.0 says nothing: the words decide.
  auto e = maildiag::explain("550 5.0.0 mailbox full");
  REQUIRE(e.diagnosis.entry);
  CHECK(e.diagnosis.reason == maildiag::Reason::mailboxfull);
  // 5.7.1 keeps to its subject: quota wording cannot make it a full mailbox.
  e = maildiag::explain("550 5.7.1 mailbox full");
  REQUIRE(e.diagnosis.entry);
  CHECK(e.diagnosis.reason != maildiag::Reason::mailboxfull);
}

TEST_CASE("retry advice follows the class of the code the server sent") {
  // A 5xx is never retried by the sending server, whatever the provider's entry says.
  auto e = maildiag::explain("550 5.2.121 hourly message receive limit reached");
  CHECK(e.permanent());
  CHECK_FALSE(e.diagnosis.entry_retry_applies);
  // Exchange's "550 4.4.7": the reply code decides.
  e = maildiag::explain("550 4.4.7 QUEUE.Expired; message expired");
  CHECK(e.permanent());
  e = maildiag::explain("421 4.7.0 Try again later");
  CHECK_FALSE(e.permanent());
  CHECK(e.diagnosis.retry.find("keeps retrying") != std::string_view::npos);
}

TEST_CASE("every knowledge-base entry states a reason; every reason's entry states it back") {
  for (const auto& entry : maildiag::kb::entries()) {
    CAPTURE(entry.id);
    CHECK(!maildiag::to_string(entry.reason).empty());
  }
  for (std::size_t i = 0; i < maildiag::reason_count; ++i) {
    const auto r = static_cast<maildiag::Reason>(i);
    if (const auto* e = maildiag::kb::entry_for_reason(r)) CHECK(e->reason == r);
  }
}
