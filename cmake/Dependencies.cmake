# Third-party dependencies, all from the system (Debian packages); nothing is downloaded.

if(EMSCRIPTEN)
  # Under Emscripten the host's /usr/include must not be searched as a whole (it would pull in
  # glibc headers), so only the header-only libraries we need are staged into the build tree.
  set(_staged "${PROJECT_BINARY_DIR}/_host_headers")
  file(MAKE_DIRECTORY "${_staged}")
  foreach(_lib IN ITEMS nlohmann)
    if(NOT EXISTS "${_staged}/${_lib}")
      file(CREATE_LINK "/usr/include/${_lib}" "${_staged}/${_lib}" SYMBOLIC)
    endif()
  endforeach()
  add_library(maildiag_host_headers INTERFACE)
  target_include_directories(maildiag_host_headers SYSTEM INTERFACE "${_staged}")
  add_library(nlohmann_json::nlohmann_json ALIAS maildiag_host_headers)
else()
  find_package(nlohmann_json 3.9 CONFIG REQUIRED)
endif()

if(MAILDIAG_BUILD_CLI)
  find_package(CLI11 CONFIG REQUIRED)
  find_package(fmt CONFIG REQUIRED)
endif()
if(MAILDIAG_BUILD_TESTS AND NOT EMSCRIPTEN)
  find_package(doctest CONFIG REQUIRED)
endif()

# Generators (knowledge base, public suffixes) and the README example extractor are Python 3.
find_package(Python3 3.8 COMPONENTS Interpreter REQUIRED)

if(EMSCRIPTEN)
  # No exception support in the module (Emscripten's default): it would cost about 10% of the
  # bundle. The core's public paths do not throw: results carry errors, and every entry point is
  # fuzzed natively under ASan/UBSan, where an escaping exception counts as a crash. Inputs that
  # could exhaust memory are refused in JavaScript before they reach the module (wasm/package).
  # The bundle's size is a feature: link-time optimisation across the whole core and the
  # smallest code at every step (-Oz). Two things keep -Oz from costing speed:
  # - Emscripten's -Os/-Oz also turn off inlining of every function not marked inline
  #   (-fno-inline-functions, its INLINING_LIMIT setting). With inlining back, the bundle is
  #   smaller, not larger, and bounce decoding is half again as fast.
  # - libc++ declares std::string and friends as extern templates, so their members come from
  #   the prebuilt system library instead of being inlined and optimised with our code; the
  #   std::string-heavy decoders run a third faster when they are instantiated here.
  # dlmalloc instead of emmalloc: 2.5 KiB more, 5% faster on the decoders' many small strings.
  # Bulk memory operations (Node 14+, every current browser) turn memcpy and memset into single
  # instructions instead of calls into the system library's byte loops.
  set(_maildiag_wasm_flags -flto $<$<CONFIG:MinSizeRel>:-Oz> -sINLINING_LIMIT=0 -mbulk-memory)
  add_compile_options(${_maildiag_wasm_flags} -D_LIBCPP_DISABLE_EXTERN_TEMPLATE)
  add_link_options(${_maildiag_wasm_flags} -sMALLOC=dlmalloc)
  # Optimised links run Emscripten's JS optimizer, which needs Debian's Node modules.
  set(CMAKE_CXX_LINKER_LAUNCHER "${CMAKE_COMMAND};-E;env;NODE_PATH=/usr/share/nodejs")
endif()
