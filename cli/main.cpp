// maildiag: the command-line face of the SDK. Each subcommand lives in its own cmd_*.cpp.
#include <iostream>

#include "context.hpp"
#include "maildiag/config.hpp"
#include "subcommand_suggestion.hpp"

int main(int argc, char** argv) {
  using namespace maildiag::cli;
  CLI::App app{"maildiag: why an email was not delivered, and what to do about it", "maildiag"};
  app.set_version_flag("-V,--version", std::string("maildiag ") + maildiag::version());
  app.require_subcommand(1);
  app.fallthrough(false);

  Context ctx;
  register_explain(app, ctx);
  register_spf(app, ctx);
  register_dmarc(app, ctx);
  register_dkim(app, ctx);
  register_domain(app, ctx);
  register_ndr(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::string why = subcommand_error(app, argc, argv).value_or(e.what());
    std::cerr << "maildiag: " << why << " (see maildiag --help)\n";
    return exit_usage;
  } catch (const Failure& e) {
    std::cerr << "maildiag: " << e.what() << '\n';
    return e.exit_code;
  } catch (const std::exception& e) {
    std::cerr << "maildiag: internal error: " << e.what() << '\n';
    return exit_unreadable;
  }
  return ctx.exit_code;
}
