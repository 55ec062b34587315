"""
Build ``src/conflictnews/data/locations/common_words.txt``: one-word gazetteer names that are also
ordinary lower-case English words ("march", "beyond", "of", "heavy").

The location parser asks for more evidence before reading such a word as a place.
Inputs: the SCOWL word list of Debian's ``wamerican`` package (``/usr/share/dict/words``;
``apt-get install wamerican``) and the packaged gazetteer. Re-run after rebuilding the gazetteer:

    python scripts/build_common_words.py [/usr/share/dict/words]
"""

from __future__ import annotations

import pathlib
import sys

from conflictnews._gazetteer import load_gazetteer, normalize_name

OUT = pathlib.Path(__file__).resolve().parent.parent / "src/conflictnews/data/locations/common_words.txt"
HEADER = """\
# One-word place names that are also common lower-case English words: a place reading needs more evidence.
# source: SCOWL word list (Debian wamerican 2020.12.07; copyright Kevin Atkinson and others, permissive license:
# "Permission to use, copy, modify, distribute and sell these word lists ... is hereby granted without fee")
# intersected with the conflictnews gazetteer (GeoNames, CC BY 4.0) by scripts/build_common_words.py; do not edit
"""


def main(path: str = "/usr/share/dict/words") -> None:
    gaz = load_gazetteer()
    words: set[str] = set()
    for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
        w = line.strip()
        if not w or not w.islower() or "'" in w or len(w) < 2:
            continue
        key = normalize_name(w)
        if key in gaz:
            words.add(key)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(HEADER + "".join(f"{w}\n" for w in sorted(words)), encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main(*sys.argv[1:])
