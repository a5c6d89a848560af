// Knowledge-base entries: what one status code or provider error means and what to do about it.
//
// The entries are data (sdk/data/kb/*.toml) compiled into read-only tables at build time; an
// `Entry` is a view into those tables, valid for the whole life of the program, so results can
// hand out `const Entry*` freely. Nothing is read from disk or parsed at run time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>

#include "maildiag/config.hpp"
#include "maildiag/reason.hpp"

namespace maildiag {
namespace kb {

/// What kind of problem an entry describes; exactly one per entry.
enum class Category : std::uint8_t {
  recipient_address, mailbox_state, mailbox_capacity, throttling, sending_limit, account_banned,
  spf, dkim, dmarc, reputation, recipient_restriction, content_policy, message_format,
  relay_connector, submission_auth, dns, network, tls, routing_loop, message_size, expired,
  tenant_config, protocol, remote_system,
};
inline constexpr std::size_t category_count = 24;

constexpr std::uint32_t category_bit(Category c) noexcept {
  return std::uint32_t{1} << static_cast<unsigned>(c);
}

/// "recipient-address", "mailbox-state", ...: the names used in the data files and in JSON.
MAILDIAG_FUNC std::string_view to_string(Category c) noexcept;
MAILDIAG_FUNC std::optional<Category> parse_category(std::string_view name) noexcept;

/// Who has to do something so the mail gets through.
enum class Party : std::uint8_t { sender, sender_admin, recipient, recipient_admin, provider };
inline constexpr std::size_t party_count = 5;
constexpr std::uint8_t party_bit(Party p) noexcept {
  return static_cast<std::uint8_t>(1u << static_cast<unsigned>(p));
}
/// "sender", "sender-admin", "recipient", "recipient-admin", "provider".
MAILDIAG_FUNC std::string_view to_string(Party p) noexcept;

/// Whether retrying can help. Most entries follow the code's class digit; some providers keep
/// a 4xx final (550 4.4.7) or lift a 5xx later (5.2.121), and their entries say so.
enum class Permanence : std::uint8_t { by_class, permanent, transient };

/// Item `index` of the knowledge base's pool of list texts; TextList reads through it.
MAILDIAG_FUNC std::string_view list_item(std::size_t index) noexcept;

/// A read-only list of texts inside the knowledge base (a run of the list pool).
struct TextList {
  std::uint16_t first;
  std::uint16_t count;

  class iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = std::string_view;

    explicit iterator(std::size_t index = 0) noexcept : index_(index) {}
    std::string_view operator*() const noexcept { return list_item(index_); }
    iterator& operator++() noexcept {
      ++index_;
      return *this;
    }
    iterator operator++(int) noexcept {
      iterator old = *this;
      ++index_;
      return old;
    }
    friend bool operator==(iterator a, iterator b) noexcept { return a.index_ == b.index_; }
    friend bool operator!=(iterator a, iterator b) noexcept { return a.index_ != b.index_; }

   private:
    std::size_t index_;
  };

  iterator begin() const noexcept { return iterator(first); }
  iterator end() const noexcept { return iterator(std::size_t{first} + count); }
  constexpr std::size_t size() const noexcept { return count; }
  constexpr bool empty() const noexcept { return count == 0; }
  std::string_view operator[](std::size_t i) const noexcept { return list_item(first + i); }
};

struct Entry {
  std::string_view id;        // stable, e.g. "ms.5.7.367-relay-pool"
  std::string_view provider;  // provider id, "generic" for registry and RFC entries
  std::string_view title;
  Category category;
  Reason reason;              // the bounce reason this entry stands for (maildiag/reason.hpp)
  Permanence permanence;
  std::uint8_t who_acts;      // party_bit() flags
  std::uint16_t subjects;     // bit n: fits an "other or undefined" code of subject n (no codes)
  std::string_view meaning;
  TextList causes;
  TextList fixes;
  std::string_view retry;     // when and whether to try again
  TextList references;        // https addresses of the public documentation
  TextList codes;             // as written in the data: "5.7.1", "X.2.2", "5.7.606-649", "550"
  TextList tokens;            // provider tokens: "S3150", "[TSS04]", "RESOLVER.ADR.RecipNotFound"
  TextList patterns;          // case-insensitive literal texts
  std::uint8_t provider_index;

  constexpr bool acts(Party p) const noexcept { return (who_acts & party_bit(p)) != 0; }
};

/// What a provider is: the registry itself, a mail service, or mail server software. A mail
/// service's wording counts only when the text or the caller names the service; software
/// wording counts wherever it appears.
enum class ProviderKind : std::uint8_t { registry, mailbox, software };

/// A mail provider or mail software the knowledge base knows texts of.
struct ProviderInfo {
  std::string_view id;    // "microsoft", "outlook-com", "google", "yahoo", "postfix", ...
  std::string_view name;  // "Microsoft Exchange Online"
  ProviderKind kind;
  int parent;             // index of the provider whose entries also apply, -1 for none
};

/// A read-only array view of entries or providers.
template <class T>
struct TableView {
  const T* items;
  std::size_t count;
  constexpr const T* begin() const noexcept { return items; }
  constexpr const T* end() const noexcept { return items + count; }
  constexpr std::size_t size() const noexcept { return count; }
  constexpr const T& operator[](std::size_t i) const noexcept { return items[i]; }
};

/// Every entry, in data-file order.
MAILDIAG_FUNC TableView<Entry> entries() noexcept;
/// The entry with this id, or nullptr.
MAILDIAG_FUNC const Entry* find_entry(std::string_view id) noexcept;

/// Every provider; index 0 is "generic".
MAILDIAG_FUNC TableView<ProviderInfo> providers() noexcept;
/// The provider a caller means by `name` (its id or an alias such as "office365", "gmail";
/// case-insensitive), or nullptr.
MAILDIAG_FUNC const ProviderInfo* find_provider(std::string_view name) noexcept;

}  // namespace kb
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/kb/entry-inl.hpp"
#  include "maildiag/reason-inl.hpp"
#endif
