// `maildiag explain TEXT...`: the codes in a status line and what they mean.
#include <fmt/format.h>

#include <iostream>

#include "context.hpp"
#include "maildiag/explain.hpp"
#include "maildiag/explain_json.hpp"
#include "maildiag/kb/entry.hpp"

namespace maildiag::cli {

namespace {

void print_list(std::string_view heading, const kb::TextList& items) {
  if (items.empty()) return;
  std::cout << fmt::format("{}:\n", heading);
  for (std::string_view item : items) std::cout << fmt::format("  - {}\n", item);
}

void print_diagnosis(const kb::Diagnosis& d) {
  if (d.provider)
    std::cout << fmt::format("Provider:    {} ({})\n", d.provider->name,
                             d.provider_source == kb::ProviderSource::hint ? "as given" : "from the text");
  if (!d.entry) return;
  const kb::Entry& entry = *d.entry;
  std::cout << fmt::format("\n{}\n", entry.title);
  std::cout << fmt::format("Entry:       {} (matched by {})\n", entry.id, to_string(d.specificity));
  std::cout << fmt::format("Category:    {}\n", to_string(entry.category));
  std::string who;
  for (std::size_t i = 0; i < kb::party_count; ++i)
    if (entry.who_acts & (1u << i)) who += (who.empty() ? "" : ", ") + std::string(to_string(static_cast<kb::Party>(i)));
  std::cout << fmt::format("Who acts:    {}\n\n{}\n\n", who, entry.meaning);
  print_list("Likely causes", entry.causes);
  print_list("How to fix", entry.fixes);
  std::cout << fmt::format("Retry: {}\n", entry.retry);
  print_list("References", entry.references);
  if (!d.alternatives.empty()) {
    std::cout << "Other possible readings:\n";
    for (const kb::Candidate& c : d.alternatives)
      std::cout << fmt::format("  - {}: {} ({})\n", c.entry->id, c.entry->title, to_string(c.specificity));
  }
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
  std::cout << (e.permanent() ? "Retrying the same message will not help.\n"
                              : "The condition may clear: the sender's server retries.\n");
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
