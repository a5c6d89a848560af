// Replays every file of the given folders (or single files) through LLVMFuzzerTestOneInput, so
// fuzz targets and their corpora run as ordinary tests without libFuzzer.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace fs = std::filesystem;

static void replay(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

int main(int argc, char** argv) {
  std::size_t count = 0;
  for (int i = 1; i < argc; ++i) {
    fs::path p = argv[i];
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (const auto& entry : fs::recursive_directory_iterator(p))
        if (entry.is_regular_file()) replay(entry.path()), ++count;
    } else if (fs::is_regular_file(p, ec)) {
      replay(p), ++count;
    } else {
      std::fprintf(stderr, "no such corpus: %s\n", argv[i]);
      return 1;
    }
  }
  // Empty and tiny inputs are the classic crashers: always try them too.
  static const std::uint8_t tiny[] = {0, '\n', '\r', ' ', 0xff};
  for (std::size_t n = 0; n <= sizeof tiny; ++n) LLVMFuzzerTestOneInput(tiny, n);
  std::printf("replayed %zu inputs\n", count);
  return 0;
}
