#include <emscripten/bind.h>

#include <string>

#include "json_result.hpp"
#include "maildiag/mime/mbox.hpp"
#include "maildiag/ndr/json.hpp"
#include "maildiag/ndr/parser.hpp"

namespace {
// One message, pasted text, or an mbox of several: {"messages": [...]}, as `maildiag ndr --json`.
std::string wasm_ndr(std::string input, std::string source) {
  return maildiag::wasm::json_text([&] {
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
}
}  // namespace

EMSCRIPTEN_BINDINGS(maildiag_ndr) {
  emscripten::function("ndr", &wasm_ndr);
}
