#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "json_result.hpp"
#include "maildiag/mime/mbox.hpp"
#include "maildiag/ndr/json.hpp"
#include "maildiag/ndr/parser.hpp"

namespace {
// One message, pasted text, or an mbox of several: {"messages": [...]}, as `maildiag ndr --json`.
//
// Bounces are the one input that can be megabytes long, so they skip embind's std::string
// conversion (a JavaScript loop per byte, both ways): the package copies the bytes into the
// module's memory with one HEAPU8.set and passes where they are; the JSON comes back as a view
// of the module's memory that the package decodes at once (it stays valid until the next call).
emscripten::val wasm_ndr(std::uintptr_t data, std::size_t size, std::string source) {
  static std::string json;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  json = maildiag::wasm::json_text([&] {
    std::vector<maildiag::ndr::Report> reports;
    std::size_t index = 0;
    for (std::string_view message : maildiag::mime::split_mbox(input)) {
      maildiag::ndr::Report report = maildiag::ndr::parse(message);
      report.source = index == 0 ? source : source + "#" + std::to_string(index + 1);
      reports.push_back(std::move(report));
      ++index;
    }
    return maildiag::ndr::to_json(reports);
  });
  return emscripten::val(emscripten::typed_memory_view(
      json.size(), reinterpret_cast<const unsigned char*>(json.data())));
}
}  // namespace

EMSCRIPTEN_BINDINGS(maildiag_ndr) {
  emscripten::function("ndr", &wasm_ndr);
}
