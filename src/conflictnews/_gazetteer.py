"""Embedded world gazetteer (private).

Data: GeoNames (CC BY 4.0, https://www.geonames.org/) via PyPI packages, plus a
small hand-written list of supranational regions; built by
``scripts/build_gazetteer.py`` into ``conflictnews/data/gazetteer/``.  See
``docs/gazetteer.md``.

Only the standard library is used.  Nothing is read at import time: the first
:func:`load_gazetteer` call decompresses two gzip'd TSV files (~0.3 s).

Memory layout: places are kept as their raw TSV rows (parsed into
:class:`Place` on demand, with a bounded cache) and names as one ``dict``
mapping the normalised name to the space-separated row numbers of its places
(already ordered by population, descending), so a lookup is a dict access plus
parsing a handful of rows.
"""

from __future__ import annotations

import functools
import gc
import re
import unicodedata
import zlib
from collections.abc import Iterator
from importlib import resources
from typing import NamedTuple

__all__ = ["Gazetteer", "Place", "load_gazetteer", "normalize_name"]

FORMAT_VERSION = 1
KIND_ORDER = ("country", "region", "feature", "admin1", "admin2", "place")
_PLACES_FILE = "places.tsv.gz"
_NAMES_FILE = "names.tsv.gz"
_CACHE_LIMIT = 50_000


class Place(NamedTuple):
    """One gazetteer entry."""

    geonames_id: int | None
    name: str  # GeoNames main name ("Sudzha"; admin1: GeoNames' admin1 name)
    kind: str  # "country" | "admin1" | "admin2" | "place" | "region" | "feature"
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None  # admin1 name (places and admin1 itself)
    latitude: float
    longitude: float
    population: int
    feature_code: str  # GeoNames feature code (PPL, PPLC, ADM1, PCLI, CONT, RGN...)


# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------

# Apostrophes and dots vanish ("Kam'yanske" == "Kamyanske", "U.S." == "US").
_DROP = "'’‘ʼʻʹʾʿ`´′‛."
# Latin letters that NFKD does not decompose.
_TRANSLIT_1 = ("łŁøØđĐðÐıħĦŀĿŧŦƒəƏǝƎɛƐɔƆɵƟɣƔƶƵȝȜƿǷʊƱɲƝɩƖ", "lLoOdDdDihHlLtTfeEeEeEoOoOgGzZyYwWuUnNiI")
_TRANSLIT_N = {"þ": "th", "Þ": "Th", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ŋ": "ng", "Ŋ": "Ng", "&": " and "}
_TABLE = str.maketrans(
    {
        **dict.fromkeys(_DROP),
        **dict(zip(*_TRANSLIT_1, strict=True)),
        **_TRANSLIT_N,
        "ƣ": "gh",
        "Ƣ": "Gh",
    }
)
_NON_WORD = re.compile(r"[\W_]+")


def normalize_name(s: str) -> str:
    """Normalise a place name for lookup.

    Case-folded, accents stripped (NFKD minus combining marks), apostrophes and
    dots removed, every other run of non-alphanumerics (hyphens, commas...)
    turned into one space: ``"Kryvyi-Rih"`` and ``"Kryvyi Rih"`` both give
    ``"kryvyi rih"``, ``"Côte d'Ivoire"`` gives ``"cote divoire"``.
    """
    s = s.translate(_TABLE)
    if not s.isascii():
        s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", s.casefold()).strip()


# --------------------------------------------------------------------------
# Gazetteer
# --------------------------------------------------------------------------


_CHUNK = 1 << 18  # compressed bytes per step when streaming the data files


def _iter_text_chunks(name: str) -> Iterator[str]:
    """Decompress a packaged gzip'd file piecewise, yielding runs of whole lines.

    Streaming keeps the transient buffers small, so the process heap does not
    keep tens of MB of freed decompression buffers after loading.
    """
    blob = (resources.files("conflictnews") / "data" / "gazetteer" / name).read_bytes()
    view = memoryview(blob)
    inflater = zlib.decompressobj(wbits=31)  # gzip container
    carry = b""
    for pos in range(0, len(blob), _CHUNK):
        data = carry + inflater.decompress(view[pos : pos + _CHUNK])
        cut = data.rfind(b"\n") + 1
        carry = data[cut:]
        if cut:
            yield data[:cut].decode("utf-8")
    data = carry + inflater.flush()
    if data:
        yield data.decode("utf-8")


def _skip_header(chunk: str, header: list[str]) -> str:
    """Strip the leading ``#`` comment lines of ``chunk`` into ``header``."""
    start = 0
    while chunk.startswith("#", start):
        end = chunk.index("\n", start) + 1
        header.append(chunk[start:end])
        start = end
    return chunk[start:]


class Gazetteer:
    """Name -> places index over the embedded GeoNames-derived data."""

    __slots__ = ("_cache", "_countries", "_found", "_heads", "_max_words", "_names", "_rows")

    def __init__(self, rows: list[str], names: dict[str, str], max_words: int) -> None:
        self._rows = rows
        self._names = names
        self._cache: dict[int, Place] = {}
        self._found: dict[str, tuple[Place, ...]] = {}  # normalised name -> its places, as last looked up
        self._heads: frozenset[str] | None = None
        self._max_words = max_words
        self._countries: dict[str, int] = {}
        for i, row in enumerate(rows):  # countries come first in the table
            fields = row.split("\t", 4)
            if fields[2] != "country":
                break
            self._countries[fields[3]] = i

    @classmethod
    def from_package_data(cls) -> Gazetteer:
        """Read the packaged data files (format: docs/gazetteer.md)."""
        gc_was_enabled = gc.isenabled()
        gc.disable()  # ~1.5 million new objects, no cycles: skip the collector
        try:
            header: list[str] = []
            rows: list[str] = []
            for i, chunk in enumerate(_iter_text_chunks(_PLACES_FILE)):
                if i == 0:
                    chunk = _skip_header(chunk, header)
                    chunk = chunk[chunk.index("\n") + 1 :]  # column names
                part = chunk.split("\n")
                part.pop()  # chunks end with a newline
                rows.extend(part)
            header.clear()
            names: dict[str, str] = {}
            for i, chunk in enumerate(_iter_text_chunks(_NAMES_FILE)):
                if i == 0:
                    chunk = _skip_header(chunk, header)
                # "name\tids\n" lines: splitting on both separators at once gives
                # keys and values directly, without per-line temporaries.
                part = chunk.replace("\n", "\t").split("\t")
                part.pop()
                names.update(zip(part[0::2], part[1::2], strict=True))
        finally:
            if gc_was_enabled:
                gc.enable()
        m = re.search(r"max_words=(\d+)", "".join(header))
        return cls(rows, names, int(m.group(1)) if m else 0)

    # -- internals ---------------------------------------------------------

    def _place(self, i: int) -> Place:
        p = self._cache.get(i)
        if p is None:
            gid, name, kind, cc, adm1, lat, lon, pop, fcode = self._rows[i].split("\t")
            p = Place(
                int(gid) if gid else None,
                name,
                kind,
                cc or None,
                adm1 or None,
                float(lat),
                float(lon),
                int(pop),
                fcode,
            )
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            self._cache[i] = p
        return p

    def _ids(self, key: str) -> tuple[int, ...]:
        v = self._names.get(key)
        return tuple(map(int, v.split(" "))) if v else ()

    # -- public API --------------------------------------------------------

    def lookup(self, name: str) -> tuple[Place, ...]:
        """All places called ``name`` (normalised), by population desc then id."""
        return self.lookup_normalized(normalize_name(name))

    def lookup_normalized(self, key: str) -> tuple[Place, ...]:
        """Like :meth:`lookup` for a key already passed through :func:`normalize_name`."""
        found = self._found.get(key)
        if found is None:
            found = tuple(self._place(i) for i in self._ids(key))
            if len(self._found) >= _CACHE_LIMIT:
                self._found.clear()
            self._found[key] = found
        return found

    def has_normalized(self, key: str) -> bool:
        """Is *key* (already normalised) a name in the index? A dict membership test, no parsing."""
        return key in self._names

    def heads(self) -> frozenset[str]:
        """First words of every name of two or more words: a cheap test before trying longer spans."""
        heads = self._heads
        if heads is None:
            # a set display over the keys, not a generator: ~10% less on 500k names
            heads = self._heads = frozenset({k.partition(" ")[0] for k in self._names if " " in k})
        return heads

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and normalize_name(name) in self._names

    def __len__(self) -> int:
        """Number of entries (places, admin1s, countries, regions)."""
        return len(self._rows)

    def admin1(self, country: str, name: str) -> Place | None:
        """The first-level division ``name`` of ``country`` ("Kursk", "RU")."""
        cc = country.upper()
        for i in self._ids(normalize_name(name)):
            p = self._place(i)
            if p.kind == "admin1" and p.country == cc:
                return p
        return None

    def country(self, code_or_name: str) -> Place | None:
        """A country by ISO alpha-2 code ("UA"), alpha-3 code ("UKR") or name ("Ukraine", "U.S.")."""
        s = code_or_name.strip()
        if len(s) in (2, 3) and s.isascii() and s.isalpha():
            by_code = self._ids("=" + s.lower())
            if by_code:
                return self._place(by_code[0])
        for i in self._ids(normalize_name(s)):
            p = self._place(i)
            if p.kind == "country":
                return p
        return None

    def countries(self) -> tuple[Place, ...]:
        """Every country, by ISO code."""
        return tuple(self._place(i) for _, i in sorted(self._countries.items()))

    def max_name_words(self) -> int:
        """Length in tokens of the longest normalised name."""
        return self._max_words

    def name_count(self) -> int:
        """Number of distinct normalised names."""
        return len(self._names)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The shared gazetteer, loaded on first call."""
    return Gazetteer.from_package_data()
