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
#include <vector>

namespace maildiag {
namespace ndr {

class PhraseSet {
 public:
  /// At most this many automaton states (the phrases' bytes, less shared prefixes): phrases
  /// beyond it are left out. The sets maildiag builds are far smaller; a test checks that.
  static constexpr std::size_t max_states = 65535;  // phrase indices and lengths are 16-bit too

  template <typename Range>
  explicit PhraseSet(const Range& phrases) {
    std::vector<std::string_view> kept;  // by index; empty when ignored
    for (std::string_view p : phrases) kept.push_back(p.size() >= 3 ? p : std::string_view());
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
      for (std::size_t k = 0; k < kStreams; ++k)
        if ((entries[k] & kMatches) && !report(rows[k], streams[k].pos + step, streams[k], on_match))
          return;
    }
    for (std::size_t k = 0; k < kStreams; ++k) {
      streams[k].row = rows[k];
      streams[k].pos += common;
    }
    for (Stream& st : streams)
      if (!run(text, st, st.end, on_match)) return;
  }

  /// False when a phrase was left out for want of states.
  bool complete() const noexcept { return complete_; }
  std::size_t state_count() const noexcept { return out_begin_.size() - 1; }

 private:
  void build(const std::vector<std::string_view>& phrases) {
    // Byte classes: one per distinct byte of the phrases, 0 for every other byte. Letters are
    // folded: 'A' is in the class of 'a'.
    auto lower = [](char c) {
      const auto b = static_cast<unsigned char>(c);
      return static_cast<unsigned char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
    };
    for (std::string_view p : phrases)
      for (char c : p)
        if (class_of_[lower(c)] == 0) class_of_[lower(c)] = static_cast<std::uint8_t>(classes_++);
    for (unsigned b = 'A'; b <= 'Z'; ++b) class_of_[b] = class_of_[b + 32];

    // The trie: trie[state * classes_ + class] is the child, 0 when there is none (no edge
    // leads back to the root, state 0).
    std::vector<std::uint32_t> trie(classes_, 0);
    std::vector<std::vector<std::uint16_t>> ends(1);  // phrases ending at each state
    length_.assign(phrases.size(), 0);
    for (std::size_t index = 0; index < phrases.size(); ++index) {
      std::string_view p = phrases[index];
      if (p.empty()) continue;
      std::size_t needed = 0, state = 0;
      for (char c : p) {
        const std::uint32_t to = trie[state * classes_ + class_of_[static_cast<unsigned char>(c)]];
        if (to == 0) ++needed;
        else state = to;
      }
      if (ends.size() + needed > max_states) {
        complete_ = false;
        continue;
      }
      state = 0;
      for (char c : p) {
        const std::size_t at = state * classes_ + class_of_[static_cast<unsigned char>(c)];
        if (trie[at] == 0) {
          trie[at] = static_cast<std::uint32_t>(ends.size());
          ends.emplace_back();
          trie.resize(trie.size() + classes_, 0);
        }
        state = trie[at];
      }
      ends[state].push_back(static_cast<std::uint16_t>(index));
      length_[index] = static_cast<std::uint16_t>(p.size());
      max_length_ = std::max(max_length_, p.size());
    }

    // Breadth first, each state's missing edges become those of its longest proper suffix that
    // is a state (its failure state), and its phrases include that suffix's phrases. The trie
    // table turns into the automaton in place.
    const std::size_t states = ends.size();
    std::vector<std::uint32_t> fail(states, 0), order;
    order.reserve(states);
    order.push_back(0);
    for (std::size_t head = 0; head < order.size(); ++head) {
      const std::size_t s = order[head];
      for (std::size_t c = 0; c < classes_; ++c) {
        std::uint32_t& edge = trie[s * classes_ + c];
        const std::uint32_t via_fail = s == 0 ? 0 : trie[fail[s] * classes_ + c];
        if (edge != 0) {
          fail[edge] = via_fail;
          order.push_back(edge);
        } else {
          edge = via_fail;
        }
      }
    }
    std::vector<std::vector<std::uint16_t>> outputs(states);
    for (std::size_t s : order) {
      outputs[s] = ends[s];  // its own phrases (the longest, as they end here), then shorter ones
      if (s != 0) outputs[s].insert(outputs[s].end(), outputs[fail[s]].begin(), outputs[fail[s]].end());
    }

    // The final table is numbered in breadth-first order, so that the states near the root,
    // where a scan spends most of its time, share a few cache lines. Each entry holds the next
    // state's row offset, with the top bit set when that state matches phrases.
    std::vector<std::uint32_t> renumbered(states);
    for (std::size_t k = 0; k < states; ++k) renumbered[order[k]] = static_cast<std::uint32_t>(k);
    next_.assign(states * classes_, 0);
    out_begin_.assign(states + 1, 0);
    for (std::size_t k = 0; k < states; ++k) {
      const std::size_t s = order[k];
      for (std::size_t c = 0; c < classes_; ++c) {
        const std::uint32_t to = trie[s * classes_ + c];
        next_[k * classes_ + c] = static_cast<std::uint32_t>(renumbered[to] * classes_) |
                                  (outputs[to].empty() ? 0u : kMatches);
      }
      out_begin_[k] = static_cast<std::uint32_t>(outputs_.size());
      outputs_.insert(outputs_.end(), outputs[s].begin(), outputs[s].end());
    }
    out_begin_[states] = static_cast<std::uint32_t>(outputs_.size());
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
