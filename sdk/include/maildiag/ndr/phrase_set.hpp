// Finding many short phrases in one pass: an Aho-Corasick automaton, compiled on first use into
// a table with one row per state and one column per byte class, so that each byte of the text
// costs one table lookup whatever the number of phrases. Matching is ASCII case-insensitive:
// phrases must be lowercase; phrases shorter than 3 bytes are ignored.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace maildiag {
namespace ndr {

class PhraseSet {
 public:
  /// Phrases are numbered and measured in 16 bits: phrases past index 65535 or longer than
  /// 65535 bytes are left out (complete() tells).
  template <typename Range>
  explicit PhraseSet(const Range& phrases) {
    std::vector<std::string_view> kept;  // by index; empty when ignored
    for (std::string_view p : phrases) {
      const bool fits = kept.size() <= 0xFFFF && p.size() <= 0xFFFF;
      if (!fits) complete_ = false;
      kept.push_back(p.size() >= 3 && fits ? p : std::string_view());
    }
    build(kept);
  }

  /// Calls `on_match(index, position)` for every occurrence of a phrase in `text`, in no
  /// particular order; `index` is the phrase's place in the constructor's list, `position` where
  /// the occurrence starts. Stops early when `on_match` returns false.
  template <typename OnMatch>
  void scan(std::string_view text, OnMatch&& on_match) const {
    // One automaton step depends on the one before: a long text is cut into four stretches
    // read side by side, so that the processor overlaps their steps. A stretch starts reading
    // max_length_ - 1 bytes early and reports only the occurrences that end inside it.
    constexpr std::size_t kStreams = 4;
    const std::size_t n = text.size();
    if (n < kStreams * (max_length_ + 64)) {
      Stream whole{0, 0, 0, n};
      run(text, whole, n, on_match);
      return;
    }
    std::array<Stream, kStreams> streams;
    for (std::size_t k = 0; k < kStreams; ++k) {
      const std::size_t from = n * k / kStreams;
      streams[k].row = 0;
      streams[k].report_from = from;
      streams[k].pos = k == 0 ? 0 : from - (max_length_ - 1);
      streams[k].end = n * (k + 1) / kStreams;
    }
    std::size_t common = n;
    for (const Stream& st : streams) common = std::min(common, st.end - st.pos);
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::uint32_t* const next = next_.data();
    const std::uint8_t* const class_of = class_of_.data();
    std::uint32_t rows[kStreams] = {0, 0, 0, 0};
    for (std::size_t step = 0; step < common; ++step) {
      std::uint32_t entries[kStreams];
      for (std::size_t k = 0; k < kStreams; ++k)
        entries[k] = next[rows[k] + class_of[bytes[streams[k].pos + step]]];
      for (std::size_t k = 0; k < kStreams; ++k) rows[k] = entries[k] & ~kMatches;
      if (!((entries[0] | entries[1] | entries[2] | entries[3]) & kMatches)) continue;
      for (std::size_t k = 0; k < kStreams; ++k) {
        const std::size_t i = streams[k].pos + step;
        if ((entries[k] & kMatches) && !report(rows[k], i, streams[k], on_match)) return;
      }
    }
    for (std::size_t k = 0; k < kStreams; ++k) {
      streams[k].row = rows[k];
      streams[k].pos += common;
    }
    for (Stream& st : streams)
      if (!run(text, st, st.end, on_match)) return;
  }

  /// False when a phrase was left out (see the constructor).
  bool complete() const noexcept { return complete_; }
  std::size_t state_count() const noexcept { return out_begin_.size() - 1; }

 private:
  void build(const std::vector<std::string_view>& phrases) {
    // Byte classes: one per distinct byte of the phrases, 0 for every other byte. Letters are
    // folded: 'A' is in the class of 'a' (so there are at most 231 classes).
    auto lower = [](char c) {
      const auto b = static_cast<unsigned char>(c);
      return static_cast<unsigned char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
    };
    for (std::string_view p : phrases)
      for (char c : p)
        if (class_of_[lower(c)] == 0) class_of_[lower(c)] = static_cast<std::uint8_t>(classes_++);
    for (unsigned b = 'A'; b <= 'Z'; ++b) class_of_[b] = class_of_[b + 32];
    auto class_at = [&](std::string_view p, std::size_t i) {
      return class_of_[static_cast<unsigned char>(p[i])];
    };

    // The trie, numbered breadth first (the states near the root, where a scan spends most of
    // its time, then share a few cache lines): depth by depth over the phrases in sorted order,
    // where the phrases sharing a prefix are neighbours. next_[state * classes_ + class] is the
    // child, 0 when there is none (no edge leads back to the root, state 0).
    std::vector<std::uint32_t> sorted;
    for (std::uint32_t i = 0; i < phrases.size(); ++i)
      if (!phrases[i].empty()) sorted.push_back(i);
    std::sort(sorted.begin(), sorted.end(), [&](std::uint32_t a, std::uint32_t b) {
      const std::string_view x = phrases[a], y = phrases[b];
      for (std::size_t i = 0; i < x.size() && i < y.size(); ++i)
        if (class_at(x, i) != class_at(y, i)) return class_at(x, i) < class_at(y, i);
      return x.size() != y.size() ? x.size() < y.size() : a < b;
    });
    length_.assign(phrases.size(), 0);
    std::vector<std::uint32_t> node(sorted.size(), 0);  // each sorted phrase's node so far
    std::vector<std::uint32_t> own_begin{0, 0};         // phrases ending at each state:
    std::vector<std::uint16_t> own;                     //   own[own_begin[s], own_begin[s+1])
    std::vector<std::uint32_t> parent{0};
    std::vector<std::pair<std::uint32_t, std::uint16_t>> ending;  // (state, phrase) of a depth
    // Neighbours in sorted order share their common prefix's states: the trie has one state per
    // byte of each phrase past that prefix (plus the root).
    std::size_t states = 1;
    for (std::size_t k = 0; k < sorted.size(); ++k) {
      const std::string_view p = phrases[sorted[k]];
      std::size_t common = 0;
      if (k > 0) {
        const std::string_view q = phrases[sorted[k - 1]];
        while (common < p.size() && common < q.size() && class_at(p, common) == class_at(q, common))
          ++common;
      }
      states += p.size() - common;
    }
    next_.reserve(states * classes_);
    next_.assign(classes_, 0);
    for (std::size_t depth = 1;; ++depth) {
      const std::size_t level_begin = parent.size();
      std::uint32_t last_parent = 0, last = 0;
      std::uint8_t last_class = 0;
      bool any = false;
      for (std::size_t k = 0; k < sorted.size(); ++k) {
        const std::string_view p = phrases[sorted[k]];
        if (p.size() < depth) continue;
        const std::uint8_t c = class_at(p, depth - 1);
        if (!any || node[k] != last_parent || c != last_class) {
          last = static_cast<std::uint32_t>(parent.size());
          parent.push_back(node[k]);
          next_[node[k] * classes_ + c] = last;
          next_.resize(next_.size() + classes_, 0);
          last_parent = node[k];
          last_class = c;
          any = true;
        }
        node[k] = last;
        if (p.size() == depth) ending.emplace_back(last, static_cast<std::uint16_t>(sorted[k]));
      }
      if (!any) break;
      // The phrases that end at this depth, state by state (states grow with k).
      std::size_t e = 0;
      for (std::size_t s = level_begin; s < parent.size(); ++s) {
        for (; e < ending.size() && ending[e].first == s; ++e) own.push_back(ending[e].second);
        own_begin.push_back(static_cast<std::uint32_t>(own.size()));
      }
      ending.clear();
    }
    for (std::uint32_t i : sorted) length_[i] = static_cast<std::uint16_t>(phrases[i].size());
    for (std::string_view p : phrases) max_length_ = std::max(max_length_, p.size());

    // In breadth-first order, each state's missing edges become those of its longest proper
    // suffix that is a state (its failure state), and its phrases include that suffix's
    // phrases: the trie turns into the automaton in place.
    std::vector<std::uint32_t> fail(states, 0);
    out_begin_.assign(states + 1, 0);
    for (std::size_t s = 0; s < states; ++s) {
      std::uint32_t* row = &next_[s * classes_];
      const std::uint32_t* fail_row = &next_[fail[s] * classes_];
      for (std::size_t c = 0; c < classes_; ++c) {
        if (row[c] != 0) fail[row[c]] = s == 0 ? 0 : fail_row[c];
        else row[c] = s == 0 ? 0 : fail_row[c];
      }
      // Its own phrases (the longest, as they end here) first, then its failure state's.
      out_begin_[s] = static_cast<std::uint32_t>(outputs_.size());
      outputs_.insert(outputs_.end(), own.begin() + own_begin[s], own.begin() + own_begin[s + 1]);
      if (s != 0)
        for (std::uint32_t k = out_begin_[fail[s]]; k < out_begin_[fail[s] + 1]; ++k)
          outputs_.push_back(outputs_[k]);
    }
    out_begin_[states] = static_cast<std::uint32_t>(outputs_.size());
    // Each entry finally holds the next state's row offset, with the top bit set when that
    // state matches phrases.
    for (std::uint32_t& cell : next_)
      cell = static_cast<std::uint32_t>(cell * classes_) |
             (out_begin_[cell] != out_begin_[cell + 1] ? kMatches : 0u);
  }

  static constexpr std::uint32_t kMatches = 0x80000000u;

  struct Stream {
    std::uint32_t row;        // the automaton's state, as its row offset
    std::size_t report_from;  // occurrences ending before this byte belong to another stream
    std::size_t pos;          // the next byte to read
    std::size_t end;
  };

  // Reports the occurrences that end at byte i, where the automaton reached `row`; false when
  // on_match asked to stop.
  template <typename OnMatch>
  bool report(std::uint32_t row, std::size_t i, const Stream& st, OnMatch& on_match) const {
    if (i < st.report_from) return true;
    const std::size_t state = row / classes_;
    for (std::uint32_t k = out_begin_[state]; k < out_begin_[state + 1]; ++k) {
      const std::uint16_t index = outputs_[k];
      if (!on_match(index, i + 1 - length_[index])) return false;
    }
    return true;
  }

  // Reads one byte; false when on_match asked to stop.
  template <typename OnMatch>
  bool advance(std::string_view text, Stream& st, OnMatch& on_match) const {
    const std::size_t i = st.pos++;
    const std::uint32_t entry = next_[st.row + class_of_[static_cast<unsigned char>(text[i])]];
    st.row = entry & ~kMatches;
    return !(entry & kMatches) || report(st.row, i, st, on_match);
  }

  template <typename OnMatch>
  bool run(std::string_view text, Stream& st, std::size_t end, OnMatch& on_match) const {
    while (st.pos < end)
      if (!advance(text, st, on_match)) return false;
    return true;
  }

  std::array<std::uint8_t, 256> class_of_{};
  std::size_t classes_ = 1;
  std::vector<std::uint32_t> next_;        // next_[row + class]: the next row, kMatches
  std::vector<std::uint32_t> out_begin_;   // phrases matched in state s: outputs_[out_begin_[s],
  std::vector<std::uint16_t> outputs_;     //   out_begin_[s + 1])
  std::vector<std::uint16_t> length_;      // by phrase index
  std::size_t max_length_ = 1;
  bool complete_ = true;
};

}  // namespace ndr
}  // namespace maildiag
