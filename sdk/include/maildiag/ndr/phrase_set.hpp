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
        // Every case variant of the first two bytes is marked, so that the scan tests the
        // text's raw bytes without lowercasing them.
        mark(starts_, p[0], p[1]);
        mark(inner_, p[0], p[1]);
        mark(inner_, p[1], p[2]);
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
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    for (std::size_t i = 0; i + 2 < n; ++i) {
      // Most positions cannot start any phrase, and most pairs of bytes occur in no phrase at
      // all: a pair at i + 1 that is neither the first two nor the second and third bytes of a
      // phrase rules out positions i and i + 1 at once.
      if (!has(inner_, bytes[i + 1], bytes[i + 2])) {
        ++i;
        continue;
      }
      if (!has(starts_, bytes[i], bytes[i + 1])) continue;
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
  using PairBits = std::array<std::uint64_t, 1024>;  // one bit per pair of bytes
  // Marks every case variant of a pair, so that scans test the text's raw bytes.
  static void mark(PairBits& bits, char a, char b) noexcept {
    for (unsigned first : {lower(a), upper(a)})
      for (unsigned second : {lower(b), upper(b)}) {
        const unsigned pair = (first << 8) | second;
        bits[pair >> 6] |= std::uint64_t{1} << (pair & 63);
      }
  }
  static bool has(const PairBits& bits, unsigned char a, unsigned char b) noexcept {
    const unsigned pair = (unsigned{a} << 8) | b;
    return (bits[pair >> 6] >> (pair & 63)) & 1;
  }
  static unsigned lower(char c) noexcept {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'A' && u <= 'Z') ? u + 32u : u;
  }
  static unsigned upper(char c) noexcept {
    const auto u = static_cast<unsigned char>(c);
    return (u >= 'a' && u <= 'z') ? u - 32u : u;
  }
  // Folds case by setting bit 0x20, without a branch: letters fold exactly, and the few other
  // bytes that fold together only share a bucket.
  static std::size_t bucket(const char* p) noexcept {
    auto c = [](char x) { return static_cast<std::size_t>(static_cast<unsigned char>(x) | 0x20u); };
    return (c(p[0]) * 961u + c(p[1]) * 31u + c(p[2])) & (kBuckets - 1);
  }
  std::vector<Entry> entries_;
  std::array<std::uint16_t, kBuckets + 1> start_{};
  PairBits starts_{};  // the first two bytes of a phrase
  PairBits inner_{};   // the first two or the second and third bytes of a phrase
};

}  // namespace ndr
}  // namespace maildiag
