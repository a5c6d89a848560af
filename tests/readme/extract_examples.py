#!/usr/bin/env python3
"""Writes the README's tested examples to files, so the tests compile and run exactly what
users read. An example is a fenced code block right after a line `<!-- example: NAME -->`."""
import pathlib
import re
import sys

readme, out_dir = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
out_dir.mkdir(parents=True, exist_ok=True)
lines = readme.read_text(encoding="utf-8").splitlines()
names = []
i = 0
while i < len(lines):
    m = re.fullmatch(r"<!-- example: ([\w.-]+) -->", lines[i].strip())
    if not m:
        i += 1
        continue
    name = m.group(1)
    i += 1
    if i >= len(lines) or not lines[i].startswith("```"):
        sys.exit(f"README.md:{i}: example {name} must be followed by a fenced code block")
    body = []
    i += 1
    while i < len(lines) and not lines[i].startswith("```"):
        body.append(lines[i])
        i += 1
    (out_dir / name).write_text("\n".join(body) + "\n", encoding="utf-8")
    names.append(name)
    i += 1
if not names:
    sys.exit("README.md has no examples")
print(";".join(names), end="")
