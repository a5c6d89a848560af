// The plain-text form of a diagnosis, for people: one wording for every face that prints text
// (the CLI's explain and ndr), so that they say the same thing in the same words.
#pragma once

#include <string>
#include <string_view>

#include "maildiag/kb/diagnose.hpp"
#include "maildiag/kb/entry.hpp"

namespace maildiag {
namespace kb {

/// How much of a diagnosis to write: all of it (explain), or the lines a bounce list needs.
enum class TextDetail : std::uint8_t { full, brief };

/// The diagnosis as lines of text, each starting with `indent`: the entry, its reason, the
/// confidence and the evidence that chose it, causes, fixes, the retry advice that follows from
/// the class of the code, and the alternatives. Empty when there is no entry.
inline std::string diagnosis_text(const Diagnosis& d, TextDetail detail, std::string_view indent = {}) {
  if (!d.entry) return {};
  const Entry& e = *d.entry;
  std::string out;
  auto line = [&](std::string_view a, std::string_view b = {}, std::string_view c = {}) {
    out.append(indent).append(a).append(b).append(c).push_back('\n');
  };
  std::string who;
  for (std::size_t i = 0; i < party_count; ++i)
    if (e.who_acts & (1u << i)) who.append(who.empty() ? "" : ", ").append(to_string(static_cast<Party>(i)));
  const std::string how = std::string(to_string(d.specificity)) + ", confidence " + std::string(to_string(d.confidence));
  if (detail == TextDetail::brief) {
    line("why:   ", e.title, " [" + std::string(e.id) + "]");
    line("       reason ", to_string(d.reason), ", confidence " + std::string(to_string(d.confidence)));
    for (const EvidenceItem& item : d.evidence) line("       - ", item.text);
    if (!e.fixes.empty()) line("fix:   ", e.fixes[0]);
    if (!d.retry.empty()) line("retry: ", d.retry);
    return out;
  }
  line(e.title);
  line("Entry:       ", e.id, " (matched by " + how + ")");
  line("Reason:      ", to_string(d.reason), " (" + std::string(describe(d.reason)) + ")");
  line("Category:    ", to_string(e.category));
  line("Who acts:    ", who);
  out.push_back('\n');
  line(e.meaning);
  out.push_back('\n');
  if (!d.evidence.empty()) {
    line("Why this entry:");
    for (const EvidenceItem& item : d.evidence) line("  - ", item.text);
  }
  auto list = [&](std::string_view heading, const TextList& items) {
    if (items.empty()) return;
    line(heading, ":");
    for (std::string_view item : items) line("  - ", item);
  };
  list("Likely causes", e.causes);
  list("How to fix", e.fixes);
  if (!d.retry.empty()) line("Retry:       ", d.retry);
  if (d.entry_retry_applies) line("             ", e.retry);
  list("References", e.references);
  if (!d.alternatives.empty()) {
    line("Other possible readings:");
    for (const Candidate& c : d.alternatives)
      line("  - ", std::string(c.entry->id) + ": " + std::string(c.entry->title),
           " (" + std::string(to_string(c.entry->reason)) +
               (c.conflicts ? "; the codes given do not allow it)" : ")"));
  }
  return out;
}

}  // namespace kb
}  // namespace maildiag
