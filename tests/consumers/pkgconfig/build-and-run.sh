#!/bin/sh
# Builds a C++ and a C program with only what `pkg-config maildiag` says, then runs them.
set -eu
prefix=$1 out=$2 src=$3
mkdir -p "$out"
PKG_CONFIG_PATH=$(find "$prefix" -type d -name pkgconfig | tr '\n' ':')
export PKG_CONFIG_PATH
pkg-config --exists --print-errors maildiag
# shellcheck disable=SC2046
c++ -std=c++17 "$src/main.cpp" -o "$out/cxx_consumer" $(pkg-config --cflags --libs maildiag)
# A C program links the static library's C++ runtime through Libs.private.
# shellcheck disable=SC2046
cc "$src/main.c" -o "$out/c_consumer" $(pkg-config --static --cflags --libs maildiag)
"$out/cxx_consumer"
"$out/c_consumer"
echo "pkg-config consumers built and ran"
