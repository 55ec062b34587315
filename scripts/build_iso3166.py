"""
Build ``src/conflictnews/data/export/iso3166.tsv``: ISO 3166-1 alpha-2 → alpha-3 country codes.

The CAMEO export writes actors' countries as CAMEO does, in alpha-3; the model keeps alpha-2.
Run with a Python that has ``pycountry`` installed (a build-time tool, not a runtime dependency)::

    python scripts/build_iso3166.py
"""

from __future__ import annotations

import pathlib

import pycountry  # type: ignore[import-not-found]

OUT = pathlib.Path(__file__).resolve().parent.parent / "src" / "conflictnews" / "data" / "export" / "iso3166.tsv"

HEADER = """\
# ISO 3166-1 country codes: alpha-2 (as the model writes them) to alpha-3 (as CAMEO and GDELT write them).
# source: ISO 3166-1 as shipped by pycountry (Debian iso-codes); built by scripts/build_iso3166.py \
| license: the codes are facts; this table CC0-1.0
# columns: alpha-2<TAB>alpha-3
"""

EXTRA = {"XK": "XKX"}
"""Kosovo: a user-assigned code in ISO 3166 that GeoNames and the gazetteer use."""


def main() -> None:
    rows = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    rows.update(EXTRA)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(HEADER + "".join(f"{a2}\t{a3}\n" for a2, a3 in sorted(rows.items())), encoding="utf-8")
    print(f"{len(rows)} countries → {OUT}")


if __name__ == "__main__":
    main()
