// `maildiag dmarc check RECORD`, `maildiag dmarc eval ...` and `maildiag dmarc audit DOMAIN`.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "auth_output.hpp"
#include "context.hpp"
#include "maildiag/dmarc/json.hpp"
#include "maildiag/dmarc/record.hpp"

namespace maildiag::cli {

namespace {

void print_record(const dmarc::Record& r) {
  if (r.is_dmarc) {
    std::cout << fmt::format("Policy:   p={} sp={} np={}{}\n", dmarc::to_string(r.domain_policy()),
                             dmarc::to_string(r.subdomain_policy()),
                             dmarc::to_string(r.nonexistent_policy()),
                             r.testing ? " (testing, t=y)" : "");
    std::cout << fmt::format("Alignment: DKIM {}, SPF {}\n", dmarc::to_string(r.adkim),
                             dmarc::to_string(r.aspf));
    std::cout << fmt::format("Reports:  {} aggregate, {} failure destination(s)\n", r.rua.size(),
                             r.ruf.size());
  } else {
    std::cout << "This is not a usable DMARC record: receivers ignore it.\n";
  }
  std::cout << "\nRecord:\n";
  print_annotated(r.text, r.findings);
}

}  // namespace

void register_dmarc(CLI::App& app, Context& ctx) {
  auto* dmarc_cmd = app.add_subcommand("dmarc", "DMARC: validate a record, evaluate a message, audit a domain");
  dmarc_cmd->require_subcommand(1);

  struct CheckOptions {
    std::vector<std::string> words;
    bool json = false;
  };
  auto check = std::make_shared<CheckOptions>();
  auto* check_cmd = dmarc_cmd->add_subcommand("check", "Validate a DMARC record (offline)");
  check_cmd->add_option("record", check->words, "The TXT record text, or - for stdin")->required();
  check_cmd->add_flag("--json", check->json, "Print one JSON document");
  check_cmd->callback([check, &ctx] {
    auto record = dmarc::parse_record(trim_record(ctx.text_argument(check->words)));
    if (check->json)
      ctx.print_json(dmarc::to_json(record));
    else
      print_record(record);
    if (has_errors(record.findings)) ctx.exit_code = exit_findings;
  });
}

}  // namespace maildiag::cli
