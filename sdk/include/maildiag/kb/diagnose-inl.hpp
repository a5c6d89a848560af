#pragma once

#include <algorithm>
#include <string>
#include <utility>

#include "maildiag/kb/detail/tables.hpp"
#include "maildiag/kb/diagnose.hpp"
#include "maildiag/kb/entry.hpp"
#include "maildiag/mime/text.hpp"
#include "maildiag/ndr/reason.hpp"

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

inline bool subject_is_broad(int subject, int detail) noexcept {
  if (subject == 0) return true;
  for (std::uint16_t key : kBroadCodes)
    if (key == subject * 1000 + detail) return true;
  return false;
}

// True when a wording-only entry (no codes, `subjects` only) fits this subject.
inline bool entry_fits_subject(const Entry& e, int subject) noexcept {
  if (subject >= 0 && subject < 16 && (e.subjects >> subject) & 1u) return true;
  return entry_lists_subject(e, subject);
}

// True when the entry may stand for a code of this subject: it lists or declares the subject, or
// it is tied to no subject at all (no enhanced codes, no `subjects`).
inline bool fits_subject(const Entry& e, int subject) noexcept {
  return entry_fits_subject(e, subject) || (!entry_lists_enhanced_codes(e) && e.subjects == 0);
}

// 0 when the entry fits the subject of the code given (or no code is given), else 1: under an
// undefined detail, wording of the code's own subject is preferred.
inline int subject_miss(const Entry& e, const std::optional<EnhancedStatus>& status) noexcept {
  if (!status || status->subject == 0) return 0;
  return fits_subject(e, status->subject) ? 0 : 1;
}

// Candidates rank by tier, then by three keys: lower is better everywhere.
enum Tier : int {
  tier_token,
  tier_agreeing,      // a text whose entry lists the code given; the provider's meaning of it
  tier_fitting_text,  // a text that fits a broad code or a line without codes
  tier_reason_words,  // a reason keyword's entry
  tier_code,          // the registry meaning of a specific code, a bare reply code
  tier_implied,       // what the report implies
  tier_broad_code,    // the registry meaning of a broad code, its subject
  tier_class,         // entries that state no reason: the class alone
};

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

inline std::string quoted(std::string_view text, Span span) {
  std::string out = "'";
  if (span.end <= text.size()) out += mime::collapse_space(text.substr(span.begin, span.size()));
  out += "'";
  return out;
}

inline std::string_view source_words(CodeSource source) noexcept {
  switch (source) {
    case CodeSource::text: return "given by the server";
    case CodeSource::report: return "from the report's Status field";
    case CodeSource::caller: return "given by the caller";
  }
  return "given";
}

}  // namespace detail

MAILDIAG_FUNC std::string_view to_string(Specificity s) noexcept {
  switch (s) {
    case Specificity::provider_text: return "provider_text";
    case Specificity::provider_code: return "provider_code";
    case Specificity::reason_wording: return "reason_wording";
    case Specificity::registry_code: return "registry_code";
    case Specificity::report_context: return "report_context";
    case Specificity::class_fallback: return "class_fallback";
  }
  return "class_fallback";
}

MAILDIAG_FUNC std::string_view to_string(Confidence c) noexcept {
  switch (c) {
    case Confidence::high: return "high";
    case Confidence::medium: return "medium";
    case Confidence::low: return "low";
  }
  return "low";
}

MAILDIAG_FUNC std::string_view to_string(ProviderSource s) noexcept {
  switch (s) {
    case ProviderSource::none: return "none";
    case ProviderSource::hint: return "hint";
    case ProviderSource::text: return "text";
    case ProviderSource::report: return "report";
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

MAILDIAG_FUNC std::string_view to_string(EvidenceItem::Kind k) noexcept {
  switch (k) {
    case EvidenceItem::Kind::status: return "status";
    case EvidenceItem::Kind::reply_code: return "reply_code";
    case EvidenceItem::Kind::provider: return "provider";
    case EvidenceItem::Kind::token: return "token";
    case EvidenceItem::Kind::wording: return "wording";
    case EvidenceItem::Kind::command: return "command";
    case EvidenceItem::Kind::report: return "report";
    case EvidenceItem::Kind::conflict: return "conflict";
  }
  return "wording";
}

MAILDIAG_FUNC bool is_broad(const EnhancedStatus& status) noexcept {
  return detail::subject_is_broad(status.subject, status.detail);
}

MAILDIAG_FUNC bool fits_codes(const Entry& entry, const std::optional<EnhancedStatus>& status) noexcept {
  using namespace detail;
  if (!status) return true;
  const auto index = static_cast<std::uint16_t>(&entry - kEntries);
  if (entry_lists_status(index, *status)) return true;
  if (!is_broad(*status)) return false;
  // An undefined detail (X.n.0, X.0.n) says only "something went wrong"; servers send it
  // whatever the cause, so any wording may choose. X.7.1 keeps to its subject.
  if (status->subject == 0 || status->detail == 0) return true;
  return fits_subject(entry, status->subject);
}

MAILDIAG_FUNC const Entry* entry_for_reason(Reason r) noexcept {
  const auto i = static_cast<std::size_t>(r);
  if (i >= reason_count || detail::kReasons[i].entry < 0) return nullptr;
  return &detail::kEntries[detail::kReasons[i].entry];
}

MAILDIAG_FUNC Diagnosis diagnose(const Evidence& ev) {
  using namespace detail;
  using Item = EvidenceItem;
  Diagnosis d;
  d.status = ev.status;
  d.reply_code = ev.reply_code;
  const std::string_view text = ev.text;
  const std::optional<EnhancedStatus>& status = ev.status;

  // One pass over the text for tokens, patterns and provider markers.
  int marker_provider = -1;
  int token_provider = -1;
  std::optional<Span> marker_span;
  scan_needles(text, [&](std::uint16_t needle_index, std::size_t end) {
    const Needle& n = kNeedles[needle_index];
    const Span span{end - n.length, end};
    if (n.kind == NeedleKind::provider_marker) {
      if (marker_provider < 0 || n.target < marker_provider) {
        marker_provider = n.target;
        marker_span = span;
      }
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
  // An Exchange-internal recipient (IMCEAEX-...) is a token of its own: only tokens count there.
  const Entry* address_token = nullptr;
  if (!ev.recipient.empty()) {
    scan_needles(ev.recipient, [&](std::uint16_t needle_index, std::size_t end) {
      const Needle& n = kNeedles[needle_index];
      if (n.kind != NeedleKind::token || end != n.length) return true;  // at the start only
      address_token = &kEntries[n.target];
      return false;
    });
  }

  int provider = -1;
  if (!ev.provider_hint.empty()) {
    if (const ProviderInfo* p = find_provider(ev.provider_hint)) {
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
  // Only a mail service changes what codes mean; mail software named by the layout does not.
  if (provider < 0 && !ev.report_provider.empty())
    if (const ProviderInfo* p = find_provider(ev.report_provider); p && p->kind == ProviderKind::mailbox) {
      provider = static_cast<int>(p - kProviders);
      d.provider_source = ProviderSource::report;
    }
  // The remote server's host name, then the recipient's domain.
  for (std::string_view where : {ev.report_hosts, ev.recipient}) {
    if (provider >= 0 || where.empty()) break;
    scan_needles(where, [&](std::uint16_t needle_index, std::size_t) {
      const Needle& n = kNeedles[needle_index];
      if (n.kind != NeedleKind::provider_marker || kProviders[n.target].kind != ProviderKind::mailbox)
        return true;
      provider = n.target;
      d.provider_source = ProviderSource::report;
      return false;
    });
  }
  if (provider >= 0) d.provider = &kProviders[provider];

  // Every text match can add one candidate, the codes and the wording a few more.
  constexpr std::size_t max_candidates = max_text_matches + 40;
  Ranked ranked[max_candidates];
  std::size_t ranked_count = 0;
  // Conflicting wording: entries the codes do not allow, kept as alternatives only.
  Ranked conflicts[8];
  std::size_t conflict_count = 0;
  auto add = [&](const Entry* e, Specificity spec, std::optional<Span> span, int tier, int r1,
                 int r2, int r3) {
    for (std::size_t i = 0; i < ranked_count; ++i)
      if (ranked[i].entry == e) {
        const Ranked candidate{e, spec, span.has_value(), span.value_or(Span{}), {tier, r1, r2, r3}};
        if (ranks_before(candidate, ranked[i])) ranked[i] = candidate;
        return;
      }
    if (ranked_count < max_candidates)
      ranked[ranked_count++] = {e, spec, span.has_value(), span.value_or(Span{}), {tier, r1, r2, r3}};
  };
  auto add_conflict = [&](const Entry* e, Specificity spec, std::optional<Span> span) {
    for (std::size_t i = 0; i < conflict_count; ++i)
      if (conflicts[i].entry == e) return;
    if (conflict_count < sizeof(conflicts) / sizeof(conflicts[0]))
      conflicts[conflict_count++] = {e, spec, span.has_value(), span.value_or(Span{}), {0, 0, 0, 0}};
  };

  // 4: a reason keyword. The report's own prose counts (whole phrases only) when the server's
  // words name nothing and the codes leave room.
  std::optional<ndr::ReasonPhrase> phrase = ndr::find_reason_phrase(text);
  bool phrase_in_context = false;
  std::string folded_context;
  if (!phrase && !ev.context.empty() && (!status || is_broad(*status))) {
    folded_context = mime::collapse_space(ev.context);
    phrase = ndr::find_reason_phrase(folded_context, true);
    phrase_in_context = phrase.has_value();
  }
  Reason worded = phrase ? phrase->reason : Reason::undefined;
  // "Unknown user" refused at RCPT TO is about the address even under a code of the mailbox's
  // state or of policy (X.2.n, X.7.n), which servers choose loosely there...
  const bool mailbox_or_policy_code = status && (status->subject == 2 || status->subject == 7);
  const bool address_refused =
      worded == Reason::userunknown && ev.smtp_command == "RCPT" && mailbox_or_policy_code;
  // ...but after the recipient was accepted (at DATA), or under such a code at another or an
  // unknown step, it is a filter's answer: every "user unknown" reading then yields to it.
  const bool filter_answer =
      worded == Reason::userunknown &&
      (ev.smtp_command == "DATA" || (mailbox_or_policy_code && ev.smtp_command != "RCPT"));
  if (filter_answer) worded = Reason::filtered;
  auto fits = [&](const Entry& e) {
    return fits_codes(e, status) || (address_refused && e.reason == Reason::userunknown);
  };
  const std::optional<Span> phrase_span =
      phrase && !phrase_in_context ? std::optional<Span>(phrase->span) : std::nullopt;
  // 1-3: tokens and known texts.
  for (const TextMatch& m : d.text_matches) {
    if (!m.entry) continue;
    const auto index = static_cast<std::uint16_t>(m.entry - kEntries);
    const bool agrees = status && entry_lists_status(index, *status);
    const int distance = provider_distance(m.entry->provider_index, provider);
    const ProviderKind owner_kind = kProviders[m.entry->provider_index].kind;
    // The cause a server names first is its main one; of two texts at one place, the longer.
    const int length_key = static_cast<int>(std::min<std::size_t>(m.span.begin, 1u << 20)) * 512 -
                           static_cast<int>(std::min<std::size_t>(m.span.size(), 511));
    if (m.kind == TextMatch::Kind::token) {
      // A provider's own token is as telling as a code.
      add(m.entry, Specificity::provider_text, m.span, tier_token, agrees ? 0 : 1, distance, length_key);
      continue;
    }
    // A mail service's wording counts only when the text comes from that service.
    if (owner_kind == ProviderKind::mailbox && distance > 1) continue;
    // Mail software's wording is trusted across details of one subject, which servers choose
    // loosely ("550 5.1.2 User unknown in local recipient table").
    const bool allowed = (fits(*m.entry) ||
                          (owner_kind == ProviderKind::software && status &&
                           entry_lists_subject(*m.entry, status->subject))) &&
                         !(filter_answer && m.entry->reason == Reason::userunknown);
    if (!allowed) {
      add_conflict(m.entry, Specificity::provider_text, m.span);
      continue;
    }
    // Mail software's wording in a known mail service's reply says less than the service's own
    // meaning of the code.
    const int soft_penalty = distance == 3 && owner_kind == ProviderKind::software ? 1 : 0;
    // A reason phrase that covers this text and says more ("host not found, try again" over
    // "host not found") outranks it.
    const bool covered = phrase_span && worded != m.entry->reason && phrase_span->begin <= m.span.begin &&
                         phrase_span->end >= m.span.end && phrase_span->size() > m.span.size();
    add(m.entry, Specificity::provider_text, m.span,
        agrees ? tier_agreeing : covered ? tier_reason_words : tier_fitting_text,
        covered ? 1 : soft_penalty + subject_miss(*m.entry, status), distance, length_key);
  }
  if (address_token)
    add(address_token, Specificity::provider_text, std::nullopt, tier_token, 0, 0, 0);

  if (const Entry* e = phrase ? entry_for_reason(worded) : nullptr) {
    // Wording and code that name the same entry agree: as strong as a text that lists the code.
    const bool agrees = status && entry_lists_status(static_cast<std::uint16_t>(e - kEntries), *status);
    if (fits(*e))
      // A keyword's generic entry ranks after known texts and provider meanings of the same tier.
      add(e, Specificity::reason_wording, phrase_span, agrees ? tier_agreeing : tier_reason_words,
          (agrees ? 4 : 0) + subject_miss(*e, status), 0, 0);
    else
      add_conflict(e, Specificity::reason_wording, phrase_span);
  }

  // 2 and 5-8: the codes.
  auto add_code_candidates = [&](std::uint32_t key, bool is_status) {
    // A code no registry defines ("5.7.367", "4.4.312") means what the providers that use it
    // say, even when the text does not name the provider: that beats a class fallback.
    bool registry_defines = false;
    for_each_code_entry(key, [&](std::uint16_t entry, bool) {
      registry_defines = registry_defines || kEntries[entry].provider_index == 0;
    });
    const bool broad = is_status && status && is_broad(*status);
    for_each_code_entry(key, [&](std::uint16_t index, bool is_range) {
      const Entry* e = &kEntries[index];
      const int owner = e->provider_index;
      const bool states_reason = e->reason != Reason::undefined;
      if (owner == 0) {
        // Next to an enhanced code, the reply code's meaning is no more telling than the
        // enhanced code's subject.
        const int tier = !states_reason ? tier_class
                         : (broad || (!is_status && status)) ? tier_broad_code
                                                             : tier_code;
        add(e, Specificity::registry_code, std::nullopt, tier, is_status ? 0 : 1, 0, 0);
        return;
      }
      // A provider's entries answer to a bare reply code only when there is no enhanced code;
      // mail software's entries list the codes its wording comes with, not a meaning of them.
      if (!is_status && status) return;
      if (kProviders[owner].kind == ProviderKind::software) return;
      const int distance = provider_distance(owner, provider);
      // A provider's meaning of a broad code, or of a bare reply code, is as broad: wording that
      // fits chooses first.
      if (provider >= 0 && distance <= 1)
        add(e, Specificity::provider_code, std::nullopt,
            !states_reason ? tier_class : (broad || !is_status) ? tier_code : tier_agreeing, distance,
            is_range ? 1 : 0, 0);
      else if (provider < 0 && !registry_defines)
        add(e, Specificity::provider_code, std::nullopt, states_reason ? tier_code : tier_class, 1,
            is_range ? 1 : 0, 0);
    });
  };
  if (status) add_code_candidates(status_key(*status), true);
  if (ev.reply_code) add_code_candidates(*ev.reply_code, false);

  // 6: what the report implies.
  if (ev.implied_reason) {
    if (const Entry* e = entry_for_reason(*ev.implied_reason))
      if (fits_codes(*e, status)) add(e, Specificity::report_context, std::nullopt, tier_implied, 0, 0, 0);
  }

  // 7-8: the subject and the class.
  if (status) {
    if (status->detail != 0)
      for_each_code_entry(enhanced_key(static_cast<int>(status->klass), status->subject, 0),
                          [&](std::uint16_t entry, bool) {
                            if (kEntries[entry].provider_index == 0)
                              add(&kEntries[entry], Specificity::class_fallback, std::nullopt,
                                  tier_broad_code, 2, 0, 0);
                          });
    const int klass = static_cast<int>(status->klass);
    add(&kEntries[kClassFallback[klass == 2 ? 0 : klass == 4 ? 1 : 2]], Specificity::class_fallback,
        std::nullopt, tier_class, 2, 0, 0);
  } else if (ev.reply_code && *ev.reply_code >= 400) {
    add(&kEntries[kClassFallback[*ev.reply_code >= 500 ? 2 : 1]], Specificity::class_fallback,
        std::nullopt, tier_class, 2, 0, 0);
  } else if (ranked_count == 0 && ev.klass_hint && *ev.klass_hint != StatusClass::success) {
    // No code and no telling words: the report's own class (a failure, a delay) is all there is.
    add(&kEntries[kClassFallback[*ev.klass_hint == StatusClass::permanent ? 2 : 1]],
        Specificity::class_fallback, std::nullopt, tier_class, 3, 0, 0);
  }

  // Insertion sort: stable, and the lists are short.
  for (std::size_t i = 1; i < ranked_count; ++i)
    for (std::size_t j = i; j > 0 && ranks_before(ranked[j], ranked[j - 1]); --j)
      std::swap(ranked[j], ranked[j - 1]);

  // Permanence follows the class of the code the server sent: the sending server acts on the
  // reply code's first digit (RFC 5321 section 4.2.1), then on the enhanced code's.
  std::optional<StatusClass> klass;
  if (ev.final_failure) klass = StatusClass::permanent;  // the sending server has given up
  else if (ev.reply_code && *ev.reply_code >= 200) klass = reply_code_class(*ev.reply_code);
  else if (status) klass = status->klass;
  else klass = ev.klass_hint;

  if (ranked_count > 0) {
    const Ranked& best = ranked[0];
    d.entry = best.entry;
    d.reason = best.entry->reason;
    d.specificity = best.specificity;
    if (best.has_span) d.match_span = best.span;
    // Conflicting wording first among the alternatives: it is what a person must weigh.
    bool conflicting_reason = false;
    for (std::size_t i = 0; i < conflict_count && d.alternatives.size() < max_alternatives; ++i) {
      if (conflicts[i].entry->reason == d.reason) continue;
      conflicting_reason = true;
      Candidate c = conflicts[i].candidate();
      c.conflicts = true;
      d.alternatives.push_back(c);
    }
    for (std::size_t i = 1; i < ranked_count && d.alternatives.size() < max_alternatives; ++i)
      d.alternatives.push_back(ranked[i].candidate());

    const int tier = best.rank[0];
    const bool specific_status = status && !is_broad(*status);
    if (tier == tier_token || tier == tier_agreeing) d.confidence = Confidence::high;
    else if (tier == tier_code && (specific_status || best.entry->provider_index != 0 || !status))
      d.confidence = specific_status ? Confidence::high : Confidence::medium;
    else if (tier == tier_fitting_text || tier == tier_reason_words) d.confidence = Confidence::medium;
    else d.confidence = Confidence::low;
    // Wording of another subject than the undefined code's: plausible, not sure.
    if (best.rank[1] > 0 && tier != tier_code && d.confidence == Confidence::medium)
      d.confidence = Confidence::low;
    if (conflicting_reason && d.confidence != Confidence::low)
      d.confidence = d.confidence == Confidence::high ? Confidence::medium : Confidence::low;

    // Why, in the order of weight.
    if (status)
      d.evidence.push_back({Item::Kind::status,
                            "status " + status->to_string() + " " + std::string(source_words(ev.status_source)) +
                                (is_broad(*status)
                                     ? ": it names only the subject (" +
                                           std::string(subject_meaning(status->subject)) + ")" +
                                           (best.specificity == Specificity::provider_text ||
                                                    best.specificity == Specificity::reason_wording
                                                ? ", so the wording decides"
                                                : "")
                                     : ""),
                            ev.status_span});
    if (ev.reply_code)
      d.evidence.push_back({Item::Kind::reply_code, "reply code " + std::to_string(*ev.reply_code),
                            ev.reply_code_span});
    if (d.provider && d.provider_source == ProviderSource::text)
      d.evidence.push_back({Item::Kind::provider,
                            "written by " + std::string(d.provider->name) +
                                (marker_span ? ", recognised from " + quoted(text, *marker_span) : std::string()),
                            marker_provider >= 0 ? marker_span : std::nullopt});
    else if (d.provider)
      d.evidence.push_back({Item::Kind::provider,
                            "provider " + std::string(d.provider->name) +
                                (d.provider_source == ProviderSource::hint ? " given by the caller"
                                                                           : " named by the report"),
                            std::nullopt});
    if (best.specificity == Specificity::provider_text && best.has_span)
      d.evidence.push_back({best.rank[0] == tier_token ? Item::Kind::token : Item::Kind::wording,
                            std::string(best.rank[0] == tier_token ? "token " : "wording ") + quoted(text, best.span),
                            best.span});
    else if (best.entry == address_token)
      d.evidence.push_back({Item::Kind::token, "the recipient is an Exchange-internal address (" +
                                                   std::string(ev.recipient.substr(0, 8)) + "...)",
                            std::nullopt});
    // The keyword is already said when the known text that chose the entry covers it.
    const bool phrase_said = best.specificity == Specificity::provider_text && best.has_span &&
                             phrase_span && phrase_span->begin < best.span.end &&
                             best.span.begin < phrase_span->end;
    if (phrase && worded == d.reason && !phrase_said)
      d.evidence.push_back({Item::Kind::wording,
                            (phrase_in_context ? "the report's words " + quoted(folded_context, phrase->span)
                                               : "wording " + quoted(text, phrase->span)) +
                                " names the reason " + std::string(to_string(worded)),
                            phrase_span});
    if (!ev.smtp_command.empty())
      d.evidence.push_back({Item::Kind::command, "refused at the SMTP command " + std::string(ev.smtp_command),
                            std::nullopt});
    if (best.rank[1] == 3)
      d.evidence.push_back({Item::Kind::report,
                            ev.klass_hint == StatusClass::transient
                                ? "the report says delivery is delayed, with no code or words that tell why"
                                : "the report says delivery failed, with no code or words that tell why",
                            std::nullopt});
    if (best.specificity == Specificity::report_context)
      d.evidence.push_back({Item::Kind::report, std::string(ev.implied_by) + " implies the reason " +
                                                    std::string(to_string(d.reason)),
                            std::nullopt});
    for (std::size_t i = 0; i < conflict_count; ++i) {
      if (conflicts[i].entry->reason == d.reason) continue;
      bool said = false;  // one line per conflicting reason
      for (std::size_t j = 0; j < i; ++j) said = said || conflicts[j].entry->reason == conflicts[i].entry->reason;
      if (said) continue;
      const Ranked& c = conflicts[i];
      std::string words = c.has_span ? quoted(text, c.span) : std::string("the report's words");
      d.evidence.push_back({Item::Kind::conflict,
                            words + " suggests " + std::string(to_string(c.entry->reason)) + " (" +
                                std::string(c.entry->title) + "), which the code " +
                                (status ? status->to_string() : std::string("given")) +
                                " does not allow: shown as an alternative",
                            c.has_span ? std::optional<Span>(c.span) : std::nullopt});
    }
    if (!klass) {
      if (d.entry->permanence != Permanence::by_class)
        klass = d.entry->permanence == Permanence::permanent ? StatusClass::permanent : StatusClass::transient;
      else
        klass = StatusClass::permanent;
    }
  }

  d.permanent = klass ? *klass == StatusClass::permanent : d.entry != nullptr;
  d.retry = !klass ? std::string_view()
            : *klass == StatusClass::success ? kRetrySuccess
            : *klass == StatusClass::transient ? kRetryTransient
                                               : kRetryPermanent;
  if (d.entry && klass && d.entry->permanence != Permanence::by_class)
    d.entry_retry_applies = (d.entry->permanence == Permanence::permanent) == (*klass == StatusClass::permanent);
  if (d.entry && klass && d.entry->permanence == Permanence::by_class && !d.entry->codes.empty()) {
    // An entry that lists codes of one class only speaks of that class's retries.
    bool same_class = false;
    const char digit = static_cast<char>('0' + static_cast<int>(*klass));
    for (std::string_view c : d.entry->codes)
      same_class = same_class || c[0] == digit || c[0] == 'X';
    d.entry_retry_applies = same_class;
  }
  return d;
}

MAILDIAG_FUNC Evidence line_evidence(std::string_view text, const std::vector<CodeInText>& codes) {
  Evidence ev;
  ev.text = text;
  const PrimaryCodes found = primary_codes(codes);
  ev.status = found.status;
  ev.reply_code = found.reply_code;
  for (const CodeInText& c : codes) {
    if (!ev.status_span && found.status && c.kind == CodeInText::Kind::enhanced_status &&
        c.status == *found.status)
      ev.status_span = c.span;
    if (!ev.reply_code_span && found.reply_code && c.kind == CodeInText::Kind::reply_code &&
        c.reply_code == *found.reply_code)
      ev.reply_code_span = c.span;
  }
  return ev;
}

MAILDIAG_FUNC Diagnosis diagnose(std::string_view text, std::optional<EnhancedStatus> status,
                                 std::optional<std::uint16_t> reply_code,
                                 std::string_view provider_hint) {
  Evidence ev;
  if (!status || !reply_code) ev = line_evidence(text, scan_status_codes(text));
  ev.text = text;
  if (status) {
    ev.status = status;
    ev.status_span.reset();
    ev.status_source = CodeSource::caller;
  }
  if (reply_code) {
    ev.reply_code = reply_code;
    ev.reply_code_span.reset();
  }
  ev.provider_hint = provider_hint;
  return diagnose(ev);
}

MAILDIAG_FUNC Diagnosis diagnose(std::string_view text, std::string_view provider_hint) {
  return diagnose(text, std::nullopt, std::nullopt, provider_hint);
}

}  // namespace kb
}  // namespace maildiag
