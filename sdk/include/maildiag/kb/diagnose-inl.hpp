#pragma once

#include <algorithm>
#include <utility>

#include "maildiag/kb/detail/tables.hpp"
#include "maildiag/kb/diagnose.hpp"
#include "maildiag/kb/entry.hpp"

namespace maildiag {
namespace kb {
namespace detail {

constexpr bool is_word_byte(unsigned char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// A token must stand on its own: "S3150" matches in "(S3150)" but not in "AS31501".
inline bool token_stands_alone(std::string_view text, std::size_t begin, std::size_t end) noexcept {
  const auto first = static_cast<unsigned char>(text[begin]);
  const auto last = static_cast<unsigned char>(text[end - 1]);
  if (is_word_byte(first) && begin > 0 && is_word_byte(static_cast<unsigned char>(text[begin - 1])))
    return false;
  if (is_word_byte(last) && end < text.size() && is_word_byte(static_cast<unsigned char>(text[end])))
    return false;
  return true;
}

inline std::uint16_t ac_step(std::uint16_t state, std::uint8_t byte_class) noexcept {
  for (;;) {
    if (state < kAcDenseStates) return kAcDense[state * kAcClasses + byte_class];
    const AcState& s = kAcStates[state];
    for (std::uint16_t i = s.first_edge, end = i + s.edge_count; i < end; ++i)
      if (kAcEdgeClass[i] == byte_class) return kAcEdgeNext[i];
    state = s.fail;
  }
}

// True when text[begin, begin + needle.length) is the needle, ignoring ASCII case.
inline bool needle_at(std::string_view text, std::size_t begin, const Needle& needle) noexcept {
  if (begin + needle.length > text.size()) return false;
  for (std::size_t k = kAnchorLength; k < needle.length; ++k)
    if (ascii_lower(text[begin + k]) != ascii_lower(needle.text[k])) return false;
  return true;
}

// Calls on_match(needle, end) for every needle found, ordered by where its anchor ends.
template <class OnMatch>
void scan_needles(std::string_view text, OnMatch&& on_match) {
  std::uint16_t state = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    state = ac_step(state, kAcByteClass[static_cast<unsigned char>(ascii_lower(text[i]))]);
    if (!kAcHasOutput[state]) continue;
    const AcState& s = kAcStates[state];
    for (std::uint16_t k = 0; k < s.output_count; ++k) {
      const std::uint16_t index = kAcOutputs[s.first_output + k];
      const Needle& needle = kNeedles[index];
      const std::size_t anchor = needle.length < kAnchorLength ? needle.length : kAnchorLength;
      const std::size_t begin = i + 1 - anchor;
      if (!needle_at(text, begin, needle)) continue;
      if (!on_match(index, begin + needle.length)) return;
    }
  }
}

template <class F>
void for_each_code_entry(std::uint32_t key, F&& f) {
  const auto* lo = std::lower_bound(std::begin(kCodeIndex), std::end(kCodeIndex), key,
                                    [](const CodeIndexEntry& c, std::uint32_t k) { return c.key < k; });
  for (; lo != std::end(kCodeIndex) && lo->key == key; ++lo) f(lo->entry, false);
  for (std::size_t r = 0; r < kCodeRangeCount; ++r)
    if (kCodeRanges[r].low <= key && key <= kCodeRanges[r].high) f(kCodeRanges[r].entry, true);
}

inline bool entry_has_key(std::uint16_t entry, std::uint32_t key) {
  bool found = false;
  for_each_code_entry(key, [&](std::uint16_t e, bool) { found = found || e == entry; });
  return found;
}

inline std::uint32_t status_key(const EnhancedStatus& s) noexcept {
  return enhanced_key(static_cast<int>(s.klass), s.subject, s.detail);
}

// True when the entry lists this status code, in either failure class: providers do not agree
// on the class digit ("421 4.7.28" and "550 5.7.28" describe the same limit at Gmail).
inline bool entry_lists_status(std::uint16_t entry, const EnhancedStatus& s) {
  for (int klass : {2, 4, 5})
    if (entry_has_key(entry, enhanced_key(klass, s.subject, s.detail))) return true;
  return false;
}

inline bool entry_lists_enhanced_codes(const Entry& e) noexcept {
  for (std::string_view c : e.codes)
    if (c.size() > 3) return true;
  return false;
}

// True when one of the entry's enhanced codes has this subject ("5.2.2" and "522 5.2.0" are both
// about the mailbox): mail software's wording is trusted across details of the same subject,
// which servers choose loosely, but not across subjects.
inline bool entry_lists_subject(const Entry& e, int subject) noexcept {
  for (std::string_view c : e.codes) {
    if (c.size() < 5 || c[1] != '.') continue;
    int value = 0;
    std::size_t i = 2;
    for (; i < c.size() && c[i] >= '0' && c[i] <= '9'; ++i) value = value * 10 + (c[i] - '0');
    if (i > 2 && value == subject) return true;
  }
  return false;
}

// How close an entry's provider is to the provider of the text: 0 same, 1 same family,
// 2 no provider known or the entry is generic, 3 another provider.
inline int provider_distance(int entry_provider, int provider) noexcept {
  if (provider < 0 || entry_provider == 0) return 2;
  if (entry_provider == provider) return 0;
  const int parent = kProviders[provider].parent;
  const int entry_parent = kProviders[entry_provider].parent;
  if (entry_provider == parent || entry_parent == provider || (parent >= 0 && parent == entry_parent))
    return 1;
  return 3;
}

// Plain data without initialisers, so a buffer of them costs nothing until used.
struct Ranked {
  const Entry* entry;
  Specificity specificity;
  bool has_span;
  Span span;
  int rank[4];

  Candidate candidate() const {
    Candidate c;
    c.entry = entry;
    c.specificity = specificity;
    if (has_span) c.span = span;
    return c;
  }
};

inline bool ranks_before(const Ranked& a, const Ranked& b) noexcept {
  return std::lexicographical_compare(std::begin(a.rank), std::end(a.rank), std::begin(b.rank),
                                      std::end(b.rank));
}

inline bool class_permanent(char digit) noexcept { return digit != '4' && digit != '2'; }

}  // namespace detail

MAILDIAG_FUNC std::string_view to_string(Specificity s) noexcept {
  switch (s) {
    case Specificity::provider_text: return "provider_text";
    case Specificity::provider_code: return "provider_code";
    case Specificity::registry_code: return "registry_code";
    case Specificity::class_fallback: return "class_fallback";
  }
  return "class_fallback";
}

MAILDIAG_FUNC std::string_view to_string(ProviderSource s) noexcept {
  switch (s) {
    case ProviderSource::none: return "none";
    case ProviderSource::hint: return "hint";
    case ProviderSource::text: return "text";
  }
  return "none";
}

MAILDIAG_FUNC std::string_view to_string(TextMatch::Kind k) noexcept {
  switch (k) {
    case TextMatch::Kind::token: return "token";
    case TextMatch::Kind::pattern: return "pattern";
    case TextMatch::Kind::provider_marker: return "provider_marker";
  }
  return "pattern";
}

MAILDIAG_FUNC Diagnosis diagnose(std::string_view text, std::optional<EnhancedStatus> status,
                                 std::optional<std::uint16_t> reply_code,
                                 std::string_view provider_hint) {
  if (!status || !reply_code) {
    const PrimaryCodes found = primary_codes(scan_status_codes(text));
    if (!status) status = found.status;
    if (!reply_code) reply_code = found.reply_code;
  }
  return diagnose_with_codes(text, status, reply_code, provider_hint);
}

MAILDIAG_FUNC Diagnosis diagnose_with_codes(std::string_view text,
                                            std::optional<EnhancedStatus> status,
                                            std::optional<std::uint16_t> reply_code,
                                            std::string_view provider_hint) {
  using namespace detail;
  Diagnosis d;
  d.status = status;
  d.reply_code = reply_code;

  // One pass over the text for tokens, patterns and provider markers.
  int marker_provider = -1;
  int token_provider = -1;
  scan_needles(text, [&](std::uint16_t needle_index, std::size_t end) {
    const Needle& n = kNeedles[needle_index];
    const Span span{end - n.length, end};
    if (n.kind == NeedleKind::provider_marker) {
      if (marker_provider < 0 || n.target < marker_provider) marker_provider = n.target;
      if (d.text_matches.size() < max_text_matches)
        d.text_matches.push_back({TextMatch::Kind::provider_marker, span, nullptr,
                                  &kProviders[n.target]});
      return true;
    }
    if (n.kind == NeedleKind::token && !token_stands_alone(text, span.begin, span.end)) return true;
    const Entry* entry = &kEntries[n.target];
    const auto kind = n.kind == NeedleKind::token ? TextMatch::Kind::token : TextMatch::Kind::pattern;
    if (kind == TextMatch::Kind::token && token_provider < 0 && entry->provider_index != 0)
      token_provider = entry->provider_index;
    for (TextMatch& m : d.text_matches) {
      if (m.entry != entry) continue;
      // One record per entry; a token is the stronger evidence.
      if (kind == TextMatch::Kind::token && m.kind == TextMatch::Kind::pattern) {
        m.kind = kind;
        m.span = span;
      }
      return true;
    }
    if (d.text_matches.size() < max_text_matches)
      d.text_matches.push_back({kind, span, entry, &kProviders[entry->provider_index]});
    return true;
  });

  int provider = -1;
  if (!provider_hint.empty()) {
    if (const ProviderInfo* p = find_provider(provider_hint)) {
      provider = static_cast<int>(p - kProviders);
      d.provider_source = ProviderSource::hint;
    } else {
      d.unknown_provider_hint = true;
    }
  }
  if (provider < 0 && (marker_provider >= 0 || token_provider >= 0)) {
    provider = marker_provider >= 0 ? marker_provider : token_provider;
    d.provider_source = ProviderSource::text;
  }
  if (provider >= 0) d.provider = &kProviders[provider];

  // Every text match can add one candidate, the codes a few more: a fixed buffer suffices.
  constexpr std::size_t max_candidates = max_text_matches + 32;
  Ranked ranked[max_candidates];
  std::size_t ranked_count = 0;
  // Candidates rank by tier (the specificity, except as noted below), then by the three keys.
  auto add_ranked = [&](std::uint16_t entry, Specificity spec, std::optional<Span> span, int tier,
                        int r1, int r2, int r3) {
    const Entry* e = &kEntries[entry];
    for (std::size_t i = 0; i < ranked_count; ++i)
      if (ranked[i].entry == e) return;
    if (ranked_count < max_candidates)
      ranked[ranked_count++] = {e, spec, span.has_value(), span.value_or(Span{}), {tier, r1, r2, r3}};
  };
  auto add = [&](std::uint16_t entry, Specificity spec, std::optional<Span> span, int r1, int r2,
                 int r3) { add_ranked(entry, spec, span, static_cast<int>(spec), r1, r2, r3); };

  for (const TextMatch& m : d.text_matches) {
    if (!m.entry) continue;
    const auto index = static_cast<std::uint16_t>(m.entry - kEntries);
    const bool agrees = status && entry_lists_status(index, *status);
    const int distance = provider_distance(m.entry->provider_index, provider);
    if (m.kind == TextMatch::Kind::pattern) {
      // A wording shared by many systems only counts when the codes do not contradict it, and
      // a mail service's wording only when the text comes from that service.
      const bool software = kProviders[m.entry->provider_index].kind == ProviderKind::software;
      if (status && !agrees && entry_lists_enhanced_codes(*m.entry) &&
          !(software && entry_lists_subject(*m.entry, status->subject)))
        continue;
      if (kProviders[m.entry->provider_index].kind == ProviderKind::mailbox && distance > 1)
        continue;
    }
    const int detail = (m.kind == TextMatch::Kind::token ? 0 : 1000) - static_cast<int>(m.span.size());
    // Mail software's wording in a known mail service's reply says less than the service's own
    // meaning of the code: it ranks right after that.
    if (distance == 3 && kProviders[m.entry->provider_index].kind == ProviderKind::software)
      add_ranked(index, Specificity::provider_text, m.span,
                 static_cast<int>(Specificity::provider_code), 2, agrees ? 0 : 1, detail);
    else
      add(index, Specificity::provider_text, m.span, distance, agrees ? 0 : 1, detail);
  }

  // A provider's entries answer to a bare reply code only when there is no enhanced code: "550"
  // says little once "5.2.2" is known.
  auto add_code_candidates = [&](std::uint32_t key, bool provider_entries) {
    // A code no registry defines ("5.7.367", "4.4.312") means what the providers that use it
    // say, even when the text does not name the provider: that beats a class fallback.
    bool registry_defines = false;
    for_each_code_entry(key, [&](std::uint16_t entry, bool) {
      registry_defines = registry_defines || kEntries[entry].provider_index == 0;
    });
    for_each_code_entry(key, [&](std::uint16_t entry, bool is_range) {
      const int owner = kEntries[entry].provider_index;
      if (owner == 0) {
        // Next to an enhanced code, the reply code's meaning is no more telling than the
        // enhanced code's subject: it ranks with the fallbacks, after the subject's entry.
        add_ranked(entry, Specificity::registry_code, std::nullopt,
                   provider_entries ? static_cast<int>(Specificity::registry_code)
                                    : static_cast<int>(Specificity::class_fallback),
                   provider_entries ? 0 : 1, 0, 0);
        return;
      }
      if (!provider_entries) return;
      const int distance = provider_distance(owner, provider);
      if (provider >= 0 && distance <= 1)
        add(entry, Specificity::provider_code, std::nullopt, distance, is_range ? 1 : 0, 0);
      else if (provider < 0 && !registry_defines)
        add(entry, Specificity::provider_code, std::nullopt, 3, is_range ? 1 : 0, 0);
    });
  };
  if (status) add_code_candidates(status_key(*status), true);
  if (reply_code) add_code_candidates(*reply_code, !status);
  if (status) {
    if (status->detail != 0)
      for_each_code_entry(enhanced_key(static_cast<int>(status->klass), status->subject, 0),
                          [&](std::uint16_t entry, bool) {
                            if (kEntries[entry].provider_index == 0)
                              add(entry, Specificity::class_fallback, std::nullopt, 0, 0, 0);
                          });
    const int klass = static_cast<int>(status->klass);
    add(kClassFallback[klass == 2 ? 0 : klass == 4 ? 1 : 2], Specificity::class_fallback,
        std::nullopt, 2, 0, 0);
  } else if (reply_code && *reply_code >= 400) {
    add(kClassFallback[*reply_code >= 500 ? 2 : 1], Specificity::class_fallback, std::nullopt, 2,
        0, 0);
  }

  // Insertion sort: stable, and the lists are short.
  for (std::size_t i = 1; i < ranked_count; ++i)
    for (std::size_t j = i; j > 0 && ranks_before(ranked[j], ranked[j - 1]); --j)
      std::swap(ranked[j], ranked[j - 1]);
  if (ranked_count > 0) {
    const Candidate best = ranked[0].candidate();
    d.entry = best.entry;
    d.specificity = best.specificity;
    d.match_span = best.span;
    const std::size_t alternatives = std::min(ranked_count - 1, max_alternatives);
    d.alternatives.reserve(alternatives);
    for (std::size_t i = 1; i <= alternatives; ++i) d.alternatives.push_back(ranked[i].candidate());
  }

  if (d.entry && d.entry->permanence != Permanence::by_class)
    d.permanent = d.entry->permanence == Permanence::permanent;
  else if (status)
    d.permanent = status->klass == StatusClass::permanent;
  else if (reply_code)
    d.permanent = reply_code_class(*reply_code) == StatusClass::permanent;
  else if (d.entry && !d.entry->codes.empty())
    d.permanent = class_permanent(d.entry->codes[0][0]);
  else
    d.permanent = d.entry != nullptr;
  return d;
}

MAILDIAG_FUNC Diagnosis diagnose(std::string_view text, std::string_view provider_hint) {
  return diagnose(text, std::nullopt, std::nullopt, provider_hint);
}

}  // namespace kb
}  // namespace maildiag
