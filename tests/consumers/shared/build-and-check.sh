#!/bin/sh
# The shared library as users get it: maildiag configured with BUILD_SHARED_LIBS=ON (the libraries
# only: no tools, tests or benchmarks), installed, then
#  - a C program and a C++ program linked with `pkg-config maildiag` (no --static) and run;
#  - the exported symbols: only maildiag_* C functions and the C++ API (namespace maildiag),
#    never the standard library or nlohmann instances the library compiled.
set -eu
src=$1 out=$2 here=$3 generator=$4
cmake -S "$src" -B "$out/build" -G "$generator" -DBUILD_SHARED_LIBS=ON -DCMAKE_BUILD_TYPE= \
  -DMAILDIAG_BUILD_TESTS=OFF -DMAILDIAG_BUILD_CLI=OFF -DMAILDIAG_BUILD_BENCH=OFF \
  -DMAILDIAG_BUILD_FUZZ=OFF -DMAILDIAG_INSTALL=ON >/dev/null
cmake --build "$out/build" -j "${MAILDIAG_JOBS:-2}"
rm -rf "$out/prefix"
cmake --install "$out/build" --prefix "$out/prefix" >/dev/null

PKG_CONFIG_PATH=$(find "$out/prefix" -type d -name pkgconfig | tr '\n' ':')
export PKG_CONFIG_PATH
libdir=$(pkg-config --variable=libdir maildiag)
lib=$libdir/libmaildiag.so
[ -f "$lib" ] || { echo "no $lib: the library was not built shared"; exit 1; }
pkg-config --cflags maildiag | grep -q -- -DMAILDIAG_SHARED || { echo "pkg-config does not define MAILDIAG_SHARED"; exit 1; }

# shellcheck disable=SC2046
cc -std=c99 -Wall -Wextra -Werror "$here/main.c" -o "$out/c_consumer" $(pkg-config --cflags --libs maildiag) \
  -Wl,-rpath,"$libdir"
# shellcheck disable=SC2046
c++ -std=c++17 "$here/main.cpp" -o "$out/cxx_consumer" $(pkg-config --cflags --libs maildiag) -Wl,-rpath,"$libdir"
for program in c_consumer cxx_consumer; do
  readelf -d "$out/$program" | grep -q 'NEEDED.*\[libmaildiag\.so' ||
    { echo "$program is not linked against libmaildiag.so"; exit 1; }
  "$out/$program" || { echo "$program failed: $?"; exit 1; }
done

nm -D --defined-only "$lib" | awk '{print $3}' > "$out/exports.txt"
c++filt < "$out/exports.txt" > "$out/exports-demangled.txt"
for wanted in maildiag_explain maildiag_string_free 'maildiag::version()' 'maildiag::spf::validate_pasted(' \
              'vtable for maildiag::dns::Zone'; do
  grep -qF "$wanted" "$out/exports-demangled.txt" || { echo "$lib does not export $wanted"; exit 1; }
done
# Linker-defined markers aside, every export is the C API or, by its mangled name, in namespace
# maildiag (functions, members, vtables, typeinfo).
unexpected=$(grep -Ev '^(maildiag_[a-z0-9_]+|_ZNK?8maildiag.*|_ZT[VIS]N8maildiag.*|_edata|_end|__bss_start|_init|_fini)$' \
  "$out/exports.txt" || true)
if [ -n "$unexpected" ]; then
  echo "$lib exports more than the API:"
  echo "$unexpected" | c++filt | head -40
  exit 1
fi
echo "shared library: $(wc -l < "$out/exports.txt") exported symbols, all of them the API; consumers ran"
