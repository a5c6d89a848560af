#pragma once

#include "maildiag/mime/delivery_status.hpp"
#include "maildiag/mime/header.hpp"
#include "maildiag/mime/text.hpp"

namespace maildiag {
namespace mime {
namespace delivery_status_detail {

inline bool is_recipient_field(std::string_view name) noexcept {
  return iequals(name, "final-recipient") || iequals(name, "original-recipient") ||
         iequals(name, "action") || iequals(name, "status") || iequals(name, "remote-mta") ||
         iequals(name, "diagnostic-code") || iequals(name, "last-attempt-date") ||
         iequals(name, "will-retry-until") || iequals(name, "final-log-id");
}

inline bool starts_recipient(std::string_view name) noexcept {
  return iequals(name, "final-recipient") || iequals(name, "original-recipient");
}

}  // namespace delivery_status_detail

MAILDIAG_FUNC std::string_view FieldGroup::get(std::string_view name) const noexcept {
  for (const auto& f : fields)
    if (iequals(f.first, name)) return f.second;
  return {};
}

MAILDIAG_FUNC DeliveryStatus parse_delivery_status(std::string_view text) {
  using namespace delivery_status_detail;
  DeliveryStatus ds;
  std::size_t pos = 0;
  bool first_group = true;
  Limits limits;
  while (pos < text.size()) {
    // Skip blank lines between groups.
    Line line = next_line(text, pos);
    if (trim(line.text).empty()) {
      pos = line.next;
      continue;
    }
    HeaderSection section = parse_header_section(text.substr(pos), limits);
    std::size_t consumed = section.body_offset;
    if (section.fields.empty()) {
      pos = line.next;  // a stray line that is no field
      continue;
    }
    FieldGroup* target = first_group ? &ds.per_message : nullptr;
    for (const auto& f : section.fields) {
      bool new_recipient = !target;
      if (target == &ds.per_message) {
        new_recipient = starts_recipient(f.name);
      } else if (target && iequals(f.name, "original-recipient")) {
        new_recipient = target->has("original-recipient") || target->has("action");
      } else if (target && iequals(f.name, "final-recipient")) {
        new_recipient = target->has("final-recipient") || target->has("action");
      }
      if (new_recipient) {
        ds.per_recipient.emplace_back();
        target = &ds.per_recipient.back();
      }
      target->fields.emplace_back(std::string(f.name), unfold(f.value));
    }
    first_group = false;
    if (consumed == 0 || consumed >= text.size() - pos) break;
    pos += consumed;
  }
  // Recipient fields that landed in the per-message group (no blank line after it) belong to
  // a recipient when no recipient group was started.
  if (ds.per_recipient.empty() && ds.per_message.has("status") && ds.per_message.has("action")) {
    FieldGroup recipient;
    for (const auto& f : ds.per_message.fields)
      if (is_recipient_field(f.first)) recipient.fields.push_back(f);
    ds.per_recipient.push_back(std::move(recipient));
  }
  return ds;
}

}  // namespace mime
}  // namespace maildiag
