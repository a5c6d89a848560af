// Real bounce texts, one or more per provider family, read from the shared NDR corpus
// (../shared/corpus/ndr/samples): the diagnostic line must lead to the expected entry,
// category and permanence, with the provider detected from the text itself.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "maildiag/kb/diagnose.hpp"
#include "maildiag/kb/entry.hpp"

using namespace maildiag::kb;

namespace {

std::string read_sample(std::string_view name) {
  std::ifstream in(std::string(MAILDIAG_SHARED_DIR) + "/corpus/ndr/samples/" + std::string(name),
                   std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  std::string text;
  for (char c : out.str())
    if (c != '\r') text += c;
  return text;
}

// The paragraph of `text` around `needle` (between blank lines), unfolded to one line.
std::string paragraph_around(const std::string& text, std::string_view needle) {
  const std::size_t at = text.find(needle);
  if (at == std::string::npos) return {};
  std::size_t begin = text.rfind("\n\n", at);
  begin = begin == std::string::npos ? 0 : begin + 2;
  std::size_t end = text.find("\n\n", at);
  if (end == std::string::npos) end = text.size();
  std::string line;
  bool space = false;
  for (std::size_t i = begin; i < end; ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r' || c == ' ' || c == '\t') {
      space = !line.empty();
      continue;
    }
    if (space) line += ' ';
    space = false;
    line += c;
  }
  return line;
}

struct Sample {
  std::string_view file;
  std::string_view needle;
  std::string_view provider;  // expected detected provider, "" for none
  std::string_view entry;
  std::string_view category;
  bool permanent;
};

}  // namespace

TEST_CASE("real bounce lines from each provider family get the expected diagnosis") {
  static const Sample samples[] = {
      // Exchange Online (the DMARC rejection came from Outlook.com, which runs on it)
      {"lhost-office365-02.eml", "RESOLVER.ADR.RecipNotFound", "microsoft", "ms.5.1.1-bad-mailbox", "recipient-address", true},
      {"lhost-dragonfly-02.eml", "5.7.509", "outlook-com", "ms.5.7.509-dmarc-reject", "dmarc", true},
      // Outlook.com
      {"lhost-ezweb-08.eml", "SC-004", "outlook-com", "outlook.sc-004-complaints", "reputation", true},
      // Gmail
      {"lhost-postfix-70.eml", "Unauthenticated email", "google", "gmail.x.7.26-unauthenticated", "dmarc", true},
      {"lhost-postfix-58.eml", "low reputation of the sending IP", "google", "gmail.5.7.1-low-reputation", "reputation", true},
      // Yahoo
      {"lhost-postfix-74.eml", "[TSS04]", "yahoo", "yahoo.tss04-deferred", "reputation", false},
      // Postfix
      {"lhost-activehunter-02.eml", "User unknown in local recipient table", "", "postfix.user-unknown", "recipient-address", true},
      {"lhost-amazonses-14.eml", "blocked using", "", "mta.dnsbl-blocked", "reputation", true},
      // Exim
      {"lhost-exim-06.eml", "retry timeout exceeded", "", "exim.retry-timeout", "expired", true},
      // Sendmail
      {"lhost-sendmail-24.eml", "Host unknown", "", "sendmail.host-unknown", "dns", true},
      // qmail
      {"lhost-qmail-02.eml", "User Unknown", "", "mta.user-unknown", "recipient-address", true},
  };
  for (const Sample& s : samples) {
    CAPTURE(s.file);
    const std::string text = read_sample(s.file);
    REQUIRE_MESSAGE(!text.empty(), "sample missing: the corpus is expected at ../shared/corpus/ndr");
    const std::string line = paragraph_around(text, s.needle);
    CAPTURE(line);
    REQUIRE_FALSE(line.empty());
    const Diagnosis d = diagnose(line);
    REQUIRE(d.entry);
    CHECK(d.entry->id == s.entry);
    CHECK(to_string(d.entry->category) == s.category);
    CHECK(d.permanent == s.permanent);
    if (s.provider.empty())
      CHECK((d.provider == nullptr || d.provider->id != "microsoft"));
    else {
      REQUIRE(d.provider);
      CHECK(d.provider->id == s.provider);
    }
  }
}
