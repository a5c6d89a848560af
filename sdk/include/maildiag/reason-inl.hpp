#pragma once

#include "maildiag/kb/detail/tables.hpp"
#include "maildiag/reason.hpp"

namespace maildiag {
namespace reason_detail {

inline const kb::detail::ReasonInfo& info(Reason r) noexcept {
  const auto i = static_cast<std::size_t>(r);
  return kb::detail::kReasons[i < reason_count ? i : 0];
}

}  // namespace reason_detail

MAILDIAG_FUNC std::string_view to_string(Reason r) noexcept { return reason_detail::info(r).name; }

MAILDIAG_FUNC std::optional<Reason> reason_from_string(std::string_view name) noexcept {
  for (const auto& i : kb::detail::kReasons)
    if (i.name == name) return i.reason;
  return std::nullopt;
}

MAILDIAG_FUNC std::string_view describe(Reason r) noexcept {
  return reason_detail::info(r).description;
}

MAILDIAG_FUNC bool is_hard_bounce(Reason r, std::optional<StatusClass> klass) noexcept {
  if (klass && *klass != StatusClass::permanent) return false;
  return r == Reason::userunknown || r == Reason::hostunknown || r == Reason::hasmoved ||
         r == Reason::notaccept;
}

MAILDIAG_FUNC std::optional<EnhancedStatus> inferred_status(Reason r, StatusClass klass) noexcept {
  const auto& i = reason_detail::info(r);
  if (!i.has_inferred) return std::nullopt;
  if (r == Reason::delivered) klass = StatusClass::success;
  EnhancedStatus s;
  s.klass = klass;
  s.subject = i.inferred_subject;
  s.detail = i.inferred_detail;
  return s;
}

}  // namespace maildiag
