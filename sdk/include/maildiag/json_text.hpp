// The JSON text every face of maildiag prints (the CLI, the C API, the WebAssembly module): UTF-8
// as it is, and any invalid byte that a mail text carried replaced with U+FFFD instead of
// failing the whole document.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace maildiag {

/// `doc` as text: compact by default, indented by `indent` spaces when it is 0 or more.
inline std::string to_json_text(const nlohmann::json& doc, int indent = -1) {
  return doc.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace maildiag
