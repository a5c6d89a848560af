#include "context.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "maildiag/argument_check.hpp"
#include "maildiag/json_text.hpp"

namespace maildiag::cli {

void Context::print_json(const nlohmann::json& doc) const {
  std::cout << to_json_text(doc, 2) << '\n';
}

std::string Context::read_input(const std::string& path) const {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    if (std::cin.bad()) throw Failure(exit_unreadable, "cannot read standard input");
    return buffer.str();
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw Failure(exit_unreadable, "cannot read " + path + ": it is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Failure(exit_unreadable, "cannot read " + path + ": " + std::strerror(errno));
  try {
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) throw Failure(exit_unreadable, "cannot read " + path);
    return data;
  } catch (const std::ios_base::failure&) {  // libstdc++ reports a failed read(2) this way
    throw Failure(exit_unreadable, "cannot read " + path + ": " + std::strerror(errno));
  }
}

std::string Context::text_argument(const std::vector<std::string>& words) const {
  if (words.size() == 1 && words[0] == "-") return read_input("-");
  std::string text;
  for (const auto& w : words) {
    if (!text.empty()) text += ' ';
    text += w;
  }
  return text;
}

std::string Context::domain_argument(std::string_view what, const std::string& text) const {
  CheckedDomain checked = check_domain(text);
  if (!checked.ok()) throw Failure(exit_usage, std::string(what) + ": " + checked.error);
  if (!checked.note.empty()) std::cerr << "maildiag: " << checked.note << '\n';
  return checked.domain;
}

}  // namespace maildiag::cli
