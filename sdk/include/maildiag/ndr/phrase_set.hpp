// Finding many short phrases in one pass: the phrases are bucketed by a hash of their first
// three bytes (lowercased) in one flat table, so each position of the text looks at only the
// phrases that can start there. Matching is ASCII case-insensitive; phrases must be lowercase
// and at least 3 bytes long (shorter ones are ignored).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "maildiag/mime/text.hpp"

namespace maildiag {
namespace ndr {

class PhraseSet {
 public:
  template <typename Range>
  explicit PhraseSet(const Range& phrases) {
    std::uint16_t index = 0;
    for (std::string_view p : phrases) {
      if (p.size() >= 3) {
        entries_.push_back(Entry{p, index, bucket(p.data())});
        const unsigned pair = (lower(p[0]) << 8) | lower(p[1]);
        pairs_[pair >> 6] |= std::uint64_t{1} << (pair & 63);
      }
      ++index;
    }
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& a, const Entry& b) { return a.bucket < b.bucket; });
    std::size_t e = 0;
    for (std::size_t b = 0; b <= kBuckets; ++b) {
      while (e < entries_.size() && entries_[e].bucket < b) ++e;
      start_[b] = static_cast<std::uint16_t>(e);
    }
  }

  /// Calls `on_match(index, position)` for every occurrence of a phrase in `text`, in order of
  /// position; `index` is the phrase's place in the constructor's list. Stops early when
  /// `on_match` returns false.
  template <typename OnMatch>
  void scan(std::string_view text, OnMatch&& on_match) const {
    const std::size_t n = text.size();
    for (std::size_t i = 0; i + 2 < n; ++i) {
      // Most positions cannot start any phrase: one bit for their first two bytes rules them out.
      const unsigned pair = (lower(text[i]) << 8) | lower(text[i + 1]);
      if (!((pairs_[pair >> 6] >> (pair & 63)) & 1)) continue;
      const std::size_t b = bucket(text.data() + i);
      for (std::size_t k = start_[b]; k < start_[b + 1]; ++k) {
        const Entry& e = entries_[k];
        if (e.phrase.size() > n - i) continue;
        std::size_t j = 0;
        while (j < e.phrase.size() && mime::ascii_lower(text[i + j]) == e.phrase[j]) ++j;
        if (j == e.phrase.size() && !on_match(e.index, i)) return;
      }
    }
  }

 private:
  static constexpr std::size_t kBuckets = 4096;
  struct Entry {
    std::string_view phrase;
    std::uint16_t index;
    std::size_t bucket;
  };
  static unsigned lower(char c) noexcept {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'A' && u <= 'Z') ? u + 32u : u;
  }
  static std::size_t bucket(const char* p) noexcept {
    auto c = [](char x) { return static_cast<std::size_t>(static_cast<unsigned char>(mime::ascii_lower(x))); };
    return (c(p[0]) * 961u + c(p[1]) * 31u + c(p[2])) & (kBuckets - 1);
  }
  std::vector<Entry> entries_;
  std::array<std::uint16_t, kBuckets + 1> start_{};
  std::array<std::uint64_t, 1024> pairs_{};  // first two bytes (lowercase) a phrase starts with
};

}  // namespace ndr
}  // namespace maildiag
