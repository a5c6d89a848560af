// `maildiag explain TEXT...`: the codes in a status line and what they mean.
#include <fmt/format.h>

#include <iostream>

#include "context.hpp"
#include "maildiag/explain.hpp"
#include "maildiag/explain_json.hpp"

namespace maildiag::cli {

namespace {

void print_text(const Explanation& e) {
  if (!e.found()) {
    std::cout << "No SMTP reply code or enhanced status code found.\n";
    return;
  }
  if (e.reply_code) std::cout << fmt::format("Reply code:  {}\n", *e.reply_code);
  if (e.status) {
    std::cout << fmt::format("Status:      {}\n", e.status->to_string());
    std::cout << fmt::format("Subject:     {}\n", subject_meaning(e.status->subject));
  }
  std::cout << fmt::format("Class:       {} ({})\n", to_string(*e.klass), class_meaning(*e.klass));
  std::cout << (e.permanent() ? "Retrying the same message will not help.\n"
                              : "The condition may clear: the sender's server retries.\n");
}

}  // namespace

void register_explain(CLI::App& app, Context& ctx) {
  struct Options {
    std::vector<std::string> words;
    bool json = false;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("explain", "Explain the status codes in a line of a bounce");
  cmd->add_option("text", opts->words, "The text: a code (550 5.1.1), a whole line, or - for stdin")
      ->required();
  cmd->add_flag("--json", opts->json, "Print one JSON document");
  cmd->callback([opts, &ctx] {
    std::string text = ctx.text_argument(opts->words);
    Explanation e = explain(text);
    if (opts->json)
      ctx.print_json(to_json(e));
    else
      print_text(e);
  });
}

}  // namespace maildiag::cli
