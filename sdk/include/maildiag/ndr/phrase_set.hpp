// Finding many short phrases in one pass: the phrases are bucketed by a hash of their first two
// bytes (lowercased), so each position of the text looks at only the phrases that can start
// there. Matching is ASCII case-insensitive; phrases must be lowercase and at least 2 bytes.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
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
      if (p.size() >= 2) buckets_[bucket(p[0], p[1])].push_back(Entry{p, index});
      ++index;
    }
  }

  /// Calls `on_match(index, position)` for every occurrence of a phrase in `text`, in order of
  /// position; `index` is the phrase's place in the constructor's list. Stops early when
  /// `on_match` returns false.
  template <typename OnMatch>
  void scan(std::string_view text, OnMatch&& on_match) const {
    const std::size_t n = text.size();
    for (std::size_t i = 0; i + 1 < n; ++i) {
      const auto& candidates = buckets_[bucket(text[i], text[i + 1])];
      for (const Entry& e : candidates) {
        if (e.phrase.size() > n - i) continue;
        std::size_t k = 2;
        while (k < e.phrase.size() && mime::ascii_lower(text[i + k]) == e.phrase[k]) ++k;
        if (k == e.phrase.size() && mime::ascii_lower(text[i]) == e.phrase[0] &&
            mime::ascii_lower(text[i + 1]) == e.phrase[1])
          if (!on_match(e.index, i)) return;
      }
    }
  }

 private:
  struct Entry {
    std::string_view phrase;
    std::uint16_t index;
  };
  static constexpr std::size_t kBuckets = 1024;
  static std::size_t bucket(char a, char b) noexcept {
    const auto x = static_cast<unsigned char>(mime::ascii_lower(a));
    const auto y = static_cast<unsigned char>(mime::ascii_lower(b));
    return (x * 31u + y) & (kBuckets - 1);
  }
  std::array<std::vector<Entry>, kBuckets> buckets_;
};

}  // namespace ndr
}  // namespace maildiag
