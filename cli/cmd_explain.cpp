// `maildiag explain TEXT...`: the codes in a status line and what they mean.
#include <fmt/format.h>

#include <iostream>

#include "context.hpp"
#include "maildiag/explain.hpp"
#include "maildiag/explain_json.hpp"
#include "maildiag/kb/entry.hpp"
#include "maildiag/kb/text.hpp"

namespace maildiag::cli {

namespace {

void print_diagnosis(const kb::Diagnosis& d) {
  if (d.provider)
    std::cout << fmt::format("Provider:    {} ({})\n", d.provider->name,
                             d.provider_source == kb::ProviderSource::hint ? "as given" : "from the text");
  if (d.entry) std::cout << '\n' << kb::diagnosis_text(d, kb::TextDetail::full);
}

void print_text(const Explanation& e) {
  if (!e.found()) {
    std::cout << "No SMTP reply code, enhanced status code or known provider text found.\n";
    return;
  }
  if (e.reply_code) std::cout << fmt::format("Reply code:  {}\n", *e.reply_code);
  if (e.status) {
    std::cout << fmt::format("Status:      {}\n", e.status->to_string());
    std::cout << fmt::format("Subject:     {}\n", subject_meaning(e.status->subject));
  }
  if (e.klass)
    std::cout << fmt::format("Class:       {} ({})\n", to_string(*e.klass), class_meaning(*e.klass));
  print_diagnosis(e.diagnosis);
}

std::string known_providers() {
  std::string names;
  for (const kb::ProviderInfo& p : kb::providers()) names += (names.empty() ? "" : ", ") + std::string(p.id);
  return names;
}

}  // namespace

void register_explain(CLI::App& app, Context& ctx) {
  struct Options {
    std::vector<std::string> words;
    std::string provider;
    bool json = false;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand("explain", "Explain the status codes in a line of a bounce");
  cmd->add_option("text", opts->words, "The text: a code (550 5.1.1), a whole line, or - for stdin")
      ->required();
  cmd->add_option("--provider", opts->provider,
                  "The provider that produced the text (microsoft, outlook-com, google, yahoo, ...); "
                  "detected from the text when left out");
  cmd->add_flag("--json", opts->json, "Print one JSON document");
  cmd->callback([opts, &ctx] {
    if (!opts->provider.empty() && !kb::find_provider(opts->provider))
      throw Failure(exit_usage, fmt::format("unknown provider '{}' (known: {})", opts->provider,
                                            known_providers()));
    std::string text = ctx.text_argument(opts->words);
    Explanation e = explain(text, opts->provider);
    if (opts->json)
      ctx.print_json(to_json(e));
    else
      print_text(e);
  });
}

}  // namespace maildiag::cli
