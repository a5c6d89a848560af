// C arguments to C++ values, the same way in every function of the C API.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace maildiag::c_api {

/// (data, length) as a view; NULL with length 0 is the empty string (callers check NULL with a
/// length first).
inline std::string_view view(const char* data, std::size_t length) noexcept {
  return {data ? data : "", length};
}

/// Copies `count` (pointer, length) strings; false when a pointer is NULL but its length is not 0.
inline bool copy_strings(const char* const* items, const std::size_t* lengths, std::size_t count,
                         std::vector<std::string>& out) {
  for (std::size_t i = 0; i < count; ++i) {
    if (!items[i] && lengths[i]) return false;
    out.emplace_back(view(items[i], lengths[i]));
  }
  return true;
}

}  // namespace maildiag::c_api
