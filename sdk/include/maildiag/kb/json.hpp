// The JSON form of knowledge-base entries and diagnoses: one schema for the CLI's --json, the C
// API and the WASM module. Field names are snake_case and part of the public contract.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "maildiag/kb/diagnose.hpp"
#include "maildiag/kb/entry.hpp"

namespace maildiag {
namespace kb {

inline nlohmann::json to_json(const TextList& list) {
  nlohmann::json j = nlohmann::json::array();
  for (std::string_view s : list) j.push_back(s);
  return j;
}

inline nlohmann::json who_acts_json(std::uint8_t who_acts) {
  nlohmann::json j = nlohmann::json::array();
  for (std::size_t i = 0; i < party_count; ++i)
    if (who_acts & (1u << i)) j.push_back(to_string(static_cast<Party>(i)));
  return j;
}

/// An entry in full. `permanent` is the entry's own verdict: true or false where it overrides the
/// class digit, null where it follows it.
inline nlohmann::json to_json(const Entry& e) {
  nlohmann::json j;
  j["id"] = e.id;
  j["provider"] = e.provider;
  j["title"] = e.title;
  j["category"] = to_string(e.category);
  j["reason"] = to_string(e.reason);
  j["permanent"] = e.permanence == Permanence::by_class ? nlohmann::json()
                                                        : nlohmann::json(e.permanence == Permanence::permanent);
  j["who_acts"] = who_acts_json(e.who_acts);
  j["meaning"] = e.meaning;
  j["causes"] = to_json(e.causes);
  j["fixes"] = to_json(e.fixes);
  j["retry"] = e.retry;
  j["references"] = to_json(e.references);
  j["codes"] = to_json(e.codes);
  j["tokens"] = to_json(e.tokens);
  j["patterns"] = to_json(e.patterns);
  return j;
}

inline nlohmann::json span_json(const std::optional<Span>& span) {
  return span ? nlohmann::json::array({span->begin, span->end}) : nlohmann::json();
}

inline nlohmann::json evidence_json(const std::vector<EvidenceItem>& evidence) {
  nlohmann::json j = nlohmann::json::array();
  for (const EvidenceItem& item : evidence)
    j.push_back({{"kind", to_string(item.kind)}, {"text", item.text}, {"span", span_json(item.span)}});
  return j;
}

inline nlohmann::json alternatives_json(const std::vector<Candidate>& alternatives) {
  nlohmann::json j = nlohmann::json::array();
  for (const Candidate& c : alternatives)
    j.push_back({{"id", c.entry->id},
                 {"title", c.entry->title},
                 {"category", to_string(c.entry->category)},
                 {"reason", to_string(c.entry->reason)},
                 {"specificity", to_string(c.specificity)},
                 {"conflicts_with_codes", c.conflicts}});
  return j;
}

/// The chosen entry as this failure reads it: `permanent` follows the class of the code the
/// server sent, and `retry` is the entry's own advice, or null where the class contradicts it.
inline nlohmann::json diagnosed_entry_json(const Diagnosis& d) {
  nlohmann::json entry = to_json(*d.entry);
  entry["permanent"] = d.permanent;
  entry["retry"] = d.entry_retry_applies ? nlohmann::json(d.entry->retry) : nlohmann::json();
  return entry;
}

/// The diagnosis part of an explanation: `provider`, `provider_source`, `entry` (with
/// `permanent` and `retry` resolved for this text), `match`, `confidence`, `retry` (the advice
/// that follows from the class), `evidence`, `alternatives` and `text_matches`.
inline void add_diagnosis_json(nlohmann::json& j, const Diagnosis& d, std::string_view text) {
  j["provider"] = d.provider ? nlohmann::json(d.provider->id) : nlohmann::json();
  j["provider_source"] = to_string(d.provider_source);
  if (d.entry) {
    j["entry"] = diagnosed_entry_json(d);
    j["match"] = {{"specificity", to_string(d.specificity)}, {"span", span_json(d.match_span)}};
    j["reason"] = to_string(d.reason);
    j["confidence"] = to_string(d.confidence);
  } else {
    j["entry"] = nullptr;
    j["match"] = nullptr;
    j["reason"] = nullptr;
    j["confidence"] = nullptr;
  }
  j["retry"] = d.retry.empty() ? nlohmann::json() : nlohmann::json(d.retry);
  j["evidence"] = evidence_json(d.evidence);
  j["alternatives"] = alternatives_json(d.alternatives);
  auto& matches = j["text_matches"] = nlohmann::json::array();
  for (const TextMatch& m : d.text_matches) {
    nlohmann::json mj;
    mj["kind"] = to_string(m.kind);
    mj["text"] = m.span.end <= text.size() ? text.substr(m.span.begin, m.span.size()) : std::string_view();
    mj["span"] = {m.span.begin, m.span.end};
    mj["entry"] = m.entry ? nlohmann::json(m.entry->id) : nlohmann::json();
    mj["provider"] = m.provider ? nlohmann::json(m.provider->id) : nlohmann::json();
    matches.push_back(std::move(mj));
  }
}

/// A bounced recipient's diagnosis: the entry as diagnosed_entry_json() gives it (without the
/// codes, tokens and texts it answers to), with the match's `specificity`, `confidence`, the
/// class's `retry_advice`, `evidence` and `alternatives`.
inline nlohmann::json diagnosis_json(const Diagnosis& d) {
  if (!d.entry) return nullptr;
  nlohmann::json j = diagnosed_entry_json(d);
  // What the entry answers to (codes, tokens, texts) is the knowledge base's, not this
  // recipient's: md.kbEntries() and `explain` give it; a mailbox of bounces need not repeat it.
  j.erase("codes");
  j.erase("tokens");
  j.erase("patterns");
  j["specificity"] = to_string(d.specificity);
  j["confidence"] = to_string(d.confidence);
  j["retry_advice"] = d.retry.empty() ? nlohmann::json() : nlohmann::json(d.retry);
  j["evidence"] = evidence_json(d.evidence);
  j["alternatives"] = alternatives_json(d.alternatives);
  return j;
}

}  // namespace kb
}  // namespace maildiag
