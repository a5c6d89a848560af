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

/// The diagnosis part of an explanation: `provider`, `provider_source`, `entry` (with
/// `permanent` resolved for this text), `match`, `alternatives` and `text_matches`.
inline void add_diagnosis_json(nlohmann::json& j, const Diagnosis& d, std::string_view text) {
  j["provider"] = d.provider ? nlohmann::json(d.provider->id) : nlohmann::json();
  j["provider_source"] = to_string(d.provider_source);
  if (d.entry) {
    nlohmann::json entry = to_json(*d.entry);
    entry["permanent"] = d.permanent;
    j["entry"] = std::move(entry);
    j["match"] = {{"specificity", to_string(d.specificity)}, {"span", span_json(d.match_span)}};
  } else {
    j["entry"] = nullptr;
    j["match"] = nullptr;
  }
  auto& alternatives = j["alternatives"] = nlohmann::json::array();
  for (const Candidate& c : d.alternatives)
    alternatives.push_back({{"id", c.entry->id},
                            {"title", c.entry->title},
                            {"category", to_string(c.entry->category)},
                            {"specificity", to_string(c.specificity)}});
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

}  // namespace kb
}  // namespace maildiag
