#pragma once

#include <algorithm>
#include <array>
#include <memory>
#include <vector>

#include "maildiag/mime/text.hpp"
#include "maildiag/ndr/reason.hpp"
#include "maildiag/ndr/phrase_set.hpp"
#include "maildiag/ndr/reason_keywords.hpp"

namespace maildiag {
namespace ndr {
namespace reason_detail {

// All keyword tables in one phrase set: one pass over the text finds every phrase of every
// reason; the best match is then chosen by rank. Texts where single words do not count read
// only the multi-word phrases' matches (the same scan, fewer candidates).
class KeywordMatcher {
 public:
  KeywordMatcher() : phrases_(collect(entries_)) {}

  std::optional<ReasonPhrase> find(std::string_view text, bool phrases_only) const {
    // The automaton reports matches by where they end; the choice below reads them by where
    // they start, then by table order.
    struct Match {
      std::size_t begin;
      std::uint16_t index;
    };
    std::vector<Match> matches;
    phrases_.scan(text, [&](std::uint16_t index, std::size_t i) {
      const Entry& e = entries_[index];
      if (phrases_only && !e.multi_word) return true;
      if (e.phrase.size() > 4 || word_at(text, i, e.phrase.size())) matches.push_back({i, index});
      return true;
    });
    std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.index < b.index;
    });
    int best = -1;
    std::size_t best_begin = 0, best_end = 0;
    Reason best_reason = Reason::undefined;
    for (const Match& m : matches) {
      const Entry& e = entries_[m.index];
      const std::size_t end = m.begin + e.phrase.size();
      // A longer phrase covering the best match so far is more precise whatever its rank
      // ("host not found, try again" over "host not found").
      const bool covers = best >= 0 && m.begin <= best_begin && end >= best_end &&
                          end - m.begin > best_end - best_begin;
      if (best >= 0 && e.rank >= best && !covers) continue;
      best = e.rank;
      best_begin = m.begin;
      best_end = end;
      best_reason = e.reason;
    }
    if (best < 0) return std::nullopt;
    return ReasonPhrase{best_reason, Span{best_begin, best_end}};
  }

 private:
  struct Entry {
    std::string_view phrase;
    Reason reason;
    std::uint16_t rank;  // lower wins
    bool multi_word;
  };
  static constexpr std::uint16_t kWordRank = 1000;

  // The phrases of every table, their entries in `entries`.
  static std::vector<std::string_view> collect(std::vector<Entry>& entries) {
    std::vector<std::string_view> phrases;
    std::uint16_t priority = 0;
    for (const auto& table : reason_keyword_tables) {
      for (std::size_t i = 0; i < table.count; ++i) {
        std::string_view p = table.phrases[i];
        // A phrase of several words proves more than a single word ("retry timeout exceeded"
        // beats "timeout"): phrases rank before words, then by table priority. Scripts without
        // spaces between words (Japanese) count as phrases by length alone.
        const bool non_ascii = !p.empty() && static_cast<unsigned char>(p[0]) >= 0x80;
        const bool multi_word =
            (p.find(' ') != std::string_view::npos || non_ascii) && p.size() >= 8;
        const auto rank = static_cast<std::uint16_t>((multi_word ? 0 : kWordRank) + priority);
        entries.push_back(Entry{p, table.reason, rank, multi_word});
        phrases.push_back(p);
      }
      ++priority;
    }
    return phrases;
  }
  static bool is_word_char(char c) noexcept {
    c = mime::ascii_lower(c);
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
  // Short phrases ("rbl", "uce") count only as whole words.
  static bool word_at(std::string_view s, std::size_t i, std::size_t len) noexcept {
    if (i > 0 && is_word_char(s[i - 1])) return false;
    if (i + len < s.size() && is_word_char(s[i + len])) return false;
    return true;
  }

  std::vector<Entry> entries_;
  PhraseSet phrases_;
};

inline const KeywordMatcher& matcher() {
  static const KeywordMatcher instance;
  return instance;
}

}  // namespace reason_detail

MAILDIAG_FUNC std::optional<ReasonPhrase> find_reason_phrase(std::string_view text,
                                                             bool phrases_only) {
  // The cap also bounds the matches the choice has to hold (see KeywordMatcher::find).
  return reason_detail::matcher().find(text.substr(0, max_reason_text), phrases_only);
}

MAILDIAG_FUNC std::optional<Reason> reason_from_text(std::string_view text, bool phrases_only) {
  if (auto phrase = find_reason_phrase(text, phrases_only)) return phrase->reason;
  return std::nullopt;
}

}  // namespace ndr
}  // namespace maildiag
