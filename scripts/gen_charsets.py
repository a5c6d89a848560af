#!/usr/bin/env python3
"""Turns Python's codecs into the compact charset tables maildiag decodes mail text with.

Writes two C++ fragments:
  TABLES  the data the decoders use: the upper halves of single-byte charsets (deduplicated), one
          94x94 JIS X 0208 table shared by ISO-2022-JP, Shift_JIS and EUC-JP (with the rows
          Windows-31J adds: NEC row 13 and the NEC-selected IBM rows 89-92), the IBM extensions
          Windows-31J puts under lead bytes 0xFA-0xFC, the few cells where Windows-31J reads JIS
          X 0208 differently, and the sorted table of charset labels. The code point tables are
          stored delta-packed, which gzips to two thirds of the plain tables.
  CHECKS  for the unit tests only: per charset and input domain, which codes Python's codec
          decodes and an FNV-1a digest of what they decode to, so that a test can prove the C++
          decoders agree with Python on every code Python defines.

Usage: gen_charsets.py TABLES.inc CHECKS.inc
"""
import sys

# Charsets decoded through a 128-entry table for bytes 0x80-0xFF: canonical label, Python codec,
# then other labels people and mailers write.
SINGLE_BYTE = [
    ("iso-8859-2", "iso8859_2", ["latin2", "l2", "iso-ir-101", "csisolatin2"]),
    ("iso-8859-3", "iso8859_3", ["latin3", "l3", "iso-ir-109", "csisolatin3"]),
    ("iso-8859-4", "iso8859_4", ["latin4", "l4", "iso-ir-110", "csisolatin4"]),
    ("iso-8859-5", "iso8859_5", ["cyrillic", "iso-ir-144", "csisolatincyrillic"]),
    ("iso-8859-6", "iso8859_6", ["arabic", "iso-ir-127", "asmo-708", "ecma-114",
                                 "csisolatinarabic", "iso-8859-6-i", "iso-8859-6-e"]),
    ("iso-8859-7", "iso8859_7", ["greek", "greek8", "iso-ir-126", "elot_928", "ecma-118",
                                 "csisolatingreek"]),
    ("iso-8859-8", "iso8859_8", ["hebrew", "iso-ir-138", "csisolatinhebrew", "iso-8859-8-i",
                                 "iso-8859-8-e"]),
    ("iso-8859-9", "iso8859_9", ["latin5", "l5", "iso-ir-148", "csisolatin5"]),
    ("iso-8859-10", "iso8859_10", ["latin6", "l6", "iso-ir-157", "csisolatin6"]),
    ("iso-8859-11", "iso8859_11", ["tis-620", "tis620", "x-tis-620"]),
    ("iso-8859-13", "iso8859_13", ["latin7", "l7"]),
    ("iso-8859-14", "iso8859_14", ["latin8", "l8", "iso-celtic"]),
    ("iso-8859-15", "iso8859_15", ["latin9", "latin-9", "l9", "csisolatin9"]),
    ("iso-8859-16", "iso8859_16", ["latin10", "l10", "iso-ir-226"]),
    ("windows-1250", "cp1250", ["cp1250", "x-cp1250"]),
    ("windows-1251", "cp1251", ["cp1251", "x-cp1251"]),
    ("windows-1252", "cp1252", ["cp1252", "x-cp1252"]),
    ("windows-1253", "cp1253", ["cp1253", "x-cp1253"]),
    ("windows-1254", "cp1254", ["cp1254", "x-cp1254"]),
    ("windows-1255", "cp1255", ["cp1255", "x-cp1255"]),
    ("windows-1256", "cp1256", ["cp1256", "x-cp1256"]),
    ("windows-1257", "cp1257", ["cp1257", "x-cp1257"]),
    ("windows-1258", "cp1258", ["cp1258", "x-cp1258"]),
    ("koi8-r", "koi8_r", ["koi8", "cskoi8r"]),
    ("koi8-u", "koi8_u", ["koi8-ru"]),
]

# Charsets with a decoder of their own (the C++ enumerator of maildiag::mime::charset_detail::
# Decoder that reads them), with their labels.
OTHER = [
    ("utf8", ["utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8",
              "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "iso-ir-6", "cp367",
              "ibm367", "csascii"]),
    ("latin1", ["iso-8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "cp819", "ibm819",
                "csisolatin1"]),
    ("shift_jis", ["shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "csshiftjis"]),
    ("windows_31j", ["windows-31j", "cp932", "ms932", "x-ms-cp932", "ibm-943", "ibm943",
                     "cswindows31j"]),
    ("euc_jp", ["euc-jp", "x-euc-jp", "ujis", "x-euc", "cseucpkdfmtjapanese"]),
    ("iso_2022_jp", ["iso-2022-jp", "csiso2022jp", "iso-2022-jp-1", "iso-2022-jp-2",
                     "csiso2022jp2", "iso-2022-jp-3", "cp50220", "cp50221", "cp50222"]),
    ("utf16", ["utf-16", "utf16", "ucs-2", "ucs2", "csunicode", "iso-10646-ucs-2"]),
    ("utf16be", ["utf-16be"]),
    ("utf16le", ["utf-16le"]),
    ("utf32", ["utf-32", "utf32", "ucs-4", "ucs4", "iso-10646-ucs-4"]),
    ("utf32be", ["utf-32be"]),
    ("utf32le", ["utf-32le"]),
]

MAX_LABEL = 32  # normalised labels are shorter; the C++ lookup rejects longer input outright


def normalise(label):
    """Lowercase letters and digits only: "ISO_8859-1", "iso8859-1" and "iso-8859-1" meet."""
    return "".join(c for c in label.lower() if c.isascii() and c.isalnum())


def decode(data, codec):
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def single_code_point(text):
    return ord(text) if text is not None and len(text) == 1 else None


def jis_to_sjis(row, cell):
    """Shift_JIS bytes of JIS X 0208 row/cell (0-based), by the Shift_JIS arithmetic."""
    lead = (row >> 1) + (0x81 if row < 62 else 0xC1)
    if row & 1:
        trail = 0x9F + cell
    else:
        trail = 0x40 + cell + (1 if cell >= 0x3F else 0)
    return bytes([lead, trail])


def sjis_trail(index):
    """The trail byte at position `index` (0..187) of a Shift_JIS lead byte's 188 cells."""
    return 0x40 + index + (1 if index >= 0x3F else 0)


def build_jis0208():
    """JIS X 0208 as EUC-JP reads it, the cells EUC-JP leaves empty filled from Windows-31J."""
    table = [0] * (94 * 94)
    for row in range(94):
        for cell in range(94):
            cp = single_code_point(decode(bytes([0xA1 + row, 0xA1 + cell]), "euc_jp"))
            if cp is None:
                cp = single_code_point(decode(jis_to_sjis(row, cell), "cp932"))
            if cp is not None:
                table[row * 94 + cell] = cp
    # Shift_JIS and ISO-2022-JP must read JIS X 0208 exactly as EUC-JP does.
    for row in range(94):
        for cell in range(94):
            for data, codec in ((jis_to_sjis(row, cell), "shift_jis"),
                                (b"\x1b$B" + bytes([0x21 + row, 0x21 + cell]) + b"\x1b(B",
                                 "iso2022_jp")):
                cp = single_code_point(decode(data, codec))
                if cp is not None and cp != table[row * 94 + cell]:
                    sys.exit("gen_charsets.py: %s reads JIS %d/%d differently" % (codec, row, cell))
    overrides = []
    for row in range(94):
        for cell in range(94):
            cp = single_code_point(decode(jis_to_sjis(row, cell), "cp932"))
            if cp is not None and cp != table[row * 94 + cell]:
                overrides.append((row * 94 + cell, cp))
    return table, overrides


def build_cp932_ibm():
    table = []
    for lead in (0xFA, 0xFB, 0xFC):
        for index in range(188):
            cp = single_code_point(decode(bytes([lead, sjis_trail(index)]), "cp932"))
            table.append(cp or 0)
    return table


def check_cp932_arithmetic():
    """The decoder computes these Windows-31J ranges; make sure Python agrees."""
    for lead in range(0xF0, 0xFA):
        for index in range(188):
            cp = single_code_point(decode(bytes([lead, sjis_trail(index)]), "cp932"))
            if cp != 0xE000 + (lead - 0xF0) * 188 + index:
                sys.exit("gen_charsets.py: Windows-31J user-defined area is not U+E000 onwards")
    for byte, want in ((0x80, 0x80), (0xA0, 0xF8F0), (0xFD, 0xF8F1), (0xFE, 0xF8F2),
                       (0xFF, 0xF8F3)):
        if single_code_point(decode(bytes([byte]), "cp932")) != want:
            sys.exit("gen_charsets.py: Windows-31J single byte %#x changed" % byte)


def tables_text():
    lines = [
        "// Generated by scripts/gen_charsets.py from Python's codecs. Do not edit.",
        "// 0 marks a byte or cell the charset leaves undefined (read as U+FFFD).",
    ]
    halves = []
    labels = {}

    def add_label(label, decoder, table):
        key = normalise(label)
        if not key or len(key) > MAX_LABEL:
            sys.exit("gen_charsets.py: bad label %r" % label)
        if key in labels and labels[key] != (decoder, table):
            sys.exit("gen_charsets.py: label %r means two charsets" % label)
        labels[key] = (decoder, table)

    for canonical, codec, aliases in SINGLE_BYTE:
        half = []
        for byte in range(0x80, 0x100):
            cp = single_code_point(decode(bytes([byte]), codec))
            half.append(cp or 0)
        if half not in halves:
            halves.append(half)
        index = halves.index(half)
        for label in [canonical, codec] + aliases:
            add_label(label, "single_byte", index)
    for decoder, names in OTHER:
        for label in names:
            add_label(label, decoder, 0)

    flat = [v for half in halves for v in half]
    jis, overrides = build_jis0208()
    ibm = build_cp932_ibm()
    code_points = flat + jis + ibm
    lines.append("// The code point tables, packed for size (unpacked once, at first use): each entry is")
    lines.append("// the difference from the entry before it, modulo 2^16 and zigzag-coded (0, -1, 1, -2")
    lines.append("// ... become 0, 1, 2, 3 ...); all high bytes come first, then all low bytes. Deltas")
    lines.append("// between neighbouring cells are small in most rows, so the packed form gzips far")
    lines.append("// better than the plain table. In order:")
    lines.append("//   %d x 128 entries: bytes 0x80-0xFF of the single-byte charsets;" % len(halves))
    lines.append("//   94 x 94 entries: JIS X 0208, row-major (row 1 cell 1 first);")
    lines.append("//   3 x 188 entries: Windows-31J lead bytes 0xFA-0xFC, trail bytes 0x40-0x7E, 0x80-0xFC.")
    lines.append("inline constexpr std::size_t single_byte_half_count = %d;" % len(halves))
    lines.append("inline constexpr std::size_t packed_entry_count = %d;" % len(code_points))
    zigzag = []
    previous = 0
    for cp in code_points:
        delta = ((cp - previous + 0x8000) & 0xFFFF) - 0x8000  # modulo 2^16, as a signed value
        zigzag.append(delta * 2 if delta >= 0 else -delta * 2 - 1)
        previous = cp
    packed = bytes(z >> 8 for z in zigzag) + bytes(z & 0xFF for z in zigzag)
    lines.append("inline constexpr char packed_code_points[] =")
    for i in range(0, len(packed), 32):
        lines.append('    "%s"' % "".join("\\%03o" % b for b in packed[i:i + 32]))
    lines.append(";")
    lines.append("// JIS X 0208 cells (row * 94 + cell) Windows-31J reads differently, sorted.")
    lines.append("inline constexpr JisOverride windows_31j_overrides[%d] = {" % len(overrides))
    for index, cp in overrides:
        lines.append("    {%d, 0x%04X}," % (index, cp))
    lines.append("};")
    check_cp932_arithmetic()

    lines.append("// Labels, normalised to lowercase letters and digits, sorted.")
    lines.append("inline constexpr Label labels[%d] = {" % len(labels))
    for key in sorted(labels):
        decoder, table = labels[key]
        lines.append('    {"%s", Decoder::%s, %d},' % (key, decoder, table))
    lines.append("};")
    return "\n".join(lines) + "\n"


# The input domains of the cross-check. Each yields (code, input bytes); the unit test builds
# the same inputs in the same order.
def domain_high_bytes():
    for byte in range(0x80, 0x100):
        yield bytes([byte])


def domain_sjis_pairs():
    for lead in list(range(0x81, 0xA0)) + list(range(0xE0, 0xFD)):
        for index in range(188):
            yield bytes([lead, sjis_trail(index)])


def domain_euc_pairs():
    for lead in [0x8E] + list(range(0xA1, 0xFF)):
        for trail in range(0xA1, 0xFF):
            yield bytes([lead, trail])


def domain_iso2022_jis0208():
    for row in range(94):
        for cell in range(94):
            yield b"\x1b$B" + bytes([0x21 + row, 0x21 + cell]) + b"\x1b(B"


def domain_iso2022_single(designation):
    def domain():
        for byte in range(0x21, 0x7F):
            yield b"\x1b(" + designation + bytes([byte]) + b"\x1b(B"
    return domain


DOMAINS = {
    "high_bytes": domain_high_bytes,
    "sjis_pairs": domain_sjis_pairs,
    "euc_pairs": domain_euc_pairs,
    "iso2022_jis0208": domain_iso2022_jis0208,
    "iso2022_roman": domain_iso2022_single(b"J"),
    "iso2022_katakana": domain_iso2022_single(b"I"),
}


def fnv1a(data, h=0xCBF29CE484222325):
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def checks_text():
    cases = [(canonical, codec, "high_bytes") for canonical, codec, _ in SINGLE_BYTE]
    cases += [
        ("iso-8859-1", "latin_1", "high_bytes"),
        ("shift_jis", "shift_jis", "high_bytes"),
        ("shift_jis", "shift_jis", "sjis_pairs"),
        ("windows-31j", "cp932", "high_bytes"),
        ("windows-31j", "cp932", "sjis_pairs"),
        ("euc-jp", "euc_jp", "euc_pairs"),
        ("iso-2022-jp", "iso2022_jp", "iso2022_jis0208"),
        ("iso-2022-jp", "iso2022_jp", "iso2022_roman"),
        ("iso-2022-jp", "iso2022_jp_ext", "iso2022_katakana"),
    ]
    lines = [
        "// Generated by scripts/gen_charsets.py: what Python's codecs make of every code of each",
        "// domain. `defined` has one bit per code in domain order (least significant bit first)",
        "// set when Python decodes the code alone; `digest` is FNV-1a 64 over the UTF-8 of those",
        "// decodings, concatenated. Used by tests/unit/mime_charset_test.cpp. Do not edit.",
        "inline constexpr CodecCheck codec_checks[%d] = {" % len(cases),
    ]
    for label, codec, domain in cases:
        bits = []
        digest = 0xCBF29CE484222325
        count = 0
        for i, data in enumerate(DOMAINS[domain]()):
            if i % 8 == 0:
                bits.append(0)
            text = decode(data, codec)
            if text is None or text == "":
                continue
            bits[-1] |= 1 << (i % 8)
            digest = fnv1a(text.encode("utf-8"), digest)
            count += 1
        lines.append('    {"%s", "%s", "%s", %d, 0x%016XULL,\n     "%s"},'
                     % (label, codec, domain, count, digest, bytes(bits).hex()))
    lines.append("};")
    return "\n".join(lines) + "\n"


def write_if_changed(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except OSError:
        pass
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen_charsets.py TABLES.inc CHECKS.inc")
    write_if_changed(sys.argv[1], tables_text())
    write_if_changed(sys.argv[2], checks_text())


if __name__ == "__main__":
    main()
