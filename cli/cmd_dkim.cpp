// `maildiag dkim check RECORD` and `maildiag dkim audit DOMAIN --selector S...`.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "auth_output.hpp"
#include "context.hpp"
#include "maildiag/dkim/json.hpp"
#include "maildiag/dkim/key_record.hpp"

namespace maildiag::cli {

namespace {

void print_key(const dkim::KeyRecord& r) {
  if (r.revoked)
    std::cout << "Key:      revoked (empty p=)\n";
  else if (r.key_bits)
    std::cout << fmt::format("Key:      {} {} bits ({})\n", r.key_type, *r.key_bits,
                             dkim::to_string(r.key_format));
  else
    std::cout << fmt::format("Key:      {} (not readable)\n", r.key_type);
  std::cout << (r.valid() ? "Verdict:  usable for verifying signatures\n"
                          : "Verdict:  NOT usable: signatures with this key fail\n");
  std::cout << "\nRecord:\n";
  print_annotated(r.text, r.findings);
}

}  // namespace

void register_dkim(CLI::App& app, Context& ctx) {
  auto* dkim_cmd = app.add_subcommand("dkim", "DKIM key records: validate one, or audit a domain's selectors");
  dkim_cmd->require_subcommand(1);

  struct CheckOptions {
    std::vector<std::string> words;
    bool json = false;
  };
  auto check = std::make_shared<CheckOptions>();
  auto* check_cmd = dkim_cmd->add_subcommand("check", "Validate a DKIM key record (offline)");
  check_cmd->add_option("record", check->words, "The TXT record text, or - for stdin")->required();
  check_cmd->add_flag("--json", check->json, "Print one JSON document");
  check_cmd->callback([check, &ctx] {
    auto record = dkim::parse_key_record(trim_record(ctx.text_argument(check->words)));
    if (check->json)
      ctx.print_json(dkim::to_json(record));
    else
      print_key(record);
    if (has_errors(record.findings)) ctx.exit_code = exit_findings;
  });
}

}  // namespace maildiag::cli
