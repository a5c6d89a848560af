#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "maildiag/mime/text.hpp"
#include "maildiag/ndr/phrase_set.hpp"
#include "maildiag/ndr/reason_keywords.hpp"

using maildiag::ndr::PhraseSet;

namespace {

using Occurrences = std::vector<std::pair<std::size_t, std::uint16_t>>;  // (start, index)

Occurrences scan_all(const PhraseSet& set, std::string_view text) {
  Occurrences found;
  set.scan(text, [&](std::uint16_t index, std::size_t start) {
    found.emplace_back(start, index);
    return true;
  });
  std::sort(found.begin(), found.end());
  return found;
}

// Every occurrence by brute force: each phrase at each position, ASCII case folded.
Occurrences naive(const std::vector<std::string>& phrases, std::string_view text) {
  Occurrences found;
  for (std::size_t index = 0; index < phrases.size(); ++index) {
    const std::string& p = phrases[index];
    if (p.size() < 3) continue;
    for (std::size_t i = 0; i + p.size() <= text.size(); ++i)
      if (maildiag::mime::iequals(text.substr(i, p.size()), p))
        found.emplace_back(i, static_cast<std::uint16_t>(index));
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

TEST_CASE("phrase set: every occurrence, case-insensitively, overlapping ones included") {
  const std::vector<std::string> phrases = {"mailbox full", "box", "full", "mailbox", "ox f"};
  const PhraseSet set(phrases);
  const Occurrences found = scan_all(set, "The MAILBOX Full, mailbox full.");
  CHECK(found == naive(phrases, "The MAILBOX Full, mailbox full."));
  CHECK(found.size() == 10);
  CHECK(found.front() == std::make_pair(std::size_t{4}, std::uint16_t{0}));
}

TEST_CASE("phrase set: phrases shorter than three bytes are ignored") {
  const std::vector<std::string> phrases = {"", "ab", "abc"};
  const PhraseSet set(phrases);
  CHECK(scan_all(set, "ab abc") == Occurrences{{3, 2}});
  CHECK(set.complete());
}

TEST_CASE("phrase set: non-ASCII phrases match byte for byte") {
  const std::vector<std::string> phrases = {"\xe5\xae\x9b\xe5\x85\x88", "\xc3\xa9t\xc3\xa9"};
  const PhraseSet set(phrases);
  CHECK(scan_all(set, "x \xe5\xae\x9b\xe5\x85\x88 \xc3\x89t\xc3\xa9 \xc3\xa9t\xc3\xa9") ==
        Occurrences{{2, 0}, {15, 1}});
}

TEST_CASE("phrase set: returning false stops the scan") {
  const std::vector<std::string> phrases = {"abc"};
  const PhraseSet set(phrases);
  int calls = 0;
  set.scan(std::string(5000, 'a') + "abc abc abc", [&](std::uint16_t, std::size_t) {
    ++calls;
    return false;
  });
  CHECK(calls == 1);
}

TEST_CASE("phrase set: agrees with brute force on random texts, long ones read in stretches") {
  // A small alphabet makes overlaps and occurrences across the stretch boundaries common.
  const std::vector<std::string> phrases = {"abc", "bca", "abcab", "cab", "aaaa", "b-c a",
                                            "cabcabcabcabcabcabcabcabcabcab", "acb", "bb"};
  const PhraseSet set(phrases);
  std::mt19937 rng(7);
  const std::string alphabet = "abcABC- ";
  for (int round = 0; round < 300; ++round) {
    const std::size_t length = round < 20 ? static_cast<std::size_t>(round) : rng() % 6000;
    std::string text(length, ' ');
    for (char& c : text) c = alphabet[rng() % alphabet.size()];
    CAPTURE(length);
    CHECK(scan_all(set, text) == naive(phrases, text));
  }
}

TEST_CASE("phrase set: the bounce-reason keyword tables fit in one automaton") {
  std::vector<std::string_view> phrases;
  for (const auto& table : maildiag::ndr::reason_keyword_tables)
    for (std::size_t i = 0; i < table.count; ++i) phrases.push_back(table.phrases[i]);
  const PhraseSet set(phrases);
  CHECK(set.complete());
  CHECK(set.state_count() > 1000);
  // A phrase of the tables is found in a text that holds it.
  const std::string text = std::string(3000, '.') + " Mailbox Is Full " + std::string(3000, '.');
  bool found = false;
  set.scan(text, [&](std::uint16_t index, std::size_t start) {
    if (phrases[index] == "mailbox is full" && start == 3001) found = true;
    return true;
  });
  CHECK(found);
}
