#include "subcommand_suggestion.hpp"

#include <algorithm>
#include <vector>

namespace maildiag::cli {

namespace {

// Edit distance where swapping two neighbouring letters counts once: "explian" is 1 from
// "explain".
std::size_t typing_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i)
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

// A typo this close is most likely meant as that name.
constexpr std::size_t kMaxTypingDistance = 2;

}  // namespace

std::optional<std::string> subcommand_error(const CLI::App& app, int argc, char** argv) {
  const CLI::App* level = &app;
  std::string path = app.get_name();
  auto children_of = [](const CLI::App* a) { return a->get_subcommands([](const CLI::App*) { return true; }); };
  auto names_of = [](const std::vector<const CLI::App*>& children) {
    std::string names;
    for (const CLI::App* c : children) names += (names.empty() ? "" : ", ") + c->get_name();
    return names;
  };
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    auto children = children_of(level);
    if (children.empty()) return std::nullopt;
    if (!word.empty() && word[0] == '-') continue;
    auto known = std::find_if(children.begin(), children.end(),
                              [&](const CLI::App* c) { return c->check_name(word); });
    if (known != children.end()) {
      level = *known;
      path += " " + word;
      continue;
    }
    const CLI::App* nearest = nullptr;
    std::size_t best = kMaxTypingDistance + 1;
    for (const CLI::App* c : children) {
      std::size_t distance = typing_distance(word, c->get_name());
      bool prefix = word.size() >= 2 && c->get_name().compare(0, word.size(), word) == 0;
      if (prefix) distance = std::min<std::size_t>(distance, 1);
      if (distance < best) {
        best = distance;
        nearest = c;
      }
    }
    std::string message = "\"" + word + "\" is not a subcommand of " + path;
    if (nearest) return message + "; did you mean \"" + path + " " + nearest->get_name() + "\"?";
    return message + "; the subcommands are " + names_of(children);
  }
  auto children = children_of(level);
  if (children.empty() || level->get_require_subcommand_min() == 0) return std::nullopt;
  return path + " needs a subcommand: " + names_of(children);
}

}  // namespace maildiag::cli
